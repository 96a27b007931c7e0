# authored English that says IP Service revenues increased by a change that
# is a decrease (printed without its sign: "increased by 10.1%"): a
# warning, and check still exits 0
sed -i 's|<slot id="revenues.dedicated">IP Service revenues decreased by|<slot id="revenues.dedicated">IP Service revenues increased by|' "$BOOK/periods/2004-q1.xml"
