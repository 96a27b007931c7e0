# a date argument outside its pattern (dateline-0)
sed -i 's|<arg date="release"/>|<arg date="dateline-0"/>|' "$TEMPLATES/summary.xml"
MARK='<arg date="dateline-0"/>'
MARKFILE="$TEMPLATES/summary.xml"
