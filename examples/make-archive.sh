#!/bin/sh
# Writes an archive book of QUARTERS fiscal quarters (default 44: the first
# four are comparatives, the rest carry releases) from the example book's
# 1Q FY2004, for batch-build tests and benchmarks:
#
#   examples/make-archive.sh OUT [QUARTERS] [FIRST_FISCAL_YEAR]
#
# Every quarter stays arithmetically consistent, so `kessan check` passes:
# the statements repeat 1Q04's flows; the cash flow's "other" line absorbs
# the net change so each quarter opens with the cash the last one closed
# with; the deficit falls by net income each quarter (no dividends) and
# "other assets" rise by the same amount, so the balance sheet balances.
set -eu
out=${1:?usage: make-archive.sh OUT [QUARTERS] [FIRST_FISCAL_YEAR]}
quarters=${2:-44}
first=${3:-2000}
src=$(cd "$(dirname "$0")/iij" && pwd)

rm -rf "$out"
mkdir -p "$out/periods"
cp "$src/company.xml" "$src/accounts.xml" "$out/"

i=0
while [ "$i" -lt "$quarters" ]; do
	year=$((first + i / 4))
	quarter=$((i % 4 + 1))
	# With the year ending in March and named by its start: Q1 ends in
	# June of the named year, Q4 in March of the next.
	case $quarter in
	1) end="$year-06-30" ;;
	2) end="$year-09-30" ;;
	3) end="$year-12-31" ;;
	4) end="$((year + 1))-03-31" ;;
	esac
	release=$(date -u -d "$end + 41 days" +%Y-%m-%d)
	ny=$(date -u -d "$release - 1 day" +%Y-%m-%d)
	awk -v i="$i" -v year="$year" -v quarter="$quarter" -v end="$end" \
	    -v release="$release" -v ny="$ny" -v with_release=$((i >= 4)) \
	    -v notes_py="$src/periods/2003-q1.xml" '
	function value(id,    v) { return v = facts[id] }
	BEGIN {
		# The quoted figures of 1Q03 join every quarter, so "@py"
		# references in the narrative always find them.
		while ((getline line < notes_py) > 0)
			if (line ~ /<f id="notes\./)
				py_notes = py_notes line "\n"
	}
	# First pass: the facts of 1Q04.
	NR == FNR {
		if (match($0, /<f id="[^"]*">[^<]*<\/f>/)) {
			s = substr($0, RSTART, RLENGTH)
			id = s; sub(/^<f id="/, "", id); sub(/".*/, "", id)
			v = s; sub(/^[^>]*>/, "", v); sub(/<.*/, "", v)
			facts[id] = v
		}
		next
	}
	FNR == 1 {
		n = value("is.net_income") * i
		change = value("cf.net_change")
		cash = value("bs.cash")
		fix["cf.op.other"] = value("cf.op.other") - change
		fix["cf.op.total"] = value("cf.op.total") - change
		fix["cf.net_change"] = 0
		fix["cf.cash_begin"] = cash
		fix["cf.cash_end"] = cash
		fix["bs.eq.deficit"] = value("bs.eq.deficit") + n
		fix["bs.eq.total"] = value("bs.eq.total") + n
		fix["bs.other_assets"] = value("bs.other_assets") + n
		fix["bs.assets.total"] = value("bs.assets.total") + n
		fix["bs.total_lme"] = value("bs.total_lme") + n
	}
	/<period / {
		sub(/fiscal-year="[0-9]*"/, "fiscal-year=\"" year "\"")
		sub(/quarter="[0-9]"/, "quarter=\"" quarter "\"")
	}
	/<release / { in_release = 1 }
	in_release {
		if (!with_release) { if (/<\/release>/) in_release = 0; next }
		gsub(/date="2004-08-10"/, "date=\"" release "\"")
		gsub(/date="2004-08-09"/, "date=\"" ny "\"")
		gsub(/date="2004-06-30"/, "date=\"" end "\"")
		if (/<\/release>/) in_release = 0
	}
	# How 1Q04 printed its own figures belongs to that release alone.
	/<display>/, /<\/display>/ { next }
	/<!-- Where IIJ.s release prints/, /-->/ { next }
	/<narrative / { in_narrative = 1 }
	in_narrative {
		if (/<\/narrative>/) in_narrative = 0
		if (!with_release) next
	}
	/<group ref="notes"/ { print; printf "%s", py_notes; next }
	/<f id="/ {
		id = $0; sub(/.*<f id="/, "", id); sub(/".*/, "", id)
		# %.0f: past 2^31 awk would print 2.14764e+09, not the integer.
		if (id in fix)
			sub(/>[^<]*</, ">" sprintf("%.0f", fix[id]) "<")
	}
	{ print }' "$src/periods/2004-q1.xml" "$src/periods/2004-q1.xml" \
	    > "$out/periods/$year-q$quarter.xml"
	i=$((i + 1))
done
