/* Generated from chapters/01-boot.nw, chapters/06-harts.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
    .section .text.entry, "ax"
    .globl _start
_start:
        csrw sie, zero
        la t0, boot_lottery
        li t1, 1
        amoswap.w t1, t1, (t0)
        bnez t1, late_hart
        la sp, __boot_stack_top
        li s0, 0
        la t0, __bss_start
        la t1, __bss_end
    1:  bgeu t0, t1, 2f
        sd zero, 0(t0)
        addi t0, t0, 8
        j 1b
    2:
        la t0, early_trap
        csrw stvec, t0
        call kmain
    3:  wfi
        j 3b
late_hart:                      # a0 = hart ID: some other hart is booting
        j hart_late_entry
5:  wfi
    j 5b
    .pushsection .data
    .balign 4
boot_lottery:
    .word 0
    .popsection
    .section .text
    .balign 4
    .globl early_trap
early_trap:
    la sp, __boot_stack_top
    li s0, 0
    call early_trap_report
4:  wfi
    j 4b
