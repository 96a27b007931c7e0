# a Japanese amount message that says 億円 where the figures are in
# millions of yen: every amount it wraps would be misstated a hundredfold
sed -i 's|<target>{0}百万円</target>|<target>{0}億円</target>|' "$LOCALES/ja.xlf"
MARK='<target>{0}億円</target>'
MARKFILE="$LOCALES/ja.xlf"
