#!/bin/sh
# Bad input gives the promised diagnostics and exit status. Each case
# tests/errors/NAME.sh edits a copy of the example book ($BOOK), of the
# templates ($TEMPLATES), of the catalogs ($LOCALES) or of the font
# configuration ($FONTS, fonts.xml), and may set COMMAND
# (default: check) and ARGS; NAME.expected holds the expected stderr (the
# copies' paths written as BOOK, TEMPLATES, LOCALES, the test's scratch
# folder as SCRATCH, the font configuration as FONTS) and a last line
# "exit: N". A case that edits a catalog or template may set MARK to a
# string of the edited line and MARKFILE to the file: its line number is
# written @MARK@, so the golden names exactly that line yet survives
# unrelated edits. A failing command must leave no output file. The
# example's own display notes (adjust:, stated-change:) and its authored
# 営業利益 for an operating loss (a warning tests/check_example.sh holds)
# are left out unless the case sets NOTES=keep: tests/check_footing.sh
# holds the notes.
# A font case may call hostile_font ATTACK (below). KESSAN_REGOLD=1
# rewrites the expected files instead, showing what changed.
# KESSAN_ERROR_CASES names a subset of the cases (check-valgrind runs a
# sample of them); KESSAN_ERROR_SHARD=K/N runs every Nth case from the
# Kth (make check runs the halves side by side, tests/check_errors_*.sh).
# Only the copies a case names are made: the others stay kessan's own.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"
errors="${TESTS_SRCDIR:-$(dirname "$0")}/errors"

if [ -n "${KESSAN_ERROR_CASES:-}" ]; then
	cases=$(for name in $KESSAN_ERROR_CASES; do printf '%s\n' "$errors/$name.sh"; done)
else
	cases=$(ls "$errors"/*.sh)
fi
if [ -n "${KESSAN_ERROR_SHARD:-}" ]; then
	cases=$(printf '%s\n' "$cases" | awk -v shard="$KESSAN_ERROR_SHARD" '
	    BEGIN { split(shard, s, "/") } (NR - 1) % s[2] == s[1] - 1')
fi
# hostile_font ATTACK: the case's fonts.xml names, for Liberation Sans, a
# copy damaged by tests/hostile_font.sh ATTACK, and the case renders the
# English PDF, which loads and subsets it.
liberation=/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf
hostile_font() {
	sh "$errors/../hostile_font.sh" "$1" "$liberation" "$BOOK/bad.ttf"
	sed -i "s|$liberation|$BOOK/bad.ttf|" "$FONTS"
	COMMAND=render
	ARGS="--period 2004-q1 --lang en --format pdf -o $output"
}

for edit in $cases; do
	name=$(basename "$edit" .sh)
	if [ ! -f "$edit" ]; then
		not_ok "$name: no such case in tests/errors"
		continue
	fi
	BOOK=$(fresh_book "$name")
	TEMPLATES="$KESSAN_DATADIR/templates"
	LOCALES="$KESSAN_DATADIR/locales"
	FONTS="$KESSAN_DATADIR/fonts/fonts.xml"
	if grep -q 'TEMPLATES' "$edit"; then
		TEMPLATES="$scratch/templates.$name"
		rm -rf "$TEMPLATES"
		cp -R "$KESSAN_DATADIR/templates" "$TEMPLATES"
	fi
	if grep -q 'LOCALES' "$edit"; then
		LOCALES="$scratch/locales.$name"
		rm -rf "$LOCALES"
		cp -R "$KESSAN_DATADIR/locales" "$LOCALES"
	fi
	if grep -q 'FONTS\|hostile_font' "$edit"; then
		FONTS="$scratch/fonts.$name.xml"
		cp "$KESSAN_DATADIR/fonts/fonts.xml" "$FONTS"
	fi
	COMMAND=check
	ARGS=
	MARK=
	MARKFILE=
	NOTES=
	output="$scratch/out.$name"
	. "$edit"
	# shellcheck disable=SC2086
	KESSAN_TEMPLATES="$TEMPLATES" KESSAN_LOCALES="$LOCALES" \
	    KESSAN_FONTS="$FONTS" \
	    "$KESSAN" $COMMAND $ARGS "$BOOK" >/dev/null 2>"$scratch/stderr"
	rc=$?
	{ sed -e "s|$BOOK|BOOK|g" -e "s|$TEMPLATES|TEMPLATES|g" \
	    -e "s|$LOCALES|LOCALES|g" -e "s|$FONTS|FONTS|g" \
	    -e "s|$scratch|SCRATCH|g" "$scratch/stderr" |
	    if [ "$NOTES" = keep ]; then cat; else
	    grep -Ev ': note: (adjust|stated-change): |2004-q1.xml:[0-9]+: warning: the ja narrative of 2004-q1 says "営業利益" before a figure of -100, '; fi; echo "exit: $rc"; } \
	    >"$scratch/got"
	if [ -n "$MARK" ]; then
		line=$(grep -nF -- "$MARK" "$MARKFILE" | head -n 1 | cut -d: -f1)
		if [ -z "$line" ]; then
			not_ok "$name: MARK not found in $MARKFILE"
		else
			sed -i "s/:$line: /:@MARK@: /" "$scratch/got"
		fi
	fi
	if [ $rc -ne 0 ] && ls "$scratch" | grep -q "^out\.$name"; then
		not_ok "$name: a failed run left $(ls "$scratch" | grep "^out\.$name")"
	fi
	if [ -n "${KESSAN_REGOLD:-}" ]; then
		diff -u "$errors/$name.expected" "$scratch/got" 2>/dev/null
		cp "$scratch/got" "$errors/$name.expected"
	fi
	if diff -u "$errors/$name.expected" "$scratch/got" >"$scratch/diff"; then
		ok
	else
		not_ok "$name"
		cat "$scratch/diff" >&2
	fi
done

finish
