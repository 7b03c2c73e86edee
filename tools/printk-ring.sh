#!/bin/sh
# Print the messages of a 6.1 kernel's static printk ring buffer, saved
# from guest memory after a panic (tools/hercules.sh), oldest first.
# Usage: printk-ring.sh DESCS INFOS TEXT
#   DESCS  _printk_rb_static_descs: per record, state and id (8 bytes),
#          begin and next position of its text block (8 + 8)
#   INFOS  _printk_rb_static_infos: per record, sequence number (8 bytes),
#          timestamp (8) and text length (2), in 88 bytes
#   TEXT   __log_buf: text blocks, each an 8-byte id and the text
# All big-endian (s390).  Only records in the committed (1) or finalized
# (2) state are read: the others are being written or may be reused.
set -eu
for f in "${1:-}" "${2:-}" "${3:-}"; do
	[ -f "$f" ] || { echo "usage: printk-ring.sh DESCS INFOS TEXT (saved from memory)" >&2; exit 2; }
done
perl -e '
	my ($descs, $infos, $text) = map {
		open(my $f, "<:raw", $_) or die "printk-ring: $_: $!\n"; local $/; <$f>
	} @ARGV;
	my $n = length($descs) / 24;
	length($infos) == $n * 88 or die "printk-ring: $n descriptors but ", length($infos), " bytes of infos\n";
	my $size = length $text;
	my $bits = 0; $bits++ while (1 << $bits) < $size;
	(1 << $bits) == $size or die "printk-ring: text ring of $size bytes is not a power of 2\n";
	my %msg;
	for my $i (0 .. $n - 1) {
		my ($sv, $begin, $next) = unpack "Q>3", substr($descs, $i * 24, 24);
		my $state = $sv >> 62;
		next unless $state == 1 || $state == 2;
		my ($seq, undef, $len) = unpack "Q> Q> n", substr($infos, $i * 88, 18);
		my $t = "";
		# Odd positions mark records without text; a block that
		# wraps keeps its text at the start of the ring.
		if ($len && !($begin & 1)) {
			my $at = ($begin >> $bits) == ($next >> $bits) ? $begin % $size : 0;
			$t = substr($text, $at + 8, $len);
		}
		$msg{$seq} = $t;
	}
	print "$msg{$_}\n" for sort { $a <=> $b } keys %msg;
' "$1" "$2" "$3"
