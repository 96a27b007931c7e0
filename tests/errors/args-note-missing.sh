# a message with arguments and no args note: translators are not told
# what {0} and {1} are
sed -i 's|<notes><note category="args">0 page number; 1 number of pages</note></notes>||' "$LOCALES/ja.xlf"
MARK='<target>{0} / {1}ページ</target>'
MARKFILE="$LOCALES/ja.xlf"
