# QMP helpers for the host side of the hot-plug tests (sourced by
# hotplug.sh and soak.sh).  They use $log (the guest's console log),
# $guest (the pid of its boot.sh) and $qmp (QEMU's QMP socket).

# cue TEXT [SECONDS]: wait up to SECONDS (120) for the guest to print TEXT;
# fails at once if the guest has gone.
cue() {
	i=0
	until grep -q "$1" "$log" 2>/dev/null; do
		kill -0 "$guest" 2>/dev/null || return 1
		[ $i -lt $((${2:-120} * 2)) ] || return 1
		sleep 0.5
		i=$((i + 1))
	done
}
# qmp COMMAND: one QMP command; its replies, also kept beside the log.
qmp() {
	printf '{"execute":"qmp_capabilities"}\n%s\n' "$1" |
		socat -t 5 - "UNIX-CONNECT:$qmp" | tee -a "$log.qmp"
}
# send COMMAND: fails on an error reply.
send() {
	qmp "$1" | grep -q '"error"' && return 1
	return 0
}
# unplug, replug: the scratch disk (blk0) and its zPCI companion, as
# tools/boot.sh made them; its -blockdev d0 outlives the unplug.
unplug() {
	send '{"execute":"device_del","arguments":{"id":"blk0"}}'
}
replug() {
	send '{"execute":"device_add","arguments":{"driver":"zpci","id":"zpci1","uid":1,"fid":1,"target":"blk0"}}' &&
	send '{"execute":"device_add","arguments":{"driver":"virtio-blk-pci","id":"blk0","drive":"d0","serial":"scratch","iommu_platform":true,"disable-legacy":"on"}}'
}
