#!/bin/sh
# Debian binary packages of the series kernel for ARCH, built by the
# kernel's own bindeb-pkg with Debian's configuration (tools/deb-config.sh),
# cross-compiled through ccache; the packages land in build/deb/.
# Naming: uname -r is <version>-zpci-dma-<patches> (tools/deb-config.sh),
# beside Debian's own 6.1.0-N-<arch>.  The package version is the Debian
# version of the base, then +zpcidma<patches>.<UTC build time>: it sorts
# after the base it came from and before the base's next upload, a later
# series (more patches) sorts later, and so does a rebuild of the same
# series after a patch changed, which installs over the package of the
# same name.
# Usage: deb.sh ARCH
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ARCH=${1:-}
. "$top/tools/arch.sh"
"$top/tools/deps.sh" "$ARCH" deb
src=$top/build/linux out=$top/build/deb/obj-$ARCH
[ -e "$src/.git" ] || { echo "deb: $src is missing; run 'make tree'" >&2; exit 1; }
base=$(git -C "$src" describe --tags --abbrev=0 --match 'base-*') ||
	{ echo "deb: build/linux has no base tag; run 'make tree'" >&2; exit 1; }
patches=$(git -C "$src" rev-list --count "$base"..HEAD)
"$top/tools/deb-config.sh" "$ARCH" "$src" "$out"

# bindeb-pkg writes the packages to the parent of the object directory.
rm -f "$top/build/deb/"*"_$DEBARCH.deb" "$top/build/deb/"*"_$DEBARCH.buildinfo" \
	"$top/build/deb/"*"_$DEBARCH.changes"
# LOCALVERSION= (empty): no "+" for a tree past its tag; the name is in
# CONFIG_LOCALVERSION.  Rules-Requires-Root is no, yet 6.1 still runs
# dpkg-buildpackage -rfakeroot.
export KDEB_PKGVERSION="${base#base-}+zpcidma$patches.$(date -u +%Y%m%d%H%M)"
export KDEB_SOURCENAME=linux-zpci-dma KDEB_CHANGELOG_DIST=bookworm
export DEBFULLNAME="series tooling" DEBEMAIL=series@localhost
kmake -j"$(nproc)" LOCALVERSION= bindeb-pkg
# The release is known only after the build has synced the configuration.
release=$(cat "$out/include/config/kernel.release")
"$top/tools/deb-describe.sh" "$top/build/deb/linux-image-${release}_${KDEB_PKGVERSION}_$DEBARCH.deb"
ls "$top/build/deb/"*"_$DEBARCH.deb"
