/* Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "timer.h"
#include "hart.h"
#include "panic.h"
#include "riscv.h"
#include "sbi.h"
#include "trapname.h"

static uint64_t timebase_hz;    /* time counts per second */
static unsigned tick_hz;        /* timer interrupts per second */
static uint64_t interval;       /* time counts between interrupts */

void timer_init(uint64_t timebase, unsigned hz)
{
    if (!sbi_probe(SBI_EXT_TIME))
        panic("timer: the firmware has no SBI TIME extension");
    if (timebase == 0 || hz == 0 || hz > timebase)
        panic("timer: cannot tick at %u Hz on a %lu Hz timebase", hz,
              (unsigned long)timebase);
    timebase_hz = timebase;
    tick_hz = hz;
    interval = timebase / hz;
}
void timer_start_hart(void)
{
    struct hart *h = this_hart();
    h->next_tick = read_time() + interval;
    sbi_set_timer(h->next_tick);
    csr_set(sie, 1UL << IRQ_S_TIMER);
}
void timer_interrupt(void)
{
    struct hart *h = this_hart();
    h->ticks++;
    h->next_tick += interval;
    uint64_t now = read_time();
    if (h->next_tick <= now)
        h->next_tick = now + interval;
    sbi_set_timer(h->next_tick);
}
uint64_t timer_ticks(void) { return this_hart()->ticks; }
unsigned timer_hz(void) { return tick_hz; }
uint64_t timer_timebase_hz(void) { return timebase_hz; }
