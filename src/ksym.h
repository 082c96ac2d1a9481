/* Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_KSYM_H
#define HYPHA_KSYM_H

#include <stddef.h>
#include <stdint.h>

struct ksym {
    uint64_t addr;      /* the first byte of the function */
    uint64_t size;      /* its length; 0 if unknown */
    const char *name;
};

const struct ksym *ksym_lookup(const struct ksym *table, size_t count,
                               uint64_t addr);
int ksym_format(char *buf, size_t size, const struct ksym *table,
                size_t count, uint64_t addr);

/* the kernel's own table, generated at build time (see kernel.mk) */
extern const struct ksym ksym_table[];
extern const size_t ksym_count;

#endif
