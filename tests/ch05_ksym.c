/* Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "ksym.h"

static const struct ksym table[] = {
    {0x1000, 0x10, "alpha"},
    {0x1010, 0x20, "beta"},         /* 0x1030-0x103f is padding */
    {0x1040, 0, "label"},           /* an assembly label: no size */
    {0x1050, 0, "alias"},           /* shares an address with gamma */
    {0x1050, 0x8, "gamma"},
};
static const size_t count = sizeof table / sizeof table[0];

static const char *name_at(uint64_t addr)
{
    const struct ksym *s = ksym_lookup(table, count, addr);
    return s != NULL ? s->name : "(none)";
}
Test(ch05_ksym, finds_the_function_holding_an_address)
{
    cr_assert_str_eq(name_at(0xfff), "(none)");
    cr_assert_str_eq(name_at(0x1000), "alpha");
    cr_assert_str_eq(name_at(0x100f), "alpha");
    cr_assert_str_eq(name_at(0x1010), "beta");
    cr_assert_str_eq(name_at(0x102f), "beta");
    cr_assert_str_eq(name_at(0x1030), "(none)");
    cr_assert_str_eq(name_at(0x1040), "label");
    cr_assert_str_eq(name_at(0x1041), "(none)");
    cr_assert_str_eq(name_at(0x1054), "gamma");
    cr_assert_str_eq(name_at(0x1058), "(none)");
    cr_assert_str_eq(name_at(UINT64_MAX), "(none)");
    cr_assert_null(ksym_lookup(table, 0, 0x1000));
}

Test(ch05_ksym, formats_name_and_offset)
{
    char buf[32];
    ksym_format(buf, sizeof buf, table, count, 0x1014);
    cr_assert_str_eq(buf, "beta+0x4");
    ksym_format(buf, sizeof buf, table, count, 0x1040);
    cr_assert_str_eq(buf, "label+0x0");
    ksym_format(buf, sizeof buf, table, count, 0x1034);
    cr_assert_str_eq(buf, "?");
}
Test(ch05_ksym, agrees_with_a_linear_search)
{
    enum { N = 500 };
    static struct ksym big[N];
    srand(5);
    uint64_t addr = 0x80200000;
    for (int i = 0; i < N; i++) {
        addr += (uint64_t)(rand() % 3) * 2;             /* a gap, or none */
        big[i] = (struct ksym){addr, (uint64_t)(rand() % 64) * 2, "f"};
        addr += big[i].size + 2;
    }
    for (int k = 0; k < 20000; k++) {
        uint64_t a = 0x80200000 - 8 + (uint64_t)(rand() % (int)(addr - 0x80200000 + 16));
        const struct ksym *want = NULL;
        for (int i = 0; i < N; i++)
            if (big[i].addr <= a && (big[i].size == 0 ? a == big[i].addr
                                                      : a - big[i].addr < big[i].size))
                want = &big[i];
        cr_assert_eq(ksym_lookup(big, N, a), want, "address 0x%lx", (unsigned long)a);
    }
}
