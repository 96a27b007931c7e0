# a folder named as a font: refused, not read
mkdir "$BOOK/folder.ttf"
sed -i "s|/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf|$BOOK/folder.ttf|" "$FONTS"
COMMAND=render
ARGS="--period 2004-q1 --lang ja --format pdf -o $output"
MARK='folder.ttf'
MARKFILE="$FONTS"
