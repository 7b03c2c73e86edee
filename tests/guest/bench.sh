#!/bin/sh
# Guest benchmark, run by /init under series.run=bench.  Prints one
# "# bench ..." line per measurement for the host to collect:
#   fio sequential reads per block size (series.bs=4k,16k,...), with the
#   bench patch's counters (patches/bench/) where the kernel has them:
#   intercepts (RPCITs, or virtio-iommu syncs), virtio-iommu requests and
#   the time stalled for the modelled intercept cost; else the RPCIT count
#   from the zPCI measurement block where there is one; and the number of
#   global IOTLB flushes where the kernel counts them, the time the
#   global RPCITs took, the time and pages of every RPCIT, and the flush
#   queue's ranged flushes; the time the vCPUs were busy (/proc/stat);
#   dma_map_benchmark on the spare function.
# series.secs=0 reads the whole scratch disk once instead of for a time.
. /tests/lib.sh
bench=/sys/kernel/debug/bench_intercept
secs=$(cmdline secs); secs=${secs:-5}
sizes=$(cmdline bs | tr , ' '); sizes=${sizes:-4k}
dev=$(disk scratch) || exit 1
fn=$(pci_fn scratch)
fmb=/sys/kernel/debug/pci/$fn/statistics

# bench_counter NAME: one counter of the bench patch; empty without it.
bench_counter() {
	sed -n "s/^$1: //p" "$bench" 2>/dev/null
}
# RPCITs so far; the measurement block is refreshed every 4 s, so wait.
# The bench patch counts every intercept as it happens: no wait.
rpcits() {
	[ -r "$bench" ] && { bench_counter intercepts; return; }
	[ -w "$fmb" ] || { echo 0; return; }
	sleep 4.5
	zpci_counter "$fn" "Refresh operations"
}
# Global flushes so far: the s390 domain's global RPCITs, else the flushes
# of dma-iommu's flush queue (both from the series), else the bench
# patch's global count; empty where the kernel counts none of them.
flushes() {
	n=$(zpci_counter "$fn" "Global RPCITs")
	[ -n "$n" ] && { echo "$n"; return; }
	f=/sys/kernel/debug/iommu-dma/$fn/fq
	[ -r "$f" ] && { sed -n 's/^flushes_[a-z]*: //p' "$f" | awk '{ n += $1 } END { print n }'; return; }
	bench_counter global
}
# Flushes of the queue's span only (the series), else empty.
ranged() {
	sed -n 's/^ranged_flushes: //p' "/sys/kernel/debug/iommu-dma/$fn/fq" 2>/dev/null
}
# Microseconds all CPUs spent busy so far (/proc/stat counts in 1/100 s):
# under TCG, emulated work, the RPCITs' included, against the host's time.
busy_us() {
	awk '$1 == "cpu" { print ($2 + $3 + $4 + $7 + $8 + $9) * 10000; exit }' /proc/stat
}
# Bytes the domain's bounce-buffer pool holds (the series), else empty.
pool_held() {
	sed -n 's/^held: //p' "/sys/kernel/debug/iommu-dma/$fn/pool" 2>/dev/null
}
if [ "$secs" = 0 ]; then
	limit='' map_secs=5
else
	limit="--time_based --runtime=$secs" map_secs=$secs
fi
[ ! -r "$bench" ] && [ -w "$fmb" ] && ! grep -q '^Update interval' "$fmb" && echo 1 >"$fmb"
# Fill the disk once so reads hit written blocks.
dd if=/dev/zero of="$dev" bs=1M count=64 conv=fsync 2>/dev/null

for bs in $sizes; do
	r0=$(rpcits)
	g0=$(flushes)
	q0=$(bench_counter requests) s0=$(bench_counter stalled_ns) b0=$(bench_counter global)
	n0=$(bench_counter global_ns) f0=$(ranged)
	t0=$(bench_counter rpcit_ns) p0=$(bench_counter rpcit_pages) u0=$(busy_us)
	# terse v3: field 6 is KiB read, 8 is read IOPS
	# shellcheck disable=SC2086
	t=$(fio --name=seq --filename="$dev" --rw=read --bs="$bs" --direct=1 \
		--ioengine=libaio --iodepth=64 $limit \
		--output-format=terse) || { echo "# bench error fio bs=$bs"; continue; }
	r1=$(rpcits)
	g1=$(flushes)
	q1=$(bench_counter requests) s1=$(bench_counter stalled_ns) b1=$(bench_counter global)
	n1=$(bench_counter global_ns) f1=$(ranged) held=$(pool_held)
	t1=$(bench_counter rpcit_ns) p1=$(bench_counter rpcit_pages) u1=$(busy_us)
	kib=$(echo "$t" | cut -d';' -f6)
	iops=$(echo "$t" | cut -d';' -f8)
	bsk=${bs%k}
	glob='' req='' stall='' bglob='' gns='' rng='' tns='' tpg=''
	[ -n "$g0" ] && glob=$((g1 - g0))
	[ -n "$q0" ] && req=$((q1 - q0)) stall=$(((s1 - s0) / 1000)) bglob=$((b1 - b0))
	[ -n "$n0" ] && gns=$((n1 - n0))
	[ -n "$f0" ] && rng=$((f1 - f0))
	[ -n "$t0" ] && tns=$((t1 - t0)) tpg=$((p1 - p0))
	echo "# bench fio bs=$bs iops=$iops ios=$((kib / bsk)) kib=$kib intercepts=$((r1 - r0)) flushes=$glob requests=$req stall_us=$stall cost_us=$(bench_counter cost_us) bench_global=$bglob global_ns=$gns ranged=$rng pool_held=$held rpcit_ns=$tns rpcit_pages=$tpg busy_us=$((u1 - u0))"
done

# dma_map_benchmark needs a function of its own: take the spare disk's.
sfn=$(pci_fn spare) && bind_to dma_map_benchmark "$sfn" || exit 1
out=$(dma_map_benchmark -t 1 -s "$map_secs" -b 64 -g 1 -d 2) ||
	{ echo "# bench error dma_map_benchmark"; exit 0; }
map=$(echo "$out" | sed -n 's/^average map latency(us):\([0-9.]*\).*/\1/p')
unmap=$(echo "$out" | sed -n 's/^average unmap latency(us):\([0-9.]*\).*/\1/p')
echo "# bench dmamap map_us=$map unmap_us=$unmap"
