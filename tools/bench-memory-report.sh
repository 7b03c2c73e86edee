#!/bin/sh
# Report tools/bench-memory.sh's runs, one directory per guest size and
# read mode (MEM-SECS, each with bench.sh's results.csv and medians.csv):
# report.md with IOPS and global flushes per GiB side by side across guest
# sizes, and what one global RPCIT cost; memory.png plots both against
# guest size.  The tables go to stdout too.  Usage: bench-memory-report.sh DIR
set -eu
dir=$1
set -- "$dir"/*-*/medians.csv
[ -s "$1" ] || { echo "bench-memory-report: no results under $dir" >&2; exit 1; }
arch=$(cat "$(dirname "$1")/arch" 2>/dev/null || echo s390)

# mem,secs,row,cost_us,bs,iops,iops_ratio,flushes_per_gib,flushes_ratio,
# rpcit_us_per_io,rpcit_pages_per_io,busy_us_per_io
for f in "$@"; do
	cell=$(basename "$(dirname "$f")")
	awk -F, -v mem="${cell%-*}" -v secs="${cell#*-}" '
		NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
		{ print mem "," secs "," $col["row"] "," $col["cost_us"] "," $col["bs"] "," $col["iops"] "," \
			$col["iops_ratio"] "," $col["flushes_per_gib"] "," $col["flushes_ratio"] "," \
			$col["rpcit_us_per_io"] "," $col["rpcit_pages_per_io"] "," $col["busy_us_per_io"] }' "$f"
done | sort -t, -k1,1n -k2,2nr -s >"$dir/medians.csv"

# mem,row,globals,us_per_global,ranged_per_gib: over every run and size
for f in "$dir"/*-*/results.csv; do
	cell=$(basename "$(dirname "$f")")
	awk -F, -v mem="${cell%-*}" '
		NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
		{ print mem "," $col["row"] "," $col["globals"] "," $col["global_ns"] "," $col["ranged"] "," $col["kib"] }' "$f"
done | awk -F, '
	{ k = $1 "," $2; if (!(k in n)) order[++nk] = k; n[k]++
	  g[k] += $3; ns[k] += $4; r[k] += $5; gib[k] += $6 / 1048576; if ($5 == "") nor[k] = 1 }
	END {
		for (i = 1; i <= nk; i++) {
			k = order[i]
			printf "%s,%d,%s,%s\n", k, g[k], g[k] ? sprintf("%.0f", ns[k] / g[k] / 1000) : "",
				(k in nor) ? "" : sprintf("%.1f", r[k] / gib[k])
		}
	}' | sort -t, -k1,1n -s >"$dir/globals.csv"

{
	sizes=$(cut -d, -f5 "$dir/medians.csv" | awk '!s[$0]++' | tr '\n' ' ')
	table() {	# table TITLE VALUE_FIELD RATIO_FIELD
		echo "$1 (median; in brackets, the ratio to the first row):"
		echo
		printf '| guest | read | row |'; for s in $sizes; do printf ' %s |' "$s"; done; echo
		printf '|---|---|---|'; for s in $sizes; do printf -- '---|'; done; echo
		awk -F, -v vf="$2" -v rf="$3" -v sizes="$sizes" '
		{ k = $1 SUBSEP $2 SUBSEP $3 SUBSEP $4; if (!(k in seen)) { seen[k] = 1; order[++n] = k }
		  cell[k, $5] = ($vf == "" ? "-" : $vf) ($rf == "" ? "" : " (" $rf ")") }
		END {
			ns = split(sizes, s, " ")
			for (i = 1; i <= n; i++) {
				split(order[i], p, SUBSEP)
				printf "| %s MiB | %s | %s%s |", p[1], p[2] == 0 ? "whole disk" : p[2] " s", p[3],
					p[4] == 0 ? "" : " at " p[4] " µs"
				for (j = 1; j <= ns; j++) printf " %s |", ((order[i], s[j]) in cell) ? cell[order[i], s[j]] : "-"
				print ""
			}
		}' "$dir/medians.csv"
		echo
	}
	table "IOPS" 6 7
	table "Global flushes per GiB read" 8 9
	# Only s390 has RPCITs; elsewhere the counters stay 0.
	if [ "$arch" = s390 ] && cut -d, -f10 "$dir/medians.csv" | grep -q .; then
		table "Time in RPCITs per I/O, µs (what QEMU spends on them)" 10 99
		table "Pages the RPCITs covered per I/O" 11 99
	fi
	if cut -d, -f12 "$dir/medians.csv" | grep -q .; then
		table "vCPU time per I/O, µs (all guest CPUs busy)" 12 99
	fi
	echo "Global RPCITs (all runs and sizes), the time one took in the guest"
	echo "(bench patch: QEMU revalidating the aperture, no modelled cost), and"
	echo "the flush queue's ranged flushes per GiB read:"
	echo
	echo "| guest | row | global RPCITs | µs per global RPCIT | ranged flushes per GiB |"
	echo "|---|---|---|---|---|"
	awk -F, '{ printf "| %s MiB | %s | %s | %s | %s |\n", $1, $2, $3, ($4 == "" ? "-" : $4), ($5 == "" ? "-" : $5) }' "$dir/globals.csv"
	echo
} >"$dir/report.md"
cat "$dir/report.md"

command -v gnuplot >/dev/null || { echo "bench-memory-report: gnuplot missing, no plot" >&2; exit 0; }
rows=$(cut -d, -f3 "$dir/medians.csv" | awk '!s[$0]++' | tr '\n' ' ')
secs=$(cut -d, -f2 "$dir/medians.csv" | sort -nr | head -n1)
for r in $rows; do
	# guest MiB, 4k IOPS (first read mode, first cost), µs per global RPCIT
	awk -F, -v r="$r" -v secs="$secs" 'FNR == 1 { file++ }
		file == 1 && $3 == r && $2 == secs && $5 == "4k" && !($1 in i) { i[$1] = $6; o[++n] = $1 }
		file == 2 && $2 == r && $4 != "" { u[$1] = $4 }
		END { for (j = 1; j <= n; j++) print o[j], i[o[j]], ((o[j] in u) ? u[o[j]] : "NaN") }' \
		"$dir/medians.csv" "$dir/globals.csv" >"$dir/plot-$r.dat"
done
# shellcheck disable=SC2086
"$(dirname "$0")/plot-rows.sh" "$dir/memory.png" \
	'fio sequential read, iodepth 64, QEMU TCG, against guest memory (median of runs)' \
	'guest memory (MiB)' "4k IOPS ($secs s per size)" IOPS 'time of one global RPCIT' us "$dir" $rows
echo "bench-memory: $dir/report.md, medians.csv, globals.csv, memory.png"
