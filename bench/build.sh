#!/bin/sh
# Quarters per second for `kessan build` over a generated archive of 40
# releases (every language and format: 360 outputs), at -j 1 and -j 2:
# the median of RUNS clean builds each, and the time of a no-op build
# next to a full one.
#
#   bench/build.sh KESSAN [RUNS]
set -eu
kessan=${1:?usage: build.sh KESSAN [RUNS]}
runs=${2:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/kessan-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$(dirname "$0")/../examples/make-archive.sh" "$work/archive" 44 2000
releases=40

seconds() {   # the seconds a build reports in its summary line
	sed -n 's/.*(\([0-9.]*\) s)$/\1/p'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

for jobs in 1 2; do
	i=0
	while [ $i -lt "$runs" ]; do
		"$kessan" build -j $jobs --force -o "$work/out" "$work/archive" | seconds
		i=$((i + 1))
	done > "$work/times"
	t=$(median < "$work/times")
	awk -v j=$jobs -v t="$t" -v n=$releases -v r="$runs" 'BEGIN {
		printf "-j %d: median %.2f s for %d quarters (360 outputs) over %d runs: %.1f quarters/s\n", j, t, n, r, n / t }'
done
full=$(median < "$work/times")
noop=$("$kessan" build -j 2 -o "$work/out" "$work/archive" | seconds)
awk -v f="$full" -v n="$noop" 'BEGIN {
	printf "no-op build: %.2f s, %.1f%% of a full build at -j 2\n", n, 100 * n / f }'
