#!/bin/sh
# kessan new: the next quarter's period file. On an eight-quarter archive
# whose 4Q04 file is set aside, `kessan new --period 2004-q4` writes the
# file again from 3Q04: its proposed dates are the archive's (releases 41
# days after the quarter), check names every value still empty, and once
# the values and slots of the set-aside file are filled in (its totals
# left out, as the scaffold says) the release renders exactly as the
# original does. It never writes over a file, and it says what the
# comparative quarters lack.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"

book="$scratch/archive"
sh "$EXAMPLES/make-archive.sh" "$book" 8 2003 >/dev/null
"$KESSAN" render --period 2004-q4 --lang ja+en "$book" >"$scratch/original.txt" 2>/dev/null
mv "$book/periods/2004-q4.xml" "$scratch/2004-q4.xml"
new="$book/periods/2004-q4.xml"

if "$KESSAN" new --period 2004-q4 "$book" >"$scratch/new.out" 2>&1 && [ -f "$new" ]; then
	ok
else
	not_ok "kessan new failed: $(cat "$scratch/new.out")"
fi
if grep -q "^prior quarter: periods/2004-q3.xml holds all" "$scratch/new.out" &&
    grep -q "^prior-year quarter: periods/2003-q4.xml holds all" "$scratch/new.out"; then
	ok
else
	not_ok "comparatives report: $(cat "$scratch/new.out")"
fi
# The example's 2Q04 would compare with a 2Q03 that holds four ratios.
ex=$(fresh_book new)
"$KESSAN" new --period 2004-q2 "$ex" >"$scratch/ex.out" 2>&1
if grep -q "^prior-year quarter: periods/2003-q2.xml lacks is.rev.dedicated, " "$scratch/ex.out"; then
	ok
else
	not_ok "the example's 2Q04: $(cat "$scratch/ex.out")"
fi

# Dates: the archive's own.
for attr in 'release date' 'city-en="Tokyo" city-ja="東京" date' 'currency="USD" rate="" date'; do
	want=$(grep -o "$(printf '%s' "$attr" | sed 's/rate=""/rate="[^"]*"/')=\"[0-9-]*\"" "$scratch/2004-q4.xml" | grep -o '"[0-9-]*"$')
	got=$(grep -o "$attr=\"[0-9-]*\"" "$new" | grep -o '"[0-9-]*"$')
	if [ -n "$want" ] && [ "$want" = "$got" ]; then ok; else
		not_ok "proposed $attr: $got, the archive's $want"; fi
done

# Never over an existing file.
cp "$new" "$scratch/kept.xml"
if "$KESSAN" new --period 2004-q4 "$book" >/dev/null 2>"$scratch/again.err"; then
	not_ok "kessan new wrote over an existing file"
elif grep -q "2004-q4.xml: error: exists already" "$scratch/again.err" &&
    cmp -s "$new" "$scratch/kept.xml"; then
	ok
else
	not_ok "a second kessan new: $(cat "$scratch/again.err")"
fi

# check names every empty value, the rate, every empty slot and footnote.
empty=$(grep -c '<f id="[^"]*"></f>' "$new")
slots=$(grep -c '^ *<slot id="[^"]*"></slot>$' "$new")
notes=$(grep -c '^ *<footnote id="[^"]*"></footnote>$' "$new")
"$KESSAN" check "$book" >/dev/null 2>"$scratch/empty.err"
if [ "$(grep -c ': no value yet: write the quarter' "$scratch/empty.err")" -eq "$empty" ] &&
    grep -q "convenience rate: no value yet" "$scratch/empty.err" && [ "$empty" -gt 50 ] &&
    [ "$(grep -c "error: slot '.*' has no text yet" "$scratch/empty.err")" -eq "$slots" ] &&
    [ "$(grep -c "error: footnote '.*' has no text yet" "$scratch/empty.err")" -eq "$notes" ] &&
    [ "$slots" -gt 10 ]; then
	ok
else
	not_ok "check of the empty file: $empty facts, $slots slots, $notes footnotes empty; named: $(grep -c 'no value yet' "$scratch/empty.err") values, $(grep -c 'has no text yet' "$scratch/empty.err") texts"
fi

# Filled from the set-aside file: values, rate, slots and footnotes, its
# restatements and display entries. The totals stay out.
perl -e '
	my ($orig, $new) = @ARGV;
	local $/; open my $o, "<", $orig or die; my $src = <$o>;
	open my $n, "<", $new or die; my $out = <$n>;
	my %value = $src =~ /<f id="([^"]+)">([^<]*)<\/f>/g;
	$out =~ s/<f id="([^"]+)"><\/f>/"<f id=\"$1\">" . $value{$1} . "<\/f>"/ge;
	my ($rate) = $src =~ /<convenience[^>]*rate="([^"]+)"/;
	# What is the quarter'"'"'s own (restatements, display entries) the
	# scaffold leaves to the user: taken over as written.
	my ($own) = $src =~ /.*<\/group>\n(.*?)\n\s*<narrative/s;
	$out =~ s/(\n\s*<narrative)/\n$own$1/;
	$out =~ s/rate=""/rate="$rate"/;
	open my $w, ">", $new or die; print $w $out;
' "$scratch/2004-q4.xml" "$new"
perl "$EXAMPLES/copy-narrative.pl" "$scratch/2004-q4.xml" "$new"
if "$KESSAN" check "$book" >"$scratch/filled.out" 2>"$scratch/filled.err"; then
	ok
else
	not_ok "the filled file does not check: $(grep -m5 'error' "$scratch/filled.err")"
fi
"$KESSAN" render --period 2004-q4 --lang ja+en "$book" >"$scratch/filled.txt" 2>&1
if cmp -s "$scratch/original.txt" "$scratch/filled.txt"; then
	ok
else
	not_ok "the filled release differs: $(diff "$scratch/original.txt" "$scratch/filled.txt" | head -8)"
fi

printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
