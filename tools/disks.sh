#!/bin/sh
# Make the guest's disks in build/disks: a scratch disk for fio, a disk of
# random data whose checksum the guest must reproduce, and a small spare
# disk whose function the guest rebinds to other drivers.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
d=$top/build/disks
mkdir -p "$d"
[ -f "$d/scratch.img" ] || truncate -s 64M "$d/scratch.img"
[ -f "$d/spare.img" ] || truncate -s 1M "$d/spare.img"
if [ ! -f "$d/pattern.sha256" ]; then
	head -c 16M /dev/urandom >"$d/pattern.img"
	sha256sum <"$d/pattern.img" | cut -d' ' -f1 >"$d/pattern.sha256"
fi
