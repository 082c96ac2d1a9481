/* Generated from chapters/12-waiting.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "channel.h"
#include "kstring.h"

int channel_init(struct channel *ch, void *buf, size_t item_size, size_t capacity)
{
    if (item_size == 0 || item_size > CHANNEL_ITEM_MAX || capacity == 0)
        return -1;
    *ch = (struct channel){.lock = TASLOCK_INIT, .buf = buf, .item_size = item_size,
                           .capacity = capacity};
    return 0;
}

void channel_close(struct channel *ch)
{
    tas_lock(&ch->lock);
    ch->closed = 1;
    waitlist_wake_all(&ch->senders);
    waitlist_wake_all(&ch->receivers);
    tas_unlock(&ch->lock);
}

size_t channel_count(struct channel *ch)
{
    tas_lock(&ch->lock);
    size_t n = ch->count;
    tas_unlock(&ch->lock);
    return n;
}
static void put_item(struct channel *ch, const void *item)
{
    size_t at = (ch->start + ch->count) % ch->capacity;
    memcpy(ch->buf + at * ch->item_size, item, ch->item_size);
    ch->count++;
}

static void take_item(struct channel *ch, void *out)
{
    if (out != NULL)
        memcpy(out, ch->buf + ch->start * ch->item_size, ch->item_size);
    ch->start = (ch->start + 1) % ch->capacity;
    ch->count--;
}
static enum poll send_poll(struct future *f, struct context *cx)
{
    struct channel_send *s = (struct channel_send *)f;
    struct channel *ch = s->ch;
    enum poll r = POLL_READY;
    tas_lock(&ch->lock);
    if (ch->closed) {
        waitlist_remove(&ch->senders, &s->w);
        s->closed = 1;
    } else if (ch->count < ch->capacity) {
        waitlist_remove(&ch->senders, &s->w);
        put_item(ch, s->item);
        waitlist_wake_one(&ch->receivers);
    } else {
        waitlist_wait(&ch->senders, &s->w, cx->waker);
        r = POLL_PENDING;
    }
    tas_unlock(&ch->lock);
    return r;
}
static void send_drop(struct future *f)
{
    struct channel_send *s = (struct channel_send *)f;
    tas_lock(&s->ch->lock);
    if (waitlist_remove(&s->ch->senders, &s->w))
        waitlist_wake_one(&s->ch->senders);
    tas_unlock(&s->ch->lock);
}

struct channel_send channel_send(struct channel *ch, const void *item)
{
    struct channel_send s = {.base = {send_poll, send_drop}, .ch = ch};
    memcpy(s.item, item, ch->item_size);
    return s;
}
static enum poll recv_poll(struct future *f, struct context *cx)
{
    struct channel_recv *r = (struct channel_recv *)f;
    struct channel *ch = r->ch;
    enum poll res = POLL_READY;
    tas_lock(&ch->lock);
    if (ch->count > 0) {
        waitlist_remove(&ch->receivers, &r->w);
        take_item(ch, cx->output);
        waitlist_wake_one(&ch->senders);
    } else if (ch->closed) {
        waitlist_remove(&ch->receivers, &r->w);
        r->closed = 1;
    } else {
        waitlist_wait(&ch->receivers, &r->w, cx->waker);
        res = POLL_PENDING;
    }
    tas_unlock(&ch->lock);
    return res;
}
static void recv_drop(struct future *f)
{
    struct channel_recv *r = (struct channel_recv *)f;
    tas_lock(&r->ch->lock);
    if (waitlist_remove(&r->ch->receivers, &r->w))
        waitlist_wake_one(&r->ch->receivers);
    tas_unlock(&r->ch->lock);
}

struct channel_recv channel_recv(struct channel *ch)
{
    return (struct channel_recv){.base = {recv_poll, recv_drop}, .ch = ch};
}
