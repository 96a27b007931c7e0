# a balance-sheet fact inside the statement of operations
sed -i 's|<f id="is.rev.vas">1186837</f>|<f id="bs.cash">1186837</f>|' "$BOOK/periods/2004-q1.xml"
