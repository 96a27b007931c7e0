# a face whose file is not there: the error names the file and the line
sed -i 's|ipaexfont-mincho/ipaexm.ttf|ipaexfont-mincho/ipamincho.ttf|' "$FONTS"
COMMAND=render
ARGS="--period 2004-q1 --lang ja --format pdf -o $output"
MARK='ipamincho.ttf'
MARKFILE="$FONTS"
