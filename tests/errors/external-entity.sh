# an XXE attempt: a DTD declaring an external entity
sed -i 's|^<company|<!DOCTYPE company [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>\n<company|' "$BOOK/company.xml"
sed -i 's|<name lang="en">[^<]*</name>|<name lang="en">\&x;</name>|' "$BOOK/company.xml"
