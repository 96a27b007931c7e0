# an output path whose folder is a file: nothing written, a clean error
: >"$scratch/not-a-folder"
COMMAND=render
ARGS="--period 2004-q1 -o $scratch/not-a-folder/release.txt"
