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

# What each case copies, found for all the cases at once: a grep, a
# basename and a subshell per case were most of this test's time (a
# process costs milliseconds here, kessan check itself about 60).
# shellcheck disable=SC2086
copies_templates=" $(grep -l 'TEMPLATES' $cases 2>/dev/null | tr '\n' ' ')"
# shellcheck disable=SC2086
copies_locales=" $(grep -l 'LOCALES' $cases 2>/dev/null | tr '\n' ' ')"
# shellcheck disable=SC2086
copies_fonts=" $(grep -l 'FONTS\|hostile_font' $cases 2>/dev/null | tr '\n' ' ')"
# A case that names neither BOOK nor hostile_font (which writes into
# BOOK) edits nothing of the book: it reads the example itself.
# shellcheck disable=SC2086
copies_book=" $(grep -l 'BOOK\|hostile_font' $cases 2>/dev/null | tr '\n' ' ')"

for edit in $cases; do
	name=${edit##*/}
	name=${name%.sh}
	if [ ! -f "$edit" ]; then
		not_ok "$name: no such case in tests/errors"
		continue
	fi
	case $copies_book in
	*" $edit "*)
		BOOK="$scratch/book.$name"
		cp -R "$EXAMPLES/iij" "$BOOK" ;;
	*) BOOK="$EXAMPLES/iij" ;;
	esac
	TEMPLATES="$KESSAN_DATADIR/templates"
	LOCALES="$KESSAN_DATADIR/locales"
	FONTS="$KESSAN_DATADIR/fonts/fonts.xml"
	case $copies_templates in
	*" $edit "*)
		TEMPLATES="$scratch/templates.$name"
		cp -R "$KESSAN_DATADIR/templates" "$TEMPLATES" ;;
	esac
	case $copies_locales in
	*" $edit "*)
		LOCALES="$scratch/locales.$name"
		cp -R "$KESSAN_DATADIR/locales" "$LOCALES" ;;
	esac
	case $copies_fonts in
	*" $edit "*)
		FONTS="$scratch/fonts.$name.xml"
		cp "$KESSAN_DATADIR/fonts/fonts.xml" "$FONTS" ;;
	esac
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
	# The paths as the expected files write them, and (unless NOTES=keep)
	# without the example's own notes and warning, in one sed.
	if [ "$NOTES" = keep ]; then
		drop=
	else
		drop='/: note: \(adjust\|stated-change\): /d
/2004-q1\.xml:[0-9][0-9]*: warning: the ja narrative of 2004-q1 says "営業利益" before a figure of -100, /d'
	fi
	sed -e "s|$BOOK|BOOK|g" -e "s|$TEMPLATES|TEMPLATES|g" \
	    -e "s|$LOCALES|LOCALES|g" -e "s|$FONTS|FONTS|g" \
	    -e "s|$scratch|SCRATCH|g" -e "$drop" "$scratch/stderr" >"$scratch/got"
	echo "exit: $rc" >>"$scratch/got"
	if [ -n "$MARK" ]; then
		line=$(grep -nF -m 1 -- "$MARK" "$MARKFILE")
		line=${line%%:*}
		if [ -z "$line" ]; then
			not_ok "$name: MARK not found in $MARKFILE"
		else
			sed -i "s/:$line: /:@MARK@: /" "$scratch/got"
		fi
	fi
	if [ $rc -ne 0 ]; then
		for left in "$scratch/out.$name"*; do
			[ -e "$left" ] && not_ok "$name: a failed run left ${left##*/}"
		done
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
