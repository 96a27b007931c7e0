#!/bin/sh
# Bad input gives the promised diagnostics and exit status. Each case
# tests/errors/NAME.sh edits a copy of the example book ($BOOK) and may set
# ARGS; NAME.expected holds the expected stderr (the copy's path written as
# BOOK) and a last line "exit: N". KESSAN_REGOLD=1 rewrites the expected
# files instead, showing what changed.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"
errors="${TESTS_SRCDIR:-$(dirname "$0")}/errors"

for edit in "$errors"/*.sh; do
	name=$(basename "$edit" .sh)
	BOOK=$(fresh_book "$name")
	ARGS=
	. "$edit"
	# shellcheck disable=SC2086
	"$KESSAN" check $ARGS "$BOOK" >/dev/null 2>"$scratch/stderr"
	rc=$?
	{ sed "s|$BOOK|BOOK|g" "$scratch/stderr"; echo "exit: $rc"; } >"$scratch/got"
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
