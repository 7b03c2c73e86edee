#!/bin/sh
# The flush queue's cost at realistic guest sizes.  The s390 aperture is
# sized from guest memory, and a global refresh revalidates all of it, so a
# flush of the whole domain costs more the bigger the guest.  Runs
# tools/bench.sh once per guest memory size and read mode, with rows that
# show the change: the old code, the series before and after its single
# queue learned to flush only its span, and upstream 6.12.  Then one
# report across them: tools/bench-memory-report.sh.
# Usage: bench-memory.sh ARCH   Environment:
#   MEMS   "1024 4096": guest sizes in MiB
#   MODES  "5 0": fio seconds per block size; 0 reads the whole disk once
#   COST (0), RUNS (3), BS, ROWS as tools/bench.sh; OUT (build/bench-memory/ARCH)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ARCH=$1
mems=${MEMS:-1024 4096} modes=${MODES:-5 0}
out=${OUT:-$top/build/bench-memory/$ARCH}
for m in $mems $modes; do
	case $m in
	''|*[!0-9]*) echo "bench-memory: MEMS and MODES take whole numbers, not '$m'" >&2; exit 2 ;;
	esac
done
for m in $mems; do
	[ "$m" -ge 256 ] && [ "$m" -le 16384 ] ||
		{ echo "bench-memory: a guest of $m MiB is outside 256 to 16384 (tools/boot.sh)" >&2; exit 2; }
done

# The commit that made the single queue flush its span: the row before it
# is the series as it was.
tree=$top/build/linux
tag=$(git -C "$tree" describe --tags --abbrev=0 --match 'base-*')
ranged=$(git -C "$tree" log --reverse --format=%h -S fq_flush_single \
	"$tag"..HEAD -- drivers/iommu/dma-iommu.c | head -n1)
case $ARCH in
s390)	lazy= ;;
*)	lazy=iommu.strict=0 ;;
esac
# The pool would take the unmaps whose flushes this measures: off.
rows="base:base:$lazy ${ranged:+global:rev=$ranged^:$lazy }ranged:series:${lazy:+$lazy,}iommu.dma_pool=off peer:peer:$lazy"

rm -rf "$out"
mkdir -p "$out"
for mem in $mems; do
	for secs in $modes; do
		echo "bench-memory: $mem MiB, $([ "$secs" = 0 ] && echo "whole disk" || echo "$secs s") per size" >&2
		MEM=$mem SECS=$secs COST=${COST:-0} ROWS=${ROWS:-$rows} OUT="$out/$mem-$secs" \
			"$top/tools/bench.sh" "$ARCH" >"$out/$mem-$secs.txt"
	done
done
"$top/tools/bench-memory-report.sh" "$out"
