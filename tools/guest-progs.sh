#!/bin/sh
# Cross-compile the guest's test programs as static binaries into DEST:
# tests/guest/*.c, the kernel's own dma_map_benchmark and the series' VFIO
# kselftests, against the series' exported uapi headers.
# Usage: guest-progs.sh ARCH DEST
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ARCH=$1 dest=$2
. "$top/tools/arch.sh"
src=$top/build/linux out=$top/build/obj/$ARCH
mkdir -p "$out"
kmake headers_install >/dev/null
inc="-I$out/usr/include"
cc="${CROSS}gcc -static -O2 -Wall -Werror"
for c in "$top"/tests/guest/*.c; do
	[ -e "$c" ] || break
	$cc $inc -o "$dest/$(basename "$c" .c)" "$c"
done
# map_benchmark.h lives in the kernel's include/linux, as in the selftest's Makefile.
${CROSS}gcc -static -O2 $inc -idirafter "$src/include" -o "$dest/dma_map_benchmark" \
	"$src/tools/testing/selftests/dma/dma_map_benchmark.c"
# The series' own VFIO kselftests, where it has them.
for c in "$src"/tools/testing/selftests/vfio/*.c; do
	[ -e "$c" ] || break
	$cc $inc -I"$src/tools/testing/selftests" -o "$dest/$(basename "$c" .c)" "$c"
done
