#!/bin/sh
# The guest initramfs for the kernel of a Debian package: the suite's own
# (build/initramfs-ARCH.cpio.gz, tools/rootfs.sh) with a second archive
# appended, which the kernel unpacks over the first: the package's
# modules.* indexes and the modules virtio needs (Debian builds virtio_pci,
# virtio_blk and virtio_net as modules), with everything they depend on
# by the package's modules.dep.
# Usage: deb-initramfs.sh ARCH ROOT OUT   (ROOT: the package unpacked)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ARCH=$1 root=$2 out=$3
. "$top/tools/arch.sh"
"$top/tools/deps.sh" rootfs
base=$top/build/initramfs-$ARCH.cpio.gz
[ -f "$base" ] || { echo "deb-initramfs: $base is missing; run 'make rootfs ARCH=$ARCH'" >&2; exit 1; }
set -- "$root"/lib/modules/*/modules.dep
[ $# -eq 1 ] && [ -f "$1" ] || { echo "deb-initramfs: no single /lib/modules/*/modules.dep in $root" >&2; exit 1; }
dep=$1 mods=${1%/modules.dep}

# The wanted modules' paths (relative to $mods), then their dependencies.
want=
for m in virtio_pci virtio_blk virtio_net; do
	p=$(sed -n "s|^\(\([^:]*/\)\{0,1\}$m\.ko[.a-z]*\):.*|\1|p" "$dep")
	[ -n "$p" ] || { echo "deb-initramfs: the package has no module $m" >&2; exit 1; }
	want="$want $p"
done
todo=$want have=
while [ -n "$todo" ]; do
	next=
	for p in $todo; do
		case " $have " in *" $p "*) continue ;; esac
		have="$have $p"
		next="$next $(grep "^$p:" "$dep" | cut -d: -f2)"
	done
	todo=$next
done

stage=$(mktemp -d "$top/build/deb/initramfs.XXXXXX")
trap 'rm -rf "$stage"' EXIT
chmod 755 "$stage"	# its "." is the guest's root
rel=lib/modules/${mods##*/}
mkdir -p "$stage/$rel"
cp "$mods"/modules.* "$stage/$rel/"
for p in $have; do
	mkdir -p "$stage/$rel/$(dirname "$p")"
	cp "$mods/$p" "$stage/$rel/$p"
done
echo "deb-initramfs: $(echo $have | wc -w) modules:$(for p in $have; do printf ' %s' "${p##*/}"; done)"
{ cat "$base"
  (cd "$stage" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) | gzip -1
} >"$out.tmp"
mv "$out.tmp" "$out"
