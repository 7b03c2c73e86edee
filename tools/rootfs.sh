#!/bin/sh
# Build the guest initramfs from Debian's own packages: busybox-static and
# fio (with only fio's shared-library closure), plus our cross-compiled test
# programs and shell scripts from tests/guest.  Usage: rootfs.sh ARCH
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ARCH=$1
. "$top/tools/arch.sh"
"$top/tools/deps.sh" rootfs "$ARCH"
work=$top/build/rootfs/$DEBARCH
out=$top/build/initramfs-$ARCH.cpio.gz
mkdir -p "$work"

# 1. Debian's packages, extracted once and cached.
if [ ! -f "$work/debian.stamp" ]; then
	echo "rootfs: extracting busybox-static and fio for $DEBARCH"
	rm -rf "$work/debian" "$work/debian.tar"
	# The host's Debian archives (mmdebstrap's default where it has none).
	"$top/tools/debian-sources.sh" >"$work/sources.list"
	[ -s "$work/sources.list" ] && set -- "$work/sources.list" || set --
	mmdebstrap --quiet --variant=extract --architectures="$DEBARCH" \
		--include=busybox-static,fio bookworm "$work/debian.tar" "$@" ||
		{ echo "rootfs: mmdebstrap failed for $DEBARCH" >&2; exit 1; }
	mkdir "$work/debian"
	tar -xf "$work/debian.tar" -C "$work/debian"
	rm "$work/debian.tar"
	touch "$work/debian.stamp"
fi
deb=$work/debian

# 2. The image tree: busybox, fio and the libraries fio needs.
img=$work/image
rm -rf "$img"
mkdir -p "$img/bin" "$img/usr/bin" "$img/tests" "$img/dev" "$img/proc" "$img/sys" "$img/tmp"
cp "$deb/bin/busybox" "$img/bin/busybox"
cp "$deb/usr/bin/fio" "$img/usr/bin/fio"

# Where the dynamic loader finds a library (by soname) for an object:
# its RUNPATH first (ceph's libraries use one), then the default paths.
find_lib() {	# find_lib SONAME RUNPATH
	for d in $(echo "$2" | tr : ' ') lib/${CROSS%-} usr/lib/${CROSS%-} lib usr/lib; do
		d=${d#/}
		[ -e "$deb/$d/$1" ] && { echo "$d/$1"; return 0; }
	done
	echo "rootfs: fio needs $1, which the extracted packages lack" >&2
	return 1
}
todo=usr/bin/fio
interp=$(${CROSS}readelf -l "$deb/usr/bin/fio" | sed -n 's/.*interpreter: \/\(.*\)]/\1/p')
mkdir -p "$img/$(dirname "$interp")"
cp -L "$deb/$interp" "$img/$interp"
while [ -n "$todo" ]; do
	next=
	for f in $todo; do
		dyn=$(${CROSS}readelf -d "$img/$f")
		runpath=$(echo "$dyn" | sed -n 's/.*(\(RUN\)\{0,1\}PATH).*\[\(.*\)\]/\2/p')
		for so in $(echo "$dyn" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
			path=$(find_lib "$so" "$runpath")
			[ -e "$img/$path" ] && continue
			mkdir -p "$img/$(dirname "$path")"
			cp -L "$deb/$path" "$img/$path"
			next="$next $path"
		done
	done
	todo=$next
done

# 3. Our test programs (static, so they need nothing from Debian) and scripts.
"$top/tools/guest-progs.sh" "$ARCH" "$img/tests"
cp "$top"/tests/guest/*.sh "$img/tests/"
cp "$top/tests/guest/init" "$img/init"
chmod +x "$img/init" "$img"/tests/*

(cd "$img" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) | gzip -1 >"$out.tmp"
mv "$out.tmp" "$out"
echo "rootfs: $out ($(du -h "$out" | cut -f1))"
