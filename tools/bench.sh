#!/bin/sh
# Benchmark under a modelled hypervisor: every row (a kernel and its
# parameters) at every intercept cost, each with the bench-only patch
# (patches/bench/, tools/bench-tree.sh), which stalls the vCPU for COST
# microseconds per RPCIT or virtio-iommu sync and counts intercepts and
# requests.  Each run boots every row at every cost once, interleaved, so
# machine noise hits all alike; tools/bench-report.sh takes medians.
# Usage: bench.sh ARCH   Environment:
#   COST    "0 10 50": microseconds per intercept, one boot per value;
#           0 (no stall) is t0 of the report's cross-check
#   PAGE_NS 0: nanoseconds more per page an intercept covers
#   RUNS (3), BS (4k,16k,64k,128k), SECS (fio seconds per size; 0
#   reads the whole scratch disk once), MEM (guest MiB, tools/boot.sh),
#   ROWS ("label:flavour:kernel,params" ...; flavour series, base,
#   rev=COMMIT or peer; the first row is the one ratios are taken to),
#   OUT (result directory, build/bench/ARCH)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ARCH=$1
. "$top/tools/arch.sh"
runs=${RUNS:-3} bs=${BS:-4k,16k,64k,128k} secs=${SECS:-5}
costs=${COST:-0 10 50} page_ns=${PAGE_NS:-0}
out=${OUT:-$top/build/bench/$ARCH}
# The kernel keeps its default on a bad value; refuse it here instead.
for c in $costs $page_ns; do
	case $c in
	''|*[!0-9]*) echo "bench: COST and PAGE_NS take whole numbers, not '$c'" >&2; exit 2 ;;
	esac
	[ "$c" -le 10000 ] || { echo "bench: $c is above the kernel's limit of 10000" >&2; exit 2; }
done
case $runs in ''|0|*[!0-9]*) echo "bench: RUNS must be 1 or more, not '$runs'" >&2; exit 2 ;; esac
case $secs in ''|*[!0-9]*) echo "bench: SECS is a whole number of seconds (0: the whole disk), not '$secs'" >&2; exit 2 ;; esac
"$top/tools/deps.sh" bench

# Default rows: the old kernel, the series in strict mode, the series with
# per-CPU flush queues (the commit before the single queue came in), the
# series with its single queue, the series as it is (the bounce-buffer
# pool on), and upstream 6.12 (Debian's linux-source-6.12) as the peer.
# The strict and single rows turn the pool off.  virtio-iommu had no flush
# queue before the series' single queue, so arm64 has no per-CPU row.
tree=$top/build/linux
tag=$(git -C "$tree" describe --tags --abbrev=0 --match 'base-*')
percpu=$(git -C "$tree" log --reverse --format=%h -S shadow_on_flush \
	"$tag"..HEAD -- drivers/iommu/dma-iommu.c | head -n1)
case $ARCH in
s390)	variant=zpci
	rows="base:base: strict:series:iommu.strict=1,iommu.dma_pool=off ${percpu:+per-cpu:rev=$percpu^:}
		single:series:iommu.dma_pool=off pool:series: peer:peer:" ;;
arm64)	variant=viommu
	rows="base:base:iommu.strict=0 strict:series:iommu.strict=1,iommu.dma_pool=off
		single:series:iommu.strict=0,iommu.dma_pool=off pool:series:iommu.strict=0 peer:peer:iommu.strict=0" ;;
esac
rows=${ROWS:-$rows}

# One bench kernel per flavour, as "flavour image" lines.
images=$("$top/tools/bench-kernels.sh" "$ARCH" "$rows")
mkdir -p "$out"
csv=$out/results.csv
echo "row,cost_us,run,bs,iops,ios,kib,intercepts,requests,flushes,stall_us,globals,global_ns,ranged,pool_held,rpcit_ns,rpcit_pages,busy_us,map_us,unmap_us" >"$csv"
echo "$ARCH" >"$out/arch"

n=0 total=$(($(echo $costs | wc -w) * $(echo $rows | wc -w) * runs))
for run in $(seq "$runs"); do
	for cost in $costs; do
		for row in $rows; do
			label=${row%%:*} rest=${row#*:}
			flavour=${rest%%:*} params=$(echo "${rest#*:}" | tr , ' ')
			kernel=$(echo "$images" | awk -v f="$flavour" '$1 == f { print $2 }')
			log=$out/$label-$cost-$run.log
			n=$((n + 1))
			echo "bench: $n/$total: run $run, $label, $cost us per intercept" >&2
			LOG=$log TIMEOUT=900 RUN=bench KERNEL=$kernel \
				APPEND="series.bs=$bs series.secs=$secs bench_intercept_us=$cost bench_intercept_page_ns=$page_ns $params" \
				"$top/tools/boot.sh" "$ARCH" "$variant" "$flavour" ||
				{ echo "bench: $label at $cost us, run $run failed (log: $log)" >&2; exit 1; }
			# A guest whose kernel did not take the cost (no bench patch,
			# a rejected value) must not pass for a modelled one.
			tr -d '\r' <"$log" | awk -v row="$label" -v run="$run" -v cost="$cost" '
				/^# bench error/ { print "bench: " $0 > "/dev/stderr"; bad = 1 }
				/^# bench dmamap/ { for (i = 4; i <= NF; i++) { split($i, kv, "="); d[kv[1]] = kv[2] } }
				/^# bench fio/ {
					delete v
					for (i = 4; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
					if (v["cost_us"] != cost) {
						print "bench: the guest ran at \"" v["cost_us"] "\" us per intercept, not " cost > "/dev/stderr"
						bad = 1
					}
					line[++n] = row "," cost "," run "," v["bs"] "," v["iops"] "," v["ios"] "," v["kib"] "," \
						v["intercepts"] "," v["requests"] "," v["flushes"] "," v["stall_us"] "," \
						v["bench_global"] "," v["global_ns"] "," v["ranged"] "," v["pool_held"] "," \
						v["rpcit_ns"] "," v["rpcit_pages"] "," v["busy_us"]
				}
				END {
					for (i = 1; i <= n; i++) print line[i] "," d["map_us"] "," d["unmap_us"]
					exit bad || n == 0
				}' >>"$csv" || { echo "bench: $label at $cost us, run $run gave no usable results (log: $log)" >&2; exit 1; }
		done
	done
done
"$top/tools/bench-report.sh" "$csv"
