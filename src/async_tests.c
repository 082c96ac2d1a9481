/* Generated from chapters/10-executor.nw, chapters/11-time.nw, chapters/12-waiting.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "console.h"
#include "executor.h"
#include "hart.h"
#include "kalloc.h"
#include "kexec.h"
#include "ktest.h"
#include "test_futures.h"
#include "sleep.h"
#include "channel.h"

#include <stdatomic.h>
#include <stdint.h>

KTEST(ch10_tasks_on_every_hart)
{
    enum { N = 4000 };
    struct join_handle *h = kmalloc(N * sizeof *h);
    KT_ASSERT(h != NULL);
    struct executor *ex = kexec_start();
    struct spawner s = spawner(ex, h, N, spawn_counter, 3);
    long sum = 0;
    atomic_store(&counters_done, 0);
    counter_spin = 2000;
    KT_ASSERT_EQ(kexec_block_on(ex, &s.base, &sum), 0);
    kexec_halt(ex);
    kexec_print_counters(ex);
    long live = executor_live_tasks(ex);
    unsigned idle = 0, workers = executor_workers(ex);
    for (unsigned w = 0; w < workers; w++)
        idle += executor_counters(ex, w)->polled == 0;
    kexec_stop(ex);
    kfree(h);
    KT_ASSERT_EQ(sum, (long)N * (N - 1) / 2);
    KT_ASSERT_EQ(atomic_load(&counters_done), N);
    KT_ASSERT_EQ(live, 0);
    KT_ASSERT_EQ(idle, 0);
}
KTEST(ch11_sleepers_on_every_hart)
{
    struct executor *ex = kexec_start();
    struct join_handle *h = kmalloc(200 * sizeof *h);
    KT_ASSERT(h != NULL);
    struct spawner s = spawner(ex, h, 200, spawn_sleeper, 50);
    KT_ASSERT_EQ(kexec_block_on(ex, &s.base, NULL), 0);
    kexec_halt(ex);
    long earliest = s.least, latest = s.most;
    size_t pending = timers_pending(executor_timers(ex));
    long live = executor_live_tasks(ex);
    kfree(h);
    kexec_stop(ex);
    kprintf("ch11: 200 sleepers, woke at most %ld us late\n", latest / 1000);
    KT_ASSERT(earliest >= 0);
    KT_ASSERT_EQ(pending, 0);
    KT_ASSERT_EQ(live, 0);
}
enum { PAIRS = 5000 };

static struct channel kch;
static long kch_buf[64];

struct signaller {
    struct future base;
    long id;
    int state;
    struct executor *ex;
    union {
        struct sleep sleep;
        struct channel_send send;
        struct channel_recv recv;
    } u;
};
static enum poll signaller_poll(struct future *f, struct context *cx)
{
    struct signaller *s = (struct signaller *)f;
    long got = 0;
    if (s->id >= PAIRS) {
        if (s->state == 0)
            s->u.recv = channel_recv(&kch), s->state = 1;
        if (future_poll_into(&s->u.recv.base, cx, &got) == POLL_PENDING)
            return POLL_PENDING;
        *(long *)cx->output = got;
        return POLL_READY;
    }
    if (s->state == 0) {
        uint64_t ms = (uint64_t)(s->id % 20 + 1);
        s->u.sleep = sleep_for(executor_timers(s->ex), ms * 1000000), s->state = 1;
    }
    if (s->state == 1) {
        if (future_poll(&s->u.sleep.base, cx) == POLL_PENDING)
            return POLL_PENDING;
        s->u.send = channel_send(&kch, &s->id), s->state = 2;
    }
    if (future_poll_into(&s->u.send.base, cx, NULL) == POLL_PENDING)
        return POLL_PENDING;
    *(long *)cx->output = 0;
    return POLL_READY;
}
static struct join_handle spawn_signaller(struct executor *ex, long i, long arg)
{
    (void)arg;
    long id = i % 2 == 0 ? i / 2 : PAIRS + i / 2;
    struct signaller s = {.base = {signaller_poll, NULL}, .id = id, .ex = ex};
    return executor_spawn(ex, &s.base, sizeof s, sizeof(long));
}
KTEST(ch12_ten_thousand_tasks)
{
    channel_init(&kch, kch_buf, sizeof(long), 64);
    struct executor *ex = kexec_start();
    struct join_handle *h = kmalloc(2 * PAIRS * sizeof *h);
    KT_ASSERT(h != NULL);
    struct spawner r = spawner(ex, h, 2 * PAIRS, spawn_signaller, 0);
    KT_ASSERT_EQ(kexec_block_on(ex, &r.base, NULL), 0);
    kexec_halt(ex);
    kexec_print_counters(ex);
    unsigned idle = 0;
    for (unsigned w = 0; w < executor_workers(ex); w++)
        idle += executor_counters(ex, w)->polled == 0;
    long live = executor_live_tasks(ex);
    size_t timers = timers_pending(executor_timers(ex));
    kfree(h);
    kexec_stop(ex);
    kprintf("ch12: %d tasks joined, sum %ld, %ld live, %u idle harts\n", 2 * PAIRS, r.sum,
            live, idle);
    KT_ASSERT_EQ(r.sum, (long)PAIRS * (PAIRS - 1) / 2);
    KT_ASSERT_EQ(live, 0);
    KT_ASSERT_EQ(timers, 0);
    KT_ASSERT_EQ(idle, 0);
    KT_ASSERT_EQ(channel_count(&kch), 0);
}
