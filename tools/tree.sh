#!/bin/sh
# Assemble build/linux: Debian's pristine linux-source-6.1 as the first
# commit (tagged base-<version>), then one commit per patch in patches/.
# Safe to re-run: an up-to-date tree is left alone, and a tree holding
# commits that were never exported is never thrown away.
set -eu
# The identity of the tree's own commits; make series replaces it.
placeholder='series tooling <series@localhost>'
top=$(cd "$(dirname "$0")/.." && pwd)
tree=$top/build/linux
pkg=$(sed -n 's/^package: //p' "$top/patches/BASE")
want=$(sed -n 's/^version: //p' "$top/patches/BASE")

"$top/tools/deps.sh" tree
have=$(dpkg-query -W -f='${Version}' "$pkg")
tag=base-$have
if [ "$have" != "$want" ]; then
	echo "tree: patches/ was made against $pkg $want, Debian serves $have; trying anyway" >&2
fi

stamp() { cat "$top"/patches/*.patch 2>/dev/null | sha256sum | cut -d' ' -f1; }
state=$tree/.git/series-state	# "<patches hash> <HEAD after am/export>"

if [ -d "$tree/.git" ] && git -C "$tree" rev-parse -q --verify "refs/tags/$tag" >/dev/null; then
	head=$(git -C "$tree" rev-parse HEAD)
	if [ -f "$state" ] && [ "$(cat "$state")" = "$(stamp) $head" ]; then
		echo "tree: build/linux is up to date ($tag + $(git -C "$tree" rev-list --count "$tag"..HEAD) patches)"
		exit 0
	fi
	if [ -n "$(git -C "$tree" status --porcelain --untracked-files=no)" ]; then
		echo "tree: build/linux has uncommitted changes; commit and 'make export' them, or discard them" >&2
		exit 1
	fi
	if [ ! -f "$state" ] || [ "$(cut -d' ' -f2 "$state")" != "$head" ]; then
		echo "tree: build/linux has commits that are not in patches/; run 'make export' first" >&2
		exit 1
	fi
	git -C "$tree" am --abort >/dev/null 2>&1 || true
	git -C "$tree" reset -q --hard "$tag"
else
	[ -e "$tree" ] && { echo "tree: build/linux exists but holds no $tag; remove it to start over" >&2; exit 1; }
	src=/usr/src/$pkg.tar.xz
	echo "tree: unpacking $src"
	mkdir -p "$top/build/unpack"
	rm -rf "$top/build/unpack/$pkg"
	tar -xJf "$src" -C "$top/build/unpack"
	mv "$top/build/unpack/$pkg" "$tree"
	rmdir "$top/build/unpack"
	git -C "$tree" init -q
	email=${placeholder#*<}
	git -C "$tree" config user.name "${GIT_AUTHOR_NAME:-${placeholder% <*}}"
	git -C "$tree" config user.email "${GIT_AUTHOR_EMAIL:-${email%>}}"
	git -C "$tree" config gc.auto 0
	# Debian's .gitignore ignores the whole top level, hence -f.
	git -C "$tree" add -f -A
	git -C "$tree" commit -q -m "Debian $pkg $have (pristine base)"
	git -C "$tree" tag "$tag"
fi

for p in "$top"/patches/*.patch; do
	[ -e "$p" ] || break
	if ! git -C "$tree" am -q --committer-date-is-author-date "$p" >/dev/null 2>&1; then
		git -C "$tree" am --abort >/dev/null 2>&1 || true
		# Remember where we stopped, so a fixed patches/ is simply re-applied.
		echo "failed $(git -C "$tree" rev-parse HEAD)" >"$state"
		echo "tree: patch does not apply: patches/$(basename "$p")" >&2
		exit 1
	fi
done
echo "$(stamp) $(git -C "$tree" rev-parse HEAD)" >"$state"
echo "tree: build/linux is $tag + $(git -C "$tree" rev-list --count "$tag"..HEAD) patches"
