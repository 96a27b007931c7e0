# a narrative slot no template uses and no misspelling of one: check says
# it is never printed
sed -i 's|<slot id="costs.sm">|<slot id="marketing.commentary">|' "$BOOK/periods/2004-q1.xml"
