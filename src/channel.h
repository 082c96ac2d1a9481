/* Generated from chapters/12-waiting.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_CHANNEL_H
#define HYPHA_CHANNEL_H

#include <stddef.h>

#include "waitq.h"

enum { CHANNEL_ITEM_MAX = 32 };

struct channel {
    struct taslock lock;
    unsigned char *buf;
    size_t item_size, capacity, start, count;
    int closed;
    struct waitlist senders, receivers;
};

int channel_init(struct channel *ch, void *buf, size_t item_size, size_t capacity);
void channel_close(struct channel *ch);
size_t channel_count(struct channel *ch);
struct channel_send {
    struct future base;
    struct channel *ch;
    struct waiter w;
    int closed;
    unsigned char item[CHANNEL_ITEM_MAX];
};

struct channel_recv {
    struct future base;
    struct channel *ch;
    struct waiter w;
    int closed;
};

struct channel_send channel_send(struct channel *ch, const void *item);
struct channel_recv channel_recv(struct channel *ch);

#endif
