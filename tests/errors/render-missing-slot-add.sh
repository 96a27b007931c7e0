# the English narrative lacks a slot and holds nothing like it: render
# names the template's line and the narrative the slot goes in
sed -i 's|<slot id="costs.sm">|<slot id="marketing.commentary">|' "$BOOK/periods/2004-q1.xml"
COMMAND=render
ARGS="--period 2004-q1 --lang en -o $output"
