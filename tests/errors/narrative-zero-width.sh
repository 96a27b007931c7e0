# a zero-width space hidden at the start of the first narrative slot
sed -i '0,/<slot id="[^"]*">[^<]/s|\(<slot id="[^"]*">\)\([^<]\)|\1\xe2\x80\x8b\2|' "$BOOK/periods/2004-q1.xml"
