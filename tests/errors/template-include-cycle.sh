# two templates that include each other (bilingual -> summary -> bilingual)
sed -i 's|  <section id="letterhead">|  <include template="bilingual" lang="ja"/>\n&|' "$TEMPLATES/summary.xml"
MARK='<include template="bilingual"'
MARKFILE="$TEMPLATES/summary.xml"
