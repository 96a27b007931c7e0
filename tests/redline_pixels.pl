#!/usr/bin/perl
# Reads PPM (P6) page images and prints, one line a page:
#   FILE red=N blue=N bars=N
# red and blue: pixels of the redline's marks (strong red, strong blue);
# bars: dark pixels in the left margin strip where change bars stand
# (38..44 px at 70 dpi: 39..45 pt; the bar is drawn at 42..44 pt, a
# list bullet starts at 47 pt, the text column at 56 pt).
use strict;
use warnings;

for my $file (@ARGV) {
	open(my $fh, '<:raw', $file) or die "$file: $!";
	local $/;
	my $data = <$fh>;
	close($fh);
	$data =~ s/\AP6\s+(\d+)\s+(\d+)\s+(\d+)\s//s or die "$file: not P6";
	my ($w, $h) = ($1, $2);
	my ($red, $blue, $bars) = (0, 0, 0);
	for my $y (0 .. $h - 1) {
		for my $x (0 .. $w - 1) {
			my ($r, $g, $b) = unpack('C3', substr($data, 3 * ($y * $w + $x), 3));
			$red++ if $r > 150 && $g < 110 && $b < 110;
			$blue++ if $b > 150 && $r < 110 && $g < 170;
			$bars++ if $x >= 38 && $x <= 44 && $r < 90 && $g < 90 && $b < 90;
		}
	}
	print "$file red=$red blue=$blue bars=$bars\n";
}
