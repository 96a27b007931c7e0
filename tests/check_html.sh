#!/bin/sh
# The HTML releases: valid for the Nu HTML checker, right in a real
# browser (title, no overflow at 1024 px, right-aligned figures, every
# table cell equal to the text backend's), reproducible, and escaping
# whatever markup authored text contains.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"
tools="${TESTS_SRCDIR:-$(dirname "$0")}/tools"
vnu="$tools/node_modules/vnu-jar/build/dist/vnu.jar"

if ! command -v java >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1 ||
    [ ! -f "$vnu" ] || [ ! -d "$tools/node_modules/playwright-core" ] ||
    [ ! -x /usr/bin/chromium ]; then
	not_ok "the HTML test tools are missing: run ./setup (java, node, chromium, tests/tools)"
	finish
	exit 1
fi

title_en="IIJ Announces Year-Over-Year Improvement in Operating and Net Income for the First Quarter of Fiscal Year 2004"
title_ja="2004年度第1四半期(4-6月)決算発表(抄訳)"
mkdir -p "$scratch/out" "$scratch/again"
for lang in en ja ja+en; do
	for format in html txt; do
		"$KESSAN" render --period 2004-q1 --lang "$lang" --format $format \
		    -o "$scratch/out" "$EXAMPLES/iij" 2>"$scratch/err" ||
		    not_ok "$lang $format: $(cat "$scratch/err")"
	done
	"$KESSAN" render --period 2004-q1 --lang "$lang" --format html \
	    -o "$scratch/again" "$EXAMPLES/iij"
	if cmp -s "$scratch/out/release-$lang.html" "$scratch/again/release-$lang.html"; then
		ok
	else
		not_ok "$lang: two HTML renders differ"
	fi
done

# The Nu HTML checker: no error in any output.
if java -jar "$vnu" --errors-only "$scratch/out/release-en.html" \
    "$scratch/out/release-ja.html" "$scratch/out/release-ja+en.html" \
    2>"$scratch/vnu"; then
	ok
else
	not_ok "Nu HTML checker: $(head -5 "$scratch/vnu")"
fi

# In headless Chromium, as a reader sees them. Screenshots stay in
# $KESSAN_SCREENSHOTS when set, for a person to look at.
shots="${KESSAN_SCREENSHOTS:-$scratch}"
mkdir -p "$shots"
for lang in en ja ja+en; do
	case $lang in
	en) title=$title_en ;;
	*) title=$title_ja ;;
	esac
	if (cd "$tools" && node browser.mjs "$scratch/out/release-$lang.html" \
	    "$scratch/out/release-$lang.txt" "$title" "$shots/browser-$lang.png") \
	    >"$scratch/browser" 2>&1; then
		ok
	else
		not_ok "$lang in Chromium:"
		cat "$scratch/browser" >&2
	fi
done

# Authored text with markup characters comes out as text.
book=$(fresh_book escape)
sed -i 's|<slot id="subtitle">- Sustaining Bottom Line Profitability -</slot>|<slot id="subtitle">\&lt;script\&gt;alert(1)\&lt;/script\&gt; \&amp; \&lt;b\&gt;bold\&lt;/b\&gt;</slot>|' \
    "$book/periods/2004-q1.xml"
"$KESSAN" render --period 2004-q1 --lang en --format html -o "$scratch/escaped.html" "$book"
if ! grep -qi '<script' "$scratch/escaped.html" && ! grep -q '<b>' "$scratch/escaped.html" &&
    grep -qF '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;' "$scratch/escaped.html"; then
	ok
else
	not_ok "markup in authored text was not escaped"
fi
if java -jar "$vnu" --errors-only "$scratch/escaped.html" 2>"$scratch/vnu"; then ok; else not_ok "escaped: $(head -3 "$scratch/vnu")"; fi

finish
