# Per-architecture facts, sourced by the other scripts: sets CROSS, IMAGE
# (relative to the build directory) and DEBARCH, or fails on an unknown ARCH.
case ${ARCH:-} in
s390)	CROSS=s390x-linux-gnu-; IMAGE=arch/s390/boot/bzImage; DEBARCH=s390x ;;
arm64)	CROSS=aarch64-linux-gnu-; IMAGE=arch/arm64/boot/Image; DEBARCH=arm64 ;;
*)	echo "unknown ARCH '${ARCH:-}': use ARCH=s390 or ARCH=arm64" >&2; exit 2 ;;
esac

# make in kernel tree $src with output in $out, cross-compiling through ccache.
# Both trees share build/ as ccache's base dir, so base and series hit each
# other's cache for every file the series does not touch.
kmake() {
	CCACHE_BASEDIR=$top/build CCACHE_NOHASHDIR=1 CCACHE_SLOPPINESS=time_macros \
	make -s -C "$src" O="$out" ARCH="$ARCH" CROSS_COMPILE="$CROSS" \
		CC="ccache ${CROSS}gcc" KBUILD_BUILD_TIMESTAMP=2023-01-01 \
		KBUILD_BUILD_USER=series KBUILD_BUILD_HOST=build "$@"
}
