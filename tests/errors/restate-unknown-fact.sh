# a restatement of a fact the accounts do not declare
sed -i 's|^  <display>|  <restate period="2003-q4" id="is.rev.others" value="1">Typo.</restate>\n  <display>|' "$BOOK/periods/2004-q1.xml"
