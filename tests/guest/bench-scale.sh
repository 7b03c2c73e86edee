#!/bin/sh
# Guest side of tools/bench-scale.sh: how the streaming DMA path scales
# with CPUs.  For each thread count (series.threads, default 1 and every
# CPU): series.reps (3) runs of dma_map_benchmark of 4 KiB FROM_DEVICE
# mappings on the spare function, then fio 4k random reads on the scratch
# disk, a job per thread, each job on a CPU of its own.  Prints a
# "# bench scale ..." line each, with the vCPUs' busy time and the pool's
# counters where there is a pool.  dma_map_benchmark does not pin its
# threads, so each run says where they were halfway: on CPUs of their own
# ("parallel") or sharing one ("shared").
. /tests/lib.sh
secs=$(cmdline secs); secs=${secs:-5}
reps=$(cmdline reps); reps=${reps:-3}
ncpu=$(nproc)
threads=$(cmdline threads | tr , ' '); threads=${threads:-"1 $ncpu"}
dev=$(disk scratch) || exit 1
fn=$(pci_fn scratch)
sfn=$(pci_fn spare) && bind_to dma_map_benchmark "$sfn" || exit 1

# busy_us: microseconds all CPUs spent busy so far (1/100 s ticks).
busy_us() {
	awk '$1 == "cpu" { print ($2 + $3 + $4 + $7 + $8 + $9) * 10000; exit }' /proc/stat
}
# pool FN KEY: a counter of FN's pool; empty without a pool.
pool() {
	sed -n "s/^$2: //p" "/sys/kernel/debug/iommu-dma/$1/pool" 2>/dev/null
}
# placement: where dma_map_benchmark's threads run: single, parallel
# (each on a CPU of its own) or shared; /proc/PID/stat field 39 is the CPU.
placement() {
	cpus=$(for p in /proc/[0-9]*; do
		case $(cat "$p/comm" 2>/dev/null) in
		dma-map-bench*) awk '{ print $39 }' "$p/stat" ;;
		esac
	done)
	n=$(echo "$cpus" | grep -c .) distinct=$(echo "$cpus" | sort -u | grep -c .)
	if [ "$n" -le 1 ]; then echo single
	elif [ "$distinct" -eq "$n" ]; then echo parallel
	else echo shared
	fi
}
# Fill the disk once so reads hit written blocks.
dd if=/dev/zero of="$dev" bs=1M count=64 conv=fsync 2>/dev/null

for t in $threads; do
	[ "$t" -le "$ncpu" ] || { echo "# bench error threads=$t: the guest has $ncpu CPUs"; exit 0; }
	for _ in $(seq "$reps"); do
		n0=$(pool "$sfn" new_slots) s0=$(pool "$sfn" stolen)
		(sleep $(((secs + 1) / 2)); placement >/tmp/placed) &
		out=$(dma_map_benchmark -t "$t" -s "$secs" -b 64 -g 1 -d 2) ||
			{ echo "# bench error dma_map_benchmark threads=$t"; exit 0; }
		wait
		map=$(echo "$out" | sed -n 's/^average map latency(us):\([0-9.]*\).*/\1/p')
		unmap=$(echo "$out" | sed -n 's/^average unmap latency(us):\([0-9.]*\).*/\1/p')
		n1=$(pool "$sfn" new_slots) s1=$(pool "$sfn" stolen)
		echo "# bench scale dmamap threads=$t placed=$(cat /tmp/placed) map_us=$map unmap_us=$unmap new_slots=${n0:+$((n1 - n0))} stolen=${s0:+$((s1 - s0))}"
	done

	n0=$(pool "$fn" new_slots) u0=$(busy_us)
	# terse v3: field 8 is read IOPS, summed over the jobs by group_reporting
	r=$(fio --name=scale --filename="$dev" --rw=randread --bs=4k --direct=1 \
		--ioengine=libaio --iodepth=16 --numjobs="$t" --group_reporting \
		--cpus_allowed="0-$((ncpu - 1))" --cpus_allowed_policy=split \
		--time_based --runtime="$secs" --output-format=terse) ||
		{ echo "# bench error fio threads=$t"; exit 0; }
	u1=$(busy_us) n1=$(pool "$fn" new_slots)
	iops=$(echo "$r" | cut -d';' -f8)
	ios=$(echo "$r" | cut -d';' -f6)
	echo "# bench scale fio threads=$t iops=$iops ios=$((ios / 4)) busy_us=$((u1 - u0)) new_slots=${n0:+$((n1 - n0))} held=$(pool "$fn" held)"
done
