# a catalog message nesting select inside select 20 deep
deep=$(awk 'BEGIN { for (i = 0; i < 20; i++) printf "{0, select, a {"; printf "x"; for (i = 0; i < 20; i++) printf "} other {y}}" }')
sed -i "s|<source>Revenues totaled {0} ({1}), |<source>$deep Revenues totaled {0} ({1}), |" "$LOCALES/en.xlf"
MARK='Revenues totaled {0} ({1}), '
MARKFILE="$LOCALES/en.xlf"
