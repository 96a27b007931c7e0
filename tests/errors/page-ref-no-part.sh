# A page reference outside <if-part>: the Japanese release alone has no
# English part for it to name.
sed -i 's|<if-part part="release"><page-ref part="release"/>\(.*\)</if-part>|<page-ref part="release"/>\1|' "$BOOK/periods/2004-q1.xml"
COMMAND=render
ARGS="--period 2004-q1 --lang ja --format txt -o $output"
