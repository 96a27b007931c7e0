# a gzip-compressed period file: read as the bytes it is, never inflated
gzip -c "$BOOK/periods/2004-q1.xml" >"$BOOK/gz" && mv "$BOOK/gz" "$BOOK/periods/2004-q1.xml"
