/* Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_BACKTRACE_H
#define HYPHA_BACKTRACE_H

#include <stddef.h>
#include <stdint.h>

#include "kprintf.h"
#include "ksym.h"

struct stack_memory {
    /* the stack holding addr: set [*lo, *hi) and return 1, or return 0 */
    int (*find_stack)(void *ctx, uint64_t addr, uint64_t *lo, uint64_t *hi);
    /* the 8-byte word at addr, inside a stack find_stack accepted */
    uint64_t (*read)(void *ctx, uint64_t addr);
    /* whether code addresses a and b are in the same function; may be NULL */
    int (*same_function)(void *ctx, uint64_t a, uint64_t b);
    void *ctx;
    uint64_t text_start, text_end;      /* where return addresses point */
};
enum walk_end {
    WALK_CHAIN_END,             /* reached a zero frame pointer */
    WALK_MISALIGNED_FP,
    WALK_FP_NOT_ON_A_STACK,
    WALK_FP_NOT_INCREASING,
    WALK_TOO_MANY_STACKS,
    WALK_NOT_A_RETURN_ADDRESS,
    WALK_TOO_DEEP,
};

enum { WALK_MAX_STACK_SWITCHES = 3 };

typedef void (*frame_visitor)(void *ctx, uint64_t pc);

enum walk_end backtrace_walk(const struct stack_memory *m, uint64_t pc,
                             uint64_t fp, uint64_t ra, int max_frames,
                             frame_visitor visit, void *visit_ctx);
const char *walk_end_reason(enum walk_end end);
void backtrace_print(kformat_sink sink, void *sink_ctx,
                     const struct stack_memory *m, const struct ksym *syms,
                     size_t nsyms, uint64_t pc, uint64_t fp, uint64_t ra);

#endif
