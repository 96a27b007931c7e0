# a translation using an argument its notes do not document
sed -i 's|<target>{2}年度</target>|<target>{2}年度{11}</target>|' "$LOCALES/ja.xlf"
MARK='{2}年度{11}'
MARKFILE="$LOCALES/ja.xlf"
