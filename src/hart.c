/* Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "hart.h"
#include "panic.h"

struct hart harts[HART_MAX];

void hart_init_local(unsigned long hartid)
{
    if (hartid >= HART_MAX)
        panic("hart %lu: Hypha supports hart IDs below %d", hartid, HART_MAX);
    struct hart *h = &harts[hartid];
    h->hartid = hartid;
    __asm__ volatile("mv tp, %0" : : "r"(h));
}
