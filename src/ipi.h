/* Generated from chapters/06-harts.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_IPI_H
#define HYPHA_IPI_H

typedef void (*hart_fn)(void *arg);

void ipi_init_hart(void);
void ipi_send(unsigned long hartid);
void ipi_interrupt(void);

void hart_call_start(unsigned long hartid, hart_fn fn, void *arg);
void hart_call_wait(unsigned long hartid);
void hart_call(unsigned long hartid, hart_fn fn, void *arg);

#endif
