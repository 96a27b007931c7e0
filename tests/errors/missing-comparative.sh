# the prior quarter of the release is not in the book
rm "$BOOK/periods/2003-q4.xml"
