#!/bin/sh
# Report a scaling bench results.csv (tools/bench-scale.sh): per measurement
# and thread count, each row's medians over runs: dma_map_benchmark's map
# and unmap latency (apart by where its threads ran) and the worst run's
# sum of the two, or fio's IOPS with the vCPU time per I/O; the ratio to
# the first row's, and to the row's own single thread; and the slots the
# pool made or took from other CPUs.  Writes medians.csv and report.md
# beside the CSV and prints the table.  Usage: bench-scale-report.sh CSV
set -eu
csv=$1 dir=$(dirname "$1")
[ -s "$csv" ] || { echo "bench-scale-report: $csv is missing or empty" >&2; exit 1; }
awk -F, -v med="$dir/medians.csv" '
NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
{
	g = $col["kind"] SUBSEP $col["threads"]
	if (!(g in gseen)) { gseen[g] = 1; groups[++ng] = g }
	r = $col["row"]
	if (!(r in rseen)) { rseen[r] = 1; rows[++nr] = r }
	k = g SUBSEP r; m = ++c[k]
	v[k, "map", m] = $col["map_us"]; v[k, "unmap", m] = $col["unmap_us"]
	if (!((k, "worst") in v) || $col["map_us"] + $col["unmap_us"] > v[k, "worst"])
		v[k, "worst"] = $col["map_us"] + $col["unmap_us"]
	v[k, "iops", m] = $col["iops"]
	v[k, "cpu", m] = $col["ios"] ? $col["busy_us"] / $col["ios"] : 0
	v[k, "new", m] = $col["new_slots"]; v[k, "stolen", m] = $col["stolen"]
	if ($col["new_slots"] == "") nopool[k] = 1
}
function median(k, f,   m, i, j, t, a) {
	m = c[k]; for (i = 1; i <= m; i++) a[i] = v[k, f, i] + 0
	for (i = 2; i <= m; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
	return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
}
# The figure a row is judged by: map + unmap µs, or IOPS.
function figure(k, kind) {
	return kind ~ /^dmamap/ ? median(k, "map") + median(k, "unmap") : median(k, "iops")
}
function ratio(a, b) { return b ? sprintf("%.2f", a / b) : "-" }
END {
	print "kind,threads,row,runs,map_us,unmap_us,worst_us,iops,vcpu_us_per_io,vs_first,vs_one_thread,new_slots,stolen" >med
	print "| measurement | threads | row | samples | map µs | unmap µs | worst map+unmap µs | IOPS | vCPU µs per I/O | vs " rows[1] " | vs 1 thread | new slots | stolen |"
	print "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
	for (i = 1; i <= ng; i++) {
		split(groups[i], p, SUBSEP); kind = p[1]
		for (j = 1; j <= nr; j++) {
			k = groups[i] SUBSEP rows[j]
			if (!(k in c)) continue
			b = groups[i] SUBSEP rows[1]; one = kind; sub(/-.*/, "", one)
			one = one SUBSEP 1 SUBSEP rows[j]
			f = figure(k, kind)
			vs = (b in c) ? ratio(f, figure(b, kind)) : "-"
			vs1 = (one in c) ? ratio(f, figure(one, kind)) : "-"
			if (kind ~ /^dmamap/) {
				mp = sprintf("%.2f", median(k, "map")); ump = sprintf("%.2f", median(k, "unmap"))
				w = sprintf("%.1f", v[k, "worst"]); io = cpu = "-"
			} else { mp = ump = w = "-"; io = sprintf("%.0f", median(k, "iops")); cpu = sprintf("%.1f", median(k, "cpu")) }
			ns = (k in nopool) ? "-" : sprintf("%.0f", median(k, "new"))
			st = (k in nopool) || kind !~ /^dmamap/ ? "-" : sprintf("%.0f", median(k, "stolen"))
			printf "%s,%s,%s,%d,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", kind, p[2], rows[j], c[k], mp, ump, w, io, cpu, vs, vs1, ns, st >med
			printf "| %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", kind, p[2], rows[j], c[k], mp, ump, w, io, cpu, vs, vs1, ns, st
		}
	}
}' "$csv" | tee "$dir/report.md"
echo "dmamap: lower is better (map + unmap µs); fio: higher is better (IOPS)."
echo "dmamap-parallel: the threads ran on CPUs of their own; -shared: on one."
