#!/bin/sh
# kessan sheet: the example's 1Q04 exported to XLSX and CSV and read
# back. Unchanged, an import writes nothing; one cell changed, the period
# file changes in that one line (narrative and comments as they were) and
# the render prints the new figure; a fact the file lacks is added to its
# group; a quarter with no file gets one. Each bad cell is reported at
# FILE:SHEET!CELL as below and leaves the period file byte for byte. The
# XLSX is edited with tests/sheet_edit.pl (Debian's perl alone).
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"

edit="perl ${TESTS_SRCDIR:-$(dirname "$0")}/sheet_edit.pl"
sheet1=xl/worksheets/sheet1.xml
h2='<c r="H2"><v>2918488</v></c>'

book=$(fresh_book sheet)
period="$book/periods/2004-q1.xml"
cp "$period" "$scratch/2004-q1.orig"

# ---- export ----
if "$KESSAN" sheet export --period 2004-q1 -o "$scratch/q1.xlsx" "$book" &&
    "$KESSAN" sheet export --period 2004-q1 -o "$scratch/q1.csv" "$book"; then
	ok
else
	not_ok "sheet export failed"
fi
# The CSV: a heading, then a row per fact of accounts.xml, group first.
expected='group,fact,label (en),label (ja),unit,scale,2003-q1,2003-q4,2004-q1
is,is.rev.dedicated,Dedicated access services,専用線接続サービス合計,JPY,3,3321229,3100452,2918488
is,is.eps.basic.ads,Basic Net Income(Loss) Per ADS Equivalent,米国預託証券1単位あたり当期利益(損失),JPY,0,-54.72,8.73,18.72'
got=$(grep -e '^group,' -e '^is,is\.rev\.dedicated,' -e '^is,is\.eps\.basic\.ads,' \
    "$scratch/q1.csv" | tr -d '\r')
if [ "$got" = "$expected" ]; then ok; else
	not_ok "CSV rows: got"; printf '%s\n' "$got" >&2
fi
facts=$(grep -c '<fact ' "$book/accounts.xml")
if [ "$(($(wc -l <"$scratch/q1.csv") - 1))" -eq "$facts" ] &&
    [ "$(grep -c "$(printf '\r$')" "$scratch/q1.csv")" -eq "$((facts + 1))" ]
then ok; else not_ok "CSV: not one CRLF row per fact ($facts)"; fi
# The workbook: a sheet per group, figures as numbers, and the same
# bytes on every run (SOURCE_DATE_EPOCH is its date).
if $edit --cat "$scratch/q1.xlsx" xl/workbook.xml |
    grep -q '<sheet name="is" sheetId="1" r:id="rId1"/><sheet name="bs"' &&
    $edit --cat "$scratch/q1.xlsx" "$sheet1" | grep -q "$h2"; then ok; else
	not_ok "the workbook's sheets or H2 are not as expected"
fi
"$KESSAN" sheet export --period 2004-q1 -o "$scratch/again.xlsx" "$book"
if cmp -s "$scratch/q1.xlsx" "$scratch/again.xlsx"; then ok; else
	not_ok "two exports of the same book differ"
fi
SOURCE_DATE_EPOCH=1091404800 "$KESSAN" sheet export --period 2004-q1 \
    -o "$scratch/dated.xlsx" "$book"
if $edit --cat "$scratch/dated.xlsx" docProps/core.xml |
    grep -q '<dcterms:created xsi:type="dcterms:W3CDTF">2004-08-02T00:00:00Z'
then ok; else not_ok "SOURCE_DATE_EPOCH is not the workbook's date"; fi

# ---- round trips ----
for f in q1.xlsx q1.csv; do
	out=$("$KESSAN" sheet import "$book" "$scratch/$f" 2>&1)
	if [ "$out" = "$scratch/$f: 0 facts written" ] &&
	    cmp -s "$period" "$scratch/2004-q1.orig"; then ok; else
		not_ok "import of the unchanged $f: $out"
	fi
done
# One line changed, and the render prints it.
one_line() {
	diff "$scratch/2004-q1.orig" "$period" >"$scratch/diff"
	[ "$(cat "$scratch/diff")" = "12c12
<     <f id=\"is.rev.dedicated\">2918488</f>
---
>     <f id=\"is.rev.dedicated\">$1</f>" ]
}
$edit "$scratch/q1.xlsx" "$scratch/changed.xlsx" "$sheet1" "$h2" \
    '<c r="H2"><v>2918588</v></c>'
if "$KESSAN" sheet import "$book" "$scratch/changed.xlsx" >/dev/null &&
    one_line 2918588; then ok; else
	not_ok "XLSX import did not change that one line:"; cat "$scratch/diff" >&2
fi
if "$KESSAN" render --period 2004-q1 --format txt "$book" |
    grep -q '^Dedicated access services	26,671	2,918,588	'; then ok; else
	not_ok "the render does not print the imported 2,918,588"
fi
cp "$scratch/2004-q1.orig" "$period"
sed 's/^\(is,is\.rev\.dedicated,.*\),2918488\r$/\1,2918499.5\r/' \
    "$scratch/q1.csv" >"$scratch/changed.csv"
if "$KESSAN" sheet import "$book" "$scratch/changed.csv" >/dev/null &&
    one_line 2918499.5; then ok; else
	not_ok "CSV import did not change that one line:"; cat "$scratch/diff" >&2
fi
cp "$scratch/2004-q1.orig" "$period"
# A binary-float artefact is its 15-digit decimal.
$edit "$scratch/q1.xlsx" "$scratch/float.xlsx" "$sheet1" "$h2" \
    '<c r="H2"><v>2918488.0000000005</v></c>' "$sheet1" \
    '<c r="H3"><v>751933</v></c>' '<c r="H3"><v>751933.10000000009</v></c>'
if "$KESSAN" sheet import "$book" "$scratch/float.xlsx" >/dev/null &&
    [ "$(diff "$scratch/2004-q1.orig" "$period" | grep '^>')" = \
    '>     <f id="is.rev.dialup">751933.1</f>' ]; then ok; else
	not_ok "0.10000000000000009 was not read as .1"
fi
cp "$scratch/2004-q1.orig" "$period"
# A fact the file lacks goes after the last of its group.
sed 's/^\(is,is\.impairment,.*\),\r$/\1,-5000\r/' "$scratch/q1.csv" \
    >"$scratch/added.csv"
if "$KESSAN" sheet import "$book" "$scratch/added.csv" >/dev/null &&
    [ "$(diff "$scratch/2004-q1.orig" "$period")" = '38a39
>     <f id="is.impairment">-5000</f>' ]; then ok; else
	not_ok "is.impairment was not added to group is"
fi
cp "$scratch/2004-q1.orig" "$period"
# A quarter with no file: exported empty, filled in, created.
"$KESSAN" sheet export --period 2004-q2 -o "$scratch/q2.csv" "$book"
sed 's/^\(is,is\.rev\.dedicated,.*\),\r$/\1,3000000\r/' "$scratch/q2.csv" \
    >"$scratch/q2-filled.csv"
if "$KESSAN" sheet import "$book" "$scratch/q2-filled.csv" >/dev/null &&
    [ "$(cat "$book/periods/2004-q2.xml")" = '<?xml version="1.0" encoding="UTF-8"?>
<period xmlns="urn:kessan:book:1" fiscal-year="2004" quarter="2">
  <group ref="is" complete="false">
    <f id="is.rev.dedicated">3000000</f>
  </group>
</period>' ] && "$KESSAN" check "$book" >/dev/null 2>&1; then ok; else
	not_ok "2004-q2.xml was not created as expected"
fi
rm -f "$book/periods/2004-q2.xml"

# ---- bad cells: CASE, the edit, the diagnostic ----
bad() {
	name=$1 expected=$2
	shift 2
	$edit "$scratch/q1.xlsx" "$scratch/$name.xlsx" "$@" || {
		not_ok "$name: could not make the workbook"; return; }
	"$KESSAN" sheet import "$book" "$scratch/$name.xlsx" >/dev/null \
	    2>"$scratch/$name.err"
	rc=$?
	got=$(sed "s|$scratch/||g" "$scratch/$name.err")
	if [ $rc -eq 2 ] && [ "$got" = "$expected" ] &&
	    cmp -s "$period" "$scratch/2004-q1.orig"; then ok; else
		not_ok "$name: exit $rc, got:"; printf '%s\n' "$got" >&2
	fi
}
bad text 'text.xlsx:is!H2: error: is.rev.dedicated: "n/a" is text where a number belongs (type the figure in its unit of record, or clear the cell to leave the fact as it is)' \
    "$sheet1" "$h2" '<c r="H2" t="inlineStr"><is><t>n/a</t></is></c>'
bad grouped 'grouped.xlsx:is!H2: error: is.rev.dedicated: "2,918,488" is a number written with grouping, as text (type 2918488, with no separators)' \
    "$sheet1" "$h2" '<c r="H2" t="inlineStr"><is><t>2,918,488</t></is></c>'
bad formula 'formula.xlsx:is!H2: error: is.rev.dedicated: the formula =SUM(H3:H5) has no cached value (recalculate and save the workbook in a spreadsheet program, or type the figure)' \
    "$sheet1" "$h2" '<c r="H2"><f>SUM(H3:H5)</f></c>'
bad merged 'merged.xlsx:is!B2: error: merged cells (to C2): unmerge them, one fact per row of single cells' \
    "$sheet1" '</sheetData>' '</sheetData><mergeCells count="1"><mergeCell ref="B2:C2"/></mergeCells>'
bad unknown 'unknown.xlsx:is!A2: error: unknown fact is.rev.dedicatd (did you mean is.rev.dedicated?)' \
    "$sheet1" '<c r="A2" t="s"><v>8</v></c>' '<c r="A2" t="inlineStr"><is><t>is.rev.dedicatd</t></is></c>'
bad duplicate 'duplicate.xlsx:is!A3: error: fact is.rev.dedicated appears twice (first at is!A2; keep one row)' \
    "$sheet1" '<c r="A3" t="s"><v>12</v></c>' '<c r="A3" t="inlineStr"><is><t>is.rev.dedicated</t></is></c>'
bad inexact 'inexact.xlsx:is!H2: error: is.rev.dedicated: 1234567890123456 has more than 15 significant digits and is no exact decimal (type the figure as text, or round it in the cell)' \
    "$sheet1" "$h2" '<c r="H2"><v>1234567890123456</v></c>'
bad strings 'strings.xlsx: error: sheet is (xl/worksheets/sheet1.xml): a shared string index out of range' \
    "$sheet1" '<c r="A2" t="s"><v>8</v></c>' '<c r="A2" t="s"><v>99999</v></c>'
bad elsewhere 'elsewhere.xlsx:is!A2: error: bs.cash belongs to group bs, not is (move the row to that sheet)' \
    "$sheet1" '<c r="A2" t="s"><v>8</v></c>' '<c r="A2" t="inlineStr"><is><t>bs.cash</t></is></c>'
# Every error of a workbook at once, and still nothing written.
bad several 'several.xlsx:is!H2: error: is.rev.dedicated: "n/a" is text where a number belongs (type the figure in its unit of record, or clear the cell to leave the fact as it is)
several.xlsx:is!A3: error: fact is.rev.dedicated appears twice (first at is!A2; keep one row)' \
    "$sheet1" "$h2" '<c r="H2" t="inlineStr"><is><t>n/a</t></is></c>' \
    "$sheet1" '<c r="A3" t="s"><v>12</v></c>' '<c r="A3" t="inlineStr"><is><t>is.rev.dedicated</t></is></c>'
# The CSV's cells are named as a spreadsheet would show the file.
sed 's/^\(is,is\.rev\.si,.*\),2694638\r$/\1,"2,694,638"\r/' "$scratch/q1.csv" \
    >"$scratch/grouped.csv"
"$KESSAN" sheet import "$book" "$scratch/grouped.csv" >/dev/null \
    2>"$scratch/csv.err"
if [ "$(sed "s|$scratch/||g" "$scratch/csv.err")" = 'grouped.csv:I7: error: is.rev.si: "2,694,638" is a number written with grouping, as text (type 2694638, with no separators)' ] &&
    cmp -s "$period" "$scratch/2004-q1.orig"; then ok; else
	not_ok "CSV grouping:"; cat "$scratch/csv.err" >&2
fi
# The quarter is the column's heading; --period must agree.
"$KESSAN" sheet import --period 2004-q2 "$book" "$scratch/changed.csv" \
    >/dev/null 2>"$scratch/period.err"
if [ $? -eq 2 ] && [ "$(sed "s|$scratch/||g" "$scratch/period.err")" = \
    'changed.csv: error: the sheet holds 2004-q1, not --period 2004-q2' ] &&
    cmp -s "$period" "$scratch/2004-q1.orig"; then ok; else
	not_ok "--period 2004-q2 was not refused:"; cat "$scratch/period.err" >&2
fi
printf 'not a zip\n' >"$scratch/junk.xlsx"
if ! "$KESSAN" sheet import "$book" "$scratch/junk.xlsx" 2>"$scratch/junk.err" &&
    grep -q 'junk.xlsx: error: cannot open the workbook: Not a zip archive' \
    "$scratch/junk.err"; then ok; else not_ok "a junk .xlsx was not refused"; fi
# libxlsxwriter and libzip are loaded only for a workbook. One that does
# not load (here an empty file found first) is an error naming it and
# its package, with nothing written; a CSV needs neither.
mkdir "$scratch/nolibs"
sonames=$(grep -ao -e 'libxlsxwriter\.so\.[0-9][0-9.]*' \
    -e 'libzip\.so\.[0-9][0-9.]*' "${KESSAN_BINARY:-$KESSAN}" | sort -u)
for so in $sonames; do : >"$scratch/nolibs/$so"; done
unloaded() {
	printf 'error: cannot load %s: nolibs/%s: file too short (kessan sheet needs it for workbooks: apt-get install %s)' \
	    "$1" "$1" "$(printf '%s' "$1" | sed 's/\.so\.//')"
}
LD_LIBRARY_PATH="$scratch/nolibs" "$KESSAN" sheet export --period 2004-q1 \
    -o "$scratch/nolibs.xlsx" "$book" 2>"$scratch/nolibs.err"
if [ $? -eq 2 ] && [ ! -e "$scratch/nolibs.xlsx" ] &&
    [ "$(sed "s|$scratch/||g" "$scratch/nolibs.err")" = \
    "$(unloaded "$(printf '%s\n' $sonames | grep xlsxwriter)")" ]; then ok
else not_ok "libxlsxwriter not loading:"; cat "$scratch/nolibs.err" >&2; fi
LD_LIBRARY_PATH="$scratch/nolibs" "$KESSAN" sheet import "$book" \
    "$scratch/q1.xlsx" >/dev/null 2>"$scratch/nolibs.err"
if [ $? -eq 2 ] && cmp -s "$period" "$scratch/2004-q1.orig" &&
    [ "$(sed "s|$scratch/||g" "$scratch/nolibs.err")" = \
    "$(unloaded "$(printf '%s\n' $sonames | grep libzip)")" ]; then ok
else not_ok "libzip not loading:"; cat "$scratch/nolibs.err" >&2; fi
if LD_LIBRARY_PATH="$scratch/nolibs" "$KESSAN" sheet export --period 2004-q1 \
    -o "$scratch/nolibs.csv" "$book" && cmp -s "$scratch/nolibs.csv" \
    "$scratch/q1.csv"; then ok
else not_ok "a CSV export needed libxlsxwriter or libzip"; fi
finish
