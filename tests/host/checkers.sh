#!/bin/sh
# The debug flavour's checker results for one guest's log (checkers.awk),
# requiring KASAN's boot message only where the arch's debug kernel has
# KASAN (configs/debug-ARCH.config).  Usage: checkers.sh ARCH TAG LOG
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
dirs=$("$top/tools/flavour.sh" "$1" debug)
kasan=0
grep -qx 'CONFIG_KASAN=y' "${dirs#* }/.config" 2>/dev/null && kasan=1
awk -v tag="$2" -v kasan="$kasan" -f "$top/tests/host/checkers.awk" "$3"
