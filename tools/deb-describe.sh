#!/bin/sh
# Say in a built linux-image package what the series changes.  Linux
# 6.1's bindeb-pkg (scripts/package/mkdebian) writes a fixed Description
# and reads no variable for it, so the control file of the finished
# package is rewritten (dpkg-deb -R, then -b); nothing else changes.
# Usage: deb-describe.sh linux-image-….deb
set -eu
deb=$1
[ -f "$deb" ] || { echo "deb-describe: no package $deb" >&2; exit 1; }
tmp=$(mktemp -d "${deb%/*}/describe.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -R "$deb" "$tmp/pkg"
ctl=$tmp/pkg/DEBIAN/control
release=$(sed -n 's/^Package: linux-image-//p' "$ctl")
sed -i '/^Description:/,$d' "$ctl"
cat >>"$ctl" <<EOT
Description: Linux $release with the s390 zPCI DMA on dma-iommu series
 Debian's linux 6.1 with Debian's configuration, plus a patch series that
 moves s390 PCI DMA from its own DMA API onto the generic dma-iommu layer,
 defers IOTLB flushes to one large queue where z/VM or KVM shadows the
 I/O translation tables (iommu.shadow_fq_size, iommu.shadow_fq_timeout),
 bounces small streaming mappings through buffers that stay mapped
 (iommu.dma_pool*), and counts mappings and refreshes per zPCI function
 in debugfs.  Modules are signed with a key made for this build.
EOT
dpkg-deb -b -Zxz "$tmp/pkg" "$tmp/new.deb" >/dev/null
mv "$tmp/new.deb" "$deb"
