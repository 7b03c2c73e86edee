// SPDX-License-Identifier: GPL-2.0
/*
 * VFIO type1 through the platform IOMMU: map and unmap user memory for a
 * PCI function bound to vfio-pci, and check that bad requests fail with
 * the errno the uapi documents.  Prints TAP.
 *
 * Usage: vfio_type1 DDDD:BB:DD.F   (the function must be bound to vfio-pci)
 */
#include <errno.h>
#include <sys/mman.h>
#include "vfio.h"

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

	expect_ok(vfio_map(container, rw, buf, iova, BUF_SIZE), "map 1 MiB read/write");
	expect_errno(vfio_map(container, rw, buf, iova, BUF_SIZE), EEXIST,
		     "mapping the same IOVA again: EEXIST");
	expect_errno(vfio_map(container, rw, buf, iova + BUF_SIZE + 0x800, 4096),
		     EINVAL, "unaligned IOVA: EINVAL");
	expect_errno(vfio_map(container, rw, buf, iova + BUF_SIZE, 0), EINVAL,
		     "zero size: EINVAL");
	expect_errno(vfio_map(container, rw | (1U << 31), buf, iova + BUF_SIZE, 4096),
		     EINVAL, "unknown flag: EINVAL");
	if (end < UINT64_MAX - BUF_SIZE)
		expect_errno(vfio_map(container, rw, buf, (end + 1 + 4095) & ~4095ULL,
				 4096), EINVAL, "IOVA past the aperture: EINVAL");

	snprintf(detail, sizeof(detail), "unmapped %lld",
		 vfio_unmap(container, iova, BUF_SIZE));
	result(strcmp(detail, "unmapped 1048576") == 0,
	       "unmap returns the mapped size", detail);
	snprintf(detail, sizeof(detail), "unmapped %lld",
		 vfio_unmap(container, iova, BUF_SIZE));
	result(strcmp(detail, "unmapped 0") == 0,
	       "unmapping again unmaps nothing", detail);

	expect_ok(vfio_map(container, VFIO_DMA_MAP_FLAG_READ, buf, iova, BUF_SIZE),
		  "map read-only");
	snprintf(detail, sizeof(detail), "unmapped %lld",
		 vfio_unmap(container, iova, BUF_SIZE));
	result(strcmp(detail, "unmapped 1048576") == 0,
	       "unmap the read-only mapping", detail);

	printf("1..%d\n", test_nr);
	return failures ? 1 : 0;
}
