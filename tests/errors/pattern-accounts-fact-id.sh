# a chart-of-accounts id with a capital
sed -i 's|<fact id="is.rev.vas"|<fact id="is.rev.Vas"|' "$BOOK/accounts.xml"
