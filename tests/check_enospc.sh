#!/bin/sh
# A full disk: a --force rebuild, and a render over an existing file, whose
# writes fail with ENOSPC (at write, fsync or close) keep the previous good
# outputs byte for byte, say which file could not be written ("FILE:
# error: ..."), exit non-zero and leave no temporary file; a build once
# there is room again finds everything in place. The disk is made full by
# an LD_PRELOAD shim (tests/enospc.c) built here: no root, no small file
# system needed.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"

src="${TESTS_SRCDIR:-$(dirname "$0")}"
shim="$scratch/enospc.so"
if ! ${CC:-cc} -shared -fPIC -o "$shim" "$src/enospc.c" -ldl \
    2>"$scratch/cc.err"; then
	not_ok "cannot build the shim tests/enospc.c: $(cat "$scratch/cc.err")"
	finish
	exit
fi
# A sanitizer build wants its runtime first; the shim has none to clash.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export ASAN_OPTIONS

archive="$scratch/archive"
out="$scratch/out"
"$EXAMPLES/make-archive.sh" "$archive" 6 2000   # two releases
# Everything in the folder but the lock, with its contents.
snapshot() { (cd "$out" && find . -type f ! -name .kessan-lock | sort |
    xargs md5sum) > "$1"; }
no_temporary() { ! find "$out" -name '*.tmp.*' | grep . >&2; }
# Every line a "FILE: error: ..." naming a file of the output folder.
clean_errors() { test -s "$1" && ! grep -v "^$out/[^:]*: error: " "$1" >&2; }

if "$KESSAN" build -j 2 -f txt -o "$out" "$archive" >/dev/null 2>"$scratch/err"; then
	ok
else
	not_ok "the first build: $(cat "$scratch/err")"
fi
snapshot "$scratch/before"

for at in write fsync close; do
	ENOSPC_AT=$at LD_PRELOAD="$shim" "$KESSAN" build -j 2 -f txt --force \
	    -o "$out" "$archive" >/dev/null 2>"$scratch/err"
	rc=$?
	if [ $rc -ne 0 ]; then ok; else not_ok "build, $at full: exit 0"; fi
	if clean_errors "$scratch/err"; then ok; else not_ok "build, $at full: not only FILE: error: lines"; fi
	if grep -q "^$out/2001-q2/release-ja+en.txt: error: .*No space left on device" \
	    "$scratch/err"; then ok; else not_ok "build, $at full: the output is not named"; fi
	snapshot "$scratch/after"
	if cmp -s "$scratch/before" "$scratch/after"; then ok; else
		not_ok "build, $at full: the previous outputs changed"
	fi
	if no_temporary; then ok; else not_ok "build, $at full: a temporary file is left"; fi

	ENOSPC_AT=$at LD_PRELOAD="$shim" "$KESSAN" render --period 2001-q1 \
	    --format txt -o "$out/2001-q1/release-en.txt" "$archive" \
	    2>"$scratch/err"
	rc=$?
	if [ $rc -ne 0 ] && clean_errors "$scratch/err" &&
	    grep -q "^$out/2001-q1/release-en.txt: error: .*No space left" \
	    "$scratch/err"; then ok; else
		not_ok "render, $at full: exit $rc, $(cat "$scratch/err")"
	fi
	snapshot "$scratch/after"
	if cmp -s "$scratch/before" "$scratch/after" && no_temporary; then ok; else
		not_ok "render, $at full: the previous output changed or a temporary is left"
	fi
done

# Room again: nothing was lost, so nothing needs building.
if "$KESSAN" build -j 2 -f txt -o "$out" "$archive" >"$scratch/summary" \
    2>&1 && grep -q '0 built, 6 up to date, 0 failed' "$scratch/summary"; then
	ok
else
	not_ok "the build after: $(cat "$scratch/summary")"
fi

finish
