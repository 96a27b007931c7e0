#!/bin/sh
# kessan build on a generated archive (12 quarters in make check, 44 in
# the full suite's check-slow: KESSAN_BUILD_QUARTERS): every release in every
# language and format; nothing rebuilt when nothing changed; exactly the
# dependents rebuilt when a quarter changes; reproducible manifests; a
# build killed with SIGKILL completed by a rerun; shards that partition;
# a no-op build that writes nothing; leftovers matched to kessan's own
# temporary names; a second build into a busy folder refused; many jobs
# failing at once print whole diagnostics, in job order.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"

archive="$scratch/archive"
quarters=${KESSAN_BUILD_QUARTERS:-12}
releases=$((quarters - 4))     # the first four are comparatives only
outputs=$((releases * 9))      # en, ja, ja+en; txt, pdf, html
per_format=$((releases * 3))
# The quarter at index I (0: 2000-q1) as FYYY-qN.
quarter_at() { printf '%d-q%d' $((2000 + $1 / 4)) $(($1 % 4 + 1)); }
"$EXAMPLES/make-archive.sh" "$archive" "$quarters" 2000
if "$KESSAN" check "$archive" >/dev/null 2>"$scratch/err"; then
	ok
else
	not_ok "the generated archive does not check: $(head -3 "$scratch/err")"
fi

summary() {   # summary OUT [options]: runs a build, prints its summary line
	out=$1
	shift
	"$KESSAN" build -o "$out" "$@" "$archive" 2>"$scratch/build-err"
}
expect_summary() {   # expect_summary WHAT GOT WANT
	if printf '%s\n' "$2" | grep -qF -- "$3"; then ok; else not_ok "$1: $2"; fi
}

out="$scratch/out"
got=$(summary "$out" -j 2)
expect_summary "first build" "$got" "$outputs outputs: $outputs built, 0 up to date, 0 failed"
if [ -f "$out/2000-q1/release-en.pdf" ] || [ ! -f "$out/2001-q1/release-ja+en.html" ] ||
    [ ! -f "$out/$(quarter_at $((quarters - 1)))/release-en.pdf" ] || [ ! -f "$out/manifest.tsv" ]; then
	not_ok "layout: OUT/FYYY-qN/release-LANG.FORMAT for releases only"
else
	ok
fi
if [ "$(grep -c '^output	' "$out/manifest.tsv")" -eq $outputs ]; then ok; else not_ok "manifest lists $outputs outputs"; fi

# Nothing changed: nothing rebuilt, and the manifest not rewritten (it
# keeps its inode, which an atomic rewrite would change), so a read-only
# folder builds when nothing changed. (The state file is a cache, written
# when its digests change and never an error.)
before=$(stat -c '%i' "$out/manifest.tsv")
got=$(summary "$out" -j 2)
expect_summary "second build" "$got" "$outputs outputs: 0 built, $outputs up to date, 0 failed"
if [ "$(stat -c '%i' "$out/manifest.tsv")" = "$before" ]; then
	ok
else
	not_ok "a no-op build rewrote the manifest"
fi

# Leftovers: only kessan's own temporary names go, not a user's files
# that merely contain ".tmp.".
mkdir -p "$out/photos"
touch "$out/thesis.tmp.v2.doc" "$out/photos/holiday.tmp.1.jpg" \
    "$out/notes.tmp.AbC123" "$out/2001-q1/release-en.txt.tmp.AbC123" \
    "$out/manifest.tsv.tmp.x1Y2z3"
summary "$out" -j 2 >/dev/null
if [ -f "$out/thesis.tmp.v2.doc" ] && [ -f "$out/photos/holiday.tmp.1.jpg" ] &&
    [ -f "$out/notes.tmp.AbC123" ] &&
    [ ! -e "$out/2001-q1/release-en.txt.tmp.AbC123" ] &&
    [ ! -e "$out/manifest.tsv.tmp.x1Y2z3" ]; then
	ok
else
	not_ok "leftovers: $(cd "$out" && find . -name '*.tmp.*' | sort | tr '\n' ' ')"
fi
rm -rf "$out/photos" "$out/thesis.tmp.v2.doc" "$out/notes.tmp.AbC123"

# A second build into a folder being built is refused: the folder is busy.
if flock -n "$out/.kessan-lock" "$KESSAN" build -o "$out" "$archive" \
    >/dev/null 2>"$scratch/busy"; then
	not_ok "a build ran while another held the folder's lock"
else
	rc=$?
	if [ $rc -eq 2 ] && grep -q "error: the folder is busy" "$scratch/busy"; then
		ok
	else
		not_ok "busy folder: exit $rc, $(cat "$scratch/busy")"
	fi
fi

# One quarter's narrative edited: only its own outputs are rebuilt. The
# outputs that read the quarter at all are its own and those using it as
# comparative or trend quarter (the four after it, whose five-quarter trend
# holds it), but those read its facts, not its narrative
# (tests/check_build_deps.sh tries edits of every kind).
edited=$(quarter_at 5)
sed -i 's|<slot id="subtitle">- Sustaining|<slot id="subtitle">- Still Sustaining|' \
    "$archive/periods/$edited.xml"
readers=$(awk -F'\t' -v f="book/periods/$edited.xml" -v r="reads/$edited" '/^output/ { o = $2 } $1 == "input" && ($2 == f || $2 == r) { print o }' \
    "$out/manifest.tsv" | sort)
got=$(summary "$out" -j 2)
expect_summary "after an edit" "$got" "$outputs outputs: 9 built, $((outputs - 9)) up to date, 0 failed"
if [ "$(printf '%s\n' "$readers" | wc -l)" -eq 45 ] &&
    [ "$(printf '%s\n' "$readers" | sed 's|/.*||' | sort -u | tr '\n' ' ')" = "$(for i in 5 6 7 8 9; do printf '%s ' "$(quarter_at $i)"; done)" ]; then
	ok
else
	not_ok "the outputs reading 2005-q2 are not that quarter and the four after it: $(printf '%s' "$readers" | sed 's|/.*||' | sort -u | tr '\n' ' ')"
fi

# Two clean builds: identical manifests.
summary "$scratch/clean1" -j 2 --force --format txt,html >/dev/null
summary "$scratch/clean2" -j 1 --force --format txt,html >/dev/null
if cmp -s "$scratch/clean1/manifest.tsv" "$scratch/clean2/manifest.tsv"; then ok; else not_ok "two clean builds give different manifests"; fi

# Killed with SIGKILL part way, then rerun: every output complete, listed
# once, no temporary file left. The build is killed once its first PDF is
# out; a build fast enough to finish all of them before this loop sees one
# (it takes about 0.2 s) is tried again in a fresh folder, up to 5 times.
killed="$scratch/killed"
attempt=0
while [ $attempt -lt 5 ]; do
	rm -rf "$killed"
	setsid "$KESSAN" build -j 2 --format pdf -o "$killed" "$archive" >/dev/null 2>&1 &
	pid=$!
	i=0
	while [ -z "$(find "$killed" -name '*.pdf' 2>/dev/null | head -1)" ] && [ $i -lt 1000 ]; do
		sleep 0.01
		i=$((i + 1))
	done
	kill -KILL -- -"$pid" 2>/dev/null || kill -KILL "$pid"
	wait "$pid" 2>/dev/null
	partial=$(find "$killed" -name '*.pdf' | wc -l)
	[ "$partial" -lt $per_format ] && break
	attempt=$((attempt + 1))
done
got=$(summary "$killed" -j 2 --format pdf)
expect_summary "rerun after SIGKILL" "$got" "$per_format outputs:"
broken=0
for pdf in "$killed"/*/*.pdf; do
	qpdf --check "$pdf" >/dev/null 2>&1 || broken=$((broken + 1))
done
if [ "$partial" -lt $per_format ] && [ "$(find "$killed" -name '*.pdf' | wc -l)" -eq $per_format ] &&
    [ $broken -eq 0 ] && [ -z "$(find "$killed" -name '*.tmp.*')" ]; then
	ok
else
	not_ok "after SIGKILL ($partial PDFs) and a rerun: $broken broken, $(find "$killed" -name '*.tmp.*' | wc -l) temporary files"
fi
if [ "$(grep '^output	' "$killed/manifest.tsv" | sort | uniq -d | wc -l)" -eq 0 ] &&
    [ "$(grep -c '^output	' "$killed/manifest.tsv")" -eq $per_format ]; then
	ok
else
	not_ok "after SIGKILL: the manifest does not list each output once"
fi

# Shards 1/3, 2/3, 3/3 cover every output exactly once.
sharded="$scratch/sharded"
for k in 1 2 3; do
	summary "$sharded" -j 2 --format txt --shard $k/3 >/dev/null
done
cat "$sharded"/manifest-*-of-3.tsv | grep '^output' | cut -f2 | sort > "$scratch/shards"
if [ "$(wc -l < "$scratch/shards")" -eq $per_format ] && [ -z "$(uniq -d "$scratch/shards")" ] &&
    [ "$(find "$sharded" -name '*.txt' | wc -l)" -eq $per_format ] &&
    [ "$(wc -l < "$sharded/manifest-1-of-3.tsv")" -gt 0 ] &&
    [ "$(wc -l < "$sharded/manifest-3-of-3.tsv")" -gt 0 ]; then
	ok
else
	not_ok "shards do not partition the outputs"
fi

# One bad quarter fails alone: the others build, exit 1, a summary. Only
# the English release and the compilation use the broken slot.
bad=$(quarter_at $((quarters - 2)))
sed -i 's|<slot id="title">|<slot id="titel">|' "$archive/periods/$bad.xml"
got=$(summary "$scratch/bad" -j 2 --format txt)
rc=$?
expect_summary "one bad quarter" "$got" "$per_format outputs: $((per_format - 2)) built, 0 up to date, 2 failed"
if [ $rc -eq 1 ] && ! grep -q "$bad/release-en.txt" "$scratch/bad/manifest.tsv" &&
    grep -q "$bad/release-ja.txt" "$scratch/bad/manifest.tsv" &&
    grep -q "$bad.xml:[0-9]*: error: the en narrative has no slot 'title'" "$scratch/build-err"; then
	ok
else
	not_ok "a failed quarter: exit $rc, $(head -2 "$scratch/build-err")"
fi

# Many jobs failing at once, each diagnostic longer than one atomic pipe
# write (a book and data folder of some 2,900 characters each): workers
# send them to the build whole, which prints every line whole, and the same
# lines in the same order with -j 2 as with -j 1.
long=$scratch
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	long="$long/$(printf '%0240d' 0)"
done
mkdir -p "$long/data"
for d in templates locales fonts schemas; do
	ln -s "${KESSAN_DATADIR:-$TESTS_SRCDIR/..}/$d" "$long/data/$d"
done
cp -R "$archive" "$long/book"
sed -i 's|<slot id="title">|<slot id="titel">|' "$long/book"/periods/*.xml
for j in 1 2; do
	KESSAN_DATADIR="$long/data" "$KESSAN" build -j $j --format txt \
	    -o "$scratch/many$j" "$long/book" >/dev/null 2>"$scratch/many$j.err"
	echo $? >"$scratch/many$j.rc"
done
whole=$(grep -cE '^[^ ]+:[0-9]+: (error|warning|note): .{2000}' "$scratch/many2.err")
if [ "$(cat "$scratch/many2.rc")" -eq 1 ] &&
    [ "$(wc -l < "$scratch/many2.err")" -eq $((releases * 2)) ] &&
    [ "$whole" -eq $((releases * 2)) ] &&
    cmp -s "$scratch/many1.err" "$scratch/many2.err"; then
	ok
else
	not_ok "many failing jobs: exit $(cat "$scratch/many2.rc"), $(wc -l < "$scratch/many2.err") lines, $whole whole, $(cmp "$scratch/many1.err" "$scratch/many2.err" 2>&1 | head -1)"
fi

# Bad options: usage error (exit 2), a message naming the option, no output.
for opt in "--shard 4/3" "--shard x" "-j 0" "--format docx" "--lang fr"; do
	# shellcheck disable=SC2086 # the option and its value are two words
	"$KESSAN" build $opt -o "$scratch/badopt" "$archive" >/dev/null 2>"$scratch/err"
	rc=$?
	if [ $rc -eq 2 ] && grep -q "^kessan: build: ${opt%% *} takes" "$scratch/err" &&
	    [ ! -e "$scratch/badopt" ]; then
		ok
	else
		not_ok "build $opt: exit $rc, $(head -1 "$scratch/err")"
	fi
done

finish
