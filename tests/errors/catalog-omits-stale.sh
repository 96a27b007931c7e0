# an omits note that says the Japanese leaves out an argument its pattern
# uses: the note must stay true
sed -i 's|<note category="omits">1 4 7: the Japanese highlights|<note category="omits">0 1 4 7: the Japanese highlights|' "$LOCALES/ja.xlf"
MARK='営業収益は{0}、前年同期比'
MARKFILE="$LOCALES/ja.xlf"
