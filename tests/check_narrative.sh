#!/bin/sh
# What a quarter authors beyond paragraphs: headings of its own inside a
# narrative slot (rendered as headings of their level in text, PDF and
# HTML, and held to the same structure in both languages by kessan
# check), and tables whose notes are numbered per table and printed
# under it (footnotes="table-local"); and a message wording its own unit.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"

expect() {   # expect DESCRIPTION COMMAND...
	what=$1
	shift
	if "$@"; then ok; else not_ok "$what"; fi
}

render() {   # render BOOK LANG FORMAT OUTPUT
	"$KESSAN" render --period 2004-q1 --lang "$2" --format "$3" -o "$4" \
	    "$1" 2>"$scratch/err" || not_ok "render $2 $3: $(cat "$scratch/err")"
}

# The quarter's own subheading under the template's level-2 overview
# heading, in both languages' overview slots.
book=$(fresh_book headings)
sed -i -e 's|^\(    <slot id="overview">\)$|\1\n      <h level="3">Message from the <em>President</em></h>|' \
    -e 's|^\(    <slot id="summary.overview">\)$|\1\n      <h level="3">社長メッセージ</h>|' \
    "$book/periods/2004-q1.xml"
expect "a book with narrative headings checks clean" \
    "$KESSAN" check "$book" >/dev/null 2>"$scratch/err"

render "$book" ja+en txt "$scratch/h.txt"
# text: the heading on a line of its own, between the template's heading
# and the slot's first paragraph, a blank line on each side
expect "txt: the English heading follows the overview heading" sh -c "
    grep -A2 '^Overview of 1st Quarter Financial Results' '$scratch/h.txt' |
    tail -1 | grep -qx 'Message from the President'"
expect "txt: the Japanese heading follows its overview heading" sh -c "
    grep -A2 '^経営の概況\$' '$scratch/h.txt' | tail -1 | grep -qx '社長メッセージ'"
expect "txt: the first paragraph follows the heading" sh -c "
    grep -A2 -x 'Message from the President' '$scratch/h.txt' | tail -1 |
    grep -q '^\"With the rapid increase in broadband'"

render "$book" ja+en html "$scratch/h.html"
expect "html: the English heading is an h3" \
    grep -Eq '<h3>Message from the <(em|strong)>President</(em|strong)></h3>' "$scratch/h.html"
expect "html: the Japanese heading is an h3" \
    grep -q '<h3>社長メッセージ</h3>' "$scratch/h.html"

render "$book" ja+en pdf "$scratch/h.pdf"
# PDF: set in the headings' type (the template's level-3 headings are
# 10 pt bold), and kept with the paragraph after it on one page
pdftotext -raw "$scratch/h.pdf" "$scratch/h.pdf.txt"
expect "pdf: the heading's text" grep -qx 'Message from the President' \
    "$scratch/h.pdf.txt"
expect "pdf: the Japanese heading's text" grep -qx '社長メッセージ' \
    "$scratch/h.pdf.txt"
pages=$(pdfinfo "$scratch/h.pdf" | awk '/^Pages:/ { print $2 }')
page=1
while [ "$page" -le "$pages" ]; do
	pdftotext -raw -f "$page" -l "$page" "$scratch/h.pdf" "$scratch/page.txt"
	if grep -qx 'Message from the President' "$scratch/page.txt"; then
		expect "pdf: the overview heading, the subheading and the paragraph share a page" \
		    sh -c "grep -q '^Overview of 1st Quarter Financial Results' '$scratch/page.txt' &&
		    grep -q '^\"With the rapid increase in broadband' '$scratch/page.txt'"
	fi
	page=$((page + 1))
done
if command -v pdftohtml >/dev/null 2>&1; then
	pdftohtml -xml -i -stdout "$scratch/h.pdf" >"$scratch/h.xml" 2>/dev/null
	font_of() { grep -F ">$1<" "$scratch/h.xml" | head -1 | sed 's/.*font="\([0-9]*\)".*/\1/'; }
	size_of() { grep "<fontspec id=\"$1\"" "$scratch/h.xml" | sed 's/.*size="\([0-9.]*\)".*/\1/'; }
	sub=$(size_of "$(font_of 'Message from the President')")
	tpl=$(size_of "$(font_of 'Revenues')")
	expect "pdf: the subheading is set as the template's level-3 headings ($sub, $tpl)" \
	    test -n "$sub" -a "$sub" = "$tpl"
fi

# Table-local notes: the release and the summary number each table's notes
# from (1), beside the row label, and print them under that table; the
# release's other notes stay superscripts through the document.
templates="$scratch/templates"
cp -R "$KESSAN_DATADIR/templates" "$templates"
sed -i 's/footnotes="document"/footnotes="table-local"/' "$templates/release.xml"
sed -i 's/footnotes="table"/footnotes="table-local"/' "$templates/summary.xml"
KESSAN_TEMPLATES=$templates
export KESSAN_TEMPLATES
expect "table-local notes: the example checks clean" \
    "$KESSAN" check "$EXAMPLES/iij" >/dev/null 2>"$scratch/err"
render "$EXAMPLES/iij" ja+en txt "$scratch/t.txt"
nbsp=$(printf '\302\240')
expect "txt: (1) beside the label, after a no-break space" \
    grep -q "^IP Service$nbsp(1)	2,279	" "$scratch/t.txt"
expect "txt: Japanese (1) beside the label" \
    grep -q '^IP サービス(1)	2,279	' "$scratch/t.txt"
# the notes directly under the table: after its last row and a blank line
expect "txt: the connectivity table's notes right under it" sh -c "
    grep -A2 '^Gross Margin Ratio	' '$scratch/t.txt' | tail -1 |
    grep -q '^Note (1): Including IIJ Data Center Connectivity Service'"
expect "txt: the next table restarts at (1)" sh -c "
    grep -q '^IP Service (High Bandwidth: over 100Mbps)$nbsp(1)	' '$scratch/t.txt' &&
    grep -q '^Note (1): In IP Service over 100Mbps' '$scratch/t.txt'"
expect "txt: the Japanese notes' label" \
    grep -q '^注記(1): インターネットデータセンター接続サービスを含む' "$scratch/t.txt"
expect "txt: the document's own notes keep their superscripts" \
    grep -q '^¹ Unless otherwise stated' "$scratch/t.txt"
expect "txt: no asterisk marker is left" sh -c "! grep -q '\*[0-9]' '$scratch/t.txt'"

render "$EXAMPLES/iij" ja+en pdf "$scratch/t.pdf"
pages=$(pdfinfo "$scratch/t.pdf" | awk '/^Pages:/ { print $2 }')
page=1 found=0
while [ "$page" -le "$pages" ]; do
	pdftotext -raw -f "$page" -l "$page" "$scratch/t.pdf" "$scratch/page.txt"
	if grep -q '^Note (1): Including IIJ Data Center' "$scratch/page.txt"; then
		found=1
		expect "pdf: the note is on its table's last page" \
		    grep -q '^Gross Margin Ratio ' "$scratch/page.txt"
	fi
	page=$((page + 1))
done
expect "pdf: the connectivity note under its table" test "$found" -eq 1
pdftotext -raw "$scratch/t.pdf" "$scratch/t.pdf.txt"
# (the no-break space is drawn with the space's glyph, read back as one)
expect "pdf: the marker beside the label" \
    grep -Eq "^IP Service( |$nbsp)\(1\) 2,279 " "$scratch/t.pdf.txt"
expect "pdf: the Japanese note's label" \
    grep -q '^注記(1): インターネットデータセンター' "$scratch/t.pdf.txt"

render "$EXAMPLES/iij" ja+en html "$scratch/t.html"
expect "html: the marker on the line, linked to its note" \
    grep -Eq "<th scope=\"row\" class=\"indent-1\">IP Service<span><a href=\"#(note-[0-9-]+)\" id=\"ref-[0-9]+\" class=\"note-ref\">$nbsp\(1\)</a></span></th>" \
    "$scratch/t.html"
expect "html: the notes right after their table" \
    grep -Eq '</table></div><aside class="footnotes"><p id="note-[0-9-]+"><a href="#ref-[0-9]+" class="note-back">Note \(1\):</a> Including IIJ Data Center' \
    "$scratch/t.html"
# a document note referenced before a table with local notes still links
# to its own note, not to the table's note of the same number
target=$(grep -o 'href="#note-[0-9-]*" id="ref-[0-9]*" class="note-ref">³' \
    "$scratch/t.html" | sed 's/^href="#\([^"]*\)".*/\1/')
expect "html: ³ links to its own note ($target)" \
    grep -q "<p id=\"$target\"><a href=\"#ref-[0-9]*\" class=\"note-back\">³" \
    "$scratch/t.html"
# The checker's JVM takes seconds: it runs beside the rest of the test,
# its verdict read at the end.
nu_pid=
if command -v java >/dev/null 2>&1 && [ -f "$vnu" ]; then
	nu_check "$scratch/h.html" "$scratch/t.html" &
	nu_pid=$!
fi

# A message's own wording of a unit: the English revenues highlight says
# "$ 79.3 million" (a space after the sign), every other message the
# catalog's "$8.1 million"; the Japanese catalog is left as it is.
unset KESSAN_TEMPLATES
locales="$scratch/locales"
cp -R "$KESSAN_DATADIR/locales" "$locales"
sed -i 's|^\(    <unit id="highlight.ebitda">\)$|    <unit id="highlight.revenues.fmt.usd.millions">\n      <notes><note category="args">0 US dollars in millions (no sign)</note></notes>\n      <segment>\n        <source>$ {0} million</source>\n      </segment>\n    </unit>\n\1|' "$locales/en.xlf"
KESSAN_LOCALES=$locales
export KESSAN_LOCALES
expect "unit override: the example checks clean, no unused message" sh -c "
    '$KESSAN' check '$EXAMPLES/iij' >/dev/null 2>'$scratch/err' &&
    ! grep -q 'highlight.revenues.fmt' '$scratch/err'"
render "$EXAMPLES/iij" en txt "$scratch/u.txt"
expect "unit override: the revenues highlight's own words" \
    grep -q '^- Revenues totaled JPY 8,675 million (\$ 79\.3 million), ' "$scratch/u.txt"
expect "unit override: other messages keep the catalog's" \
    grep -q 'Adjusted EBITDA was JPY 884 million (\$8\.1 million)' "$scratch/u.txt"

if [ -n "$nu_pid" ]; then
	expect "html: the Nu HTML checker passes both renders" wait "$nu_pid"
fi

finish
