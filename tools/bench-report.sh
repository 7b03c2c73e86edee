#!/bin/sh
# Report a bench results.csv (tools/bench.sh): beside it, medians.csv (the
# median over runs of every cell, and its ratio to the first row at the
# same cost), crosscheck.csv (the model's time per I/O against the
# measured one), report.md (the tables for Documentation/benchmarks.md)
# and bench.png (IOPS against modelled cost at 4k and 64k, one line per
# row).  The tables go to stdout too.  Usage: bench-report.sh RESULTS.CSV
set -eu
csv=$1 dir=$(dirname "$1")
[ -s "$csv" ] || { echo "bench-report: $csv is missing or empty" >&2; exit 1; }
arch=$(cat "$dir/arch" 2>/dev/null || echo s390)
# What "per I/O" counts: every RPCIT is a request on s390; on arm64 the
# requests are virtio-iommu's, and its intercepts are the syncs.
case $arch in
s390)	perio=intercepts perio_name="RPCITs per I/O" ;;
*)	perio=requests perio_name="virtio-iommu requests per I/O" ;;
esac

# Per run: IOPS, counts per I/O, flushes per GiB; then medians per
# (row, cost, size).  Time per I/O is 1/IOPS: with iodepth 64 it is the
# interval between completions, which is what an added stall lengthens.
awk -F, -v perio="$perio" '
NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
{
	k = $col["row"] SUBSEP $col["cost_us"] SUBSEP $col["bs"]
	if (!(k in c)) order[++nk] = k
	m = ++c[k]; ios = $col["ios"]; gib = $col["kib"] / 1048576
	v[k, "iops", m] = $col["iops"]
	v[k, "perio", m] = ios ? $col[perio] / ios : 0
	v[k, "ipio", m] = ios ? $col["intercepts"] / ios : 0
	v[k, "stall", m] = ios ? $col["stall_us"] / ios : 0
	if ($col["flushes"] == "" || !gib) nofl[k] = 1
	else v[k, "fpg", m] = $col["flushes"] / gib
	v[k, "map", m] = $col["map_us"]; v[k, "unmap", m] = $col["unmap_us"]
	if ("pool_held" in col && $col["pool_held"] != "") v[k, "held", m] = $col["pool_held"] / 1024
	else nopool[k] = 1
	# time in RPCITs (bench patch): QEMU at work, not the modelled stall
	if ("rpcit_ns" in col && $col["rpcit_ns"] != "" && ios) {
		v[k, "rpcit_us", m] = $col["rpcit_ns"] / 1000 / ios
		v[k, "rpcit_pages", m] = $col["rpcit_pages"] / ios
	} else norpcit[k] = 1
	if ("busy_us" in col && $col["busy_us"] != "" && ios) v[k, "busy", m] = $col["busy_us"] / ios
	else nobusy[k] = 1
	if (!($col["row"] in rseen)) { rseen[$col["row"]] = 1; rows[++nr] = $col["row"] }
}
function median(k, f,   m, i, j, t, a) {
	m = c[k]; for (i = 1; i <= m; i++) a[i] = v[k, f, i] + 0
	for (i = 2; i <= m; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
	return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
}
function ratio(a, b) { return (a == "" || b == "" || b + 0 == 0) ? "" : sprintf("%.2f", a / b) }
END {
	base = rows[1]
	print "row,cost_us,bs,runs,iops,iops_ratio,per_io,per_io_ratio,flushes_per_gib,flushes_ratio,intercepts_per_io,stall_us_per_io,us_per_io,map_us,unmap_us,pool_held_kib,rpcit_us_per_io,rpcit_pages_per_io,busy_us_per_io"
	for (i = 1; i <= nk; i++) {
		k = order[i]; split(k, p, SUBSEP)
		b = base SUBSEP p[2] SUBSEP p[3]
		iops = median(k, "iops"); biops = (b in c) ? median(b, "iops") : ""
		pio = median(k, "perio"); bpio = (b in c) ? median(b, "perio") : ""
		fpg = (k in nofl) ? "" : median(k, "fpg"); bfpg = (b in c && !(b in nofl)) ? median(b, "fpg") : ""
		printf "%s,%s,%s,%d,%.0f,%s,%.2f,%s,%s,%s,%.3f,%.2f,%.2f,%.1f,%.1f,%s,%s,%s,%s\n", p[1], p[2], p[3], c[k],
			iops, ratio(iops, biops), pio, ratio(pio, bpio),
			fpg == "" ? "" : sprintf("%.1f", fpg), ratio(fpg, bfpg),
			median(k, "ipio"), median(k, "stall"), iops ? 1e6 / iops : 0,
			median(k, "map"), median(k, "unmap"),
			(k in nopool) ? "" : sprintf("%.0f", median(k, "held")),
			(k in norpcit) ? "" : sprintf("%.2f", median(k, "rpcit_us")),
			(k in norpcit) ? "" : sprintf("%.2f", median(k, "rpcit_pages")),
			(k in nobusy) ? "" : sprintf("%.1f", median(k, "busy"))
	}
}' "$csv" >"$dir/medians.csv"

# The model: with cost C, time per I/O is t0 (cost 0, same row and size)
# plus what the vCPUs stalled per I/O (intercepts per I/O x C, plus the
# per-page part).  measured/model is 1 when every stall adds to the time
# between completions, below 1 where stalls overlap other work.
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
{ k = $col["row"] SUBSEP $col["bs"]; t[k, $col["cost_us"]] = $col["us_per_io"]; line[++n] = $0 }
END {
	print "row,bs,cost_us,t0_us,intercepts_per_io,stall_us_per_io,stall_us_per_intercept,model_us,measured_us,measured_over_model,increase_ratio"
	for (i = 1; i <= n; i++) {
		split(line[i], f, ","); if (f[col["cost_us"]] == 0) continue
		k = f[col["row"]] SUBSEP f[col["bs"]]
		if (!((k, 0) in t)) continue
		t0 = t[k, 0]; s = f[col["stall_us_per_io"]]; meas = f[col["us_per_io"]]
		ipio = f[col["intercepts_per_io"]]
		printf "%s,%s,%s,%.2f,%s,%s,%s,%.2f,%.2f,%.2f,%s\n", f[col["row"]], f[col["bs"]], f[col["cost_us"]],
			t0, ipio, s, (ipio > 0 ? sprintf("%.1f", s / ipio) : ""), t0 + s, meas, meas / (t0 + s),
			(s > 0 ? sprintf("%.2f", (meas - t0) / s) : "")
	}
}' "$dir/medians.csv" >"$dir/crosscheck.csv"

# report.md: one table per measure; rows grouped by cost; a cell is
# "median (ratio to the first row at that cost)".
{
	sizes=$(tail -n +2 "$dir/medians.csv" | cut -d, -f3 | awk '!s[$0]++' | tr '\n' ' ')
	table() {	# table TITLE COLUMN RATIO_COLUMN
		echo "$1 (median; in brackets, the ratio to the first row at the same cost):"
		echo
		printf '| cost per intercept | row |'; for s in $sizes; do printf ' %s |' "$s"; done; echo
		printf '|---|---|'; for s in $sizes; do printf -- '---|'; done; echo
		awk -F, -v vc="$2" -v rc="$3" -v sizes="$sizes" '
		NR == 1 { next }
		{ k = $2 SUBSEP $1; if (!(k in seen)) { seen[k] = 1; order[++n] = k } cell[k, $3] = ($vc == "" ? "-" : $vc) ($rc == "" ? "" : " (" $rc ")") }
		END {
			ns = split(sizes, s, " ")
			for (i = 1; i <= n; i++) {
				split(order[i], p, SUBSEP)
				printf "| %s | %s |", p[1] == 0 ? "0 (TCG as is)" : p[1] " µs (modelled)", p[2]
				for (j = 1; j <= ns; j++) printf " %s |", ((order[i], s[j]) in cell) ? cell[order[i], s[j]] : "-"
				print ""
			}
		}' "$dir/medians.csv"
		echo
	}
	table "IOPS" 5 6
	table "$perio_name" 7 8
	table "Global flushes per GiB read" 9 10
	if cut -d, -f16 "$dir/medians.csv" | tail -n +2 | grep -q .; then
		table "Memory the bounce-buffer pool holds after each size, KiB" 16 99
	fi
	# Only s390 has RPCITs; elsewhere the counters stay 0.
	if [ "$arch" = s390 ] && cut -d, -f17 "$dir/medians.csv" | tail -n +2 | grep -q .; then
		table "Time in RPCITs per I/O, µs (QEMU's translation work, without the modelled cost)" 17 99
		table "Pages the RPCITs covered per I/O (QEMU walks the tables for each)" 18 99
	fi
	if cut -d, -f19 "$dir/medians.csv" | tail -n +2 | grep -q .; then
		table "vCPU time per I/O, µs (all guest CPUs busy, /proc/stat)" 19 99
	fi
	if [ "$(wc -l <"$dir/crosscheck.csv")" -gt 1 ]; then
		echo "Cross-check of the model: time per I/O (µs, 1/IOPS) at cost C against"
		echo "t0 (cost 0) + the stall per I/O the guest measured (intercepts per I/O x C;"
		echo "a stall per intercept well above C means the host was short of CPU):"
		echo
		echo "| row | size | C µs | t0 | intercepts/I/O | stall/I/O | stall/intercept | model | measured | measured/model | increase measured/modelled |"
		echo "|---|---|---|---|---|---|---|---|---|---|---|"
		tail -n +2 "$dir/crosscheck.csv" | awk -F, '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, ($7 == "" ? "-" : $7), $8, $9, $10, ($11 == "" ? "-" : $11) }'
		echo
	fi
} >"$dir/report.md"
cat "$dir/report.md"

command -v gnuplot >/dev/null || { echo "bench-report: gnuplot missing, no plot" >&2; exit 0; }
rowsl=$(tail -n +2 "$dir/medians.csv" | cut -d, -f1 | awk '!s[$0]++' | tr '\n' ' ')
for r in $rowsl; do
	# cost, IOPS at 4k, IOPS at 64k (NaN where that size was not run)
	awk -F, -v r="$r" '$1 == r { if (!($2 in s)) { s[$2] = 1; o[++n] = $2 } i[$2, $3] = $5 }
		END { for (j = 1; j <= n; j++) print o[j], ((o[j], "4k") in i ? i[o[j], "4k"] : "NaN"), ((o[j], "64k") in i ? i[o[j], "64k"] : "NaN") }' \
		"$dir/medians.csv" >"$dir/plot-$r.dat"
done
# shellcheck disable=SC2086
"$(dirname "$0")/plot-rows.sh" "$dir/bench.png" \
	"$arch: fio sequential read, iodepth 64, QEMU TCG + modelled intercept cost, median of runs" \
	'modelled cost per intercept (us; 0 = TCG as is)' 4k IOPS 64k IOPS "$dir" $rowsl
echo "bench: $dir/results.csv, medians.csv, crosscheck.csv, report.md, bench.png"
