#!/bin/sh
# Boot one guest configuration non-interactively and print its results as
# "ok/not ok/skip [tag] name" lines.  Usage: run-guest.sh ARCH VARIANT FLAVOUR RUN [APPEND]
# EXPECT: more kernel parameters, not shown in the results' names (the
# series.* expectations the guest checks).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
arch=$1 variant=$2 flavour=$3 run=$4 append=${5:-}
tag=$arch/$variant${append:+ $append}
[ "$flavour" = series ] || tag="$tag $flavour"
log=$top/build/logs/$arch-$variant-$flavour-$run$(echo "$append" | tr -c 'a-zA-Z0-9=.\n' _).log
timeout=${TIMEOUT:-600}
rc=0
LOG=$log TIMEOUT=$timeout RUN=$run APPEND="$append ${EXPECT:-}" \
	"$top/tools/boot.sh" "$arch" "$variant" "$flavour" || rc=$?
if [ ! -s "$log" ]; then
	echo "not ok [$tag] guest booted (boot.sh exited $rc before any output)"
	exit 0
fi
lpae=0
[ "$arch" = arm64 ] && lpae=1
awk -v tag="$tag" -v lpae="$lpae" -f "$top/tests/host/parse-log.awk" "$log"
# The debug flavour's checkers, each by name (KASAN, lockdep, kmemleak...).
[ "$flavour" = debug ] && "$top/tests/host/checkers.sh" "$arch" "$tag" "$log"
emulator=QEMU
if [ "$variant" = hercules ]; then
	emulator=Hercules
	awk -v tag="$tag" -f "$top/tests/host/hercules-log.awk" "$log"
	# 3: a disabled wait, which hercules-log.awk has just reported.
	[ $rc -eq 3 ] && rc=0
fi
case $rc in
0)	;;
124)	echo "not ok [$tag] guest finished within ${timeout}s (killed; log: $log)" ;;
*)	echo "not ok [$tag] $emulator exited with status $rc (log: $log)" ;;
esac
