# an authored English bullet that calls the prior quarter's operating
# income an operating loss: a warning (the words are the author's), and
# check still exits 0
sed -i 's|but decreased from an operating income$|but decreased from an operating loss|' "$BOOK/periods/2004-q1.xml"
