# company.xml cut off before its closing tag
sed -i '$d' "$BOOK/company.xml"
