#!/bin/sh
# How the streaming DMA path scales with CPUs (issue 11): the pool with
# one lock per domain against per-CPU magazines, and the pool off.  Each
# run boots every row once, rows interleaved; the guest
# (tests/guest/bench-scale.sh) runs dma_map_benchmark and fio 4k random
# reads with 1 thread and with one per CPU.  dma_map_benchmark does not pin
# its threads: its runs count apart by where the threads were (on CPUs of
# their own, "parallel", or "shared").  Then the report
# (tools/bench-scale-report.sh), medians over runs.
# Usage: bench-scale.sh ARCH   Environment:
#   RUNS (5), SECS (5: seconds per measurement), THREADS ("1,2"),
#   REPS (3: dma_map_benchmark runs per thread count and boot),
#   ROWS ("label:flavour:params" as tools/bench.sh; the first is the one
#   ratios are taken to), OUT (build/bench-scale/ARCH)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ARCH=$1
. "$top/tools/arch.sh"
runs=${RUNS:-5} secs=${SECS:-5} threads=${THREADS:-1,2} reps=${REPS:-3}
out=${OUT:-$top/build/bench-scale/$ARCH}
for n in "$runs" "$secs" "$reps"; do
	case $n in ''|0|*[!0-9]*) echo "bench-scale: RUNS, SECS and REPS must be 1 or more, not '$n'" >&2; exit 2 ;; esac
done
for t in $(echo "$threads" | tr , ' '); do
	# boot.sh gives the guest 2 CPUs.
	case $t in 1|2) ;; *) echo "bench-scale: THREADS takes 1 and 2 (the guest's CPUs), not '$t'" >&2; exit 2 ;; esac
done

# The pool before its per-CPU magazines: the commit before the one that
# brought them.  The pool is on by default only for lazy domains.
tree=$top/build/linux
tag=$(git -C "$tree" describe --tags --abbrev=0 --match 'base-*')
mags=$(git -C "$tree" log --reverse --format=%h -S pool_mag_take \
	"$tag"..HEAD -- drivers/iommu/dma-iommu-pool.c | head -n1)
[ -n "$mags" ] || { echo "bench-scale: no commit in $tree brings the pool's magazines" >&2; exit 1; }
case $ARCH in
s390)	variant=zpci lazy=kunit.filter_glob=none ;;
arm64)	variant=viommu lazy=iommu.strict=0,kunit.filter_glob=none ;;
esac
rows=${ROWS:-one-lock:rev=$mags^:$lazy magazines:series:$lazy off:series:$lazy,iommu.dma_pool=off}
"$top/tools/deps.sh" bench

# Plain kernels (tools/flavour.sh): no intercept cost is modelled here.
images=
for row in $rows; do
	rest=${row#*:} flavour=${rest%%:*}
	case $images in *"$flavour "*) continue ;; esac
	dirs=$("$top/tools/flavour.sh" "$ARCH" "$flavour")
	echo "bench-scale: building $flavour" >&2
	"$top/tools/build.sh" "$ARCH" "${dirs% *}" "${dirs#* }" >/dev/null
	images="$images$flavour ${dirs#* }/$IMAGE
"
done
mkdir -p "$out"
csv=$out/results.csv
echo "row,run,kind,threads,map_us,unmap_us,iops,ios,busy_us,new_slots,stolen,held" >"$csv"

n=0 total=$(($(echo "$rows" | wc -w) * runs))
for run in $(seq "$runs"); do
	for row in $rows; do
		label=${row%%:*} rest=${row#*:}
		flavour=${rest%%:*} params=$(echo "${rest#*:}" | tr , ' ')
		kernel=$(echo "$images" | awk -v f="$flavour" '$1 == f { print $2 }')
		log=$out/$label-$run.log
		n=$((n + 1))
		echo "bench-scale: $n/$total: run $run, $label" >&2
		LOG=$log TIMEOUT=600 RUN=bench-scale KERNEL=$kernel \
			APPEND="series.secs=$secs series.reps=$reps series.threads=$threads $params" \
			"$top/tools/boot.sh" "$ARCH" "$variant" "$flavour" ||
			{ echo "bench-scale: $label failed (log: $log)" >&2; exit 1; }
		tr -d '\r' <"$log" | awk -v pre="$label,$run" '
			/^# bench error/ { print > "/dev/stderr"; bad = 1 }
			/^# bench scale / {
				delete v
				for (i = 5; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
				kind = $4 (v["placed"] ~ /^(parallel|shared)$/ ? "-" v["placed"] : "")
				print pre "," kind "," v["threads"] "," v["map_us"] "," v["unmap_us"] "," v["iops"] "," v["ios"] "," v["busy_us"] "," v["new_slots"] "," v["stolen"] "," v["held"]
				n++
			}
			END { exit bad || n == 0 }' >>"$csv" ||
			{ echo "bench-scale: $label, run $run gave no usable results (log: $log)" >&2; exit 1; }
	done
done
"$top/tools/bench-scale-report.sh" "$csv"
