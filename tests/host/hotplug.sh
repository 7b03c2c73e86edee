#!/bin/sh
# Hot-unplug and replug a zPCI virtio-blk function through QMP while fio
# runs on it in the guest, then check the guest's results and its kernel
# log.  Usage: hotplug.sh FLAVOUR
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
flavour=${1:-series}
tag="s390/zpci hotplug"
[ "$flavour" = series ] || tag="$tag $flavour"
log=$top/build/logs/s390-zpci-$flavour-hotplug.log
qmp=$(mktemp -u "$top/build/logs/qmp.XXXXXX")
rm -f "$log"

QMP=$qmp LOG=$log TIMEOUT=300 RUN=hotplug "$top/tools/boot.sh" s390 zpci "$flavour" &
guest=$!

# cue TEXT: wait up to 120 s for the guest to print TEXT.
cue() {
	i=0
	until grep -q "$1" "$log" 2>/dev/null; do
		kill -0 "$guest" 2>/dev/null || return 1
		[ $i -lt 240 ] || return 1
		sleep 0.5
		i=$((i + 1))
	done
}
send() {
	printf '{"execute":"qmp_capabilities"}\n%s\n' "$1" |
		socat -t 2 - "UNIX-CONNECT:$qmp" | grep -q '"error"' && return 1
	return 0
}
if cue "# hotplug: unplug now"; then
	send '{"execute":"device_del","arguments":{"id":"blk0"}}' ||
		echo "not ok [$tag] QMP device_del accepted"
fi
if cue "# hotplug: plug now"; then
	send '{"execute":"device_add","arguments":{"driver":"zpci","id":"zpci1","uid":1,"fid":1,"target":"blk0"}}' &&
	send '{"execute":"device_add","arguments":{"driver":"virtio-blk-pci","id":"blk0","drive":"d0","serial":"scratch","iommu_platform":true,"disable-legacy":"on"}}' ||
		echo "not ok [$tag] QMP device_add accepted"
fi
rc=0
wait "$guest" || rc=$?
rm -f "$qmp"
awk -v tag="$tag" -v lpae=0 -f "$top/tests/host/parse-log.awk" "$log" | grep -v '\] kunit'
[ "$flavour" = debug ] && "$top/tests/host/checkers.sh" s390 "$tag" "$log"
[ $rc -eq 0 ] || echo "not ok [$tag] guest finished in time and QEMU exited cleanly (status $rc)"
