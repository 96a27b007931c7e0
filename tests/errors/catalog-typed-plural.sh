# a plural argument: ICU would read the text passed as a double, shifting
# every later argument
sed -i 's|we had {0} contracts for over 1Gbps in {1}|we had {0, plural, one {# contract} other {# contracts}} for over 1Gbps in {1}|' "$LOCALES/en.xlf"
MARK='{0, plural, one'
MARKFILE="$LOCALES/en.xlf"
