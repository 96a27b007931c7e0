#!/bin/sh
# An output folder that is full, or read-only: kessan says so, exits 2 and
# leaves no file, not even a temporary one; an output that is a pipe or a
# link is written through, never replaced. Needs a small tmpfs (root can
# mount one; permissions alone do not stop root); without one the cases
# are reported as skipped.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"

mnt="$scratch/mnt"
mkdir -p "$mnt"
cleanup() { umount "$mnt" 2>/dev/null; rm -rf "$scratch"; }
trap cleanup EXIT

# try OPTIONS WHAT WANT: renders the PDF into a tmpfs mounted with
# OPTIONS; expects exit 2, WANT in the error, and an empty folder.
try() {
	if ! mount -t tmpfs -o "$1" tmpfs "$mnt" 2>/dev/null; then
		printf 'SKIP: %s: cannot mount a tmpfs here\n' "$2" >&2
		return
	fi
	"$KESSAN" render --period 2004-q1 --lang ja+en --format pdf \
	    -o "$mnt/release.pdf" "$EXAMPLES/iij" 2>"$scratch/err"
	rc=$?
	left=$(ls -A "$mnt")
	umount "$mnt"
	if [ $rc -eq 2 ] && grep -q "^$mnt/release.pdf: error: .*$3" "$scratch/err" &&
	    [ -z "$left" ]; then
		ok
	else
		not_ok "$2: exit $rc, left '$left', said: $(cat "$scratch/err")"
	fi
}

try size=64k,mode=0755 "a full folder" "No space left on device"
try ro "a read-only folder" "Read-only file system"

# An output that is no regular file is never replaced: a pipe (as
# /dev/null or /dev/stdout would be, which a rename would have replaced
# with a file, as root) is written through; a link keeps pointing where it
# did, at the new file; a link to nothing is refused.
fifo="$scratch/pipe"
mkfifo "$fifo"
# A reader that waits for no writer for ever: the old rename left it none.
timeout 30 cat "$fifo" >"$scratch/through-pipe.txt" &
reader=$!
"$KESSAN" render --period 2004-q1 --lang en -o "$fifo" "$EXAMPLES/iij" \
    2>"$scratch/err"
rc=$?
wait $reader
if [ $rc -eq 0 ] && [ -p "$fifo" ] &&
    grep -q 'Internet Initiative Japan' "$scratch/through-pipe.txt" &&
    [ -z "$(ls "$scratch" | grep 'pipe\.tmp\.')" ]; then
	ok
else
	not_ok "a pipe as the output: exit $rc, $(ls -l "$fifo"), said: $(cat "$scratch/err")"
fi
: >"$scratch/target.txt"
ln -s target.txt "$scratch/link.txt"
if "$KESSAN" render --period 2004-q1 --lang en -o "$scratch/link.txt" \
    "$EXAMPLES/iij" 2>"$scratch/err" && [ -L "$scratch/link.txt" ] &&
    grep -q 'Internet Initiative Japan' "$scratch/target.txt"; then
	ok
else
	not_ok "a link as the output: $(ls -l "$scratch/link.txt"), said: $(cat "$scratch/err")"
fi
ln -s nowhere.txt "$scratch/dangling.txt"
"$KESSAN" render --period 2004-q1 --lang en -o "$scratch/dangling.txt" \
    "$EXAMPLES/iij" 2>"$scratch/err"
rc=$?
if [ $rc -eq 2 ] && [ -L "$scratch/dangling.txt" ] && [ ! -e "$scratch/nowhere.txt" ] &&
    grep -q "dangling.txt: error: .*a link to nothing" "$scratch/err"; then
	ok
else
	not_ok "a link to nothing as the output: exit $rc, said: $(cat "$scratch/err")"
fi

finish
