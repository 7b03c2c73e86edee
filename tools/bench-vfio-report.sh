#!/bin/sh
# Report a VFIO latency results.csv (tools/bench-vfio.sh): per IOMMU,
# modelled cost, buffer layout and size, the median map and unmap time of
# every row over samples and runs, its ratio to the first row's, the
# buffer's physically contiguous chunks (what VFIO maps one at a time),
# and the intercepts per call where the kernel counts them.  Writes report.md beside the CSV and
# prints it.  Usage: bench-vfio-report.sh RESULTS.CSV
set -eu
csv=$1 dir=$(dirname "$1")
[ -s "$csv" ] || { echo "bench-vfio-report: $csv is missing or empty" >&2; exit 1; }
awk -F, '
NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
{
	g = $col["iommu"] SUBSEP $col["cost_us"] SUBSEP $col["layout"] SUBSEP $col["size"]
	if (!(g in gseen)) { gseen[g] = 1; groups[++ng] = g }
	r = $col["row"]
	if (!(r in rseen)) { rseen[r] = 1; rows[++nr] = r }
	k = g SUBSEP r; m = ++c[k]
	v[k, "map", m] = $col["map_us"]; v[k, "unmap", m] = $col["unmap_us"]
	v[k, "mi", m] = $col["map_intercepts"]; v[k, "ui", m] = $col["unmap_intercepts"]
	v[k, "chunks", m] = $col["chunks"]
}
function median(k, f,   m, i, j, t, a) {
	m = c[k]; for (i = 1; i <= m; i++) a[i] = v[k, f, i] + 0
	for (i = 2; i <= m; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
	return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
}
function size(b) { return b >= 1048576 ? b / 1048576 " MiB" : b / 1024 " KiB" }
END {
	print "| IOMMU | cost µs | layout | size | row | chunks | map µs | unmap µs | map vs " rows[1] " | unmap vs " rows[1] " | intercepts per map / unmap |"
	print "|---|---|---|---|---|---|---|---|---|---|---|"
	for (i = 1; i <= ng; i++) {
		split(groups[i], p, SUBSEP)
		b = groups[i] SUBSEP rows[1]
		for (j = 1; j <= nr; j++) {
			k = groups[i] SUBSEP rows[j]
			if (!(k in c)) continue
			mp = median(k, "map"); um = median(k, "unmap")
			ic = v[k, "mi", 1] == "" ? "-" : median(k, "mi") " / " median(k, "ui")
			printf "| %s | %s | %s | %s | %s | %d | %.0f | %.0f | %s | %s | %s |\n", p[1], p[2], p[3], size(p[4]), rows[j], median(k, "chunks"), mp, um,
				(b in c) && median(b, "map") ? sprintf("%.2f", mp / median(b, "map")) : "-",
				(b in c) && median(b, "unmap") ? sprintf("%.2f", um / median(b, "unmap")) : "-", ic
		}
	}
}' "$csv" | tee "$dir/report.md"
