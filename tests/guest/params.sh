# Kernel parameters given bad values, sourced by check.sh where the host
# names them: series.warn=NAME[,NAME...], each named by exactly one kernel
# message, and (s390) series.aperture=FACTOR, the aperture that must hold.
# The other defaults are checked as usual (series.fq=, series.pool=).

# named_once NAME: exactly one kernel message names the parameter NAME
# (a full name, or the part after "iommu."), besides the command line
# and its echo as /init's arguments ("    NAME" lines).  So a value taken
# in silence fails, and so does a second message (a setup function that
# warns twice, or the core's "Malformed early option" after one that
# returns an error).  A bare s390_iommu calls no __setup (whose name is
# "s390_iommu="): the core's one message is "Unknown kernel command line
# parameters".
named_once() {
	re=$(printf '%s' "$1" | sed 's/\./\\./g')
	dmesg | grep -v -e 'Kernel command line:' -e '^    [^ ]*$' |
		grep -E "(^|[^A-Za-z0-9_])$re(\$|[^A-Za-z0-9_.])" >/tmp/named.out
	cat /tmp/named.out
	[ "$(wc -l </tmp/named.out)" -eq 1 ]
}

# given NAME: the parameter as the command line has it (NAME=VALUE, or
# NAME alone), for the result's name.
given() {
	for a in $(cat /proc/cmdline); do
		case $a in "$1" | "$1="* | "iommu.$1" | "iommu.$1="*) echo "$a"; return ;; esac
	done
	echo "$1 (not on the command line)"
}

for name in $(cmdline warn | tr , ' '); do
	check "parameters: $(given "$name") is named by exactly one message" named_once "$name"
done

# aperture_factor: the IOVAs the scratch disk's function may use (between
# its IOMMU group's reserved regions) are series.aperture times memory
# (the end of System RAM), as s390_iommu_aperture= sets; with 0, no limit,
# they reach the end of a 3-level table, and nothing above is reserved.
aperture_factor() {
	r=/sys/bus/pci/devices/$(pci_fn scratch)/iommu_group/reserved_regions
	cat "$r" || return 1
	ram=$(sed -n 's/^\([0-9a-f]*\)-\([0-9a-f]*\) : System RAM$/\2/p' /proc/iomem | tail -n 1)
	[ -n "$ram" ] || { echo "no System RAM in /proc/iomem"; return 1; }
	# Below the aperture: a region from 0, if any; above: the next one.
	lo=0 hi=
	while read -r start end _; do
		if [ $((start)) -eq 0 ]; then lo=$((end + 1)); else hi=$((start)); break; fi
	done <"$r"
	if [ "$(cmdline aperture)" -eq 0 ]; then
		[ -z "$hi" ] || { echo "reserved from $hi: the aperture is limited"; return 1; }
		return 0
	fi
	[ -n "$hi" ] || { echo "no reserved region above the aperture"; return 1; }
	echo "aperture $((hi - lo)) bytes, memory $((0x$ram + 1)) bytes"
	[ $((hi - lo)) -eq $(($(cmdline aperture) * (0x$ram + 1))) ]
}
case $(cmdline aperture) in
'')	;;
0)	check "zpci: aperture is not limited by memory" aperture_factor ;;
*)	check "zpci: aperture is $(cmdline aperture) x memory" aperture_factor ;;
esac
