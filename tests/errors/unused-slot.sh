# a misspelled narrative slot: no template uses it, so check reports it
# at its own line, with the slot the template wants
sed -i 's|<slot id="costs.sm">|<slot id="costs.smm">|' "$BOOK/periods/2004-q1.xml"
