# an authored heading at level 1, which would outrank the release's title
sed -i 's|^\(    <slot id="overview">\)$|\1<h level="1">Message from the President</h>|' "$BOOK/periods/2004-q1.xml"
MARK='<h level="1">Message from the President</h>'
MARKFILE="$BOOK/periods/2004-q1.xml"
