# What changed between two text renders of one release that differ only
# in their figures or words (the same lines, in the same order), as the
# text backend shows it: an independent account to hold `kessan diff`
# to. Prints one line per changed table cell, "cell<TAB>OLD → NEW", and
# per changed other line, "old<TAB>LINE" and "new<TAB>LINE" (list and
# footnote prefixes dropped).
#
#   awk -f changed_lines.awk OLD.txt NEW.txt
FNR == NR { old[FNR] = $0; n_old = FNR; next }
{
	new[FNR] = $0; n_new = FNR
}
function bare(line) {
	sub(/^(- |  )/, "", line)
	return line
}
END {
	if (n_old != n_new) {
		print "the two renders have " n_old " and " n_new " lines" > "/dev/stderr"
		exit 1
	}
	for (i = 1; i <= n_new; i++) {
		if (old[i] == new[i])
			continue
		if (index(new[i], "\t") > 0) {
			n = split(old[i], a, "\t")
			split(new[i], b, "\t")
			for (k = 1; k <= n; k++)
				if (a[k] != b[k])
					print "cell\t" a[k] " → " b[k]
		} else {
			print "old\t" bare(old[i])
			print "new\t" bare(new[i])
		}
	}
}
