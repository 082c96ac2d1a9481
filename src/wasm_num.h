/* Generated from chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_WASM_NUM_H
#define HYPHA_WASM_NUM_H

#include <stdbool.h>
#include <stdint.h>

enum wasm_trap {
    WASM_TRAP_NONE = 0,
    WASM_TRAP_UNREACHABLE,          /* the unreachable instruction */
    WASM_TRAP_MEMORY_OOB,           /* load, store or bulk op outside memory */
    WASM_TRAP_TABLE_OOB,            /* table access outside the table */
    WASM_TRAP_UNDEFINED_ELEMENT,    /* call_indirect index outside the table */
    WASM_TRAP_UNINITIALIZED,        /* call_indirect through a null entry */
    WASM_TRAP_INDIRECT_TYPE,        /* call_indirect to a function of another type */
    WASM_TRAP_DIV_ZERO,             /* integer divide or remainder by zero */
    WASM_TRAP_INT_OVERFLOW,         /* INT_MIN / -1, or a float too big to truncate */
    WASM_TRAP_INVALID_CONVERSION,   /* truncating a NaN */
    WASM_TRAP_STACK_EXHAUSTED,      /* too deep: the configured call depth or stack */
    WASM_TRAP_HOST,                 /* a host function failed */
    WASM_TRAP_COUNT
};

const char *wasm_trap_message(enum wasm_trap t);
static inline float wasm_f32(uint32_t b) { float f; __builtin_memcpy(&f, &b, 4); return f; }
static inline double wasm_f64(uint64_t b) { double d; __builtin_memcpy(&d, &b, 8); return d; }
static inline uint32_t wasm_f32_bits(float f) { uint32_t b; __builtin_memcpy(&b, &f, 4); return b; }
static inline uint64_t wasm_f64_bits(double d) { uint64_t b; __builtin_memcpy(&b, &d, 8); return b; }

#define WASM_F32_CANON 0x7fc00000u
#define WASM_F64_CANON 0x7ff8000000000000ull
#define WASM_F32_SIGN 0x80000000u
#define WASM_F64_SIGN 0x8000000000000000ull

/* the result of an arithmetic operation: any NaN becomes the canonical one */
static inline uint32_t wasm_f32_canon(float r) { return r != r ? WASM_F32_CANON : wasm_f32_bits(r); }
static inline uint64_t wasm_f64_canon(double r) { return r != r ? WASM_F64_CANON : wasm_f64_bits(r); }
#define WASM_DIVISION(name, T, ST, MIN)                                     \
    static inline int wasm_##name##_div_s(T a, T b, T *r) {                \
        if (b == 0) return WASM_TRAP_DIV_ZERO;                              \
        if (a == (T)MIN && b == (T)-1) return WASM_TRAP_INT_OVERFLOW;       \
        *r = (T)((ST)a / (ST)b); return 0; }                                \
    static inline int wasm_##name##_div_u(T a, T b, T *r) {                \
        if (b == 0) return WASM_TRAP_DIV_ZERO;                              \
        *r = a / b; return 0; }                                             \
    static inline int wasm_##name##_rem_s(T a, T b, T *r) {                \
        if (b == 0) return WASM_TRAP_DIV_ZERO;                              \
        *r = (b == (T)-1) ? 0 : (T)((ST)a % (ST)b); return 0; }             \
    static inline int wasm_##name##_rem_u(T a, T b, T *r) {                \
        if (b == 0) return WASM_TRAP_DIV_ZERO;                              \
        *r = a % b; return 0; }
WASM_DIVISION(i32, uint32_t, int32_t, 0x80000000u)
WASM_DIVISION(i64, uint64_t, int64_t, 0x8000000000000000ull)
#undef WASM_DIVISION
static inline uint32_t wasm_i32_shr_s(uint32_t a, uint32_t n)
{
    n &= 31;
    return (a & 0x80000000u) ? ~(~a >> n) : a >> n;
}
static inline uint64_t wasm_i64_shr_s(uint64_t a, uint64_t n)
{
    n &= 63;
    return (a & WASM_F64_SIGN) ? ~(~a >> n) : a >> n;
}
static inline uint32_t wasm_i32_rotl(uint32_t a, uint32_t n) { return (a << (n & 31)) | (a >> ((32 - n) & 31)); }
static inline uint32_t wasm_i32_rotr(uint32_t a, uint32_t n) { return (a >> (n & 31)) | (a << ((32 - n) & 31)); }
static inline uint64_t wasm_i64_rotl(uint64_t a, uint64_t n) { return (a << (n & 63)) | (a >> ((64 - n) & 63)); }
static inline uint64_t wasm_i64_rotr(uint64_t a, uint64_t n) { return (a >> (n & 63)) | (a << ((64 - n) & 63)); }
static inline uint32_t wasm_i32_clz(uint32_t a) { return a ? (uint32_t)__builtin_clz(a) : 32; }
static inline uint32_t wasm_i32_ctz(uint32_t a) { return a ? (uint32_t)__builtin_ctz(a) : 32; }
static inline uint64_t wasm_i64_clz(uint64_t a) { return a ? (uint64_t)__builtin_clzll(a) : 64; }
static inline uint64_t wasm_i64_ctz(uint64_t a) { return a ? (uint64_t)__builtin_ctzll(a) : 64; }
#define WASM_FLOAT_OPS(N, T, U, CANON)                                                    \
    static inline U wasm_##N##_add(U a, U b) { return wasm_##N##_canon(wasm_##N(a) + wasm_##N(b)); } \
    static inline U wasm_##N##_sub(U a, U b) { return wasm_##N##_canon(wasm_##N(a) - wasm_##N(b)); } \
    static inline U wasm_##N##_mul(U a, U b) { return wasm_##N##_canon(wasm_##N(a) * wasm_##N(b)); } \
    static inline U wasm_##N##_div(U a, U b) { return wasm_##N##_canon(wasm_##N(a) / wasm_##N(b)); } \
    static inline U wasm_##N##_min(U a, U b) {                                             \
        T x = wasm_##N(a), y = wasm_##N(b);                                                \
        if (x != x || y != y) return CANON;                                                \
        if (x == y) return a | b;                                                          \
        return x < y ? a : b; }                                                            \
    static inline U wasm_##N##_max(U a, U b) {                                             \
        T x = wasm_##N(a), y = wasm_##N(b);                                                \
        if (x != x || y != y) return CANON;                                                \
        if (x == y) return a & b;                                                          \
        return x > y ? a : b; }
WASM_FLOAT_OPS(f32, float, uint32_t, WASM_F32_CANON)
WASM_FLOAT_OPS(f64, double, uint64_t, WASM_F64_CANON)
#undef WASM_FLOAT_OPS

uint32_t wasm_f32_sqrt(uint32_t a);
uint64_t wasm_f64_sqrt(uint64_t a);
uint32_t wasm_f32_round(uint32_t a, int how);   /* how: one of WASM_ROUND_* */
uint64_t wasm_f64_round(uint64_t a, int how);
enum { WASM_ROUND_CEIL, WASM_ROUND_FLOOR, WASM_ROUND_TRUNC, WASM_ROUND_NEAREST };
static inline uint32_t wasm_f32_neg(uint32_t a) { return a ^ WASM_F32_SIGN; }
static inline uint32_t wasm_f32_abs(uint32_t a) { return a & ~WASM_F32_SIGN; }
static inline uint32_t wasm_f32_copysign(uint32_t a, uint32_t b) { return (a & ~WASM_F32_SIGN) | (b & WASM_F32_SIGN); }
static inline uint64_t wasm_f64_neg(uint64_t a) { return a ^ WASM_F64_SIGN; }
static inline uint64_t wasm_f64_abs(uint64_t a) { return a & ~WASM_F64_SIGN; }
static inline uint64_t wasm_f64_copysign(uint64_t a, uint64_t b) { return (a & ~WASM_F64_SIGN) | (b & WASM_F64_SIGN); }
#define WASM_TRUNC(name, N, FT, FU, IT, LO, LO_INCLUSIVE, HI, IMIN, IMAX)       \
    static inline int wasm_##name(FU a, IT *r) {                               \
        FT x = wasm_##N(a);                                                    \
        if (x != x) return WASM_TRAP_INVALID_CONVERSION;                       \
        if (!((LO_INCLUSIVE ? x >= LO : x > LO) && x < HI))                    \
            return WASM_TRAP_INT_OVERFLOW;                                     \
        *r = (IT)x; return 0; }                                                \
    static inline IT wasm_##name##_sat(FU a) {                                 \
        FT x = wasm_##N(a);                                                    \
        if (x != x) return 0;                                                  \
        if (!(LO_INCLUSIVE ? x >= LO : x > LO)) return IMIN;                   \
        if (!(x < HI)) return IMAX;                                            \
        return (IT)x; }
WASM_TRUNC(i32_trunc_f32_s, f32, float, uint32_t, int32_t, -2147483648.0f, 1, 2147483648.0f, INT32_MIN, INT32_MAX)
WASM_TRUNC(i32_trunc_f32_u, f32, float, uint32_t, uint32_t, -1.0f, 0, 4294967296.0f, 0, UINT32_MAX)
WASM_TRUNC(i32_trunc_f64_s, f64, double, uint64_t, int32_t, -2147483649.0, 0, 2147483648.0, INT32_MIN, INT32_MAX)
WASM_TRUNC(i32_trunc_f64_u, f64, double, uint64_t, uint32_t, -1.0, 0, 4294967296.0, 0, UINT32_MAX)
WASM_TRUNC(i64_trunc_f32_s, f32, float, uint32_t, int64_t, -9223372036854775808.0f, 1, 9223372036854775808.0f, INT64_MIN, INT64_MAX)
WASM_TRUNC(i64_trunc_f32_u, f32, float, uint32_t, uint64_t, -1.0f, 0, 18446744073709551616.0f, 0, UINT64_MAX)
WASM_TRUNC(i64_trunc_f64_s, f64, double, uint64_t, int64_t, -9223372036854775808.0, 1, 9223372036854775808.0, INT64_MIN, INT64_MAX)
WASM_TRUNC(i64_trunc_f64_u, f64, double, uint64_t, uint64_t, -1.0, 0, 18446744073709551616.0, 0, UINT64_MAX)
#undef WASM_TRUNC

#endif
