/* SPDX-License-Identifier: GPL-2.0 */
/*
 * VFIO type1 helpers for the guest's programs (vfio_type1.c,
 * vfio_latency.c): the group of a PCI function, the container's first
 * usable IOVA range, and map and unmap of user memory.
 */
#ifndef GUEST_VFIO_H
#define GUEST_VFIO_H

#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <linux/vfio.h>

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

static int vfio_map(int container, uint32_t flags, void *vaddr, uint64_t iova,
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
static long long vfio_unmap(int container, uint64_t iova, uint64_t size)
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

#endif
