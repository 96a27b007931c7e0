#!/bin/sh
# Figures that foot. The printed figures of every table of the example's
# English release are summed as a reader would (tests/footing/sums.tsv
# lists the sums; it finds the same five a-unit-off totals in the
# reference's Tables 1 and 4, which IIJ rounded cell by cell): the tables
# the company allocates add up exactly, the independent ones are off just
# where the reference is, and with every kind allocated every table adds
# up. Each recorded adjustment is justified by its arithmetic: kessan
# check states it (golden notes), and without it the table still foots but
# departs from the reference in exactly the cells it explains.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"
dir="${TESTS_SRCDIR:-$(dirname "$0")}"
names="table-1 table-2 table-3 table-4 table-5 table-6 table-7 table-8 appendix-1 appendix-2 appendix-3"

# foot BOOK TAG: renders BOOK's 1Q04 English release and sums every table;
# one line per total a unit off in $scratch/TAG.off, counts in TAG.count.
foot() {
	mkdir -p "$scratch/$2"
	if ! "$KESSAN" render --period 2004-q1 --lang en "$1" \
	    >"$scratch/$2/release.txt" 2>"$scratch/err"; then
		not_ok "$2: render failed: $(cat "$scratch/err")"
		return
	fi
	split_tables "$scratch/$2/release.txt" "$scratch/$2"
	i=0
	: >"$scratch/$2.off"
	for t in $names; do
		i=$((i + 1))
		awk -v NAME="$t" -f "$dir/footing/foot.awk" "$dir/footing/sums.tsv" \
		    "$scratch/$2/$i.tsv" >>"$scratch/$2.off"
	done
	awk '/^sums / { s += $2; u += $4; b += $6; next } { print > "/dev/stderr" }
	    END { print s, u, b }' "$scratch/$2.off" >"$scratch/$2.count" 2>/dev/null
	grep -v '^sums ' "$scratch/$2.off" >"$scratch/$2.lines"
}

# The reference as printed: the fixture reads it, and finds Tables 1 and 4 off.
i=0
: >"$scratch/reference.off"
for t in $names; do
	awk -v NAME="$t" -f "$dir/footing/foot.awk" "$dir/footing/sums.tsv" \
	    "$dir/reference/en/$t.tsv" >>"$scratch/reference.off"
done
grep -v '^sums ' "$scratch/reference.off" >"$scratch/reference.lines"
ref_sums=$(awk '/^sums / { s += $2; b += $6 } END { print s, b }' "$scratch/reference.off")
if [ "$ref_sums" = "147 0" ] && [ "$(wc -l <"$scratch/reference.lines")" -eq 5 ] &&
    ! grep -qv '^table-[14]: ' "$scratch/reference.lines"; then
	ok
else
	not_ok "the sums fixture on the reference: $ref_sums sums; off: $(cat "$scratch/reference.lines")"
fi

# The example as it is: allocated tables add up; the independent ones are
# off exactly where IIJ's are.
foot "$EXAMPLES/iij" example
if [ "$(cat "$scratch/example.count")" = "147 5 0" ] &&
    cmp -s "$scratch/example.lines" "$scratch/reference.lines"; then
	ok
else
	not_ok "example: $(cat "$scratch/example.count") (sums unfooted bad); off: $(cat "$scratch/example.lines")"
fi
out=$("$KESSAN" check "$EXAMPLES/iij" 2>"$scratch/check.err")
if printf '%s' "$out" | grep -q '; 142 printed totals add up (5 a unit off in tables rounded cell by cell); 3 display adjustments and 6 stated changes listed$'; then
	ok
else
	not_ok "check summary: $out"
fi

# Every adjustment and stated change listed with its arithmetic.
grep ': note: \(adjust\|stated-change\): ' "$scratch/check.err" |
    sed "s|$EXAMPLES/|EXAMPLES/|" >"$scratch/notes"
if diff -u "$dir/footing/notes.expected" "$scratch/notes" >"$scratch/diff"; then
	ok
else
	not_ok "check notes differ from tests/footing/notes.expected"
	cat "$scratch/diff" >&2
fi

# Every kind allocated: every table of the release adds up, and checks.
book=$(fresh_book all-allocate)
sed -i '/<footing kind="operating"/d' "$book/company.xml"
foot "$book" all-allocate
if [ "$(cat "$scratch/all-allocate.count")" = "147 0 0" ]; then
	ok
else
	not_ok "all allocated: $(cat "$scratch/all-allocate.count"); off: $(cat "$scratch/all-allocate.lines")"
fi
if "$KESSAN" check "$book" 2>"$scratch/err" | grep -q '(0 a unit off'; then
	ok
else
	not_ok "all allocated: check: $(grep -v ': note: ' "$scratch/err")"
fi

# without ROW_ATTR: removes the adjustment whose line holds it, renders,
# and compares the named table with the reference: the cells listed (row
# label TAB column TAB rendered) must be all that differ, and it must foot.
without() {
	tag=$1 attr=$2 table=$3 index=$4
	book=$(fresh_book "$tag")
	awk -v attr="$attr" '
	index($0, "<adjust ") && index($0, attr) { skip = 1 }
	skip { if (index($0, "</adjust>")) skip = 0; next }
	{ print }' "$EXAMPLES/iij/periods/2004-q1.xml" >"$book/periods/2004-q1.xml"
	foot "$book" "$tag"
	if [ "$(cut -d' ' -f2- "$scratch/$tag.count")" = "$(cut -d' ' -f2- "$scratch/example.count")" ]; then
		ok
	else
		not_ok "$tag: without the adjustment the tables should still foot: $(cat "$scratch/$tag.lines")"
	fi
	awk -v LANG_=en -v NAME="$table.tsv" -f "$dir/compare_tables.awk" "$dir/reference/en/$table.tsv" \
	    "$scratch/$tag/$index.tsv" |
	    sed -n 's/^[^ ]* row [0-9]* (\(.*\)) column \([0-9]*\): reference "[^"]*", rendered "\(.*\)"$/\1\t\2\t\3/p' \
	    >"$scratch/$tag.cells"
	if printf '%s\n' "$5" | cmp -s - "$scratch/$tag.cells"; then
		ok
	else
		not_ok "$tag: without the adjustment, expected these cells to change:
$5
got:
$(cat "$scratch/$tag.cells")"
	fi
}

# 254,886 thousand rounds to 255; allocation then takes the unit the 1Q03
# net loss of (2,475) needs from the equity-method line (1,709.422: the
# largest remainder below), IIJ from minority interests.
without minority 'row="minority"' table-7 7 "$(printf '%s\t%s\t%s\n%s\t%s\t%s' \
    'Minority interests in consolidated subsidiaries' 2 255 \
    'Equity in net loss of equity method investees' 2 '(1,710)')"
# 5,449,648 / 109.43 = 49,800.311 and 2,694,638 / 109.43 = 24,624.308:
# largest remainder gives total revenues' missing unit to the subtotal,
# whose parts then take it too (other, 5,413.35: the largest remainder);
# IIJ gave it to systems integration.
without connectivity 'row="conn_total"' appendix-1 9 "$(printf '%s\t%s\t%s\n%s\t%s\t%s\n%s\t%s\t%s' \
    'Other' 1 5,414 \
    'Total connectivity and value-added services' 1 49,801 \
    'Systems integration revenues' 1 24,624)"
# (1,205,649) / 8,344,046 = (14.449)% rounds to (14.4); then total costs
# and expenses take 114.4 (100.0 + 14.4), research and development 1.1
# (11.517: the smallest remainder of its sum) and other expenses (2.5)
# so that (16.9) foots.
without op-income 'row="op_income"' appendix-1 9 "$(printf '%s\t%s\t%s\n%s\t%s\t%s\n%s\t%s\t%s\n%s\t%s\t%s' \
    'Research and development' 5 1.1 \
    'Total costs and expenses' 5 114.4 \
    'Operating income(loss)' 5 '(14.4)' \
    'Other expenses' 5 '(2.5)')"

# The three policies on doc/book-format.md's worked example, a table made
# to the rule: a = 1.2, b = 1.4, S = a + b, c = 2.7, T = S + c (millions).
# The printed column, row by row, is the worked example's, by hand.
book=$(fresh_book worked)
templates="$scratch/worked-templates"
cp -R "$KESSAN_DATADIR/templates" "$templates"
sed -i 's|^    <fact id="notes.epcglobal.members"|    <fact id="notes.w.a" unit="JPY" scale="6" label="a"/>\n    <fact id="notes.w.b" unit="JPY" scale="6" label="b"/>\n    <fact id="notes.w.c" unit="JPY" scale="6" label="c"/>\n&|' \
    "$book/accounts.xml"
sed -i 's|^    <f id="notes.ga.enterprise_tax">25</f>|&\n    <f id="notes.w.a">1.2</f>\n    <f id="notes.w.b">1.4</f>\n    <f id="notes.w.c">2.7</f>|' \
    "$book/periods/2004-q1.xml"
sed -i 's|^</tables>|  <table id="worked" kind="worked" caption="table.ebitda.caption" unit="millions">\n    <columns><column period="current" header-period="quarter"/></columns>\n    <row id="a" label="row.ebitda.ebitda" value="notes.w.a"/>\n    <row id="b" label="row.ebitda.da" value="notes.w.b"/>\n    <row id="s" label="row.ebitda.op_income" value="notes.w.a + notes.w.b" sum="a b"/>\n    <row id="c" label="row.ebitda.other_exp" value="notes.w.c"/>\n    <row id="t" label="row.ebitda.net_income" value="notes.w.a + notes.w.b + notes.w.c" sum="s c"/>\n  </table>\n&|' \
    "$templates/tables.xml"
cat >"$templates/worked.xml" <<'EOF_TEMPLATE'
<?xml version="1.0" encoding="UTF-8"?>
<template xmlns="urn:kessan:template:1" id="worked" footnotes="document">
  <table ref="worked"/>
</template>
EOF_TEMPLATE
for case in "independent:1 1 3 3 5" "allocate:1 1 2 3 5" "totals:1 2 3 2 5"; do
	policy=${case%%:*}
	sed -i '/<footing kind="worked"/d' "$book/company.xml"
	sed -i "s|^  <footing policy=\"allocate\"/>|&\n  <footing kind=\"worked\" policy=\"$policy\"/>|" "$book/company.xml"
	got=$(KESSAN_TEMPLATES="$templates" "$KESSAN" render --period 2004-q1 \
	    --template worked "$book" 2>"$scratch/err" |
	    awk -F'\t' 'NF == 2 && $2 ~ /^[0-9]+$/ { printf "%s%s", s, $2; s = " " }')
	if [ "$got" = "${case#*:}" ]; then
		ok
	else
		not_ok "worked example under $policy: printed '$got', want '${case#*:}' $(cat "$scratch/err")"
	fi
done

finish
