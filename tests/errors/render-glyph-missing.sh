# a character no configured font has (U+A66E) in the narrative: the PDF
# reports it instead of drawing tofu, and writes nothing
sed -i 's|<slot id="subtitle">- Sustaining|<slot id="subtitle">ꙮ - Sustaining|' "$BOOK/periods/2004-q1.xml"
COMMAND=render
ARGS="--period 2004-q1 --lang en --format pdf -o $output"
