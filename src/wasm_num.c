/* Generated from chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "wasm_num.h"

static const char *const trap_messages[WASM_TRAP_COUNT] = {
    [WASM_TRAP_NONE] = "no trap",
    [WASM_TRAP_UNREACHABLE] = "unreachable",
    [WASM_TRAP_MEMORY_OOB] = "out of bounds memory access",
    [WASM_TRAP_TABLE_OOB] = "out of bounds table access",
    [WASM_TRAP_UNDEFINED_ELEMENT] = "undefined element",
    [WASM_TRAP_UNINITIALIZED] = "uninitialized element",
    [WASM_TRAP_INDIRECT_TYPE] = "indirect call type mismatch",
    [WASM_TRAP_DIV_ZERO] = "integer divide by zero",
    [WASM_TRAP_INT_OVERFLOW] = "integer overflow",
    [WASM_TRAP_INVALID_CONVERSION] = "invalid conversion to integer",
    [WASM_TRAP_STACK_EXHAUSTED] = "call stack exhausted",
    [WASM_TRAP_HOST] = "host function failed",
};

const char *wasm_trap_message(enum wasm_trap t)
{
    return (unsigned)t < WASM_TRAP_COUNT ? trap_messages[t] : "unknown trap";
}

static unsigned __int128 isqrt128(unsigned __int128 n, bool *inexact)
{
    unsigned __int128 root = 0, bit = (unsigned __int128)1 << 126;
    while (bit > n)
        bit >>= 2;
    while (bit != 0) {
        if (n >= root + bit) {
            n -= root + bit;
            root = (root >> 1) + bit;
        } else {
            root >>= 1;
        }
        bit >>= 2;
    }
    *inexact = n != 0;
    return root;
}
uint64_t wasm_f64_sqrt(uint64_t a)
{
    uint64_t exp = (a >> 52) & 0x7ff, m = a & 0xfffffffffffffull;
    if (exp == 0x7ff && m != 0) return WASM_F64_CANON;     /* NaN */
    if ((a << 1) == 0) return a;                           /* +0 and -0 */
    if (a & WASM_F64_SIGN) return WASM_F64_CANON;          /* negative */
    if (exp == 0x7ff) return a;                            /* +infinity */
    int64_t e;
    if (exp == 0) {                                        /* subnormal */
        e = -1074;
        while (!(m & (1ull << 52))) { m <<= 1; e--; }
    } else {
        m |= 1ull << 52;
        e = (int64_t)exp - 1075;
    }
    if (e & 1) { m <<= 1; e--; }
    bool sticky;
    uint64_t q = (uint64_t)isqrt128((unsigned __int128)m << 56, &sticky);
    uint64_t mant = q >> 2, guard = (q >> 1) & 1, rest = (q & 1) | sticky;
    int64_t be = e / 2 - 26 + 1075;
    if (guard && (rest || (mant & 1))) mant++;
    if (mant == (1ull << 53)) { mant >>= 1; be++; }
    return ((uint64_t)be << 52) | (mant & 0xfffffffffffffull);
}
uint64_t wasm_f64_round(uint64_t a, int how)
{
    double x = wasm_f64(a), ax = wasm_f64(a & ~WASM_F64_SIGN), r;
    if (x != x) return WASM_F64_CANON;
    if (!(ax < 4503599627370496.0)) return a;             /* 2^52: integral, or infinity */
    switch (how) {
    case WASM_ROUND_NEAREST: {
        volatile double big = 4503599627370496.0;         /* keep the rounding step */
        r = (ax + big) - big;
        break;
    }
    default:
        r = (double)(int64_t)ax;                          /* trunc of the magnitude */
        if (how == WASM_ROUND_CEIL && !(a & WASM_F64_SIGN) && r < ax) r += 1.0;
        if (how == WASM_ROUND_FLOOR && (a & WASM_F64_SIGN) && r < ax) r += 1.0;
        break;
    }
    return wasm_f64_bits(r) | (a & WASM_F64_SIGN);
}
uint32_t wasm_f32_round(uint32_t a, int how)
{
    float x = wasm_f32(a), ax = wasm_f32(a & ~WASM_F32_SIGN), r;
    if (x != x) return WASM_F32_CANON;
    if (!(ax < 8388608.0f)) return a;                     /* 2^23 */
    if (how == WASM_ROUND_NEAREST) {
        volatile float big = 8388608.0f;
        r = (ax + big) - big;
    } else {
        r = (float)(int32_t)ax;
        if (how == WASM_ROUND_CEIL && !(a & WASM_F32_SIGN) && r < ax) r += 1.0f;
        if (how == WASM_ROUND_FLOOR && (a & WASM_F32_SIGN) && r < ax) r += 1.0f;
    }
    return wasm_f32_bits(r) | (a & WASM_F32_SIGN);
}

uint32_t wasm_f32_sqrt(uint32_t a)
{
    double d = wasm_f64(wasm_f64_sqrt(wasm_f64_bits((double)wasm_f32(a))));
    return wasm_f32_canon((float)d);
}
