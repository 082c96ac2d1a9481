/* Generated from chapters/03-memory.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "ranges.h"
#include "page.h"

static int append(struct range_set *s, uint64_t start, uint64_t end)
{
    if (start >= end)
        return RANGES_OK;
    if (s->count == RANGES_MAX)
        return RANGES_FULL;
    s->r[s->count++] = (struct range){start, end};
    return RANGES_OK;
}

void range_set_init(struct range_set *s)
{
    s->count = 0;
}
int range_set_add(struct range_set *s, uint64_t start, uint64_t end)
{
    struct range_set out = {.count = 0};
    int placed = 0, err = RANGES_OK;
    if (start >= end)
        return RANGES_OK;
    for (int i = 0; i < s->count && err == RANGES_OK; i++) {
        struct range r = s->r[i];
        if (r.end < start) {
            err = append(&out, r.start, r.end);
        } else if (r.start > end) {
            if (!placed)
                err = append(&out, start, end);
            placed = 1;
            if (err == RANGES_OK)
                err = append(&out, r.start, r.end);
        } else {
            start = r.start < start ? r.start : start;
            end = r.end > end ? r.end : end;
        }
    }
    if (err == RANGES_OK && !placed)
        err = append(&out, start, end);
    if (err == RANGES_OK)
        *s = out;
    return err;
}
int range_set_remove(struct range_set *s, uint64_t start, uint64_t end)
{
    struct range_set out = {.count = 0};
    int err = RANGES_OK;
    if (start >= end)
        return RANGES_OK;
    for (int i = 0; i < s->count && err == RANGES_OK; i++) {
        struct range r = s->r[i];
        err = append(&out, r.start, r.end < start ? r.end : start);
        if (err == RANGES_OK)
            err = append(&out, r.start > end ? r.start : end, r.end);
    }
    if (err == RANGES_OK)
        *s = out;
    return err;
}
void range_set_shrink_to_pages(struct range_set *s)
{
    int n = 0;
    for (int i = 0; i < s->count; i++) {
        struct range r = s->r[i];
        if (r.start > UINT64_MAX - PAGE_OFFSET_MASK)
            continue;       /* inside the last page: rounding up would wrap */
        uint64_t start = page_round_up(r.start), end = page_round_down(r.end);
        if (start < end)
            s->r[n++] = (struct range){start, end};
    }
    s->count = n;
}

uint64_t range_set_bytes(const struct range_set *s)
{
    uint64_t total = 0;
    for (int i = 0; i < s->count; i++)
        total += s->r[i].end - s->r[i].start;
    return total;
}
static uint64_t region_end(struct mem_region m)
{
    return m.size > UINT64_MAX - m.base ? UINT64_MAX : m.base + m.size;
}

int usable_memory(struct range_set *out, const struct mem_region *ram,
                  int nram, const struct mem_region *holes, int nholes)
{
    int err = RANGES_OK;
    range_set_init(out);
    for (int i = 0; i < nram && err == RANGES_OK; i++)
        err = range_set_add(out, ram[i].base, region_end(ram[i]));
    for (int i = 0; i < nholes && err == RANGES_OK; i++)
        err = range_set_remove(out, holes[i].base, region_end(holes[i]));
    range_set_shrink_to_pages(out);
    return err;
}
