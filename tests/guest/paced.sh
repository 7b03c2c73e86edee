#!/bin/sh
# Copy standard input to the console one line at a time, SECONDS apart,
# between markers that let the host check that no line was lost: the
# last says how many lines the guest printed, markers included.
# Usage: paced.sh SECONDS
pace=$1
n=1
echo "# series-paced-begin"
sleep "$pace"
while IFS= read -r line; do
	printf '%s\n' "$line"
	n=$((n + 1))
	sleep "$pace"
done
echo "# series-paced-lines $((n + 1))"
sleep "$pace"
