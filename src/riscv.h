/* Generated from chapters/01-boot.nw, chapters/04-paging.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_RISCV_H
#define HYPHA_RISCV_H

#include <stdint.h>

#define csr_read(csr) ({                                  \
    uint64_t csr_value_;                                  \
    __asm__ volatile("csrr %0, " #csr : "=r"(csr_value_)); \
    csr_value_; })
#define csr_write(csr, value) \
    __asm__ volatile("csrw " #csr ", %0" : : "r"((uint64_t)(value)) : "memory")

static inline void wait_for_interrupt(void) { __asm__ volatile("wfi"); }

static inline uint8_t mmio_read8(uintptr_t addr)
{
    return *(volatile uint8_t *)addr;
}
static inline void mmio_write8(uintptr_t addr, uint8_t value)
{
    *(volatile uint8_t *)addr = value;
}
static inline void mmio_write32(uintptr_t addr, uint32_t value)
{
    *(volatile uint32_t *)addr = value;
}
static inline void sfence_vma_all(void)
{
    __asm__ volatile("sfence.vma zero, zero" : : : "memory");
}
static inline void sfence_vma_page(uint64_t va)
{
    __asm__ volatile("sfence.vma %0, zero" : : "r"(va) : "memory");
}

#endif
