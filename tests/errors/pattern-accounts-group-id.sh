# a group id with a space
sed -i 's|<group id="is" |<group id="i s" |' "$BOOK/accounts.xml"
