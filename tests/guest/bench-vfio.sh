#!/bin/sh
# Guest benchmark of VFIO type1 map and unmap, run by /init under
# series.run=bench-vfio: the spare function bound to vfio-pci, then
# series.samples (4) maps and unmaps of 128 KiB, 4 MiB and 18 MiB
# (tests/guest/vfio_latency.c), whose "# bench vfio" lines the host reads.
. /tests/lib.sh
samples=$(cmdline samples)
fn=$(pci_fn spare) && bind_to vfio-pci "$fn" ||
	{ echo "# bench error: no spare function bound to vfio-pci"; exit 0; }
vfio_latency "$fn" "${samples:-4}"
