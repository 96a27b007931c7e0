# Shared helpers for the shell tests. Needs KESSAN and EXAMPLES (set by
# `make check`); prints "N passed, N failed" and exits non-zero on failure.
: "${KESSAN:?set KESSAN to the kessan binary}"
: "${EXAMPLES:?set EXAMPLES to the examples folder}"

passed=0
failed=0
scratch=$(mktemp -d "${TMPDIR:-/tmp}/kessan-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

ok() { passed=$((passed + 1)); }
not_ok() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$*" >&2; }

# A fresh copy of the example book; prints its path.
fresh_book() {
	dir="$scratch/book.$1"
	rm -rf "$dir"
	cp -R "$EXAMPLES/iij" "$dir"
	printf '%s\n' "$dir"
}

finish() {
	printf '%d passed, %d failed\n' "$passed" "$failed"
	[ "$failed" -eq 0 ]
}
