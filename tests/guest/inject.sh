# Faults injected through the kernel's fault-injection framework while fio
# verifies the scratch disk; sourced by check.sh after zpci.sh and pool.sh
# where the host asks (series.inject=rpcit and/or pool).  Every check adds
# a line to the figures printed at the end: fault, rate, I/Os verified,
# data errors.

figures=/tmp/inject.figures
: >"$figures"
# Found once, before any injection: finding a disk reads its serial, which
# is a virtio-blk request that needs a mapping of its own.
inj_dev=$(disk scratch)
inj_fn=$(pci_fn scratch)
# zPCI only: the function ID, which fail_rpcit/fid takes.
inj_fid=$(cat "/sys/bus/pci/devices/$inj_fn/function_id" 2>/dev/null)
inj_blk=/sys/block/${inj_dev#/dev/}

# fault_set NAME KEY=VALUE...: configure /sys/kernel/debug/NAME.
fault_set() {
	d=/sys/kernel/debug/$1
	shift
	for kv; do
		echo "${kv#*=}" >"$d/${kv%%=*}" || { echo "cannot set $d/${kv%%=*}"; return 1; }
	done
}

# fio_verified SIZE DEPTH: random writes of mixed sizes read back and
# checked by crc32c; prints "IOS ERRORS" (reads verified, blocks that
# failed the check) and fails with fio, or if it verified nothing.
fio_verified() {
	fio --name=inject --filename="$inj_dev" --direct=1 \
		--ioengine=libaio --iodepth="$2" --rw=randwrite --bsrange=512-128k \
		--size="$1" --verify=crc32c --do_verify=1 --verify_fatal=1 \
		--output-format=json >/tmp/fio.json 2>/tmp/fio.err
	rc=$?
	ios=$(sed -n 's/.*"total_ios" : \([0-9]*\).*/\1/p' /tmp/fio.json | head -n 1)
	errors=$(grep -ciE 'verify failed|bad (magic|header)|bad pattern' /tmp/fio.err)
	echo "${ios:-0} $errors"
	tail -n 5 /tmp/fio.err >&2
	[ "${ios:-0}" -gt 0 ] || return 1
	return $rc
}

# rpcit_ctr NAME: a counter of the scratch disk's domain (zpci.sh).
rpcit_ctr() { zpci_counter "$inj_fn" "$1"; }

# Ranged refreshes: for new mappings, and for the flush queue's flushes.
ranged_rpcits() {
	echo $(($(rpcit_ctr "Sync Map RPCITs") + $(rpcit_ctr "Sync RPCITs")))
}

# With 1 in N ranged refreshes answered "insufficient resources", every
# refused one is retried by a global RPCIT and no mapping fails.
rpcit_enomem() {
	n=$1
	fmb_on "/sys/kernel/debug/pci/$inj_fn/statistics" || return 1
	r0=$(rpcit_ctr "Refused RPCITs") g0=$(rpcit_ctr "Global RPCITs")
	f0=$(rpcit_ctr "Failed RPCITs") s0=$(ranged_rpcits)
	[ -n "$r0" ] || { echo "no Refused RPCITs counter"; return 1; }
	fault_set fail_rpcit hard-error=N verbose=0 space=0 times=-1 \
		interval="$n" fid="$inj_fid" probability=100 || return 1
	out=$(fio_verified 32M 16)
	rc=$?
	fault_set fail_rpcit probability=0
	set -- $out
	refused=$(($(rpcit_ctr "Refused RPCITs") - r0))
	global=$(($(rpcit_ctr "Global RPCITs") - g0))
	failed=$(($(rpcit_ctr "Failed RPCITs") - f0))
	ranged=$(($(ranged_rpcits) - s0))
	echo "rpcit -ENOMEM | 1/$n | $1 | $2 | $ranged ranged refreshes: $refused refused, $global global, $failed failed" >>"$figures"
	echo "ranged $ranged refused $refused global $global failed $failed; fio: $1 verified, $2 bad"
	[ $rc -eq 0 ] && [ "$2" -eq 0 ] && [ "$refused" -gt 0 ] &&
		[ "$global" -ge "$refused" ] && [ "$failed" -eq 0 ]
}

# log_count PATTERN: kernel log lines that match.
log_count() { dmesg | grep -c "$1"; }
# The scratch disk's requests completed so far.
completed() { set -- $(cat "$inj_blk/stat"); echo $(($1 + $5)); }

# With every ranged refresh failing hard (a function in the error state),
# new mappings fail and virtio-blk, like NVMe, takes that for a resource
# shortage and requeues: fio waits with no request completing, the log
# says so once, and when refreshes work again fio finishes with its data
# intact.
rpcit_eio() {
	fid=$(printf '%08x' "$(cat "/sys/bus/pci/devices/$inj_fn/function_id")")
	failed="function $fid: refreshing I/O translations failed (-5)"
	again="function $fid: refreshing I/O translations works again"
	e0=$(log_count "$failed") a0=$(log_count "$again")
	f0=$(rpcit_ctr "Failed RPCITs")
	fault_set fail_rpcit hard-error=Y verbose=0 space=0 times=-1 interval=1 \
		fid="$inj_fid" probability=100 || return 1
	fio_verified 16M 16 >/tmp/eio.out &
	pid=$!
	# The window opens at the first failed refresh (fio starts slowly on
	# a debug kernel) and lasts 3 s.
	i=0
	while [ "$(rpcit_ctr "Failed RPCITs")" -eq "$f0" ] && [ $i -lt 300 ]; do
		sleep 0.2
		i=$((i + 1))
	done
	c0=$(completed)
	sleep 3
	c1=$(completed)
	waiting=no
	kill -0 $pid 2>/dev/null && waiting=yes
	fault_set fail_rpcit probability=0 hard-error=N
	# Bounded: a request that never completes would hang wait for good.
	i=0
	while kill -0 $pid 2>/dev/null && [ $i -lt 600 ]; do sleep 0.2; i=$((i + 1)); done
	kill -0 $pid 2>/dev/null && { echo "fio still runs 2 minutes after the injection stopped"; return 1; }
	wait $pid
	rc=$?
	set -- $(cat /tmp/eio.out)
	fails=$(($(rpcit_ctr "Failed RPCITs") - f0))
	e1=$(($(log_count "$failed") - e0)) a1=$(($(log_count "$again") - a0))
	echo "rpcit -EIO | all, 3 s | $1 | $2 | failed $fails, completed $((c1 - c0)), fio waiting $waiting, logged $e1+$a1 lines" >>"$figures"
	echo "failed refreshes $fails; in the window: $((c1 - c0)) requests completed, fio waiting at its end: $waiting; log: $e1 failed, $a1 works again; fio: $1 verified, $2 bad"
	[ $rc -eq 0 ] && [ "$2" -eq 0 ] && [ "$c1" -eq "$c0" ] && [ $waiting = yes ] &&
		[ "$fails" -gt 0 ] && [ "$e1" -eq 1 ] && [ "$a1" -eq 1 ]
}

# fid= confines the faults to one function: with every refresh of the
# spare disk's function refused, the scratch disk's are not, and the
# spare's are (it is read meanwhile).
rpcit_one_fn() {
	spare_fn=$(pci_fn spare) && spare_dev=$(disk spare) || return 1
	fmb_on "/sys/kernel/debug/pci/$spare_fn/statistics" || return 1
	r0=$(rpcit_ctr "Refused RPCITs")
	s0=$(zpci_counter "$spare_fn" "Refused RPCITs")
	fault_set fail_rpcit hard-error=N verbose=0 space=0 times=-1 interval=1 \
		fid="$(cat "/sys/bus/pci/devices/$spare_fn/function_id")" \
		probability=100 || return 1
	out=$(fio_verified 4M 16)
	rc=$?
	dd if="$spare_dev" of=/dev/null bs=64k count=64 iflag=direct 2>/dev/null || rc=1
	fault_set fail_rpcit probability=0 fid=0xffffffff
	set -- $out
	refused=$(($(rpcit_ctr "Refused RPCITs") - r0))
	spare=$(($(zpci_counter "$spare_fn" "Refused RPCITs") - s0))
	echo "rpcit -ENOMEM, another function's fid | 1/1 | $1 | $2 | refused: $refused here, $spare on $spare_fn" >>"$figures"
	echo "refused: $refused on the scratch disk's function, $spare on the spare's; fio: $1 verified, $2 bad"
	[ $rc -eq 0 ] && [ "$2" -eq 0 ] && [ "$refused" -eq 0 ] && [ "$spare" -gt 0 ]
}

# After the hard failures, the same disk verifies afresh.
rpcit_after() {
	out=$(fio_verified 32M 16)
	rc=$?
	set -- $out
	echo "none, after -EIO | - | $1 | $2 | fresh verify" >>"$figures"
	echo "$1 verified, $2 bad"
	[ $rc -eq 0 ] && [ "$2" -eq 0 ]
}

# fault_range SYMBOL: "START END" of a kernel function, for the
# stack-trace filter: from its address to the next symbol's.
fault_range() {
	sort /proc/kallsyms | awk -v f="$1" '
		$3 == f { start = $1; next }
		start && $1 != start { print "0x" start, "0x" $1; exit }'
}

# The pool's page and slab allocations failing 1 in 10 (fail_page_alloc
# and failslab, only under iommu_dma_pool_map, order 0 included): those
# mappings fall back to the normal way, counted, and the data stays right.
pool_nomem() {
	set -- $(fault_range iommu_dma_pool_map)
	[ $# -eq 2 ] || { echo "iommu_dma_pool_map not in /proc/kallsyms"; return 1; }
	[ $(($1)) -ne 0 ] || { echo "/proc/kallsyms hides addresses (kptr_restrict)"; return 1; }
	# Only new slots allocate: this runs after pool_evict emptied the
	# pool (but for the slot that finding the disk took), and new_slots
	# must grow.
	fault_set fail_page_alloc min-order=0 ignore-gfp-wait=N || return 1
	fault_set failslab ignore-gfp-wait=N || return 1
	for f in fail_page_alloc failslab; do
		fault_set $f verbose=0 space=0 times=-1 interval=1 \
			require-start="$1" require-end="$2" stacktrace-depth=32 \
			probability=10 || return 1
	done
	nomem0=$(pool_val fallback_nomem) new0=$(pool_val new_slots)
	out=$(fio_verified 32M 16)
	rc=$?
	for f in fail_page_alloc failslab; do
		fault_set $f probability=0 require-start=0 require-end=0xffffffffffffffff
	done
	set -- $out
	nomem=$(($(pool_val fallback_nomem) - nomem0))
	new=$(($(pool_val new_slots) - new0))
	echo "pool page/slab allocation | 1/10 | $1 | $2 | fallbacks $nomem, new slots $new" >>"$figures"
	echo "fallback_nomem +$nomem, new_slots +$new; fio: $1 verified, $2 bad"
	[ $rc -eq 0 ] && [ "$2" -eq 0 ] && [ "$nomem" -gt 0 ] && [ "$new" -gt 0 ]
}

case ,$(cmdline inject), in
*,rpcit,*)
	for n in 1 10 100 1000; do
		check "fail_rpcit: -ENOMEM at 1 in $n refreshes, retried globally, fio verify clean" \
			rpcit_enomem $n
	done
	check "fail_rpcit: -EIO stops the I/O, logged once, and it completes intact after" rpcit_eio
	check "fail_rpcit: the disk verifies afresh once refreshes work" rpcit_after
	check "fail_rpcit: fid= fails one function's refreshes, not another's" rpcit_one_fn ;;
esac
# Map requests that virtio-iommu refuses (fail_viommu_map): each failed
# mapping must reach its caller, which virtio-blk requeues; one taken for
# a success would leave the IOVA unmapped and the data wrong.
viommu_map_fails() {
	n=20
	fault_set fail_viommu_map verbose=0 space=0 interval=1 probability=100 \
		times=$n || return 1
	out=$(fio_verified 16M 16)
	rc=$?
	left=$(cat /sys/kernel/debug/fail_viommu_map/times)
	fault_set fail_viommu_map probability=0
	set -- $out
	echo "viommu map -EINVAL | first $n | $1 | $2 | $((n - left)) map requests refused" >>"$figures"
	echo "$((n - left)) of $n map requests refused; fio: $1 verified, $2 bad"
	[ $rc -eq 0 ] && [ "$2" -eq 0 ] && [ "$left" -eq 0 ]
}

case ,$(cmdline inject), in
*,viommu,*)
	check "fail_viommu_map: refused map requests fail their mappings, fio verify clean" \
		viommu_map_fails ;;
esac
case ,$(cmdline inject), in
*,pool,*)
	check "dma-iommu: pool allocations failing 1 in 10 fall back, fio verify clean" pool_nomem ;;
esac
# The figures, for the host's log (fault | rate | I/Os verified | data errors | detail)
sed 's/^/# inject: /' "$figures"
