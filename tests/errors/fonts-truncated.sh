# a font file cut short (a failed copy): refused, never read past its end
head -c 4096 /usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf >"$BOOK/cut.ttf"
sed -i "s|/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf|$BOOK/cut.ttf|" "$FONTS"
COMMAND=render
ARGS="--period 2004-q1 --lang ja --format pdf -o $output"
MARK='cut.ttf'
MARKFILE="$FONTS"
