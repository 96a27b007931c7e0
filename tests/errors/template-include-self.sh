# a template that includes itself: refused with the chain, not expanded
# until the stack overflows
sed -i 's|  <page-break/>|  <include template="bilingual" lang="en"/>\n&|' "$TEMPLATES/bilingual.xml"
MARK='<include template="bilingual"'
MARKFILE="$TEMPLATES/bilingual.xml"
