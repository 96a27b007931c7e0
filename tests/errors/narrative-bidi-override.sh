# a right-to-left override in narrative (a figure a browser would show
# reversed), on the second line of its text: refused on that line
sed -i 's|      Income for the First Quarter of Fiscal Year 2004</slot>|      Income for the First Quarter of Fiscal Year \xe2\x80\xae4002\xe2\x80\xac</slot>|' "$BOOK/periods/2004-q1.xml"
