#!/bin/sh
# Guest checks for a machine without zPCI (Hercules), run by /init under
# series.run=nopci.  Prints TAP.  The s390 IOMMU driver and dma-iommu are
# built in and initialise here too, with no function to drive: that path
# must stay silent.
. /tests/lib.sh

pci_unsupported() {
	dmesg | grep "zpci: PCI is not supported because CPU facilities 69 or 71 are not available"
}

# Nothing about zPCI, PCI, the IOMMU or DMA at warning level or worse, and
# no failure at any level (dmesg -r keeps each line's <level>), outside
# the KUnit suites, whose cases provoke and report failures on purpose.
outside_kunit() {
	dmesg -r | awk '
		!seen && /^<[0-9]+>KTAP version/ { seen = kunit = 1; next }
		kunit && !plan && /^<[0-9]+>1\.\.[0-9]+$/ { sub(/^<[0-9]+>1\.\./, ""); plan = $0 + 0; next }
		kunit && /^<[0-9]+>(not )?ok [0-9]+ / { if (++suites == plan) kunit = 0; next }
		!kunit'
}
pci_log_quiet() {
	outside_kunit | grep -iE 'zpci|pci|iommu|dma' |
		grep -iE -e '^<[0-4]>' -e '\<(fail(ed|ure|s)?|errors?|unable|cannot|invalid)\>' && return 1
	return 0
}

no_pci_devices() {
	d=/sys/bus/pci/devices
	[ -d $d ] || { echo "$d is missing"; return 1; }
	ls $d
	[ -z "$(ls $d)" ]
}

no_iommu_groups() {
	d=/sys/kernel/iommu_groups
	[ -d $d ] || { echo "$d is missing"; return 1; }
	ls $d
	[ -z "$(ls $d)" ]
}

# An initcall that fails says nothing unless initcall_debug is on; then
# every one logs "initcall NAME returned N".  This is how a driver that
# gives up when there is no function (the IOMMU's, say) shows.
initcalls_ok() {
	grep -qw initcall_debug /proc/cmdline || { echo "initcall_debug is off"; return 2; }
	n=$(dmesg | grep -c '^initcall .* returned ')
	echo "$n initcalls"
	[ "$n" -gt 0 ] || return 1
	dmesg | grep -E '^initcall .* returned -?[1-9]' && return 1
	return 0
}

clean_log() {
	dmesg | grep -E 'Oops|BUG:|kernel BUG|WARNING:|Call Trace|lockdep|possible (circular|recursive) locking|INFO: ' &&
		return 1
	return 0
}

# Every KUnit suite's own verdict (debugfs), beside the host's per-case
# reading of the log.
kunit_ok() {
	set -- /sys/kernel/debug/kunit/*/results
	[ -e "$1" ] || { echo "no KUnit suites in debugfs"; return 1; }
	bad=0
	for f; do
		s=${f%/results}; s=${s##*/}
		if tail -n 1 "$f" | grep -q '^ *ok '; then echo "$s: ok"; else echo "$s: $(tail -n 1 "$f")"; bad=1; fi
	done
	[ $bad -eq 0 ]
}

tap_begin
check "zpci: the kernel says PCI is unsupported (no facility 69 or 71)" pci_unsupported
check "no zPCI, PCI, IOMMU or DMA warning or failure in the kernel log" pci_log_quiet
check "no PCI functions in /sys/bus/pci/devices" no_pci_devices
check "no IOMMU groups in /sys/kernel/iommu_groups" no_iommu_groups
check_or_skip "every initcall returns 0" initcalls_ok
check "no oops, BUG, WARN or lockdep report in the kernel log" clean_log
check "every KUnit suite reports ok" kunit_ok
tap_end
