#!/bin/sh
# Guest side of the hot-unplug test (series.run=hotplug): the host unplugs
# the scratch disk through QMP while fio runs on it, then plugs it back.
# The "# hotplug:" lines are the host's cues.
. /tests/lib.sh

# wait_disk SERIAL present|absent: poll for up to 60 s.
wait_disk() {
	i=0
	while [ $i -lt 120 ]; do
		if disk "$1" >/dev/null 2>&1; then
			[ "$2" = present ] && return 0
		else
			[ "$2" = absent ] && return 0
		fi
		sleep 0.5
		i=$((i + 1))
	done
	echo "disk $1 still not $2 after 60 s"
	return 1
}

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
