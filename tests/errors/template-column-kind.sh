# a column kind the schema does not list: named, with the kinds there are
sed -i '0,/<column kind="change" period="current" base="py" header="col.yoy"\/>/s||<column kind="yoy" period="current" base="py" header="col.yoy"/>|' "$TEMPLATES/tables.xml"
MARK='<column kind="yoy"'
MARKFILE="$TEMPLATES/tables.xml"
