# a damaged font (cmap-offset, see tests/hostile_font.sh): refused at load
hostile_font cmap-offset
MARK='bad.ttf'
MARKFILE="$FONTS"
