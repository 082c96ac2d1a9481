/* Generated from chapters/03-memory.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_FRAMES_H
#define HYPHA_FRAMES_H

#include <stddef.h>
#include <stdint.h>

#define FRAMES_MAX_RANGES 32

struct free_frame {
    struct free_frame *next;
    struct free_frame *prev;
};
struct frame_range {
    uintptr_t meta_start;   /* first byte of the bitmap frames */
    uintptr_t base;         /* first managed frame */
    size_t nframes;
    uint64_t *free_bits;    /* bit set: the frame is free */
};

struct frame_allocator {
    struct frame_range ranges[FRAMES_MAX_RANGES];
    int nranges;
    struct free_frame free_list;    /* sentinel of a circular list */
    size_t nfree;                   /* frames on the list */
    size_t ntotal;                  /* frames managed, free or not */
};

enum frames_error {
    FRAMES_OK = 0,
    FRAMES_NO_MEMORY = -1,          /* nothing free, or no run long enough */
    FRAMES_DOUBLE_FREE = -2,        /* the frame is already free */
    FRAMES_MISALIGNED = -3,         /* not the start of a frame */
    FRAMES_NOT_MANAGED = -4,        /* not inside any managed frame */
    FRAMES_TOO_MANY_RANGES = -5,
    FRAMES_RANGE_TOO_SMALL = -6,    /* no whole frame left after the bitmap */
    FRAMES_OVERLAP = -7,            /* the range overlaps one already added */
    FRAMES_BAD_ARGUMENT = -8,
    FRAMES_CORRUPT = -9,            /* list and bitmap disagree */
};

void frames_init(struct frame_allocator *fa);
int frames_add_range(struct frame_allocator *fa, void *start, size_t size);
int frames_alloc(struct frame_allocator *fa, void **frame);
int frames_alloc_contig(struct frame_allocator *fa, size_t n, void **first);
int frames_free(struct frame_allocator *fa, void *frame);
int frames_owns(const struct frame_allocator *fa, const void *addr);
size_t frames_free_count(const struct frame_allocator *fa);
size_t frames_total(const struct frame_allocator *fa);
int frames_check(const struct frame_allocator *fa);
const char *frames_strerror(int err);

#endif
