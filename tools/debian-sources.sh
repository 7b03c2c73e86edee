#!/bin/sh
# Print the Debian archives this machine's apt uses, one "deb URI SUITE
# COMPONENTS" line each (from /etc/apt, deb822 or one-line style), so the
# guest userland and the clean room come from the same registry as the
# host's packages.  Only Debian's own archives (path /debian or
# /debian-security), not third-party ones; nothing where apt names none.
set -eu
{
for f in /etc/apt/sources.list.d/*.sources; do
	[ -e "$f" ] || continue
	# deb822: one stanza per paragraph; an entry needs Types: deb.
	awk 'function flush() {
		if (types ~ /(^| )deb( |$)/ && enabled != "no")
			for (i = 1; i <= nu; i++) for (j = 1; j <= ns; j++)
				print "deb " u[i] " " s[j] " " comps
		types = ""; enabled = ""; nu = ns = 0; comps = "main"
	}
	BEGIN { comps = "main" }
	/^[ \t]*$/ { flush(); next }
	/^Types:/ { sub(/^Types:[ \t]*/, ""); types = $0 }
	/^Enabled:/ { enabled = tolower($2) }
	/^URIs:/ { for (i = 2; i <= NF; i++) u[++nu] = $i }
	/^Suites:/ { for (i = 2; i <= NF; i++) s[++ns] = $i }
	/^Components:/ { sub(/^Components:[ \t]*/, ""); comps = $0 }
	END { flush() }' "$f"
done
cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
	sed -n 's/^deb \(\[[^]]*\] \)\{0,1\}\([a-z]*:[^ ]*\)/deb \2/p'
} | grep -E '/debian(-security|-ports)?/? ' || true
