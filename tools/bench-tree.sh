#!/bin/sh
# The tree of a bench kernel: a kernel flavour with the bench-only patch
# applied as one more commit, in its own worktree beside its own objects,
# so the plain flavours (make check, make series) never see it.
#   series, base, rev=COMMIT   as tools/flavour.sh, from build/linux,
#                              with patches/bench/6.1/*.patch
#   peer                       Debian's linux-source-6.12 (tools/peer.sh),
#                              with patches/bench/6.12/*.patch
# The patch directory is picked by the tree's VERSION.PATCHLEVEL; a patch
# with a "Bench-requires: FILE" line only goes where FILE is.  Trees:
# build/bench-<name>/linux, objects build/bench-<name>/obj/ARCH, two levels
# below build/ like every tree (ccache).  Usage: bench-tree.sh ARCH FLAVOUR
# prints "SRC OBJ"; fails, naming the patch, when one does not apply.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ARCH=$1 flavour=$2
repo=$top/build/linux
case $flavour in
series)	want=$(git -C "$repo" rev-parse HEAD) name=series ;;
base)	tag=$(git -C "$repo" describe --tags --abbrev=0 --match 'base-*' 2>/dev/null) ||
		{ echo "bench-tree: build/linux has no base tag; run 'make tree'" >&2; exit 1; }
	want=$(git -C "$repo" rev-parse "$tag^{commit}") name=base ;;
rev=*)	want=$(git -C "$repo" rev-parse --verify -q "${flavour#rev=}^{commit}") ||
		{ echo "bench-tree: no commit '${flavour#rev=}' in build/linux" >&2; exit 1; }
	name=rev-$(git -C "$repo" rev-parse --short "$want") ;;
peer)	repo=$top/build/peer/linux
	tag=$("$top/tools/peer.sh")
	want=$(git -C "$repo" rev-parse "$tag^{commit}") name=peer ;;
*)	echo "bench-tree: unknown flavour '$flavour' (series, base, rev=COMMIT or peer)" >&2; exit 2 ;;
esac
version=$(git -C "$repo" show "$want:Makefile" |
	awk -F' = ' '$1 == "VERSION" { v = $2 } $1 == "PATCHLEVEL" { print v "." $2; exit }')
pdir=$top/patches/bench/$version
set -- "$pdir"/*.patch
[ -e "$1" ] || { echo "bench-tree: no bench patch for Linux $version (patches/bench/$version/)" >&2; exit 1; }

dir=$top/build/bench-$name
wt=$dir/linux
# Applied already when the stamp names this commit and these patches.
stamp="$want $(cat "$@" | sha256sum | cut -d' ' -f1)"
if [ -e "$wt/.git" ] && [ "$(cat "$dir/applied" 2>/dev/null)" = "$stamp $(git -C "$wt" rev-parse HEAD)" ]; then
	echo "$wt $dir/obj/$ARCH"
	exit 0
fi
if [ ! -e "$wt/.git" ]; then
	mkdir -p "$dir"
	git -C "$repo" worktree add -q --detach "$wt" "$want" >&2
else
	git -C "$wt" am --abort >/dev/null 2>&1 || true
	git -C "$wt" checkout -q -f --detach "$want" >&2
fi
for p in "$@"; do
	# A patch for a part some flavours lack (the pool, patch 27) names it
	# in "Bench-requires: FILE" and is left out of the trees without it.
	need=$(sed -n 's/^Bench-requires: //p' "$p")
	if [ -n "$need" ] && ! git -C "$wt" cat-file -e "HEAD:$need" 2>/dev/null; then
		continue
	fi
	# Fixed identity and dates: the same patches give the same commit, so
	# the configuration (keyed by commit) is not redone needlessly.
	if ! git -C "$wt" -c user.name="bench tooling" -c user.email=bench@localhost \
		am -q --committer-date-is-author-date "$p" >/dev/null 2>&1; then
		git -C "$wt" am --abort >/dev/null 2>&1 || true
		echo "bench-tree: patches/bench/$version/$(basename "$p") does not apply to $flavour ($(git -C "$repo" rev-parse --short "$want"))" >&2
		exit 1
	fi
done
echo "$stamp $(git -C "$wt" rev-parse HEAD)" >"$dir/applied"
echo "$wt $dir/obj/$ARCH"
