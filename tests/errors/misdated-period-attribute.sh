# a period file whose fiscal-year attribute is wrong: its name follows
# the other files, so the attribute is the likelier fix (the rename is
# offered second)
sed -i 's|<period xmlns="urn:kessan:book:1" fiscal-year="2004" quarter="1">|<period xmlns="urn:kessan:book:1" fiscal-year="2005" quarter="1">|' "$BOOK/periods/2004-q1.xml"
