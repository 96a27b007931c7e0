#!/bin/sh
# `kessan check` on the example book: clean as transcribed, and a one-unit
# change to a sample of facts from every statement and operating table is
# caught by an identity that contains the fact.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"

# Clean: the only diagnostics are the notes listing the release's recorded
# display adjustments and stated changes (tests/check_footing.sh), and one
# warning: the reference's own Japanese bullet calls an operating loss of
# 100 営業利益 (authored words are warned about, and a warning exits 0).
out=$("$KESSAN" check "$EXAMPLES/iij" 2>"$scratch/err"); rc=$?
authored='periods/2004-q1.xml:496: warning: the ja narrative of 2004-q1 says "営業利益" before a figure of -100, a loss'
if [ $rc -eq 0 ] && ! grep -v ': note: \(adjust\|stated-change\): ' "$scratch/err" |
    grep -qvF "$authored" && grep -qF "$authored" "$scratch/err" &&
    printf '%s' "$out" | grep -q ': 101 identity checks passed over 5 periods'; then
	ok
else
	not_ok "clean example: exit $rc, output: $out $(cat "$scratch/err")"
fi

out=$("$KESSAN" check --period 2004-q1 "$EXAMPLES/iij"); rc=$?
if [ $rc -eq 0 ] && printf '%s' "$out" | grep -q 'passed over 1 period '; then
	ok
else
	not_ok "--period 2004-q1: exit $rc, output: $out"
fi

# --quiet leaves the notes out and keeps the warning and the summary line.
for q in -q --quiet; do
	out=$("$KESSAN" check $q "$EXAMPLES/iij" 2>"$scratch/err"); rc=$?
	if [ $rc -eq 0 ] && ! grep -q ': note: ' "$scratch/err" &&
	    grep -qF "$authored" "$scratch/err" &&
	    [ "$(wc -l <"$scratch/err")" -eq 1 ] &&
	    printf '%s' "$out" | grep -q ': 101 identity checks passed over 5 periods'; then
		ok
	else
		not_ok "check $q: exit $rc, output: $out $(cat "$scratch/err")"
	fi
done

# Adds one unit in the last written digit: 1186837 -> 1186838, 18.72 -> 18.73.
bump() {
	awk -v id="$2" '
	index($0, "<f id=\"" id "\">") {
		match($0, />-?[0-9.]+</)
		v = substr($0, RSTART + 1, RLENGTH - 2)
		d = index(v, ".") ? length(v) - index(v, ".") : 0
		n = v; sub(/\./, "", n); n = n + 1
		s = sprintf("%0" (d + 1 + (n < 0)) "d", n)
		if (d > 0) s = substr(s, 1, length(s) - d) "." substr(s, length(s) - d + 1)
		$0 = substr($0, 1, RSTART) s substr($0, RSTART + RLENGTH - 1)
		found = 1
	}
	{ print }
	END { if (!found) exit 3 }' "$1" > "$1.new" && mv "$1.new" "$1"
}

# period fact: statements (is, bs, cf), operating tables 1, 2, 4, 6, 7, 8.
while read -r period fact; do
	book=$(fresh_book "$period.$fact")
	if ! bump "$book/periods/$period.xml" "$fact"; then
		not_ok "$period $fact: not in the example"
		continue
	fi
	"$KESSAN" check "$book" >/dev/null 2>"$scratch/err"; rc=$?
	named=$(sed -n 's/.* identity \([a-z0-9_.]*\) does not hold.*/\1/p' "$scratch/err")
	pattern=$(printf '%s' "$fact" | sed 's/\./\\./g')
	hit=
	for identity in $named; do
		if grep -F "<identity id=\"$identity\"" "$book/accounts.xml" |
		    grep -Eq "[> =(-]$pattern([ )@,<]|\$)"; then
			hit=$identity
		fi
	done
	if [ $rc -eq 1 ] && [ -n "$hit" ]; then
		ok
	else
		not_ok "$period $fact +1: exit $rc, identities named: ${named:-none}"
	fi
done <<'SAMPLE'
2004-q1 is.rev.vas
2003-q1 is.exp.ga
2003-q4 is.tax
2004-q1 is.eps.basic.ads
2003-q1 is.shares.weighted
2004-q1 bs.inventories
2003-q4 bs.eq.treasury
2003-q1 bs.ncl.convertible
2004-q1 bs.minority
2004-q1 cf.op.doubtful
2003-q1 cf.inv.deposits
2003-q4 cf.fin.leases
2004-q1 cf.fx_effect
2004-q1 cf.cash_begin
2004-q1 op.rev.dialup.own
2004-q1 op.rev.si.outsourcing
2004-q1 op.ebitda
2003-q1 op.da_excl
2003-q1 op.capex
2004-q1 op.capex_leases
2004-q1 contracts.ipv6
2003-q4 contracts.dialup.oem
SAMPLE

finish
