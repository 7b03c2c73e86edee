# dma-iommu bounce-buffer pool checks, sourced by check.sh.  The host
# says what to expect: series.pool=THRESHOLD,CAP,PERIOD_MS, or off.

# Found once: finding the disk reads its serial, which is I/O (a virtio-blk
# GET_ID request) and would map slots in the very pool being watched.
pool_fn=$(pci_fn scratch)
pool_file() { echo "/sys/kernel/debug/iommu-dma/$pool_fn/pool"; }
# pool_val NAME: one value of the scratch disk's pool statistics.
pool_val() { sed -n "s/^$1: //p" "$(pool_file)"; }
# What the host expects; exit status 2 (a skip) without an expectation.
pool_want() {
	want=$(cmdline pool)
	[ -n "$want" ] || { echo "no expectation given (base kernel)"; return 2; }
}

pool_shape() {
	pool_want || return
	f=$(pool_file)
	if [ "$want" = off ]; then
		[ ! -e "$f" ] || { echo "$f exists"; return 1; }
		return 0
	fi
	[ -r "$f" ] || { echo "$f is missing"; return 1; }
	cat "$f"
	[ "$(pool_val threshold),$(pool_val cap),$(pool_val period_ms)" = "$want" ]
}

# Small direct reads, twice: the second pass must be served by slots the
# first one mapped, with (on s390) no page mapped, so no RPCIT to map one.
# (An eviction pass may unmap idle slots meanwhile: unmaps are not checked.)
pool_reuse() {
	fn=$pool_fn
	dd if="$(disk scratch)" of=/dev/null bs=4k count=1024 iflag=direct 2>/dev/null
	r0=$(pool_val reused) n0=$(pool_val new_slots)
	m0=$(zpci_counter "$fn" "Mapped pages")
	dd if="$(disk scratch)" of=/dev/null bs=4k count=1024 iflag=direct 2>/dev/null
	r1=$(pool_val reused) n1=$(pool_val new_slots)
	m1=$(zpci_counter "$fn" "Mapped pages")
	echo "1024 reads: reused $r0 -> $r1, new slots $n0 -> $n1"
	echo "mapped pages: ${m0:-none} -> ${m1:-none}"
	# Data, request header and status: three mappings per read.
	[ $((r1 - r0)) -ge 3072 ] && [ "$n1" -eq "$n0" ] || return 1
	[ -z "$m0" ] || [ "$m1" -eq "$m0" ]
}

# Writes read back, in sizes below, at and above the threshold, most not
# page multiples (multiples of 512 up to 192k), each block checked by
# crc32c; at iodepth 1 and 128.
pool_verify() {
	r0=$(pool_val reused)
	for depth in 1 128; do
		fio --name=pool --filename="$(disk scratch)" --direct=1 \
			--ioengine=libaio --iodepth=$depth --rw=randwrite \
			--bsrange=512-192k --size=16M \
			--verify=crc32c --do_verify=1 --verify_fatal=1 \
			--output-format=terse >/dev/null || return 1
	done
	cat "$(pool_file)"
	[ "$(pool_val reused)" -gt "$r0" ]
}

# With a cap smaller than iodepth 64 of 64k needs, mappings past it go the
# normal way (counted) and the data stays right.
pool_cap() {
	want=$(cmdline pool)
	cap=$(echo "$want" | cut -d, -f2)
	fio --name=cap --filename="$(disk scratch)" --direct=1 \
		--ioengine=libaio --iodepth=64 --rw=randwrite --bs=64k --size=16M \
		--verify=crc32c --do_verify=1 --verify_fatal=1 \
		--output-format=terse >/dev/null || return 1
	cat "$(pool_file)"
	[ "$(pool_val fallback_cap)" -gt 0 ] && [ "$(pool_val held)" -le "$cap" ]
}

# After two eviction periods without I/O, the pool holds no memory.
pool_evict() {
	want=$(cmdline pool)
	period=$(echo "$want" | cut -d, -f3)
	# Used now, so a pass that comes first only marks the slots unused
	dd if="$(disk scratch)" of=/dev/null bs=4k count=16 iflag=direct 2>/dev/null
	[ "$(pool_val held)" -gt 0 ] || { echo "pool holds nothing to evict"; return 1; }
	# No I/O on the disk meanwhile, not even finding it (see pool_fn)
	sleep "$((2 * period / 1000 + 1))"
	cat "$(pool_file)"
	[ "$(pool_val held)" -eq 0 ] && [ "$(pool_val evicted)" -gt 0 ] &&
		[ "$(pool_val evict_flushes)" -gt 0 ]
}

check_or_skip "dma-iommu: pool as expected ($(cmdline pool))" pool_shape
# The rest where the pool is on
if [ "$(cmdline pool)" != off ]; then
	check "dma-iommu: pool serves repeated small reads without mapping" pool_reuse
	check "dma-iommu: fio crc32c verify through the pool, 512..192k, iodepth 1 and 128" pool_verify
	# Where the cap is smaller than iodepth 64 of 64k needs
	[ "$(cmdline pool | cut -d, -f2)" -lt $((64 * 65536)) ] &&
		check "dma-iommu: past the pool's cap mappings go the normal way" pool_cap
	check "dma-iommu: pool gives its memory back after two periods" pool_evict
fi
