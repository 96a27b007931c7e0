# a period recording a fact the accounts do not declare
sed -i 's|<f id="is.rev.vas">1186837</f>|<f id="is.rev.vass">1186837</f>|' "$BOOK/periods/2004-q1.xml"
