#!/bin/sh
# Print the path of Debian's own kernel configuration for ARCH
# (config.<debarch>_none_<debarch>.xz from linux-config-6.1), fetching it
# when it is not installed.  linux-config-6.1 is per architecture and
# Multi-Arch: same, so the s390x and arm64 ones can only be installed
# beside the host's at the very same version, and Debian's s390x build
# can lag behind (6.1.176-1 while amd64 has 6.1.192-3).  So the package
# is downloaded with apt-get and unpacked under build/deb/linux-config,
# the version of patches/BASE when Debian serves it, else the newest.
# Usage: debian-config.sh ARCH
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ARCH=${1:-}
. "$top/tools/arch.sh"
name=config.${DEBARCH}_none_${DEBARCH}.xz
dir=$top/build/deb/linux-config
for f in "/usr/src/linux-config-6.1/$name" "$dir/$DEBARCH/usr/src/linux-config-6.1/$name"; do
	[ -f "$f" ] && { echo "$f"; exit 0; }
done
"$top/tools/deps.sh" deb
if [ "$(id -u)" != 0 ]; then
	echo "debian-config: $name is missing; as root, run this again or" \
		"'dpkg --add-architecture $DEBARCH && apt-get update && apt-get install linux-config-6.1:$DEBARCH'" >&2
	exit 1
fi
if [ "$DEBARCH" != "$(dpkg --print-architecture)" ] &&
   ! dpkg --print-foreign-architectures | grep -qx "$DEBARCH"; then
	echo "debian-config: adding architecture $DEBARCH to dpkg, for linux-config-6.1:$DEBARCH" >&2
	dpkg --add-architecture "$DEBARCH"
	apt-get update -qq >/dev/null || { echo "debian-config: apt-get update failed" >&2; exit 1; }
fi
want=$(sed -n 's/^version: //p' "$top/patches/BASE")
mkdir -p "$dir"
rm -f "$dir"/linux-config-6.1_*_"$DEBARCH".deb
# apt-get download writes to the current directory.
if ! (cd "$dir" && apt-get download -q "linux-config-6.1:$DEBARCH=$want") >/dev/null 2>&1; then
	(cd "$dir" && apt-get download -q "linux-config-6.1:$DEBARCH") >/dev/null 2>&1 ||
		{ echo "debian-config: Debian serves no linux-config-6.1:$DEBARCH" >&2; exit 1; }
	echo "debian-config: no linux-config-6.1:$DEBARCH $want; using" \
		"$(ls "$dir" | sed -n "s/^linux-config-6.1_\(.*\)_$DEBARCH.deb$/\1/p")" >&2
fi
dpkg-deb -x "$dir"/linux-config-6.1_*_"$DEBARCH".deb "$dir/$DEBARCH"
[ -f "$dir/$DEBARCH/usr/src/linux-config-6.1/$name" ] ||
	{ echo "debian-config: linux-config-6.1:$DEBARCH holds no $name" >&2; exit 1; }
echo "$dir/$DEBARCH/usr/src/linux-config-6.1/$name"
