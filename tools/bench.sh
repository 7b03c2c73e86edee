#!/bin/sh
# Benchmark base and series side by side: each run boots every row once,
# interleaved, so machine noise hits all rows alike; report medians.
# Usage: bench.sh ARCH   Environment: RUNS (3), BS (4k,16k,64k,128k),
#   SECS (fio seconds per size), ROWS ("label:flavour:kernel-params" ...),
#   OUT (result directory).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ARCH=$1
. "$top/tools/arch.sh"
"$top/tools/deps.sh" bench
runs=${RUNS:-3} bs=${BS:-4k,16k,64k,128k} secs=${SECS:-5}
rows=${ROWS:-"base:base: series:series:"}
out=${OUT:-$top/build/bench/$ARCH}
variant=zpci
[ "$ARCH" = arm64 ] && variant=viommu
mkdir -p "$out"
csv=$out/results.csv
echo "row,run,bs,iops,ios,rpcits,map_us,unmap_us" >"$csv"

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
				line[++n] = row "," run "," v["bs"] "," v["iops"] "," v["ios"] "," v["rpcits"]
			}
			END {
				for (i = 1; i <= n; i++) print line[i] "," d["map_us"] "," d["unmap_us"]
				exit bad || n == 0
			}' >>"$csv" || { echo "bench: $label run $run gave no results (log: $log)" >&2; exit 1; }
	done
done
"$top/tools/bench-report.sh" "$csv"
