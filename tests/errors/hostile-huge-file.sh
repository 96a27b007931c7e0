# a period file past the size limit: refused before it is read
truncate -s 17M "$BOOK/periods/2004-q1.xml"
