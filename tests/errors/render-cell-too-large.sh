# A change the table cannot print: 0.01 thousand yen a year earlier and
# 99,999,999,999,999 thousand now is a change of about 10^18 per cent,
# which fits a fraction but not one decimal of 64-bit units. The cell is
# an error at its row, never a blank.
sed -i 's|<f id="is.rev.other">519709</f>|<f id="is.rev.other">0.01</f>|' "$BOOK/periods/2003-q1.xml"
sed -i 's|<f id="is.rev.other">592390</f>|<f id="is.rev.other">99999999999999</f>|' "$BOOK/periods/2004-q1.xml"
COMMAND=render
ARGS="--period 2004-q1 --lang en --format txt -o $output"
