#!/bin/sh
# Restated comparatives footnoted. The example's 1Q04 release restates
# 4Q03: 100,000 thousand of revenue moved from dial-up to other, each with
# a reason in English and Japanese. Every figure printed from a restated
# fact (the 4Q03 cells, in millions and in thousands, and the sentence
# that compares 1Q04 with 4Q03) carries a footnote whose text is the
# catalog's frame around the reason, in each language and in text, PDF and
# HTML; figures of quarters not restated carry none. A restatement without
# a Japanese reason fails check and the Japanese render at its line, and
# the older plain-text form is the English reason. The figures expected
# are worked out here from the values written into the book.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"

dialup=657947 other=636590     # 4Q03 as restated, thousands of yen
dialup_1q04=751933             # 1Q04, as the example records it
en_dialup="Moved to other revenues (test R1)."
ja_dialup="その他の収入へ振替（試験R1）。"
en_other="Moved from dial-up (test R2)."
ja_other="ダイヤルアップ収入から振替（試験R2）。"

book=$(fresh_book restated)
file="$book/periods/2004-q1.xml"
awk -v d="$dialup" -v o="$other" -v ed="$en_dialup" -v jd="$ja_dialup" \
    -v eo="$en_other" -v jo="$ja_other" '
/^  <display>/ {
	print "  <restate period=\"2003-q4\" id=\"is.rev.dialup\" value=\"" d "\">"
	print "    <reason lang=\"en\">" ed "</reason>"
	print "    <reason lang=\"ja\">" jd "</reason>"
	print "  </restate>"
	print "  <restate period=\"2003-q4\" id=\"is.rev.other\" value=\"" o "\">"
	print "    <reason lang=\"en\">" eo "</reason>"
	print "    <reason lang=\"ja\">" jo "</reason>"
	print "  </restate>"
}
{ print }' "$file" >"$scratch/p.xml" && cp "$scratch/p.xml" "$file"

# Thousands as a table prints them: millions rounded half-up (the
# example's policy) or thousands, grouped.
grouped() { printf '%s' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
millions() { grouped "$(awk -v v="$1" 'BEGIN { printf "%d", int(v / 1000 + 0.5) }')"; }

render() {   # render LANG FORMAT OUT
	"$KESSAN" render --period 2004-q1 --lang "$1" --format "$2" -o "$3" "$book" \
	    2>"$scratch/err"
}

# marker TEXT LABEL COLUMN FIGURE: the footnote marker after FIGURE in
# column COLUMN of the first table row whose label starts with LABEL (is
# LABEL, when it ends in "$"); empty when the cell is FIGURE alone, "?"
# when it is something else.
marker() {
	awk -F '\t' -v label="$2" -v col="$3" -v fig="$4" '
	BEGIN { exact = sub(/\$$/, "", label) }
	(exact ? $1 == label : index($1, label) == 1) && NF >= col {
		if (index($col, fig) == 1) print substr($col, length(fig) + 1)
		else print "?"
		exit
	}' "$1"
}

# footnoted TEXT LABEL COLUMN FIGURE NOTE WHAT: the cell shows FIGURE with
# a marker, and the footnote of that marker says NOTE.
footnoted() {
	m=$(marker "$1" "$2" "$3" "$4")
	if [ -n "$m" ] && [ "$m" != "?" ] && grep -qxF -- "$m $5" "$1"; then
		ok
	else
		not_ok "$6: cell '$2' column $3: marker '$m' after $4, footnote '$5': $(grep -F -- "$5" "$1")"
	fi
}

for lang in en ja; do
	if render $lang txt "$scratch/$lang.txt"; then ok; else not_ok "render $lang: $(cat "$scratch/err")"; fi
done
if [ -s "$scratch/en.txt" ]; then
	# Table 1 (millions): 4Q03 is the fourth column; 1Q04's is untouched.
	footnoted "$scratch/en.txt" "Total Dial-up Service Revenues" 5 \
	    "$(millions $dialup)" "Restated: $en_dialup" "en: dial-up, Table 1"
	footnoted "$scratch/en.txt" "Other Revenues" 5 \
	    "$(millions $other)" "Restated: $en_other" "en: other, Table 1"
	m=$(marker "$scratch/en.txt" "Total Dial-up Service Revenues" 2 "$(millions $dialup_1q04)")
	if [ -z "$m" ]; then ok; else not_ok "en: 1Q04's dial-up cell is not restated, but shows '$m'"; fi
	# The statements (thousands): 4Q03 is the eighth column.
	footnoted "$scratch/en.txt" "Dial-up access services" 8 \
	    "$(grouped $dialup)" "Restated: $en_dialup" "en: dial-up, statements"
	# The sentence comparing 1Q04 with the restated 4Q03.
	change=$(awk -v a="$dialup_1q04" -v b="$dialup" 'BEGIN { printf "%.1f", (a - b) / b * 100 }')
	line=$(grep '^Dial-up access service revenues were' "$scratch/en.txt")
	case $line in
	*"an increase of $change% compared to 4Q03."[⁰¹²³⁴⁵⁶⁷⁸⁹]*) ok ;;
	*) not_ok "en: the sentence on dial-up against 4Q03 should say $change% and carry a footnote: $line" ;;
	esac
fi
if [ -s "$scratch/ja.txt" ]; then
	footnoted "$scratch/ja.txt" "ダイヤルアップ接続サービス合計" 5 \
	    "$(millions $dialup)" "修正再表示：$ja_dialup" "ja: dial-up, summary"
	footnoted "$scratch/ja.txt" "ダイヤルアップ接続サービス$" 8 \
	    "$(grouped $dialup)" "修正再表示：$ja_dialup" "ja: dial-up, statements"
	if ! grep -qF "$en_dialup" "$scratch/ja.txt"; then ok; else not_ok "ja: the English reason is printed"; fi
fi

# PDF and HTML carry the same notes, in both languages.
for format in pdf html; do
	if render ja+en $format "$scratch/both.$format"; then ok; else not_ok "render $format: $(cat "$scratch/err")"; fi
done
if command -v pdftotext >/dev/null 2>&1; then
	pdftotext -enc UTF-8 "$scratch/both.pdf" "$scratch/both.pdf.txt" 2>/dev/null
	for note in "Restated: $en_dialup" "Restated: $en_other" "修正再表示：$ja_dialup" "修正再表示：$ja_other"; do
		if grep -qF -- "$note" "$scratch/both.pdf.txt"; then ok; else not_ok "pdf: no footnote '$note'"; fi
	done
else
	not_ok "pdftotext is missing"
fi
for note in "Restated: $en_dialup" "Restated: $en_other" "修正再表示：$ja_dialup" "修正再表示：$ja_other"; do
	if grep -qF -- "$note" "$scratch/both.html"; then ok; else not_ok "html: no footnote '$note'"; fi
done

# check passes with both reasons given.
if "$KESSAN" check "$book" >/dev/null 2>"$scratch/err"; then ok; else not_ok "check: $(grep ': error: ' "$scratch/err")"; fi

# Without the Japanese reason: check fails at the restate element's line
# with a hint, the Japanese render fails likewise, the English one is fine.
grep -vF -- "$ja_other" "$file" >"$scratch/p.xml" && cp "$scratch/p.xml" "$file"
at=$(grep -n 'id="is.rev.other" value=' "$file" | cut -d: -f1)
want="$file:$at: error: restate: no Japanese reason for is.rev.other of 2003-q4"
"$KESSAN" check "$book" >/dev/null 2>"$scratch/err"
rc=$?
if [ $rc -ne 0 ] && grep -qF -- "$want" "$scratch/err" &&
    grep -F -- "$want" "$scratch/err" | grep -qF 'add <reason lang="ja">'; then
	ok
else
	not_ok "check without a Japanese reason: exit $rc, $(grep -v ': note: \|: warning: ' "$scratch/err")"
fi
if ! render ja txt "$scratch/ja-missing.txt" && grep -qF -- "$want" "$scratch/err" &&
    [ ! -e "$scratch/ja-missing.txt" ]; then
	ok
else
	not_ok "render ja without a Japanese reason: $(cat "$scratch/err")"
fi
if render en txt "$scratch/en-missing.txt" &&
    grep -qxF -- "$(marker "$scratch/en-missing.txt" "Other Revenues" 5 "$(millions $other)") Restated: $en_other" "$scratch/en-missing.txt"; then
	ok
else
	not_ok "render en without a Japanese reason: $(cat "$scratch/err")"
fi

# The older form: plain text is the English reason.
sed -i "s|<restate period=\"2003-q4\" id=\"is.rev.other\" value=\"$other\">|<restate period=\"2003-q4\" id=\"is.rev.other\" value=\"$other\">Plain reason (test R3).|; /<reason lang=\"en\">$en_other/d" "$file"
if render en txt "$scratch/plain.txt" &&
    grep -qxF -- "$(marker "$scratch/plain.txt" "Other Revenues" 5 "$(millions $other)") Restated: Plain reason (test R3)." "$scratch/plain.txt"; then
	ok
else
	not_ok "the plain-text reason as the English one: $(cat "$scratch/err") $(grep -F 'R3' "$file")"
fi

finish
