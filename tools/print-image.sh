#!/bin/sh
# Print the path of the built series kernel image for ARCH, or fail.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ARCH=$1
. "$top/tools/arch.sh"
img=$top/build/obj/$ARCH/$IMAGE
[ -f "$img" ] || { echo "print-image: no kernel built for ARCH=$ARCH; run 'make build ARCH=$ARCH'" >&2; exit 1; }
echo "$img"
