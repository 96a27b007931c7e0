# Sums the printed figures of one table (the second file, tab-separated as
# kessan's text output or tests/reference writes it) by the sums that
# SUMS (tests/footing/sums.tsv, the first file) lists for NAME. Prints one
# line per total that is not the sum of its printed parts, then
# "sums N unfooted M".
function norm(s) {
	gsub(/\^\{\*[0-9]+\}/, "", s)
	gsub(/(⁰|¹|²|³|⁴|⁵|⁶|⁷|⁸|⁹)/, "", s)
	gsub(/[ \t]/, "", s)
	gsub(/IJJ/, "IIJ", s)
	return s
}
# A printed figure as a number; "" when the cell shows none.
function figure(s,    neg) {
	if (s == "-")
		return 0
	neg = (s ~ /^\(/ || s ~ /^-/)
	gsub(/[(),%-]/, "", s)
	if (s !~ /^[0-9]+(\.[0-9]+)?$/)
		return ""
	return neg ? -s : s + 0
}
BEGIN { FS = "\t" }
FNR == NR {
	if ($0 ~ /^#/ || $1 != NAME)
		next
	nsums++
	columns[nsums] = $2
	total[nsums] = $3
	parts[nsums] = $4
	next
}
{
	key = norm($1)
	seen[key]++
	if (seen[key] > 1)
		key = key "#" seen[key]
	row[key] = $0
}
END {
	for (i = 1; i <= nsums; i++) {
		t = total[i]; sub(/#.*/, "", t)
		tkey = norm(t) (total[i] ~ /#/ ? "#" substr(total[i], index(total[i], "#") + 1) : "")
		if (!(tkey in row)) { printf "%s: no row %s\n", NAME, total[i]; bad++; continue }
		split(row[tkey], tcells, "\t")
		np = split(parts[i], plist, "|")
		nc = split(columns[i], cols, " ")
		for (c = 1; c <= nc; c++) {
			col = cols[c] + 1
			want = figure(tcells[col])
			if (want == "")
				continue
			sum = 0; ok = 1
			for (p = 1; p <= np; p++) {
				label = substr(plist[p], 2)
				l = label; sub(/#.*/, "", l)
				pkey = norm(l) (label ~ /#/ ? "#" substr(label, index(label, "#") + 1) : "")
				if (!(pkey in row)) { printf "%s: no row %s\n", NAME, label; bad++; ok = 0; break }
				split(row[pkey], pcells, "\t")
				v = figure(pcells[col])
				if (v == "")
					v = 0   # a blank cell: the item does not exist
				sum += substr(plist[p], 1, 1) == "-" ? -v : v
			}
			if (!ok)
				continue
			checked++
			if (sum - want > 1e-6 || want - sum > 1e-6) {
				unfooted++
				printf "%s: %s, column %d: printed %s, its parts add up to %.10g\n", NAME, total[i], cols[c], tcells[col], sum
			}
		}
	}
	printf "sums %d unfooted %d bad %d\n", checked, unfooted + 0, bad + 0
}
