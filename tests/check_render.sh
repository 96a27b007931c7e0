#!/bin/sh
# kessan render on the example: every language renders, atomically and
# reproducibly, with no unformatted placeholder; a template variant needs
# only data files; each company policy switch changes what it should.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"

render() {   # render BOOK LANG OUTPUT [extra options]
	book=$1 lang=$2 output=$3
	shift 3
	"$KESSAN" render --period "${PERIOD:-2004-q1}" --lang "$lang" "$@" \
	    -o "$output" "$book" 2>"$scratch/err"
}

expect() {   # expect DESCRIPTION COMMAND...
	what=$1
	shift
	if "$@"; then ok; else not_ok "$what"; fi
}

has() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }

# Every language renders; output appears whole, with no temporary left.
mkdir -p "$scratch/out"
for lang in en ja ja+en; do
	if render "$EXAMPLES/iij" "$lang" "$scratch/out/$lang.txt"; then
		ok
	else
		not_ok "render --lang $lang: $(cat "$scratch/err")"
	fi
	# ICU's C API leaves a named argument as literal text: none may remain.
	expect "$lang: no unformatted placeholder" \
	    sh -c "! grep -n '[{}]' '$scratch/out/$lang.txt' >&2"
done
expect "no temporary file left beside the outputs" \
    test "$(ls "$scratch/out" | wc -l)" -eq 3
expect "the compilation is the summary, then the release" sh -c "
    grep -n '決算発表(抄訳)' '$scratch/out/ja+en.txt' | head -1 | cut -d: -f1 > '$scratch/a'
    grep -n '^Highlights of First Quarter FY2004 Results' '$scratch/out/ja+en.txt' | cut -d: -f1 > '$scratch/b'
    test -s '$scratch/a' && test -s '$scratch/b' && test \$(cat '$scratch/a') -lt \$(cat '$scratch/b')"

# The summary's page reference to the English part: words and a link where
# there are no pages (tests/check_pdf.sh holds the PDF's page number), and
# no sentence at all in the Japanese release alone.
expect "ja+en: the page reference's words" \
    has "$scratch/out/ja+en.txt" "後半より正式決算発表資料(英文)が続きます"
expect "ja: no reference to an English part" \
    lacks "$scratch/out/ja.txt" "正式決算発表資料(英文)"
if render "$EXAMPLES/iij" ja+en "$scratch/out/ja+en.html" --format html; then
	expect "ja+en html: the reference links to the English part" sh -c "
	    grep -q '<a href=\"#part-release\">後半</a>より' '$scratch/out/ja+en.html' &&
	    grep -q '<article lang=\"en\" id=\"part-release\">' '$scratch/out/ja+en.html'"
else
	not_ok "render --lang ja+en --format html: $(cat "$scratch/err")"
fi

# Footnotes are keyed by the note, not its words: two notes of one table
# that happen to read alike (IP Service's and Broadband's, made to) get
# two markers, and the notes after them keep their numbers.
cp -R "$KESSAN_DATADIR/locales" "$scratch/alike-locales"
sed -i 's|<source>IIJ FiberAccess/F and IIJ DSL/F (shared access using NTT.s Flet.s ADSL and B Flet.s for local access, maximum speed from 1.5Mbps to 100Mbps).</source>|<source>Including IIJ Data Center Connectivity Service (local access not shared, and fixed speed from 64kbps to 1.2Gbps).</source>|' \
    "$scratch/alike-locales/en.xlf"
KESSAN_LOCALES="$scratch/alike-locales" render "$EXAMPLES/iij" en "$scratch/alike.txt"
render "$EXAMPLES/iij" en "$scratch/unlike.txt"
# The markers, line by line, are the same as with the notes' own words.
markers() { sed -n 's/^[^⁰¹²³⁴⁵⁶⁷⁸⁹]*\([⁰¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]*\).*/\1/p' "$1"; }
markers "$scratch/alike.txt" >"$scratch/alike.markers"
markers "$scratch/unlike.txt" >"$scratch/unlike.markers"
expect "two notes that read alike keep two markers" sh -c "
    test \$(grep -c 'Including IIJ Data Center Connectivity Service' '$scratch/alike.txt') -eq 2 &&
    cmp -s '$scratch/alike.markers' '$scratch/unlike.markers'"

# Identical inputs give identical bytes.
render "$EXAMPLES/iij" ja+en "$scratch/again.txt"
expect "two renders are identical" cmp -s "$scratch/out/ja+en.txt" "$scratch/again.txt"

# Formulaic sentences come out of the facts with the reference's wording.
en="$scratch/out/en.txt"
ja="$scratch/out/ja.txt"
for sentence in \
    "Revenues in 1Q04 totaled JPY 8,675 million, an increase of 4.0% from JPY 8,344 million in 1Q03 and a decrease of 25.3% from JPY 11,617 million in 4Q03." \
    "Connectivity and VAS revenues were JPY 5,450 million in 1Q04, a decrease of 2.6% from JPY 5,596 million in 1Q03 and a decrease of 0.9% from JPY 5,499 million in 4Q03." \
    "Systems Integration revenues increased 11.9% to JPY 2,695 million in 1Q04 from JPY 2,408 million in 1Q03 and decreased 32.7% from JPY 4,001 million in 4Q03." \
    "Cost of Connectivity and VAS revenues was JPY 4,811 million, a decrease of 8.1% compared to 1Q03 and almost flat compared to 4Q03." \
    "Operating loss was JPY 100 million in 1Q04, compared to an operating loss of JPY 1,206 million in 1Q03 and operating income of JPY 350 million in 4Q03." \
    "Income tax benefit for 1Q04 was JPY 1,657 million, compared to JPY 390 million in 1Q03 and JPY 891 million in 4Q03." \
    "Net income (loss) was JPY 1,434 million in 1Q04, compared to a net loss of JPY 2,475 million in 1Q03 and net income of JPY 669 million in 4Q03." \
    "Basic net income per ADS equivalent was JPY 18.72 in 1Q04, compared to a net loss of JPY 54.72 in 1Q03 and a net income of JPY 8.73 in 4Q03." \
    "Revenues totaled JPY 8,675 million (\$79.3 million), an increase of 4.0% compared to 1Q03 and a decrease of 25.3% compared to 4Q03."
do
	expect "en sentence: $sentence" has "$en" "$sentence"
done
expect "ja bullet: revenues" has "$ja" "- 営業収益(売上高)は、前年同期比4.0%増の8,675百万円(前期比は25.3%減)。"
expect "ja title" has "$ja" "2004年度第1四半期(4-6月)決算発表(抄訳)"

# A variant made only by editing templates and catalogs: one table added
# (a balance sheet summary), one removed (CAPEX).
variant="$scratch/variant"
mkdir -p "$variant"
cp -R "$KESSAN_DATADIR/templates" "$KESSAN_DATADIR/locales" "$variant/"
sed -i -e '/<p><message key="reconciliation.capex"\/><\/p>/d' \
    -e 's|<table ref="capex"/>|<table ref="assets-summary"/>|' "$variant/templates/release.xml"
sed -i 's|</tables>|  <table id="assets-summary" caption="table.assets-summary.caption" unit="millions">\
    <columns>\
      <column period="current" header-period="quarter"/>\
      <column period="pq" header-period="quarter"/>\
    </columns>\
    <row id="assets" label="row.assets-summary.assets" value="bs.assets.total"/>\
    <row id="equity" label="row.assets-summary.equity" value="bs.eq.total"/>\
    <row id="equity_ratio" label="row.assets-summary.equity_ratio" format="percent" value="share(bs.eq.total, bs.assets.total)"/>\
  </table>\
</tables>|' "$variant/templates/tables.xml"
for lang in en ja; do
	case $lang in
	en) units='<unit id="table.assets-summary.caption"><segment><source>Table 9. Balance Sheet Summary (JPY in millions)</source></segment></unit>
<unit id="row.assets-summary.assets"><segment><source>Total assets</source></segment></unit>
<unit id="row.assets-summary.equity"><segment><source>Total shareholders equity</source></segment></unit>
<unit id="row.assets-summary.equity_ratio"><segment><source>Equity ratio</source></segment></unit>' ;;
	ja) units='<unit id="table.assets-summary.caption"><segment><source>Table 9</source><target>表9. 貸借対照表の要約(百万円)</target></segment></unit>
<unit id="row.assets-summary.assets"><segment><source>Total assets</source><target>資産合計</target></segment></unit>
<unit id="row.assets-summary.equity"><segment><source>Total equity</source><target>資本合計</target></segment></unit>
<unit id="row.assets-summary.equity_ratio"><segment><source>Equity ratio</source><target>株主資本比率</target></segment></unit>' ;;
	esac
	printf '%s\n' "$units" > "$scratch/units"
	awk -v f="$scratch/units" '/<file id="format">/ { print; while ((getline l < f) > 0) print l; next } { print }' \
	    "$variant/locales/$lang.xlf" > "$scratch/xlf" && mv "$scratch/xlf" "$variant/locales/$lang.xlf"
done
if KESSAN_TEMPLATES="$variant/templates" KESSAN_LOCALES="$variant/locales" \
    render "$EXAMPLES/iij" en "$scratch/variant.txt"; then
	ok
else
	not_ok "variant render: $(cat "$scratch/err")"
fi
expect "variant: the added table" has "$scratch/variant.txt" "Table 9. Balance Sheet Summary (JPY in millions)"
expect "variant: its figures" has "$scratch/variant.txt" "$(printf 'Equity ratio\t23.9%%\t14.5%%')"
expect "variant: its figures" has "$scratch/variant.txt" "$(printf 'Total assets\t42,039\t42,737')"
expect "variant: the removed table" lacks "$scratch/variant.txt" "Table 8. CAPEX"
expect "variant: the rest unchanged" has "$scratch/variant.txt" "Table 7. Adjusted EBITDA"
KESSAN_TEMPLATES="$variant/templates" KESSAN_LOCALES="$variant/locales" \
    "$KESSAN" check "$EXAMPLES/iij" >/dev/null 2>"$scratch/err"
expect "variant: check passes, no key missing" test $? -eq 0

# Company policy switches, each on a copy of the book.
policy() {   # policy NAME SED-EXPRESSION: a book with company.xml edited
	book=$(fresh_book "policy.$1")
	sed -i "$2" "$book/company.xml"
	printf '%s\n' "$book"
}
# Only these lines may differ between two renders.
changed() { diff "$1" "$2" | grep '^[<>]' | cut -c3-; }

# Rounding down instead of half-up: amounts recorded in thousands change,
# figures recorded in millions and per cents computed in full do not.
book=$(policy truncate 's|amounts="half-up"|amounts="truncate"|')
render "$book" en "$scratch/truncate.txt"
expect "truncate: total connectivity rounds down" has "$scratch/truncate.txt" \
    "$(printf 'Total Connectivity and Value-added Service Revenues\t5,449\t5,595\t(2.6%%)\t5,498\t(0.9%%)')"
expect "truncate: a figure recorded in millions is unchanged" has "$scratch/truncate.txt" \
    "$(printf 'IP Service⁸\t2,279\t2,534\t(10.1%%)\t2,423\t(5.9%%)')"
expect "truncate: text amounts round down too" has "$scratch/truncate.txt" \
    "Revenues in 1Q04 totaled JPY 8,674 million"
expect "truncate: per cents stay rounded half-up" has "$scratch/truncate.txt" \
    "IP Service revenues decreased by 10.1% in 1Q04"

# △ instead of parentheses in Japanese: Japanese negatives change, English
# stays byte for byte.
book=$(policy triangle 's|<negatives lang="ja" style="parentheses"/>|<negatives lang="ja" style="triangle"/>|')
render "$book" ja "$scratch/triangle-ja.txt"
render "$book" en "$scratch/triangle-en.txt"
expect "triangle: Japanese negatives" has "$scratch/triangle-ja.txt" \
    "$(printf 'IP サービス*1\t2,279\t2,534\t△10.1%%\t2,423\t△5.9%%')"
expect "triangle: no parenthesised figure left in Japanese tables" sh -c \
    "! grep -E '	\\([0-9]' '$scratch/triangle-ja.txt' >&2"
expect "triangle: English unchanged" cmp -s "$en" "$scratch/triangle-en.txt"

# Fiscal years named by their end: the same quarter (April-June 2004) is
# now 1Q of FY2005; dates do not move.
book=$(fresh_book named-by-end)
sed -i 's|named-by="start"|named-by="end"|' "$book/company.xml"
mkdir "$book/renamed"
for f in "$book"/periods/*.xml; do
	year=$(sed -n 's/.*fiscal-year="\([0-9]*\)".*/\1/p' "$f")
	next=$((year + 1))
	sed "s/fiscal-year=\"$year\"/fiscal-year=\"$next\"/" "$f" \
	    > "$book/renamed/$next-$(basename "$f" | cut -d- -f2)"
done
rm -r "$book/periods"
mv "$book/renamed" "$book/periods"
if PERIOD=2005-q1 render "$book" en "$scratch/by-end.txt"; then ok; else not_ok "named by end: $(cat "$scratch/err")"; fi
expect "named by end: quarter labels" has "$scratch/by-end.txt" "$(printf '\t1Q05\t1Q04\tYoY %% change\t4Q04\tQoQ %% change')"
expect "named by end: fiscal year" has "$scratch/by-end.txt" "Highlights of First Quarter FY2005 Results"
expect "named by end: dates unchanged" has "$scratch/by-end.txt" "the first quarter of the fiscal year ending March 31, 2005 (\"FY2005\")"
expect "named by end: no FY2004 label left" lacks "$scratch/by-end.txt" "FY2004"
# Without its period labels, the release is the same text.
unlabel() { sed -E 's/[1-4]Q0[0-9]//g; s/FY ?200[0-9]//g; s/200[0-9]年度//g' "$1"; }
unlabel "$en" > "$scratch/a"
unlabel "$scratch/by-end.txt" > "$scratch/b"
expect "named by end: nothing else changes" cmp -s "$scratch/a" "$scratch/b"

# Cumulative comparison: flows become year-to-date sums. For a first
# quarter the figures are the quarter's own and the labels say so; the
# prior-quarter column would need the whole of FY2003, which the book
# does not have quarter by quarter: a clear error, naming quarter and fact.
book=$(policy cumulative 's|<percent-change|<comparison basis="cumulative"/>\n  <percent-change|')
render "$book" ja "$scratch/cumulative.txt"
rc=$?
expect "cumulative: the prior quarter's year to date needs 2003-q2" sh -c \
    "test $rc -ne 0 && grep -q 'needs [a-z_.]* of 2003-q2, which' '$scratch/err'"
expect "cumulative: no output written" test ! -e "$scratch/cumulative.txt"

# A restatement: 2004-q1 moves 100,000 thousand of 4Q03 revenue from
# dial-up to other. The release compares against the restated figures and
# recomputes their changes; the book still checks, the total being unmoved.
# (The restated cells carry footnote markers, tests/check_restated.sh:
# taken off here.)
book=$(fresh_book restated)
sed -i 's|^  <display>|  <restate period="2003-q4" id="is.rev.dialup" value="657947"><reason lang="en">Reclassified to other revenues.</reason><reason lang="ja">その他の収入へ組替え。</reason></restate>\n  <restate period="2003-q4" id="is.rev.other" value="636590"><reason lang="en">Reclassified from dial-up.</reason><reason lang="ja">ダイヤルアップ収入から組替え。</reason></restate>\n  <display>|' \
    "$book/periods/2004-q1.xml"
if render "$book" en "$scratch/restated.marked"; then ok; else not_ok "restated: $(cat "$scratch/err")"; fi
sed 's/[⁰¹²³⁴⁵⁶⁷⁸⁹]//g' "$scratch/restated.marked" >"$scratch/restated.txt"
expect "restated: dial-up against the restated 4Q03" has "$scratch/restated.txt" \
    "$(printf 'Dial-up access services\t6,871\t751,933\t8.7\t767,418\t9.2\t(2.0)\t657,947\t5.6\t14.3')"
expect "restated: other against the restated 4Q03" has "$scratch/restated.txt" \
    "$(printf 'Other\t5,413\t592,390\t6.8\t519,709\t6.2\t14.0\t636,590\t5.5\t(6.9)')"
expect "restated: the original 4Q03 figure is gone" lacks "$scratch/restated.txt" "757,947"
if "$KESSAN" check "$book" >"$scratch/restated.check" 2>&1; then ok; else not_ok "restated: check fails: $(cat "$scratch/restated.check")"; fi

# --format tree: the document tree before layout, one node a line with its
# kind, id, language and the template line it came from.
if render "$EXAMPLES/iij" ja+en "$scratch/tree.txt" --format tree; then ok; else not_ok "tree: $(cat "$scratch/err")"; fi
expect "tree: the bilingual document is the root" sh -c \
    "head -n 1 '$scratch/tree.txt' | grep -q '^ document #bilingual \\[ja\\]'"
expect "tree: both languages' tables" sh -c \
    "grep -q 'table #operations \\[en\\]' '$scratch/tree.txt' && grep -q 'table #operations \\[ja\\]' '$scratch/tree.txt'"
expect "tree: a figure with the template line that made it" sh -c \
    "grep -q 'text \\[en\\] \"592,390\" (.*/tables.xml:[0-9]*)' '$scratch/tree.txt'"
expect "tree: a footnote carries its number" sh -c \
    "grep -Eq 'footnote( #[^ ]*)? \\[en\\] 1( |$)' '$scratch/tree.txt'"

# One quarter's render opens only the period files its release can read
# (here eight quarters back, one ahead): a damaged file years before it
# does not stop the render, while check, which reads every quarter, names
# it; a quarter the release needs and the book lacks is named as always.
archive="$scratch/archive"
"$EXAMPLES/make-archive.sh" "$archive" 24 2000
# The window loses nothing: each release as build makes it from the whole
# book is what render makes from the window. The window is the same for
# every language: each release is rendered in one, en, ja and ja+en in
# turn; KESSAN_WINDOW_LANGS=3 (make check-slow) renders each in all three.
"$KESSAN" build -j 2 -f txt -o "$scratch/whole" "$archive" >/dev/null 2>&1
differ=
turn=0
for dir in "$scratch"/whole/*-q*; do
	q=${dir##*/}
	if [ "${KESSAN_WINDOW_LANGS:-1}" -ge 3 ]; then
		langs="en ja ja+en"
	else
		case $((turn % 3)) in
		0) langs=en ;;
		1) langs=ja ;;
		*) langs=ja+en ;;
		esac
		turn=$((turn + 1))
	fi
	for lang in $langs; do
		PERIOD=$q render "$archive" $lang "$scratch/window.txt" &&
		    cmp -s "$dir/release-$lang.txt" "$scratch/window.txt" ||
		    differ="$differ $q/$lang"
	done
done
expect "window: renders of all 20 releases as the whole book's:$differ" \
    test -z "$differ" -a "$(ls -d "$scratch"/whole/*-q* | wc -l)" -eq 20
PERIOD=2005-q4 render "$archive" en "$scratch/window-before.txt"
printf '<period' > "$archive/periods/2000-q2.xml"
if PERIOD=2005-q4 render "$archive" en "$scratch/window.txt"; then ok; else not_ok "window: a damaged 2000-q2 stops the render of 2005-q4: $(cat "$scratch/err")"; fi
expect "window: the same release without 2000-q2" \
    cmp -s "$scratch/window-before.txt" "$scratch/window.txt"
"$KESSAN" check "$archive" >"$scratch/window.check" 2>&1
rc=$?
expect "window: check still names the damaged file" sh -c \
    "test $rc -ne 0 && grep -q 'periods/2000-q2.xml:' '$scratch/window.check'"
rm "$archive/periods/2004-q4.xml"
PERIOD=2005-q4 render "$archive" en "$scratch/window-missing.txt"
rc=$?
expect "window: a missing prior-year quarter is named" sh -c \
    "test $rc -ne 0 && grep -q 'needs [a-z_.]* of 2004-q4, which has no period file in the book' '$scratch/err'"

finish
