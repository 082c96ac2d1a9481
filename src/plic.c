/* Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "plic.h"
#include "console.h"
#include "hart.h"
#include "plicreg.h"
#include "riscv.h"
#include "trapname.h"

#include <stddef.h>

static uintptr_t plic_base;
static uint32_t plic_ndev;

static struct {
    irq_handler fn;
    void *ctx;
    uint64_t count;
} handlers[PLIC_MAX_HANDLED];

static uint32_t reg_read(uint32_t offset) { return mmio_read32(plic_base + offset); }
static void reg_write(uint32_t offset, uint32_t v) { mmio_write32(plic_base + offset, v); }
static uint32_t my_context(void) { return plic_s_context(this_hart()->hartid); }
void plic_init(uintptr_t base, uint32_t ndev)
{
    plic_base = base;
    plic_ndev = ndev < PLIC_SOURCES ? ndev : PLIC_SOURCES - 1;
    for (uint32_t irq = 1; irq <= plic_ndev; irq++)
        reg_write(plic_priority_offset(irq), 0);
}

void plic_init_hart(void)
{
    uint32_t context = my_context();
    for (uint32_t irq = 0; irq <= plic_ndev; irq += 32)
        reg_write(plic_enable_offset(context, irq), 0);
    reg_write(plic_threshold_offset(context), 0);
    csr_set(sie, 1UL << IRQ_S_EXTERNAL);
}
int plic_register(uint32_t irq, irq_handler fn, void *ctx)
{
    if (irq == 0 || irq > plic_ndev || irq >= PLIC_MAX_HANDLED) {
        kprintf("plic: cannot register source %u (this PLIC has 1..%u, "
                "the table %d)\n", irq, plic_ndev, PLIC_MAX_HANDLED - 1);
        return -1;
    }
    handlers[irq].fn = fn;
    handlers[irq].ctx = ctx;
    reg_write(plic_priority_offset(irq), 1);
    uint32_t off = plic_enable_offset(my_context(), irq);
    reg_write(off, reg_read(off) | plic_irq_bit(irq));
    return 0;
}
void plic_dispatch(void)
{
    uint32_t context = my_context(), irq;
    while ((irq = reg_read(plic_claim_offset(context))) != 0) {
        int handled = irq < PLIC_MAX_HANDLED && handlers[irq].fn != NULL;
        if (handled) {
            handlers[irq].count++;
            handlers[irq].fn(handlers[irq].ctx);
        }
        reg_write(plic_claim_offset(context), irq);
        if (!handled) {
            uint32_t off = plic_enable_offset(context, irq);
            reg_write(off, reg_read(off) & ~plic_irq_bit(irq));
            kprintf("plic: source %u has no handler; disabled it\n", irq);
        }
    }
}
uint32_t plic_priority(uint32_t irq) { return reg_read(plic_priority_offset(irq)); }

int plic_enabled_here(uint32_t irq)
{
    return (reg_read(plic_enable_offset(my_context(), irq)) & plic_irq_bit(irq)) != 0;
}

uint64_t plic_handled(uint32_t irq)
{
    return irq < PLIC_MAX_HANDLED ? handlers[irq].count : 0;
}
