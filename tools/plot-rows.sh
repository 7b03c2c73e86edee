#!/bin/sh
# Two plots side by side, one line per bench row: DIR/plot-ROW.dat holds
# an x value and the left and right plots' y values per line (NaN where
# there is none).  Used by the bench reports; LOGX=1 puts x on a log
# scale (iodepths).
# Usage: plot-rows.sh PNG TITLE XLABEL LEFT_TITLE LEFT_YLABEL RIGHT_TITLE RIGHT_YLABEL DIR ROW...
set -eu
[ $# -ge 9 ] || { echo "usage: plot-rows.sh PNG TITLE XLABEL LEFT_TITLE LEFT_YLABEL RIGHT_TITLE RIGHT_YLABEL DIR ROW..." >&2; exit 2; }
png=$1 title=$2 xlabel=$3 ltitle=$4 lylabel=$5 rtitle=$6 rylabel=$7 dir=$8
shift 8
rows=$*
lines() {	# lines COLUMN: the plot command's argument, one line per row
	p=''
	for r in $rows; do
		p="$p${p:+, }'$dir/plot-$r.dat' using 1:$1 with linespoints title '$r'"
	done
	echo "$p"
}
gnuplot <<EOP
set terminal pngcairo size 1100,420 noenhanced
set output '$png'
set multiplot layout 1,2 title '$title'
set xlabel '$xlabel'; set grid; set key top right; set yrange [0:*]
${LOGX:+set logscale x 2}
set title '$ltitle'; set ylabel '$lylabel'
plot $(lines 2)
set title '$rtitle'; set ylabel '$rylabel'
plot $(lines 3)
unset multiplot
EOP
