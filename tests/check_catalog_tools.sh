#!/bin/sh
# Translators' tools (issue 21): kessan catalog export writes the Japanese
# catalog as XLIFF 1.2, XLIFF 2.0 or PO; kessan catalog import takes a
# translated file back into locales/ja.xlf only when every unit keeps its
# English's placeholders, leaving every other unit's lines as they were;
# kessan check warns when a translation's English changed since.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"

expect() {   # expect DESCRIPTION COMMAND...
	what=$1
	shift
	if "$@"; then ok; else not_ok "$what"; fi
}

locales="${KESSAN_DATADIR:-$TESTS_SRCDIR/..}/locales"
book="$EXAMPLES/iij"
units=$(grep -c '<unit id=' "$locales/ja.xlf")

# (a) XLIFF 1.2: well-formed, and translate-toolkit reads every unit.
# pocount's Total leaves out units whose English is placeholders only
# (no words); the lines after it, one per state, count every unit.
expect "export xliff12" "$KESSAN" catalog export --format xliff12 \
    -o "$scratch/ja12.xlf" "$book" 2>"$scratch/err"
expect "the XLIFF 1.2 is well-formed" xmllint --noout "$scratch/ja12.xlf"
expect "the XLIFF 1.2 has a trans-unit per unit of ja.xlf" \
    [ "$(grep -c '<trans-unit ' "$scratch/ja12.xlf")" -eq "$units" ]
if command -v pocount >/dev/null 2>&1; then
	counted=$(pocount "$scratch/ja12.xlf" | sed 's/\x1b\[[0-9;]*m//g' |
	    awk '/^Total:/ { after = 1; next }
	    after && /^[A-Z][a-z-]*: / { n += $2 } END { print n + 0 }')
	expect "pocount counts $units units (counted $counted)" \
	    [ "$counted" -eq "$units" ]
else
	# ./setup installs it: a machine without it has not run setup.
	not_ok "pocount (translate-toolkit) is not installed: run ./setup"
fi
expect "export xliff2" "$KESSAN" catalog export --format xliff2 \
    -o "$scratch/ja2.xlf" "$book"
expect "the XLIFF 2.0 is well-formed" xmllint --noout "$scratch/ja2.xlf"
expect "XLIFF 2.0 protects {0} as an inline code" \
    grep -q '<ph id="0" equiv="{0}" disp="{0}"/>' "$scratch/ja2.xlf"

# (b) A PO round trip: one table caption's translation changed.
cp -R "$locales" "$scratch/loc"
expect "export po" "$KESSAN" catalog export --format po -o "$scratch/ja.po" \
    "$book"
expect "the PO says where a key is used" \
    grep -q '^#: templates/tables.xml:[0-9]*$' "$scratch/ja.po"
sed '/^msgctxt "table.balance-sheet.caption"$/,/^msgstr/ s/^msgstr "\(.*\)"$/msgstr "\1(改訂)"/' \
    "$scratch/ja.po" >"$scratch/changed.po"
expect "sed changed one msgstr" sh -c "
    diff '$scratch/ja.po' '$scratch/changed.po' | grep -c '^>' | grep -qx 1"
expect "import the changed PO" env KESSAN_LOCALES="$scratch/loc" \
    "$KESSAN" catalog import "$scratch/changed.po" >"$scratch/out" \
    2>"$scratch/err"
expect "import says one unit changed" grep -q '^kessan catalog import: 1 unit ' \
    "$scratch/out"
diff "$locales/ja.xlf" "$scratch/loc/ja.xlf" >"$scratch/diff"
expect "only the caption's unit changed: its segment state and target" sh -c "
    grep -c '^[<>]' '$scratch/diff' | grep -qx 4 &&
    grep -q '^> *<target>.*(改訂)</target>\$' '$scratch/diff' &&
    grep -q '^> *<segment state=\"translated\">\$' '$scratch/diff'"
expect "the Japanese release prints the new caption" sh -c "
    KESSAN_LOCALES='$scratch/loc' '$KESSAN' render '$book' --period 2004-q1 \
    --lang ja | grep -q '(改訂)'"
expect "importing the unchanged export changes nothing" sh -c "
    cp '$scratch/loc/ja.xlf' '$scratch/before' &&
    KESSAN_LOCALES='$scratch/loc' '$KESSAN' catalog export --format xliff12 \
    -o '$scratch/again.xlf' &&
    KESSAN_LOCALES='$scratch/loc' '$KESSAN' catalog import '$scratch/again.xlf' \
    >/dev/null && cmp -s '$scratch/before' '$scratch/loc/ja.xlf'"

# A reviewed unit stays reviewed through each format, unchanged.
cp -R "$locales" "$scratch/rev"
sed -i '/<unit id="col.yoy">/,/<\/unit>/ s|<segment>|<segment state="reviewed">|' \
    "$scratch/rev/ja.xlf"
cp "$scratch/rev/ja.xlf" "$scratch/rev.before"
for format in po xliff12 xliff2; do
	expect "a reviewed unit through $format: nothing changes" sh -c "
	    KESSAN_LOCALES='$scratch/rev' '$KESSAN' catalog export \
	    --format $format -o '$scratch/rev.$format' &&
	    KESSAN_LOCALES='$scratch/rev' '$KESSAN' catalog import \
	    '$scratch/rev.$format' | grep -q ': 0 units' &&
	    cmp -s '$scratch/rev.before' '$scratch/rev/ja.xlf'"
done
expect "XLIFF 2.0 says the unit is reviewed" grep -q 'state="reviewed"' \
    "$scratch/rev.xliff2"

# (c) A dropped placeholder: exit 2, file:line and key named, ja.xlf as it
# was.
cp "$scratch/loc/ja.xlf" "$scratch/before"
line=$(grep -n '^msgstr "{0}、{1}、{2}"$' "$scratch/ja.po" | head -1 | cut -d: -f1)
sed "${line}s/、{1}//" "$scratch/ja.po" >"$scratch/dropped.po"
KESSAN_LOCALES="$scratch/loc" "$KESSAN" catalog import "$scratch/dropped.po" \
    >/dev/null 2>"$scratch/err"
rc=$?
expect "a dropped {1} fails with exit 2 (got $rc)" [ "$rc" -eq 2 ]
expect "the error names file:line and key" grep -q \
    "^$scratch/dropped.po:$line: error: appendix.balance.periods: the translation drops {1}" \
    "$scratch/err"
expect "ja.xlf untouched" cmp -s "$scratch/before" "$scratch/loc/ja.xlf"

# (d) English edited after translation: a warning at the Japanese unit.
cp -R "$locales" "$scratch/stale"
sed -i 's|<source>CONSOLIDATED BALANCE SHEETS(UNAUDITED)</source>|<source>CONSOLIDATED BALANCE SHEET (UNAUDITED)</source>|' \
    "$scratch/stale/en.xlf"
KESSAN_LOCALES="$scratch/stale" "$KESSAN" check "$book" >/dev/null \
    2>"$scratch/err"
ja_line=$(grep -n '<target>四半期連結貸借対照表' "$scratch/stale/ja.xlf" |
    head -1 | cut -d: -f1)
expect "kessan check warns the translation of the edited English is stale" \
    grep -q "^$scratch/stale/ja.xlf:$ja_line: warning: the English of table.balance-sheet.caption changed since it was translated (was: CONSOLIDATED BALANCE SHEETS(UNAUDITED); now: CONSOLIDATED BALANCE SHEET (UNAUDITED)): update the target, then its source" \
    "$scratch/err"
expect "the shipped catalogs have no stale translation" sh -c "
    '$KESSAN' check '$book' 2>&1 | grep -q 'changed since it was translated'
    [ \$? -eq 1 ]"
expect "the stale unit exports as fuzzy PO" sh -c "
    KESSAN_LOCALES='$scratch/stale' '$KESSAN' catalog export --format po |
    grep -B3 '^msgctxt \"table.balance-sheet.caption\"' | grep -qx '#, fuzzy'"

finish
