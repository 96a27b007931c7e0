#!/bin/sh
# The pipeline's stages include only headers of their own folder or of an
# earlier stage: every #include "..." under src/ is resolved (../ too) and
# ranked. Prints the folder graph; each violation fails with file:line, as
# does a folder with no rank (a new stage must be given its place here).
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"

src="${TESTS_SRCDIR:-$(dirname "$0")}/../src"
# The ranks, earliest first; "top" is src/*.c and src/*.h but main.c. The
# command line, main.c and the commands in cli/, runs every stage, the batch
# build included, and is the only place that prints: it may include
# everything, and nothing else may include cli/.
ranks='util 0
model 1
load 2
translate 3
figure 4
format 5
doc 6
check 7
diff 8
sheet 8
font 9
layout 10
backend 11
top 12
build 13
main 14
cli 14'

(cd "$src" && find . -name '*.[ch]' | sed 's|^\./||' | LC_ALL=C sort) \
    >"$scratch/files"
if [ ! -s "$scratch/files" ]; then
	not_ok "no sources found in $src"
	finish
	exit 1
fi
# file:line:included, for every quoted include.
while IFS= read -r f; do
	grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$src/$f" |
	    sed "s|^\\([0-9]*\\):.*\"\\([^\"]*\\)\".*|$f:\\1:\\2|"
done <"$scratch/files" >"$scratch/includes"

printf '%s\n' "$ranks" | awk -v files="$scratch/files" \
    -v includes="$scratch/includes" -v report="$scratch/report" '
function stage(path,   slash) {
	slash = index(path, "/")
	if (path == "main.c")
		return "main"
	return slash == 0 ? "top" : substr(path, 1, slash - 1)
}
# The path "dir/inc" names, with "." and ".." resolved; "" above src/.
function resolve(dir, inc,   parts, n, i, out, k, path) {
	n = split((dir == "" ? "" : dir "/") inc, parts, "/")
	k = 0
	for (i = 1; i <= n; i++) {
		if (parts[i] == "" || parts[i] == ".")
			continue
		if (parts[i] == "..") {
			if (k == 0)
				return ""
			k--
			continue
		}
		out[++k] = parts[i]
	}
	path = ""
	for (i = 1; i <= k; i++)
		path = path (i > 1 ? "/" : "") out[i]
	return path
}
{ rank[$1] = $2 }
END {
	while ((getline f < files) > 0) {
		exists[f] = 1
		if (!(stage(f) in rank) && !(stage(f) in unranked)) {
			unranked[stage(f)] = 1
			printf "src/%s: error: folder %s has no rank in " \
			    "tests/check_layers.sh\n", f, stage(f) > report
		}
	}
	while ((getline line < includes) > 0) {
		# file:line:included
		split(line, p, ":")
		file = p[1]; at = p[2]; inc = substr(line,
		    length(file) + length(at) + 3)
		dir = file; sub(/\/?[^\/]*$/, "", dir)
		if (index(file, "/") == 0)
			dir = ""
		target = resolve(dir, inc)
		if (!(target in exists)) {
			# The generated config.h lives in the build folder.
			if (inc == "config.h")
				continue
			printf "src/%s:%s: error: \"%s\" is not a file under " \
			    "src/\n", file, at, inc > report
			continue
		}
		from = stage(file); to = stage(target)
		if (from == to)
			continue
		edges[from " -> " to]++
		if ((from in rank) && (to in rank) && rank[to] > rank[from])
			printf "src/%s:%s: error: %s (rank %d) includes %s of " \
			    "the later stage %s (rank %d)\n", file, at, from,
			    rank[from], target, to, rank[to] > report
	}
	for (e in edges) {
		split(e, s, " -> ")
		printf "%2d %-8s -> %-8s (%d)\n", rank[s[1]], s[1], s[2],
		    edges[e] | "LC_ALL=C sort -n -k1,1 -k2,2 -k4,4"
	}
	close("LC_ALL=C sort -n -k1,1 -k2,2 -k4,4")
	close(report)
}'
echo "the folder graph printed above: rank, stage -> stage it includes (includes)"

if [ -s "$scratch/report" ]; then
	while IFS= read -r v; do
		not_ok "$v"
	done <"$scratch/report"
else
	ok
fi
finish
