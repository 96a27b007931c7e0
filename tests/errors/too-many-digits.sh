# a 40-digit figure
sed -i 's|<f id="is.rev.vas">1186837</f>|<f id="is.rev.vas">1234567890123456789012345678901234567890</f>|' "$BOOK/periods/2004-q1.xml"
