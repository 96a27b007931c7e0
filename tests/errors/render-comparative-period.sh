# rendering a quarter that has no release of its own
COMMAND=render
ARGS="--period 2003-q4 -o $output"
