# Sums gcov -n's "File '…'" / "Lines executed:P% of N" pairs for src/ into
# one line per file and a total (make coverage).
/^File '/ {
	file = $0
	sub(/^File '/, "", file); sub(/'$/, "", file)
	next
}
/^Lines executed:/ && file ~ /^src\// && !(file in seen) {
	split($0, a, /[:% ]+/)   # Lines executed P of N
	pct = a[3]; n = a[5]
	seen[file] = 1
	hit = pct * n / 100
	total += n; covered += hit
	printf "%6.1f%% of %5d  %s\n", pct, n, file
	file = ""
}
END {
	if (total > 0)
		printf "coverage: %.1f%% of %d lines of src/\n", 100 * covered / total, total
}
