/* Generated from chapters/03-memory.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_PAGE_H
#define HYPHA_PAGE_H

#include <stdint.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE ((uint64_t)1 << PAGE_SHIFT)
#define PAGE_OFFSET_MASK (PAGE_SIZE - 1)

static inline uint64_t page_round_down(uint64_t addr)
{
    return addr & ~PAGE_OFFSET_MASK;
}

static inline uint64_t page_round_up(uint64_t addr)
{
    return page_round_down(addr + PAGE_OFFSET_MASK);
}

static inline int page_aligned(uint64_t addr)
{
    return (addr & PAGE_OFFSET_MASK) == 0;
}

#endif
