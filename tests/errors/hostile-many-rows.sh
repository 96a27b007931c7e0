# a table of 1,001 rows
rows=$(awk 'BEGIN { for (i = 0; i < 1001; i++) printf "<row id=\"r%d\" label=\"row.capex.leases\" value=\"op.capex_leases\"/>", i }')
sed -i "s|<row id=\"leases\" label=\"row.capex.leases\" value=\"op.capex_leases\"/>|$rows|" "$TEMPLATES/tables.xml"
