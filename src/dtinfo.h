/* Generated from chapters/02-devicetree.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_DTINFO_H
#define HYPHA_DTINFO_H

#include <stddef.h>
#include <stdint.h>

#include "fdt.h"

#define DT_MAX_HARTS 16
#define DT_MAX_REGIONS 16

struct dt_region {
    uint64_t base;
    uint64_t size;
};

struct dt_info {
    struct dt_region memory[DT_MAX_REGIONS];   int memory_count;
    struct dt_region reserved[DT_MAX_REGIONS]; int reserved_count;
    uint32_t hart_ids[DT_MAX_HARTS]; int hart_count;
    uint64_t timebase_hz;                   /* timebase-frequency, cpu or /cpus */
    uint64_t uart_base; uint32_t uart_irq;  /* compatible "ns16550a" */
    uint64_t plic_base; uint64_t plic_size; uint32_t plic_ndev;
    uint64_t test_base;                     /* "sifive,test0", 0 if absent */
    const char *bootargs;                   /* /chosen bootargs, "" if absent */
    uint32_t dtb_size;                      /* the header's totalsize */
};

int dt_info_read(const void *blob, size_t size, struct dt_info *info, struct fdt_error *err);

#endif
