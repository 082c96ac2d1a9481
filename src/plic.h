/* Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_PLIC_H
#define HYPHA_PLIC_H

#include <stdint.h>

typedef void (*irq_handler)(void *ctx);

enum { PLIC_MAX_HANDLED = 128 };     /* sources 1..127 can have handlers */

void plic_init(uintptr_t base, uint32_t ndev);
void plic_init_hart(void);
int plic_register(uint32_t irq, irq_handler fn, void *ctx);
void plic_dispatch(void);

uint32_t plic_priority(uint32_t irq);
int plic_enabled_here(uint32_t irq);
uint64_t plic_handled(uint32_t irq);

#endif
