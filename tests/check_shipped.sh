#!/bin/sh
# kessan's own templates, catalogs and fonts.xml, byte for byte as built,
# are not validated again at every run (the build validated them:
# src/load/shipped_hashes.sh); any other file is. Shown with a schema
# that accepts nothing: the shipped files still load, an edited one not.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"

data="$scratch/data"
mkdir -p "$data"
cp -R "${KESSAN_DATADIR:-.}/templates" "${KESSAN_DATADIR:-.}/locales" \
    "${KESSAN_DATADIR:-.}/fonts" "${KESSAN_DATADIR:-.}/schemas" "$data/"
nothing='<element name="nothing" xmlns="http://relaxng.org/ns/structure/1.0"><empty/></element>'
for s in template xliff fonts; do printf '%s\n' "$nothing" > "$data/schemas/$s.rng"; done
book=$(fresh_book shipped)
render() { KESSAN_DATADIR=$data "$KESSAN" render -p 2004-q1 -l ja+en -f pdf -o "$scratch/out.pdf" "$book" 2>"$scratch/err"; }

if render; then ok; else not_ok "the shipped files were validated again: $(head -3 "$scratch/err")"; fi
# One byte more: no longer kessan's file, so validated (and refused here).
printf '\n' >> "$data/templates/release.xml"
if render; then
	not_ok "an edited template was not validated"
elif grep -q 'templates/release.xml' "$scratch/err"; then
	ok
else
	not_ok "the edited template's error: $(head -3 "$scratch/err")"
fi
finish
