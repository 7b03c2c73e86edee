#!/bin/sh
# kmemleak around a guest run, where the kernel has it (the debug flavour):
#   start  report what boot left unreferenced, then clear it, so that
#   end    reports only what boot did not (the run, or boot objects too
#          young at the start to be judged).
# Each report sits between "# series-kmemleak-begin/end WHEN" lines for
# the host (tests/host/checkers.awk), which decides whose leak it is.
# Why two scans: a scan reports only objects at least 5 s old whose
# contents did not change since the scan before, so a first scan of a
# new object never reports it.
f=/sys/kernel/debug/kmemleak
[ -e "$f" ] || exit 0
case ${1:-} in
start|end) ;;
*) echo "usage: kmemleak.sh start|end" >&2; exit 2 ;;
esac
[ "$1" = end ] && sleep 6
echo "# series-kmemleak-begin $1"
if echo scan >"$f" && echo scan >"$f"; then
	# Without the hex dumps: their text column could hold anything,
	# even words the host reads as a kernel report.
	sed '/^  hex dump/,/^  backtrace:/{/^  backtrace:/!d;}' "$f"
else
	echo "kmemleak: scan refused: kmemleak is off"
fi
echo "# series-kmemleak-end $1"
[ "$1" = start ] && echo clear >"$f"
exit 0
