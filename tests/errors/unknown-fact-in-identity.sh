# an identity naming a fact that is not declared
sed -i 's|</accounts>|  <identity id="typo">is.rev.total = is.rev.conn_totl + is.rev.si + is.rev.equipment</identity>\n</accounts>|' "$BOOK/accounts.xml"
MARK='<identity id="typo">'
MARKFILE="$BOOK/accounts.xml"
