#!/bin/sh
# An output folder that is full, or read-only: kessan says so, exits 2 and
# leaves no file, not even a temporary one. Needs a small tmpfs (root can
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

finish
