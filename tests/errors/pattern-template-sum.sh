# a row sum whose ids are not names (a comma between them)
sed -i 's|sum="ip limited broadband"|sum="ip, limited broadband"|' "$TEMPLATES/tables.xml"
MARK='sum="ip, limited broadband"'
MARKFILE="$TEMPLATES/tables.xml"
