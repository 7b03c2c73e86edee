#!/bin/sh
# Medians of a bench results.csv: a table on stdout, medians.csv and a
# gnuplot PNG (IOPS, RPCITs per I/O, global flushes per GiB by block size)
# beside the input.
set -eu
csv=$1 dir=$(dirname "$1")
# The median over runs of each column, per (row, block size).  Ratios are
# taken of medians from the same boots: RPCITs per I/O and flushes per GiB.
awk -F, 'NR > 1 {
	k = $1 "," $3; if (!(k in seen)) { seen[k] = 1; order[++n] = k }
	c[k]++; for (f = 4; f <= 10; f++) val[k, f, c[k]] = $f
	if ($8 == "") noflush[k] = 1
}
function median(k, f,   m, i, j, t, a) {
	m = c[k]; for (i = 1; i <= m; i++) a[i] = val[k, f, i] + 0
	for (i = 2; i <= m; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
	return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
}
BEGIN { print "row,bs,runs,iops,rpcits_per_io,flushes_per_gib,map_us,unmap_us" }
END {
	for (i = 1; i <= n; i++) {
		k = order[i]; split(k, p, ",")
		ios = median(k, 5); gib = median(k, 6) / 1048576
		fpg = (k in noflush || !gib) ? "" : sprintf("%.1f", median(k, 8) / gib)
		printf "%s,%s,%d,%.0f,%.2f,%s,%.1f,%.1f\n", p[1], p[2], c[k], median(k, 4),
			ios ? median(k, 7) / ios : 0, fpg, median(k, 9), median(k, 10)
	}
}' "$csv" >"$dir/medians.csv"
echo
printf '%-9s %5s %4s %8s %10s %12s %7s %9s\n' row bs runs IOPS RPCITs/IO flushes/GiB map_us unmap_us
tail -n +2 "$dir/medians.csv" | tr , ' ' | awk '{ if (NF == 7) { $8 = $7; $7 = $6; $6 = "-" } print }' |
	while read -r row bs runs iops rpi fpg map unmap; do
		printf '%-9s %5s %4s %8s %10s %12s %7s %9s\n' "$row" "$bs" "$runs" "$iops" "$rpi" "$fpg" "$map" "$unmap"
	done
command -v gnuplot >/dev/null || { echo "bench: gnuplot missing, no plot" >&2; exit 0; }
rowsl=$(tail -n +2 "$dir/medians.csv" | cut -d, -f1 | awk '!s[$0]++' | tr '\n' ' ')
plots=
for r in $rowsl; do
	grep "^$r," "$dir/medians.csv" | awk -F, '{ print NR - 1, $2, $4, $5, ($6 == "" ? "NaN" : $6) }' >"$dir/plot-$r.dat"
done
plot() {	# plot COLUMN
	p=
	for r in $rowsl; do
		p="$p${p:+, }'$dir/plot-$r.dat' using 1:$1:xtic(2) with linespoints title '$r'"
	done
	echo "$p"
}
gnuplot <<EOP
set terminal pngcairo size 1400,420 noenhanced
set output '$dir/bench.png'
set multiplot layout 1,3 title 'fio sequential read, iodepth 64, QEMU TCG, median of runs'
set xlabel 'block size'; set grid; set key bottom left
set title 'IOPS'; set yrange [0:*]
plot $(plot 3)
set title 'RPCITs per I/O'
plot $(plot 4)
set title 'global flushes per GiB read'; set logscale y; set yrange [*:*]
plot $(plot 5)
unset multiplot
EOP
echo "bench: $dir/medians.csv, $dir/bench.png"
