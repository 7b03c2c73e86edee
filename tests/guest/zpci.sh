# s390 zPCI checks, sourced by check.sh: the per-function debugfs
# statistics and the function measurement block.

# Turn the measurement block on unless the kernel already did (6.1 does
# when it enables a function); the software counters show only with it.
fmb_on() {
	grep -q '^Update interval' "$1" || echo 1 >"$1"
}
scratch_fn() { pci_fn scratch; }

zpci_stats() {
	fn=$(scratch_fn) || return 1
	f=/sys/kernel/debug/pci/$fn/statistics
	[ -w "$f" ] || { echo "$f missing"; return 1; }
	fmb_on "$f" || { echo "cannot enable statistics"; return 1; }
	# With the bounce-buffer pool, reads map nothing once its slots are
	# mapped: count from boot, not across these reads.
	dd if="$(disk scratch)" of=/dev/null bs=64k count=64 iflag=direct 2>/dev/null
	after=$(zpci_counter "$fn" "Mapped pages")
	echo "Mapped pages: $after"
	[ -n "$after" ] && [ "$after" -gt 0 ]
}

# "Refresh operations" counts RPCITs; QEMU refreshes the block every 4 s.
# Direct reads map new buffers, and each new mapping needs an RPCIT here.
zpci_fmb_rpcit() {
	fn=$(scratch_fn) || return 1
	f=/sys/kernel/debug/pci/$fn/statistics
	fmb_on "$f" || return 1
	if [ -e "/sys/kernel/debug/iommu-dma/$fn/pool" ]; then
		echo "the pool needs no RPCIT for these reads (checked with iommu.dma_pool=off)"
		return 2
	fi
	sleep 4.5
	before=$(zpci_counter "$fn" "Refresh operations")
	dd if="$(disk scratch)" of=/dev/null bs=4k count=256 iflag=direct 2>/dev/null
	sleep 4.5
	after=$(zpci_counter "$fn" "Refresh operations")
	echo "Refresh operations: $before -> $after"
	[ -n "$before" ] && [ "$after" -gt "$before" ]
}

check "zpci: debugfs statistics exist and count mappings" zpci_stats
check_or_skip "zpci: measurement block counts refresh operations (RPCIT)" zpci_fmb_rpcit

# The flush mode shows in the domain's RPCIT counters: strict mode flushes
# each unmap by range (Sync RPCITs grow with Unmapped pages, no global
# flushes); lazy mode flushes the queue, far fewer times than it unmaps,
# and the single queue (series.fq=single,...) only the span it holds:
# ranged, never global.
zpci_flush_mode() {
	fn=$(scratch_fn) || return 1
	f=/sys/kernel/debug/pci/$fn/statistics
	if ! grep -q "Sync RPCITs" "$f"; then
		echo "no per-domain RPCIT counters in $f"
		return 2
	fi
	if [ -e "/sys/kernel/debug/iommu-dma/$fn/pool" ]; then
		echo "the pool takes these reads (checked with iommu.dma_pool=off)"
		return 2
	fi
	echo 2 >"$f"	# any write resets the counters; 2 leaves the FMB as is
	dd if="$(disk scratch)" of=/dev/null bs=4k count=512 iflag=direct 2>/dev/null
	sleep 1.5	# past the flush queue's timeout (10 ms per-CPU, 1 s single)
	unmapped=$(zpci_counter "$fn" "Unmapped pages")
	sync=$(zpci_counter "$fn" "Sync RPCITs")
	global=$(zpci_counter "$fn" "Global RPCITs")
	echo "mode $mode: unmapped $unmapped, sync $sync, global $global"
	[ "$unmapped" -ge 512 ] || return 1
	case $mode in
	strict)	[ "$sync" -ge 512 ] && [ "$global" -eq 0 ] ;;
	lazy)	[ $((sync + global)) -gt 0 ] && [ $((sync + global)) -lt 128 ] || return 1
		case $(cmdline fq) in single,*) [ "$global" -eq 0 ] ;; esac ;;
	esac
}
# Which mode the kernel parameters ask for: lazy is the s390 default.
expected_mode() {
	case " $(cat /proc/cmdline) " in
	*" iommu.strict=1 "* | *" s390_iommu=strict "*) echo strict ;;
	*) echo lazy ;;
	esac
}
mode_as_asked() {
	# The base kernel's s390 DMA API does not use the core's policy.
	[ -n "$(cmdline fq)" ] || { echo "no expectation given (base kernel)"; return 2; }
	policy=$(dmesg | grep 'DMA domain TLB invalidation policy') ||
		{ echo "no dma-iommu flush policy in the log"; return 2; }
	echo "$policy"
	case $policy in *"policy: $mode mode"*) ;; *) return 1 ;; esac
	case " $(cat /proc/cmdline) " in
	*" s390_iommu=strict "*) dmesg | grep -q "s390_iommu=strict is deprecated" ;;
	esac
}
mode=$(expected_mode)
check_or_skip "zpci: dma-iommu uses $mode flushing as the parameters ask" mode_as_asked
check_or_skip "zpci: $mode flushing shows in the RPCIT counters" zpci_flush_mode
