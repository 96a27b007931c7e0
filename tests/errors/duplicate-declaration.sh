# a fact declared twice in the chart of accounts
sed -i '0,/<fact id="is.rev.vas"/s|\(<fact id="is.rev.vas"[^>]*/>\)|\1\n    <fact id="is.rev.vas" unit="JPY" scale="3"/>|' "$BOOK/accounts.xml"
