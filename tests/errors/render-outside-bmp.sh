# a character outside the Basic Multilingual Plane, which libharu 2.3.0
# would turn into a space
sed -i 's|<slot id="subtitle">- Sustaining|<slot id="subtitle">😀 - Sustaining|' "$BOOK/periods/2004-q1.xml"
COMMAND=render
ARGS="--period 2004-q1 --lang en --format pdf -o $output"
