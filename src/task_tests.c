/* Generated from chapters/09-join.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "kalloc.h"
#include "ktest.h"
#include "task.h"
#include "test_futures.h"

struct boot_list {
    struct scheduler base;
    struct task *head, *tail;
};

struct boot_link {
    _Alignas(16) struct task *next;
};

static struct boot_link *blink(struct task *t) { return (struct boot_link *)(void *)t - 1; }

static void list_schedule(struct scheduler *s, struct task *t)
{
    struct boot_list *l = (struct boot_list *)s;
    blink(t)->next = NULL;
    if (l->tail != NULL)
        blink(l->tail)->next = t;
    else
        l->head = t;
    l->tail = t;
}
static void *list_alloc(struct scheduler *s, size_t n)
{
    (void)s;
    struct boot_link *b = kmalloc(sizeof *b + n);
    return b == NULL ? NULL : b + 1;
}
static void list_free(struct scheduler *s, void *p) { (void)s; kfree((struct boot_link *)p - 1); }
static int list_run(struct boot_list *l)
{
    int runs = 0;
    while (l->head != NULL) {
        struct task *t = l->head;
        l->head = blink(t)->next;
        if (l->head == NULL)
            l->tail = NULL;
        task_run(t);
        runs++;
    }
    return runs;
}
KTEST(ch09_tasks_run_on_the_boot_hart)
{
    struct boot_list l = {{list_schedule, list_alloc, list_free}, NULL, NULL};
    long live = task_live();
    struct join_handle h[4];
    for (int i = 0; i < 4; i++) {
        struct countdown c = countdown(i, 100 + i);
        h[i] = task_spawn(&l.base, &c.base, sizeof c, sizeof(int));
        KT_ASSERT(h[i].task != NULL);
    }
    struct countdown inner = countdown(4, 555);
    struct join_future j = join_future(task_spawn(&l.base, &inner.base, sizeof inner, sizeof(int)));
    struct join_handle outer = task_spawn(&l.base, &j.base, sizeof j, sizeof(int));
    KT_ASSERT_EQ(list_run(&l), 10 + 5 + 2);
    struct waker w = waker_noop();
    struct context cx = {&w, NULL};
    for (int i = 0; i < 4; i++) {
        int out = 0, cancelled = 1;
        KT_ASSERT_EQ(join_poll(&h[i], &cx, &out, &cancelled), POLL_READY);
        KT_ASSERT_EQ(out, 100 + i);
        KT_ASSERT_EQ(cancelled, 0);
        join_drop(&h[i]);
    }
    int out = 0;
    KT_ASSERT_EQ(join_poll(&outer, &cx, &out, NULL), POLL_READY);
    KT_ASSERT_EQ(out, 555);
    join_drop(&outer);
    KT_ASSERT_EQ(task_live(), live);
}
