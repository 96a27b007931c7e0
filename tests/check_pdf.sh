#!/bin/sh
# The PDFs of the example: valid (qpdf), fonts embedded and subset
# (pdffonts), text extractable without warnings and holding every table
# cell of the text output (pdftotext), the document language set,
# identical bytes for identical inputs, under 300 KB, and kessan's own
# compact fonts rather than libharu's.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"

for tool in qpdf pdffonts pdftotext pdfinfo; do
	if ! command -v $tool >/dev/null 2>&1; then
		not_ok "$tool is not installed (poppler-utils, qpdf)"
		finish
		exit 1
	fi
done

# Table cells without footnote markers and white space: the PDF raises
# plain digits for markers and may wrap a label over lines.
normalize() {
	sed -e 's/\*[0-9][0-9]*//g' -e 's/[⁰¹²³⁴⁵⁶⁷⁸⁹]//g' -e 's/[[:space:]]//g'
}

mkdir -p "$scratch/pdf" "$scratch/again"
for lang in en ja ja+en; do
	pdf="$scratch/pdf/release-$lang.pdf"
	if ! "$KESSAN" render --period 2004-q1 --lang "$lang" --format pdf \
	    -o "$scratch/pdf" "$EXAMPLES/iij" 2>"$scratch/err"; then
		not_ok "$lang: render failed: $(cat "$scratch/err")"
		continue
	fi
	ok
	if qpdf --check "$pdf" >"$scratch/qpdf" 2>&1; then ok; else not_ok "$lang: qpdf --check: $(cat "$scratch/qpdf")"; fi

	# Every font embedded and subset: the emb and sub columns say yes.
	pdffonts "$pdf" | tail -n +3 > "$scratch/fonts"
	if [ -s "$scratch/fonts" ] && ! grep -v ' yes yes yes ' "$scratch/fonts" >&2; then
		ok
	else
		not_ok "$lang: a font is not embedded, subset and mapped to Unicode"
	fi

	# Text comes back without a warning (libharu's own ToUnicode CMap
	# makes poppler warn), in drawing order.
	pdftotext -raw "$pdf" "$scratch/pdf.txt" 2>"$scratch/warnings"
	if [ -s "$scratch/warnings" ]; then
		not_ok "$lang: pdftotext warns: $(head -3 "$scratch/warnings")"
	else
		ok
	fi
	normalize < "$scratch/pdf.txt" | tr -d '\n' > "$scratch/pdf.norm"

	# Every table cell of the text backend's output is in the PDF's text.
	"$KESSAN" render --period 2004-q1 --lang "$lang" "$EXAMPLES/iij" \
	    > "$scratch/release.txt"
	grep '	' "$scratch/release.txt" | tr '\t' '\n' | normalize | \
	    grep -v '^$' | sort -u > "$scratch/cells"
	# One awk for all cells: a grep per cell was most of this test's time.
	missing=$(awk 'FILENAME == ARGV[1] { text = text $0; next }
	    index(text, $0) == 0 {
		if (++missing <= 5) printf "missing from the PDF: %s\n", $0 > "/dev/stderr"
	    }
	    END { print missing + 0 }' "$scratch/pdf.norm" "$scratch/cells")
	if [ $missing -eq 0 ] && [ "$(wc -l < "$scratch/cells")" -gt 100 ]; then
		ok
	else
		not_ok "$lang: $missing of $(wc -l < "$scratch/cells") table cells missing from the PDF text"
	fi

	case $lang in
	en) want='/Lang (en)' ;;
	*) want='/Lang (ja)' ;;
	esac
	if grep -aqF "$want" "$pdf"; then ok; else not_ok "$lang: no $want"; fi
	size=$(wc -c < "$pdf")
	if [ "$size" -le 307200 ]; then ok; else not_ok "$lang: $size bytes, over 300 KB"; fi

	# kessan writes the fonts (pdf_font.c): text in two-byte codes that
	# need no hex, no 128 KB CIDToGIDMap per font (as libharu wrote), so
	# the whole file uncompressed stays small.
	qpdf --qdf --object-streams=disable "$pdf" "$scratch/qdf.pdf"
	if grep -aq '> Tj$' "$scratch/qdf.pdf"; then
		not_ok "$lang: text drawn in hex strings, as libharu's fonts do"
	else
		ok
	fi
	# (libharu's fonts made these 500, 856 and 1062 KB; kessan's 182, 379
	# and 505.)
	case $lang in
	en) limit=300 ;;
	ja) limit=600 ;;
	*) limit=700 ;;
	esac
	size=$(wc -c < "$scratch/qdf.pdf")
	if [ "$size" -le $((limit * 1024)) ]; then
		ok
	else
		not_ok "$lang: $size bytes uncompressed, over $limit KB"
	fi

	# Identical inputs, identical bytes.
	"$KESSAN" render --period 2004-q1 --lang "$lang" --format pdf \
	    -o "$scratch/again" "$EXAMPLES/iij"
	if cmp -s "$pdf" "$scratch/again/release-$lang.pdf"; then ok; else not_ok "$lang: two renders differ"; fi
done

# The compilation's "Nページより正式決算発表資料(英文)が続きます" names the
# page the English release starts on: the first page showing the English
# release's own first-page lines ("For Immediate Release").
both="$scratch/pdf/release-ja+en.pdf"
said=$(pdftotext "$both" - | tr -d '\n' |
    sed -n 's/.*[^0-9]\([0-9][0-9]*\)ページより正式決算発表資料(英文).*/\1/p')
pages=$(pdfinfo "$both" | sed -n 's/^Pages: *//p')
starts=
p=1
while [ -n "$pages" ] && [ "$p" -le "$pages" ]; do
	if pdftotext -f "$p" -l "$p" "$both" - | grep -q '^For Immediate Release$'; then
		starts=$p
		break
	fi
	p=$((p + 1))
done
if [ -n "$said" ] && [ "$said" = "$starts" ]; then
	ok
else
	not_ok "ja+en: the summary says the English starts on page '$said'; it starts on page '$starts'"
fi
# The Japanese release alone has no English part, and no such sentence.
if pdftotext "$scratch/pdf/release-ja.pdf" - | grep -q '正式決算発表資料(英文)が続きます'; then
	not_ok "ja: speaks of an English part it does not have"
else
	ok
fi

# Kinsoku: no Japanese line starts with 、。）」 or ends with （「.
pdftotext "$scratch/pdf/release-ja.pdf" "$scratch/ja-lines.txt"
if grep -nE '^[、。）」]|[（「]$' "$scratch/ja-lines.txt" >&2; then
	not_ok "ja: a line breaks against kinsoku"
else
	ok
fi

# No Japanese table header or label breaks inside a word (「対営業|収益 %」,
# never 「対営業収|益 %」), as ICU's dictionary word breaker reads the
# cells pdftotext finds wrapped in the PDF (tests/tools/table_words.mjs).
for lang in ja ja+en; do
	pdftotext -bbox-layout "$scratch/pdf/release-$lang.pdf" "$scratch/bbox-$lang.html"
	if ! command -v node >/dev/null 2>&1; then
		not_ok "node is missing: run ./setup"
	elif node "${TESTS_SRCDIR:-$(dirname "$0")}/tools/table_words.mjs" \
	    "$scratch/bbox-$lang.html" "$KESSAN_DATADIR/locales/ja.xlf" >"$scratch/words" 2>&1; then
		ok
	else
		not_ok "$lang: a table cell breaks inside a word: $(grep 'not ok' "$scratch/words")"
	fi
done

# The creation date is the release date, or SOURCE_DATE_EPOCH.
pdfinfo "$scratch/pdf/release-en.pdf" > "$scratch/info"
if grep -q '^CreationDate: *Tue Aug 10 00:00:00 2004 UTC' "$scratch/info" &&
    grep -q '^Author: *Internet Initiative Japan Inc.' "$scratch/info" &&
    grep -q '^Title: *IIJ Announces' "$scratch/info"; then
	ok
else
	not_ok "metadata: $(cat "$scratch/info")"
fi
SOURCE_DATE_EPOCH=1091750400 "$KESSAN" render --period 2004-q1 --lang en \
    --format pdf -o "$scratch/epoch.pdf" "$EXAMPLES/iij"
if TZ=UTC pdfinfo "$scratch/epoch.pdf" | grep -q '^CreationDate: *Fri Aug  6 00:00:00 2004 UTC'; then
	ok
else
	not_ok "SOURCE_DATE_EPOCH is not the creation date: $(pdfinfo "$scratch/epoch.pdf" | grep CreationDate)"
fi

# Letter paper on request.
"$KESSAN" render --period 2004-q1 --lang en --format pdf --paper letter \
    -o "$scratch/letter.pdf" "$EXAMPLES/iij"
if pdfinfo "$scratch/letter.pdf" | grep -q 'Page size: *612 x 792'; then ok; else not_ok "--paper letter"; fi

finish
