#!/bin/sh
# Synthetic quarters: archives of the example (examples/make-archive.sh)
# whose revenues, net income and adjusted EBITDA tests/synth/set-figures.pl
# draws (fixed seeds) from values that make every comparison go up, down
# and level, cross zero both ways and start from zero; every identity holds
# (`kessan check`). Every release is rendered in en, ja and ja+en and its
# headline sentences are read back by tests/synth/oracle.pl, which knows no
# catalog: any contradiction fails, naming book, quarter, message and
# sentence. KESSAN_SYNTH_RELEASES releases (4 in make check, 500 in
# check-slow), in books of at most 12 (a render reads the whole book, so
# small books keep it quick). Prints the distinct sentence variants seen
# per message.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"
here="${TESTS_SRCDIR:-$(dirname "$0")}"
releases=${KESSAN_SYNTH_RELEASES:-4}

: >"$scratch/variants"
done_releases=0
n=0
while [ "$done_releases" -lt "$releases" ]; do
	n=$((n + 1))
	these=$((releases - done_releases))
	[ "$these" -gt 12 ] && these=12
	quarters=$((these + 4))
	book="$scratch/book$n"
	specs="$scratch/specs$n"
	"$EXAMPLES/make-archive.sh" "$book" "$quarters" 2000
	perl -e '
		srand(17 * $ARGV[1]);
		my @rev = (8500, 8675, 8900);
		my @v = (-1434, -572, -300, -100, 0, 100, 159, 300, 1434);
		sub pick { $_[int(rand(@_))] }
		for my $i (0 .. $ARGV[0] - 1) {
			printf "%d-q%d=%d,-100,%d,%d\n", 2000 + int($i / 4),
			    $i % 4 + 1, pick(@rev), pick(@v), pick(@v);
		}' "$quarters" "$n" >"$specs"
	perl "$here/synth/set-figures.pl" "$book" $(cat "$specs")
	if "$KESSAN" check "$book" >/dev/null 2>"$scratch/err"; then
		ok
	else
		not_ok "synthetic book $n does not check: $(head -3 "$scratch/err")"
	fi
	for q in $(sed -n '5,$s/=.*//p' "$specs"); do
		for lang in en ja ja+en; do
			"$KESSAN" render --period "$q" --lang "$lang" "$book" \
			    >"$scratch/out" 2>&1
			if perl "$here/synth/oracle.pl" "synthetic$n" "$q" "$specs" \
			    "$scratch/variants" <"$scratch/out" >&2; then
				ok
			else
				not_ok "oracle: book $n $q $lang"
			fi
		done
	done
	rm -rf "$book"
	done_releases=$((done_releases + these))
done
printf '%d releases in %d books, distinct sentence variants per message:' \
    "$releases" "$n"
sort -u "$scratch/variants" | cut -f1 | uniq -c |
    awk '{ printf " %s %d", $2, $1 } END { print "" }'
finish
