/* Generated from chapters/10-executor.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_KEXEC_H
#define HYPHA_KEXEC_H

#include "executor.h"

struct executor *kexec_start(void);
int kexec_block_on(struct executor *ex, struct future *f, void *output);
void kexec_halt(struct executor *ex);
void kexec_stop(struct executor *ex);
void kexec_print_counters(const struct executor *ex);
void kexec_bench(void);
void kexec_bench_clock(void);

#endif
