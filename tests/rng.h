/* Generated from chapters/03-memory.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_TEST_RNG_H
#define HYPHA_TEST_RNG_H

#include <stdint.h>

static inline uint64_t xorshift64(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *state = x;
}

#endif
