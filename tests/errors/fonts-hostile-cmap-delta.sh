# a damaged font (cmap-delta, see tests/hostile_font.sh) as the only face of
# English body text: a glyph id past the font is .notdef, never read
hostile_font cmap-delta
sed -i 's|<role id="body" lang="en" faces="sans gothic"/>|<role id="body" lang="en" faces="sans"/>|' "$FONTS"
MARK='bad.ttf'
MARKFILE="$FONTS"
