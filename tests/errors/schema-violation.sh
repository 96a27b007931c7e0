# a value that is not a decimal number
sed -i 's|<f id="is.rev.vas">1186837</f>|<f id="is.rev.vas">1,186,837</f>|' "$BOOK/periods/2004-q1.xml"
