# a role naming a face fonts.xml does not declare
sed -i 's|<role id="strong" lang="ja" faces="gothic sans-bold"/>|<role id="strong" lang="ja" faces="gothik sans-bold"/>|' "$FONTS"
COMMAND=render
ARGS="--period 2004-q1 --lang ja --format pdf -o $output"
MARK='faces="gothik sans-bold"'
MARKFILE="$FONTS"
