#!/bin/sh
# Write a submission-ready patch set with a cover letter into build/series
# and run checkpatch --strict on every patch; fail on any error.
# The patches are sent in the name of the person running it: author and
# Signed-off-by come from their git identity (GIT_AUTHOR_NAME/EMAIL or
# git config user.name/user.email), never from the tree's placeholder.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
tree=$top/build/linux out=$top/build/series
placeholder=$(sed -n "s/^placeholder='\\(.*\\)'$/\\1/p" "$top/tools/tree.sh")
"$top/tools/deps.sh" series
name=${GIT_AUTHOR_NAME:-$(git -C "$top" config user.name || true)}
email=${GIT_AUTHOR_EMAIL:-$(git -C "$top" config user.email || true)}
if [ -z "$name" ] || [ -z "$email" ]; then
	echo "series: no git identity to send the series as; set yours with" >&2
	echo "  git config --global user.name 'Your Name' && git config --global user.email you@example.org" >&2
	exit 1
fi
case "$name <$email>" in
"$placeholder")	echo "series: the git identity is the tooling's placeholder; set your own" >&2; exit 1 ;;
esac
tag=$(git -C "$tree" describe --tags --abbrev=0 --match 'base-*')
n=$(git -C "$tree" rev-list --count "$tag"..HEAD)
rm -rf "$out"
mkdir -p "$out"
if [ "$n" -eq 0 ]; then
	echo "series: no patches above $tag; nothing to send"
	exit 0
fi
git -C "$tree" format-patch -q --cover-letter --no-signature --base="$tag" \
	-o "$out" "$tag"..HEAD
# The placeholder becomes the sender, as author and in Signed-off-by.
ph_re=$(printf '%s' "$placeholder" | sed 's/[][\\.*^$/]/\\&/g')
me_re=$(printf '%s <%s>' "$name" "$email" | sed 's/[\\&|]/\\&/g')
sed -i -e "s|^\(From: \)$ph_re\$|\1$me_re|" \
	-e "s|^\(Signed-off-by: \)$ph_re\$|\1$me_re|" "$out"/*.patch
if grep -l -F "$placeholder" "$out"/*.patch >&2; then
	echo "series: the placeholder identity is still in the files above" >&2
	exit 1
fi
# The cover letter's subject and text come from Documentation/cover-letter.txt
# (first line: subject; the rest: body).
cover=$(ls "$out"/0000-*.patch)
subject=$(head -n1 "$top/Documentation/cover-letter.txt")
tail -n +3 "$top/Documentation/cover-letter.txt" >"$out/.blurb"
sed -i -e "s|\*\*\* SUBJECT HERE \*\*\*|$subject|" \
	-e "/\*\*\* BLURB HERE \*\*\*/{r $out/.blurb
d}" "$cover"
rm "$out/.blurb"
# checkpatch exits non-zero on warnings too; only errors fail the target.
errors=0
for p in "$out"/*.patch; do
	[ "$p" = "$cover" ] && continue
	# Debian's python3 has ply for checkpatch's SPDX check, a private one may not.
	report=$(cd "$tree" && PATH=/usr/bin:$PATH ./scripts/checkpatch.pl --strict \
		--terse --no-summary "$p" 2>&1) || true
	[ -n "$report" ] && echo "$report"
	if echo "$report" | grep -q ': ERROR:'; then
		errors=$((errors + 1))
	fi
done
[ "$errors" -eq 0 ] || { echo "series: checkpatch found errors in $errors patch(es)" >&2; exit 1; }
echo "series: $n patches and a cover letter in build/series, checkpatch --strict clean of errors"
