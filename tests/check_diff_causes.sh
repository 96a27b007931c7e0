#!/bin/sh
# kessan diff, changes grouped by cause. One expense restated in a book
# whose totals are derived: one group, holding exactly the cells and
# sentences the two text renders differ in (both languages), and the
# cells that only footing moved marked so, each with its total: the
# cells that do not differ when both drafts are rendered with footing
# off (an account independent of kessan's grouping), and "Systems
# integration revenues" USD marked with "Total revenues", the sum
# tables.xml gives it. Several causes at once: each group's lines are
# changes its cause makes on its own (held against one-cause diffs), and
# nothing is left to "other". A policy change heads its own group. The
# HTML page has one section per group, and a changed paragraph keeps its
# footnote link. `kessan diff --git REV BOOK` compares the working tree,
# uncommitted edits included, with REV; `--built OUT BOOK` with the commit
# whose files the last build's manifest records (refused when none is).
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"
tests="${TESTS_SRCDIR:-$(dirname "$0")}"

# Book copies with the 2004-q1 totals left out, for kessan to derive.
derived_book() {
	dir=$(fresh_book "$1")
	for f in is.exp.total is.op_income is.pretax is.net_income \
	    is.eps.basic.share is.eps.basic.ads cf.net_income op.ebitda \
	    bs.eq.deficit; do
		sed -i "/<f id=\"$f\">/d" "$dir/periods/2004-q1.xml"
	done
	printf '%s\n' "$dir"
}

# The change lines of a text diff for one language: "GROUP<TAB>REST",
# REST without its footing mark.
lines_of() {   # LANG FILE
	awk -v lang="$1" 'substr($0, 1, 4) == lang "  " {
		line = substr($0, 5)
		group = line
		sub(/  .*/, "", group)
		sub(/^#[0-9]+  /, "", line)
		sub(/  \[footing[^]]*\]$/, "", line)
		print group "\t" line
	}' "$2"
}

old=$(derived_book old)
ga=$(derived_book ga)
sed -i 's|<f id="is.exp.ga">620651<|<f id="is.exp.ga">630651<|' "$ga/periods/2004-q1.xml"
"$KESSAN" diff "$old" "$ga" >"$scratch/ga.out" 2>"$scratch/ga.err"
rc=$?

# One cause, named with its values, heads every line.
if [ $rc -eq 1 ] && [ "$(sed -n '/^Causes$/,/^$/p' "$scratch/ga.out" | sed '1d;/^$/d')" = \
    "#1  fact  2004-q1 is.exp.ga: 620651 → 630651  ($(grep -c '^[a-z][a-z]  ' "$scratch/ga.out"))" ]; then
	ok
else
	not_ok "one restated expense: exit $rc, causes: $(sed -n '/^Causes$/,/^$/p' "$scratch/ga.out")"
fi
groups=$(for l in en ja; do lines_of $l "$scratch/ga.out"; done | cut -f1 | sort -u)
if [ "$groups" = "#1" ]; then ok; else not_ok "one restated expense: groups $groups"; fi

# The group holds exactly what the renders differ in: every changed
# cell ("OLD → NEW", counted) and every changed line, in each language.
for lang in en ja; do
	"$KESSAN" render --period 2004-q1 --lang $lang "$old" >"$scratch/old.txt"
	"$KESSAN" render --period 2004-q1 --lang $lang "$ga" >"$scratch/new.txt"
	awk -f "$tests/changed_lines.awk" "$scratch/old.txt" "$scratch/new.txt" \
	    >"$scratch/expected"
	grep '^cell' "$scratch/expected" | cut -f2 | sort >"$scratch/want"
	lines_of $lang "$scratch/ga.out" | cut -f2 | grep -v '\[-\|{+' |
	    sed 's/.*: //' | sort >"$scratch/got"
	if [ -s "$scratch/want" ] && cmp -s "$scratch/want" "$scratch/got"; then ok; else
		not_ok "one restated expense $lang: the group's cells are not the renders' changed cells:"
		diff "$scratch/want" "$scratch/got" | head >&2
	fi
	want=$(grep -c '^new' "$scratch/expected")
	got=$(lines_of $lang "$scratch/ga.out" | grep -c '\[-\|{+')
	if [ "$want" -gt 0 ] && [ "$got" -ge "$want" ]; then ok; else
		not_ok "one restated expense $lang: $want changed lines rendered, $got in the group"
	fi
done

# Footing: render both drafts with every cell rounded on its own. A cell
# that differs footed but not unfooted only footing moved: those, and
# only those, are marked.
footing_only() {   # LANG OLD NEW
	for b in "$2" "$3"; do
		rm -rf "$scratch/unfooted"
		cp -R "$b" "$scratch/unfooted"
		sed -i 's|<footing policy="allocate"/>|<footing policy="independent"/>|' \
		    "$scratch/unfooted/company.xml"
		"$KESSAN" render --period 2004-q1 --lang "$1" "$b"
		printf '\f\n'
		"$KESSAN" render --period 2004-q1 --lang "$1" "$scratch/unfooted"
		printf '\f\n'
	done | awk -F '\t' '
	    BEGIN { part = 0 }
	    $0 == "\f" { part++; line = 0; next }
	    { line++; for (k = 1; k <= NF; k++) cell[part, line, k] = $k; n[line] = NF; last = line }
	    END {
		for (i = 1; i <= last; i++)
			for (k = 1; k <= n[i]; k++)
				if (cell[0, i, k] != cell[2, i, k] && cell[1, i, k] == cell[3, i, k])
					print cell[0, i, k] " → " cell[2, i, k]
	    }' | sort
}
for lang in en ja; do
	footing_only $lang "$old" "$ga" >"$scratch/want-footing"
	grep "^$lang  .*  \[footing" "$scratch/ga.out" |
	    sed 's/  \[footing[^]]*\]$//; s/.*: //' | sort >"$scratch/got-footing"
	if [ -s "$scratch/want-footing" ] && cmp -s "$scratch/want-footing" "$scratch/got-footing"; then ok; else
		not_ok "footing $lang: marked cells differ from those footing alone moved:"
		diff "$scratch/want-footing" "$scratch/got-footing" | head >&2
	fi
done
if grep -qxF "en  #1  CONSOLIDATED STATEMENTS OF OPERATIONS(UNAUDITED) › Systems integration revenues › Year-over-year Comparison Jun 30, 2004 USD (1): 24,625 → 24,624  [footing: Total revenues]" "$scratch/ga.out" &&
    grep -qxF "ja  #1  四半期連結損益計算書(米国会計基準未監査) › システムインテグレーション › 前年同四半期比較 2004年6月期 USD (1): 24,625 → 24,624  [footing: 営業収益合計]" "$scratch/ga.out"; then
	ok
else
	not_ok "footing: SI revenues USD not marked as moved by Total revenues: $(grep 'Systems integration revenues' "$scratch/ga.out")"
fi

# Several causes at once: two expenses, the rate and a word.
many=$(derived_book many)
sed -i 's|<f id="is.exp.ga">620651<|<f id="is.exp.ga">630651<|;
    s|<f id="is.exp.sm">662950<|<f id="is.exp.sm">672950<|;
    s|rate="109.43"|rate="110.00"|;
    s|primarily due to the growth|mainly due to the growth|' "$many/periods/2004-q1.xml"
"$KESSAN" diff "$old" "$many" >"$scratch/many.out" 2>"$scratch/many.err"
rc=$?
for cause in "fact  2004-q1 is.exp.ga: 620651 → 630651" \
    "fact  2004-q1 is.exp.sm: 662950 → 672950" \
    "fact  2004-q1 convenience rate: 109.43 (2004-06-30) → 110 (2004-06-30)" \
    "slot  2004-q1 en slot highlights.revenues: (as it was) → (rewritten)"; do
	if [ $rc -eq 1 ] && grep -q "^#[0-9]*  $cause  ([1-9][0-9]*)$" "$scratch/many.out"; then ok; else
		not_ok "several causes: no group '$cause'"
	fi
done
if ! grep -q '^#[0-9]*  other  ' "$scratch/many.out"; then ok; else
	not_ok "several causes: changes left to 'other': $(grep '^#[0-9]*  other' "$scratch/many.out")"
fi
# Each cause's lines are changes it makes alone: held against the diff of
# the old book and one changed only by it.
one_cause() {   # NAME SED
	one=$(derived_book "$1")
	sed -i "$2" "$one/periods/2004-q1.xml"
	"$KESSAN" diff "$old" "$one" >"$scratch/$1.out"
	group=$(sed -n "s/^\(#[0-9]*\)  [a-z]*  $3[^+]*: .*/\1/p" "$scratch/many.out")
	for lang in en ja; do
		lines_of $lang "$scratch/$1.out" | cut -f2
	done | sort >"$scratch/alone"
	for lang in en ja; do
		lines_of $lang "$scratch/many.out" | awk -F '\t' -v g="$group" '$1 == g' | cut -f2
	done | sort >"$scratch/grouped"
	extra=$(comm -13 "$scratch/alone" "$scratch/grouped" | wc -l)
	if [ -n "$group" ] && [ -s "$scratch/grouped" ] && [ "$extra" -eq 0 ]; then ok; else
		not_ok "several causes: group '$group' ($3) holds $extra lines its cause alone does not make"
		comm -13 "$scratch/alone" "$scratch/grouped" | head -5 >&2
	fi
}
one_cause ga-alone 's|<f id="is.exp.ga">620651<|<f id="is.exp.ga">630651<|' "2004-q1 is.exp.ga"
one_cause sm-alone 's|<f id="is.exp.sm">662950<|<f id="is.exp.sm">672950<|' "2004-q1 is.exp.sm"
one_cause rate-alone 's|rate="109.43"|rate="110.00"|' "2004-q1 convenience rate"
one_cause word-alone 's|primarily due to the growth|mainly due to the growth|' "2004-q1 en slot"
if grep -q '^en  #[0-9]*  .*\[-primarily-\]{+mainly+}' "$scratch/many.out" &&
    [ "$(grep '\[-primarily-\]' "$scratch/many.out" | sed 's/^en  \(#[0-9]*\).*/\1/')" = \
      "$(sed -n 's/^\(#[0-9]*\)  slot  2004-q1 en slot highlights.revenues.*/\1/p' "$scratch/many.out")" ]; then
	ok
else
	not_ok "several causes: the changed word is not under its slot"
fi

# A policy: amounts truncated instead of rounded half up.
policy=$(derived_book policy)
sed -i 's|<rounding amounts="half-up"/>|<rounding amounts="truncate"/>|' "$policy/company.xml"
"$KESSAN" diff "$old" "$policy" >"$scratch/policy.out" 2>"$scratch/policy.err"
rc=$?
if [ $rc -eq 1 ] && grep -q '^#1  policy  company.xml rounding: ' "$scratch/policy.out" &&
    [ "$(for l in en ja; do lines_of $l "$scratch/policy.out"; done | cut -f1 | sort -u)" = "#1" ]; then
	ok
else
	not_ok "policy: exit $rc, $(sed -n '/^Causes/,/^$/p' "$scratch/policy.out") $(head -3 "$scratch/policy.err")"
fi

# The HTML page: a section per group, every figure listed once, and the
# changed Adjusted EBITDA sentence keeps its footnote link.
"$KESSAN" diff --format html -o "$scratch/many.html" "$old" "$many"
groups=$(grep -c '^#[0-9]*  .*  ([1-9][0-9]*)$' "$scratch/many.out")
sections=$(grep -o '<section class="cause" id="cause-[0-9]*">' "$scratch/many.html" | wc -l)
if [ "$groups" -gt 4 ] && [ "$sections" -eq "$groups" ]; then ok; else
	not_ok "HTML: $sections cause sections for $groups groups"
fi
"$KESSAN" diff --format html -o "$scratch/ga.html" "$old" "$ga"
# The marked item (the last one; the first is the summary's): from its
# changed figure to its end.
para=$(tr '\n' ' ' <"$scratch/ga.html" |
    sed 's/.*Adjusted EBITDA was JPY <del>884//; s|</li>.*||')
if printf '%s' "$para" | grep -q '<sup><a href="#note-[0-9-]*" id="ref-[0-9]*" class="note-ref">²</a></sup>'; then ok; else
	not_ok "HTML: the changed Adjusted EBITDA sentence lost its footnote link: $para"
fi
if html_tools_ready; then
	if nu_check "$scratch/many.html" 2>"$scratch/vnu"; then ok; else
		not_ok "Nu HTML checker on the grouped diff: $(head -5 "$scratch/vnu")"
	fi
	figures=$(for l in en ja; do lines_of $l "$scratch/many.out"; done | grep -cv '\[-\|{+')
	if (cd "$tests/tools" && node diff_browser.mjs "$scratch/many.html" \
	    "Changes: IIJ Announces Year-Over-Year Improvement in Operating and Net Income for the First Quarter of Fiscal Year 2004" \
	    "$figures" -) >"$scratch/browser" 2>&1; then ok; else
		not_ok "the grouped HTML diff in Chromium:"
		cat "$scratch/browser" >&2
	fi
fi

# The working tree against a revision: the same report as two books.
if command -v git >/dev/null 2>&1; then
	repo="$scratch/repo"
	mkdir -p "$repo"
	cp -R "$old" "$repo/book"
	git -C "$repo" init -q && git -C "$repo" add . &&
	    git -C "$repo" -c user.name=kessan -c user.email=kessan@example.com commit -qm first
	cp "$ga/periods/2004-q1.xml" "$repo/book/periods/2004-q1.xml"
	"$KESSAN" diff --git HEAD "$repo/book" >"$scratch/tree.out" 2>"$scratch/tree.err"
	rc=$?
	if [ $rc -eq 1 ] && [ "$(head -n 1 "$scratch/tree.out")" = "kessan diff 2004-q1: HEAD:$repo/book → $repo/book (working tree)" ] &&
	    tail -n +2 "$scratch/tree.out" | cmp -s - "$(tail -n +2 "$scratch/ga.out" >"$scratch/ga.tail"; echo "$scratch/ga.tail")"; then
		ok
	else
		not_ok "working tree: exit $rc, $(head -3 "$scratch/tree.err") $(head -3 "$scratch/tree.out")"
	fi
	# Read in part (a pipe closed early): no temporary folder is left.
	mkdir -p "$scratch/tmp"
	TMPDIR="$scratch/tmp" "$KESSAN" diff --git HEAD "$repo/book" 2>/dev/null | true
	if [ -z "$(ls "$scratch/tmp")" ]; then ok; else not_ok "a closed pipe left $(ls "$scratch/tmp")"; fi
	"$KESSAN" diff --git HEAD HEAD "$repo/book" >"$scratch/tree2.out" 2>&1
	if [ $? -eq 0 ] && grep -qx "no differences" "$scratch/tree2.out"; then ok; else
		not_ok "two revisions still compare: $(cat "$scratch/tree2.out")"
	fi
	# The last build against the working tree: the commit holding what
	# it read is found by the manifest's digests.
	"$KESSAN" build -j 1 --format txt -o "$scratch/out" "$repo/book" >/dev/null 2>&1
	git -C "$repo" -c user.name=kessan -c user.email=kessan@example.com commit -qam second
	git -C "$repo" -c user.name=kessan -c user.email=kessan@example.com commit -q --allow-empty -m third
	cp "$many/periods/2004-q1.xml" "$repo/book/periods/2004-q1.xml"
	"$KESSAN" diff --built "$scratch/out" "$repo/book" >"$scratch/built.out" 2>"$scratch/built.err"
	rc=$?
	"$KESSAN" diff --git HEAD~1 "$repo/book" >"$scratch/head1.out" 2>&1
	if [ $rc -eq 1 ] && tail -n +2 "$scratch/built.out" | cmp -s - "$(tail -n +2 "$scratch/head1.out" >"$scratch/head1.tail"; echo "$scratch/head1.tail")" &&
	    head -n 1 "$scratch/built.out" | grep -q "^kessan diff 2004-q1: $(git -C "$repo" rev-parse HEAD~1):$repo/book → $repo/book (working tree)$"; then
		ok
	else
		not_ok "--built: exit $rc, $(head -3 "$scratch/built.err") $(head -1 "$scratch/built.out")"
	fi
	# A build of files never committed is refused, not guessed.
	"$KESSAN" build -j 1 --format txt -o "$scratch/out" "$repo/book" >/dev/null 2>&1
	"$KESSAN" diff --built "$scratch/out" "$repo/book" >/dev/null 2>"$scratch/built2.err"
	rc=$?
	if [ $rc -eq 2 ] && grep -q "error: no commit among the book's last 200 holds the files the last build of 2004-q1 read" "$scratch/built2.err"; then ok; else
		not_ok "--built of uncommitted files: exit $rc, $(cat "$scratch/built2.err")"
	fi
	"$KESSAN" diff --built "$scratch/nothing" "$repo/book" >/dev/null 2>"$scratch/built3.err"
	if [ $? -eq 2 ] && grep -q "$scratch/nothing/manifest.tsv: error: no build manifest here" "$scratch/built3.err"; then ok; else
		not_ok "--built with no manifest: $(cat "$scratch/built3.err")"
	fi
	"$KESSAN" diff --git HEAD >/dev/null 2>"$scratch/tree3.err"
	if [ $? -eq 2 ] && grep -q "diff --git takes REV1 REV2 BOOK, or REV BOOK for the working tree" "$scratch/tree3.err"; then ok; else
		not_ok "diff --git with one argument: $(cat "$scratch/tree3.err")"
	fi
else
	not_ok "git is missing: run ./setup"
fi


# A book's layout: one catalog message changed heads a "message" group
# holding exactly the one printed heading it words; a template file
# changed (a row's label key) heads a "template" group with the label's
# change in each language; two template files changed at once, not tried
# alone, go together by elimination. Nothing lands in "other".
lay=$(fresh_book layout)
sed -i 's|<release date="2004-08-10">|<release date="2004-08-10" layout="v2">|' \
    "$lay/periods/2004-q1.xml"
mkdir -p "$lay/layouts/v2/templates" "$lay/layouts/v2/locales"
cp "${KESSAN_DATADIR:-$tests/..}/templates/tables.xml" "$lay/layouts/v2/templates/"
cat >"$lay/layouts/v2/locales/en.xlf" <<'EOF2'
<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">
  <file id="layout-v2">
    <unit id="table.contracts.caption">
      <segment>
        <source>Table 2. Number of Contracts for Connectivity Services and Total Contracted Bandwidth</source>
      </segment>
    </unit>
  </file>
</xliff>
EOF2
msg="$scratch/book.layout-msg"
rm -rf "$msg" && cp -R "$lay" "$msg"
sed -i 's|Table 2. Number of Contracts|Table 2. Contracts|' "$msg/layouts/v2/locales/en.xlf"
"$KESSAN" diff "$lay" "$msg" >"$scratch/msg.out" 2>"$scratch/msg.err"
rc=$?
"$KESSAN" render --period 2004-q1 --lang en "$lay" >"$scratch/old.txt"
"$KESSAN" render --period 2004-q1 --lang en "$msg" >"$scratch/new.txt"
changed=$(diff "$scratch/old.txt" "$scratch/new.txt" | grep -c '^>')
if [ $rc -eq 1 ] && [ "$changed" -eq 1 ] &&
    [ "$(sed -n '/^Causes$/,/^$/p' "$scratch/msg.out" | sed '1d;/^$/d')" = \
    "#1  message  en:table.contracts.caption: Table 2. Number of Contracts for Connectivity Services and Total Contracted Bandwidth → Table 2. Contracts for Connectivity Services and Total Contracted Bandwidth  (1)" ] &&
    [ "$(lines_of en "$scratch/msg.out")" = \
    "#1	Table 2. Contracts for Connectivity Services and Total Contracted Bandwidth: [-Number of -]Contracts for Connectivity Services and Total Contracted Bandwidth" ] &&
    [ -z "$(lines_of ja "$scratch/msg.out")" ]; then
	ok
else
	not_ok "a layout's catalog message: exit $rc, $changed lines rendered differently, $(cat "$scratch/msg.out" "$scratch/msg.err")"
fi

tpl="$scratch/book.layout-tpl"
rm -rf "$tpl" && cp -R "$lay" "$tpl"
sed -i 's|<row id="ip_low" label="row.contracts.ip_low"|<row id="ip_low" label="row.contracts.ip_mid"|' \
    "$tpl/layouts/v2/templates/tables.xml"
"$KESSAN" diff "$lay" "$tpl" >"$scratch/tpl.out" 2>"$scratch/tpl.err"
rc=$?
n=$(grep -c '^[a-z][a-z]  ' "$scratch/tpl.out")
if [ $rc -eq 1 ] && [ "$n" -eq 2 ] &&
    [ "$(sed -n '/^Causes$/,/^$/p' "$scratch/tpl.out" | sed '1d;/^$/d')" = \
    "#1  template  layouts/v2/templates/tables.xml: (as it was) → (changed)  (2)" ] &&
    lines_of en "$scratch/tpl.out" | grep -q "^#1	.*\[-IP Service (Low Bandwidth: 64kbps-768kbps)-\]{+IP Service (Medium Bandwidth:1Mbps-100Mbps)+}$" &&
    lines_of ja "$scratch/tpl.out" | grep -q "^#1	.*\[-IP サービス(低帯域:64kbps-768kbps)-\]{+IP サービス(中帯域:1Mbps-100Mbps)+}$"; then
	ok
else
	not_ok "a layout's template: exit $rc, $(cat "$scratch/tpl.out" "$scratch/tpl.err")"
fi

# With a message and a fact changed too, each heads its own group.
sed -i 's|<f id="is.exp.ga">620651<|<f id="is.exp.ga">630651<|' "$tpl/periods/2004-q1.xml"
cp "$msg/layouts/v2/locales/en.xlf" "$tpl/layouts/v2/locales/en.xlf"
"$KESSAN" diff "$lay" "$tpl" >"$scratch/three.out" 2>"$scratch/three.err"
kinds=$(sed -n '/^Causes$/,/^$/p' "$scratch/three.out" | sed 1d | awk 'NF { print $2 }' | tr '\n' ' ')
if [ "$kinds" = "fact message template " ] &&
    ! grep -q '^#[0-9]*  other' "$scratch/three.out"; then ok; else
	not_ok "a fact, a message and a template: groups $kinds"
fi

two="$scratch/book.layout-two"
rm -rf "$two" && cp -R "$lay" "$two"
sed -i 's|<row id="ip_low" label="row.contracts.ip_low"|<row id="ip_low" label="row.contracts.ip_mid"|' \
    "$two/layouts/v2/templates/tables.xml"
perl -pe 's{^(\s*)<table ref="other-stats"/>\n}{}' \
    "${KESSAN_DATADIR:-$tests/..}/templates/release.xml" >"$two/layouts/v2/templates/release.xml"
"$KESSAN" diff "$lay" "$two" >"$scratch/two.out" 2>"$scratch/two.err"
rc=$?
n=$(grep -c '^[a-z][a-z]  ' "$scratch/two.out")
if [ $rc -eq 1 ] && [ "$(sed -n '/^Causes$/,/^$/p' "$scratch/two.out" | sed '1d;/^$/d')" = \
"#1  template  layouts/v2/templates/release.xml: templates/release.xml → layouts/v2/templates/release.xml  (0)
#2  template  layouts/v2/templates/tables.xml: (as it was) → (changed)  (0)
#3  combined  layouts/v2/templates/release.xml + layouts/v2/templates/tables.xml (not tried alone)  ($n)" ] &&
    [ "$n" -gt 2 ]; then
	ok
else
	not_ok "two template files: exit $rc, $(sed -n '/^Causes$/,/^$/p' "$scratch/two.out")"
fi


# The company's words: its name, a URL and an IR contact each head a
# policy group holding the lines they change, none left to "other".
co=$(fresh_book company)
sed -i 's|<contact lang="ja" email="ir@iij.ad.jp"|<contact lang="ja" email="ir2@iij.ad.jp"|;
    s|http://www.iij.ad.jp/en/|https://www.iij.ad.jp/en/|;
    s|Internet Initiative Japan Inc.</name>|Internet Initiative Japan, Inc.</name>|' "$co/company.xml"
"$KESSAN" diff "$EXAMPLES/iij" "$co" >"$scratch/co.out" 2>"$scratch/co.err"
rc=$?
names=$(sed -n '/^Causes$/,/^$/p' "$scratch/co.out" | sed 1d | awk 'NF { print $2, $3, $4 }' | tr '\n' ';')
if [ $rc -eq 1 ] && [ "$names" = "policy company.xml names:;policy company.xml URLs:;policy company.xml contacts:;" ] &&
    lines_of en "$scratch/co.out" | grep -q '^#2	#letterhead: <\[-http-\]{+https+}://www.iij.ad.jp/en/>$' &&
    lines_of ja "$scratch/co.out" | grep -q '^#3	#letterhead: {+E-mail: ir2@iij.ad.jp+}$' &&
    [ "$(lines_of en "$scratch/co.out" | grep -c '^#1	.*Japan{+,+} Inc\.')" -ge 2 ]; then
	ok
else
	not_ok "company names, URLs, contacts: exit $rc, groups $names"
fi

finish
