/* Generated from chapters/01-boot.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "kprintf.h"

#define SAME(...)                                                          \
    do {                                                                   \
        char want[256], got[256];                                          \
        int nw = snprintf(want, sizeof want, __VA_ARGS__);                 \
        int ng = ksnprintf(got, sizeof got, __VA_ARGS__);                  \
        cr_assert_str_eq(got, want, "format %s", #__VA_ARGS__);            \
        cr_assert_eq(ng, nw, "return value for %s", #__VA_ARGS__);         \
    } while (0)

Test(ch01_kprintf, plain_text_and_percent)
{
    SAME("hello, kernel");
    SAME("100%% sure");
    SAME("%c%c%c", 'a', 'b', 'c');
}

Test(ch01_kprintf, signed_decimal_edges)
{
    SAME("%d %i %d %d", 0, 42, -42, 7);
    SAME("%d %d", INT_MAX, INT_MIN);
    SAME("%ld %ld", LONG_MAX, LONG_MIN);
    SAME("%lld %lld", LLONG_MAX, LLONG_MIN);
}

Test(ch01_kprintf, unsigned_and_hex_edges)
{
    SAME("%u %u %x %x", 0u, UINT_MAX, 0u, UINT_MAX);
    SAME("%lu %lx", ULONG_MAX, ULONG_MAX);
    SAME("%llu %llx", ULLONG_MAX, 0xdeadbeefcafeULL);
    SAME("%zu %zx", (size_t)12345, SIZE_MAX);
}
Test(ch01_kprintf, strings_and_pointers)
{
    int x;
    SAME("[%s] [%s]", "", "text");
    SAME("[%10s] [%-10s] [%2s]", "right", "left", "longer");
    SAME("%p %p", (void *)&x, (void *)(uintptr_t)0x80200000);
    SAME("[%20p] [%-20p] [%p]", (void *)&x, (void *)&x, (void *)0);
    SAME("[%8c] [%-3c]", 'r', 'l');
    char buf[32];
    const char *volatile null = NULL;
    ksnprintf(buf, sizeof buf, "[%s] [%8s]", null, null);
    cr_assert_str_eq(buf, "[(null)] [  (null)]");
}
static void compare_one(const char *fmt, int length, long long v)
{
    char want[128], got[128];
    int nw, ng;
    switch (length) {
    case 0: nw = snprintf(want, sizeof want, fmt, (int)v);
            ng = ksnprintf(got, sizeof got, fmt, (int)v); break;
    case 1: nw = snprintf(want, sizeof want, fmt, (long)v);
            ng = ksnprintf(got, sizeof got, fmt, (long)v); break;
    default: nw = snprintf(want, sizeof want, fmt, v);
             ng = ksnprintf(got, sizeof got, fmt, v); break;
    }
    cr_assert_str_eq(got, want, "format \"%s\" value %lld", fmt, v);
    cr_assert_eq(ng, nw, "format \"%s\" value %lld", fmt, v);
}
Test(ch01_kprintf, every_flag_width_length_and_conversion)
{
    static const char *flags[] = {"", "-", "0", "-0", "0-"};
    static const char *widths[] = {"", "1", "5", "24"};
    static const char *lengths[] = {"", "l", "ll"};
    static const char convs[] = "diux";
    static const long long values[] = {0, 1, -1, 42, -42, 65535, INT_MAX,
                                       INT_MIN, LLONG_MAX, LLONG_MIN};
    int n = 0;
    for (size_t f = 0; f < 5; f++)
        for (size_t w = 0; w < 4; w++)
            for (int l = 0; l < 3; l++)
                for (size_t c = 0; c < 4; c++)
                    for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
                        char fmt[16];
                        snprintf(fmt, sizeof fmt, "[%%%s%s%s%c]", flags[f],
                                 widths[w], lengths[l], convs[c]);
                        compare_one(fmt, l, values[v]);
                        n++;
                    }
    cr_assert_eq(n, 2400);
}
Test(ch01_kprintf, truncation_keeps_the_full_length)
{
    char buf[8];
    cr_assert_eq(ksnprintf(buf, sizeof buf, "%s", "0123456789"), 10);
    cr_assert_str_eq(buf, "0123456");
    memcpy(buf, "xxxxxxx", 8);
    cr_assert_eq(ksnprintf(buf, 0, "%d", 12345), 5);
    cr_assert_str_eq(buf, "xxxxxxx");
    cr_assert_eq(ksnprintf(buf, 1, "%d", 12345), 5);
    cr_assert_str_eq(buf, "");
}

Test(ch01_kprintf, stray_and_unknown_conversions)
{
    char buf[32];
    const char *fmt = "50%";
    cr_assert_eq(ksnprintf(buf, sizeof buf, fmt), 3);
    cr_assert_str_eq(buf, "50%");
    fmt = "[%q]";
    ksnprintf(buf, sizeof buf, fmt);
    cr_assert_str_eq(buf, "[%q]");
    const char *volatile wide = "%99999999999d";
    cr_assert_gt(ksnprintf(buf, sizeof buf, wide, 7), 4096);
    cr_assert_eq(strspn(buf, " "), sizeof buf - 1);
}
