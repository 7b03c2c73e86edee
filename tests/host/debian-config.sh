#!/bin/sh
# Compile coverage with Debian's own configurations (tools/deb-config.sh):
# every directory the series touches, modules included, for s390 and
# arm64, in the series and in the unpatched base (build/base), without a
# full build.  A compiler warning the series brings there fails; one the
# base has already does not.  Warnings are compared without line numbers,
# as a multiset of "file: message [-Wflag]" lines; where the series has
# no warning at all the base is not compiled.  TAP, one line per arch.
# Usage: debian-config.sh [ARCH...]   (default: s390 arm64)
# SRC: check that tree instead of build/linux (objects beside it, in
# SRC/../obj), e.g. a scratch worktree with a deliberate warning.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
logs=$top/build/logs
mkdir -p "$logs"

# What the series touches, by directory target (objects of modules too),
# and single objects where a directory would mean a subsystem (drm), or
# where Debian's config leaves out a file the series touches but what it
# builds on is there: on s390x ISM, GenWQE, VFIO and with it KVM's zPCI
# part (arch/s390/kvm/pci.o); on arm64 virtio-iommu and GenWQE.  (Drivers
# for other machines, e.g. apple-dart or mtk on arm64, are build-cover's.)
# Another single object is compiled only when its directory is built at
# all (extra: its CONFIG_ symbol).
targets() {
	case $1 in
	s390)	echo "arch/s390/pci/ arch/s390/kvm/ drivers/iommu/ drivers/vfio/
		drivers/s390/net/ drivers/virtio/ drivers/s390/net/ism_drv.o
		arch/s390/kvm/pci.o drivers/vfio/vfio_iommu_type1.o" ;;
	arm64)	echo "drivers/iommu/ drivers/vfio/ drivers/virtio/ drivers/iommu/virtio-iommu.o" ;;
	esac
	echo "net/smc/ drivers/misc/genwqe/ drivers/infiniband/core/ drivers/misc/genwqe/card_utils.o"
}
extra() {	# CONFIG_ symbol and object: the other files the series touches
	cat <<EOT
DRM drivers/gpu/drm/drm_prime.o
DRM_GEM_SHMEM_HELPER drivers/gpu/drm/drm_gem_shmem_helper.o
MLX5_CORE drivers/net/ethernet/mellanox/mlx5/core/pagealloc.o
EOT
}

# compile ARCH SRC OUT LOG: configure, then build every target; the
# compiler's messages go to LOG.
compile() (
	ARCH=$1 src=$2 out=$3
	. "$top/tools/arch.sh"
	# Explicit: under "if ! compile" set -e is off, and a build over a
	# config that was never written prompts for every option.
	"$top/tools/deb-config.sh" "$ARCH" "$src" "$out" || exit 1
	objs=$(extra | while read -r sym obj; do
		grep -qE "^CONFIG_$sym=[ym]" "$out/.config" && echo "$obj"
	done)
	# shellcheck disable=SC2046
	kmake -j"$(nproc)" -k $(targets "$ARCH") $objs
) >"$4" 2>&1

# The warnings of a log, without tree prefix, line and column.
warnings() {
	sed -n 's|^\(.*/\)\{0,1\}linux/||; s|^\([^: ]*\):[0-9]*\(:[0-9]*\)\{0,1\}: warning: |\1: warning: |p' "$1" |
		LC_ALL=C sort
}

series=${SRC:-$top/build/linux}
[ -e "$series/.git" ] || { echo "debian-config: $series is missing; run 'make tree'" >&2; exit 1; }
series=$(cd "$series" && pwd)
if [ "$series" = "$top/build/linux" ]; then sobj=$top/build/obj; else sobj=${series%/*}/obj; fi
for arch in ${*:-s390 arm64}; do
	case $arch in s390|arm64) ;; *) echo "debian-config: unknown ARCH '$arch'" >&2; exit 2 ;; esac
	what="[debian-config] $arch: the directories the series touches compile with Debian's config, no new warnings"
	"$top/tools/deps.sh" "$arch" deb ||
		{ echo "not ok $what (its packages are missing)"; continue; }
	# Object directories as tools/flavour.sh's, at the same relative path
	# from their trees, so base and series hit each other's ccache entries.
	slog=$logs/debian-config-$arch-series.log blog=$logs/debian-config-$arch-base.log
	if ! compile "$arch" "$series" "$sobj/debian-$arch" "$slog"; then
		grep -E 'error|Error|config:|deps:' "$slog" | head -n 20 | sed 's/^/# /'
		echo "not ok $what (series does not compile: $slog)"
		continue
	fi
	warnings "$slog" >"$logs/debian-config-$arch-series.warnings"
	if [ ! -s "$logs/debian-config-$arch-series.warnings" ]; then
		echo "ok $what (none at all)"
		continue
	fi
	base_src=$("$top/tools/flavour.sh" "$arch" base) base_src=${base_src% *}
	if ! compile "$arch" "$base_src" "$top/build/base/obj/debian-$arch" "$blog"; then
		grep -E 'error|Error|config:|deps:' "$blog" | head -n 20 | sed 's/^/# /'
		echo "not ok $what (base does not compile: $blog)"
		continue
	fi
	warnings "$blog" >"$logs/debian-config-$arch-base.warnings"
	new=$(LC_ALL=C comm -13 "$logs/debian-config-$arch-base.warnings" \
		"$logs/debian-config-$arch-series.warnings")
	if [ -n "$new" ]; then
		printf '%s\n' "$new" | sed 's/^/# new: /'
		echo "not ok $what"
	else
		echo "ok $what"
	fi
done
