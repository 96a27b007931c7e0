#!/bin/sh
# An archive that changes over time (doc/book-format.md, "Layouts" and
# "Eras"): eight quarters, releases 1Q04 to 4Q04, where company.xml's era
# from 2005-01-01 changes the ticker, the IR contact, the English
# negatives and the layout. The
# second layout (layouts/v2) drops Table 6, renames Table 8 and adds a
# table; its catalogs add the new headings over kessan's. One `kessan
# build` renders each release with its own tables and company facts, the
# manifest records each output's layout, and editing the second layout's
# tables rebuilds only its era's outputs.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"
dir="${TESTS_SRCDIR:-$(dirname "$0")}"
data="${KESSAN_DATADIR:-$dir/..}"
book="$scratch/archive"
out="$scratch/out"

sh "$EXAMPLES/make-archive.sh" "$book" 8 2003 >/dev/null
perl -0pi -e 's{</company>}{  <era from="2005-01-01">
    <ticker market="Nasdaq">IIJNEW</ticker>
    <contact lang="en" person="Era Two" office="IR Office Two"
             email="ir2\@example.com" tel="+81-3-0000-0000"/>
    <negatives lang="en" style="minus"/>
    <officer role="cfo" lang="en" name="Jane Era" title="Chief Financial Officer"/>
    <layout name="v2"/>
  </era>
</company>}' "$book/company.xml"
mkdir -p "$book/layouts/v2/templates" "$book/layouts/v2/locales"
v2="$book/layouts/v2"
# Table 6 goes, Table 8 is renamed, a capex table by kind is added.
perl -0pe 's{\n  <table id="other-stats".*?</table>}{}s;
    s{(<table id="capex"[^>]*caption=")table\.capex\.caption}{$1table.capex-v2.caption}s;
    s{(\n  <table id="capex".*?</table>)}{$1 . do { my $t = $1;
        $t =~ s/id="capex"/id="capex-detail"/;
        $t =~ s/table\.capex-v2\.caption/table.capex-detail.caption/; $t }}se' \
    "$data/templates/tables.xml" >"$v2/templates/tables.xml"
# The Japanese summary has no Table 8: the new table follows Table 5. The
# English release names the era's CFO under its contacts.
for t in release summary; do
	perl -pe 's{^\s*<table ref="other-stats"/>\n}{};
	    s{^(\s*)(<p role="note"><message key="release.contact.line">.*)$}{$1$2\n$1<p role="note"><message key="release.cfo"><arg company="officer.cfo"/><arg company="officer.cfo.title"/></message></p>};
	    s{^(\s*)<table ref="capex"/>}{$1<table ref="capex"/>\n$1<table ref="capex-detail"/>};
	    s{^(\s*)<table ref="gross-margins"/>}{$1<table ref="gross-margins"/>\n$1<table ref="capex-detail"/>}
	        if $ARGV =~ /summary/' \
	    "$data/templates/$t.xml" >"$v2/templates/$t.xml"
done
unit() {
	printf '    <unit id="%s">\n' "$1"
	case $1 in release.cfo) printf '      <notes><note category="args">0: name; 1: title</note></notes>\n' ;; esac
	printf '      <segment>\n        <source>%s</source>\n' "$2"
	[ -n "$3" ] && printf '        <target>%s</target>\n' "$3"
	printf '      </segment>\n    </unit>\n'
}
for lang in en ja; do
	{
		printf '<?xml version="1.0" encoding="UTF-8"?>\n'
		if [ $lang = en ]; then
			printf '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">\n'
		else
			printf '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ja">\n'
		fi
		printf '  <file id="layout-v2">\n'
		if [ $lang = en ]; then
			unit table.capex-v2.caption "Table 8. Capital Expenditure (JPY in millions)"
			unit table.capex-detail.caption "Table 9. Capital Expenditure by Kind (JPY in millions)"
			unit release.cfo "CFO: {0}, {1}"
		else
			unit table.capex-v2.caption "Table 8. Capital Expenditure (JPY in millions)" "表8. 設備投資額"
			unit table.capex-detail.caption "Table 9. Capital Expenditure by Kind (JPY in millions)" "表9. 種類別設備投資"
		fi
		printf '  </file>\n</xliff>\n'
	} >"$v2/locales/$lang.xlf"
done

if "$KESSAN" check "$book" >"$scratch/check.out" 2>"$scratch/check.err"; then
	ok
else
	not_ok "the two-layout archive does not check: $(grep -m3 error "$scratch/check.err")"
fi
if grep -q "not used by any template" "$scratch/check.err"; then
	not_ok "kessan's messages a layout leaves out are called unused: $(grep -m1 'not used' "$scratch/check.err")"
else
	ok
fi

if "$KESSAN" build -j 2 -o "$out" "$book" >"$scratch/build.out" 2>&1; then
	ok
else
	not_ok "build failed: $(head -3 "$scratch/build.out")"
fi

# has QUARTER LANG FORMAT TEXT / lacks …: what a release prints.
has() {
	if grep -qF -- "$4" "$out/$1/release-$2.$3"; then ok; else
		not_ok "$1 $2.$3 lacks \"$4\""; fi
}
lacks() {
	if grep -qF -- "$4" "$out/$1/release-$2.$3"; then
		not_ok "$1 $2.$3 prints \"$4\""; else ok; fi
}
for q in 2004-q1 2004-q2; do
	has $q en txt "Table 6. Other Financial Statistics"
	has $q en txt "Table 8. CAPEX"
	lacks $q en txt "Capital Expenditure"
	has $q en txt "IIJI"
	lacks $q en txt "IIJNEW"
	has $q en txt "ir@iij.ad.jp"
	has $q en txt "(745,488)"
	has $q ja txt "表 6. その他"
	lacks $q ja txt "種類別設備投資"
done
for q in 2004-q3 2004-q4; do
	lacks $q en txt "Table 6. Other Financial Statistics"
	lacks $q en txt "Table 8. CAPEX"
	has $q en txt "Table 8. Capital Expenditure (JPY in millions)"
	has $q en txt "Table 9. Capital Expenditure by Kind"
	has $q en txt "IIJNEW"
	has $q en txt "ir2@example.com"
	has $q en txt "CFO: Jane Era, Chief Financial Officer"
	lacks $q en txt "ir@iij.ad.jp"
	lacks $q en txt "(745,488)"
	has $q en txt "-745,488"
	has $q ja txt "(745,488)"
	has $q ja txt "表9. 種類別設備投資"
	lacks $q ja txt "表 6. その他"
	has $q en html "Capital Expenditure by Kind"
	has $q ja+en txt "表9. 種類別設備投資"
done
if pdftotext "$out/2004-q4/release-en.pdf" - 2>/dev/null |
    grep -q "Capital Expenditure by Kind"; then ok; else
	not_ok "the 4Q04 PDF lacks its layout's table"; fi

# The manifest records each output's layout.
m="$out/manifest.tsv"
if awk -F '\t' '$1 == "output" { path = $2 }
    $1 == "input" && $2 == "layout" { n[path] = $3 }
    END { for (p in n) if ((p ~ /^2004-q[34]/) != (n[p] == "v2")) bad++
          exit bad > 0 || length(n) == 0 }' "$m"; then
	ok
else
	not_ok "the manifest does not record v2 for 3Q04 and 4Q04 only: $(grep -m4 'layout' "$m")"
fi

# Editing the second layout's tables rebuilds its era's outputs only.
printf '<!-- edited -->\n' >>"$v2/templates/tables.xml"
"$KESSAN" build -j 2 -o "$out" "$book" >"$scratch/rebuild.out" 2>&1
total=$(grep -c '^output	' "$m")
expect="$total outputs: $((total / 2)) built, $((total / 2)) up to date, 0 failed"
if grep -qF "$expect" "$scratch/rebuild.out"; then ok; else
	not_ok "after editing layouts/v2: expected \"$expect\", got: $(cat "$scratch/rebuild.out")"
fi
# … and editing kessan's catalog rebuilds both eras (v2 reads it too).
"$KESSAN" build -j 2 -o "$out" "$book" >/dev/null 2>&1
if grep -q "layouts/v2/templates/tables.xml" "$m" &&
    ! awk -F '\t' '$1 == "output" { path = $2 }
    $2 == "layouts/v2/templates/tables.xml" && path !~ /^2004-q[34]/ { bad = 1 }
    END { exit !bad }' "$m"; then ok; else
	not_ok "layouts/v2 files are inputs of other quarters, or of none"
fi

# A layout the book does not have is an error where it is named.
sed -i 's/<release date="\([^"]*\)"/<release date="\1" layout="v9"/' \
    "$book/periods/2004-q2.xml"
if "$KESSAN" check "$book" >/dev/null 2>"$scratch/missing.err"; then
	not_ok "a missing layout passed check"
elif grep -q "2004-q2.xml:[0-9]*: error: layout v9: the book has no folder layouts/v9/templates" "$scratch/missing.err"; then
	ok
else
	not_ok "missing layout: $(cat "$scratch/missing.err")"
fi

# An English-only book: no Japanese narrative, <languages publish="en"/>,
# and a layout whose extra table has an English heading only (no template
# rendered in Japanese shows it). check passes it clean, build makes the
# English outputs only, and a Japanese render is refused, saying why.
en="$scratch/english"
cp -R "$EXAMPLES/iij" "$en"
perl -0pi -e 's{\s*<narrative lang="ja">.*?</narrative>}{}s' "$en"/periods/*.xml
perl -0pi -e 's{</company>}{  <layout name="en"/>\n  <languages publish="en"/>\n</company>}' \
    "$en/company.xml"
mkdir -p "$en/layouts/en/templates" "$en/layouts/en/locales"
perl -0pe 's{(\n  <table id="capex".*?</table>)}{$1 . do { my $t = $1;
    $t =~ s/id="capex"/id="capex-en"/;
    $t =~ s/table\.capex\.caption/table.capex-en.caption/; $t }}se' \
    "$data/templates/tables.xml" >"$en/layouts/en/templates/tables.xml"
perl -pe 's{^(\s*)<table ref="capex"/>}{$1<table ref="capex"/>\n$1<table ref="capex-en"/>}' \
    "$data/templates/release.xml" >"$en/layouts/en/templates/release.xml"
{
	printf '<?xml version="1.0" encoding="UTF-8"?>\n'
	printf '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">\n'
	printf '  <file id="english">\n'
	unit table.capex-en.caption "Table 9. CAPEX Again (JPY in millions)"
	printf '  </file>\n</xliff>\n'
} >"$en/layouts/en/locales/en.xlf"
if "$KESSAN" check "$en" >"$scratch/en.out" 2>"$scratch/en.err" &&
    ! grep -q "error:" "$scratch/en.err" &&
    grep -q "read back as printed" "$scratch/en.out"; then
	ok
else
	not_ok "an English-only book does not check clean: $(grep -m3 -v 'note:' "$scratch/en.err") $(cat "$scratch/en.out")"
fi
if "$KESSAN" build -o "$scratch/en-out" "$en" >"$scratch/en-build" 2>&1 &&
    [ "$(cd "$scratch/en-out/2004-q1" && ls | tr '\n' ' ')" = "release-en.html release-en.pdf release-en.txt " ] &&
    grep -q "Table 9. CAPEX Again" "$scratch/en-out/2004-q1/release-en.txt"; then
	ok
else
	not_ok "English-only build: $(cat "$scratch/en-build"; ls "$scratch/en-out/2004-q1")"
fi
if "$KESSAN" render --period 2004-q1 --lang ja "$en" >/dev/null 2>"$scratch/en-ja"; then
	not_ok "a Japanese render of an English-only book succeeded"
elif grep -q "company.xml:[0-9]*: error: the release of 2004-q1 is not published in Japanese" "$scratch/en-ja"; then
	ok
else
	not_ok "Japanese render of an English-only book: $(cat "$scratch/en-ja")"
fi

printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
