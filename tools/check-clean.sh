#!/bin/sh
# Run the README's commands as a new user would on a fresh Debian 12
# machine: in a bare chroot (mmdebstrap --variant=minbase with only git,
# make and ca-certificates), on a clone of the committed HEAD with shared/
# beside it, as root, with /proc, /sys and /dev bound in.  Its output ends
# with the command's own closing line, and it exits with its status.
# The chroot goes afterwards, whatever happened.  Only apt's downloaded
# packages are kept between runs (build/clean-room/apt-archives): nothing
# installed, no ccache, no build output.
# Usage: check-clean.sh [COMMAND]   (default: make check; run as root)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cmd=${1:-make check}
[ "$(id -u)" = 0 ] || { echo "check-clean: needs root (chroot, mounts)" >&2; exit 1; }
"$top/tools/deps.sh" clean-room
[ -z "$(git -C "$top" status --porcelain --untracked-files=no)" ] ||
	echo "check-clean: uncommitted changes are not tested; only HEAD is cloned" >&2

work=$top/build/clean-room
archives=$work/apt-archives
mkdir -p "$archives/partial"
root=$(mktemp -d "$work/root.XXXXXX")
cleanup() {
	# Deepest mounts first; lazily, so a busy one cannot keep the chroot.
	grep -o " $root/[^ ]*" /proc/self/mounts | sort -r |
		while read -r m; do umount -l "$m" || true; done
	if grep -q " $root/" /proc/self/mounts; then
		echo "check-clean: $root still has mounts; not removing it" >&2
		return
	fi
	rm -rf --one-file-system "$root"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$top/tools/debian-sources.sh" >"$work/sources.list"
[ -s "$work/sources.list" ] && set -- "$work/sources.list" || set --
echo "check-clean: bare Debian 12 chroot in $root"
mmdebstrap --quiet --variant=minbase --include=git,make,ca-certificates \
	--skip=essential/unlink \
	--setup-hook="mkdir -p \"\$1/var/cache/apt/archives\"" \
	--setup-hook="sync-in $archives /var/cache/apt/archives" \
	--customize-hook="sync-out /var/cache/apt/archives $archives" \
	bookworm "$root" "$@" ||
	{ echo "check-clean: mmdebstrap failed" >&2; exit 1; }

git clone -q "$top" "$root/work/main"
[ -d "$top/../shared" ] && cp -a "$top/../shared" "$root/work/shared"
mount --bind /proc "$root/proc"
for d in sys dev; do
	mount --rbind "/$d" "$root/$d"
	mount --make-rslave "$root/$d"
done
# Packages that the command installs land in the kept archive too.
mkdir -p "$root/var/cache/apt/archives"
mount --bind "$archives" "$root/var/cache/apt/archives"

echo "check-clean: running '$cmd' in the chroot"
rc=0
chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
	PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
	sh -c "cd /work/main && $cmd" </dev/null || rc=$?
exit $rc
