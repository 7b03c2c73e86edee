# The debug flavour's checkers, read from one guest console log: one
# result per checker, so a failure names it.  A checker must also show it
# was on (its boot message), or a kernel built without it would pass.
#   KASAN, lockdep, atomic sleep, DMA API debug, list debugging: any report
#   fails.
#   kmemleak: the guest's reports (tests/guest/kmemleak.sh, between
#   "# series-kmemleak-begin/end" lines) after boot and after the run.  An
#   unreferenced object whose allocation backtrace passes through the
#   IOMMU, DMA or s390 PCI code (the series' ground) fails; any other is
#   shown as a "# " line, not judged: early-boot objects that kmemleak
#   cannot follow are not the series' to fix.
# Variables: tag (prefix for names), kasan (0: the kernel has no KASAN).
function res(ok, name) { print (ok ? "ok " : "not ok ") "[" tag "] " name }
function first(key, line) { if (!(key in seen)) seen[key] = line }
{ sub(/\r$/, "") }
# Armed: each checker's boot message.
/KernelAddressSanitizer initialized/	{ armed["KASAN"] = 1 }
/Lock dependency validator: Copyright/	{ armed["lockdep"] = 1 }
/DMA-API: (preallocated [0-9]+ debug entries|debugging enabled by kernel config)/	{ armed["DMA-API"] = 1; next }
/kmemleak: Kernel memory leak detector initialized/	{ armed["kmemleak"] = 1 }
# Reports.
/BUG: KASAN: /	{ first("KASAN", $0) }
/WARNING: (possible |inconsistent lock|suspicious RCU|bad unlock|held lock|lock held|Nested lock|bad contention|[A-Z]+-(safe|unsafe|irq-))|INFO: trying to register non-static key|BUG: (MAX_LOCK|held lock|bad unlock|looking up invalid subclass)|DEBUG_LOCKS_WARN_ON|turning off the locking correctness validator/	{ first("lockdep", $0) }
/BUG: sleeping function called from invalid context|BUG: scheduling while atomic|BUG: workqueue leaked lock/	{ first("sleep", $0) }
/DMA-API: /	{ first("DMA-API", $0) }
/list_(add|del) corruption|list_add double add|hlist_(add|del) corruption/	{ first("list", $0) }
/kmemleak: (Kernel memory leak detector disabled|Cannot allocate|Memory pool empty)/	{ first("kmemleak-off", $0) }
# kmemleak's reports: objects, each with its backtrace.
/^# series-kmemleak-begin /	{ inleak = 1; when = $3; nblocks++; next }
/^# series-kmemleak-end /	{ endobj(); inleak = 0; if ($3 == "end") leak_end = 1; next }
inleak && /^kmemleak: scan refused/	{ first("kmemleak-off", $0); next }
inleak && /^unreferenced object /	{ endobj(); obj = $3 " " $5; sub(/\):$/, "", obj); frames = ""; ours = ""; next }
inleak && /^    \[<[^>]*>\] /	{
	fn = $2; sub(/\+.*/, "", fn)
	frames = frames (frames == "" ? "" : " < ") fn
	if (ours == "" && fn ~ /iommu|dma|zpci|clp_|s390_pci|pcibios|arch_setup_msi|aen_/) ours = fn
	next
}
function endobj() {
	if (obj == "") return
	if (ours != "") { nours++; leaks[nours] = "# kmemleak (" when "): " obj " bytes from " ours ": " frames }
	else { nother++; others[nother] = "# kmemleak (" when ", not the series'): " obj " bytes: " frames }
	obj = ""
}
END {
	on = (kasan == "0" ? "" : "KASAN ") "lockdep DMA-API kmemleak"
	n = split(on, want, " ")
	off = ""
	for (i = 1; i <= n; i++) if (!(want[i] in armed)) off = off " " want[i]
	res(off == "", "debug checkers on (" on ")" (off == "" ? "" : ": no boot message from" off))
	n = split("KASAN:no KASAN report|lockdep:no lockdep report|sleep:no sleeping in atomic context|DMA-API:no DMA API debug report|list:no list corruption", checks, "|")
	for (i = 1; i <= n; i++) {
		key = checks[i]; sub(/:.*/, "", key); name = checks[i]; sub(/^[^:]*:/, "", name)
		res(!(key in seen), name)
		if (key in seen) print "# " seen[key]
	}
	if ("kmemleak-off" in seen) { res(0, "kmemleak stayed on"); print "# " seen["kmemleak-off"] }
	if (!leak_end) res(0, "kmemleak: no report after the run (no end marker)")
	else res(nours == 0, "kmemleak: no unreferenced object from IOMMU, DMA or s390 PCI code (" nours + 0 " of " nours + nother " objects)")
	for (i = 1; i <= nours; i++) print leaks[i]
	for (i = 1; i <= nother; i++) print others[i]
}
