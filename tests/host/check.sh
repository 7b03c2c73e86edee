#!/bin/sh
# The test suite: build the kernels and guest, boot every configuration,
# and end with one line "N passed, N failed".  Usage: check.sh series|base|debug
# (debug: every guest on the kernels built with configs/debug.config)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
flavour=${1:-series}
results=$top/build/logs/check-$flavour.txt
mkdir -p "$top/build/logs"
: >"$results"

for arch in s390 arm64; do
	"$top/tools/build.sh" "$arch" "$flavour"
	"$top/tools/rootfs.sh" "$arch"
done
# The series again with lockdep, atomic-sleep and DMA API checking
# (configs/debug.config), for one s390 guest below.
[ "$flavour" = series ] && "$top/tools/build.sh" s390 debug

# Every arm64 IOMMU/VFIO driver the series touches still compiles.
cover() {
	if "$top/tools/build-cover.sh" arm64 >"$top/build/logs/build-cover.log" 2>&1; then
		echo "ok [build] arm64 IOMMU/VFIO drivers compile (build-cover)"
	else
		tail -n 20 "$top/build/logs/build-cover.log" | sed 's/^/# /'
		echo "not ok [build] arm64 IOMMU/VFIO drivers compile (build-cover)"
	fi
}
[ "$flavour" = series ] && cover | tee -a "$results"
# The directories the series touches compile with Debian's own s390x and
# arm64 configurations, without a warning the base does not have.
[ "$flavour" = series ] && "$top/tests/host/debian-config.sh" | tee -a "$results"

# guest ARCH VARIANT [PARAMS [EXPECT]]: one booted configuration.  EXPECT
# says, in series.* parameters, what the series must do with it; the base
# gets none, and skips those checks.
guest() {
	expect=
	[ "$flavour" = base ] || expect=${4:-}
	EXPECT=$expect "$top/tests/host/run-guest.sh" "$1" "$2" "$flavour" check "${3:-}" |
		tee -a "$results"
}
shadow="series.fq=single,32768,1000 series.sys_cache=0"
# The bounce-buffer pool's defaults: threshold, cap, eviction period (ms)
pool="series.pool=65536,16777216,5000"
# Pool allocations fail 1 in 10 (tests/guest/inject.sh), after the pool
# checks.
guest s390 zpci "" "$shadow $pool series.inject=pool"
# With the pool off, small reads map and unmap, and show how flushes go.
# Strict domains get no pool by default: a cached slot outlives its unmap.
guest s390 zpci iommu.strict=1 "series.fq=none series.sys_cache=0 series.pool=off"
# Refreshes refused or failed while fio verifies: where every I/O maps.
guest s390 zpci "iommu.strict=0 iommu.dma_pool=off" "$shadow series.pool=off series.inject=rpcit"
guest s390 zpci s390_iommu=strict "series.fq=none series.sys_cache=0 series.pool=off"
guest s390 zpci "iommu.shadow_fq_size=1000 iommu.shadow_fq_timeout=50 iommu.dma_pool=off" \
	"series.fq=single,32768,50 series.warn=shadow_fq_size series.sys_cache=0 series.pool=off"
# A pool too small for the load, quick to give memory back; a threshold
# above the largest class is refused with a warning.
guest s390 zpci "iommu.dma_pool_cap=256K iommu.dma_pool_period=200 iommu.dma_pool_threshold=1M" \
	"$shadow series.pool=65536,262144,200 series.warn=dma_pool_threshold"
"$top/tests/host/hotplug.sh" "$flavour" | tee -a "$results"
[ "$flavour" = base ] || "$top/tests/host/bad-params.sh" "$flavour" | tee -a "$results"
# The debug kernel must boot and pass with a clean log: no lockdep, no
# sleeping in atomic context, no DMA API debug report.
if [ "$flavour" = series ]; then
	EXPECT="$shadow $pool" "$top/tests/host/run-guest.sh" s390 zpci debug check "" |
		tee -a "$results"
fi
# The same kernel on Hercules, a z/Architecture machine without zPCI:
# the non-PCI path must stay silent (tests/guest/nopci.sh), and every
# initcall succeed (initcall_debug shows those that fail).
# (Not the debug flavour: without zPCI there is no DMA for its checkers
# to watch, and lockdep and kmemleak on an interpreter would be slow.)
[ "$flavour" = debug ] ||
EXPECT=initcall_debug TIMEOUT=300 "$top/tests/host/run-guest.sh" s390 hercules "$flavour" nopci "" |
	tee -a "$results"
# Map requests the device refuses, where every I/O maps (strict: no pool).
guest arm64 viommu "" "series.fq=none series.sys_cache=0 series.inject=viommu"
guest arm64 viommu iommu.strict=0 "$shadow $pool"
guest arm64 smmuv3 "" "series.fq=none series.sys_cache=1"
guest arm64 smmuv3 iommu.strict=0 "series.fq=per-cpu series.sys_cache=1 series.pool=off"

# The runner itself must notice a guest that panics or hangs, by the
# result that names the failure.
expect_failure() {	# NAME VARIANT RUN TIMEOUT PATTERN...: each (grep -E) in the results
	name=$1 variant=$2 run=$3 limit=$4
	shift 4
	out=$(TIMEOUT=$limit "$top/tests/host/run-guest.sh" s390 "$variant" "$flavour" "$run")
	for want; do
		printf '%s\n' "$out" | grep -qE "$want" || {
			echo "not ok [runner] $name" | tee -a "$results"
			echo "# no result matches: $want"
			return 0
		}
	done
	echo "ok [runner] $name" | tee -a "$results"
	# What the guest's own results said: the cause, and a recovered log.
	printf '%s\n' "$out" | grep '^# ' || true
}
# The debug flavour leaves the runner to make check, and checks instead
# that its own parser fails each checker's report.
if [ "$flavour" = debug ]; then
	"$top/tests/host/checkers-selftest.sh" | tee -a "$results"
else
expect_failure "a guest kernel panic is reported as a failure" zpci panic 120 \
	"^not ok .*kernel log is clean"
expect_failure "a hung guest is cut off and reported as a failure" zpci hang 30 \
	"^not ok .*guest finished within"
# On Hercules a panic is a disabled wait: the log is read from memory.
expect_failure "a Hercules guest's panic is reported, with its log recovered" hercules panic 120 \
	"^not ok .*kernel log is clean" "^# disabled wait \(a panic\)" "^# Kernel panic - not syncing"
expect_failure "a hung Hercules guest is cut off and reported as a failure" hercules hang 45 \
	"^not ok .*guest finished within"
fi

pass=$(grep -c '^ok ' "$results" || true)
fail=$(grep -c '^not ok ' "$results" || true)
skip=$(grep -c '^skip ' "$results" || true)
echo
# Skips (a check that needs what this guest lacks) are named above; the
# last line keeps the one form CI reads.
[ "$skip" -eq 0 ] || echo "($skip skipped, not counted below)"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
