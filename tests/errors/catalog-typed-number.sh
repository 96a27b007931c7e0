# a typed argument: kessan passes text, which ICU would read as an int32
# (a pointer's low bits in the release)
sed -i 's|<source>JPY {0} million</source>|<source>JPY {0,number,integer} million</source>|' "$LOCALES/en.xlf"
MARK='<source>JPY {0,number,integer} million'
MARKFILE="$LOCALES/en.xlf"
