#!/bin/sh
# Compile every IOMMU/VFIO object the series touches or may touch on ARCH
# (arm64: tegra-smmu, apple-dart, mtk_iommu, sprd-iommu, sun50i-iommu,
# arm-smmu, arm-smmu-v3, virtio-iommu, io-pgtable-arm(-v7s), dma-iommu and
# its pool, the IOMMU core and VFIO with vfio_iommu_type1), and the users
# of DMA_ATTR_PERSISTENT_STREAMING (RDMA umem and ODP, DRM PRIME and the
# GEM shmem helper, SMC-R, mlx5, GenWQE).
# Only those directories are built, not a whole platform kernel.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ARCH=$1
. "$top/tools/arch.sh"
[ -f "$top/configs/$ARCH-cover.config" ] ||
	{ echo "build-cover: no configs/$ARCH-cover.config for ARCH=$ARCH" >&2; exit 2; }
"$top/tools/deps.sh" "$ARCH"
src=$top/build/linux out=$top/build/obj/$ARCH-cover
mkdir -p "$out"
frags="$top/configs/common.config $top/configs/$ARCH.config $top/configs/$ARCH-cover.config"
sum=$( (cat $frags; git -C "$src" rev-parse HEAD) | sha256sum)
if [ "$(cat "$out/.fragments" 2>/dev/null)" != "$sum" ]; then
	cat $frags >"$out/fragment.config"
	kmake KCONFIG_ALLCONFIG="$out/fragment.config" allnoconfig >/dev/null
	"$top/tools/check-config.sh" "$out/fragment.config" "$out/.config" "$src"
	echo "$sum" >"$out/.fragments"
fi
objs="drivers/iommu/tegra-smmu.o drivers/iommu/apple-dart.o drivers/iommu/mtk_iommu.o
	drivers/iommu/sprd-iommu.o drivers/iommu/sun50i-iommu.o
	drivers/iommu/arm/arm-smmu/ drivers/iommu/arm/arm-smmu-v3/
	drivers/iommu/virtio-iommu.o drivers/iommu/io-pgtable-arm.o
	drivers/iommu/io-pgtable-arm-v7s.o
	drivers/iommu/iommu.o drivers/iommu/dma-iommu.o
	drivers/iommu/dma-iommu-pool.o drivers/vfio/
	drivers/infiniband/core/umem.o drivers/infiniband/core/umem_odp.o
	drivers/gpu/drm/drm_prime.o drivers/gpu/drm/drm_gem_shmem_helper.o
	net/smc/smc_wr.o drivers/net/ethernet/mellanox/mlx5/core/pagealloc.o
	drivers/misc/genwqe/card_utils.o"
# shellcheck disable=SC2086
kmake -j"$(nproc)" $objs
for o in $objs; do
	case $o in */) ls "$out/$o"*.o >/dev/null ;; *) [ -f "$out/$o" ] ;; esac ||
		{ echo "build-cover: $o was not built" >&2; exit 1; }
done
echo "build-cover: compiled $(echo "$objs" | wc -w) IOMMU/VFIO/DMA-user targets for $ARCH"
