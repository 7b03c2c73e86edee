#!/bin/sh
# Boot the series with a bad value for every kernel parameter it adds or
# changes: garbage, out of range, empty ("name=") and bare ("name", which
# an early_param sees as NULL); on s390/zpci all parameters at once in
# each boot (none of them changes what another one checks), and the bare
# dma-iommu ones on arm64 too.  Each boot must finish, name each parameter
# in exactly one message, and keep every default: queue, pool and flush
# mode in debugfs, the aperture in sysfs (tests/guest/params.sh).  And
# one valid but absurd aperture factor, on an 8 GiB guest.
# Usage: bad-params.sh [FLAVOUR]  (series or debug)
# KERNEL_S390, KERNEL_ARM64: images to boot instead of the flavour's.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
flavour=${1:-series}
case $flavour in
series|debug) ;;
*)	echo "bad-params: FLAVOUR is series or debug, not '$flavour' (the parameters are the series')" >&2
	exit 2 ;;
esac
iommu="iommu.dma_pool iommu.dma_pool_threshold iommu.dma_pool_cap iommu.dma_pool_period"
iommu="$iommu iommu.shadow_fq_size iommu.shadow_fq_timeout"
# The defaults where a hypervisor shadows the tables and flushes are lazy
shadow="series.fq=single,32768,1000 series.pool=65536,16777216,5000 series.sys_cache=0"

# boot ARCH VARIANT "PARAMS" "NAMES" VALUE...: one guest with PARAMS and
# NAME=VALUE for each of NAMES in turn ("-": NAME alone), whose defaults
# must hold ($expect).  KUnit's results are the default boot's to report.
boot() {
	arch=$1 variant=$2 append=$3 names=$4
	shift 4
	for name in $names; do
		case $1 in
		-)	append="$append $name" ;;
		*)	append="$append $name=$1" ;;
		esac
		shift
	done
	kernel=${KERNEL_S390:-}
	[ "$arch" = arm64 ] && kernel=${KERNEL_ARM64:-}
	# A healthy boot takes well under a minute, a broken one may hang.
	KERNEL=$kernel TIMEOUT=300 EXPECT="$expect series.warn=$(echo "$names" | tr ' ' ,)" \
		"$top/tests/host/run-guest.sh" "$arch" "$variant" "$flavour" check "${append# }" |
		{ grep -v "\] kunit " || true; }
}
s390="$iommu s390_iommu s390_iommu_aperture"
expect="$shadow series.aperture=1"
#                        dma_pool threshold cap  period shadow_fq_size timeout s390_iommu aperture
boot s390 zpci "" "$s390" nonsense lots      lots soon   big            later   lazy       wide
boot s390 zpci "" "$s390" 2        256K      2G   50     2097152        0       1          4294967296
boot s390 zpci "" "$s390" ''       ''        ''   ''     ''             ''      ''         ''
boot s390 zpci "" "$s390" -        -         -    -      -              -       -          -
# A factor whose product with memory does not fit in 64 bits (2^31 x 8 GiB
# = 2^64) is no limit, like 0; it used to wrap to an empty aperture, and
# the boot died registering it.
expect="$shadow series.aperture=0"
export MEM=8192
boot s390 zpci s390_iommu_aperture=2147483648 ""
unset MEM
# A NULL dereference in a setup function goes unnoticed on s390, whose
# lowcore sits at address 0, and panics arm64 before its console is up.
expect=$shadow
boot arm64 viommu iommu.strict=0 "$iommu" - - - - - -
