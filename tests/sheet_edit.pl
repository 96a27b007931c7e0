#!/usr/bin/perl
# sheet_edit.pl IN.xlsx OUT.xlsx MEMBER FROM TO [MEMBER FROM TO ...]
# sheet_edit.pl --cat IN.xlsx MEMBER
#
# Copies a workbook, replacing the literal text FROM by TO in the named
# part (xl/worksheets/sheet1.xml, ...); fails when FROM is not there. The
# XLSX tests' one way to edit a cell, with only Debian's perl (its core
# IO::Compress modules): no zip, unzip or python on a fresh system.
# --cat prints one part.
use strict;
use warnings;
use IO::Uncompress::Unzip qw($UnzipError);
use IO::Compress::Zip qw(:all $ZipError);

if (@ARGV == 3 && $ARGV[0] eq "--cat") {
	my $z = IO::Uncompress::Unzip->new($ARGV[1], Name => $ARGV[2])
	    or die "$ARGV[1]: $UnzipError\n";
	my $chunk;
	print $chunk while $z->read($chunk) > 0;
	exit 0;
}
my ($in, $out, @edits) = @ARGV;
die "usage: $0 IN OUT MEMBER FROM TO ...\n"
    if !defined $out || @edits == 0 || @edits % 3 != 0;
my (@names, %data);
my $z = IO::Uncompress::Unzip->new($in) or die "$in: $UnzipError\n";
for (my $status = 1; $status > 0; $status = $z->nextStream()) {
	my $name = $z->getHeaderInfo()->{Name};
	my ($buf, $chunk) = ('', '');
	$buf .= $chunk while $z->read($chunk) > 0;
	push @names, $name;
	$data{$name} = $buf;
}
$z->close();
while (my ($member, $from, $to) = splice(@edits, 0, 3)) {
	die "$in: no part $member\n" unless exists $data{$member};
	my $at = index($data{$member}, $from);
	die "$in: $member has no '$from'\n" if $at < 0;
	substr($data{$member}, $at, length $from) = $to;
}
my $w = IO::Compress::Zip->new($out, Name => $names[0], Method => ZIP_CM_DEFLATE,
    Time => 315532800) or die "$out: $ZipError\n";
for my $i (0 .. $#names) {
	$w->newStream(Name => $names[$i], Method => ZIP_CM_DEFLATE,
	    Time => 315532800) if $i > 0;
	$w->print($data{$names[$i]});
}
$w->close() or die "$out: $ZipError\n";
