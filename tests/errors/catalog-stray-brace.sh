# a closing brace with no argument open
sed -i 's|<source>QoQ % change</source>|<source>QoQ % change}</source>|' "$LOCALES/en.xlf"
MARK='<source>QoQ % change}'
MARKFILE="$LOCALES/en.xlf"
