#!/bin/sh
# Fail when Kconfig dropped an option a fragment asked for (unmet dependency),
# instead of silently building a kernel without it.  Options the tree does
# not define at all (the series adds them; this is the base) are skipped.
# Usage: check-config.sh FRAGMENT DOTCONFIG SRC
set -eu
bad=0
defined=$(find "$3" -name 'Kconfig*' -not -path '*/.git/*' -exec cat {} + |
	sed -n 's/^[[:space:]]*\(menu\)\{0,1\}config[[:space:]]\{1,\}\([A-Za-z0-9_]*\).*/CONFIG_\2/p' | sort -u)
for opt in $(sed -n 's/^\(CONFIG_[A-Za-z0-9_]*\)=.*/\1/p' "$1"); do
	if ! echo "$defined" | grep -qx "$opt"; then
		echo "config: $opt is not in this tree; skipped" >&2
		continue
	fi
	want=$(grep "^$opt=" "$1" | tail -n1)
	if ! grep -qx "$want" "$2"; then
		echo "config: $want was requested but the kernel has $(grep -E "^(# )?$opt[= ]" "$2" || echo "no $opt")" >&2
		bad=1
	fi
done
exit $bad
