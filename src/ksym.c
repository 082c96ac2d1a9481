/* Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "ksym.h"
#include "kprintf.h"

static int covers(const struct ksym *s, uint64_t addr)
{
    return addr >= s->addr &&
           (s->size == 0 ? addr == s->addr : addr - s->addr < s->size);
}

const struct ksym *ksym_lookup(const struct ksym *table, size_t count,
                               uint64_t addr)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (table[mid].addr <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i > 0 && table[i - 1].addr == table[lo - 1].addr; i--)
        if (covers(&table[i - 1], addr))
            return &table[i - 1];
    return NULL;
}
int ksym_format(char *buf, size_t size, const struct ksym *table,
                size_t count, uint64_t addr)
{
    const struct ksym *s = ksym_lookup(table, count, addr);
    if (s == NULL)
        return ksnprintf(buf, size, "?");
    return ksnprintf(buf, size, "%s+0x%lx", s->name,
                     (unsigned long)(addr - s->addr));
}
