/* Generated from chapters/04-paging.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
# void call_on_stack(uint64_t top, void (*fn)(void *), void *arg)
    .section .text
    .globl call_on_stack
call_on_stack:
    addi t0, a0, -32        # a 32-byte frame at the top of the new stack
    sd ra, 24(t0)           # top - 8: return address
    sd s0, 16(t0)           # top - 16: the caller's frame pointer
    sd sp, 8(t0)            # top - 24: the caller's stack pointer
    mv s0, a0               # our frame pointer is the top
    mv sp, t0
    mv a0, a2
    jalr a1                 # fn(arg)
    ld ra, -8(s0)
    ld t0, -24(s0)
    ld s0, -16(s0)
    mv sp, t0
    ret
