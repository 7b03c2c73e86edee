#!/bin/sh
# Guest side of the hot-unplug test (series.run=hotplug): the host unplugs
# the scratch disk through QMP while fio runs on it, then plugs it back.
# The "# hotplug:" lines are the host's cues.
. /tests/lib.sh

tap_begin
dev=$(disk scratch)
fio --name=load --filename="$dev" --direct=1 --ioengine=libaio --iodepth=32 \
	--rw=randrw --bs=4k --time_based --runtime=120 >/tmp/load.out 2>&1 &
load=$!
sleep 2
echo "# hotplug: unplug now"
check "hot-unplug with fio running: the disk goes away" wait_disk scratch absent
# fio fails on the vanished disk; it must not hang.
sleep 2
kill "$load" 2>/dev/null
wait "$load"
echo "# hotplug: plug now"
check "replug: the disk comes back" wait_disk scratch present
check "replug: fio random write, crc32c verify" fio_verify
tap_end
