/* Generated from chapters/03-memory.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_HEAP_H
#define HYPHA_HEAP_H

#include <stddef.h>

#define HEAP_ALIGN 16
#define HEAP_CLASSES 8

struct page_source {
    void *(*alloc_pages)(void *ctx, size_t n);  /* NULL when out of memory */
    void (*free_pages)(void *ctx, void *pages, size_t n);
    void *ctx;
};

struct heap_page;

struct heap {
    struct page_source source;
    struct heap_page *partial[HEAP_CLASSES];    /* slabs with a free block */
    size_t pages;                               /* pages held from the source */
};

enum heap_error {
    HEAP_OK = 0,
    HEAP_BAD_POINTER = -1,      /* not the start of a block from this heap */
    HEAP_DOUBLE_FREE = -2,
    HEAP_CORRUPT = -3,          /* a page header makes no sense */
};

void heap_init(struct heap *h, struct page_source source);
void *heap_alloc(struct heap *h, size_t n);
int heap_free(struct heap *h, void *p);
int heap_check(const struct heap *h);
const char *heap_strerror(int err);

#endif
