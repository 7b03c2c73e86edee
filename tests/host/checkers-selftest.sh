#!/bin/sh
# The debug checkers' parser (tests/host/checkers.awk) must pass a clean
# log and fail each report it exists to catch: one fake console log per
# checker, each a clean log plus one report line (or a kmemleak object).
# Prints "ok/not ok [runner] ..." lines.  Usage: checkers-selftest.sh
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
awkf=$top/tests/host/checkers.awk
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A clean log: every checker's boot message, kmemleak's reports empty
# but for an object outside the series, which is shown, not failed.
clean() {
	cat <<'LOG'
KernelAddressSanitizer initialized
Lock dependency validator: Copyright (c) 2006 Red Hat, Inc., Ingo Molnar
DMA-API: preallocated 65536 debug entries
DMA-API: debugging enabled by kernel config
kmemleak: Kernel memory leak detector initialized (mem pool available: 15000)
# series-kmemleak-begin start
unreferenced object 0x0000000081234000 (size 64):
  comm "swapper/0", pid 1, jiffies 4294892296 (age 12.340s)
  backtrace:
    [<000000001a2b3c4d>] __kmalloc+0x1a2/0x3c0
    [<000000001a2b3c4e>] kobject_set_name_vargs+0x3a/0xd0
# series-kmemleak-end start
# series-kmemleak-begin end
# series-kmemleak-end end
LOG
}
# expect NAME RESULT-PATTERN [LINE]: the clean log plus LINE must give a
# result line matching RESULT-PATTERN (grep -E).
expect() {
	{ clean; [ $# -lt 3 ] || printf '%s\n' "$3"; } >"$tmp/log"
	out=$(awk -v tag=t -f "$awkf" "$tmp/log")
	if printf '%s\n' "$out" | grep -qE "$2"; then
		echo "ok [runner] checkers.awk: $1"
	else
		echo "not ok [runner] checkers.awk: $1"
		printf '%s\n' "$out" | sed 's/^/# /'
	fi
}
all_ok() {	# the clean log: no failure at all
	clean >"$tmp/log"
	out=$(awk -v tag=t -f "$awkf" "$tmp/log")
	if printf '%s\n' "$out" | grep -q '^not ok'; then
		echo "not ok [runner] checkers.awk: a clean log passes"
		printf '%s\n' "$out" | sed 's/^/# /'
	else
		echo "ok [runner] checkers.awk: a clean log passes"
	fi
}
all_ok
expect "a KASAN report fails" '^not ok \[t\] no KASAN report' \
	'BUG: KASAN: slab-use-after-free in iommu_dma_pool_unmap+0x5a/0x1c0'
expect "a lockdep splat fails" '^not ok \[t\] no lockdep report' \
	'WARNING: possible circular locking dependency detected'
expect "sleeping in atomic context fails" '^not ok \[t\] no sleeping in atomic context' \
	'BUG: sleeping function called from invalid context at mm/slab.h:712'
expect "a DMA API debug report fails" '^not ok \[t\] no DMA API debug report' \
	'WARNING: CPU: 0 PID: 1 at kernel/dma/debug.c:990 check_unmap+0x5e/0x9c0 virtio-pci 0000:00:00.0: DMA-API: device driver frees DMA memory with different size'
expect "list corruption fails" '^not ok \[t\] no list corruption' \
	'list_del corruption, 0000000012345678->next is LIST_POISON1 (0000000000000100)'
expect "kmemleak turned off fails" '^not ok \[t\] kmemleak stayed on' \
	'kmemleak: Kernel memory leak detector disabled'
expect "a leak from IOMMU code fails" '^not ok \[t\] kmemleak: no unreferenced object .*\(1 of 2 objects\)' \
	"$(printf '%s\n' '# series-kmemleak-begin end' \
		'unreferenced object 0x0000000082345000 (size 128):' \
		'  comm "fio", pid 80, jiffies 4294899999 (age 8.100s)' '  backtrace:' \
		'    [<000000001a2b3c4d>] kmalloc_trace+0x4a/0x80' \
		'    [<(____ptrval____)>] pool_new_slot+0x9e/0x4a0' \
		'    [<000000001a2b3c50>] iommu_dma_pool_map+0x6c/0x200' \
		'# series-kmemleak-end end')"
# A kernel without a checker: no boot message, no pass.
clean | grep -v KernelAddressSanitizer >"$tmp/log"
if awk -v tag=t -f "$awkf" "$tmp/log" | grep -q '^not ok \[t\] debug checkers on.*KASAN'; then
	echo "ok [runner] checkers.awk: a kernel without KASAN fails"
else
	echo "not ok [runner] checkers.awk: a kernel without KASAN fails"
fi
clean | grep -v 'series-kmemleak-.* end' >"$tmp/log"
if awk -v tag=t -f "$awkf" "$tmp/log" | grep -q '^not ok \[t\] kmemleak: no report after the run'; then
	echo "ok [runner] checkers.awk: a log without kmemleak's last report fails"
else
	echo "not ok [runner] checkers.awk: a log without kmemleak's last report fails"
fi
