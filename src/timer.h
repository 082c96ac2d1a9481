/* Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_TIMER_H
#define HYPHA_TIMER_H

#include <stdint.h>

void timer_init(uint64_t timebase_hz, unsigned hz);
void timer_start_hart(void);
void timer_interrupt(void);
uint64_t timer_ticks(void);
unsigned timer_hz(void);
uint64_t timer_timebase_hz(void);

#endif
