#!/bin/sh
# kessan build's fine-grained dependencies, against an oracle: after each
# single edit to a quarter file of an archive, an incremental
# build must leave every output byte-identical to a --force build of the
# same book into a fresh folder, and re-render fewer outputs than a build
# that depends on whole quarter files when the edit touches a fact later
# releases read only as a trend quarter. The edits: a fact only its own
# release prints, a fact later releases compare with, a fact a trend reads,
# a restatement added in a later quarter (then its value and its reason
# changed), a narrative slot, the release date, a fact removed and added
# back; then random facts of random quarters (KESSAN_DEPS_EDITS of them,
# seeded by KESSAN_DEPS_SEED). English HTML only, to keep it quick: the
# dependencies are the same for every language and format. The archive
# has KESSAN_DEPS_QUARTERS quarters: 32 (28 releases, the last of them
# 2007-q4, so that every release that reads the edited 2006-q3 and
# 2007-q1 is there), 44 in make check-slow; every edit is checked against
# a whole build of it.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"

edits=${KESSAN_DEPS_EDITS:-3}
seed=${KESSAN_DEPS_SEED:-23}
book="$scratch/archive"
out="$scratch/out"
oracle="$scratch/oracle"
quarters=${KESSAN_DEPS_QUARTERS:-32}
"$EXAMPLES/make-archive.sh" "$book" "$quarters" 2000

build() {   # build: the number of outputs built
	"$KESSAN" build -j 2 -l en -f html -o "$out" "$book" >"$scratch/summary" \
	    2>"$scratch/err"
	sed -n 's/.* outputs: \([0-9]*\) built.*/\1/p' "$scratch/summary"
}
# The oracle: every output built afresh; the incremental build must match
# it output for output (and fail where it fails).
same_as_oracle() {   # same_as_oracle WHAT
	rm -rf "$oracle"
	"$KESSAN" build -j 2 -l en -f html --force -o "$oracle" "$book" \
	    >/dev/null 2>&1
	(cd "$out" && find . -name '*.html' | sort) >"$scratch/ours"
	(cd "$oracle" && find . -name '*.html' | sort) >"$scratch/theirs"
	if ! cmp -s "$scratch/ours" "$scratch/theirs"; then
		not_ok "$1: other outputs than a full build's"
		return
	fi
	# One digest per output, both sides in one process each: a cmp per
	# output was a third of this test's time.
	(cd "$out" && xargs sha256sum) <"$scratch/ours" >"$scratch/ours.sum"
	(cd "$oracle" && xargs sha256sum) <"$scratch/ours" >"$scratch/theirs.sum"
	if ! cmp -s "$scratch/ours.sum" "$scratch/theirs.sum"; then
		not_ok "$1: $(diff "$scratch/ours.sum" "$scratch/theirs.sum" |
		    awk '/^< / { print $3; exit }') differs from a full build's"
		return
	fi
	ok
}
inode() { stat -c %i "$out/$1/release-en.html"; }
edit() {   # edit FILE SED-SCRIPT: must change the file
	cp "$book/periods/$1.xml" "$scratch/before.xml"
	sed -i "$2" "$book/periods/$1.xml"
	if cmp -s "$book/periods/$1.xml" "$scratch/before.xml"; then
		not_ok "the edit $2 of $1 changed nothing"
	fi
}
expect_built() {   # expect_built WHAT GOT WANT
	if [ "$2" = "$3" ]; then ok; else
		not_ok "$1: $2 outputs built, expected $3 ($(head -3 "$scratch/err"))"
	fi
}

got=$(build)
expect_built "first build" "$got" $((quarters - 4))

# Read only by its own release (a narrative's figure).
edit 2006-q3 's|"notes.security.users">1200<|"notes.security.users">1201<|'
expect_built "a fact only 2006-q3 prints" "$(build)" 1
same_as_oracle "a fact only 2006-q3 prints"

# Read by the next quarter and the next year's as a comparative, but not by
# the releases that show 2006-q3 only in their five-quarter trend: whole
# files would rebuild those too (5 outputs).
q1=$(inode 2007-q1) q2=$(inode 2007-q2)
edit 2006-q3 's|"is.exp.rd">48368<|"is.exp.rd">48369<|'
expect_built "a comparative fact" "$(build)" 3
if [ "$(inode 2007-q1)" = "$q1" ] && [ "$(inode 2007-q2)" = "$q2" ]; then ok
else not_ok "a fact the trend does not read rebuilt the trend's releases"; fi
same_as_oracle "a comparative fact"

# A fact the trend's gross margins are derived from.
edit 2006-q3 's|"is.cost.si">2156620<|"is.cost.si">2056620<|'
build >/dev/null
same_as_oracle "a fact a trend reads"

# 2007-q1 restates 2006-q3: what 2007-q1 and later releases read of 2006-q3
# comes from another quarter's file.
edit 2007-q1 '/^  <narrative lang="en">/i\
  <restate period="2006-q3" id="is.rev.dialup" value="700000">\
    <reason lang="en">Moved to other revenues.</reason>\
    <reason lang="ja">その他の収入へ振替。</reason>\
  </restate>'
build >/dev/null
same_as_oracle "a restatement added"
edit 2007-q1 's|value="700000"|value="700500"|'
build >/dev/null
same_as_oracle "a restatement's value"
edit 2007-q1 's|Moved to other revenues\.|Moved to other revenue.|'
build >/dev/null
same_as_oracle "a restatement's reason"

# Narrative, release date, a fact removed and added back.
edit 2006-q3 's|Sustaining Bottom Line Profitability|Sustaining Profitability|'
expect_built "a narrative slot" "$(build)" 1
same_as_oracle "a narrative slot"
edit 2006-q3 's|<release date="2007-02-10">|<release date="2007-02-12">|'
build >/dev/null
same_as_oracle "a release date"
edit 2006-q3 '/"notes.ga.office_move"/d'
build >/dev/null
same_as_oracle "a fact removed"
edit 2006-q3 's|^\(    <f id="notes.ga.enterprise_tax">\)|    <f id="notes.ga.office_move">71</f>\n\1|'
build >/dev/null
same_as_oracle "a fact added"

# Random facts of random quarters, each a new value.
i=0
while [ "$i" -lt "$edits" ]; do
	i=$((i + 1))
	file=$(ls "$book/periods" | awk -v s="$seed" -v i="$i" \
	    'BEGIN { srand(s * 1000 + i) } { f[NR] = $0 } END { print f[int(rand() * NR) + 1] }')
	file=${file%.xml}
	line=$(grep -n '<f id="[^"]*">-\{0,1\}[0-9][0-9]*</f>' "$book/periods/$file.xml" |
	    awk -v s="$seed" -v i="$i" -F: \
	    'BEGIN { srand(s * 1000 + i + 500) } { n[NR] = $1 } END { print n[int(rand() * NR) + 1] }')
	delta=$(awk -v s="$seed" -v i="$i" 'BEGIN { srand(s * 7 + i); print int(rand() * 5000) + 1 }')
	sed -i "${line}s|>\\(-\\{0,1\\}[0-9][0-9]*\\)<|>\\1$delta<|" "$book/periods/$file.xml"
	build >/dev/null
	same_as_oracle "random edit $i: line $line of $file"
done

finish
