#!/bin/sh
# Build the kernel after every patch of the series, for s390 and arm64, in
# a worktree of its own so build/linux is left alone.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
tree=$top/build/linux wt=$top/build/bisect/linux
tag=$(git -C "$tree" describe --tags --abbrev=0 --match 'base-*')
commits=$(git -C "$tree" rev-list --reverse "$tag"..HEAD)
[ -n "$commits" ] || { echo "bisect-check: no patches above $tag"; exit 0; }
if [ ! -d "$wt" ]; then
	mkdir -p "$(dirname "$wt")"
	git -C "$tree" worktree add -q --detach "$wt" "$tag"
fi
for c in $commits; do
	git -C "$wt" checkout -q --detach "$c"
	subject=$(git -C "$wt" log -1 --format=%s)
	for ARCH in s390 arm64; do
		. "$top/tools/arch.sh"
		# Same relative layout as build/linux and build/obj, for ccache.
		src=$wt out=$top/build/bisect/obj/$ARCH
		"$top/tools/build.sh" "$ARCH" "$src" "$out" >/dev/null 2>"$top/build/bisect/$ARCH.err" ||
			{ cat "$top/build/bisect/$ARCH.err" >&2
			  echo "bisect-check: $ARCH build fails at '$subject'" >&2; exit 1; }
	done
	echo "bisect-check: builds on s390 and arm64: $subject"
done
