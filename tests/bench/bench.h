/* Generated from chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
/* The benchmarks of chapter 15: each is built to WebAssembly and natively. */
#include <stddef.h>
#include <stdint.h>

void *memset(void *d, int c, size_t n);
#ifdef __wasm__
#define BENCH(name) uint32_t run(uint32_t n)
void *memset(void *d, int c, size_t n)
{
    uint8_t *p = d;
    uint64_t w = (uint8_t)c * 0x0101010101010101ull;
    for (; n >= 8; n -= 8, p += 8)
        __builtin_memcpy(p, &w, 8);
    while (n--)
        *p++ = (uint8_t)c;
    return d;
}
#else
#define BENCH(name) uint32_t name##_run(uint32_t n)
#endif

static inline uint32_t next_random(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}
