#!/bin/sh
# Make sure the Debian packages a job needs are installed: install them when
# root, otherwise name them and fail.  Usage: deps.sh JOB...
set -eu
need=
for job in "$@"; do
	case $job in
	tree)	need="$need linux-source-6.1 xz-utils git" ;;
	s390)	need="$need gcc-s390x-linux-gnu binutils-s390x-linux-gnu ccache make bc flex bison libelf-dev libssl-dev" ;;
	arm64)	need="$need gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu ccache make bc flex bison libelf-dev libssl-dev" ;;
	rootfs)	need="$need mmdebstrap cpio gzip" ;;
	boot-s390)	need="$need qemu-system-misc socat" ;;
	boot-arm64)	need="$need qemu-system-arm socat" ;;
	bench)	need="$need gnuplot-nox" ;;
	series)	need="$need perl python3-ply python3-git" ;;
	*)	echo "deps: unknown job '$job'" >&2; exit 2 ;;
	esac
done
missing=
for p in $need; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "deps: missing Debian packages:$missing (run: sudo apt-get install$missing)" >&2
	exit 1
fi
echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null || { echo "deps: apt-get update failed" >&2; exit 1; }
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null ||
	{ echo "deps: apt-get install$missing failed" >&2; exit 1; }
