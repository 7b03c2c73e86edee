#!/bin/sh
# Boot an s390 kernel on Hercules: an emulated z10 (machine type 2097) in
# z/Architecture mode, which has no zPCI (facilities 69 and 71).  The
# kernel image, a one-line parameter file and the initramfs are IPLed from
# a 3505 card reader; the console is the line-mode SCLP one (ttyS0).
# Usage: hercules.sh KERNEL INITRD
# Environment as for tools/boot.sh: RUN=shell (interactive: Hercules' own
# panel, where '.CMD' sends a line to the guest) or a guest script; APPEND
# adds kernel parameters; LOG and TIMEOUT (s) apply to non-interactive runs.
# Exit status: 0 when the guest stopped its CPU (poweroff), 3 when it
# loaded a disabled-wait PSW (a panic: the kernel's log is recovered from
# memory and appended to LOG), 124 when TIMEOUT cut it off.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
[ $# -eq 2 ] || { echo "usage: hercules.sh KERNEL INITRD" >&2; exit 2; }
# Absolute paths: Hercules runs in its own directory.
kernel=$(readlink -f "$1") initrd=$(readlink -f "$2")
"$top/tools/deps.sh" boot-hercules
obj=${kernel%/arch/s390/boot/bzImage}
for f in "$kernel" "$initrd" "$obj/System.map" "$obj/.config"; do
	[ -f "$f" ] || { echo "hercules: $f is missing" >&2; exit 1; }
done
run=${RUN:-shell}
work=$(mktemp -d "${TMPDIR:-/tmp}/hercules.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Hercules prints only the first line of each SCLP write, so the guest
# paces its output (series.pace: one line per write, and PACE seconds
# more after each) and the kernel's own messages are kept off the
# console (quiet) and read from dmesg instead.  panic=0: a panic stays in
# a disabled wait, where its log can be saved.
pace=${PACE:-0}
echo "console=ttyS0 quiet panic=0 series.run=$run series.pace=$pace ${APPEND:-}" |
	tr -s ' ' >"$work/parm"
[ "$(wc -c <"$work/parm")" -le 800 ] ||
	{ echo "hercules: kernel parameters too long for the reader's parameter file" >&2; exit 2; }

cat >"$work/hercules.cnf" <<EOF
ARCHMODE  z/Arch
CPUMODEL  2097
NUMCPU    1
MAINSIZE  512
CODEPAGE  819/500
OSTAILOR  LINUX
000C 3505 $kernel $work/parm $initrd autopad eof
EOF

if [ "$run" = shell ]; then
	echo "ipl 000c" >"$work/rc"
	echo "hercules: '.CMD' sends CMD to the guest shell; 'quit' leaves" >&2
	HERCULES_RC=$work/rc hercules -f "$work/hercules.cnf"
	exit
fi

# The kernel's static printk ring (no log_buf_len=, and too few CPUs for
# it to grow): its descriptors, infos and text, at their real addresses
# (the kernel runs at its link address: no KASLR in these configs).
# Sizes: 2^CONFIG_LOG_BUF_SHIFT bytes of text, one record per 32 of them.
shift=$(sed -n 's/^CONFIG_LOG_BUF_SHIFT=//p' "$obj/.config")
[ -n "$shift" ] || { echo "hercules: no CONFIG_LOG_BUF_SHIFT in $obj/.config" >&2; exit 1; }
records=$((1 << (shift - 5)))
saves=
for s in _printk_rb_static_descs:$((records * 24)) \
	_printk_rb_static_infos:$((records * 88)) __log_buf:$((1 << shift)); do
	sym=${s%:*} size=${s#*:}
	a=$(sed -n "s/^\([0-9a-f]*\) [bBdD] $sym\$/\1/p" "$obj/System.map")
	[ -n "$a" ] || { echo "hercules: no $sym in $obj/System.map" >&2; exit 1; }
	saves="$saves$(printf 'savecore %s %X %X' "$work/$sym" $((0x$a)) $((0x$a + size - 1)))
"
done

# The automatic operator quits when the guest stops its CPU (poweroff -f
# ends in SIGP Stop), and after a disabled wait (HHCCP011I) first saves
# the log buffer, which needs the CPU stopped (stopall returns before it
# is): one command per target, so the steps are a script.
cat >"$work/panicked" <<EOF
stopall
pause 1
${saves}quit
EOF
cat >"$work/rc" <<EOF
hao tgt ^HHCCP011I
hao cmd script $work/panicked
hao tgt SIGP Stop
hao cmd quit
ipl 000c
EOF

log=${LOG:-$top/build/logs/s390-hercules-$run.log}
mkdir -p "$(dirname "$log")"
rc=0
# A hang is killed outright: on SIGTERM Hercules would ask the guest to
# shut down, and a guest that obeys did not hang.  timeout then ends with
# status 128+9, not 124, and the shell's "Killed" notice is noise.
{ (cd "$work" && HERCULES_RC=$work/rc timeout -s KILL "${TIMEOUT:-600}" \
	hercules -d -f "$work/hercules.cnf") </dev/null >"$log" 2>&1 || rc=$?; } 2>/dev/null
[ $rc -eq 137 ] && rc=124
# Hercules tags some lines for its panel's colours; the tag is no output.
sed -i 's/^<pnl[^>]*>//' "$log"
if [ $rc -ne 124 ] && grep -q '^HHCCP011I' "$log"; then
	echo "# hercules: disabled wait; the kernel's log, recovered from memory:" >>"$log"
	ring="$work/_printk_rb_static_descs $work/_printk_rb_static_infos $work/__log_buf"
	# shellcheck disable=SC2086
	"$top/tools/printk-ring.sh" $ring >>"$log" ||
		echo "# hercules: the saved log buffer could not be read" >>"$log"
	exit 3
fi
exit $rc
