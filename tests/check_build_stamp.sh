#!/bin/sh
# kessan build's stamp: a no-change rebuild decides "up to date" from the
# stamp and the manifest without loading the book (it opens no book file),
# and any change to what a build reads (a book file, a file of kessan's
# data folders, an output) still sends it through the full check. A file
# changed just before a build leaves no stamp (its time cannot be trusted).
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"
# strace tells which files a build opened (./setup installs it).
if ! command -v strace >/dev/null 2>&1; then
	not_ok "strace is missing: ./setup installs it"
	finish
	exit 1
fi

archive="$scratch/archive"
out="$scratch/out"
"$EXAMPLES/make-archive.sh" "$archive" 6 2000
# kessan's data, copied so that the test may touch it
data="$scratch/data"
mkdir -p "$data"
for d in templates locales fonts schemas; do
	[ -d "${KESSAN_DATADIR:-.}/$d" ] && cp -R "${KESSAN_DATADIR:-.}/$d" "$data/"
done
KESSAN_DATADIR=$data
export KESSAN_DATADIR
# Files older than the two seconds a stamp distrusts.
age() { find "$@" -exec touch -d '-1 minute' {} +; }
age "$archive" "$data"

# LeakSanitizer stops the world with ptrace, which a traced process cannot:
# under the sanitizers the traced builds leave leak checks to the others.
build() {   # build [options]: the summary line; the files it opened in $scratch/opened
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	    strace -f -qq -e trace=openat -o "$scratch/opened" \
	    "$KESSAN" build -o "$out" "$@" "$archive" 2>"$scratch/err"
}
expect() {   # expect WHAT GOT WANT
	if printf '%s\n' "$2" | grep -qF -- "$3"; then ok; else not_ok "$1: $2 $(head -3 "$scratch/err")"; fi
}
loaded() { grep -q 'accounts\.xml' "$scratch/opened"; }

got=$(build -j 2)
expect "first build" "$got" "18 outputs: 18 built, 0 up to date, 0 failed"
if [ -f "$out/.kessan-stamp" ]; then ok; else not_ok "a complete build leaves a stamp"; fi

got=$(build)
expect "no change" "$got" "18 outputs: 0 built, 18 up to date, 0 failed"
if loaded; then not_ok "a no-change build loaded the book"; else ok; fi

# A file of kessan's data folders changed (its time is enough): the full
# check runs, and finds the outputs up to date by their digests.
touch -d '-30 seconds' "$data/templates/release.xml"
got=$(build)
expect "data touched" "$got" "18 outputs: 0 built, 18 up to date, 0 failed"
if loaded; then ok; else not_ok "a touched template did not make the build check"; fi
got=$(build)
if loaded; then not_ok "the stamp was not renewed"; else ok; fi

# A new file in the book (a template folder's files are read by name) and
# a new data file both count.
touch -d '-30 seconds' "$archive/notes.txt" "$data/templates/extra.txt"
build >/dev/null
if loaded; then ok; else not_ok "a new file did not make the build check"; fi

# An output removed is rebuilt.
rm "$out/2001-q1/release-en.txt"
got=$(build)
expect "output removed" "$got" "18 outputs: 1 built, 17 up to date, 0 failed"

# A quarter edited just now: its dependents rebuilt, and no stamp left,
# as the edit is too recent to tell from a second one in the same tick.
q=$archive/periods/2001-q1.xml
sed 's|</period>|<!-- edited --></period>|' "$q" > "$q.new" && mv "$q.new" "$q"
got=$(build)
expect "quarter edited" "$got" "0 failed"
if printf '%s\n' "$got" | grep -q ': 0 built'; then not_ok "an edit rebuilt nothing: $got"; else ok; fi
if [ -f "$out/.kessan-stamp" ]; then not_ok "a racy stamp was written"; else ok; fi
build >/dev/null
if loaded; then ok; else not_ok "the build after a racy one did not check"; fi

age "$archive"
build >/dev/null
got=$(build --force)
expect "forced" "$got" "18 outputs: 18 built"
if loaded; then ok; else not_ok "--force did not load the book"; fi

finish
