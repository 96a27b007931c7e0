#!/usr/bin/perl
# Sets a quarter's headline figures in an archive written by
# examples/make-archive.sh, keeping every identity of the example's accounts
# true (so `kessan check` passes):
#
#   set-figures.pl ARCHIVE QUARTER=REV,OP,NI,EBITDA ...
#
# QUARTER is FYYY-qN; the figures are JPY millions (whole, may be negative):
# total revenues, operating income, net income, adjusted EBITDA. Revenues
# move through "other" connectivity revenues, operating income through
# G&A expenses, net income through other expenses, EBITDA through the
# depreciation it adds back; EPS follow net income; the cash flow's "other"
# line absorbs the change in net income, and the accumulated deficit (with
# the balance sheet totals and "other assets", as make-archive.sh does)
# carries it into every later quarter.
use strict;
use warnings;

my $dir = shift @ARGV or die "usage: set-figures.pl ARCHIVE QUARTER=REV,OP,NI,EBITDA ...\n";
my %want;
for (@ARGV) {
	/^(\d{4}-q[1-4])=(-?\d+),(-?\d+),(-?\d+),(-?\d+)$/ or die "bad spec '$_'\n";
	$want{$1} = [$2, $3, $4, $5];
}
opendir(my $dh, "$dir/periods") or die "$dir/periods: $!\n";
my @quarters = sort map { /^(\d{4}-q[1-4])\.xml$/ ? $1 : () } readdir $dh;
closedir $dh;
for (keys %want) {
	die "no period file for $_\n" unless -f "$dir/periods/$_.xml";
}

sub round_half_up {   # x rounded to p places, half away from zero
	my ($x, $p) = @_;
	my $m = 10 ** $p;
	my $r = int(abs($x) * $m + 0.5 + 1e-9) / $m;
	return $x < 0 ? -$r : $r;
}

my $carried = 0;   # net income added in earlier quarters, in thousands
for my $q (@quarters) {
	my $file = "$dir/periods/$q.xml";
	open(my $in, '<', $file) or die "$file: $!\n";
	local $/;
	my $text = <$in>;
	close $in;
	my %f;
	$f{$1} = $2 while $text =~ /<f id="([^"]+)">([^<]*)<\/f>/g;
	my %set;
	my $dni = 0;
	if (my $w = $want{$q}) {
		my ($rev, $op, $ni, $ebitda) = map { $_ * 1000 } @$w;
		my $drev = $rev - $f{'is.rev.total'};
		$set{'is.rev.other'} = $f{'is.rev.other'} + $drev;
		$set{'is.rev.conn_total'} = $f{'is.rev.conn_total'} + $drev;
		$set{'is.rev.total'} = $rev;
		my $exp = $rev - $op;
		$set{'is.exp.ga'} = $f{'is.exp.ga'} + $exp - $f{'is.exp.total'};
		$set{'is.exp.total'} = $exp;
		$set{'is.op_income'} = $op;
		my $below = $f{'is.tax'} + $f{'is.minority'} +
		    ($f{'is.equity_method'} // 0) + ($f{'is.impairment'} // 0);
		$set{'is.pretax'} = $ni - $below;
		$set{'is.other_exp'} = $ni - $below - $op;
		$set{'is.net_income'} = $ni;
		$set{'cf.net_income'} = $ni;
		$dni = $ni - $f{'is.net_income'};
		$set{'cf.op.other'} = $f{'cf.op.other'} - $dni;
		$set{'is.eps.basic.share'} = round_half_up($ni * 1000 / $f{'is.shares.weighted'}, 0);
		$set{'is.eps.basic.ads'} = sprintf('%.2f',
		    round_half_up($ni * 1000 / $f{'is.ads.weighted'}, 2));
		$set{'op.ebitda'} = $ebitda / 1000;
		$set{'op.da_excl'} = ($ebitda - $op) / 1000;
	}
	$carried += $dni;
	if ($carried != 0) {
		for my $id (qw(bs.eq.deficit bs.eq.total bs.other_assets
		    bs.assets.total bs.total_lme)) {
			$set{$id} = $f{$id} + $carried;
		}
	}
	next unless %set;
	for my $id (keys %set) {
		die "$q has no fact $id\n" unless exists $f{$id};
		$text =~ s/(<f id="\Q$id\E">)[^<]*(<\/f>)/$1$set{$id}$2/;
	}
	open(my $out, '>', "$file.tmp") or die "$file.tmp: $!\n";
	print $out $text;
	close $out or die "$file.tmp: $!\n";
	rename("$file.tmp", $file) or die "$file: $!\n";
}
