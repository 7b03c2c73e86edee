#!/bin/sh
# Guest benchmark of how the bounce-buffer pool takes scatterlists, run by
# /init under series.run=bench-sg, on arm64 with an NVMe controller behind
# virtio-iommu (tools/boot.sh NVME=1): the NVMe driver maps a request of
# more than one segment with dma_map_sg.  Per pattern (series.rw=
# randread,randwrite) and block size (series.bs=8k,...), fio for
# series.secs seconds at iodepth 16, and one line for tools/bench-sg.sh:
#   # bench sg rw= bs= iops= ios= kib= intercepts= requests= stall_us=
#     cost_us= and the pool's counters over the run (empty without a pool)
# Before each, the shrinker (drop_caches) empties the pool, so what it
# holds afterwards is what that size needed.  series.verify=1 runs fio's
# crc32c verify per block size instead, a "# bench sg-verify" line each.
. /tests/lib.sh
bench=/sys/kernel/debug/bench_intercept
secs=$(cmdline secs); secs=${secs:-3}
sizes=$(cmdline bs | tr , ' '); sizes=${sizes:-8k}
rws=$(cmdline rw | tr , ' '); rws=${rws:-randread}

# The namespace of the controller with serial nvme0, and its function.
ctrl=
for s in /sys/class/nvme/nvme*/serial; do
	[ "$(tr -d ' ' <"$s" 2>/dev/null)" = nvme0 ] && ctrl=${s%/serial}
done
[ -n "$ctrl" ] || { echo "# bench error: no NVMe controller with serial nvme0"; exit 0; }
dev=/dev/${ctrl##*/}n1
fn=$(basename "$(readlink -f "$ctrl/device")")
pool=/sys/kernel/debug/iommu-dma/$fn/pool
# Behind the IOMMU, or nothing here measures the pool.
group=$(readlink "/sys/bus/pci/devices/$fn/iommu_group" 2>/dev/null) ||
	{ echo "# bench error: $fn has no IOMMU group"; exit 0; }
[ -r "$bench" ] || { echo "# bench error: not a bench kernel (no $bench)"; exit 0; }
want=whole
grep -q 'bench\.pool_sg=segment' /proc/cmdline && want=segment
grep -q 'iommu\.dma_pool=off' /proc/cmdline && want=off
mode=off
[ -r "$pool" ] && mode=$(sed -n 's/^bench_pool_sg: //p' "$pool")
[ "$mode" = "$want" ] ||
	{ echo "# bench error: pool mode '$mode', asked for '$want'"; exit 0; }
echo "# bench sg-dev fn=$fn group=${group##*/} iommu=$(basename "$(readlink -f "/sys/bus/pci/devices/$fn/iommu")") mode=$mode"

# bench_counter NAME: one counter of the bench patch.
bench_counter() {
	sed -n "s/^$1: //p" "$bench"
}
# snap FILE: the pool's statistics, or nothing without a pool.
snap() {
	cat "$pool" >"$1" 2>/dev/null || : >"$1"
}
# pool_delta BEFORE AFTER: the pool's counters over a run as key=value,
# and what it holds at the end: bytes, and slots with pages (busy or
# cached, summed over classes).
pool_delta() {
	awk 'NR == FNR { a[$1] = $2; next }
	{ b[$1] = $2 }
	/^class[0-9]+:/ { slots += $3 + $4 }
	END {
		if (!("held:" in b)) { print "mode=off"; exit }
		printf "mode=%s lists=%d list_slots=%d gets=%d new_slots=%d copied=%d held=%d slots=%d",
			b["bench_pool_sg:"], b["bench_sg_lists:"] - a["bench_sg_lists:"],
			b["bench_sg_slots:"] - a["bench_sg_slots:"],
			b["reused:"] + b["new_slots:"] - a["reused:"] - a["new_slots:"],
			b["new_slots:"] - a["new_slots:"],
			b["copied_in:"] + b["copied_out:"] - a["copied_in:"] - a["copied_out:"],
			b["held:"], slots
		for (k in b) if (k ~ /^fallback_/) {
			n = k; sub(/:$/, "", n); sub(/^fallback_/, "fb_", n)
			printf " %s=%d", n, b[k] - a[k]
		}
		print ""
	}' "$1" "$2"
}
# Empty the pool: the shrinker takes every cached slot.
drain() {
	sync
	echo 2 >/proc/sys/vm/drop_caches
}
# Debian's 6.1 resets every virtio device at shutdown, the virtio-iommu
# first: NVMe's teardown, the flush queue and the pool's evictions would
# then wait on it for ever (the guest hung at poweroff).  So take the
# controller down, empty the pool and let the queue's 1 s timer flush
# while the IOMMU still answers.
finish() {
	echo "$fn" >/sys/bus/pci/drivers/nvme/unbind
	drain
	sleep 2
	exit 0
}

if [ "$(cmdline verify)" = 1 ]; then
	for bs in $sizes; do
		drain; snap /tmp/p0
		ok=1
		fio --name=verify --filename="$dev" --direct=1 --ioengine=libaio \
			--iodepth=16 --rw=randwrite --bs="$bs" --size=16M \
			--verify=crc32c --do_verify=1 --verify_fatal=1 \
			--verify_backlog=256 --output-format=terse >/tmp/fio.out 2>&1 || ok=0
		[ $ok = 1 ] || sed 's/^/# /' /tmp/fio.out | tail -n 5
		snap /tmp/p1
		echo "# bench sg-verify bs=$bs ok=$ok $(pool_delta /tmp/p0 /tmp/p1)"
	done
	finish
fi

# Fill the namespace once so reads hit written blocks.
dd if=/dev/zero of="$dev" bs=1M count=64 conv=fsync 2>/dev/null
for rw in $rws; do
	# terse v3: KiB and IOPS are fields 6 and 8 for reads, 47 and 49 for writes
	case $rw in
	*read)	f_kib=6 f_iops=8 ;;
	*write)	f_kib=47 f_iops=49 ;;
	*)	echo "# bench error: rw '$rw' is neither a read nor a write"; continue ;;
	esac
	for bs in $sizes; do
		drain; snap /tmp/p0
		q0=$(bench_counter requests) i0=$(bench_counter intercepts) s0=$(bench_counter stalled_ns)
		t=$(fio --name=sg --filename="$dev" --rw="$rw" --bs="$bs" --direct=1 \
			--ioengine=libaio --iodepth=16 --time_based --runtime="$secs" \
			--output-format=terse) || { echo "# bench error fio rw=$rw bs=$bs"; continue; }
		q1=$(bench_counter requests) i1=$(bench_counter intercepts) s1=$(bench_counter stalled_ns)
		snap /tmp/p1
		kib=$(echo "$t" | cut -d';' -f$f_kib)
		iops=$(echo "$t" | cut -d';' -f$f_iops)
		echo "# bench sg rw=$rw bs=$bs iops=$iops ios=$((kib / ${bs%k})) kib=$kib intercepts=$((i1 - i0)) requests=$((q1 - q0)) stall_us=$(((s1 - s0) / 1000)) cost_us=$(bench_counter cost_us) $(pool_delta /tmp/p0 /tmp/p1)"
	done
done
finish
