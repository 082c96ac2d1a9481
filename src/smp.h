/* Generated from chapters/06-harts.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_SMP_H
#define HYPHA_SMP_H

#define HART_START_STACK_SIZE 4096

#ifndef __ASSEMBLER__
struct dt_info;
struct hart;

void smp_start(const struct dt_info *m, unsigned long boot_hartid);
int smp_running(void);
void hart_start_here(unsigned long hartid, struct hart *h);
struct hart *hart_wait_until_prepared(unsigned long hartid);
void smp_set_idle_work(void (*fn)(void));
#endif

#endif
