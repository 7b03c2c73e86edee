# Helpers for the guest scripts (sourced): TAP output, where the disks
# are, and the DMA workload.  Every result line is "ok N - name" or
# "not ok N - name"; details go to "# " lines.
tap_n=0
tap_begin() { echo "# series-tap-begin"; echo "TAP version 13"; }
tap_end() { echo "1..$tap_n"; echo "# series-tap-end"; }
ok() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $*"; }
not_ok() { tap_n=$((tap_n + 1)); echo "not ok $tap_n - $*"; }
# check NAME COMMAND...: one result from a command's exit status; on
# failure its output is shown as TAP diagnostics.
check() {
	name=$1; shift
	if "$@" >/tmp/check.out 2>&1; then ok "$name"; else
		not_ok "$name"; sed 's/^/# /' /tmp/check.out | tail -n 30
	fi
}
# check_or_skip NAME COMMAND...: as check, but exit status 2 means the
# kernel lacks the feature (e.g. the base kernel): a skip, not a pass.
check_or_skip() {
	name=$1; shift
	"$@" >/tmp/check.out 2>&1
	case $? in
	0)	ok "$name" ;;
	2)	ok "$name # SKIP $(tail -n1 /tmp/check.out)" ;;
	*)	not_ok "$name"; sed 's/^/# /' /tmp/check.out | tail -n 30 ;;
	esac
}
# cmdline KEY: the value of series.KEY= on the kernel command line.
cmdline() { sed -n "s/.*series\.$1=\([^ ]*\).*/\1/p" /proc/cmdline; }
# disk SERIAL: the /dev node of the virtio-blk disk with that serial.
disk() {
	for s in /sys/block/vd*/serial; do
		[ "$(cat "$s")" = "$1" ] && { d=${s%/serial}; echo "/dev/${d##*/}"; return 0; }
	done
	echo "no disk with serial $1" >&2; return 1
}

# DMA correctness: random writes of mixed sizes, each block verified by
# crc32c when read back, so a misdirected or stale mapping is caught.
fio_verify() {
	fio --name=verify --filename="$(disk scratch)" --direct=1 \
		--ioengine=libaio --iodepth=16 --rw=randwrite --bsrange=4k-128k \
		--size=32M --verify=crc32c --do_verify=1 --verify_fatal=1 \
		--verify_backlog=256 --output-format=terse
}

# tap_name "N - name" or "N name": the name.
tap_name() {
	n=${1#* }
	echo "${n#- }"
}

# tap_include PROGRAM ARGS...: fold a TAP-printing program's results into
# this script's numbering; a bail-out or a silent failure is a failure.
tap_include() {
	"$@" >/tmp/include.out 2>&1
	rc=$?
	bad=0
	while IFS= read -r line; do
		case $line in
		"ok "*" # SKIP"*) ok "$1: ${line#ok * # SKIP } # SKIP" ;;
		"ok "*)	ok "$1: $(tap_name "${line#ok }")" ;;
		"not ok "*)	not_ok "$1: $(tap_name "${line#not ok }")"; bad=1 ;;
		"Bail out!"*)	not_ok "$1: ${line#Bail out! }"; bad=1 ;;
		"# "*)	echo "$line" ;;
		esac
	done </tmp/include.out
	if [ $rc -ne 0 ] && [ $bad -eq 0 ]; then
		not_ok "$1 exited with status $rc"
		sed 's/^/# /' /tmp/include.out | tail -n 10
	fi
}

# wait_disk SERIAL present|absent [SECONDS]: poll for the disk with that
# serial to come or go, for up to SECONDS (60).
wait_disk() {
	i=0
	while [ $i -lt $((${3:-60} * 2)) ]; do
		if disk "$1" >/dev/null 2>&1; then
			[ "$2" = present ] && return 0
		else
			[ "$2" = absent ] && return 0
		fi
		sleep 0.5
		i=$((i + 1))
	done
	echo "disk $1 still not $2 after ${3:-60} s"
	return 1
}

# pci_fn SERIAL: the PCI function of the virtio-blk disk with that serial.
pci_fn() {
	d=$(disk "$1") || return 1
	basename "$(readlink -f "/sys/block/${d#/dev/}/device/..")"
}

# zpci_counter FN NAME: one counter from the zPCI function's debugfs
# statistics (shown while its measurement block is on); empty if absent.
zpci_counter() {
	sed -n "s/^ *$2:[[:space:]]*\([0-9]*\)$/\1/p" "/sys/kernel/debug/pci/$1/statistics" 2>/dev/null
}

# bind_to DRIVER FUNCTION: move a PCI function to another driver.
bind_to() {
	echo "$2" >"/sys/bus/pci/devices/$2/driver/unbind"
	echo "$1" >"/sys/bus/pci/devices/$2/driver_override"
	echo "$2" >"/sys/bus/pci/drivers/$1/bind"
}
