/* Generated from chapters/01-boot.nw, chapters/04-paging.nw, chapters/05-traps.nw, chapters/06-harts.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
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
#define csr_set(csr, bits) \
    __asm__ volatile("csrs " #csr ", %0" : : "r"((uint64_t)(bits)) : "memory")
#define csr_clear(csr, bits) \
    __asm__ volatile("csrc " #csr ", %0" : : "r"((uint64_t)(bits)) : "memory")

enum {
    SSTATUS_SIE = 1 << 1,
    SSTATUS_SPIE = 1 << 5,
    SSTATUS_SPP = 1 << 8,
};

static inline void interrupts_on(void) { csr_set(sstatus, SSTATUS_SIE); }
static inline void interrupts_off(void) { csr_clear(sstatus, SSTATUS_SIE); }
static inline uint64_t read_time(void) { return csr_read(time); }

static inline uint32_t mmio_read32(uintptr_t addr)
{
    return *(volatile uint32_t *)addr;
}
#define csr_read_clear(csr, bits) ({                                  \
    uint64_t csr_old_;                                                \
    __asm__ volatile("csrrc %0, " #csr ", %1"                         \
                     : "=r"(csr_old_) : "r"((uint64_t)(bits)) : "memory"); \
    csr_old_; })

#endif
