#!/bin/sh
# Derived facts (doc/book-format.md, "Derived facts"): a fact that one side
# of an identity names alone may be left out of a period file, and is then
# computed exactly from the other side. The oracle is the example itself:
# with every total, subtotal and per-share figure of 1Q04 left out, the
# release prints exactly what the example prints with them written in.
# A restated expense with its totals left out moves operating income by
# the expense's change (worked out here from the period file). And a wrong
# total is reported once, with the value that makes it hold and the
# identities it takes down with it. (37: the 25 left out here and the
# 12 trend ratios the example leaves out of its complete quarters.)
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"

totals="is.rev.conn_total is.rev.total is.cost.total is.exp.total
is.op_income is.pretax is.net_income is.eps.basic.share is.eps.basic.ads
bs.ca.total bs.assets.total bs.cl.total bs.liab.total bs.eq.total
bs.total_lme cf.op.total cf.inv.total cf.fin.total cf.net_change
cf.cash_end cf.net_income op.ebitda op.capex contracts.dedicated.total
contracts.dialup.total"

# leave_out FILE ID…: deletes those facts' lines.
leave_out() {
	file=$1
	shift
	for id in "$@"; do
		grep -q "<f id=\"$id\">" "$file" || { not_ok "$id is not in $file"; return; }
		sed -i "/<f id=\"$id\">/d" "$file"
	done
}

"$KESSAN" render --period 2004-q1 --lang ja+en "$EXAMPLES/iij" >"$scratch/example.txt" 2>/dev/null

book=$(fresh_book derived)
# shellcheck disable=SC2086
leave_out "$book/periods/2004-q1.xml" $totals
if "$KESSAN" check "$book" >"$scratch/check.out" 2>"$scratch/check.err" &&
    grep -q "; 37 facts the period files leave out derived from their identities)" "$scratch/check.out"; then
	ok
else
	not_ok "a book with 1Q04's totals left out does not check: $(grep -m3 error "$scratch/check.err") $(cat "$scratch/check.out")"
fi
"$KESSAN" render --period 2004-q1 --lang ja+en "$book" >"$scratch/derived.txt" 2>"$scratch/render.err"
if cmp -s "$scratch/example.txt" "$scratch/derived.txt"; then
	ok
else
	not_ok "derived totals print otherwise: $(diff "$scratch/example.txt" "$scratch/derived.txt" | head -6)"
fi

# A reclassified expense: 12,345 thousand yen moves from other expenses
# into sales and marketing, the totals left out. Operating income falls by
# as much (net income does not move, so the balance sheet still holds);
# the operating income the release prints, in millions, follows.
book=$(fresh_book restated)
f="$book/periods/2004-q1.xml"
old_sm=$(sed -n 's/.*<f id="is.exp.sm">\(-\{0,1\}[0-9]*\)<.*/\1/p' "$f")
old_op=$(sed -n 's/.*<f id="is.op_income">\(-\{0,1\}[0-9]*\)<.*/\1/p' "$f")
old_other=$(sed -n 's/.*<f id="is.other_exp">\(-\{0,1\}[0-9]*\)<.*/\1/p' "$f")
sed -i "s|<f id=\"is.exp.sm\">$old_sm<|<f id=\"is.exp.sm\">$((old_sm + 12345))<|" "$f"
sed -i "s|<f id=\"is.other_exp\">$old_other<|<f id=\"is.other_exp\">$((old_other + 12345))<|" "$f"
# shellcheck disable=SC2086
leave_out "$f" $totals
# EBITDA moves with operating income: IIJ's stated change of it no longer
# applies (check would say so).
sed -i '/<stated-change fact="op.ebitda"/d' "$f"
if "$KESSAN" check "$book" >/dev/null 2>"$scratch/restated.err"; then ok; else
	not_ok "the restated book does not check: $(grep -m3 error "$scratch/restated.err")"
fi
# printed T DIVISOR: t / DIVISOR rounded half up, grouped, (negative).
printed() {
	awk -v t="$1" -v d="$2" 'BEGIN {
	m = (t < 0 ? -t : t) / d; m = int(m + 0.5)
	s = sprintf("%d", m); out = ""
	while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
	out = s out; print (t < 0 ? "(" out ")" : out) }'
}
"$KESSAN" render --period 2004-q1 --lang en "$book" >"$scratch/restated.txt" 2>/dev/null
millions=$(printed "$((old_op - 12345))" 1000)
thousands=$(printed "$((old_op - 12345))" 1)
if grep '^Operating income (loss)	' "$scratch/restated.txt" | grep -qF "	$millions	" &&
    grep '^Operating income(loss)	' "$scratch/restated.txt" | grep -qF "	$thousands	"; then
	ok
else
	not_ok "restated operating income: want $millions and $thousands, got $(grep '^Operating income' "$scratch/restated.txt")"
fi

# A wrong total: one error, its fix, and its follow-on identity.
book=$(fresh_book wrong)
f="$book/periods/2004-q1.xml"
total=$(sed -n 's/.*<f id="is.exp.total">\([0-9]*\)<.*/\1/p' "$f")
sed -i "s|<f id=\"is.exp.total\">$total<|<f id=\"is.exp.total\">$((total + 1000))<|" "$f"
"$KESSAN" check "$book" >/dev/null 2>"$scratch/wrong.err"
if [ "$(grep -c 'identity .* does not hold' "$scratch/wrong.err")" -eq 1 ] &&
    grep -q "identity is.exp.total does not hold: .*; is.exp.total = $total in the period file would make it hold, and with it 1 follow-on identity (is.op_income)" "$scratch/wrong.err"; then
	ok
else
	not_ok "a wrong total: $(grep 'does not hold' "$scratch/wrong.err")"
fi

# A changed part with its total still written: the total's fix is the new sum.
book=$(fresh_book part)
f="$book/periods/2004-q1.xml"
sm=$(sed -n 's/.*<f id="is.exp.sm">\([0-9]*\)<.*/\1/p' "$f")
sed -i "s|<f id=\"is.exp.sm\">$sm<|<f id=\"is.exp.sm\">$((sm + 7))<|" "$f"
"$KESSAN" check "$book" >/dev/null 2>"$scratch/part.err"
if grep -q "identity is.exp.total does not hold: .*; is.exp.total = $((total + 7)) in the period file would make it hold$" "$scratch/part.err"; then
	ok
else
	not_ok "a changed part: $(grep 'does not hold' "$scratch/part.err")"
fi

printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
