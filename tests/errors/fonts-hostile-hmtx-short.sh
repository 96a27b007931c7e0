# a damaged font (hmtx-short, see tests/hostile_font.sh) embedded in a PDF: read
# and subset within bounds
sh "$errors/../hostile_font.sh" hmtx-short /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf "$BOOK/bad.ttf"
sed -i "s|/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf|$BOOK/bad.ttf|" "$FONTS"
COMMAND=render
ARGS="--period 2004-q1 --lang en --format pdf -o $output"
