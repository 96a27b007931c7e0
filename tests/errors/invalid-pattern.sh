# a message whose pattern has an unbalanced brace
sed -i 's|<source>Revenues totaled {0} ({1}), |<source>Revenues totaled {0 ({1}), |' "$LOCALES/en.xlf"
MARK='<source>Revenues totaled {0 ({1})'
MARKFILE="$LOCALES/en.xlf"
