# a font file past the size limit (sparse): refused before it is read
truncate -s 65M "$BOOK/huge.ttf"
sed -i "s|/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf|$BOOK/huge.ttf|" "$FONTS"
COMMAND=render
ARGS="--period 2004-q1 --lang ja --format pdf -o $output"
MARK='huge.ttf'
MARKFILE="$FONTS"
