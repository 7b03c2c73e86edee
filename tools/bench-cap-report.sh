#!/bin/sh
# Report a cap bench results.csv (tools/bench-cap.sh): per modelled cost,
# block size, iodepth and row, the median over runs of IOPS and its ratio
# to the first row's, intercepts and fallbacks at the cap per I/O, slots
# taken from other CPUs and memory held.  Writes medians.csv and report.md
# beside the CSV and prints the table; with gnuplot, cap-COST.png per cost
# (IOPS against iodepth, a line per row; the first two block sizes).
# Usage: bench-cap-report.sh RESULTS.CSV
set -eu
csv=$1 dir=$(dirname "$1")
[ -s "$csv" ] || { echo "bench-cap-report: $csv is missing or empty" >&2; exit 1; }
awk -F, -v med="$dir/medians.csv" -v plotdir="$dir" '
NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
{
	g = $col["cost_us"] SUBSEP $col["bs"] SUBSEP $col["depth"]
	if (!(g in gseen)) { gseen[g] = 1; groups[++ng] = g }
	r = $col["row"]
	if (!(r in rseen)) { rseen[r] = 1; rows[++nr] = r }
	if (!($col["bs"] in bseen)) { bseen[$col["bs"]] = 1; sizes[++nb] = $col["bs"] }
	k = g SUBSEP r; m = ++c[k]; ios = $col["ios"]
	v[k, "iops", m] = $col["iops"]
	v[k, "int", m] = ios ? $col["intercepts"] / ios : 0
	if ($col["fb_cap"] == "") { nopool[k] = 1; next }
	v[k, "fb", m] = ios ? $col["fb_cap"] / ios : 0
	v[k, "stolen", m] = $col["stolen"]
	v[k, "held", m] = $col["held"] / 1024
}
function median(k, f,   m, i, j, t, a) {
	m = c[k]; for (i = 1; i <= m; i++) a[i] = v[k, f, i] + 0
	for (i = 2; i <= m; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
	return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
}
END {
	print "cost_us,bs,depth,row,runs,iops,iops_ratio,intercepts_per_io,fallbacks_per_io,stolen,held_kib" >med
	print "| cost µs | bs | iodepth | row | IOPS | vs " rows[1] " | intercepts per I/O | fallbacks per I/O | stolen | held KiB |"
	print "|---|---|---|---|---|---|---|---|---|---|"
	for (i = 1; i <= ng; i++) {
		split(groups[i], p, SUBSEP)
		b = groups[i] SUBSEP rows[1]
		for (j = 1; j <= nr; j++) {
			k = groups[i] SUBSEP rows[j]
			if (!(k in c)) continue
			iops = median(k, "iops")
			ratio = (b in c) && median(b, "iops") ? sprintf("%.2f", iops / median(b, "iops")) : "-"
			if (k in nopool) fb = st = held = "-"
			else { fb = sprintf("%.3f", median(k, "fb")); st = sprintf("%.0f", median(k, "stolen")); held = sprintf("%.0f", median(k, "held")) }
			printf "%s,%s,%s,%s,%d,%.0f,%s,%.3f,%s,%s,%s\n", p[1], p[2], p[3], rows[j], c[k], iops, ratio, median(k, "int"), fb, st, held >med
			printf "| %s | %s | %s | %s | %.0f | %s | %.3f | %s | %s | %s |\n", p[1], p[2], p[3], rows[j], iops, ratio, median(k, "int"), fb, st, held
			# Plot data: per cost and row, iodepth against the first two sizes
			if (p[2] == sizes[1]) y1[p[1], rows[j], p[3]] = iops
			if (p[2] == sizes[2]) y2[p[1], rows[j], p[3]] = iops
			if (!((p[1], p[3]) in dseen)) { dseen[p[1], p[3]] = 1; depths[p[1]] = depths[p[1]] " " p[3] }
		}
	}
	for (cost in depths) {
		printf "%s", cost " " sizes[1] " " (nb > 1 ? sizes[2] : "-") > (plotdir "/plot-costs.txt")
		print "" > (plotdir "/plot-costs.txt")
		for (j = 1; j <= nr; j++) {
			f = plotdir "/plot-" cost "-" rows[j] ".dat"
			n = split(depths[cost], d, " ")
			for (i = 1; i <= n; i++) {
				a = ((cost, rows[j], d[i]) in y1) ? y1[cost, rows[j], d[i]] : "NaN"
				e = ((cost, rows[j], d[i]) in y2) ? y2[cost, rows[j], d[i]] : "NaN"
				print d[i], a, e > f
			}
			close(f)
		}
	}
}' "$csv" | tee "$dir/report.md"
echo "Past the cap the pool falls back (counted); IOPS should slide towards the first row's, not below it."
command -v gnuplot >/dev/null 2>&1 || { echo "bench-cap-report: gnuplot not installed, no plots" >&2; exit 0; }
rows=$(awk -F, 'NR > 1 && !s[$1]++ { printf "%s ", $1 }' "$csv")
while read -r cost s1 s2; do
	[ "$s2" != - ] || { echo "bench-cap-report: one block size, no plot" >&2; break; }
	for r in $rows; do cp "$dir/plot-$cost-$r.dat" "$dir/plot-$r.dat"; done
	# shellcheck disable=SC2086 # a word per row
	LOGX=1 "$(dirname "$0")/plot-rows.sh" "$dir/cap-$cost.png" \
		"IOPS against iodepth at $cost us per intercept" "iodepth" \
		"$s1 reads" "IOPS" "$s2 reads" "IOPS" "$dir" $rows
	echo "plot: $dir/cap-$cost.png"
done <"$dir/plot-costs.txt"
