#!/bin/sh
# A list item that crosses a page keeps its indent there: the example's
# outlook item made long enough to run from one page onto the next, and
# every line after its first (pdftotext -bbox-layout: a line's left edge)
# starts where the item's second line does, on either page.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"

book=$(fresh_book lists)
sentence='Costs are reviewed line by line across every service so that margins keep widening.'
long=$(i=0; while [ $i -lt 60 ]; do printf '%s ' "$sentence"; i=$((i + 1)); done)
perl -0pi -e "s|(<slot id=\"outlook\">\\s*<ul>\\s*<li>)|\$1$long|" \
    "$book/periods/2004-q1.xml"
if ! "$KESSAN" render --period 2004-q1 --lang en --format pdf \
    -o "$scratch/en.pdf" "$book" 2>"$scratch/err"; then
	not_ok "render: $(cat "$scratch/err")"
	finish
	exit 1
fi
pdftotext -bbox-layout "$scratch/en.pdf" "$scratch/en.html"
# The lines of the block holding the sentence, page by page: "page xMin".
perl -ne '
	$page++ if /<page /;
	if (/<block /) { @lines = (); $in = 1 }
	if ($in && /<line xMin="([0-9.]+)"/) { $x = $1; $text = "" }
	$text .= "$1 " if $in && /<word [^>]*>([^<]*)</;
	push @lines, [$page, $x, $text] if $in && /<\/line>/;
	if (/<\/block>/) {
		$in = 0;
		print map { "$_->[0] $_->[1]\n" } @lines
		    if grep { $_->[2] =~ /line by line/ } @lines;
	}' "$scratch/en.html" >"$scratch/lines"
pages=$(cut -d' ' -f1 "$scratch/lines" | sort -u | wc -l)
if [ "$pages" -lt 2 ]; then
	not_ok "the long item does not cross a page ($pages page)"
else
	ok
fi
# Every line but the item's first: one left edge, on either page.
edges=$(awk 'NR > 1 { printf "%.0f\n", $2 }' "$scratch/lines" | sort -u)
if [ "$(printf '%s\n' "$edges" | wc -l)" -eq 1 ]; then
	ok
else
	not_ok "the item's lines start at $(printf '%s ' $edges)(pt) across pages"
fi
finish
