# a negative convenience rate
sed -i 's|rate="109.43"|rate="-109.43"|' "$BOOK/periods/2004-q1.xml"
