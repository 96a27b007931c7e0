# a damaged font (cmap-delta, see tests/hostile_font.sh) as the only face of
# English body text: a glyph id past the font is .notdef, never read
sh "$errors/../hostile_font.sh" cmap-delta /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf "$BOOK/bad.ttf"
sed -i -e "s|/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf|$BOOK/bad.ttf|" \
    -e 's|<role id="body" lang="en" faces="sans gothic"/>|<role id="body" lang="en" faces="sans"/>|' "$FONTS"
COMMAND=render
ARGS="--period 2004-q1 --lang en --format pdf -o $output"
MARK='bad.ttf'
MARKFILE="$FONTS"
