# a 400-digit figure: kessan's own message, not the schema's "Error
# validating datatype token", and not all 400 digits of it
digits=$(printf '%0400d' 0 | tr 0 7)
sed -i "s|<f id=\"is.rev.vas\">1186837</f>|<f id=\"is.rev.vas\">$digits</f>|" "$BOOK/periods/2004-q1.xml"
