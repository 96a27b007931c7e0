#!/bin/sh
# Two kessan binaries benched side by side in one run, so that a shared,
# noisy machine slows both alike: each measure alternates the binaries
# RUNS times and reports the medians of CPU time (user + system, to the
# millisecond) and their ratio, as a Markdown table.
#
#   bench/compare.sh OLD_KESSAN NEW_KESSAN [RUNS]
#
# Measures, on examples/iij's 2004-q1 and a generated 40-release archive
# (examples/make-archive.sh, 360 outputs):
#   cold ja+en / en PDF   one `kessan render` process each, with its peak
#                         memory and the PDF's bytes
#   batch en / ja+en PDF  `kessan build -j 1 --force` of one language's
#                         PDFs over the archive, per PDF (setup included)
#   archive --force       every output of the archive at -j 1, and the
#                         quarters per second at -j 1 and -j 2 (wall clock)
#   no-change rebuild     `kessan build` with nothing to do
# Needs bash, and GNU time (Debian's package time) for the peak memory.
set -eu
old=${1:?usage: compare.sh OLD_KESSAN NEW_KESSAN [RUNS]}
new=${2:?usage: compare.sh OLD_KESSAN NEW_KESSAN [RUNS]}
runs=${3:-7}
here=$(cd "$(dirname "$0")/.." && pwd)
book="$here/examples/iij"
[ -x /usr/bin/time ] || { echo "compare.sh: needs /usr/bin/time (apt install time)" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/kessan-compare.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$here/examples/make-archive.sh" "$work/archive" 44 2000 >/dev/null
releases=40

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# measure NAME SIDE CMD...: appends "cpu_ms wall_s peak_kib" to
# $work/NAME.SIDE.
measure() {
	name=$1 side=$2
	shift 2
	# bash's time reads the children's CPU to the millisecond, GNU
	# time's to the hundredth of a second; GNU time gives the peak.
	bash -c 'TIMEFORMAT="%3U %3S %3R"; { time /usr/bin/time -o "$0.rss" \
	    -f %M "$@" >/dev/null 2>&1; } 2>"$0"' "$work/t" "$@" &&
	    [ -s "$work/t" ] ||
	    { echo "compare.sh: $name failed with $side: $*" >&2; exit 1; }
	awk -v rss="$(cat "$work/t.rss")" \
	    '{ printf "%.1f %.3f %d\n", ($1 + $2) * 1000, $3, rss }' "$work/t" \
	    >>"$work/$name.$side"
}

# both NAME ARGS...: runs `KESSAN ARGS` with each binary in turn, RUNS
# times; @OUT@ in ARGS is the side's own output folder.
both() {
	name=$1
	shift
	i=0
	while [ $i -lt "$runs" ]; do
		for side in old new; do
			eval bin=\$$side
			out="$work/out.$side"
			args=$(printf '%s\n' "$@" | sed "s|@OUT@|$out|g")
			# shellcheck disable=SC2086
			measure "$name" $side "$bin" $args
		done
		i=$((i + 1))
	done
}

column() {   # column NAME SIDE N: the median of field N
	awk -v n="$3" '{ print $n }' "$work/$1.$2" | median
}

row() {   # row LABEL NAME FIELD UNIT DIVISOR
	o=$(column "$2" old "$3") n=$(column "$2" new "$3")
	awk -v l="$1" -v o="$o" -v n="$n" -v u="$4" -v d="$5" 'BEGIN {
		o /= d; n /= d
		printf "| %s | %.1f %s | %.1f %s | %.2f |\n", l, o, u, n, u, (o ? n / o : 0) }'
}

pdf() {   # pdf LANG: the render arguments of examples/iij's PDF in LANG
	printf '%s\n' render --period 2004-q1 --lang "$1" --format pdf \
	    -o @OUT@/release-$1.pdf "$book"
}

mkdir -p "$work/out.old" "$work/out.new"
both cold_jaen $(pdf ja+en)
both cold_en $(pdf en)
runs_saved=$runs
runs=$(( (runs + 1) / 2 ))
both batch_en build -j 1 --force -l en -f pdf -o @OUT@/b "$work/archive"
both batch_jaen build -j 1 --force -l ja+en -f pdf -o @OUT@/b "$work/archive"
both archive_j1 build -j 1 --force -o @OUT@/a "$work/archive"
both archive_j2 build -j 2 --force -o @OUT@/a "$work/archive"
runs=$runs_saved
both noop build -j 1 -o @OUT@/a "$work/archive"

echo "| measure (median of $runs; batch and archive of $(( (runs + 1) / 2 ))) | old | new | new/old |"
echo "|---|---|---|---|"
row "ja+en PDF, cold, CPU" cold_jaen 1 ms 1
row "ja+en PDF, cold, peak memory" cold_jaen 3 MiB 1024
row "en PDF, cold, CPU" cold_en 1 ms 1
row "en PDF, in a batch, CPU each" batch_en 1 ms $releases
row "ja+en PDF, in a batch, CPU each" batch_jaen 1 ms $releases
row "40-release archive --force -j 1, CPU" archive_j1 1 s 1000
row "no-change rebuild, CPU" noop 1 ms 1
for side in old new; do
	for l in en ja+en; do
		wc -c <"$work/out.$side/release-$l.pdf" >"$work/bytes.$l.$side"
	done
done
for l in en ja+en; do
	o=$(cat "$work/bytes.$l.old") n=$(cat "$work/bytes.$l.new")
	awk -v l="$l" -v o="$o" -v n="$n" 'BEGIN {
		printf "| %s PDF bytes | %d | %d | %.2f |\n", l, o, n, n / o }'
done
for j in 1 2; do
	o=$(column archive_j$j old 2) n=$(column archive_j$j new 2)
	awk -v j="$j" -v o="$o" -v n="$n" -v q=$releases 'BEGIN {
		printf "| archive quarters/s at -j %d (wall) | %.1f | %.1f | %.2f |\n", j, q / o, q / n, (q / n) / (q / o) }'
done
