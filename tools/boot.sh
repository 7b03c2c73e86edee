#!/bin/sh
# Boot a guest kernel in QEMU (TCG) with virtio disks and a NIC behind the
# IOMMU.  Usage: boot.sh ARCH [VARIANT [FLAVOUR]]
#   s390:  VARIANT zpci (virtio on zPCI, the default), or hercules: the
#          same kernel and initramfs on Hercules, a machine without zPCI
#          (tools/hercules.sh)
#   arm64: VARIANT viommu (virtio-iommu) or smmuv3
#   FLAVOUR series (default), debug, base or rev=COMMIT
# Environment: RUN=shell (interactive, default) or a guest script such as
# check; APPEND adds kernel parameters; KERNEL boots that image instead of
# the flavour's, INITRD that initramfs instead of the suite's (a Debian
# package's kernel with its modules); MEM is guest memory in MiB (1024);
# LOG, TIMEOUT (s) and QMP (a socket path) apply to non-interactive runs;
# NVME=1 adds an NVMe controller with a 64 MiB scratch namespace, serial
# nvme0 (arm64 only: qemu-system-s390x has no NVMe; tools/bench-sg.sh).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ARCH=$1
. "$top/tools/arch.sh"
flavour=${3:-series}
# KERNEL= boots another image in the flavour's place (a bench kernel).
if [ -n "${KERNEL:-}" ]; then
	kernel=$KERNEL
else
	dirs=$("$top/tools/flavour.sh" "$ARCH" "$flavour")
	kernel=${dirs#* }/$IMAGE
fi
initrd=${INITRD:-$top/build/initramfs-$ARCH.cpio.gz}
mem=${MEM:-1024}
case $mem in
''|*[!0-9]*) echo "boot: MEM is guest memory in MiB, a whole number, not '$mem'" >&2; exit 2 ;;
esac
[ "$mem" -ge 256 ] && [ "$mem" -le 16384 ] ||
	{ echo "boot: MEM=$mem is outside 256 to 16384 MiB" >&2; exit 2; }
for f in "$kernel" "$initrd"; do
	[ -f "$f" ] || { echo "boot: $f is missing; run 'make build rootfs ARCH=$ARCH'" >&2; exit 1; }
done
if [ "$ARCH-${2:-}" = s390-hercules ]; then
	LOG=${LOG:-$top/build/logs/s390-hercules-$flavour-${RUN:-shell}.log} \
		exec "$top/tools/hercules.sh" "$kernel" "$initrd"
fi
"$top/tools/disks.sh"
disks=$top/build/disks
# Writable disks are per boot, so guests can run side by side.
run_dir=$(mktemp -d "$top/build/disks/run.XXXXXX")
trap 'rm -rf "$run_dir"' EXIT
truncate -s 64M "$run_dir/scratch.img"
truncate -s 1M "$run_dir/spare.img"
run=${RUN:-shell}
append="panic=-1 series.run=$run series.pattern=$(cat "$disks/pattern.sha256") ${APPEND:-}"
virtio="iommu_platform=on,disable-legacy=on"

# A device: on s390 each PCI function needs its zpci companion.
dev() {	# dev UID DRIVER ID PROPS
	if [ "$ARCH" = s390 ]; then
		printf -- '-device zpci,id=zpci%s,uid=%s,fid=%s,target=%s ' "$1" "$1" "$1" "$3"
	fi
	printf -- '-device %s,id=%s,%s,%s ' "$2" "$3" "$4" "$virtio"
}
# -blockdev rather than -drive: a backend that outlives device_del, so a
# hot-unplugged disk can be plugged in again.
blockdev() {	# blockdev NODE FILE [ro]
	printf -- '-blockdev driver=raw,node-name=%s,file.driver=file,file.filename=%s,cache.no-flush=on%s ' \
		"$1" "$2" "${3:+,read-only=on}"
}
devs="$(blockdev d0 "$run_dir/scratch.img")
	$(dev 1 virtio-blk-pci blk0 drive=d0,serial=scratch)
	$(blockdev d1 "$disks/pattern.img" ro)
	$(dev 2 virtio-blk-pci blk1 drive=d1,serial=pattern)
	-netdev user,id=n0,restrict=on
	$(dev 3 virtio-net-pci net0 netdev=n0,romfile=)
	$(blockdev d2 "$run_dir/spare.img")
	$(dev 4 virtio-blk-pci blk2 drive=d2,serial=spare)"
# NVMe has no iommu_platform switch: QEMU's virtio-iommu translates
# every PCI function's DMA.
case ${NVME:-0}-$ARCH in
0-*)	;;
1-arm64)	truncate -s 64M "$run_dir/nvme.img"
	devs="$devs $(blockdev d3 "$run_dir/nvme.img") -device nvme,id=nvme0,serial=nvme0,drive=d3" ;;
1-*)	echo "boot: NVME=1 needs ARCH=arm64 (qemu-system-s390x has no NVMe)" >&2; exit 2 ;;
*)	echo "boot: NVME is 0 or 1, not '$NVME'" >&2; exit 2 ;;
esac

case $ARCH-${2:-} in
s390-|s390-zpci)
	"$top/tools/deps.sh" boot-s390
	set -- qemu-system-s390x -M s390-ccw-virtio -cpu max -smp 2 -m "$mem" \
		-append "console=ttysclp0 $append" ;;
arm64-|arm64-viommu)
	"$top/tools/deps.sh" boot-arm64
	set -- qemu-system-aarch64 -M virt,gic-version=3 -cpu max,pauth-impdef=on -smp 2 -m "$mem" \
		-device virtio-iommu-pci -append "console=ttyAMA0 $append" ;;
arm64-smmuv3)
	"$top/tools/deps.sh" boot-arm64
	set -- qemu-system-aarch64 -M virt,gic-version=3,iommu=smmuv3 -cpu max,pauth-impdef=on -smp 2 -m "$mem" \
		-append "console=ttyAMA0 $append" ;;
*)	echo "boot: unknown variant '${2:-}' for ARCH=$ARCH" >&2; exit 2 ;;
esac
# shellcheck disable=SC2086
set -- "$@" -nographic -no-reboot -kernel "$kernel" -initrd "$initrd" $devs ${QMP:+-qmp unix:$QMP,server=on,wait=off}

if [ "$run" = shell ]; then
	"$@"
	exit
fi
log=${LOG:-$top/build/logs/$ARCH-${2:-default}-$flavour-$run.log}
mkdir -p "$(dirname "$log")"
# The guest powers off when done; a hang is cut off, and its status is 124.
rc=0
timeout -k 10 "${TIMEOUT:-600}" "$@" </dev/null >"$log" 2>&1 || rc=$?
exit $rc
