# a damaged font (cmap-offset, see tests/hostile_font.sh): refused at load
sh "$errors/../hostile_font.sh" cmap-offset /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf "$BOOK/bad.ttf"
sed -i "s|/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf|$BOOK/bad.ttf|" "$FONTS"
COMMAND=render
ARGS="--period 2004-q1 --lang en --format pdf -o $output"
MARK='bad.ttf'
MARKFILE="$FONTS"
