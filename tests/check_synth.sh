#!/bin/sh
# Synthetic quarters: an archive of the example (examples/make-archive.sh)
# whose revenues, net income and adjusted EBITDA tests/synth/set-figures.pl
# draws (a fixed seed) from values that make every comparison go up, down
# and level, cross zero both ways and start from zero; every identity holds
# (`kessan check`). Every release is rendered in en, ja and ja+en and its
# headline sentences are read back by tests/synth/oracle.pl, which knows no
# catalog: any contradiction fails, naming book, quarter, message and
# sentence. 4 releases in make check; check-slow sets
# KESSAN_SYNTH_QUARTERS=504 (500 releases). Prints the distinct sentence
# variants seen per message.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"
here="${TESTS_SRCDIR:-$(dirname "$0")}"
quarters=${KESSAN_SYNTH_QUARTERS:-8}

book="$scratch/book"
specs="$scratch/specs"
"$EXAMPLES/make-archive.sh" "$book" "$quarters" 2000
perl -e '
	srand(17);
	my @rev = (8500, 8675, 8900);
	my @v = (-1434, -572, -300, -100, 0, 100, 159, 300, 1434);
	sub pick { $_[int(rand(@_))] }
	for my $i (0 .. $ARGV[0] - 1) {
		printf "%d-q%d=%d,-100,%d,%d\n", 2000 + int($i / 4), $i % 4 + 1,
		    pick(@rev), pick(@v), pick(@v);
	}' "$quarters" >"$specs"
perl "$here/synth/set-figures.pl" "$book" $(cat "$specs")
if "$KESSAN" check "$book" >/dev/null 2>"$scratch/err"; then
	ok
else
	not_ok "the synthetic book does not check: $(head -3 "$scratch/err")"
fi

: >"$scratch/variants"
for q in $(sed -n '5,$s/=.*//p' "$specs"); do
	for lang in en ja ja+en; do
		"$KESSAN" render --period "$q" --lang "$lang" "$book" >"$scratch/out" 2>&1
		if perl "$here/synth/oracle.pl" synthetic "$q" "$specs" \
		    "$scratch/variants" <"$scratch/out" >&2; then
			ok
		else
			not_ok "oracle: $q $lang"
		fi
	done
done
printf '%d releases, distinct sentence variants per message:' $((quarters - 4))
sort -u "$scratch/variants" | cut -f1 | uniq -c | awk '{ printf " %s %d", $2, $1 } END { print "" }'
finish
