# --period naming a quarter the book does not have
ARGS="--period 2009-q1"
