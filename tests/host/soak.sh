#!/bin/sh
# Unplug soak: CYCLES (20) times, QMP device_del and device_add of the
# scratch disk's zPCI function while fio verifies on it and on a second
# function (tests/guest/soak.sh), on the debug kernel by default, so
# KASAN, lockdep and the DMA API checks watch every cycle and kmemleak
# scans at the end.  The pools evict after 200 ms, so the guest can see
# them give all memory back.  Usage: soak.sh [FLAVOUR]
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
flavour=${1:-debug}
cycles=${CYCLES:-20}
case $cycles in ''|*[!0-9]*|0) echo "soak: CYCLES is a positive number, not '$cycles'" >&2; exit 2 ;; esac
tag="s390/zpci soak"
[ "$flavour" = series ] || tag="$tag $flavour"
"$top/tools/build.sh" s390 "$flavour" >&2
"$top/tools/rootfs.sh" s390 >&2
"$top/tools/deps.sh" boot-s390
log=$top/build/logs/s390-zpci-$flavour-soak.log
qmp=$(mktemp -u "$top/build/logs/qmp.XXXXXX")
rm -f "$log" "$log.qmp"

# Each cycle takes well under a minute on the debug kernel under TCG.
QMP=$qmp LOG=$log TIMEOUT=$((600 + cycles * 120)) RUN=soak \
	APPEND="iommu.dma_pool_period=200 series.cycles=$cycles" \
	"$top/tools/boot.sh" s390 zpci "$flavour" &
guest=$!

. "$top/tests/host/qmp.sh"
# gone: QEMU has freed the unplugged disk and its zPCI companion (it does
# so a while after the guest lets the function go; an add before then
# fails or goes nowhere).  Waits up to 60 s.
gone() {
	n=0
	while qmp '{"execute":"qom-list","arguments":{"path":"/machine/peripheral"}}' |
		grep -qE '"name": "(blk0|zpci1)"'; do
		n=$((n + 1))
		[ $n -lt 60 ] || return 1
		sleep 1
	done
}
cycle=1
while [ $cycle -le "$cycles" ]; do
	cue "# soak: unplug $cycle now" 300 || break
	unplug || echo "not ok [$tag] cycle $cycle: QMP device_del accepted"
	cue "# soak: plug $cycle now" 300 || break
	gone || echo "not ok [$tag] cycle $cycle: QEMU freed the unplugged disk"
	replug || echo "not ok [$tag] cycle $cycle: QMP device_add accepted"
	cycle=$((cycle + 1))
done
rc=0
wait "$guest" || rc=$?
rm -f "$qmp"
awk -v tag="$tag" -v lpae=0 -f "$top/tests/host/parse-log.awk" "$log" | grep -v '\] kunit'
[ "$flavour" = debug ] && "$top/tests/host/checkers.sh" s390 "$tag" "$log"
[ $rc -eq 0 ] || echo "not ok [$tag] guest finished in time and QEMU exited cleanly (status $rc; log: $log)"
sed -n 's/\r$//; s/^# soak-figures: /# soak figures: /p' "$log"
