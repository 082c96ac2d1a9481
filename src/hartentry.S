/* Generated from chapters/06-harts.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "smp.h"

    .section .text
    .balign 4
    .globl hart_entry
hart_entry:                     # a0 = hart ID, a1 = &harts[hart ID]
    csrw sie, zero
    mv tp, a1
    la sp, hart_start_stacks
    addi t0, a0, 1
    li t1, HART_START_STACK_SIZE
    mul t0, t0, t1
    add sp, sp, t0              # the top of start stack number a0
    li s0, 0
    call hart_start_here
1:  wfi                         # hart_start_here does not return
    j 1b
    .globl hart_late_entry
hart_late_entry:                # a0 = hart ID, came in through _start
    la sp, hart_start_stacks
    addi t0, a0, 1
    li t1, HART_START_STACK_SIZE
    mul t0, t0, t1
    add sp, sp, t0
    li s0, 0
    mv s1, a0
    call hart_wait_until_prepared
    mv a1, a0
    mv a0, s1
    j hart_entry
