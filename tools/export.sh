#!/bin/sh
# Regenerate patches/ from the commits above the base tag in build/linux.
# Stable output: zeroed commit hashes, no version signature.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
tree=$top/build/linux
tag=$(git -C "$tree" describe --tags --abbrev=0 --match 'base-*') ||
	{ echo "export: build/linux has no base tag; run 'make tree'" >&2; exit 1; }
if [ -n "$(git -C "$tree" status --porcelain --untracked-files=no)" ]; then
	echo "export: build/linux has uncommitted changes; commit them first" >&2
	exit 1
fi
rm -f "$top"/patches/*.patch
git -C "$tree" format-patch -q --zero-commit --no-signature --no-numbered \
	-o "$top/patches" "$tag"..HEAD
stamp=$(cat "$top"/patches/*.patch 2>/dev/null | sha256sum | cut -d' ' -f1)
echo "$stamp $(git -C "$tree" rev-parse HEAD)" >"$tree/.git/series-state"
echo "export: $(ls "$top"/patches/*.patch 2>/dev/null | wc -l) patches in patches/"
