/* Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>
#include <stdint.h>

#include "trapname.h"

Test(ch05_trapname, exceptions_have_the_specifications_names)
{
    cr_assert_str_eq(trap_cause_name(0), "Instruction address misaligned");
    cr_assert_str_eq(trap_cause_name(2), "Illegal instruction");
    cr_assert_str_eq(trap_cause_name(9), "Environment call from S-mode");
    cr_assert_str_eq(trap_cause_name(13), "Load page fault");
    cr_assert_str_eq(trap_cause_name(15), "Store/AMO page fault");
    cr_assert_str_eq(trap_cause_name(19), "Hardware error");
}

Test(ch05_trapname, the_interrupt_bit_changes_the_meaning)
{
    cr_assert_str_eq(trap_cause_name(5), "Load access fault");
    cr_assert_str_eq(trap_cause_name(SCAUSE_INTERRUPT | 5), "Supervisor timer interrupt");
    cr_assert_str_eq(trap_cause_name(SCAUSE_INTERRUPT | 9), "Supervisor external interrupt");
    cr_assert_str_eq(trap_cause_name(SCAUSE_INTERRUPT | 1), "Supervisor software interrupt");
}
Test(ch05_trapname, gaps_and_ranges_are_named_not_null)
{
    static const uint64_t reserved[] = {10, 11, 14, 16, 17, 20, 23, 32, 47, 64,
                                        1000, SCAUSE_INTERRUPT - 1};
    static const uint64_t custom[] = {24, 31, 48, 63};
    static const uint64_t reserved_irq[] = {0, 2, 3, 4, 6, 7, 8, 10, 12, 14, 15};
    for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
        cr_assert_str_eq(trap_cause_name(reserved[i]), "reserved exception");
    for (size_t i = 0; i < sizeof custom / sizeof custom[0]; i++)
        cr_assert_str_eq(trap_cause_name(custom[i]), "custom exception");
    for (size_t i = 0; i < sizeof reserved_irq / sizeof reserved_irq[0]; i++)
        cr_assert_str_eq(trap_cause_name(SCAUSE_INTERRUPT | reserved_irq[i]),
                         "reserved interrupt");
    cr_assert_str_eq(trap_cause_name(SCAUSE_INTERRUPT | 16), "platform interrupt");
    cr_assert_str_eq(trap_cause_name(UINT64_MAX), "platform interrupt");
}

Test(ch05_trapname, every_code_has_a_name)
{
    for (uint64_t code = 0; code <= 200; code++) {
        cr_assert(trap_cause_name(code)[0] != '\0');
        cr_assert(trap_cause_name(SCAUSE_INTERRUPT | code)[0] != '\0');
    }
}
Test(ch05_trapname, register_names_follow_the_calling_convention)
{
    cr_assert_str_eq(trap_register_name(0), "zero");
    cr_assert_str_eq(trap_register_name(1), "ra");
    cr_assert_str_eq(trap_register_name(2), "sp");
    cr_assert_str_eq(trap_register_name(8), "s0");
    cr_assert_str_eq(trap_register_name(10), "a0");
    cr_assert_str_eq(trap_register_name(17), "a7");
    cr_assert_str_eq(trap_register_name(18), "s2");
    cr_assert_str_eq(trap_register_name(27), "s11");
    cr_assert_str_eq(trap_register_name(28), "t3");
    cr_assert_str_eq(trap_register_name(31), "t6");
    cr_assert_str_eq(trap_register_name(-1), "?");
    cr_assert_str_eq(trap_register_name(32), "?");
}
