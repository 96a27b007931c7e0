# a table row naming a fact the book does not declare
sed -i 's|value="op.rev.ip"|value="op.rev.ipp"|' "$TEMPLATES/tables.xml"
MARK='note="note.connectivity.ip"/>'
MARKFILE="$TEMPLATES/tables.xml"
