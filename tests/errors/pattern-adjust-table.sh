# a template table name outside its pattern
sed -i 's|<adjust table="ebitda" row="minority"|<adjust table="Ebitda" row="minority"|' "$BOOK/periods/2004-q1.xml"
