#!/bin/sh
# Upstream's own s390 conversion, as Debian ships it (linux-source-6.12,
# the kernel of Debian 13 and of Debian 12's backports): the bench's peer
# row.  Unpacks it into build/peer/linux as one commit tagged
# peer-<Debian version>, two levels below build/ like the other trees (so
# ccache's relative paths match).  The bench kernel is built from a
# worktree of it with the bench patch (tools/bench-tree.sh ARCH peer).
# Safe to re-run: an existing tree at the installed version is kept.
# Usage: peer.sh    prints the tag
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
pkg=linux-source-6.12
tree=$top/build/peer/linux
"$top/tools/deps.sh" peer
have=$(dpkg-query -W -f='${Version}' "$pkg")
# A tag name cannot hold "~" or ":" (backports: 6.12.117-1~deb12u1).
tag=peer-$(echo "$have" | tr '~:' '_.')
if git -C "$tree" rev-parse -q --verify "refs/tags/$tag" >/dev/null 2>&1; then
	echo "$tag"
	exit 0
fi
[ -e "$tree" ] && { echo "peer: build/peer/linux exists but holds no $tag; remove it to start over" >&2; exit 1; }
echo "peer: unpacking /usr/src/$pkg.tar.xz" >&2
unpack=$top/build/peer/unpack
rm -rf "$unpack"
mkdir -p "$unpack"
tar -xJf "/usr/src/$pkg.tar.xz" -C "$unpack"
mv "$unpack/$pkg" "$tree"
rmdir "$unpack"
git -C "$tree" init -q
git -C "$tree" config user.name "bench tooling"
git -C "$tree" config user.email "bench@localhost"
git -C "$tree" config gc.auto 0
# Debian's .gitignore ignores the whole top level, hence -f.
git -C "$tree" add -f -A
git -C "$tree" commit -q -m "Debian $pkg $have (pristine peer)"
git -C "$tree" tag "$tag"
echo "$tag"
