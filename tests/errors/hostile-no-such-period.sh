# rendering a quarter the book does not have
COMMAND=render
ARGS="--period 2099-q1 -o $output"
