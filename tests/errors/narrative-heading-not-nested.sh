# an authored heading at the level of the template heading it stands under
sed -i 's|^\(    <slot id="overview">\)$|\1<h level="2">Message from the President</h>|' "$BOOK/periods/2004-q1.xml"
MARK='<h level="2">Message from the President</h>'
MARKFILE="$BOOK/periods/2004-q1.xml"
