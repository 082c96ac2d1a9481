/* Generated from chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>
#include <stdint.h>
#include "rng.h"
#include "wasm_num.h"

static double host_sqrt(double x)
{
#if defined(__x86_64__)
    __asm__("sqrtsd %1, %0" : "=x"(x) : "x"(x));
    return x;
#else
    return __builtin_sqrt(x);
#endif
}

static bool is_nan64(uint64_t b) { return (b & ~WASM_F64_SIGN) > 0x7ff0000000000000ull; }
Test(ch15_num, division_traps_by_zero_and_on_overflow)
{
    uint32_t r = 7;
    cr_expect_eq(wasm_i32_div_s(1, 0, &r), WASM_TRAP_DIV_ZERO);
    cr_expect_eq(wasm_i32_div_u(1, 0, &r), WASM_TRAP_DIV_ZERO);
    cr_expect_eq(wasm_i32_rem_s(1, 0, &r), WASM_TRAP_DIV_ZERO);
    cr_expect_eq(wasm_i32_div_s(0x80000000u, 0xffffffffu, &r), WASM_TRAP_INT_OVERFLOW);
    cr_expect_eq(r, 7, "a trapping division must not write a result");
    cr_expect_eq(wasm_i32_rem_s(0x80000000u, 0xffffffffu, &r), 0);
    cr_expect_eq(r, 0);
    cr_expect_eq(wasm_i32_div_s((uint32_t)-7, 2, &r), 0);
    cr_expect_eq(r, (uint32_t)-3, "division truncates toward zero");
    cr_expect_eq(wasm_i32_rem_s((uint32_t)-7, 2, &r), 0);
    cr_expect_eq(r, (uint32_t)-1, "the remainder takes the dividend's sign");
    uint64_t q;
    cr_expect_eq(wasm_i64_div_s(0x8000000000000000ull, ~0ull, &q), WASM_TRAP_INT_OVERFLOW);
    cr_expect_eq(wasm_i64_div_u(~0ull, 2, &q), 0);
    cr_expect_eq(q, 0x7fffffffffffffffull);
}
static uint32_t slow_rotl32(uint32_t a, uint32_t n)
{
    for (uint32_t i = 0; i < n % 32; i++)
        a = (a << 1) | (a >> 31);
    return a;
}

Test(ch15_num, shifts_and_rotations_take_the_count_modulo_the_width)
{
    uint64_t s = 42;
    for (int i = 0; i < 100000; i++) {
        uint32_t a = (uint32_t)xorshift64(&s), n = (uint32_t)xorshift64(&s) % 100;
        cr_assert_eq(wasm_i32_rotl(a, n), slow_rotl32(a, n), "rotl %x %u", a, n);
        cr_assert_eq(wasm_i32_rotr(wasm_i32_rotl(a, n), n), a);
        int32_t sa = (int32_t)a;
        cr_assert_eq(wasm_i32_shr_s(a, n), (uint32_t)(sa >> (n % 32)), "shr_s %x %u", a, n);
    }
    cr_expect_eq(wasm_i64_shr_s(0x8000000000000000ull, 63), ~0ull);
    cr_expect_eq(wasm_i64_rotl(1, 64), 1);
    cr_expect_eq(wasm_i32_clz(0), 32);
    cr_expect_eq(wasm_i32_ctz(0x80000000u), 31);
    cr_expect_eq(wasm_i64_clz(1), 63);
    cr_expect_eq(wasm_i64_ctz(0), 64);
}
Test(ch15_num, min_and_max_order_zeros_and_propagate_nan)
{
    uint32_t pz = 0, nz = WASM_F32_SIGN, one = 0x3f800000u, snan = 0x7fa00000u;
    cr_expect_eq(wasm_f32_min(pz, nz), nz);
    cr_expect_eq(wasm_f32_min(nz, pz), nz);
    cr_expect_eq(wasm_f32_max(nz, pz), pz);
    cr_expect_eq(wasm_f32_max(pz, nz), pz);
    cr_expect_eq(wasm_f32_min(one, snan), WASM_F32_CANON);
    cr_expect_eq(wasm_f32_max(snan, one), WASM_F32_CANON);
    cr_expect_eq(wasm_f64_min(0, WASM_F64_SIGN), WASM_F64_SIGN);
    cr_expect_eq(wasm_f64_max(0x7ff0000000000000ull, 0), 0x7ff0000000000000ull);
    cr_expect_eq(wasm_f32_add(0x7f800000u, 0xff800000u), WASM_F32_CANON,
                 "inf + -inf is the canonical NaN, not the processor's default NaN");
    cr_expect_eq(wasm_f64_div(0, 0), WASM_F64_CANON);
    cr_expect_eq(wasm_f32_neg(snan), snan | WASM_F32_SIGN, "neg does not canonicalise");
    cr_expect_eq(wasm_f64_copysign(WASM_F64_CANON, WASM_F64_SIGN), WASM_F64_CANON | WASM_F64_SIGN);
}
Test(ch15_num, sqrt_is_correctly_rounded)
{
    uint64_t s = 7;
    for (int i = 0; i < 1000000; i++) {
        uint64_t a = xorshift64(&s);
        if (i % 2) a &= ~WASM_F64_SIGN;
        uint64_t want = wasm_f64_bits(host_sqrt(wasm_f64(a))), got = wasm_f64_sqrt(a);
        if (is_nan64(want))
            cr_assert_eq(got, WASM_F64_CANON, "sqrt(%llx)", (unsigned long long)a);
        else
            cr_assert_eq(got, want, "sqrt(%llx)", (unsigned long long)a);
        uint32_t f = (uint32_t)a & ~WASM_F32_SIGN;
        float fw = (float)host_sqrt((double)wasm_f32(f));
        if (fw == fw)
            cr_assert_eq(wasm_f32_sqrt(f), wasm_f32_bits(fw), "sqrtf(%x)", f);
    }
    cr_expect_eq(wasm_f64_sqrt(WASM_F64_SIGN), WASM_F64_SIGN, "sqrt(-0) = -0");
    cr_expect_eq(wasm_f64_sqrt(1), wasm_f64_bits(host_sqrt(wasm_f64(1))), "smallest subnormal");
}

Test(ch15_num, rounding_to_integers)
{
    cr_expect_eq(wasm_f64(wasm_f64_round(wasm_f64_bits(2.5), WASM_ROUND_NEAREST)), 2.0);
    cr_expect_eq(wasm_f64(wasm_f64_round(wasm_f64_bits(3.5), WASM_ROUND_NEAREST)), 4.0);
    cr_expect_eq(wasm_f64_round(wasm_f64_bits(-0.5), WASM_ROUND_CEIL), WASM_F64_SIGN);
    cr_expect_eq(wasm_f64(wasm_f64_round(wasm_f64_bits(-0.5), WASM_ROUND_FLOOR)), -1.0);
    cr_expect_eq(wasm_f64(wasm_f64_round(wasm_f64_bits(-1.75), WASM_ROUND_TRUNC)), -1.0);
    cr_expect_eq(wasm_f32(wasm_f32_round(wasm_f32_bits(-2.5f), WASM_ROUND_NEAREST)), -2.0f);
    cr_expect_eq(wasm_f32(wasm_f32_round(wasm_f32_bits(0.75f), WASM_ROUND_CEIL)), 1.0f);
    cr_expect_eq(wasm_f32_round(0x7fa00000u, WASM_ROUND_FLOOR), WASM_F32_CANON);
    cr_expect_eq(wasm_f64(wasm_f64_round(wasm_f64_bits(4503599627370497.0), WASM_ROUND_NEAREST)),
                 4503599627370497.0, "2^52 + 1 is already an integer");
}
Test(ch15_num, truncation_traps_outside_the_range)
{
    int32_t r32;
    uint32_t u32;
    int64_t r64;
    cr_expect_eq(wasm_i32_trunc_f64_s(wasm_f64_bits(-2147483648.9), &r32), 0);
    cr_expect_eq(r32, INT32_MIN);
    cr_expect_eq(wasm_i32_trunc_f64_s(wasm_f64_bits(-2147483649.0), &r32), WASM_TRAP_INT_OVERFLOW);
    cr_expect_eq(wasm_i32_trunc_f32_s(wasm_f32_bits(2147483648.0f), &r32), WASM_TRAP_INT_OVERFLOW);
    cr_expect_eq(wasm_i32_trunc_f32_u(wasm_f32_bits(-0.9f), &u32), 0);
    cr_expect_eq(u32, 0);
    cr_expect_eq(wasm_i32_trunc_f32_u(wasm_f32_bits(-1.0f), &u32), WASM_TRAP_INT_OVERFLOW);
    cr_expect_eq(wasm_i64_trunc_f64_s(WASM_F64_CANON, &r64), WASM_TRAP_INVALID_CONVERSION);
    cr_expect_eq(wasm_i64_trunc_f32_s(wasm_f32_bits(-9223372036854775808.0f), &r64), 0);
    cr_expect_eq(r64, INT64_MIN);
    cr_expect_eq(wasm_i32_trunc_f32_s_sat(WASM_F32_CANON), 0);
    cr_expect_eq(wasm_i32_trunc_f64_u_sat(wasm_f64_bits(1e300)), UINT32_MAX);
    cr_expect_eq(wasm_i64_trunc_f64_s_sat(wasm_f64_bits(-1e300)), INT64_MIN);
    cr_expect_eq(wasm_i64_trunc_f32_u_sat(wasm_f32_bits(-5.0f)), 0);
}
