/* Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "trap.h"

.macro save_registers
    sd x1, TF_X(1)(sp)
    .irp n, 3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    sd x\n, TF_X(\n)(sp)
    .endr
.endm

.macro restore_registers
    ld x1, TF_X(1)(sp)
    .irp n, 3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    ld x\n, TF_X(\n)(sp)
    .endr
.endm

    .section .text
    .balign 4
    .globl trap_vector
    .type trap_vector, @function
trap_vector:
        csrrw sp, sscratch, sp
        beqz sp, 1f
        addi sp, sp, -TF_SIZE
        save_registers
        csrr t0, sscratch
        addi t1, sp, TF_SIZE
        j 2f
    1:  csrrw sp, sscratch, sp
        addi sp, sp, -TF_SIZE
        save_registers
        addi t0, sp, TF_SIZE
        li t1, 0
    2:
        sd t0, TF_X(2)(sp)
        sd t1, TF_SSCRATCH(sp)
        csrw sscratch, zero
        csrr t0, sepc
        sd t0, TF_SEPC(sp)
        csrr t0, sstatus
        sd t0, TF_SSTATUS(sp)
        csrr t0, scause
        sd t0, TF_SCAUSE(sp)
        csrr t0, stval
        sd t0, TF_STVAL(sp)
        mv a0, sp
        li s0, 0
        call trap_handler
        ld t0, TF_SEPC(sp)
        csrw sepc, t0
        ld t0, TF_SSTATUS(sp)
        csrw sstatus, t0
        ld t0, TF_SSCRATCH(sp)
        csrw sscratch, t0
        restore_registers
        ld sp, TF_X(2)(sp)
        sret
    .size trap_vector, . - trap_vector
