# Hercules' side of a guest run (the log of tools/hercules.sh), as results:
# - every line the guest paced (tests/guest/paced.sh) arrived, counted
#   against the total it printed last: Hercules keeps only the first line
#   of each SCLP write, so a lost line would otherwise go unseen;
# - the guest stopped its CPU itself (poweroff ends in SIGP Stop), and did
#   not end in a disabled wait (a panic), whose log, recovered from
#   memory, is shown.
# Variables: tag (prefix for names).
function res(ok, name) { print (ok ? "ok " : "not ok ") "[" tag "] " name }
# Hercules' own messages are no guest output.
/^HHC[A-Z][A-Z][0-9][0-9][0-9][A-Z] |^CPU[0-9A-F][0-9A-F][0-9A-F][0-9A-F]: / {
	if (/^HHCCP011I/) waited = 1
	if (/: SIGP Stop /) stopped = 1
	next
}
/^# hercules: disabled wait/	{ recovered = 1; paced = 0; next }
recovered	{ last[++nrec] = $0; next }
/^# series-paced-begin$/	{ paced = 1; n = 0 }
paced	{ n++ }
/^# series-paced-lines [0-9]+$/	{ paced = 0; want = $3 }
END {
	if (want == "") res(0, "console: the guest's paced output ends with its line count")
	else res(n == want, "console: every paced line arrived (" n " of " want ")")
	res(stopped && !waited, "guest stopped its CPU itself (poweroff), no disabled wait")
	if (waited) {
		print "# disabled wait (a panic); the kernel log's last lines, recovered from memory:"
		for (i = nrec > 20 ? nrec - 19 : 1; i <= nrec; i++) print "# " last[i]
	}
}
