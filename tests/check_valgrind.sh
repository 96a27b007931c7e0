#!/bin/sh
# For `make check-valgrind`: each command and each format once, on their
# success paths, with $KESSAN the valgrind wrapper (an invalid access or
# a leak definitely lost exits 99). The error paths are a sample of
# tests/errors, run by check_errors.sh in the same stage.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"

# expect WANT WHAT COMMAND...: runs COMMAND, wants exit status WANT.
expect() {
	want=$1
	what=$2
	shift 2
	"$@" >"$scratch/stdout" 2>"$scratch/stderr"
	rc=$?
	if [ $rc -eq "$want" ]; then
		ok
	else
		not_ok "$what: exit $rc, not $want"
		head -40 "$scratch/stderr" >&2
	fi
}

expect 0 "check" "$KESSAN" check "$EXAMPLES/iij"
mkdir -p "$scratch/out"
for format in txt pdf html tree; do
	expect 0 "render ja+en $format" "$KESSAN" render --period 2004-q1 \
	    --lang ja+en --format $format -o "$scratch/out/r.$format" "$EXAMPLES/iij"
done

# A build of a small archive (one release), every language and format,
# through a worker process.
"$EXAMPLES/make-archive.sh" "$scratch/archive" 5 2000
expect 0 "build" "$KESSAN" build -j 1 -o "$scratch/built" "$scratch/archive"
expect 0 "build, nothing to do" "$KESSAN" build -j 1 -o "$scratch/built" \
    "$scratch/archive"

# A diff of two drafts with a changed figure and a changed word.
new=$(fresh_book new)
sed -i -e 's|<f id="is.rev.si">\([0-9]*\)</f>|<f id="is.rev.si">1\1</f>|' \
    -e 's|- Sustaining Bottom Line|- Sustaining Top Line|' \
    "$new/periods/2004-q1.xml"
expect 1 "diff txt" "$KESSAN" diff "$EXAMPLES/iij" "$new"
expect 1 "diff html" "$KESSAN" diff --format html -o "$scratch/diff.html" \
    "$EXAMPLES/iij" "$new"
expect 1 "diff pdf" "$KESSAN" diff --format pdf -o "$scratch/diff.pdf" \
    "$EXAMPLES/iij" "$new"
expect 0 "diff of two period files, no change" "$KESSAN" diff \
    "$EXAMPLES/iij/periods/2004-q1.xml" "$EXAMPLES/iij/periods/2004-q1.xml"

# kessan sheet: both formats out, and back in with a changed figure (and
# once with a bad cell, nothing written).
sheets=$(fresh_book sheets)
edit="perl ${TESTS_SRCDIR:-$(dirname "$0")}/sheet_edit.pl"
for f in xlsx csv; do
	expect 0 "sheet export $f" "$KESSAN" sheet export --period 2004-q1 \
	    -o "$scratch/q1.$f" "$sheets"
done
$edit "$scratch/q1.xlsx" "$scratch/changed.xlsx" xl/worksheets/sheet1.xml \
    '<c r="H2"><v>2918488</v></c>' '<c r="H2"><v>2918588</v></c>'
$edit "$scratch/q1.xlsx" "$scratch/bad.xlsx" xl/worksheets/sheet1.xml \
    '<c r="H2"><v>2918488</v></c>' '<c r="H2"><f>H3</f></c>'
expect 0 "sheet import xlsx" "$KESSAN" sheet import "$sheets" "$scratch/changed.xlsx"
expect 0 "sheet import csv" "$KESSAN" sheet import "$sheets" "$scratch/q1.csv"
expect 2 "sheet import, a bad cell" "$KESSAN" sheet import "$sheets" \
    "$scratch/bad.xlsx"
# The catalog in each translators' format, and one imported into a copy
# (a caption changed; then a dropped placeholder refused).
cp -R "${KESSAN_DATADIR:-$TESTS_SRCDIR/..}/locales" "$scratch/loc"
for format in po xliff12 xliff2; do
	expect 0 "catalog export $format" "$KESSAN" catalog export \
	    --format $format -o "$scratch/ja.$format" "$EXAMPLES/iij"
done
sed '/^msgctxt "table.balance-sheet.caption"$/,/^msgstr/ s/^msgstr "\(.*\)"$/msgstr "\1(改訂)"/' \
    "$scratch/ja.po" >"$scratch/changed.po"
expect 0 "catalog import" env KESSAN_LOCALES="$scratch/loc" "$KESSAN" \
    catalog import "$scratch/changed.po"
sed 's/^msgstr "{0}、{1}、{2}"$/msgstr "{0}、{2}"/' "$scratch/ja.po" \
    >"$scratch/dropped.po"
expect 2 "catalog import, a placeholder dropped" env \
    KESSAN_LOCALES="$scratch/loc" "$KESSAN" catalog import "$scratch/dropped.po"

finish
