// SPDX-License-Identifier: GPL-2.0
/*
 * Latency of VFIO type1 map and unmap from user space, at the sizes of the
 * 2015 range-flush measurement: 128 KiB, 4 MiB and 18 MiB, each mapped and
 * unmapped SAMPLES times.  With the bench patch's counters it also counts
 * the intercepts (RPCITs, virtio-iommu syncs) of each call.
 *
 * VFIO maps a buffer one physically contiguous chunk at a time, and how
 * many chunks a fresh buffer has varies from boot to boot, so each size is
 * measured in two layouts: as the kernel allocated it, and scattered, a
 * page per chunk (every other page of a buffer twice the size, moved
 * together with mremap()).  The chunks are counted from /proc/self/pagemap.
 * Prints, for the host (tools/bench-vfio.sh), one line per sample:
 *   # bench vfio layout=L size=B chunks=C sample=I map_us=T unmap_us=T map_intercepts=N unmap_intercepts=N
 * and "# bench error: ..." when it cannot measure.
 *
 * Usage: vfio_latency DDDD:BB:DD.F SAMPLES   (the function bound to vfio-pci)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/mman.h>
#include <time.h>
#include "vfio.h"

#define ALIGN_IOVA	(4ULL << 20)	/* a page table's span on Tegra */

static const uint64_t sizes[] = { 128ULL << 10, 4ULL << 20, 18ULL << 20 };

/* The bench patch's intercept count, or -1 without it */
static long long intercepts(void)
{
	FILE *f = fopen("/sys/kernel/debug/bench_intercept", "r");
	long long n = -1;
	char line[128];

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "intercepts: %lld", &n) == 1)
			break;
	fclose(f);
	return n;
}

/* Physically contiguous runs of the first @size bytes of @buf, or -1 */
static long chunks(void *buf, uint64_t size)
{
	long page = sysconf(_SC_PAGESIZE), n = 0;
	uint64_t entry, pfn, prev = 0;
	uint64_t off;
	int fd = open("/proc/self/pagemap", O_RDONLY);

	if (fd < 0)
		return -1;
	for (off = 0; off < size; off += page) {
		if (pread(fd, &entry, sizeof(entry),
			  ((uintptr_t)buf + off) / page * sizeof(entry)) != sizeof(entry) ||
		    !(entry >> 63)) {
			close(fd);
			return -1;
		}
		pfn = entry & ((1ULL << 55) - 1);
		if (!off || pfn != prev + 1)
			n++;
		prev = pfn;
	}
	close(fd);
	return n;
}

/*
 * @size bytes whose pages are each a chunk of their own: every other page
 * of a populated buffer twice as large, moved side by side.
 */
static void *scattered(uint64_t size)
{
	long page = sysconf(_SC_PAGESIZE);
	char *src, *dst;
	uint64_t off;

	src = mmap(NULL, 2 * size, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	dst = mmap(NULL, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (src == MAP_FAILED || dst == MAP_FAILED)
		return NULL;
	for (off = 0; off < size; off += page)
		if (mremap(src + 2 * off, page, page, MREMAP_MAYMOVE | MREMAP_FIXED,
			   dst + off) == MAP_FAILED)
			return NULL;
	return dst;
}

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int fail(const char *what, const char *bdf)
{
	printf("# bench error: vfio_latency %s: %s: %s\n", bdf, what,
	       strerror(errno));
	return 1;
}

int main(int argc, char **argv)
{
	const uint32_t rw = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE;
	uint64_t start, end, iova, max = sizes[2];
	const char *layout[2] = { "allocated", "scattered" };
	long long n0, n1, n2;
	int container, group, samples, i, s, l;
	void *bufs[2];
	long runs;
	double t0, t1, t2, t3;
	char *stop;
	void *buf;

	if (argc != 3 || (samples = strtol(argv[2], &stop, 10)) < 1 || *stop) {
		fprintf(stderr, "usage: %s DDDD:BB:DD.F SAMPLES (1 or more)\n", argv[0]);
		return 2;
	}
	container = open("/dev/vfio/vfio", O_RDWR);
	group = open_group(argv[1]);
	if (container < 0 || group < 0)
		return fail("cannot open the VFIO container or group", argv[1]);
	if (ioctl(group, VFIO_GROUP_SET_CONTAINER, &container) ||
	    ioctl(container, VFIO_SET_IOMMU, VFIO_TYPE1v2_IOMMU))
		return fail("no type1v2 container", argv[1]);
	if (first_iova_range(container, &start, &end))
		return fail("no IOVA range capability", argv[1]);
	iova = (start + ALIGN_IOVA - 1) & ~(ALIGN_IOVA - 1);
	if (iova + max - 1 > end) {
		errno = ERANGE;
		return fail("the IOVA range cannot hold 18 MiB", argv[1]);
	}
	/* Populated once: the samples time pinning and mapping, not faults */
	bufs[0] = mmap(NULL, max, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	if (bufs[0] == MAP_FAILED)
		return fail("mmap", argv[1]);
	bufs[1] = scattered(max);
	if (!bufs[1])
		return fail("mmap and mremap of a scattered buffer", argv[1]);

	for (l = 0; l < 2; l++) {
		for (i = 0; i < (int)(sizeof(sizes) / sizeof(sizes[0])); i++) {
			buf = bufs[l];
			memset(buf, 0x5a, sizes[i]);
			runs = chunks(buf, sizes[i]);
			for (s = 1; s <= samples; s++) {
				n0 = intercepts();
				t0 = now_us();
				if (vfio_map(container, rw, buf, iova, sizes[i]))
					return fail("VFIO_IOMMU_MAP_DMA", argv[1]);
				t1 = now_us();
				n1 = intercepts();
				t2 = now_us();
				if (vfio_unmap(container, iova, sizes[i]) != (long long)sizes[i])
					return fail("VFIO_IOMMU_UNMAP_DMA", argv[1]);
				t3 = now_us();
				n2 = intercepts();
				printf("# bench vfio layout=%s size=%llu chunks=%ld sample=%d map_us=%.1f unmap_us=%.1f",
				       layout[l], (unsigned long long)sizes[i], runs, s,
				       t1 - t0, t3 - t2);
				if (n0 >= 0)
					printf(" map_intercepts=%lld unmap_intercepts=%lld",
					       n1 - n0, n2 - n1);
				printf("\n");
			}
		}
	}
	return 0;
}
