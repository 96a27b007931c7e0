# a face that is not a font at all
sed -i "s|/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf|$BOOK/company.xml|" "$FONTS"
COMMAND=render
ARGS="--period 2004-q1 --lang ja --format pdf -o $output"
MARK='company.xml'
MARKFILE="$FONTS"
