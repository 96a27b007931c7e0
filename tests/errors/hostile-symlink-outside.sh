# a period file that is a symbolic link out of the book: refused, not read
sed 's|quarter="1"|quarter="2"|' "$BOOK/periods/2004-q1.xml" >"$BOOK-outside.xml"
ln -s "$BOOK-outside.xml" "$BOOK/periods/2004-q2.xml"
