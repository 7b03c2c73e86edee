#!/bin/sh
# Print the path of a worktree of build/linux checked out at the base tag,
# creating or updating it as needed: the unpatched kernel for baselines.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
tree=$top/build/linux base=$top/build/base/linux
tag=$(git -C "$tree" describe --tags --abbrev=0 --match 'base-*' 2>/dev/null) ||
	{ echo "base-tree: build/linux has no base tag; run 'make tree'" >&2; exit 1; }
if [ ! -d "$base" ]; then
	mkdir -p "$(dirname "$base")"
	git -C "$tree" worktree add -q --detach "$base" "$tag" >&2
elif [ "$(git -C "$base" rev-parse HEAD)" != "$(git -C "$tree" rev-parse "$tag^{commit}")" ]; then
	git -C "$base" checkout -q --detach "$tag" >&2
fi
echo "$base"
