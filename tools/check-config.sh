#!/bin/sh
# Fail when Kconfig dropped an option a fragment asked for (unmet dependency),
# instead of silently building a kernel without it.
# Usage: check-config.sh FRAGMENT DOTCONFIG
set -eu
bad=0
for opt in $(sed -n 's/^\(CONFIG_[A-Za-z0-9_]*\)=.*/\1/p' "$1"); do
	want=$(grep "^$opt=" "$1" | tail -n1)
	if ! grep -qx "$want" "$2"; then
		echo "config: $want was requested but the kernel has $(grep -E "^(# )?$opt[= ]" "$2" || echo "no $opt")" >&2
		bad=1
	fi
done
exit $bad
