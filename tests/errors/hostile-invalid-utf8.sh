# a byte sequence that is not UTF-8 in a narrative
printf 's|<p>|<p>\\xff\\xfe|' >"$scratch/utf8.sed"
sed -i -f "$scratch/utf8.sed" "$BOOK/periods/2004-q1.xml"
COMMAND=render
ARGS="--period 2004-q1 -o $output"
