# a relative period outside its pattern (q-0)
sed -i 's|<stated-change fact="op.rev.limited" against="pq"|<stated-change fact="op.rev.limited" against="q-0"|' "$BOOK/periods/2004-q1.xml"
