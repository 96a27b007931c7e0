# a FIFO named as a font: refused unopened, never waited on
mkfifo "$BOOK/fifo.ttf"
sed -i "s|/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf|$BOOK/fifo.ttf|" "$FONTS"
COMMAND=render
ARGS="--period 2004-q1 --lang ja --format pdf -o $output"
MARK='fifo.ttf'
MARKFILE="$FONTS"
