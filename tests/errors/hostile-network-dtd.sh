# a DTD to be fetched from a network address: refused, nothing fetched
sed -i 's|^<accounts|<!DOCTYPE accounts SYSTEM "http://198.51.100.7/accounts.dtd">\n<accounts|' "$BOOK/accounts.xml"
