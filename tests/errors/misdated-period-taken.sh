# a period file whose quarter attribute names a quarter another file
# holds: only the attribute can be wrong
sed -i 's|fiscal-year="2003" quarter="3"|fiscal-year="2003" quarter="2"|' "$BOOK/periods/2003-q3.xml"
