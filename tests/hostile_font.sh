#!/bin/sh
# Writes a damaged copy of a TrueType font, for the font cases of
# tests/errors:  tests/hostile_font.sh ATTACK IN OUT
#   cmap-offset    the only cmap encoding record points at 0xFFFFFFF9
#   cmap-delta     a format 4 cmap whose idDelta maps ASCII past numGlyphs
#   loca-order     two glyph locations out of order
#   hmtx-short     numberOfHMetrics 10 and hmtx the file's last 40 bytes
#   composite      ASCII drawn by a composite glyph of component 0xFFFF
set -eu
attack=$1 in=$2 out=$3
cp "$in" "$out"

u16() { od -An -tu1 -j "$1" -N2 "$out" | awk '{ print $1 * 256 + $2 }'; }
u32() { od -An -tu1 -j "$1" -N4 "$out" |
	awk '{ print ((($1 * 256 + $2) * 256 + $3) * 256) + $4 }'; }
# put OFFSET BYTE...: writes the bytes (decimal) at OFFSET in place.
put() {
	at=$1
	shift
	printf "$(printf '\\%03o' "$@")" |
	    dd of="$out" bs=1 seek="$at" conv=notrunc status=none
}
put16() { put "$1" $(($2 >> 8 & 255)) $(($2 & 255)); }
put32() { put "$1" $(($2 >> 24 & 255)) $(($2 >> 16 & 255)) \
	$(($2 >> 8 & 255)) $(($2 & 255)); }
# The directory record of table $1: sets rec (its offset), off and len.
find_table() {
	n=$(u16 4) i=0
	while [ "$i" -lt "$n" ]; do
		rec=$((12 + 16 * i))
		if [ "$(dd if="$out" bs=1 skip="$rec" count=4 status=none)" = "$1" ]
		then
			off=$(u32 $((rec + 8))) len=$(u32 $((rec + 12)))
			return 0
		fi
		i=$((i + 1))
	done
	echo "hostile_font.sh: no $1 table" >&2
	exit 1
}
# A cmap of one (3,1) format 4 subtable at cmap+12 mapping U+0020..U+007E
# to glyph (c + delta) mod 65536.
format4() {
	find_table cmap
	put16 "$off" 0
	put16 $((off + 2)) 1
	put16 $((off + 4)) 3
	put16 $((off + 6)) 1
	put32 $((off + 8)) 12
	s=$((off + 12))
	put16 "$s" 4
	put16 $((s + 2)) 32
	put16 $((s + 4)) 0
	put16 $((s + 6)) 4          # two segments
	put16 $((s + 8)) 4
	put16 $((s + 10)) 1
	put16 $((s + 12)) 0
	put16 $((s + 14)) 126       # endCode
	put16 $((s + 16)) 65535
	put16 $((s + 18)) 0
	put16 $((s + 20)) 32        # startCode
	put16 $((s + 22)) 65535
	put16 $((s + 24)) $(($1 & 65535))   # idDelta
	put16 $((s + 26)) 1
	put16 $((s + 28)) 0         # idRangeOffset
	put16 $((s + 30)) 0
}

case $attack in
cmap-offset)
	find_table cmap
	put16 $((off + 2)) 1
	put16 $((off + 4)) 3
	put16 $((off + 6)) 1
	put32 $((off + 8)) 4294967289
	;;
cmap-delta)
	format4 $((60000 - 32))
	;;
loca-order)
	find_table head
	long=$(u16 $((off + 50)))
	find_table loca
	if [ "$long" -ne 0 ]; then
		put32 $((off + 40)) $(($(u32 $((off + 44))) + 4))
	else
		put16 $((off + 20)) $(($(u16 $((off + 22))) + 2))
	fi
	;;
hmtx-short)
	# Ten metrics of advance 1000 appended, with no leftSideBearing
	# array after them for the other glyphs.
	size=$(wc -c < "$out")
	put "$size" 3 232 0 0 3 232 0 0 3 232 0 0 3 232 0 0 3 232 0 0 \
	    3 232 0 0 3 232 0 0 3 232 0 0 3 232 0 0 3 232 0 0
	find_table hhea
	put16 $((off + 34)) 10
	find_table hmtx
	put32 $((rec + 8)) "$size"
	put32 $((rec + 12)) 40
	;;
composite)
	# The first glyph with room for one component becomes a composite
	# of 0xFFFF, and every ASCII character is drawn with it.
	find_table head
	long=$(u16 $((off + 50)))
	find_table loca
	g=1
	while :; do
		if [ "$long" -ne 0 ]; then
			start=$(u32 $((off + 4 * g))) end=$(u32 $((off + 4 * g + 4)))
		else
			start=$(($(u16 $((off + 2 * g))) * 2))
			end=$(($(u16 $((off + 2 * g + 2))) * 2))
		fi
		[ $((end - start)) -lt 16 ] || break
		g=$((g + 1))
	done
	find_table glyf
	put16 $((off + start)) 65535    # numberOfContours -1: a composite
	put16 $((off + start + 10)) 0   # flags: byte arguments, the last one
	put16 $((off + start + 12)) 65535
	put16 $((off + start + 14)) 0
	format4 0
	# glyphIdArray after the two segments: glyph g for each character.
	find_table cmap
	put16 $((off + 12 + 2)) $((32 + 2 * 95))
	put16 $((off + 12 + 28)) 4
	ids= c=0
	while [ "$c" -lt 95 ]; do
		ids="$ids $((g >> 8)) $((g & 255))"
		c=$((c + 1))
	done
	# shellcheck disable=SC2086
	put $((off + 12 + 32)) $ids
	;;
*)
	echo "hostile_font.sh: unknown attack $attack" >&2
	exit 1
	;;
esac
