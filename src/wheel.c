/* Generated from chapters/11-time.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "wheel.h"

static const uint64_t span[WHEEL_LEVELS] = {
    1ull, 64ull, 4096ull, 262144ull, 16777216ull, 1073741824ull,
    68719476736ull, 4398046511104ull, 281474976710656ull,
    18014398509481984ull, 1152921504606846976ull,
};

static uint64_t turn_start(int level, uint64_t t)
{
    return level == WHEEL_LEVELS - 1 ? 0 : t - t % (span[level] * WHEEL_SLOTS);
}
static int level_of(uint64_t now, uint64_t deadline)
{
    int high_bit = 63 - __builtin_clzll((now ^ deadline) | 63);
    return high_bit / 6;
}

static int slot_of(int level, uint64_t deadline)
{
    return (int)(deadline / span[level] % WHEEL_SLOTS);
}
static void link_entry(struct wheel *w, struct wheel_entry *e)
{
    int level = level_of(w->now, e->deadline), slot = slot_of(level, e->deadline);
    struct wheel_entry **head = &w->slots[level][slot];
    e->level = level, e->slot = slot;
    e->prev = NULL, e->next = *head;
    if (*head != NULL)
        (*head)->prev = e;
    *head = e;
    w->occupied[level] |= 1ull << slot;
}
static void unlink_entry(struct wheel *w, struct wheel_entry *e)
{
    if (e->prev != NULL)
        e->prev->next = e->next;
    else
        w->slots[e->level][e->slot] = e->next;
    if (e->next != NULL)
        e->next->prev = e->prev;
    if (w->slots[e->level][e->slot] == NULL)
        w->occupied[e->level] &= ~(1ull << e->slot);
    e->level = -1;
}
void wheel_init(struct wheel *w, uint64_t now)
{
    *w = (struct wheel){.now = now};
}

bool wheel_insert(struct wheel *w, struct wheel_entry *e, uint64_t deadline)
{
    e->deadline = deadline;
    e->level = -1;
    if (deadline <= w->now)
        return false;
    link_entry(w, e);
    w->count++;
    return true;
}

void wheel_remove(struct wheel *w, struct wheel_entry *e)
{
    if (e->level < 0)
        return;
    unlink_entry(w, e);
    w->count--;
}
static int next_slot(const struct wheel *w, int *level, uint64_t *start)
{
    for (int l = 0; l < WHEEL_LEVELS; l++) {
        if (w->occupied[l] == 0)
            continue;
        int s = __builtin_ctzll(w->occupied[l]);
        *level = l;
        *start = turn_start(l, w->now) + (uint64_t)s * span[l];
        return s;
    }
    return -1;
}

uint64_t wheel_next_expiry(const struct wheel *w)
{
    int level;
    uint64_t start;
    return next_slot(w, &level, &start) < 0 ? UINT64_MAX : start;
}
void wheel_advance(struct wheel *w, uint64_t now, wheel_expire_fn expire, void *ctx)
{
    int level, s;
    uint64_t start;
    while ((s = next_slot(w, &level, &start)) >= 0 && start <= now) {
        struct wheel_entry *e = w->slots[level][s];
        w->slots[level][s] = NULL;
        w->occupied[level] &= ~(1ull << s);
        w->now = start;
        while (e != NULL) {
            struct wheel_entry *next = e->next;
            if (e->deadline <= w->now) {
                e->level = -1;
                w->count--;
                expire(e, ctx);
            } else {
                link_entry(w, e);
            }
            e = next;
        }
    }
    if (now > w->now)
        w->now = now;
}
