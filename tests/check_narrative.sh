#!/bin/sh
# What a quarter authors beyond paragraphs: headings of its own inside a
# narrative slot (rendered as headings of their level in text, PDF and
# HTML, and held to the same structure in both languages by kessan
# check), and tables whose notes are numbered per table and printed
# under it (footnotes="table-local").
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

finish
