# a group reference with a capital, outside the id pattern
sed -i 's|<group ref="is">|<group ref="IS">|' "$BOOK/periods/2004-q1.xml"
