# a restated value is read as strictly as any other
sed -i 's|^  <display>|  <restate period="2003-q4" id="is.rev.other" value="1234567890123456789">Typo.</restate>\n  <display>|' "$BOOK/periods/2004-q1.xml"
