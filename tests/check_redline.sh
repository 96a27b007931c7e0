#!/bin/sh
# kessan diff --format pdf, the redline: one restated fact (SI revenues)
# gives a PDF that qpdf and pdffonts accept; pdftotext finds in it every
# new and old text that the text diff (the oracle) reports; the summary
# lists each change once with the page where pdftotext finds its new
# value; the page images hold red and blue marks and change bars in the
# margin, where a release has none; --lang en holds English alone, --lang
# ja Japanese alone; two git revisions work; no change gives exit 0 and
# "No differences."; and a release renders as before (no marks).
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"
tests="${TESTS_SRCDIR:-$(dirname "$0")}"

old=$(fresh_book old)
new=$(fresh_book new)
sed -i 's|<f id="is.rev.si">2694638</f>|<f id="is.rev.si">2794638</f>|' \
    "$new/periods/2004-q1.xml"

"$KESSAN" diff "$old" "$new" >"$scratch/diff.txt"
"$KESSAN" diff --format pdf -o "$scratch/r.pdf" "$old" "$new" 2>"$scratch/r.err"
rc=$?
if [ $rc -eq 1 ] && [ -s "$scratch/r.pdf" ] && [ ! -s "$scratch/r.err" ]; then ok; else not_ok "redline: exit $rc, $(cat "$scratch/r.err")"; fi

# The PDF checks a release passes.
if qpdf --check "$scratch/r.pdf" >"$scratch/qpdf.out" 2>&1; then ok; else not_ok "qpdf --check: $(tail -3 "$scratch/qpdf.out")"; fi
pdffonts "$scratch/r.pdf" | tail -n +3 >"$scratch/fonts"
if [ -s "$scratch/fonts" ] && ! awk '$(NF-4) != "yes" || $(NF-3) != "yes" { bad = 1 } END { exit !bad }' "$scratch/fonts" &&
    grep -q IPAex "$scratch/fonts"; then ok; else not_ok "fonts not all embedded and subset, or no Japanese font: $(cat "$scratch/fonts")"; fi

# Every new and old text of the text diff is in the redline's text.
# Spaces are dropped on both sides: pdftotext spaces Japanese its own way.
pdftotext "$scratch/r.pdf" - 2>"$scratch/pdftotext.err" | tr -d ' \n' >"$scratch/all"
if [ ! -s "$scratch/pdftotext.err" ]; then ok; else not_ok "pdftotext warns: $(head -3 "$scratch/pdftotext.err")"; fi
# A change's line starts with its language ("en  #1  "; the causes listed
# first do not); a figure only footing moved ends "  [footing: TOTAL]".
sed -n 's/  \[footing: [^]]*\]$//; s/^\(en\|ja\)  .*: \(.*\) → \(.*\)$/\2\n\3/p' \
    "$scratch/diff.txt" >"$scratch/texts"
grep -o '{+[^}]*+}\|\[-[^]]*-\]' "$scratch/diff.txt" | sed 's/^..//; s/..$//' >>"$scratch/texts"
set -- $(awk 'NR == FNR { all = all $0; next }
	{ t = $0; gsub(/ /, "", t); n++
	  if (index(all, t) == 0) { m++; print "not in the redline: " $0 >"/dev/stderr" } }
	END { print n + 0, m + 0 }' "$scratch/all" "$scratch/texts")
if [ "$1" -gt 40 ] && [ "$2" -eq 0 ]; then ok; else not_ok "$2 of $1 texts of the diff missing from the redline"; fi

# The summary: one line per change, each with a page where pdftotext finds
# the change's new value (the last word of the line, struck old value
# before it).
changes=$(grep -c '^\(en\|ja\)  ' "$scratch/diff.txt")
pdftotext -f 1 -l 3 "$scratch/r.pdf" - | awk '
	/^(page [0-9]+ |[0-9]+ページ )/ { if (item != "") print item; item = $0; next }
	/^$/ || /^(Page [0-9]+ of|[0-9]+ \/ [0-9]+ページ)/ { if (item != "") print item; item = ""; next }
	item != "" { item = item " " $0 }
	END { if (item != "") print item }' >"$scratch/items"
listed=$(wc -l <"$scratch/items")
# Each page's text, spaces dropped, one record a page (pdftotext ends a
# page with a form feed).
pdftotext "$scratch/r.pdf" - | tr -d ' ' >"$scratch/pages"
set -- $(awk -v first=3 '
	NR == FNR { page[FNR] = $0; pages = FNR; next }
	{
		n = $1; sub(/ページ$/, "", n); if ($1 == "page") n = $2
		value = $NF
		if (value !~ /[0-9]/) next   # a sentence: its texts are checked above
		checked++
		if (n + 0 <= first || n + 0 > pages || index(page[n], value) == 0) {
			wrong++; print "page " n " lacks " value ": " $0 >"/dev/stderr"
		}
	}
	END { print checked + 0, wrong + 0 }' RS='\f' "$scratch/pages" RS='\n' "$scratch/items")
if [ "$listed" -eq "$changes" ] && [ "$1" -gt 20 ] && [ "$2" -eq 0 ]; then ok; else not_ok "summary: $listed lines for $changes changes, $2 of $1 pages wrong"; fi

# The summary groups by cause, as the text diff does: its one cause heads
# the group, in each language.
cause=$(sed -n 's/^#1  fact  \(.*\):.*/#1 fact \1/p' "$scratch/diff.txt")
heads=$(pdftotext -f 1 -l 3 "$scratch/r.pdf" - | grep -c -F -- "$cause:")
if [ -n "$cause" ] && [ "$heads" -eq 2 ]; then ok; else not_ok "summary: cause '$cause' heads $heads groups, not 2 (one per language)"; fi

# The marks, seen: red and blue on the summary and the changed pages, bars
# in the margin of the changed pages only; none in a release.
marks() {   # PDF FIRST LAST: "red blue bars" summed over the pages
	rm -f "$scratch"/img-*.ppm
	pdftoppm -r 70 -f "$2" -l "$3" "$1" "$scratch/img"
	perl "$tests/redline_pixels.pl" "$scratch"/img-*.ppm |
	    awk '{ for (i = 2; i <= 4; i++) { split($i, kv, "="); s[i] += kv[2] } }
	        END { print s[2] + 0, s[3] + 0, s[4] + 0 }'
}
first=$(sed -n 1p "$scratch/items" | sed 's/^page \([0-9]*\) .*/\1/; s/^\([0-9]*\)ページ .*/\1/')
set -- $(marks "$scratch/r.pdf" "$first" "$first")
if [ "$1" -gt 50 ] && [ "$2" -gt 50 ] && [ "$3" -gt 20 ]; then ok; else not_ok "page $first: red $1, blue $2, bar $3 pixels"; fi
set -- $(marks "$scratch/r.pdf" 1 1)
if [ "$1" -gt 50 ] && [ "$2" -gt 50 ] && [ "$3" -eq 0 ]; then ok; else not_ok "summary page: red $1, blue $2, bar $3 pixels"; fi
"$KESSAN" render --period 2004-q1 --lang ja+en --format pdf -o "$scratch/release.pdf" "$new"
set -- $(marks "$scratch/release.pdf" 4 6)
if [ "$1" -eq 0 ] && [ "$2" -eq 0 ] && [ "$3" -eq 0 ]; then ok; else not_ok "a release has marks: red $1, blue $2, bar $3 pixels"; fi

# One language: only its draft and its changes.
for lang in en ja; do
	"$KESSAN" diff --lang $lang --format pdf -o "$scratch/$lang.pdf" "$old" "$new"
	pdftotext "$scratch/$lang.pdf" "$scratch/$lang.txt"
	has_ja=$(grep -c 'ページ\|連結' "$scratch/$lang.txt")
	has_en=$(grep -c '^page [0-9]\|Revenues' "$scratch/$lang.txt")
	if [ $lang = en ]; then
		right=$([ "$has_ja" -eq 0 ] && [ "$has_en" -gt 0 ] && echo yes)
	else
		right=$([ "$has_ja" -gt 0 ] && ! grep -q '^page [0-9]' "$scratch/$lang.txt" && echo yes)
	fi
	if qpdf --check "$scratch/$lang.pdf" >/dev/null 2>&1 && [ "$right" = yes ]; then
		ok
	else
		not_ok "--lang $lang: $has_ja Japanese lines, $has_en English"
	fi
done

# No change: exit 0, the drafts unmarked.
"$KESSAN" diff --format pdf -o "$scratch/same.pdf" "$old" "$old"
rc=$?
if [ $rc -eq 0 ] && pdftotext "$scratch/same.pdf" - | grep -q "No differences."; then ok; else not_ok "no change: exit $rc"; fi

# Two git revisions of a book.
if command -v git >/dev/null 2>&1; then
	repo="$scratch/repo"
	mkdir -p "$repo"
	cp -R "$old" "$repo/book"
	git -C "$repo" init -q && git -C "$repo" add . &&
	    git -C "$repo" -c user.name=kessan -c user.email=kessan@example.com commit -qm first &&
	    cp "$new/periods/2004-q1.xml" "$repo/book/periods/2004-q1.xml" &&
	    git -C "$repo" -c user.name=kessan -c user.email=kessan@example.com commit -qam second
	"$KESSAN" diff --git --format pdf -o "$scratch/git.pdf" HEAD~1 HEAD "$repo/book"
	rc=$?
	if [ $rc -eq 1 ] && qpdf --check "$scratch/git.pdf" >/dev/null 2>&1 &&
	    pdftotext "$scratch/git.pdf" - | tr -d ' \n' | grep -qF "2,794,638"; then ok; else not_ok "--git redline: exit $rc"; fi
else
	not_ok "git is not installed"
fi

finish
