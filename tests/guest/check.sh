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

tap_begin
check "virtio-blk: fio random write, crc32c verify" fio_verify
check "virtio-blk: host pattern reads back intact" pattern_read
check "virtio-net: interface comes up" net_up
check "virtio functions sit behind the IOMMU" iommu_groups
[ "$arch" = s390x ] && . /tests/zpci.sh
# VFIO type1 on the spare disk's function: last, as it takes the disk away.
spare=$(pci_fn spare) && bind_to vfio-pci "$spare" &&
	tap_include vfio_type1 "$spare" || not_ok "spare function bound to vfio-pci"
tap_end
