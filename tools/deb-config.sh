#!/bin/sh
# Configure kernel tree SRC in OUT with Debian's own configuration for
# ARCH (tools/debian-config.sh), then olddefconfig: every option the tree
# adds takes its default, and OUT/newconfig.txt lists them with the value
# chosen.  Changed from Debian's, as anyone building it locally must:
#  - Debian's certificates (debian/certs/) are not ours, and its config
#    names none: no extra trusted keys, and the modules are signed at
#    install by a key generated in OUT/certs/ for this build;
#  - no debug info (DWARF, and BTF on arm64, which needs pahole): on 2
#    cores it would lengthen the build, and make a -dbg package of GBs.
# The local version names the series and its patch count (build/linux),
# for any SRC: base and series then differ only where the series differs,
# and share ccache's hits with make deb (the version is in every object).
# Usage: deb-config.sh ARCH SRC OUT
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
[ $# -eq 3 ] || { echo "usage: deb-config.sh ARCH SRC OUT" >&2; exit 2; }
ARCH=$1 src=$2 out=$3
. "$top/tools/arch.sh"
[ -e "$src/.git" ] || { echo "deb-config: $src is missing; run 'make tree'" >&2; exit 1; }
config=$("$top/tools/debian-config.sh" "$ARCH")
[ -f "$config" ] || { echo "deb-config: Debian's config is not a file: '$config'" >&2; exit 1; }
tree=$top/build/linux
base=$(git -C "$tree" describe --tags --abbrev=0 --match 'base-*') ||
	{ echo "deb-config: build/linux has no base tag; run 'make tree'" >&2; exit 1; }
localversion=-zpci-dma-$(git -C "$tree" rev-list --count "$base"..HEAD)
# Absolute paths: kmake runs make -C SRC.
mkdir -p "$out"
src=$(cd "$src" && pwd) out=$(cd "$out" && pwd)
# Configure again only when an input changed, so a rebuild is just make.
sum=$( (xzcat "$config"; echo "$localversion"; cat "$0"; git -C "$src" rev-parse HEAD) | sha256sum)
[ -f "$out/.config" ] && [ "$(cat "$out/.debian-config" 2>/dev/null)" = "$sum" ] && exit 0
rm -f "$out/.debian-config"
xzcat "$config" >"$out/.config"
"$src/scripts/config" --file "$out/.config" \
	--set-str LOCALVERSION "$localversion" \
	--set-str SYSTEM_TRUSTED_KEYS "" \
	--set-str MODULE_SIG_KEY certs/signing_key.pem \
	--enable MODULE_SIG_ALL \
	--disable DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT --enable DEBUG_INFO_NONE
kmake listnewconfig >"$out/newconfig.txt"
kmake olddefconfig
# What olddefconfig chose for each of them.
sed 's/=.*//' "$out/newconfig.txt" | while read -r opt; do
	grep -E "^$opt=|^# $opt is not set" "$out/.config" || echo "# $opt (not visible)"
done >"$out/newconfig-chosen.txt"
grep -q '^CONFIG_DEBUG_INFO_NONE=y' "$out/.config" ||
	{ echo "deb-config: debug info is still on in $out/.config" >&2; exit 1; }
echo "$sum" >"$out/.debian-config"
