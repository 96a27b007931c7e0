# an apostrophe before '#' quotes nothing outside a plural (ICU's default
# apostrophe mode), so {16} here is an argument ICU would read (a fuzz
# finding: a crash in umsg_format)
sed -i "s|<source>QoQ % change</source>|<source>'#}''{16}'</source>|" "$LOCALES/en.xlf"
MARK="<source>'#}''{16}'"
MARKFILE="$LOCALES/en.xlf"
