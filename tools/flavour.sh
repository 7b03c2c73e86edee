#!/bin/sh
# Print the source tree and object directory ("SRC OBJ") of a kernel
# flavour, making worktrees of build/linux as needed:
#   series  build/linux as it is
#   debug   build/linux as it is, plus configs/debug.config (tools/build.sh),
#           in its own object directory
#   base    the pristine base tag
#   rev=R   any commit R of build/linux (e.g. a point inside the series)
# Every tree sits two levels below build/, beside its objects, so relative
# paths (and so ccache's hashes) are the same for all of them.
# Usage: flavour.sh ARCH FLAVOUR
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ARCH=$1 flavour=$2
tree=$top/build/linux
case $flavour in
series)	echo "$tree $top/build/obj/$ARCH"; exit 0 ;;
debug)	echo "$tree $top/build/obj/$ARCH-debug"; exit 0 ;;
base)	rev=$(git -C "$tree" describe --tags --abbrev=0 --match 'base-*' 2>/dev/null) ||
		{ echo "flavour: build/linux has no base tag; run 'make tree'" >&2; exit 1; }
	dir=$top/build/base ;;
rev=*)	rev=$(git -C "$tree" rev-parse --verify -q "${flavour#rev=}^{commit}") ||
		{ echo "flavour: no commit '${flavour#rev=}' in build/linux" >&2; exit 1; }
	dir=$top/build/rev-$(git -C "$tree" rev-parse --short "$rev") ;;
*)	echo "flavour: unknown flavour '$flavour' (series, debug, base or rev=COMMIT)" >&2; exit 2 ;;
esac
want=$(git -C "$tree" rev-parse "$rev^{commit}")
if [ ! -e "$dir/linux/.git" ]; then
	mkdir -p "$dir"
	git -C "$tree" worktree add -q --detach "$dir/linux" "$want" >&2
elif [ "$(git -C "$dir/linux" rev-parse HEAD)" != "$want" ]; then
	git -C "$dir/linux" checkout -q --detach "$want" >&2
fi
echo "$dir/linux $dir/obj/$ARCH"
