# a footing kind outside its pattern
sed -i 's|<footing kind="operating"|<footing kind="-operating"|' "$BOOK/company.xml"
