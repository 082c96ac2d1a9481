/* Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_TRAP_H
#define HYPHA_TRAP_H

#define TF_X(n)       ((n) * 8)
#define TF_SEPC       256
#define TF_SSTATUS    264
#define TF_SCAUSE     272
#define TF_STVAL      280
#define TF_SSCRATCH   288
#define TF_SIZE       304

#define TRAP_STACK_SIZE 8192

#ifndef __ASSEMBLER__
#include <stdint.h>

struct trap_frame {
    uint64_t x[32];             /* x[n] is register xn; x[0] stays 0 */
    uint64_t sepc;
    uint64_t sstatus;
    uint64_t scause;
    uint64_t stval;
    uint64_t sscratch;          /* sscratch's value after this trap */
    uint64_t pad;
};

void trap_init_hart(unsigned long hartid);
void trap_handler(struct trap_frame *tf);
#endif

#endif
