#!/bin/sh
# Boot the kernel of the s390x Debian package (make deb) once in QEMU,
# with the modules it needs from the same package (tools/deb-initramfs.sh),
# and run tests/guest/deb.sh: the modules load, fio verifies a zPCI disk,
# and the zPCI checks pass.  Ends "N passed, N failed".
# Kernel parameters: iommu.strict=0, as the README advises, since Debian's
# config makes strict flushing the default; the guest checks lazy mode.
# Usage: deb-boot.sh s390
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ARCH=${1:-s390}
. "$top/tools/arch.sh"
[ "$ARCH" = s390 ] || { echo "deb-boot: only the s390x package is booted (ARCH=s390)" >&2; exit 2; }
"$top/tools/deps.sh" deb boot-s390
set -- "$top"/build/deb/linux-image-*_"$DEBARCH".deb
[ $# -eq 1 ] && [ -f "$1" ] ||
	{ echo "deb-boot: want one build/deb/linux-image-*_$DEBARCH.deb; run 'make deb ARCH=$ARCH'" >&2; exit 1; }
deb=$1
root=$top/build/deb/root-$ARCH
rm -rf "$root"
dpkg-deb -x "$deb" "$root"
set -- "$root"/boot/vmlinuz-*
[ -f "$1" ] || { echo "deb-boot: $deb holds no /boot/vmlinuz-*" >&2; exit 1; }
kernel=$1 release=${1##*/vmlinuz-}
"$top/tools/rootfs.sh" "$ARCH" >/dev/null
initrd=$top/build/deb/initramfs-$ARCH.cpio.gz
"$top/tools/deb-initramfs.sh" "$ARCH" "$root" "$initrd"

log=$top/build/logs/$ARCH-zpci-deb-boot.log
results=$top/build/logs/deb-boot.txt
rc=0
KERNEL=$kernel INITRD=$initrd RUN=deb LOG=$log TIMEOUT=${TIMEOUT:-900} \
	APPEND="iommu.strict=0 series.fq=single,32768,1000" \
	"$top/tools/boot.sh" "$ARCH" zpci || rc=$?
# parse-log.awk also wants KUnit results: Debian's config has no KUnit.
awk -v tag="$ARCH/zpci deb $release" -v lpae=0 -f "$top/tests/host/parse-log.awk" "$log" |
	grep -v '\] kunit: no KUnit results' >"$results" || true
[ $rc -eq 0 ] || echo "not ok [$ARCH/zpci deb $release] QEMU exited with status $rc (log: $log)" >>"$results"
cat "$results"
pass=$(grep -c '^ok ' "$results" || true)
fail=$(grep -c '^not ok ' "$results" || true)
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
