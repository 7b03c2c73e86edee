#!/bin/sh
# Guest test suite, run by /init under series.run=check.  Prints TAP.
. /tests/lib.sh
arch=$(uname -m)

# A pattern the host wrote (random data) read back through the IOMMU
# must checksum to what the host computed.
pattern_read() {
	want=$(cmdline pattern)
	got=$(dd if="$(disk pattern)" bs=64k 2>/dev/null | sha256sum | cut -d' ' -f1)
	echo "host: $want guest: $got"
	[ -n "$want" ] && [ "$want" = "$got" ]
}

net_up() {
	ip link set eth0 up && [ "$(cat /sys/class/net/eth0/operstate)" != down ]
}

# Every virtio PCI function (but virtio-iommu itself) is in an IOMMU
# group, so its DMA goes through the IOMMU.
iommu_groups() {
	for d in /sys/bus/pci/devices/*; do
		[ "$(cat "$d/vendor")" = 0x1af4 ] && [ "$(cat "$d/device")" != 0x1057 ] || continue
		[ -e "$d/iommu_group" ] || { echo "${d##*/} has no IOMMU group"; return 1; }
	done
}

# The flush queue dma-iommu chose for the scratch disk's domain, against
# what the host expects (series.fq=none, per-cpu or single,SIZE,TIMEOUT),
# and that it frees entries after I/O.
fq_shape() {
	want=$(cmdline fq)
	[ -n "$want" ] || { echo "no expectation given (base kernel)"; return 2; }
	f=/sys/kernel/debug/iommu-dma/$(pci_fn scratch)/fq
	[ -r "$f" ] || { echo "$f is missing"; return 1; }
	cat "$f"
	val() { sed -n "s/^$1: //p" "$f"; }
	case $want in
	none)	[ "$(val active)" = no ] ;;
	per-cpu) [ "$(val active)" = yes ] && [ "$(val queue)" = per-cpu ] &&
		[ "$(val queues)" = "$(ls -d /sys/devices/system/cpu/cpu[0-9]* | wc -l)" ] ;;
	single,*) [ "$(val active)" = yes ] && [ "$(val queue)" = single ] &&
		[ "$(val queues)" = 1 ] &&
		[ "single,$(val size),$(val timeout_ms)" = "$want" ] ;;
	*)	echo "bad expectation $want"; return 1 ;;
	esac || return 1
	[ "$(val active)" = yes ] || return 0
	# The bounce-buffer pool unmaps nothing: its boots check it instead.
	[ ! -e "${f%/fq}/pool" ] || return 0
	before=$(val entries_freed)
	dd if="$(disk scratch)" of=/dev/null bs=4k count=256 iflag=direct 2>/dev/null
	sleep "$(( $(val timeout_ms) / 1000 + 1 ))"
	echo "entries freed: $before -> $(val entries_freed)"
	[ "$(val entries_freed)" -gt "$before" ]
}

tap_begin
check "virtio-blk: fio random write, crc32c verify" fio_verify
check "virtio-blk: host pattern reads back intact" pattern_read
check "virtio-net: interface comes up" net_up
check "virtio functions sit behind the IOMMU" iommu_groups
check_or_skip "dma-iommu: flush queue as expected ($(cmdline fq))" fq_shape
[ "$arch" = s390x ] && . /tests/zpci.sh
# The pool checks run where the host says what to expect of the pool.
[ -n "$(cmdline pool)" ] && . /tests/pool.sh
# Bad kernel parameters: one message each, and the defaults kept.
[ -n "$(cmdline warn)$(cmdline aperture)" ] && . /tests/params.sh
# Injected faults, where the host asks for them (series.inject=).
[ -n "$(cmdline inject)" ] && . /tests/inject.sh
# VFIO type1 on the spare disk's function: last, as it takes the disk away.
# The system-cache test runs where the host says what the IOMMU supports
# (series.sys_cache=0 or 1); the base kernel has no such flag.
sys_cache_as_expected() {
	grep -qx "# VFIO_SYS_CACHE_IOMMU: $(cmdline sys_cache)" /tmp/include.out
}
if spare=$(pci_fn spare) && bind_to vfio-pci "$spare"; then
	tap_include vfio_type1 "$spare"
	if [ -n "$(cmdline sys_cache)" ]; then
		tap_include vfio_sys_cache_test "$spare"
		check "vfio: system-cache support is $(cmdline sys_cache) here" \
			sys_cache_as_expected
	fi
else
	not_ok "spare function bound to vfio-pci"
fi
tap_end
