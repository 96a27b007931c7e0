# narrative markup nested 5,000 deep
deep=$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "<em>"; printf "x"; for (i = 0; i < 5000; i++) printf "</em>" }')
printf '%s\n' "$deep" >"$scratch/deep"
awk -v f="$scratch/deep" 'BEGIN { getline d < f } !done && /<p>/ { sub(/<p>/, "<p>" d); done = 1 } { print }' \
    "$BOOK/periods/2004-q1.xml" >"$scratch/deep.xml" && mv "$scratch/deep.xml" "$BOOK/periods/2004-q1.xml"
COMMAND=render
ARGS="--period 2004-q1 -o $output"
