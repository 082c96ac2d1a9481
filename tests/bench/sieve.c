/* Generated from chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "bench.h"

#define LIMIT (1u << 19)
static uint8_t composite[LIMIT];

BENCH(sieve)
{
    uint32_t count = 0;
    for (uint32_t r = 0; r < n; r++) {
        memset(composite, 0, sizeof composite);
        count = 0;
        for (uint32_t i = 2; i < LIMIT; i++) {
            if (composite[i])
                continue;
            count++;
            for (uint32_t j = 2 * i; j < LIMIT; j += i)
                composite[j] = 1;
        }
    }
    return count;
}
