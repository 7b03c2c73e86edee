#!/bin/sh
# Build the bench kernel (tools/bench-tree.sh) of every flavour that ROWS
# name, once each, and print "FLAVOUR IMAGE", a line per flavour.
# Usage: bench-kernels.sh ARCH "label:flavour:params ..."
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ARCH=$1 rows=$2
. "$top/tools/arch.sh"
built=
for row in $rows; do
	rest=${row#*:} flavour=${rest%%:*}
	case " $built " in *" $flavour "*) continue ;; esac
	built="$built $flavour"
	dirs=$("$top/tools/bench-tree.sh" "$ARCH" "$flavour")
	echo "bench: building $flavour with the bench patch" >&2
	"$top/tools/build.sh" "$ARCH" "${dirs% *}" "${dirs#* }" >/dev/null
	echo "$flavour ${dirs#* }/$IMAGE"
done
