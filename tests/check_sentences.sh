#!/bin/sh
# Generated sentences true in every quarter: an archive of the example
# (examples/make-archive.sh) whose headline figures tests/synth/set-figures.pl
# sets so that adjusted EBITDA and net income move every way against the
# prior-year quarter and the prior quarter (up, down, unchanged, from zero,
# to profit, to loss, to break-even, a loss narrowed or widened), each pair
# going the same way or different ways. 2004-q2 is issue 17's case: revenues
# up on the prior quarter and down on the prior year, operating income back
# to profit, net income 159 against 1,434 and a net loss of 572. Every
# identity holds (`kessan check`), and the highlight and summary sentences of
# every release, in English and Japanese, are exactly
# tests/sentences/movements.expected; the compilation (ja+en) carries both.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"
here="${TESTS_SRCDIR:-$(dirname "$0")}"

book="$scratch/book"
"$EXAMPLES/make-archive.sh" "$book" 11 2003
perl "$here/synth/set-figures.pl" "$book" \
    2003-q1=8675,-100,-200,-243 2003-q2=9000,-300,-572,421 \
    2003-q3=8675,-100,300,1358 2003-q4=8675,-100,0,1358 \
    2004-q1=8675,-100,1434,884 2004-q2=8900,200,159,1191 \
    2004-q3=8675,-100,-100,1191 2004-q4=8675,-100,-50,-100 \
    2005-q1=8675,-100,-50,-200 2005-q2=8675,-100,0,-150 \
    2005-q3=8675,-100,-300,0
if "$KESSAN" check "$book" >/dev/null 2>"$scratch/err"; then
	ok
else
	not_ok "the movements book does not check: $(head -3 "$scratch/err")"
fi

sentences='^- (Revenues|Adjusted EBITDA|Net|営業収益|償却前|当期)'
for q in 2004-q1 2004-q2 2004-q3 2004-q4 2005-q1 2005-q2 2005-q3; do
	for lang in en ja; do
		printf '[%s %s]\n' "$q" "$lang"
		"$KESSAN" render --period "$q" --lang "$lang" "$book" |
		    grep -E "$sentences"
	done
done >"$scratch/got" 2>&1
if diff -u "$here/sentences/movements.expected" "$scratch/got" >&2; then
	ok
else
	not_ok "the movement sentences differ from tests/sentences/movements.expected"
fi

# The compilation holds the same sentences in both languages.
"$KESSAN" render --period 2004-q2 --lang ja+en "$book" >"$scratch/both" 2>&1
for lang in en ja; do
	awk -v want="[2004-q2 $lang]" '$0 == want { on = 1; next } /^\[/ { on = 0 } on' \
	    "$here/sentences/movements.expected" >"$scratch/want.$lang"
	missing=$(grep -vxF -f "$scratch/both" "$scratch/want.$lang" | head -1)
	if [ -s "$scratch/want.$lang" ] && [ -z "$missing" ]; then
		ok
	else
		not_ok "ja+en of 2004-q2 lacks: ${missing:-the $lang sentences}"
	fi
done
# Quarter-specific text comes from the period file: the example's 2004-q1
# adds "1Q03 includes Ethernet Standard" to the connectivity note through
# its slot note.connectivity.limited; a period without the slot prints the
# note without it, in both languages.
book=$(fresh_book ethernet)
for lang in en ja; do
	"$KESSAN" render --period 2004-q1 --lang "$lang" "$book" >"$scratch/with.$lang"
done
sed -i 's|<slot id="note.connectivity.limited">.*を含む。</slot>||; s|<slot id="note.connectivity.limited">.*10Mbps).</slot>||' \
    "$book/periods/2004-q1.xml"
for lang in en ja; do
	"$KESSAN" render --period 2004-q1 --lang "$lang" "$book" >"$scratch/without.$lang"
done
if grep -q '^  1Q03 includes Ethernet Standard (the same specifications at 10Mbps)\.$' "$scratch/with.en" &&
    grep -q '^  1Q03 はイーサネットスタンダード(同スペック、10Mbps)を含む。$' "$scratch/with.ja" &&
    grep -q '1.5Mbps)\.$' "$scratch/without.en" && grep -q '1.5Mbps)。$' "$scratch/without.ja" &&
    ! grep -q 'Ethernet' "$scratch/without.en" && ! grep -q 'イーサネット' "$scratch/without.ja"; then
	ok
else
	not_ok "the Ethernet Standard note does not follow the period file's slot"
fi
# A base of zero has no per-cent change: revenues and equipment sales of
# nothing a year earlier (a quarter before the business began) render in
# both languages, each sentence saying the figure rose from zero, and the
# income statement's shares of no revenues are not meaningful.
book=$(fresh_book zero-base)
sed -i 's|<f id="is.rev.total">[0-9]*</f>|<f id="is.rev.total">0</f>|; s|<f id="is.rev.equipment">[0-9]*</f>|<f id="is.rev.equipment">0</f>|' \
    "$book/periods/2003-q1.xml"
for lang in en ja; do
	"$KESSAN" render --period 2004-q1 --lang "$lang" "$book" \
	    >"$scratch/zero.$lang" 2>"$scratch/zero-err.$lang" ||
	    not_ok "zero base: $lang does not render: $(head -3 "$scratch/zero-err.$lang")"
done
for want in \
    'en:- Revenues totaled JPY 8,675 million ($79.3 million), an increase from zero compared to 1Q03 and a decrease of 25.3% compared to 4Q03.' \
    'en:Revenues in 1Q04 totaled JPY 8,675 million, an increase from JPY 0 million in 1Q03 and a decrease of 25.3% from JPY 11,617 million in 4Q03.' \
    'en:Equipment sales revenues were JPY 531 million in 1Q04, an increase from zero compared to 1Q03 and a decrease of 74.9% compared to 4Q03.' \
    'ja:- 営業収益(売上高)は、前年同期比増加の8,675百万円(前期比は25.3%減)。'
do
	if grep -qxF -- "${want#*:}" "$scratch/zero.${want%%:*}"; then
		ok
	else
		not_ok "zero base: no line '${want#*:}' in ${want%%:*}"
	fi
done
finish
