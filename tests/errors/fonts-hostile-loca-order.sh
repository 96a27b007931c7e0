# a damaged font (loca-order, see tests/hostile_font.sh): refused at load
hostile_font loca-order
MARK='bad.ttf'
MARKFILE="$FONTS"
