#!/bin/sh
# Guest benchmark, run by /init under series.run=bench.  Prints one
# "# bench ..." line per measurement for the host to collect:
#   fio sequential reads per block size (series.bs=4k,16k,...), with the
#   RPCIT count from the zPCI measurement block where there is one and
#   the number of global IOTLB flushes where the kernel counts them;
#   dma_map_benchmark on the spare function.
. /tests/lib.sh
secs=$(cmdline secs); secs=${secs:-5}
sizes=$(cmdline bs | tr , ' '); sizes=${sizes:-4k}
dev=$(disk scratch) || exit 1
fn=$(pci_fn scratch)
fmb=/sys/kernel/debug/pci/$fn/statistics

# RPCITs so far; the measurement block is refreshed every 4 s, so wait.
rpcits() {
	[ -w "$fmb" ] || { echo 0; return; }
	sleep 4.5
	zpci_counter "$fn" "Refresh operations"
}
# Global flushes so far: the s390 domain's global RPCITs, else the flushes
# of dma-iommu's flush queue; empty where the kernel counts neither.
flushes() {
	n=$(zpci_counter "$fn" "Global RPCITs")
	[ -n "$n" ] && { echo "$n"; return; }
	f=/sys/kernel/debug/iommu-dma/$fn/fq
	[ -r "$f" ] && sed -n 's/^flushes_[a-z]*: //p' "$f" | awk '{ n += $1 } END { print n }'
}
[ -w "$fmb" ] && ! grep -q '^Update interval' "$fmb" && echo 1 >"$fmb"
# Fill the disk once so reads hit written blocks.
dd if=/dev/zero of="$dev" bs=1M count=64 conv=fsync 2>/dev/null

for bs in $sizes; do
	r0=$(rpcits)
	g0=$(flushes)
	# terse v3: field 6 is KiB read, 8 is read IOPS
	t=$(fio --name=seq --filename="$dev" --rw=read --bs="$bs" --direct=1 \
		--ioengine=libaio --iodepth=64 --time_based --runtime="$secs" \
		--output-format=terse) || { echo "# bench error fio bs=$bs"; continue; }
	r1=$(rpcits)
	g1=$(flushes)
	kib=$(echo "$t" | cut -d';' -f6)
	iops=$(echo "$t" | cut -d';' -f8)
	bsk=${bs%k}
	glob=
	[ -n "$g0" ] && glob=$((g1 - g0))
	echo "# bench fio bs=$bs iops=$iops ios=$((kib / bsk)) kib=$kib rpcits=$((r1 - r0)) flushes=$glob"
done

# dma_map_benchmark needs a function of its own: take the spare disk's.
sfn=$(pci_fn spare) && bind_to dma_map_benchmark "$sfn" || exit 1
out=$(dma_map_benchmark -t 1 -s "$secs" -b 64 -g 1 -d 2) ||
	{ echo "# bench error dma_map_benchmark"; exit 0; }
map=$(echo "$out" | sed -n 's/^average map latency(us):\([0-9.]*\).*/\1/p')
unmap=$(echo "$out" | sed -n 's/^average unmap latency(us):\([0-9.]*\).*/\1/p')
echo "# bench dmamap map_us=$map unmap_us=$unmap"
