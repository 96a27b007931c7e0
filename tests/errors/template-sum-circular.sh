# sums that come back to their own total
sed -i 's|sum="dedicated dialup vas other"|sum="dedicated dialup vas other rev_total"|' "$TEMPLATES/tables.xml"
MARK='sum="dedicated dialup vas other rev_total"'
MARKFILE="$TEMPLATES/tables.xml"
