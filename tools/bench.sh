#!/bin/sh
# Benchmark base and series side by side: each run boots every row once,
# interleaved, so machine noise hits all rows alike; report medians.
# Usage: bench.sh ARCH   Environment: RUNS (3), BS (4k,16k,64k,128k),
#   SECS (fio seconds per size), ROWS ("label:flavour:kernel,params" ...;
#   flavour as for tools/flavour.sh), OUT (result directory).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ARCH=$1
. "$top/tools/arch.sh"
"$top/tools/deps.sh" bench
runs=${RUNS:-3} bs=${BS:-4k,16k,64k,128k} secs=${SECS:-5}
out=${OUT:-$top/build/bench/$ARCH}

# Default rows: the old kernel, the series in strict mode, the series with
# per-CPU flush queues (the commit before the single queue came in), and
# the series as it is.  virtio-iommu had no flush queue before the series'
# single queue, so arm64 has no per-CPU row.
tree=$top/build/linux
tag=$(git -C "$tree" describe --tags --abbrev=0 --match 'base-*')
percpu=$(git -C "$tree" log --reverse --format=%h -S shadow_on_flush \
	"$tag"..HEAD -- drivers/iommu/dma-iommu.c | head -n1)
case $ARCH in
s390)	variant=zpci
	rows="base:base: strict:series:iommu.strict=1 ${percpu:+per-cpu:rev=$percpu^:} single:series:" ;;
arm64)	variant=viommu
	rows="base:base:iommu.strict=0 strict:series:iommu.strict=1 single:series:iommu.strict=0" ;;
esac
rows=${ROWS:-$rows}
for row in $rows; do
	rest=${row#*:}
	"$top/tools/build.sh" "$ARCH" "${rest%%:*}" >/dev/null
done
mkdir -p "$out"
csv=$out/results.csv
echo "row,run,bs,iops,ios,kib,rpcits,flushes,map_us,unmap_us" >"$csv"

for run in $(seq "$runs"); do
	for row in $rows; do
		label=${row%%:*} rest=${row#*:}
		flavour=${rest%%:*} params=$(echo "${rest#*:}" | tr , ' ')
		log=$out/$label-$run.log
		echo "bench: run $run/$runs, $label" >&2
		LOG=$log TIMEOUT=900 RUN=bench \
			APPEND="series.bs=$bs series.secs=$secs $params" \
			"$top/tools/boot.sh" "$ARCH" "$variant" "$flavour" ||
			{ echo "bench: $label run $run failed (log: $log)" >&2; exit 1; }
		tr -d '\r' <"$log" | awk -v row="$label" -v run="$run" '
			/^# bench error/ { print "bench: " $0 > "/dev/stderr"; bad = 1 }
			/^# bench dmamap/ { for (i = 4; i <= NF; i++) { split($i, kv, "="); d[kv[1]] = kv[2] } }
			/^# bench fio/ {
				for (i = 4; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
				line[++n] = row "," run "," v["bs"] "," v["iops"] "," v["ios"] "," v["kib"] "," v["rpcits"] "," v["flushes"]
			}
			END {
				for (i = 1; i <= n; i++) print line[i] "," d["map_us"] "," d["unmap_us"]
				exit bad || n == 0
			}' >>"$csv" || { echo "bench: $label run $run gave no results (log: $log)" >&2; exit 1; }
	done
done
"$top/tools/bench-report.sh" "$csv"
