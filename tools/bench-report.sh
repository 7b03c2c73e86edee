#!/bin/sh
# Medians of a bench results.csv: a table on stdout, medians.csv and a
# gnuplot PNG (IOPS and RPCITs per I/O by block size) beside the input.
set -eu
csv=$1 dir=$(dirname "$1")
# median over runs of each (row, bs) for every column
awk -F, 'NR > 1 {
	k = $1 "," $3; if (!(k in seen)) { seen[k] = 1; order[++n] = k }
	c[k]++; for (f = 4; f <= 8; f++) val[k, f, c[k]] = $f
}
function median(k, f,   m, i, j, t, a) {
	m = c[k]; for (i = 1; i <= m; i++) a[i] = val[k, f, i] + 0
	for (i = 2; i <= m; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
	return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
}
BEGIN { print "row,bs,runs,iops,rpcits_per_io,map_us,unmap_us" }
END {
	for (i = 1; i <= n; i++) {
		k = order[i]; split(k, p, ",")
		ios = median(k, 5)
		printf "%s,%s,%d,%.0f,%.2f,%.1f,%.1f\n", p[1], p[2], c[k], median(k, 4),
			ios ? median(k, 6) / ios : 0, median(k, 7), median(k, 8)
	}
}' "$csv" >"$dir/medians.csv"
# Note: RPCITs per I/O is the median count over the median I/O count of
# the same runs; both come from the same boots.
echo
printf '%-10s %6s %4s %10s %12s %9s %9s\n' row bs runs IOPS RPCITs/IO map_us unmap_us
tail -n +2 "$dir/medians.csv" | tr , ' ' |
	while read -r row bs runs iops rpi map unmap; do
		printf '%-10s %6s %4s %10s %12s %9s %9s\n' "$row" "$bs" "$runs" "$iops" "$rpi" "$map" "$unmap"
	done
command -v gnuplot >/dev/null || { echo "bench: gnuplot missing, no plot" >&2; exit 0; }
rowsl=$(tail -n +2 "$dir/medians.csv" | cut -d, -f1 | awk '!s[$0]++' | tr '\n' ' ')
plot_iops= plot_rpi=
for r in $rowsl; do
	grep "^$r," "$dir/medians.csv" | awk -F, '{ print NR - 1, $2, $4, $5 }' >"$dir/plot-$r.dat"
	plot_iops="$plot_iops${plot_iops:+, }'$dir/plot-$r.dat' using 1:3:xtic(2) with linespoints title '$r'"
	plot_rpi="$plot_rpi${plot_rpi:+, }'$dir/plot-$r.dat' using 1:4:xtic(2) with linespoints title '$r'"
done
gnuplot <<EOP
set terminal pngcairo size 1000,420 noenhanced
set output '$dir/bench.png'
set multiplot layout 1,2 title 'fio sequential read, iodepth 64, median of runs'
set title 'IOPS'; set xlabel 'block size'; set yrange [0:*]; set grid
plot $plot_iops
set title 'RPCITs per I/O'
plot $plot_rpi
unset multiplot
EOP
echo "bench: $dir/medians.csv, $dir/bench.png"
