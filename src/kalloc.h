/* Generated from chapters/03-memory.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_KALLOC_H
#define HYPHA_KALLOC_H

#include <stddef.h>
#include <stdint.h>

struct dt_info;

void kalloc_init(const struct dt_info *m, const void *dtb);
uint64_t kframe_alloc(void);        /* a zeroed frame, or 0 when none is left */
void kframe_free(uint64_t pa);      /* panics on a double free or a bad address */
void *kmalloc(size_t n);            /* 16-byte aligned, or NULL when out of memory */
void kfree(void *p);                /* panics on a double free or a bad pointer */
uint64_t kframes_free(void);
uint64_t kframes_total(void);

#endif
