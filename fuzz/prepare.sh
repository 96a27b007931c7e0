#!/bin/sh
# Builds the fuzz targets' seed corpora and dictionaries from kessan's own
# files, so they follow the formats as they change:
#   fuzz/prepare.sh SRCDIR OUTDIR [KESSAN]
# OUTDIR/seeds/TARGET/ holds the example inputs of each target (whole files,
# or the catalog patterns and narrative slots cut out of them), and
# OUTDIR/TARGET.dict the tokens of its format (element, attribute and value
# names from the RELAX NG schemas, expression functions, ICU syntax).
# KESSAN, a built kessan, renders the PDFs that seed pdf_fix.
set -eu
src=$1 out=$2 kessan=${3:-}
book=$src/examples/iij
rm -rf "$out/seeds"
seen=
for t in company accounts period template catalog message narrative diff \
    ttf fonts pdf_fix sheet translation; do
	mkdir -p "$out/seeds/$t"
done
cp "$book/company.xml" "$out/seeds/company/"
cp "$book/accounts.xml" "$out/seeds/accounts/"
cp "$book"/periods/*.xml "$out/seeds/period/"
cp "$book"/periods/*.xml "$out/seeds/diff/"
cp "$src"/templates/*.xml "$out/seeds/template/"
cp "$src"/locales/*.xlf "$out/seeds/catalog/"
cp "$src/fonts/fonts.xml" "$out/seeds/fonts/"

# Fonts: whole TrueType files small enough for the fuzzer's -max_len
# (Liberation 1.x; IPAex and Liberation 2 are larger).
for f in /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf \
    /usr/share/fonts/truetype/liberation/LiberationMono-Bold.ttf \
    /usr/share/fonts/truetype/liberation/LiberationSerif-Italic.ttf; do
	if [ -f "$f" ] && [ "$(wc -c < "$f")" -le 262144 ]; then
		cp "$f" "$out/seeds/ttf/"
	fi
done

# pdf_fix takes what libharu writes: the example rendered as PDF.
if [ -n "$kessan" ]; then
	for lang in en ja; do
		"$kessan" render "$book" --period 2004-q1 --lang "$lang" \
		    --format pdf -o "$out/seeds/pdf_fix/release-$lang.pdf"
	done
fi

# sheet takes what kessan sheet export writes: the example as XLSX and CSV.
if [ -n "$kessan" ]; then
	for f in xlsx csv; do
		"$kessan" sheet export --period 2004-q1 \
		    -o "$out/seeds/sheet/2004-q1.$f" "$book"
	done
fi
# translation takes what a translator sends back: the Japanese catalog as
# kessan catalog exports it (no BOOK: no references, smaller), and one
# unit of each format.
if [ -n "$kessan" ]; then
	for f in po xliff12 xliff2; do
		"$kessan" catalog export --format "$f" \
		    -o "$out/seeds/translation/ja.$f"
	done
fi
printf 'msgctxt "col.yoy"\nmsgid "YoY %% change"\nmsgstr "前年同期比"\n' \
    > "$out/seeds/translation/unit.po"
printf '%s\n' '<xliff version="1.2"><file><body><trans-unit id="appendix.balance.periods">' \
    '<source>As of <x id="0" equiv-text="{0}"/>, <x id="1"/> and {2}</source>' \
    '<target state="signed-off"><x id="0"/>、<g><x id="1"/></g>、{2}</target>' \
    '</trans-unit></body></file></xliff>' > "$out/seeds/translation/unit.xliff12"

# One file per catalog pattern (source or target text), unescaped.
for f in "$src"/locales/*.xlf; do
	awk -v dir="$out/seeds/message" -v tag="$(basename "$f" .xlf)" '
	    match($0, /<(source|target)>.*<\/(source|target)>/) {
		s = substr($0, RSTART, RLENGTH)
		sub(/^<(source|target)>/, "", s); sub(/<\/(source|target)>$/, "", s)
		gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&amp;/, "\\&", s)
		file = sprintf("%s/%s-%04d", dir, tag, ++n)
		printf "%s", s > file; close(file)
	    }' "$f"
done

# Identical patterns (a Japanese unit's English source) are one seed.
for f in "$out"/seeds/message/*; do
	sum=$(cksum < "$f")
	case " $seen " in *" $sum "*) rm "$f" ;; *) seen="$seen $sum" ;; esac
done 2>/dev/null
seen=

# One file per narrative slot body, markup kept.
awk -v dir="$out/seeds/narrative" '
    /<slot / { body = ""; inside = 1; sub(/.*<slot [^>]*>/, "") }
    inside {
	if (index($0, "</slot>")) {
		sub(/<\/slot>.*/, ""); body = body $0
		file = sprintf("%s/slot-%04d", dir, ++n)
		printf "%s", body > file; close(file); inside = 0
	} else
		body = body $0 "\n"
    }' "$book/periods/2004-q1.xml"

# Dictionaries: XML tokens from a schema, plus each format's own words.
xml_tokens() {
	cat "$@" | tr ' ' '\n' | sed -n 's/^name="\([^"]*\)".*/\1/p' | sort -u |
	    while read -r n; do
		printf '"<%s"\n"</%s>"\n"%s=\\""\n' "$n" "$n" "$n"
	    done
	cat "$@" | grep -o '<value>[^<]*</value>' | sed 's/<[^>]*>//g' |
	    sort -u | sed 's/.*/"&"/'
	printf '%s\n' '"<?xml version=\"1.0\"?>"' '"<!DOCTYPE"' '"<!ENTITY"' \
	    '"SYSTEM"' '"&amp;"' '"&#x1F600;"' '"<![CDATA["' '"]]>"' '"xmlns=\""'
}
expression_tokens() {
	for w in sum ratio pct_change share usd ytd round either growth abs \
	    rate; do
		printf '"%s("\n' "$w"
	done
	printf '%s\n' '"@py"' '"@pq"' '"@q-4"' '"@current"' '" = "' '" / "' \
	    '"999999999999999999"' '"0.5"' '"-"'
}
icu_tokens() {
	printf '%s\n' '"{0}"' '"{1}"' '"{10}"' '", select,"' '", plural,"' \
	    '", selectordinal,"' '", number,"' '", date,"' '", choice,"' \
	    '", spellout"' '"::"' '"other {"' '"=0 {"' '"offset:1"' '"#"' \
	    "\"'\"" '"{"' '"}"' '"increase {"' '"{name}"' '" percent"' \
	    '" .00"' '" currency/JPY"'
}
xml_tokens "$src/schemas/company.rng" > "$out/company.dict"
{ xml_tokens "$src/schemas/accounts.rng"; expression_tokens; } \
    > "$out/accounts.dict"
{ xml_tokens "$src/schemas/period.rng"; expression_tokens; } \
    > "$out/period.dict"
cp "$out/period.dict" "$out/narrative.dict"
cp "$out/period.dict" "$out/diff.dict"
{ xml_tokens "$src/schemas/template.rng"; expression_tokens; } \
    > "$out/template.dict"
{ xml_tokens "$src/schemas/xliff.rng"; icu_tokens; } > "$out/catalog.dict"
icu_tokens > "$out/message.dict"
{ xml_tokens "$src/schemas/xliff.rng"; icu_tokens
  printf '%s\n' '"msgctxt \""' '"msgid \""' '"msgstr \""' '"#, fuzzy"' \
      '"\\n"' '"\\\""' '"<trans-unit id=\""' '"<ph id=\""' '"<x id=\""' \
      '"equiv-text=\"{"' '"disp=\"{"' '"state=\"final\""' \
      '"version=\"1.2\""'; } > "$out/translation.dict"
xml_tokens "$src/schemas/fonts.rng" > "$out/fonts.dict"
printf '%s\n' '"glyf"' '"loca"' '"cmap"' '"hmtx"' '"hhea"' '"maxp"' '"head"' \
    '"OS/2"' '"post"' '"\x00\x01\x00\x00"' '"\xff\xff"' '"\x00\x04"' \
    '"\x00\x0c"' '"\x00\x03\x00\x01"' '"\x00\x03\x00\x0a"' \
    > "$out/ttf.dict"
printf '%s\n' '"obj"' '"endobj"' '"stream"' '"endstream"' '"xref"' \
    '"trailer"' '"startxref"' '"/ToUnicode"' '"/Type /Catalog"' '"/Length"' \
    '"/Filter /FlateDecode"' '"begincidrange"' '"endcidrange"' '" 0 R"' \
    '"<<"' '">>"' > "$out/pdf_fix.dict"
printf '%s\n' '"PK\x03\x04"' '"PK\x01\x02"' '"PK\x05\x06"' '"xl/workbook.xml"' \
    '"xl/_rels/workbook.xml.rels"' '"xl/sharedStrings.xml"' '"<sheet "' \
    '"r:id="' '"<c r="' '" t=\"s\""' '" t=\"inlineStr\""' '"<v>"' '"<f>"' \
    '"<is><t>"' '"<mergeCell ref="' '"<si><t>"' '"<rPh>"' '"E+"' \
    '"\"\""' '"\x0d\x0a"' > "$out/sheet.dict"
