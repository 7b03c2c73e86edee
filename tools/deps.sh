#!/bin/sh
# Make sure a job has every Debian package it needs.  Each job lists the
# commands and files it uses (uses), and one table names the package that
# provides each of them (package_of), so a job's package list is derived
# in one place and a tool cannot be used without being named here.
# What is missing is installed when run as root, otherwise named; either
# way it is checked again afterwards.  Usage: deps.sh JOB...
# The base system (coreutils, sed, grep, mawk, tar, findutils, perl-base,
# util-linux, dpkg, apt) is assumed and not listed.
set -eu
set -f	# the lists hold globs; present() expands them

uses() {	# uses JOB: the commands and files (paths may be globs) it uses
	case $1 in
	tree)	echo "git xz /usr/src/linux-source-6.1.tar.xz" ;;
	# Upstream's own conversion, as Debian 13 ships it: the bench's peer.
	peer)	echo "git xz /usr/src/linux-source-6.12.tar.xz" ;;
	# The kernel's own build: host programs (fixdep, kconfig), its
	# scripts, and headers_install (rsync).
	kernel)	echo "gcc /usr/include/stdio.h make bc flex bison ccache rsync
		/usr/include/libelf.h /usr/include/openssl/ssl.h" ;;
	# Cross builds, and the static guest programs (the target's libc).
	s390)	echo "$(uses kernel) s390x-linux-gnu-gcc s390x-linux-gnu-readelf
		/usr/s390x-linux-gnu/lib/libc.a" ;;
	arm64)	echo "$(uses kernel) aarch64-linux-gnu-gcc aarch64-linux-gnu-readelf
		/usr/aarch64-linux-gnu/lib/libc.a" ;;
	# make bindeb-pkg: dpkg-buildpackage under fakeroot, depmod, and
	# openssl for the key that signs the modules (Debian's config
	# signs them; its own certificates are not ours).
	deb)	echo "dpkg-buildpackage fakeroot depmod cpio openssl xz" ;;
	rootfs)	echo "mmdebstrap cpio gzip" ;;
	boot-s390)	echo "qemu-system-s390x socat" ;;
	boot-arm64)	echo "qemu-system-aarch64 socat" ;;
	boot-hercules)	echo "hercules" ;;
	bench)	echo "gnuplot" ;;
	# checkpatch.pl: perl with its modules, and python3-ply and
	# python3-git for the SPDX check.
	series)	echo "git /usr/share/perl/*/Term/ANSIColor.pm python3
		/usr/lib/python3/dist-packages/ply /usr/lib/python3/dist-packages/git" ;;
	clean-room)	echo "mmdebstrap git" ;;
	*)	echo "deps: unknown job '$1'" >&2; return 2 ;;
	esac
}

package_of() {	# package_of THING: the Debian package that provides it
	case $1 in
	git)		echo git ;;
	xz)		echo xz-utils ;;
	/usr/src/linux-source-6.1.tar.xz) echo linux-source-6.1 ;;
	/usr/src/linux-source-6.12.tar.xz) echo linux-source-6.12 ;;
	gcc)		echo gcc ;;
	/usr/include/stdio.h) echo libc6-dev ;;
	make)		echo make ;;
	bc)		echo bc ;;
	flex)		echo flex ;;
	bison)		echo bison ;;
	ccache)		echo ccache ;;
	rsync)		echo rsync ;;
	/usr/include/libelf.h) echo libelf-dev ;;
	/usr/include/openssl/ssl.h) echo libssl-dev ;;
	s390x-linux-gnu-gcc) echo gcc-s390x-linux-gnu ;;
	s390x-linux-gnu-readelf) echo binutils-s390x-linux-gnu ;;
	/usr/s390x-linux-gnu/lib/libc.a) echo libc6-dev-s390x-cross ;;
	aarch64-linux-gnu-gcc) echo gcc-aarch64-linux-gnu ;;
	aarch64-linux-gnu-readelf) echo binutils-aarch64-linux-gnu ;;
	/usr/aarch64-linux-gnu/lib/libc.a) echo libc6-dev-arm64-cross ;;
	mmdebstrap)	echo mmdebstrap ;;
	cpio)		echo cpio ;;
	dpkg-buildpackage) echo dpkg-dev ;;
	fakeroot)	echo fakeroot ;;
	depmod)		echo kmod ;;
	openssl)	echo openssl ;;
	gzip)		echo gzip ;;
	qemu-system-s390x) echo qemu-system-misc ;;
	qemu-system-aarch64) echo qemu-system-arm ;;
	socat)		echo socat ;;
	hercules)	echo hercules ;;
	gnuplot)	echo gnuplot-nox ;;
	/usr/share/perl/*/Term/ANSIColor.pm) echo perl ;;
	python3)	echo python3 ;;
	/usr/lib/python3/dist-packages/ply) echo python3-ply ;;
	/usr/lib/python3/dist-packages/git) echo python3-git ;;
	*)		return 1 ;;
	esac
}

present() {	# present THING: a command on PATH, or an existing path (glob)
	case $1 in
	/*)	set +f; for f in $1; do [ -e "$f" ] && { set -f; return 0; }; done; set -f; return 1 ;;
	*)	command -v "$1" >/dev/null 2>&1 ;;
	esac
}

# Every thing a job uses must have a package, even where it is installed,
# so a gap in the table shows on every machine, not only on a new one.
things=
for job in "$@"; do
	list=$(uses "$job") || exit 2
	for t in $list; do
		p=$(package_of "$t") && [ -n "$p" ] ||
			{ echo "deps: job '$job' uses '$t', but tools/deps.sh names no package for it" >&2; exit 1; }
		things="$things $t"
	done
done

missing=
for t in $things; do
	present "$t" && continue
	p=$(package_of "$t")
	case " $missing " in *" $p "*) ;; *) missing="$missing $p" ;; esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "deps: missing Debian packages:$missing (run: sudo apt-get install$missing)" >&2
	exit 1
fi
# On stderr: a caller may be capturing its own stdout (a path, a list).
echo "deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null || { echo "deps: apt-get update failed" >&2; exit 1; }
install() { apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }
# shellcheck disable=SC2086
if ! install $missing 2>/dev/null; then
	# Find the one that cannot be installed, and name it.
	for p in $missing; do
		install "$p" || { echo "deps: cannot install Debian package $p" >&2; exit 1; }
	done
fi
for t in $things; do
	present "$t" ||
		{ echo "deps: $t is still missing after installing $(package_of "$t")" >&2; exit 1; }
done
