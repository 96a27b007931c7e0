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

# split_tables TEXT DIR: each table of a text render (a run of lines
# holding a tab) into DIR/1.tsv, DIR/2.tsv, ... in order.
split_tables() {
	awk -v dir="$2" '
	/\t/ { if (!in_table) { n++; in_table = 1 } print > (dir "/" n ".tsv"); next }
	{ in_table = 0 }' "$1"
}

# The HTML tests' tools, installed by ./setup into tests/tools/node_modules
# or named by KESSAN_NODE_MODULES (make check passes it on; a distcheck's
# unpacked tree has no node_modules of its own).
tools="${TESTS_SRCDIR:-$(dirname "$0")}/tools"
KESSAN_NODE_MODULES="${KESSAN_NODE_MODULES:-$tools/node_modules}"
export KESSAN_NODE_MODULES
vnu="$KESSAN_NODE_MODULES/vnu-jar/build/dist/vnu.jar"
html_tools_ready() {
	if command -v java >/dev/null 2>&1 && command -v node >/dev/null 2>&1 &&
	    [ -f "$vnu" ] && [ -d "$KESSAN_NODE_MODULES/playwright-core" ] &&
	    [ -x /usr/bin/chromium ]; then
		return 0
	fi
	not_ok "the HTML test tools are missing: run ./setup (java, node, chromium, tests/tools)"
	return 1
}

# nu_check FILE...: the Nu HTML checker, errors only, on stderr. Its schema
# recursion overflows the default thread stack now and then, and it then
# says so and exits 0 having checked nothing: a large stack, and such a
# run counted as a failure. C1 alone and the serial collector halve its
# start-up.
nu_check() {
	java -Xss16m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$vnu" \
	    --errors-only "$@" 2>"$scratch/vnu.out"
	vnu_rc=$?
	cat "$scratch/vnu.out" >&2
	[ $vnu_rc -eq 0 ] && ! grep -q 'StackOverflowError' "$scratch/vnu.out"
}

finish() {
	printf '%d passed, %d failed\n' "$passed" "$failed"
	[ "$failed" -eq 0 ]
}
