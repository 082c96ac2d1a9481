/* Generated from chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
    .section .rodata
    .balign 8
    .globl wasm_machine_start, wasm_machine_end
wasm_machine_start:
    .incbin "fixtures/wasm-interp/machine.wasm"
wasm_machine_end:
