# a select keyword outside its pattern (a template: validated, not shipped)
sed -i 's|<arg word="totaled"/>|<arg word="Totaled"/>|' "$TEMPLATES/release.xml"
MARK='<arg word="Totaled"/>'
MARKFILE="$TEMPLATES/release.xml"
