# a sum naming a row its table does not have
sed -i 's|sum="cost_conn cost_si cost_equipment"|sum="cost_conn cost_si cost_equipmnt"|' "$TEMPLATES/tables.xml"
MARK='sum="cost_conn cost_si cost_equipmnt"'
MARKFILE="$TEMPLATES/tables.xml"
