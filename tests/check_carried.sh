#!/bin/sh
# Display adjustments carried forward. In an archive of consistent
# quarters (examples/make-archive.sh: every quarter repeats 1Q04's flows),
# 1Q04's release records that it prints depreciation and amortization of
# its own quarter (other-stats, in millions, rounded cell by cell) one
# million above its rounding. The later releases that reprint that 1Q04
# column (2Q04 as the prior quarter, 1Q05 as the prior-year quarter) print
# the adjusted figure too, and kessan check lists the carried adjustment;
# a release that records its own adjustment of the cell prints that one;
# once a later quarter restates the fact, the adjustment is not carried
# and the cell prints the restated value's own rounding. The expected
# figures are worked out here from the period file's thousands.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"
make_archive="${EXAMPLES}/make-archive.sh"

book="$scratch/book"
"$make_archive" "$book" 9 2003 >/dev/null 2>&1 ||
    { not_ok "make-archive.sh failed"; finish; exit 1; }

# The fact in thousands of yen; its own rounding in millions (half-up,
# as the example's company.xml says), and the figure 1Q04 prints instead.
da=$(sed -n 's|.*<f id="cf.op.da">\([0-9]*\)</f>.*|\1|p' "$book/periods/2004-q1.xml")
own=$(awk -v v="$da" 'BEGIN { printf "%d", int(v / 1000 + 0.5) }')
shown=$((own + 1))
# As a table prints millions: grouped by thousands.
grouped() { printf '%s' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

# add_display FILE XML: puts XML before the file's first narrative.
add_display() {
	awk -v xml="$2" '!done && /<narrative / { print xml; done = 1 } { print }' \
	    "$1" >"$1.new" && mv "$1.new" "$1"
}

add_display "$book/periods/2004-q1.xml" \
    "  <display><adjust table=\"other-stats\" row=\"da\" column=\"value\" period=\"current\" shown=\"$shown\">Printed a million higher on purpose (a test of carried adjustments).</adjust></display>"

# cell PERIOD COLUMN: the other-stats row of depreciation and amortization
# in PERIOD's English release, field COLUMN (2: current, 3: prior year,
# 5: prior quarter).
cell() {
	"$KESSAN" render --period "$1" --lang en "$book" 2>"$scratch/err" |
	    awk -F '\t' -v col="$2" '/^Depreciation and amortization/ && NF == 6 { print $col; exit }' |
	    sed 's/[⁰¹²³⁴⁵⁶⁷⁸⁹]//g'   # a restated figure's footnote marker
}

expect() {
	got=$(cell "$1" "$2")
	if [ "$got" = "$(grouped "$3")" ]; then
		ok
	else
		not_ok "$4: $1 column $2 prints '$got', expected $(grouped "$3") ($(cat "$scratch/err"))"
	fi
}

expect 2004-q1 2 "$shown" "1Q04's own adjustment"
expect 2004-q2 5 "$shown" "carried into 2Q04 (prior quarter)"
expect 2005-q1 3 "$shown" "carried into 1Q05 (prior-year quarter)"
expect 2004-q2 2 "$own" "2Q04's own quarter is not adjusted"

# check passes and lists both carries at 1Q04's line.
line=$(grep -n '<adjust table="other-stats"' "$book/periods/2004-q1.xml" | cut -d: -f1)
if "$KESSAN" check "$book" >"$scratch/out" 2>"$scratch/check.err"; then
	ok
else
	not_ok "check of the archive with a carried adjustment: $(grep -v ': note: \|: warning: ' "$scratch/check.err")"
fi
for p in 2004-q2 2005-q1; do
	if grep -q "2004-q1.xml:$line: note: adjust: other-stats/da (value of 2004-q1) carried into the release of $p, its figure unchanged: shown as $(grouped "$shown"); its own rounding is $(grouped "$own")" "$scratch/check.err"; then
		ok
	else
		not_ok "check does not list the adjustment carried into $p: $(grep 'adjust' "$scratch/check.err")"
	fi
done

# A release that records its own adjustment of the cell wins.
cp "$book/periods/2004-q2.xml" "$scratch/2004-q2.xml"
add_display "$book/periods/2004-q2.xml" \
    "  <display><adjust table=\"other-stats\" row=\"da\" column=\"value\" period=\"pq\" shown=\"$((own - 1))\">Printed a million lower (a test).</adjust></display>"
expect 2004-q2 5 "$((own - 1))" "2Q04's own adjustment of the 1Q04 cell wins"
# … and is the latest, so it is the one 1Q05 carries.
expect 2005-q1 3 "$((own - 1))" "1Q05 carries 2Q04's adjustment, the latest"
cp "$scratch/2004-q2.xml" "$book/periods/2004-q2.xml"

# 3Q04 restates 1Q04's depreciation (and the other operating line with
# it, so that the cash flow still foots): the adjustment was made against
# the old figure, so 1Q05 prints the restated value's own rounding.
other=$(sed -n 's|.*<f id="cf.op.other">\(-\{0,1\}[0-9]*\)</f>.*|\1|p' "$book/periods/2004-q1.xml")
restated=$((da - 1470))
restated_own=$(awk -v v="$restated" 'BEGIN { printf "%d", int(v / 1000 + 0.5) }')
awk -v da="$restated" -v other="$((other + 1470))" '
!done && /<narrative / {
	print "  <restate period=\"2004-q1\" id=\"cf.op.da\" value=\"" da "\"><reason lang=\"en\">Reclassified (a test).</reason><reason lang=\"ja\">組替え（試験）。</reason></restate>"
	print "  <restate period=\"2004-q1\" id=\"cf.op.other\" value=\"" other "\"><reason lang=\"en\">Reclassified (a test).</reason><reason lang=\"ja\">組替え（試験）。</reason></restate>"
	done = 1
}
{ print }' "$book/periods/2004-q3.xml" >"$scratch/q3" && mv "$scratch/q3" "$book/periods/2004-q3.xml"
expect 2005-q1 3 "$restated_own" "not carried once restated"
expect 2004-q2 5 "$shown" "2Q04, before the restatement, still carries it"
# Thousands as millions with their decimals, as check prints them.
millions() { grouped "$(awk -v v="$1" 'BEGIN { s = sprintf("%.3f", v / 1000); sub(/0+$/, "", s); sub(/\.$/, "", s); print s }')"; }
"$KESSAN" check "$book" >"$scratch/out" 2>"$scratch/check.err"
if grep -qF "2004-q1.xml:$line: note: adjust: other-stats/da (value of 2004-q1) is not carried into the release of 2005-q1: the figure it was made against (exactly $(millions "$da")) is now exactly $(millions "$restated"), so 2005-q1 prints its own rounding $(grouped "$restated_own")" "$scratch/check.err"; then
	ok
else
	not_ok "check does not say the adjustment lapsed: $(grep 'adjust' "$scratch/check.err")"
fi

finish
