#!/bin/sh
# The next quarter as an IR team would add it, timed: from a copy of the
# example book, `kessan new` writes 2004-q2's file; the prior-year quarter
# 2003-q2, which holds only four ratios, and 2004-q2 itself are each
# exported to XLSX, filled in headless LibreOffice (examples/fill-quarter.py,
# python3-uno) and imported; the narrative, which people write, is stood in
# for by 1Q04's; then `kessan check` must pass. Needs Debian's
# libreoffice-calc-nogui and python3-uno (not part of ./setup).
#
#   examples/next-quarter.sh OUT      (KESSAN: the kessan binary to use)
set -eu
out=${1:?usage: next-quarter.sh OUT}
here=$(cd "$(dirname "$0")" && pwd)
kessan=${KESSAN:-$here/../kessan}
book="$out/book"

rm -rf "$out"
mkdir -p "$out"
cp -R "$here/iij" "$book"
start=$(date +%s.%N)
step() {
	now=$(date +%s.%N)
	printf '%6.1f s  %s\n' "$(echo "$now - $start" | bc)" "$1"
}

"$kessan" new --period 2004-q2 "$book"
step "kessan new --period 2004-q2"
for q in 2003-q2 2004-q2; do
	"$kessan" sheet export --period $q -o "$out/$q.xlsx" "$book"
	/usr/bin/python3 "$here/fill-quarter.py" "$out/$q.xlsx" "$out/$q-filled.xlsx" 2>/dev/null
	"$kessan" sheet import --period $q "$book" "$out/$q-filled.xlsx"
	step "$q: exported, filled in LibreOffice, imported"
done
# A sheet's empty cell cannot say "does not exist", so the import marks a
# statement group it creates with cells left empty as partial; the team
# confirms 2Q03's statements are complete (what is left out is zero).
sed -i 's/<group ref="\(bs\|cf\)" complete="false">/<group ref="\1">/' \
    "$book/periods/2003-q2.xml"

# The narrative: 1Q04's slots and footnotes into 2Q04's empty ones.
perl "$here/copy-narrative.pl" "$book/periods/2004-q1.xml" \
    "$book/periods/2004-q2.xml"
sed -i 's/rate=""/rate="110.25"/' "$book/periods/2004-q2.xml"
step "narrative and rate written"

"$kessan" check -q "$book"
step "kessan check: clean"
"$kessan" render --period 2004-q2 --lang ja+en --format pdf -o "$out/release-2004-q2.pdf" "$book"
step "2004-q2 rendered"
