# a date argument in a translation
sed -i 's|<target>{0} / {1}ページ</target>|<target>{0} / {1, DATE, full}ページ</target>|' "$LOCALES/ja.xlf"
MARK='{1, DATE, full}'
MARKFILE="$LOCALES/ja.xlf"
