/* Generated from chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "bench.h"

#define LEN 65536
static uint32_t table[256];
static uint8_t data[LEN];

BENCH(crc32)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    uint32_t seed = 1;
    for (uint32_t i = 0; i < LEN; i++)
        data[i] = (uint8_t)next_random(&seed);
    uint32_t crc = 0;
    for (uint32_t r = 0; r < n; r++) {
        uint32_t c = ~crc;
        for (uint32_t i = 0; i < LEN; i++)
            c = table[(c ^ data[i]) & 0xff] ^ (c >> 8);
        crc = ~c;
    }
    return crc;
}
