# s390 zPCI checks, sourced by check.sh: the per-function debugfs
# statistics and the function measurement block.

# stat FN NAME: one counter from FN's debugfs statistics file.
stat() {
	sed -n "s/^ *$2:[[:space:]]*\([0-9]*\)$/\1/p" "/sys/kernel/debug/pci/$1/statistics"
}
# The function holding the scratch disk.
scratch_fn() {
	d=$(disk scratch) || return 1
	basename "$(readlink -f "/sys/block/${d#/dev/}/device/..")"
}

zpci_stats() {
	fn=$(scratch_fn) || return 1
	f=/sys/kernel/debug/pci/$fn/statistics
	[ -w "$f" ] || { echo "$f missing"; return 1; }
	# The software counters are shown while the measurement block is on.
	echo 1 >"$f" || { echo "cannot enable statistics"; return 1; }
	before=$(stat "$fn" "Mapped pages")
	dd if="$(disk scratch)" of=/dev/null bs=64k count=64 iflag=direct 2>/dev/null
	after=$(stat "$fn" "Mapped pages")
	echo "Mapped pages: $before -> $after"
	[ -n "$before" ] && [ "$after" -gt "$before" ]
}

# "Refresh operations" counts RPCITs; firmware updates it every 4 s.
zpci_fmb_rpcit() {
	fn=$(scratch_fn) || return 1
	f=/sys/kernel/debug/pci/$fn/statistics
	echo 1 >"$f" || return 1
	grep -q "^Update interval" "$f" || { cat "$f"; return 1; }
	dd if="$(disk scratch)" of=/dev/null bs=4k count=256 iflag=direct 2>/dev/null
	sleep 5
	r=$(stat "$fn" "Refresh operations")
	echo "Refresh operations: $r"
	[ -n "$r" ] && [ "$r" -gt 0 ]
}

check "zpci: debugfs statistics exist and count mappings" zpci_stats
check "zpci: measurement block counts refresh operations (RPCIT)" zpci_fmb_rpcit
