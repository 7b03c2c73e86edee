#!/bin/sh
# Make the guest's shared read-only disk in build/disks: random data whose
# checksum the guest must reproduce.  (boot.sh makes the writable ones.)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
d=$top/build/disks
mkdir -p "$d"
if [ ! -f "$d/pattern.sha256" ]; then
	head -c 16M /dev/urandom >"$d/pattern.img"
	sha256sum <"$d/pattern.img" | cut -d' ' -f1 >"$d/pattern.sha256"
fi
