/* Generated from chapters/10-executor.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_TEST_HOST_EXECUTOR_H
#define HYPHA_TEST_HOST_EXECUTOR_H

#include "executor.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

enum { HOST_MAX_WORKERS = 8 };

struct host_parker {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int token;
};

struct host_rt {
    struct executor *ex;
    unsigned workers;
    pthread_t threads[HOST_MAX_WORKERS];
    struct host_thread { struct host_rt *rt; unsigned index; } args[HOST_MAX_WORKERS];
    struct host_parker parkers[HOST_MAX_WORKERS];
    unsigned first_thread;      /* 1: the caller is worker 0; 0: it is no worker */
};

static _Thread_local struct host_rt *host_current;
static _Thread_local unsigned host_worker;

static inline void *host_alloc(void *ctx, size_t n) { (void)ctx; return malloc(n); }
static inline void host_free(void *ctx, void *p) { (void)ctx; free(p); }

static inline unsigned host_this_worker(void *ctx)
{
    return host_current == ctx ? host_worker : EXECUTOR_NO_WORKER;
}

static inline uint64_t host_now(void *ctx)
{
    (void)ctx;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}
static inline void host_park(void *ctx, unsigned w, uint64_t deadline)
{
    struct host_parker *p = &((struct host_rt *)ctx)->parkers[w];
    struct timespec ts = {(time_t)(deadline / 1000000000u), (long)(deadline % 1000000000u)};
    pthread_mutex_lock(&p->lock);
    while (!p->token) {
        if (deadline == EXECUTOR_NEVER)
            pthread_cond_wait(&p->cond, &p->lock);
        else if (pthread_cond_timedwait(&p->cond, &p->lock, &ts) == ETIMEDOUT)
            break;
    }
    p->token = 0;
    pthread_mutex_unlock(&p->lock);
}

static inline void host_unpark(void *ctx, unsigned w)
{
    struct host_parker *p = &((struct host_rt *)ctx)->parkers[w];
    pthread_mutex_lock(&p->lock);
    p->token = 1;
    pthread_cond_signal(&p->cond);
    pthread_mutex_unlock(&p->lock);
}
static inline void host_rt_setup(struct host_rt *rt, unsigned workers)
{
    struct executor_platform p = {rt, host_alloc, host_free, host_this_worker,
                                  host_park, host_unpark, host_now};
    rt->workers = workers;
    for (unsigned i = 0; i < workers; i++) {
        pthread_condattr_t a;
        pthread_condattr_init(&a);
        pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
        pthread_mutex_init(&rt->parkers[i].lock, NULL);
        pthread_cond_init(&rt->parkers[i].cond, &a);
        pthread_condattr_destroy(&a);
        rt->parkers[i].token = 0;
        rt->args[i] = (struct host_thread){rt, i};
    }
    rt->ex = executor_create(&p, workers);
}
static inline void *host_worker_main(void *arg)
{
    struct host_thread *t = arg;
    host_current = t->rt;
    host_worker = t->index;
    executor_run_worker(t->rt->ex, t->index);
    return NULL;
}

static inline void host_rt_start(struct host_rt *rt, unsigned workers)
{
    host_rt_setup(rt, workers);
    rt->first_thread = 1;
    host_current = rt;
    host_worker = 0;
    for (unsigned i = 1; i < workers; i++)
        pthread_create(&rt->threads[i], NULL, host_worker_main, &rt->args[i]);
}

static inline void host_rt_start_all_threads(struct host_rt *rt, unsigned workers)
{
    host_rt_setup(rt, workers);
    rt->first_thread = 0;
    host_current = NULL;
    for (unsigned i = 0; i < workers; i++)
        pthread_create(&rt->threads[i], NULL, host_worker_main, &rt->args[i]);
}
static inline void host_rt_halt(struct host_rt *rt)
{
    executor_shutdown(rt->ex);
    for (unsigned i = rt->first_thread; i < rt->workers; i++)
        pthread_join(rt->threads[i], NULL);
    rt->first_thread = rt->workers;
}

static inline void host_rt_stop(struct host_rt *rt)
{
    host_rt_halt(rt);
    executor_destroy(rt->ex);
    host_current = NULL;
}
#endif
