#!/bin/sh
# The HTML releases: valid for the Nu HTML checker, right in a real
# browser (title, no overflow at 1024 px, right-aligned figures, every
# table cell equal to the text backend's), reproducible, and escaping
# whatever markup authored text contains; printed from the browser, about
# as many A4 pages as kessan's PDF.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"

if ! html_tools_ready; then
	finish
	exit 1
fi

title_en="IIJ Announces Year-Over-Year Improvement in Operating and Net Income for the First Quarter of Fiscal Year 2004"
title_ja="2004年度第1四半期(4-6月)決算発表(抄訳)"
mkdir -p "$scratch/out" "$scratch/again"
for lang in en ja ja+en; do
	for format in html txt pdf; do
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

# The Nu HTML checker, once for every page (a JVM start is seconds, so
# it runs beside the browser, its verdict read below): no error in any
# output.
nu_check "$scratch/out/release-en.html" \
    "$scratch/out/release-ja.html" "$scratch/out/release-ja+en.html" \
    "$scratch/escaped.html" 2>"$scratch/vnu" &
nu_pid=$!

# In headless Chromium, as a reader sees them, one browser for the three.
# Screenshots are taken only for a person to look at, into
# $KESSAN_SCREENSHOTS when it is set.
set --
for lang in en ja ja+en; do
	case $lang in
	en) title=$title_en ;;
	*) title=$title_ja ;;
	esac
	shot=-
	if [ -n "${KESSAN_SCREENSHOTS:-}" ]; then
		mkdir -p "$KESSAN_SCREENSHOTS"
		shot="$KESSAN_SCREENSHOTS/browser-$lang.png"
	fi
	set -- "$@" "$scratch/out/release-$lang.html" "$scratch/out/release-$lang.txt" \
	    "$title" "$shot"
done
if (cd "$tools" && node browser.mjs "$@") >"$scratch/browser" 2>&1 &&
    [ "$(grep -c '^ok - ' "$scratch/browser")" -eq 25 ]; then
	ok
else
	not_ok "in Chromium:"
	cat "$scratch/browser" >&2
fi
if wait "$nu_pid"; then
	ok
else
	not_ok "Nu HTML checker: $(head -5 "$scratch/vnu")"
fi

finish
