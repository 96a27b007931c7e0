# a period file whose name does not match its fiscal quarter
mv "$BOOK/periods/2003-q2.xml" "$BOOK/periods/2003-Q2.xml"
