/* Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>

#include "plicreg.h"

Test(ch05_plicreg, offsets_match_the_specifications_memory_map)
{
    cr_assert_eq(plic_priority_offset(1), 0x000004);
    cr_assert_eq(plic_priority_offset(1023), 0x000ffc);
    cr_assert_eq(plic_pending_offset(0), 0x001000);
    cr_assert_eq(plic_pending_offset(1023), 0x00107c);
    cr_assert_eq(plic_enable_offset(0, 0), 0x002000);
    cr_assert_eq(plic_enable_offset(1, 32), 0x002084);
    cr_assert_eq(plic_enable_offset(2, 0), 0x002100);
    cr_assert_eq(plic_enable_offset(15871, 1023), 0x1f1ffc);
    cr_assert_eq(plic_threshold_offset(0), 0x200000);
    cr_assert_eq(plic_claim_offset(1), 0x201004);
    cr_assert_eq(plic_threshold_offset(15871), 0x3fff000);
    cr_assert_eq(plic_claim_offset(15871), 0x3fff004);
}

Test(ch05_plicreg, bits_and_contexts)
{
    cr_assert_eq(plic_irq_bit(10), 1u << 10);
    cr_assert_eq(plic_irq_bit(33), 1u << 1);
    cr_assert_eq(plic_s_context(0), 1);
    cr_assert_eq(plic_s_context(3), 7);
}
