# a release date that does not exist
sed -i 's|<release date="2004-08-10">|<release date="2004-02-30">|' "$BOOK/periods/2004-q1.xml"
