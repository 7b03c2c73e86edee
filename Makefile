# s390 zPCI DMA on dma-iommu: a patch series against Debian's linux-source-6.1
# and the tooling to build, boot, test, measure and submit it.
# `make help` lists the targets.
ARCH ?= s390
VARIANT ?=
MACHINE ?=
CYCLES ?= 20
export ARCH

.PHONY: all demo tree export build build-cover print-image rootfs boot \
	check check-debug soak check-clean baseline bench bench-memory bench-vfio bench-sg bench-scale bench-cap series bisect-check \
	deb deb-boot help clean

all: demo			## main job: build, boot, short DMA workload, series vs base
demo: tree
	tools/demo.sh

tree:				## build/linux: pristine base + patches/, one commit each
	tools/tree.sh

export:				## patches/ from the commits above the base tag
	tools/export.sh

build: tree			## cross-build the series kernel for ARCH
	tools/build.sh $(ARCH)

build-cover: tree		## compile every IOMMU/VFIO file the series may touch (arm64)
	tools/build-cover.sh $(ARCH)

print-image:			## path of the built kernel image for ARCH
	@tools/print-image.sh $(ARCH)

rootfs: build			## guest initramfs from Debian's busybox-static and fio
	tools/rootfs.sh $(ARCH)

boot: rootfs			## interactive shell in QEMU (VARIANT=viommu|smmuv3 on arm64) or Hercules (MACHINE=hercules)
	tools/boot.sh $(ARCH) $(or $(MACHINE),$(VARIANT))

check: tree			## all tests on QEMU s390x and arm64 and on Hercules; ends "N passed, N failed"
	tests/host/check.sh series

check-debug: tree		## every check guest on kernels with KASAN, lockdep, kmemleak... (configs/debug.config)
	tests/host/check.sh debug

soak: tree			## CYCLES (20) zPCI disk unplug/replug cycles under fio verify, debug kernel
	CYCLES=$(CYCLES) tests/host/soak.sh debug

check-clean:			## `make check` in a bare Debian 12 chroot (CMD= another command)
	tools/check-clean.sh "$(CMD)"

baseline: tree			## the same tests on the unpatched base
	tests/host/check.sh base

bench: rootfs			## fio under a modelled intercept cost (COST="0 10 50" µs): base, series, 6.12
	COST="$(COST)" tools/bench.sh $(ARCH)

bench-memory: rootfs		## the same at guest sizes (MEMS="1024 4096"): flush span, global RPCIT cost
	tools/bench-memory.sh $(ARCH)

bench-vfio: rootfs		## VFIO map/unmap latency, 128K/4M/18M (IOMMUS=, COST="0 10"): base vs series
	tools/bench-vfio.sh $(ARCH)

bench-sg: ARCH = arm64
bench-sg: rootfs		## scatterlists in the pool, whole list vs per segment: NVMe, arm64 (COST="0 10")
	tools/bench-sg.sh $(ARCH)

bench-scale: rootfs		## the pool's per-CPU magazines against one lock: dma_map_benchmark and fio, 1 and 2 threads
	tools/bench-scale.sh $(ARCH)

bench-cap: rootfs		## the pool at and past its cap: fio at iodepths 1 to 256, small and default cap, pool off (COST="0 10")
	tools/bench-cap.sh $(ARCH)

series: tree			## build/series: format-patch set + cover letter, checkpatch
	tools/series.sh

bisect-check: tree		## build after every patch, for s390 and arm64
	tools/bisect-check.sh

deb: tree			## Debian packages of the series kernel, Debian's config, in build/deb/ (ARCH)
	tools/deb.sh $(ARCH)

deb-boot:			## boot the s390x package's kernel and modules in QEMU, fio verify on zPCI
	tools/deb-boot.sh s390

help:
	@sed -n 's/^\([a-z-]*\):.*## \(.*\)/  make \1\t\2/p' Makefile | expand -t 22

clean:				## remove build output (keeps the ccache)
	rm -rf build
