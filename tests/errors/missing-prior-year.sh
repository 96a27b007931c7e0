# the prior-year quarter of the release is not in the book
rm "$BOOK/periods/2003-q1.xml"
