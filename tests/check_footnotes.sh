#!/bin/sh
# Footnotes in the PDF (issue 24): a note prints at the foot of the page
# of its first reference (tools/footnote_pages.mjs reads the words and
# their boxes from pdftotext -bbox-layout), a table's own notes under it,
# in en, ja and the compilation; and a note after a table is never left
# alone on a page: a generated book lengthens an appendix's note and moves
# its table down a line at a time, and no page may hold only the note.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"
tools="${TESTS_SRCDIR:-$(dirname "$0")}/tools"

for tool in pdftotext pdfinfo node; do
	if ! command -v $tool >/dev/null 2>&1; then
		not_ok "$tool is not installed (poppler-utils, node: run ./setup)"
		finish
		exit 1
	fi
done

mkdir -p "$scratch/pdf"
for lang in en ja ja+en; do
	"$KESSAN" render --period 2004-q1 --lang "$lang" --format pdf \
	    -o "$scratch/pdf" "$EXAMPLES/iij" 2>"$scratch/err" &&
	    pdftotext -bbox-layout "$scratch/pdf/release-$lang.pdf" \
	    "$scratch/bbox.html" || { not_ok "$lang: $(cat "$scratch/err")"; continue; }
	if node "$tools/footnote_pages.mjs" "$scratch/bbox.html" "$lang" \
	    >"$scratch/notes" 2>&1; then
		ok
	else
		not_ok "$lang: $(grep -v '^ok' "$scratch/notes" | head -5)"
	fi
done

# The appendix note made five lines long; the line of units above the
# table lengthened by k lines moves the table and its note down.
note='Note (1): Stranded words one. Stranded words two. Stranded words three. Stranded words four. Stranded words five. Stranded words six. Stranded words seven. Stranded words eight. Stranded words nine. Stranded words ten. Stranded words eleven. Stranded words twelve. Stranded words thirteen. Stranded words fourteen. Stranded words fifteen. Stranded words sixteen. Stranded words seventeen.'
filler=' (A line of padding, long enough to take a line of its own above the table, so that the table moves down.)'
for k in 0 1 2 3 4 5 6 7 8 9; do
	b=$(fresh_book "strand$k")
	mkdir -p "$b/layouts/strand/locales" "$b/layouts/strand/templates" \
	    "$b/out"
	sed -i 's/<release date="2004-08-10">/<release date="2004-08-10" layout="strand">/' \
	    "$b/periods/2004-q1.xml"
	pad=$(i=0; while [ $i -lt $k ]; do printf '%s' "$filler"; i=$((i + 1)); done)
	cat >"$b/layouts/strand/locales/en.xlf" <<XLF
<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">
  <file id="strand">
    <unit id="appendix.units"><segment><source>(Expressed in Thousands of Japanese Yen (JPY) and U.S. Dollars (USD)) (1)$pad</source></segment></unit>
    <unit id="appendix.note"><segment><source>$note</source></segment></unit>
  </file>
</xliff>
XLF
	if ! "$KESSAN" render --period 2004-q1 --lang en --format pdf \
	    -o "$b/out" "$b" 2>"$scratch/err"; then
		not_ok "strand $k: render failed: $(cat "$scratch/err")"
		continue
	fi
	pdf="$b/out/release-en.pdf"
	# Each page's text (pdftotext ends a page with a form feed) without
	# the running header and footer; a page holding the note's words
	# and nothing else once they are taken out is the note alone.
	alone=$(pdftotext "$pdf" - | awk '
		BEGIN { RS = "\f" }
		{
			n = split($0, line, "\n"); body = ""
			for (i = 2; i <= n; i++)
				if (line[i] !~ /^http/ && line[i] !~ /^Page [0-9]* of/)
					body = body line[i]
			gsub(/ /, "", body)
			if (body !~ /Strandedwords/) next
			gsub(/Note\(1\):/, "", body)
			gsub(/Strandedwords[a-z]*\./, "", body)
			if (body == "") printf " %d", NR
		}')
	pages=$(pdfinfo "$pdf" | awk '/^Pages/ { print $2 }')
	if [ -z "$alone" ]; then
		ok
	else
		not_ok "strand $k: page$alone of $pages holds only the appendix's note"
	fi
done

# A note of many lines (a third of a page) goes with the line that cites
# it: both on the next page when they do not fit together, still on one
# page. One longer than a page is an error that names it.
for reps in 12 150; do
	b=$(fresh_book "long$reps")
	long=$(i=0; while [ $i -lt $reps ]; do printf ' It manages SEIL routers from one place, over the network.'; i=$((i + 1)); done)
	perl -0pi -e "s{(<footnote id=\"smf\">)}{\$1$long }" "$b/periods/2004-q1.xml"
	mkdir -p "$b/out"
	if "$KESSAN" render --period 2004-q1 --lang en --format pdf \
	    -o "$b/out" "$b" 2>"$scratch/err"; then
		if [ $reps -gt 100 ]; then
			not_ok "a note longer than a page: no error"
			continue
		fi
		pdftotext -bbox-layout "$b/out/release-en.pdf" "$scratch/bbox.html"
		if node "$tools/footnote_pages.mjs" "$scratch/bbox.html" "long note" \
		    >"$scratch/notes" 2>&1; then
			ok
		else
			not_ok "$(grep -v '^ok' "$scratch/notes" | head -5)"
		fi
	elif [ $reps -gt 100 ] && grep -q 'error: footnote [0-9]* does not fit on a page' "$scratch/err"; then
		ok
	else
		not_ok "long note ($reps sentences): $(cat "$scratch/err")"
	fi
done

finish
