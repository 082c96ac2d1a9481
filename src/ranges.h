/* Generated from chapters/03-memory.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_RANGES_H
#define HYPHA_RANGES_H

#include <stdint.h>

#define RANGES_MAX 32

struct range {
    uint64_t start;     /* first byte */
    uint64_t end;       /* one past the last byte */
};

struct range_set {
    struct range r[RANGES_MAX];     /* sorted, disjoint, not touching */
    int count;
};

/* A region as firmware describes it: a base address and a size. */
struct mem_region {
    uint64_t base;
    uint64_t size;
};

enum { RANGES_OK = 0, RANGES_FULL = -1 };

void range_set_init(struct range_set *s);
int range_set_add(struct range_set *s, uint64_t start, uint64_t end);
int range_set_remove(struct range_set *s, uint64_t start, uint64_t end);
void range_set_shrink_to_pages(struct range_set *s);
uint64_t range_set_bytes(const struct range_set *s);
int usable_memory(struct range_set *out, const struct mem_region *ram,
                  int nram, const struct mem_region *holes, int nholes);

#endif
