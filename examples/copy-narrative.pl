#!/usr/bin/perl
# Fills the empty slots and footnotes of a period file kessan new wrote
# with those of another quarter's file, language by language: a stand-in
# for the narrative people write, for scripts and tests.
#
#   perl examples/copy-narrative.pl FROM.xml TO.xml
use strict;
use warnings;

my ($from, $to) = @ARGV;
die "usage: copy-narrative.pl FROM.xml TO.xml\n" unless defined $to;
local $/;
open my $f, '<', $from or die "$from: $!\n";
my $src = <$f>;
open my $t, '<', $to or die "$to: $!\n";
my $out = <$t>;
for my $lang ('en', 'ja') {
	my ($old) = $src =~ /<narrative lang="$lang">(.*?)<\/narrative>/s;
	next unless defined $old;
	my %slot = $old =~ /<slot id="([^"]+)">(.*?)<\/slot>/gs;
	my %note = $old =~ /<footnote id="([^"]+)">(.*?)<\/footnote>/gs;
	$out =~ s{(<narrative lang="$lang">)(.*?)(</narrative>)}{
		my ($a, $body, $z) = ($1, $2, $3);
		$body =~ s/^(\s*)<slot id="([^"]+)"><\/slot>$/$1<slot id="$2">$slot{$2}<\/slot>/gm;
		$body =~ s/^(\s*)<footnote id="([^"]+)"><\/footnote>$/$1<footnote id="$2">$note{$2}<\/footnote>/gm;
		$a . $body . $z }se;
}
open my $w, '>', $to or die "$to: $!\n";
print $w $out;
