#!/bin/sh
# Guest side of the unplug soak (series.run=soak, tests/host/soak.sh):
# series.cycles=N times, the host unplugs the scratch disk through QMP
# while fio writes and verifies on it, and plugs it back; the replugged
# disk must verify each time.  All along, fio writes and verifies on a
# second function (the spare disk), which must never see an error.  At
# the end every bounce-buffer pool gives its memory back.
# The "# soak:" lines are the host's cues; "# soak-figures:" its numbers.
. /tests/lib.sh

cycles=$(cmdline cycles)
cycles=${cycles:-20}

# ios FILE: the reads fio issued (in a verify job, the blocks verified).
ios() { sed -n 's/.*issued rwts: total=\([0-9]*\),.*/\1/p' "$1" | head -n1; }
# sum_ios FILE: the same, summed over every job in FILE.
sum_ios() {
	sed -n 's/.*issued rwts: total=\([0-9]*\),.*/\1/p' "$1" |
		awk '{ n += $1 } END { print n + 0 }'
}
# reads DEV: the reads the disk has completed.
reads() { read -r n _ <"/sys/block/${1#/dev/}/stat"; echo "$n"; }
# data_errors FILE: fio's verification failures (not I/O errors).
data_errors() { grep -ciE 'verify.*fail|bad magic|bad header|crc32c: .*(bad|fail)' "$1"; }
verify_job() {	# verify_job DEV SIZE: write, then read back and check crc32c
	fio --name=verify --filename="$1" --direct=1 --ioengine=libaio \
		--iodepth=16 --rw=randwrite --bsrange=4k-64k --size="$2" \
		--verify=crc32c --do_verify=1 --verify_fatal=1
}

# The second function: verify passes until told to stop; any failure is
# kept with fio's output.
second=$(disk spare)
: >/tmp/second.ios
: >/tmp/second.err
(
	while [ ! -e /tmp/soak.stop ]; do
		if verify_job "$second" 1M >/tmp/second.out 2>&1; then
			ios /tmp/second.out >>/tmp/second.ios
		else
			cat /tmp/second.out >>/tmp/second.err
		fi
	done
) &
bg=$!

tap_begin
done_cycles=0 load_ios=0 replug_ios=0 replug_bad=0 errors=0 lost=0
cycle=1
while [ $cycle -le "$cycles" ]; do
	dev=$(disk scratch) || { lost=1; break; }
	# Eight synchronous writers, each in its own 8 MiB of the disk, keep
	# eight requests in flight.  Not one libaio job: once del_gendisk has
	# set the capacity to 0, a read returns 0 bytes without an error, and
	# fio verifies the stale buffer of such a read as if it were data
	# when an async engine completes it; a sync engine fails it instead.
	# A job that starts after the disk has gone must fail, not create a
	# file of that name in /dev.
	reads0=$(reads "$dev")
	fio --name=load --filename="$dev" --direct=1 --ioengine=psync \
		--numjobs=8 --size=8M --offset_increment=8M --allow_file_create=0 \
		--rw=randwrite --bsrange=4k-128k --verify=crc32c --verify_backlog=64 \
		--time_based --runtime=600 >/tmp/load.out 2>&1 &
	load=$!
	# Unplug while blocks are being verified, however slow the kernel.
	i=0
	while [ "$(reads "$dev")" -lt $((reads0 + 64)) ] && [ $i -lt 120 ]; do
		sleep 0.5
		i=$((i + 1))
	done
	echo "# soak: unplug $cycle now"
	wait_disk scratch absent 120 >/tmp/wait.out || { cat /tmp/wait.out; lost=1; break; }
	# fio fails on the vanished disk; it must not hang.
	sleep 1
	kill "$load" 2>/dev/null
	wait "$load"
	bad=$(data_errors /tmp/load.out)
	if [ "$bad" -gt 0 ]; then
		echo "# cycle $cycle: $bad data errors on the disk being unplugged:"
		grep -iE 'verify.*fail|bad magic|bad header|crc32c: .*(bad|fail)' /tmp/load.out |
			head -n 5 | sed 's/^/# /'
	fi
	errors=$((errors + bad))
	load_ios=$((load_ios + $(sum_ios /tmp/load.out)))
	echo "# soak: plug $cycle now"
	wait_disk scratch present 120 >/tmp/wait.out || { cat /tmp/wait.out; lost=1; break; }
	if verify_job "$(disk scratch)" 8M >/tmp/replug.out 2>&1; then
		replug_ios=$((replug_ios + $(ios /tmp/replug.out)))
	else
		replug_bad=$((replug_bad + 1))
		echo "# cycle $cycle: the replugged disk failed to verify"
		grep -iE 'error|verify|fail' /tmp/replug.out | head -n 5 | sed 's/^/# /'
	fi
	errors=$((errors + $(data_errors /tmp/replug.out)))
	done_cycles=$cycle
	cycle=$((cycle + 1))
done
touch /tmp/soak.stop
wait "$bg"
second_ios=0
for n in $(cat /tmp/second.ios); do second_ios=$((second_ios + n)); done
errors=$((errors + $(data_errors /tmp/second.err)))

[ $lost -eq 0 ] && [ "$done_cycles" -eq "$cycles" ] &&
	ok "soak: $done_cycles of $cycles unplug/replug cycles, the disk gone and back each time" ||
	not_ok "soak: $done_cycles of $cycles unplug/replug cycles, the disk gone and back each time"
[ $replug_bad -eq 0 ] && [ "$replug_ios" -gt 0 ] &&
	ok "soak: the replugged disk verifies after every cycle ($replug_ios I/Os verified)" ||
	not_ok "soak: the replugged disk verifies after every cycle ($replug_bad failed, $replug_ios I/Os verified)"
if [ -s /tmp/second.err ] || [ "$second_ios" -eq 0 ]; then
	not_ok "soak: the second function never sees an error ($second_ios I/Os verified)"
	grep -iE 'error|verify|fail' /tmp/second.err | head -n 10 | sed 's/^/# /'
else
	ok "soak: the second function never sees an error ($second_ios I/Os verified)"
fi
[ $errors -eq 0 ] && [ "$load_ios" -gt 0 ] &&
	ok "soak: no data error (crc32c mismatch) on either disk, unplugged or not ($load_ios reads on the disk being unplugged)" ||
	not_ok "soak: no data error (crc32c mismatch) on either disk, unplugged or not ($errors; $load_ios reads on the disk being unplugged)"

# Pools: after two eviction periods without I/O, none holds memory.
pool_held() {
	period=$(sed -n 's/^period_ms: //p' /sys/kernel/debug/iommu-dma/*/pool | sort -n | tail -n1)
	[ -n "$period" ] || { echo "no pool in debugfs"; return 1; }
	sleep "$((2 * period / 1000 + 1))"
	bad=0
	for f in /sys/kernel/debug/iommu-dma/*/pool; do
		held=$(sed -n 's/^held: //p' "$f")
		echo "$f: held $held, leaked $(sed -n 's/^leaked: //p' "$f")"
		[ "$held" -eq 0 ] || bad=1
	done
	return $bad
}
check "soak: every pool holds no memory two periods after the last I/O" pool_held
echo "# soak-figures: cycles=$done_cycles ios_verified=$((load_ios + replug_ios + second_ios)) load_ios=$load_ios replug_ios=$replug_ios second_ios=$second_ios data_errors=$errors"
tap_end
