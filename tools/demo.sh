#!/bin/sh
# The main job: build the series and base kernels for s390, boot each on
# QEMU with virtio on zPCI, run a short fio read, and print IOPS and RPCITs
# per I/O side by side, without and with a modelled intercept cost.
# `make bench` is the full, median-of-3 version.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tools/build.sh" s390 base
"$top/tools/build.sh" s390 series
"$top/tools/rootfs.sh" s390
# Raw TCG and one modelled cost of 50 us per intercept (make bench: 0 10 50).
RUNS=1 BS=${BS:-4k,64k} SECS=${SECS:-5} COST=${COST:-0 50} ROWS="base:base: series:series:" \
	OUT=$top/build/demo "$top/tools/bench.sh" s390
