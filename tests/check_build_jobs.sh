#!/bin/sh
# kessan build with more jobs than the workers' pipe holds: 16,386 outputs
# (2,731 releases in en, ja, ja+en; txt and html), more than the 16,384 job
# numbers a 64 KiB pipe takes. A build that wrote every job before its
# workers ran waited forever; under `timeout` that is a failure, not a hang.
# The book and templates are as small as a release can be (a title, no
# facts) so that the jobs, not the renders, are what is many. In
# make check-slow.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"

quarters=2731     # fiscal years from 1900, the schema's first
outputs=$((quarters * 6))
book="$scratch/book"
templates="$scratch/templates"
mkdir -p "$book/periods" "$templates"
cp "$EXAMPLES/iij/company.xml" "$EXAMPLES/iij/accounts.xml" "$book/"
awk -v n=$quarters -v dir="$book/periods" 'BEGIN {
	for (i = 0; i < n; i++) {
		y = 1900 + int(i / 4)
		f = sprintf("%s/%04d-q%d.xml", dir, y, i % 4 + 1)
		printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
		    "<period xmlns=\"urn:kessan:book:1\" fiscal-year=\"%d\" quarter=\"%d\">\n" \
		    "  <release date=\"%04d-12-01\">\n" \
		    "    <dateline city-en=\"Tokyo\" city-ja=\"東京\" date=\"%04d-12-01\"/>\n" \
		    "    <convenience currency=\"USD\" rate=\"100\" date=\"%04d-11-30\"/>\n" \
		    "  </release>\n</period>\n", y, i % 4 + 1, y, y, y > f
		close(f)
	}
}'
for id in release summary; do
	cat > "$templates/$id.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<template xmlns="urn:kessan:template:1" id="$id">
  <p role="title"><message key="summary.title"><arg period="current" style="fiscal-quarter-months"/></message></p>
</template>
EOF
done
cat > "$templates/bilingual.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<template xmlns="urn:kessan:template:1" id="bilingual">
  <include template="summary" lang="ja"/>
  <include template="release" lang="en"/>
</template>
EOF

# About 20 s on two busy cores; the deadlock never ends.
limit=${KESSAN_BUILD_TIMEOUT:-300}
KESSAN_TEMPLATES="$templates" timeout "$limit" \
    "$KESSAN" build -j 2 -f txt,html -o "$scratch/out" "$book" \
    >"$scratch/summary" 2>"$scratch/err"
rc=$?
if [ $rc -eq 124 ]; then
	not_ok "a build of $outputs outputs still running after $limit s: a deadlock?"
elif [ $rc -ne 0 ]; then
	not_ok "a build of $outputs outputs: exit $rc: $(head -3 "$scratch/err")"
else
	ok
fi
if grep -qF '16,386 outputs: 16,386 built, 0 up to date, 0 failed' \
    "$scratch/summary"; then ok; else
	not_ok "summary: $(cat "$scratch/summary")"
fi
if [ "$(grep -c '^output' "$scratch/out/manifest.tsv" 2>/dev/null)" = \
    "$outputs" ]; then ok; else
	not_ok "the manifest does not list $outputs outputs"
fi

finish
