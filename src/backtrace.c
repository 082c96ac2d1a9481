/* Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "backtrace.h"

#include <stdarg.h>

static int in_text(const struct stack_memory *m, uint64_t addr)
{
    return addr >= m->text_start && addr < m->text_end;
}

enum walk_end backtrace_walk(const struct stack_memory *m, uint64_t pc,
                             uint64_t fp, uint64_t ra, int max_frames,
                             frame_visitor visit, void *visit_ctx)
{
    uint64_t prev_fp = 0, prev_lo = 0, first_pc = pc;
    int switches = 0;
    visit(visit_ctx, pc);
    for (int frames = 1;; frames++) {
        uint64_t lo, hi;
        if (fp == 0)
            return WALK_CHAIN_END;
        if (fp % 16 != 0)
            return WALK_MISALIGNED_FP;
        if (!m->find_stack(m->ctx, fp - 16, &lo, &hi) || fp > hi)
            return WALK_FP_NOT_ON_A_STACK;
        if (prev_fp != 0 && lo == prev_lo && fp <= prev_fp)
            return WALK_FP_NOT_INCREASING;
        if (prev_fp != 0 && lo != prev_lo && ++switches > WALK_MAX_STACK_SWITCHES)
            return WALK_TOO_MANY_STACKS;
        uint64_t word1 = m->read(m->ctx, fp - 8);
        uint64_t word2 = m->read(m->ctx, fp - 16);
        uint64_t next_fp = word2;
        int stay = 0;
        if (frames == 1 && !in_text(m, word1)) {
            pc = ra;                    /* a leaf that saved only s0 */
            next_fp = word1;
        } else if (frames == 1 && in_text(m, ra) && ra != word1 &&
                   m->same_function != NULL &&
                   !m->same_function(m->ctx, ra - 1, first_pc)) {
            pc = ra;                    /* no record: ra is the caller */
            stay = 1;
        } else {
            pc = word1;
        }
        if (!in_text(m, pc))
            return WALK_NOT_A_RETURN_ADDRESS;
        if (frames >= max_frames)
            return WALK_TOO_DEEP;
        visit(visit_ctx, pc);
        if (!stay) {
            prev_fp = fp;
            prev_lo = lo;
            fp = next_fp;
        }
    }
}
const char *walk_end_reason(enum walk_end end)
{
    switch (end) {
    case WALK_CHAIN_END: return "end of the frame-pointer chain";
    case WALK_MISALIGNED_FP: return "stopped: misaligned frame pointer";
    case WALK_FP_NOT_ON_A_STACK: return "stopped: frame pointer not on a known stack";
    case WALK_FP_NOT_INCREASING: return "stopped: frame pointer did not increase";
    case WALK_TOO_MANY_STACKS: return "stopped: too many stack switches";
    case WALK_NOT_A_RETURN_ADDRESS: return "stopped: return address outside the kernel text";
    case WALK_TOO_DEEP: return "stopped: too many frames";
    }
    return "stopped";
}
struct printer {
    kformat_sink sink;
    void *sink_ctx;
    const struct ksym *syms;
    size_t nsyms;
    int depth;                  /* frames seen so far */
    int repeats;                /* frames in the current run, after its first */
    uint64_t last_pc;
};

static void out(struct printer *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    kvformat(p->sink, p->sink_ctx, fmt, ap);
    va_end(ap);
}
static void flush_repeats(struct printer *p)
{
    if (p->repeats > 0)
        out(p, "        ... #%d-#%d: the same frame, %d more times\n",
            p->depth - p->repeats, p->depth - 1, p->repeats);
    p->repeats = 0;
}

static void print_frame(void *ctx, uint64_t pc)
{
    struct printer *p = ctx;
    if (p->depth > 1 && pc == p->last_pc) {
        p->repeats++;
        p->depth++;
        return;
    }
    flush_repeats(p);
    const struct ksym *s = ksym_lookup(p->syms, p->nsyms, p->depth == 0 ? pc : pc - 1);
    if (s != NULL)
        out(p, "    #%-3d 0x%016lx  %s+0x%lx\n", p->depth, (unsigned long)pc,
            s->name, (unsigned long)(pc - s->addr));
    else
        out(p, "    #%-3d 0x%016lx  ?\n", p->depth, (unsigned long)pc);
    p->last_pc = pc;
    p->depth++;
}
void backtrace_print(kformat_sink sink, void *sink_ctx,
                     const struct stack_memory *m, const struct ksym *syms,
                     size_t nsyms, uint64_t pc, uint64_t fp, uint64_t ra)
{
    struct printer p = {sink, sink_ctx, syms, nsyms, 0, 0, 0};
    out(&p, "  backtrace:\n");
    enum walk_end end = backtrace_walk(m, pc, fp, ra, 4096, print_frame, &p);
    flush_repeats(&p);
    out(&p, "    (%s)\n", walk_end_reason(end));
}
