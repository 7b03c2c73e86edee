#!/bin/sh
# How the bounce-buffer pool should take a scatterlist (issue 11): the
# whole list in one slot (the series) or each segment in a slot of its own
# (bench.pool_sg=segment, patches/bench/6.1/0002-*), against the pool off.
# virtio-blk maps a page at a time; NVMe maps a request of more than one
# segment with dma_map_sg, so the guest is arm64 with an NVMe controller
# behind virtio-iommu (tools/boot.sh NVME=1; qemu-system-s390x has no
# NVMe).  First a crc32c verify pass per row at cost 0, then fio random
# reads and writes per block size (tests/guest/bench-sg.sh), one boot per
# row and modelled intercept cost, rows interleaved within a run; then the
# report (tools/bench-sg-report.sh), medians over runs.
# Usage: bench-sg.sh [arm64]   Environment:
#   COST ("0 10"), RUNS (3), BS (8k,16k,32k,64k), RW (randread,randwrite),
#   SECS (3: fio seconds per pattern and size), VERIFY (1; 0 skips the
#   verify pass), ROWS ("label:flavour:params" as tools/bench.sh; the first
#   is the one ratios are taken to), OUT (build/bench-sg/arm64)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ARCH=${1:-arm64}
[ "$ARCH" = arm64 ] ||
	{ echo "bench-sg: needs ARCH=arm64: NVMe is in qemu-system-aarch64 only, not '$ARCH'" >&2; exit 2; }
. "$top/tools/arch.sh"
costs=${COST:-0 10} runs=${RUNS:-3} secs=${SECS:-3} verify=${VERIFY:-1}
bs=${BS:-8k,16k,32k,64k} rw=${RW:-randread,randwrite}
out=${OUT:-$top/build/bench-sg/$ARCH}
for n in $costs; do
	case $n in ''|*[!0-9]*) echo "bench-sg: COST takes whole numbers of µs, not '$n'" >&2; exit 2 ;; esac
	[ "$n" -le 10000 ] || { echo "bench-sg: $n is above the kernel's limit of 10000" >&2; exit 2; }
done
for n in "$runs" "$secs"; do
	case $n in ''|0|*[!0-9]*) echo "bench-sg: RUNS and SECS must be 1 or more, not '$n'" >&2; exit 2 ;; esac
done
case $verify in 0|1) ;; *) echo "bench-sg: VERIFY is 0 or 1, not '$verify'" >&2; exit 2 ;; esac
for b in $(echo "$bs" | tr , ' '); do
	# The guest counts I/Os as KiB over the size: whole KiB only.
	case $b in [1-9]k|[1-9][0-9]k|1[0-2][0-9]k) ;; *) echo "bench-sg: BS takes sizes from 1k to 128k, not '$b'" >&2; exit 2 ;; esac
done
for r in $(echo "$rw" | tr , ' '); do
	case $r in read|randread|write|randwrite) ;; *) echo "bench-sg: RW takes read, randread, write or randwrite, not '$r'" >&2; exit 2 ;; esac
done
# Lazy flushing, where the pool is on by default; KUnit is left out of
# these boots, since the pool's tests expect the series' whole-list way.
lazy="iommu.strict=0,kunit.filter_glob=bench-sg-none"
rows=${ROWS:-off:series:$lazy,iommu.dma_pool=off whole:series:$lazy segment:series:$lazy,bench.pool_sg=segment}
"$top/tools/deps.sh" bench

# One bench kernel per flavour, as "flavour image" lines.
images=$("$top/tools/bench-kernels.sh" "$ARCH" "$rows")
mkdir -p "$out"
csv=$out/results.csv vcsv=$out/verify.csv
fb="fb_cap fb_nomem fb_full fb_window fb_mask fb_map fb_sg"
echo "row,cost_us,run,rw,bs,iops,ios,kib,intercepts,requests,stall_us,lists,list_slots,gets,new_slots,copied,held,slots,$(echo "$fb" | tr ' ' ,)" >"$csv"
echo "row,bs,ok,lists,list_slots,gets,fallbacks" >"$vcsv"

# boot LABEL FLAVOUR PARAMS LOG APPEND: one guest; fails on a guest error.
boot() {
	kernel=$(echo "$images" | awk -v f="$2" '$1 == f { print $2 }')
	LOG=$4 TIMEOUT=900 RUN=bench-sg KERNEL=$kernel NVME=1 \
		APPEND="$5 $3" "$top/tools/boot.sh" "$ARCH" viommu "$2" ||
		{ echo "bench-sg: $1 failed (log: $4)" >&2; exit 1; }
	if tr -d '\r' <"$4" | grep '^# bench error' >&2; then
		echo "bench-sg: $1: the guest reported an error (log: $4)" >&2
		exit 1
	fi
}

if [ "$verify" = 1 ]; then
	for row in $rows; do
		label=${row%%:*} rest=${row#*:}
		flavour=${rest%%:*} params=$(echo "${rest#*:}" | tr , ' ')
		log=$out/$label-verify.log
		echo "bench-sg: verify, $label" >&2
		boot "$label" "$flavour" "$params" "$log" "series.verify=1 series.bs=$bs bench_intercept_us=0"
		tr -d '\r' <"$log" | awk -v row="$label" '
			/^# bench sg-verify / {
				delete v
				for (i = 4; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
				f = 0; for (k in v) if (k ~ /^fb_/) f += v[k]
				print row "," v["bs"] "," v["ok"] "," v["lists"] "," v["list_slots"] "," v["gets"] "," f
				n++; bad = bad || v["ok"] != 1
			}
			END { exit bad || n == 0 }' >>"$vcsv" ||
			{ echo "bench-sg: verify failed for $label (log: $log)" >&2; exit 1; }
	done
fi

n=0 total=$(($(echo "$costs" | wc -w) * $(echo "$rows" | wc -w) * runs))
for run in $(seq "$runs"); do
	for cost in $costs; do
		for row in $rows; do
			label=${row%%:*} rest=${row#*:}
			flavour=${rest%%:*} params=$(echo "${rest#*:}" | tr , ' ')
			log=$out/$label-$cost-$run.log
			n=$((n + 1))
			echo "bench-sg: $n/$total: run $run, $label, $cost µs per intercept" >&2
			boot "$label" "$flavour" "$params" "$log" \
				"series.bs=$bs series.rw=$rw series.secs=$secs bench_intercept_us=$cost"
			# A guest that did not take the cost must not pass for a modelled one.
			tr -d '\r' <"$log" | awk -F'[ =]' -v pre="$label,$cost,$run" -v cost="$cost" -v fb="$fb" '
				/^# bench sg / {
					delete v
					for (i = 4; i < NF; i += 2) v[$i] = $(i + 1)
					if (v["cost_us"] != cost) {
						print "bench-sg: the guest ran at \"" v["cost_us"] "\" µs per intercept, not " cost > "/dev/stderr"
						bad = 1
					}
					line = pre
					split("rw bs iops ios kib intercepts requests stall_us lists list_slots gets new_slots copied held slots " fb, f, " ")
					for (i = 1; i in f; i++) line = line "," v[f[i]]
					print line; n++
				}
				END { exit bad || n == 0 }' >>"$csv" ||
				{ echo "bench-sg: $label at $cost µs, run $run gave no usable results (log: $log)" >&2; exit 1; }
		done
	done
done
"$top/tools/bench-sg-report.sh" "$csv"
