#!/bin/sh
# Report a scatterlist bench results.csv (tools/bench-sg.sh): per pattern,
# modelled cost, block size and row, the median over runs of IOPS and its
# ratio to the first row's, virtio-iommu requests per I/O, bytes the pool
# copied per I/O, the share of I/Os the pool took as lists and the slots
# per list, what the pool held afterwards (KiB and slots), and its
# fallbacks by cause.  Writes medians.csv and report.md beside the CSV and
# prints the table.  Usage: bench-sg-report.sh RESULTS.CSV
set -eu
csv=$1 dir=$(dirname "$1")
[ -s "$csv" ] || { echo "bench-sg-report: $csv is missing or empty" >&2; exit 1; }
awk -F, -v med="$dir/medians.csv" '
NR == 1 { for (i = 1; i <= NF; i++) { col[$i] = i; if ($i ~ /^fb_/) fbs[++nf] = $i }; next }
{
	g = $col["rw"] SUBSEP $col["cost_us"] SUBSEP $col["bs"]
	if (!(g in gseen)) { gseen[g] = 1; groups[++ng] = g }
	r = $col["row"]
	if (!(r in rseen)) { rseen[r] = 1; rows[++nr] = r }
	k = g SUBSEP r; m = ++c[k]; ios = $col["ios"]
	v[k, "iops", m] = $col["iops"]
	v[k, "req", m] = ios ? $col["requests"] / ios : 0
	if ($col["gets"] == "") { nopool[k] = 1; next }
	v[k, "copied", m] = ios ? $col["copied"] / ios : 0
	v[k, "lists", m] = ios ? $col["lists"] / ios : 0
	v[k, "spl", m] = $col["lists"] ? $col["list_slots"] / $col["lists"] : 0
	v[k, "held", m] = $col["held"] / 1024
	v[k, "slots", m] = $col["slots"]
	for (i = 1; i <= nf; i++) v[k, fbs[i], m] = $col[fbs[i]]
}
function median(k, f,   m, i, j, t, a) {
	m = c[k]; for (i = 1; i <= m; i++) a[i] = v[k, f, i] + 0
	for (i = 2; i <= m; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
	return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
}
# The fallbacks that happened, by cause: "sg 3, cap 1", or 0.
function fallbacks(k,   i, s, n) {
	for (i = 1; i <= nf; i++) if ((n = median(k, fbs[i])) > 0) s = s (s ? ", " : "") substr(fbs[i], 4) " " n
	return s ? s : 0
}
END {
	print "rw,cost_us,bs,row,runs,iops,iops_ratio,requests_per_io,copied_bytes_per_io,lists_per_io,slots_per_list,held_kib,slots,fallbacks" >med
	print "| rw | cost µs | bs | row | IOPS | vs " rows[1] " | requests per I/O | bytes copied per I/O | lists per I/O | slots per list | held KiB (slots) | fallbacks |"
	print "|---|---|---|---|---|---|---|---|---|---|---|---|"
	for (i = 1; i <= ng; i++) {
		split(groups[i], p, SUBSEP)
		b = groups[i] SUBSEP rows[1]
		for (j = 1; j <= nr; j++) {
			k = groups[i] SUBSEP rows[j]
			if (!(k in c)) continue
			iops = median(k, "iops")
			ratio = (b in c) && median(b, "iops") ? sprintf("%.2f", iops / median(b, "iops")) : "-"
			if (k in nopool) { cp = lp = spl = held = slots = "-"; fbk = "-" }
			else {
				cp = sprintf("%.0f", median(k, "copied")); lp = sprintf("%.2f", median(k, "lists"))
				spl = sprintf("%.1f", median(k, "spl")); held = sprintf("%.0f", median(k, "held"))
				slots = sprintf("%.0f", median(k, "slots")); fbk = fallbacks(k)
			}
			printf "%s,%s,%s,%s,%d,%.0f,%s,%.3f,%s,%s,%s,%s,%s,\"%s\"\n", p[1], p[2], p[3], rows[j], c[k], iops, ratio,
				median(k, "req"), cp, lp, spl, held, slots, fbk >med
			printf "| %s | %s | %s | %s | %.0f | %s | %.3f | %s | %s | %s | %s (%s) | %s |\n", p[1], p[2], p[3], rows[j], iops, ratio,
				median(k, "req"), cp, lp, spl, held, slots, fbk
		}
	}
}' "$csv" | tee "$dir/report.md"
