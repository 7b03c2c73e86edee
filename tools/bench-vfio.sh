#!/bin/sh
# VFIO type1 map and unmap latency from user space, measured as the 2015
# range-flush RFC did: 128 KiB, 4 MiB and 18 MiB, SAMPLES maps and unmaps
# of each, in two buffer layouts, as allocated and a page per physically
# contiguous chunk (tests/guest/vfio_latency.c on the spare function), on bench
# kernels (tools/bench-tree.sh) at each modelled intercept cost.  One boot
# per IOMMU, cost and row, rows side by side within a run; then the report
# (tools/bench-vfio-report.sh), medians over samples and runs.
# The cost models a hypervisor's intercept (RPCIT, virtio-iommu sync);
# QEMU's SMMUv3 has none, so it runs at cost 0 only.
# Usage: bench-vfio.sh ARCH   Environment:
#   COST ("0 10"), RUNS (1), SAMPLES (4)
#   IOMMUS  s390: zpci; arm64: "viommu smmuv3"
#   ROWS    "label:flavour:params" as tools/bench.sh (base and series)
#   OUT     result directory (build/bench-vfio/ARCH)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ARCH=$1
. "$top/tools/arch.sh"
costs=${COST:-0 10} runs=${RUNS:-1} samples=${SAMPLES:-4}
out=${OUT:-$top/build/bench-vfio/$ARCH}
for n in $costs; do
	case $n in ''|*[!0-9]*) echo "bench-vfio: COST takes whole numbers of µs, not '$n'" >&2; exit 2 ;; esac
	[ "$n" -le 10000 ] || { echo "bench-vfio: $n is above the kernel's limit of 10000" >&2; exit 2; }
done
for n in "$runs" "$samples"; do
	case $n in ''|0|*[!0-9]*) echo "bench-vfio: RUNS and SAMPLES must be 1 or more, not '$n'" >&2; exit 2 ;; esac
done
case $ARCH in
s390)	iommus=${IOMMUS:-zpci} lazy= ;;
arm64)	iommus=${IOMMUS:-viommu smmuv3} lazy=iommu.strict=0 ;;
esac
for i in $iommus; do
	case $ARCH:$i in s390:zpci|arm64:viommu|arm64:smmuv3) ;;
	*) echo "bench-vfio: no IOMMU '$i' on $ARCH" >&2; exit 2 ;;
	esac
done
# VFIO domains are unmanaged: strictness and the pool do not apply to them,
# only to the disks' DMA; they keep the bench's usual settings.
rows=${ROWS:-base:base:$lazy series:series:$lazy}
"$top/tools/deps.sh" bench

# One bench kernel per flavour, as "flavour image" lines.
images=$("$top/tools/bench-kernels.sh" "$ARCH" "$rows")
mkdir -p "$out"
csv=$out/results.csv
echo "iommu,row,cost_us,run,layout,size,chunks,sample,map_us,unmap_us,map_intercepts,unmap_intercepts" >"$csv"

for run in $(seq "$runs"); do
	for iommu in $iommus; do
		for cost in $costs; do
			[ "$iommu" = smmuv3 ] && [ "$cost" != 0 ] && continue
			for row in $rows; do
				label=${row%%:*} rest=${row#*:}
				flavour=${rest%%:*} params=$(echo "${rest#*:}" | tr , ' ')
				kernel=$(echo "$images" | awk -v f="$flavour" '$1 == f { print $2 }')
				log=$out/$iommu-$label-$cost-$run.log
				echo "bench-vfio: run $run, $iommu, $label, $cost µs per intercept" >&2
				LOG=$log TIMEOUT=600 RUN=bench-vfio KERNEL=$kernel \
					APPEND="series.samples=$samples bench_intercept_us=$cost $params" \
					"$top/tools/boot.sh" "$ARCH" "$iommu" "$flavour" ||
					{ echo "bench-vfio: $iommu, $label at $cost µs failed (log: $log)" >&2; exit 1; }
				tr -d '\r' <"$log" | awk -v pre="$iommu,$label,$cost,$run" '
					/^# bench error/ { print "bench-vfio: " $0 > "/dev/stderr"; bad = 1 }
					/^# bench vfio / {
						delete v
						for (i = 4; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
						print pre "," v["layout"] "," v["size"] "," v["chunks"] "," v["sample"] "," v["map_us"] "," \
							v["unmap_us"] "," v["map_intercepts"] "," v["unmap_intercepts"]
						n++
					}
					END { exit bad || n == 0 }' >>"$csv" ||
					{ echo "bench-vfio: $iommu, $label at $cost µs gave no results (log: $log)" >&2; exit 1; }
			done
		done
	done
done
"$top/tools/bench-vfio-report.sh" "$csv"
