// SPDX-License-Identifier: GPL-2.0
/*
 * VFIO type1 through the platform IOMMU: map and unmap user memory for a
 * PCI function bound to vfio-pci, and check that bad requests fail with
 * the errno the uapi documents.  Prints TAP.
 *
 * Usage: vfio_type1 DDDD:BB:DD.F   (the function must be bound to vfio-pci)
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/vfio.h>

#define BUF_SIZE	(1UL << 20)

static int test_nr, failures;

static void result(int ok, const char *name, const char *detail)
{
	test_nr++;
	printf("%sok %d - %s\n", ok ? "" : "not ", test_nr, name);
	if (!ok) {
		failures++;
		if (detail)
			printf("# %s\n", detail);
	}
}

/* expect_errno: an ioctl that must fail with @err */
static void expect_errno(int ret, int err, const char *name)
{
	char detail[80];

	snprintf(detail, sizeof(detail), "returned %d, errno %d (%s); want errno %d",
		 ret, ret ? errno : 0, ret ? strerror(errno) : "none", err);
	result(ret == -1 && errno == err, name, detail);
}

static void expect_ok(int ret, const char *name)
{
	char detail[80];

	snprintf(detail, sizeof(detail), "errno %d (%s)", errno, strerror(errno));
	result(ret == 0, name, detail);
}

static int open_group(const char *bdf)
{
	char path[PATH_MAX], link[PATH_MAX];
	ssize_t n;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/iommu_group", bdf);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0)
		return -1;
	link[n] = 0;
	snprintf(path, sizeof(path), "/dev/vfio/%s", basename(link));
	return open(path, O_RDWR);
}

/* The first usable IOVA range, from the IOVA range capability */
static int first_iova_range(int container, uint64_t *start, uint64_t *end)
{
	struct vfio_iommu_type1_info *info;
	struct vfio_info_cap_header *hdr;
	struct vfio_iommu_type1_info_cap_iova_range *cap;
	size_t argsz = sizeof(*info);
	int ret = -1;

	info = calloc(1, argsz);
	info->argsz = argsz;
	if (ioctl(container, VFIO_IOMMU_GET_INFO, info))
		goto out;
	if (info->argsz > argsz) {
		argsz = info->argsz;
		info = realloc(info, argsz);
		memset(info, 0, argsz);
		info->argsz = argsz;
		if (ioctl(container, VFIO_IOMMU_GET_INFO, info))
			goto out;
	}
	if (!(info->flags & VFIO_IOMMU_INFO_CAPS) || !info->cap_offset)
		goto out;
	for (hdr = (void *)info + info->cap_offset;; hdr = (void *)info + hdr->next) {
		if (hdr->id == VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE) {
			cap = (void *)hdr;
			if (cap->nr_iovas) {
				*start = cap->iova_ranges[0].start;
				*end = cap->iova_ranges[0].end;
				ret = 0;
			}
			break;
		}
		if (!hdr->next)
			break;
	}
out:
	free(info);
	return ret;
}

static int map(int container, uint32_t flags, void *vaddr, uint64_t iova,
	       uint64_t size)
{
	struct vfio_iommu_type1_dma_map dma_map = {
		.argsz = sizeof(dma_map),
		.flags = flags,
		.vaddr = (uintptr_t)vaddr,
		.iova = iova,
		.size = size,
	};

	return ioctl(container, VFIO_IOMMU_MAP_DMA, &dma_map);
}

/* Returns the size unmapped, or -1 */
static long long unmap(int container, uint64_t iova, uint64_t size)
{
	struct vfio_iommu_type1_dma_unmap dma_unmap = {
		.argsz = sizeof(dma_unmap),
		.iova = iova,
		.size = size,
	};

	if (ioctl(container, VFIO_IOMMU_UNMAP_DMA, &dma_unmap))
		return -1;
	return dma_unmap.size;
}

int main(int argc, char **argv)
{
	struct vfio_group_status status = { .argsz = sizeof(status) };
	const uint32_t rw = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE;
	uint64_t start, end, iova;
	int container, group;
	char detail[80];
	void *buf;

	if (argc != 2) {
		fprintf(stderr, "usage: %s DDDD:BB:DD.F\n", argv[0]);
		return 2;
	}
	printf("TAP version 13\n");

	container = open("/dev/vfio/vfio", O_RDWR);
	group = open_group(argv[1]);
	if (container < 0 || group < 0) {
		printf("Bail out! cannot open the VFIO container or group of %s: %s\n",
		       argv[1], strerror(errno));
		return 1;
	}
	result(ioctl(container, VFIO_GET_API_VERSION) == VFIO_API_VERSION,
	       "VFIO API version", NULL);
	result(ioctl(container, VFIO_CHECK_EXTENSION, VFIO_TYPE1v2_IOMMU) > 0,
	       "type1v2 IOMMU supported", NULL);
	result(!ioctl(group, VFIO_GROUP_GET_STATUS, &status) &&
	       (status.flags & VFIO_GROUP_FLAGS_VIABLE), "group is viable", NULL);
	expect_ok(ioctl(group, VFIO_GROUP_SET_CONTAINER, &container),
		  "group joins the container");
	expect_ok(ioctl(container, VFIO_SET_IOMMU, VFIO_TYPE1v2_IOMMU),
		  "container uses type1v2");
	if (failures) {
		printf("Bail out! no type1 container\n");
		return 1;
	}

	if (first_iova_range(container, &start, &end)) {
		printf("Bail out! no IOVA range capability\n");
		return 1;
	}
	iova = (start + BUF_SIZE - 1) & ~(BUF_SIZE - 1);
	snprintf(detail, sizeof(detail), "range 0x%llx-0x%llx",
		 (unsigned long long)start, (unsigned long long)end);
	result(iova + BUF_SIZE - 1 <= end, "IOVA range holds a 1 MiB buffer", detail);

	buf = mmap(NULL, BUF_SIZE, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (buf == MAP_FAILED) {
		printf("Bail out! mmap: %s\n", strerror(errno));
		return 1;
	}
	memset(buf, 0x5a, BUF_SIZE);

	expect_ok(map(container, rw, buf, iova, BUF_SIZE), "map 1 MiB read/write");
	expect_errno(map(container, rw, buf, iova, BUF_SIZE), EEXIST,
		     "mapping the same IOVA again: EEXIST");
	expect_errno(map(container, rw, buf, iova + BUF_SIZE + 0x800, 4096),
		     EINVAL, "unaligned IOVA: EINVAL");
	expect_errno(map(container, rw, buf, iova + BUF_SIZE, 0), EINVAL,
		     "zero size: EINVAL");
	expect_errno(map(container, rw | (1U << 31), buf, iova + BUF_SIZE, 4096),
		     EINVAL, "unknown flag: EINVAL");
	if (end < UINT64_MAX - BUF_SIZE)
		expect_errno(map(container, rw, buf, (end + 1 + 4095) & ~4095ULL,
				 4096), EINVAL, "IOVA past the aperture: EINVAL");

	snprintf(detail, sizeof(detail), "unmapped %lld",
		 unmap(container, iova, BUF_SIZE));
	result(strcmp(detail, "unmapped 1048576") == 0,
	       "unmap returns the mapped size", detail);
	snprintf(detail, sizeof(detail), "unmapped %lld",
		 unmap(container, iova, BUF_SIZE));
	result(strcmp(detail, "unmapped 0") == 0,
	       "unmapping again unmaps nothing", detail);

	expect_ok(map(container, VFIO_DMA_MAP_FLAG_READ, buf, iova, BUF_SIZE),
		  "map read-only");
	snprintf(detail, sizeof(detail), "unmapped %lld",
		 unmap(container, iova, BUF_SIZE));
	result(strcmp(detail, "unmapped 1048576") == 0,
	       "unmap the read-only mapping", detail);

	printf("1..%d\n", test_nr);
	return failures ? 1 : 0;
}
