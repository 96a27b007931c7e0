# a company field neither listed nor an officer (officer.CFO)
sed -i '0,/<arg company="name"\/>/s|<arg company="name"/>|<arg company="officer.CFO"/>|' "$TEMPLATES/release.xml"
MARK='<arg company="officer.CFO"/>'
MARKFILE="$TEMPLATES/release.xml"
