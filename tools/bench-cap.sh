#!/bin/sh
# No cliff at the pool's cap (issue 11): fio sequential reads at iodepths
# from 1 to well beyond what the pool's cap holds, the pool with a small
# cap and with its default against the pool off, at modelled intercept
# costs (the bench patch, tools/bench-tree.sh).  Past the cap, mappings go
# the normal way, counted: throughput should slide towards the pool-off
# row, not fall below it.  Each run boots every row at every cost once,
# interleaved; the guest is tests/guest/bench-cap.sh; then the report
# (tools/bench-cap-report.sh), medians over runs.
# Usage: bench-cap.sh ARCH   Environment:
#   COST ("0 10"), RUNS (3), BS (4k,64k), DEPTHS (1,4,16,64,256),
#   SECS (3: seconds per size and depth), ROWS ("label:flavour:params" as
#   tools/bench.sh; the first is the one ratios are taken to),
#   OUT (build/bench-cap/ARCH)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ARCH=$1
. "$top/tools/arch.sh"
costs=${COST:-0 10} runs=${RUNS:-3} secs=${SECS:-3}
bs=${BS:-4k,64k} depths=${DEPTHS:-1,4,16,64,256}
out=${OUT:-$top/build/bench-cap/$ARCH}
for n in $costs; do
	case $n in ''|*[!0-9]*) echo "bench-cap: COST takes whole numbers of µs, not '$n'" >&2; exit 2 ;; esac
	[ "$n" -le 10000 ] || { echo "bench-cap: $n is above the kernel's limit of 10000" >&2; exit 2; }
done
for n in "$runs" "$secs"; do
	case $n in ''|0|*[!0-9]*) echo "bench-cap: RUNS and SECS must be 1 or more, not '$n'" >&2; exit 2 ;; esac
done
for d in $(echo "$depths" | tr , ' '); do
	case $d in ''|0|*[!0-9]*) echo "bench-cap: DEPTHS takes iodepths from 1 to 1024, not '$d'" >&2; exit 2 ;; esac
	[ "$d" -le 1024 ] || { echo "bench-cap: DEPTHS takes iodepths from 1 to 1024, not '$d'" >&2; exit 2; }
done
for b in $(echo "$bs" | tr , ' '); do
	# The guest counts I/Os as KiB over the size: whole KiB only.
	case $b in [1-9]k|[1-9][0-9]k|1[0-2][0-9]k) ;; *) echo "bench-cap: BS takes sizes from 1k to 128k, not '$b'" >&2; exit 2 ;; esac
done
# Lazy flushing, where the pool is on by default; no KUnit at boot.
case $ARCH in
s390)	variant=zpci lazy=kunit.filter_glob=none ;;
arm64)	variant=viommu lazy=iommu.strict=0,kunit.filter_glob=none ;;
esac
rows=${ROWS:-off:series:$lazy,iommu.dma_pool=off cap-256k:series:$lazy,iommu.dma_pool_cap=256K cap-16m:series:$lazy}
"$top/tools/deps.sh" bench

# One bench kernel per flavour, as "flavour image" lines.
images=$("$top/tools/bench-kernels.sh" "$ARCH" "$rows")
mkdir -p "$out"
csv=$out/results.csv
echo "row,cost_us,run,bs,depth,iops,ios,intercepts,fb_cap,stolen,new_slots,held" >"$csv"

n=0 total=$(($(echo "$costs" | wc -w) * $(echo "$rows" | wc -w) * runs))
for run in $(seq "$runs"); do
	for cost in $costs; do
		for row in $rows; do
			label=${row%%:*} rest=${row#*:}
			flavour=${rest%%:*} params=$(echo "${rest#*:}" | tr , ' ')
			kernel=$(echo "$images" | awk -v f="$flavour" '$1 == f { print $2 }')
			log=$out/$label-$cost-$run.log
			n=$((n + 1))
			echo "bench-cap: $n/$total: run $run, $label, $cost µs per intercept" >&2
			LOG=$log TIMEOUT=900 RUN=bench-cap KERNEL=$kernel \
				APPEND="series.bs=$bs series.depths=$depths series.secs=$secs bench_intercept_us=$cost $params" \
				"$top/tools/boot.sh" "$ARCH" "$variant" "$flavour" ||
				{ echo "bench-cap: $label failed (log: $log)" >&2; exit 1; }
			tr -d '\r' <"$log" | awk -v pre="$label,$cost,$run" '
				/^# bench error/ { print > "/dev/stderr"; bad = 1 }
				/^# bench cap / {
					delete v
					for (i = 4; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
					print pre "," v["bs"] "," v["depth"] "," v["iops"] "," v["ios"] "," v["intercepts"] "," v["fb_cap"] "," v["stolen"] "," v["new_slots"] "," v["held"]
					n++
				}
				END { exit bad || n == 0 }' >>"$csv" ||
				{ echo "bench-cap: $label at $cost µs, run $run gave no usable results (log: $log)" >&2; exit 1; }
		done
	done
done
"$top/tools/bench-cap-report.sh" "$csv"
