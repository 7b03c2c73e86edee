#!/bin/sh
# Cross-build a guest kernel out of tree with ccache.
# Usage: build.sh ARCH [FLAVOUR]   (series, debug, base or rev=COMMIT: tools/flavour.sh)
#        build.sh ARCH SRC OUT   (any tree, e.g. for bisect-check)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ARCH=$1 flavour=${2:-series}
. "$top/tools/arch.sh"
"$top/tools/deps.sh" "$ARCH"

case $flavour in
series|debug|base|rev=*)
	dirs=$("$top/tools/flavour.sh" "$ARCH" "$flavour")
	src=${dirs% *} out=${dirs#* } ;;
*)	[ -d "$flavour" ] && [ $# -eq 3 ] ||
		{ echo "build: unknown flavour '$flavour'" >&2; exit 2; }
	src=$flavour out=$3 ;;
esac
[ -e "$src/.git" ] || { echo "build: $src is missing; run 'make tree'" >&2; exit 1; }
mkdir -p "$out"

# Configure only when a fragment or the tree's commit changed (a patch may
# change Kconfig defaults), so a rebuild is just make.
frags="$top/configs/common.config $top/configs/$ARCH.config"
if [ "$flavour" = debug ]; then
	frags="$frags $top/configs/debug.config"
	[ ! -f "$top/configs/debug-$ARCH.config" ] || frags="$frags $top/configs/debug-$ARCH.config"
fi
sum=$( (cat $frags; git -C "$src" rev-parse HEAD) | sha256sum)
if [ ! -f "$out/.config" ] || [ "$(cat "$out/.fragments" 2>/dev/null)" != "$sum" ]; then
	cat $frags >"$out/fragment.config"
	kmake KCONFIG_ALLCONFIG="$out/fragment.config" allnoconfig >/dev/null
	"$top/tools/check-config.sh" "$out/fragment.config" "$out/.config" "$src"
	echo "$sum" >"$out/.fragments"
fi
kmake -j"$(nproc)" "$(basename "$IMAGE")"
echo "build: $out/$IMAGE"
