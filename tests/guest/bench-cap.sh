#!/bin/sh
# Guest side of tools/bench-cap.sh: fio sequential reads on the scratch
# disk at growing iodepths (series.depths, default 1,4,16,64,256) for each
# block size (series.bs, default 4k,64k), series.secs (3) each.  Prints a
# "# bench cap ..." line per size and depth with the intercepts the bench
# patch counted and, where there is a pool, its fallbacks at the cap,
# slots taken from other CPUs, new slots and memory held.
. /tests/lib.sh
bench=/sys/kernel/debug/bench_intercept
secs=$(cmdline secs); secs=${secs:-3}
sizes=$(cmdline bs | tr , ' '); sizes=${sizes:-"4k 64k"}
depths=$(cmdline depths | tr , ' '); depths=${depths:-"1 4 16 64 256"}
dev=$(disk scratch) || exit 1
fn=$(pci_fn scratch)

# intercepts: RPCITs or virtio-iommu syncs so far (the bench patch).
intercepts() {
	sed -n 's/^intercepts: //p' "$bench" 2>/dev/null
}
# pool KEY: a counter of the scratch disk's pool; empty without a pool.
pool() {
	sed -n "s/^$1: //p" "/sys/kernel/debug/iommu-dma/$fn/pool" 2>/dev/null
}
[ -r "$bench" ] || { echo "# bench error: $bench is missing (not a bench kernel)"; exit 0; }
# Fill the disk once so reads hit written blocks.
dd if=/dev/zero of="$dev" bs=1M count=64 conv=fsync 2>/dev/null

for bs in $sizes; do
	for depth in $depths; do
		i0=$(intercepts) c0=$(pool fallback_cap) s0=$(pool stolen) n0=$(pool new_slots)
		# terse v3: field 6 is KiB read, 8 is read IOPS
		t=$(fio --name=cap --filename="$dev" --rw=read --bs="$bs" --direct=1 \
			--ioengine=libaio --iodepth="$depth" --time_based --runtime="$secs" \
			--output-format=terse) ||
			{ echo "# bench error fio bs=$bs depth=$depth"; continue; }
		i1=$(intercepts) c1=$(pool fallback_cap) s1=$(pool stolen) n1=$(pool new_slots)
		kib=$(echo "$t" | cut -d';' -f6)
		iops=$(echo "$t" | cut -d';' -f8)
		echo "# bench cap bs=$bs depth=$depth iops=$iops ios=$((kib / ${bs%k})) intercepts=$((i1 - i0)) fb_cap=${c0:+$((c1 - c0))} stolen=${s0:+$((s1 - s0))} new_slots=${n0:+$((n1 - n0))} held=$(pool held)"
	done
done
