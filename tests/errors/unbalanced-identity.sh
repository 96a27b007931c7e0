# an identity with an unbalanced parenthesis
sed -i 's|</accounts>|  <identity id="paren">is.rev.total = (is.rev.conn_total + is.rev.si</identity>\n</accounts>|' "$BOOK/accounts.xml"
MARK='<identity id="paren">'
MARKFILE="$BOOK/accounts.xml"
