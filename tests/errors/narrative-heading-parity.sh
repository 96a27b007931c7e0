# a slot both languages fill, with a heading in the English only
sed -i -e 's|^\(    <slot id="overview">\)$|\1<h level="3">Message from the President</h>|' \
    -e 's|^\(    <slot id="summary.overview">\)$|    <slot id="overview"><p>社長メッセージ</p></slot>\n\1|' \
    "$BOOK/periods/2004-q1.xml"
MARK='<slot id="overview"><p>社長メッセージ</p></slot>'
MARKFILE="$BOOK/periods/2004-q1.xml"
