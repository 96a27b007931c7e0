#!/usr/bin/perl
# Reads back the generated headline sentences of a text render without the
# catalogs' logic -- revenues, adjusted EBITDA and net income, in English
# (highlights) and Japanese (summary) -- and checks every figure, loss word,
# per cent, direction word and contrast against the book's figures:
#
#   oracle.pl BOOK QUARTER SPECS [VARIANTS] < render.txt
#
# SPECS holds one line per quarter, oldest first, as set-figures.pl takes
# them: FYYY-qN=REV,OP,NI,EBITDA (JPY millions). Prints each contradiction
# with the book, quarter, message id and sentence, and exits 1 if any;
# appends "id<TAB>variant" lines (the sentence without its figures and
# quarter names) to VARIANTS. The word lists are declared once, here.
use strict;
use warnings;
use utf8;
binmode STDIN, ':encoding(UTF-8)';
binmode STDOUT, ':encoding(UTF-8)';
binmode STDERR, ':encoding(UTF-8)';

my ($book, $q, $specs, $variants) = @ARGV;
die "usage: oracle.pl BOOK QUARTER SPECS [VARIANTS]\n" unless defined $specs;

# Direction words: the way each says the figure went (1 up, -1 down, 0 level).
my %way = (
	'an increase' => 1, 'an improvement' => 1, 'a return to profit' => 1,
	'a narrower loss' => 1, 'a break-even result' => 1, 'up' => 1,
	'a decrease' => -1, 'a decline' => -1, 'a swing to a loss' => -1,
	'a wider loss' => -1, 'a deterioration' => -1, 'down' => -1,
	'unchanged' => 0,
	'増加' => 1, '増' => 1, '改善' => 1, '黒字転換' => 1, '損失が縮小' => 1,
	'減少' => -1, '減' => -1, '悪化' => -1, '赤字転換' => -1, '損失が拡大' => -1,
	'横ばいで推移' => 0, '横ばい' => 0,
);
# What else a word needs of (now, base) to be true.
my %needs = (
	'a return to profit' => sub { $_[1] < 0 && $_[0] > 0 },
	'黒字転換' => sub { $_[1] < 0 && $_[0] > 0 },
	'a swing to a loss' => sub { $_[1] >= 0 && $_[0] < 0 },
	'赤字転換' => sub { $_[1] >= 0 && $_[0] < 0 },
	'a narrower loss' => sub { $_[1] < 0 && $_[0] < 0 },
	'損失が縮小' => sub { $_[1] < 0 && $_[0] < 0 },
	'a wider loss' => sub { $_[1] < 0 && $_[0] < 0 },
	'損失が拡大' => sub { $_[1] < 0 && $_[0] < 0 },
	'a break-even result' => sub { $_[1] < 0 && $_[0] == 0 },
);
# Said of a loss, 増加 and 減少 would read as the loss growing or shrinking.
my %not_of_a_loss = ('増加' => 1, '減少' => 1);

my (@order, %fig);
open(my $fh, '<', $specs) or die "$specs: $!\n";
while (<$fh>) {
	/^(\d{4}-q[1-4])=(-?\d+),(-?\d+),(-?\d+),(-?\d+)$/ or die "$specs: bad line $.\n";
	push @order, $1;
	$fig{$1} = { rev => $2, op => $3, ni => $4, ebitda => $5 };
}
close $fh;
my ($at) = grep { $order[$_] eq $q } 0 .. $#order;
die "$q is not in $specs\n" unless defined $at && $at >= 4;
my ($cur, $py, $pq) = map { $fig{$order[$_]} } $at, $at - 4, $at - 1;

my $bad = 0;
my ($id, $s);
sub fail { print "$book $q $id: $_[0]: $s\n"; $bad = 1 }
sub num { my $n = shift; $n =~ s/,//g; return $n }
sub cmp3 { ($_[0] > $_[1]) - ($_[0] < $_[1]) }
sub figure {   # a figure read back with its loss word, against the book
	my ($what, $read, $loss, $want) = @_;
	my $v = num($read) * ($loss ? -1 : 1);
	fail("$what reads $v, the book has $want") if $v != $want;
}
sub word {   # word: a direction word for base -> now; loss: said of a loss
	my ($w, $now, $base, $loss) = @_;
	return fail("unknown direction word '$w'") unless exists $way{$w};
	fail("'$w' for $base to $now") if $way{$w} != cmp3($now, $base) ||
	    ($needs{$w} && !$needs{$w}->($now, $base)) ||
	    ($loss && $not_of_a_loss{$w});
}
sub percent {   # a per-cent change read back: |now - base| / |base|, 1 place
	my ($read, $now, $base) = @_;
	return fail("a per cent against a zero base") if $base == 0;
	my $want = sprintf('%.1f', int(abs($now - $base) / abs($base) * 1000 + 0.5) / 10);
	fail("change reads $read%, the book's is $want%") if num($read) != $want;
}
sub contrast {   # said: whether the sentence contrasts the two comparisons
	my ($said, $now, $a, $b) = @_;
	my $differ = cmp3($now, $a) != cmp3($now, $b);
	fail('a contrast where both comparisons go the same way') if $said && !$differ;
	fail('no contrast where the comparisons go different ways') if !$said && $differ;
}
my $seen = 0;
my @found;
while (my $line = <STDIN>) {
	chomp $line;
	$s = $line;
	$id = undef;
	if ($line =~ /^- Revenues totaled/) {
		$id = 'highlight.revenues';
		if ($line =~ /^- Revenues totaled JPY ([\d,]+) million \(\$[\d.,]+ million\), (?:(an increase of|a decrease of) ([\d.,]+)%|(unchanged)) compared to \S+ and (?:(an increase of|a decrease of) ([\d.,]+)%|(unchanged)) compared to \S+\.$/) {
			my @m = ($1, $2, $3, $4, $5, $6, $7);
			figure('revenues', $m[0], 0, $cur->{rev});
			word($m[3] // ($m[1] eq 'an increase of' ? 'an increase' : 'a decrease'),
			    $cur->{rev}, $py->{rev});
			percent($m[2], $cur->{rev}, $py->{rev}) if defined $m[2];
			word($m[6] // ($m[4] eq 'an increase of' ? 'an increase' : 'a decrease'),
			    $cur->{rev}, $pq->{rev});
			percent($m[5], $cur->{rev}, $pq->{rev}) if defined $m[5];
		} else { fail('cannot read the sentence back') }
	} elsif ($line =~ /^- 営業収益/) {
		$id = 'summary.revenues';
		if ($line =~ /^- 営業収益\(売上高\)は、前年同期比(?:([\d.,]+)%(増|減)|(横ばい))の([\d,]+)百万円\(前期比は(?:([\d.,]+)%(増|減)|(横ばい))\)。$/) {
			figure('revenues', $4, 0, $cur->{rev});
			word($2 // $3, $cur->{rev}, $py->{rev});
			percent($1, $cur->{rev}, $py->{rev}) if defined $1;
			word($6 // $7, $cur->{rev}, $pq->{rev});
			percent($5, $cur->{rev}, $pq->{rev}) if defined $5;
		} else { fail('cannot read the sentence back') }
	} elsif ($line =~ /^- Adjusted EBITDA was/) {
		$id = 'highlight.ebitda';
		if ($line =~ /^- Adjusted EBITDA was (a loss of )?JPY ([\d,]+) million \(\$[\d.,]+ million\), (.+?) from (an adjusted EBITDA loss of )?JPY ([\d,]+) million in \S+ and (.+?) from (an adjusted EBITDA loss of )?JPY ([\d,]+) million in [^\s.]+\.\S*$/) {
			figure('adjusted EBITDA', $2, defined $1, $cur->{ebitda});
			figure('prior-year figure', $5, defined $4, $py->{ebitda});
			figure('prior-quarter figure', $8, defined $7, $pq->{ebitda});
			word($3, $cur->{ebitda}, $py->{ebitda});
			word($6, $cur->{ebitda}, $pq->{ebitda});
		} else { fail('cannot read the sentence back') }
	} elsif ($line =~ /^- 償却前営業利益/) {
		$id = 'summary.ebitda';
		my $e = $cur->{ebitda};
		if ($line =~ /^- 償却前営業利益\(Adjusted EBITDA\)は(損失)?([\d,]+)百万円と、前期(損失)?([\d,]+)百万円からは(?:([\d.,]+)%)?(.+?)(しましたが、前年同期の|し、前年同期の)(損失)?([\d,]+)百万円から(は|も)(.+?)しました。$/) {
			my ($join, $also) = ($7, $10);
			figure('adjusted EBITDA', $2, defined $1, $e);
			figure('prior-quarter figure', $4, defined $3, $pq->{ebitda});
			figure('prior-year figure', $9, defined $8, $py->{ebitda});
			word($6, $e, $pq->{ebitda});
			percent($5, $e, $pq->{ebitda}) if defined $5;
			word($11, $e, $py->{ebitda});
			my $but = $join =~ /が/;
			fail('も after が') if $but && $also eq 'も';
			fail('は without が') if !$but && $also eq 'は';
			contrast($but, $e, $pq->{ebitda}, $py->{ebitda});
		} else { fail('cannot read the sentence back') }
	} elsif ($line =~ /^- Net (?:income|loss) was/) {
		$id = 'highlight.net_income';
		my $n = $cur->{ni};
		if ($line =~ /^- Net (income|loss) was JPY ([\d,]+) million \(\$[\d.,]+ million\), (.+?) from (a net loss|net income) of JPY ([\d,]+) million in \S+?(, but (.+?) from| and) (a net loss|net income) of JPY ([\d,]+) million in \S+\.$/) {
			figure('net income', $2, $1 eq 'loss', $n);
			figure('prior-year figure', $5, $4 eq 'a net loss', $py->{ni});
			figure('prior-quarter figure', $9, $8 eq 'a net loss', $pq->{ni});
			word($3, $n, $py->{ni});
			word($7 // $3, $n, $pq->{ni});
			contrast(defined $7, $n, $py->{ni}, $pq->{ni});
		} else { fail('cannot read the sentence back') }
	} elsif ($line =~ /^- 当期(?:利益|純損失)は/) {
		$id = 'summary.net_income';
		my $n = $cur->{ni};
		if ($line =~ /^- 当期(利益|純損失)は([\d,]+)百万円で、前期の(純損失|当期利益)([\d,]+)百万円からは(.+?)しましたが、前年同期の(純損失|当期利益)([\d,]+)百万円からは(.+?)しました。$/) {
			figure('net income', $2, $1 eq '純損失', $n);
			figure('prior-quarter figure', $4, $3 eq '純損失', $pq->{ni});
			figure('prior-year figure', $7, $6 eq '純損失', $py->{ni});
			word($5, $n, $pq->{ni}, $n < 0);
			word($8, $n, $py->{ni}, $n < 0);
			contrast(1, $n, $pq->{ni}, $py->{ni});
		} elsif ($line =~ /^- 当期(利益|純損失)は([\d,]+)百万円で、前期(純損失)?([\d,]+)百万円、前年同期の(純損失)?([\d,]+)百万円から(.+?)しました。$/) {
			figure('net income', $2, $1 eq '純損失', $n);
			figure('prior-quarter figure', $4, defined $3, $pq->{ni});
			figure('prior-year figure', $6, defined $5, $py->{ni});
			word($7, $n, $pq->{ni}, $n < 0);
			word($7, $n, $py->{ni}, $n < 0);
			contrast(0, $n, $pq->{ni}, $py->{ni});
		} else { fail('cannot read the sentence back') }
	}
	next unless defined $id;
	$seen++;
	(my $v = $line) =~ s/[0-9][0-9,.]*/N/g;
	$v =~ s/NQN/Q/g;
	push @found, "$id\t$v\n";
}
if ($seen == 0) {
	($id, $s) = ('-', '(none)');
	fail('no headline sentence found');
}
if (defined $variants) {
	open(my $out, '>>:encoding(UTF-8)', $variants) or die "$variants: $!\n";
	print $out @found;
	close $out;
}
exit $bad;
