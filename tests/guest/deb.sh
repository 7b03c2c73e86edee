#!/bin/sh
# Guest script for the kernel of the s390x Debian package (make deb-boot,
# series.run=deb): Debian's config builds virtio as modules, so load them
# from the package's /lib/modules (appended to the initramfs by
# tools/deb-initramfs.sh), then verify DMA on the zPCI disks and run the
# zPCI checks.  Prints TAP.
. /tests/lib.sh

modules_loaded() {
	echo "uname -r: $(uname -r)"
	[ -f "/lib/modules/$(uname -r)/modules.dep" ] || { echo "no modules for $(uname -r)"; return 1; }
	for m in virtio_pci virtio_blk virtio_net; do
		modprobe "$m" || { echo "modprobe $m failed"; return 1; }
	done
	grep -E '^(virtio_pci|virtio_blk|virtio_net) ' /proc/modules
	wait_disk scratch present 60 && wait_disk pattern present 60
}
# The modules are signed with the build's own key (CONFIG_MODULE_SIG_ALL):
# none may taint the kernel as unsigned.
modules_signed() {
	t=$(cat /proc/sys/kernel/tainted)
	echo "tainted: $t"
	[ $((t & 8192)) -eq 0 ]
}
pattern_read() {
	want=$(cmdline pattern)
	got=$(dd if="$(disk pattern)" bs=64k 2>/dev/null | sha256sum | cut -d' ' -f1)
	echo "host: $want guest: $got"
	[ -n "$want" ] && [ "$want" = "$got" ]
}

tap_begin
check "deb: virtio modules load from the package" modules_loaded
check "deb: the package's modules are signed (no unsigned-module taint)" modules_signed
check "deb: virtio-blk on zPCI: fio random write, crc32c verify" fio_verify
check "deb: virtio-blk on zPCI: host pattern reads back intact" pattern_read
. /tests/zpci.sh
# What a user reads on a guest: the statistics and the pool.
fn=$(pci_fn scratch) && sed "s|^|# $fn statistics: |" "/sys/kernel/debug/pci/$fn/statistics"
for f in /sys/kernel/debug/iommu-dma/*/pool; do
	[ -r "$f" ] && sed "s|^|# ${f#/sys/kernel/debug/} |" "$f"
done
tap_end
