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
rm -f "$log" "$log.qmp"

QMP=$qmp LOG=$log TIMEOUT=300 RUN=hotplug "$top/tools/boot.sh" s390 zpci "$flavour" &
guest=$!

. "$top/tests/host/qmp.sh"
if cue "# hotplug: unplug now"; then
	unplug || echo "not ok [$tag] QMP device_del accepted"
fi
if cue "# hotplug: plug now"; then
	replug || echo "not ok [$tag] QMP device_add accepted"
fi
rc=0
wait "$guest" || rc=$?
rm -f "$qmp"
awk -v tag="$tag" -v lpae=0 -f "$top/tests/host/parse-log.awk" "$log" | grep -v '\] kunit'
[ "$flavour" = debug ] && "$top/tests/host/checkers.sh" s390 "$tag" "$log"
[ $rc -eq 0 ] || echo "not ok [$tag] guest finished in time and QEMU exited cleanly (status $rc)"
