# a heading in a slot the template joins into a list item's sentences
sed -i 's|^    <slot id="highlights.revenues">\(.*\)$|    <slot id="highlights.revenues"><h level="3">Revenues</h><p>\1|' "$BOOK/periods/2004-q1.xml"
sed -i '0,/of our operational outsource service.<\/slot>/s||of our operational outsource service.</p></slot>|' "$BOOK/periods/2004-q1.xml"
MARK='<h level="3">Revenues</h>'
MARKFILE="$BOOK/periods/2004-q1.xml"
