# a period recording a fact far from every declared id: no suggestion
sed -i 's|<f id="is.rev.vas">1186837</f>|<f id="bs.goodwill.tokyo">1186837</f>|' "$BOOK/periods/2004-q1.xml"
