/* Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_PLICREG_H
#define HYPHA_PLICREG_H

#include <stdint.h>

enum {
    PLIC_SOURCES = 1024,            /* source 0 does not exist */
    PLIC_CONTEXTS = 15872,
    PLIC_PRIORITY_BASE = 0x000000,  /* one word per source */
    PLIC_PENDING_BASE = 0x001000,   /* one bit per source */
    PLIC_ENABLE_BASE = 0x002000,    /* one bit per source, per context */
    PLIC_ENABLE_STRIDE = 0x80,
    PLIC_CONTEXT_BASE = 0x200000,   /* threshold, then claim/complete */
    PLIC_CONTEXT_STRIDE = 0x1000,
};
_Static_assert(PLIC_PRIORITY_BASE + 4 * PLIC_SOURCES == PLIC_PENDING_BASE,
               "priorities end where the pending bits begin");
_Static_assert(PLIC_PENDING_BASE + PLIC_SOURCES / 8 <= PLIC_ENABLE_BASE,
               "pending bits end before the enable blocks");
_Static_assert(PLIC_ENABLE_STRIDE * 8 == PLIC_SOURCES,
               "an enable block has one bit per source");
_Static_assert(PLIC_ENABLE_BASE + PLIC_ENABLE_STRIDE * PLIC_CONTEXTS <= PLIC_CONTEXT_BASE,
               "enable blocks end before the context blocks");
static inline uint32_t plic_priority_offset(uint32_t irq)
{
    return PLIC_PRIORITY_BASE + 4 * irq;
}
static inline uint32_t plic_pending_offset(uint32_t irq)
{
    return PLIC_PENDING_BASE + 4 * (irq / 32);
}
static inline uint32_t plic_enable_offset(uint32_t context, uint32_t irq)
{
    return PLIC_ENABLE_BASE + PLIC_ENABLE_STRIDE * context + 4 * (irq / 32);
}
static inline uint32_t plic_irq_bit(uint32_t irq) { return UINT32_C(1) << (irq % 32); }
static inline uint32_t plic_threshold_offset(uint32_t context)
{
    return PLIC_CONTEXT_BASE + PLIC_CONTEXT_STRIDE * context;
}
static inline uint32_t plic_claim_offset(uint32_t context)
{
    return plic_threshold_offset(context) + 4;
}
static inline uint32_t plic_s_context(unsigned long hartid)
{
    return (uint32_t)(2 * hartid + 1);
}

#endif
