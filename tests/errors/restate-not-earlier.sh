# a restatement must name an earlier period
sed -i 's|^  <display>|  <restate period="2004-q1" id="is.rev.other" value="1">Typo.</restate>\n  <display>|' "$BOOK/periods/2004-q1.xml"
