# Turn one guest console log into host results, one line each:
#   "ok <name>", "not ok <name>" or "skip <name>", with "# " detail lines.
# Reads: KUnit's KTAP (printed by the kernel before /init runs), the
# io-pgtable LPAE selftest line (when lpae=1), the guest's TAP between the
# series-tap markers, and any oops/WARN/BUG/KASAN report or IOMMU fault.
# Variables: tag (prefix for names), lpae (1: the selftest must be there).
function res(ok, name) { print (ok ? "ok " : "not ok ") "[" tag "] " name }
{ sub(/\r$/, "") }
/^# series-tap-begin/	{ intap = 1; next }
/^# series-tap-end/	{ intap = 0; tapend = 1; next }
intap && /^1\.\.[0-9]+$/	{ plan = substr($0, 4) + 0; next }
intap && /^(not )?ok [0-9]+ - /	{
	ntap++
	ok = ($1 == "ok"); sub(/^(not )?ok [0-9]+ - /, "")
	if (ok && / # SKIP/) { print "skip [" tag "] " $0; next }
	res(ok, $0); next
}
intap && /^# /	{ print; next }
# KUnit: "# Subtest: suite" opens a suite; its cases are "ok N - case"
# one level (4 spaces) in, as "ok N name" (6.1) or "ok N - name".
/^    # Subtest: /	{ suite = $3; next }
/^    (not )?ok [0-9]+ /	{
	nkunit++
	line = $0; sub(/^    /, "", line)
	ok = (line ~ /^ok/); sub(/^(not )?ok [0-9]+ (- )?/, "", line)
	if (line ~ /# SKIP/) { sub(/ *# SKIP.*/, "", line); print "skip [" tag "] kunit " suite "." line; next }
	res(ok, "kunit " suite "." line); next
}
/io-pgtable.*selftest: completed with/	{
	match($0, /with [0-9]+ PASS [0-9]+ FAIL/)
	split(substr($0, RSTART, RLENGTH), f, " ")
	lpae_seen = 1; res(f[2] > 0 && f[4] == 0, "io-pgtable LPAE selftest: " f[2] " pass, " f[4] " fail")
	next
}
/(Oops|BUG:|WARNING:|Kernel panic|KASAN|kernel BUG at|Unable to handle kernel|Internal error:|Call Trace:)/ {
	if (!bad) bad = $0
}
# A device's DMA to an IOVA its IOMMU has no mapping for (virtio-iommu
# reports it, and QEMU says so on the same console).
/page fault from EP|virtio_iommu_translate no mapping/ {
	if (!bad) bad = $0
}
/^series: guest done/	{ done = 1 }
END {
	if (nkunit == 0) res(0, "kunit: no KUnit results on the console")
	if (lpae && !lpae_seen) res(0, "io-pgtable LPAE selftest: no result on the console")
	if (!tapend) res(0, "guest test script finished (no end marker)")
	else if (plan != ntap) res(0, "guest TAP plan 1.." plan " matches " ntap " results")
	if (!done) res(0, "guest powered off by itself")
	if (bad) { res(0, "kernel log is clean"); print "# " bad }
	else res(1, "kernel log is clean")
}
