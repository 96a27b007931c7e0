# a language left without a face for one of its roles
sed -i '/<role id="figure" lang="ja"/d' "$FONTS"
COMMAND=render
ARGS="--period 2004-q1 --lang ja --format pdf -o $output"
