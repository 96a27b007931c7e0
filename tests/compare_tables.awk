# Compares one reference table (FIXTURE) with the same table as kessan
# rendered it (the second file), cell by cell. Figure cells must be equal;
# labels are compared without footnote markers and spaces (the reference's
# markers are typographic). Prints one line per mismatch and a final
# "cells N mismatched N" line.
# Variables: LANG_ (en|ja), NAME (fixture file name), HEADERS ("skip" to
# leave header rows out: see check_tables.sh).
function norm(s) {
	gsub(/\^\{\*[0-9]+\}/, "", s)
	gsub(/\*[0-9]+$/, "", s)
	gsub(/(⁰|¹|²|³|⁴|⁵|⁶|⁷|⁸|⁹)/, "", s)
	gsub(/[ \t]/, "", s)
	gsub(/IJJ/, "IIJ", s)
	return s
}
BEGIN { FS = "\t" }
FNR == NR { want[FNR] = $0; nwant = FNR; next }
{ got[FNR] = $0; ngot = FNR }
END {
	if (nwant != ngot)
		printf "%s/%s: %d rows in the reference, %d rendered\n", LANG_, NAME, nwant, ngot
	for (r = 1; r <= nwant && r <= ngot; r++) {
		nw = split(want[r], w, "\t")
		ng = split(got[r], g, "\t")
		header = (w[1] == "")
		if (header && HEADERS == "skip")
			continue
		if (nw != ng)
			printf "%s/%s row %d (%s): %d cells in the reference, %d rendered\n", LANG_, NAME, r, w[1], nw, ng
		for (c = 1; c <= nw && c <= ng; c++) {
			cells++
			same = (c == 1 || header) ? norm(w[c]) == norm(g[c]) : w[c] == g[c]
			if (same)
				continue
			mismatched++
			printf "%s/%s row %d (%s) column %d: reference \"%s\", rendered \"%s\"\n", LANG_, NAME, r, w[1], c - 1, w[c], g[c]
		}
	}
	printf "cells %d mismatched %d\n", cells, mismatched + 0
}
