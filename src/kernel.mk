# Generated from chapters/01-boot.nw, chapters/03-memory.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle.
T ?= .
B ?= build

CROSS ?= riscv64-unknown-elf-
KCC := $(CROSS)gcc
KARCH := -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany
KCFLAGS := -std=c11 -Wall -Wextra -Werror -O2 -g $(KARCH) \
	-ffreestanding -fno-stack-protector -fno-omit-frame-pointer \
	-fno-asynchronous-unwind-tables -I$(T)/src $(KDEFS)
KLDFLAGS := -nostdlib -static -T $(T)/src/kernel.ld -Wl,--build-id=none
HCC ?= gcc
HCFLAGS := -std=c11 -Wall -Wextra -Werror -O1 -g -DHYPHA_HOST -I$(T)/src
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer

KERNEL_SRCS :=
KLINK_EXTRA :=
HOST_SRCS :=
HOST_TESTS :=
KERNEL_SRCS += entry.S main.c uart.c kprintf.c console.c sbi.c power.c kstring.c
KERNEL_SRCS += ranges.c frames.c heap.c kalloc.c
HOST_SRCS += kprintf.c
HOST_TESTS += ch01_kprintf.c
HOST_SRCS += ranges.c frames.c heap.c
HOST_TESTS += ch03_ranges.c ch03_frames.c ch03_heap.c

KOBJS := $(patsubst %,$(B)/kobj/%.o,$(KERNEL_SRCS))

kernel: $(B)/kernel.elf

$(B)/kernel.elf: $(KOBJS) $(KLINK_EXTRA) $(T)/src/kernel.ld
	$(KCC) $(KCFLAGS) $(KLDFLAGS) -o $@ $(KOBJS) $(KLINK_EXTRA) -lgcc

$(B)/kobj/kstring.c.o: KCFLAGS += -fno-tree-loop-distribute-patterns

$(B)/kobj/%.o: $(T)/src/% | $(B)/kobj
	$(KCC) $(KCFLAGS) -MMD -MP -c -o $@ $<

$(B)/kobj:
	mkdir -p $@

-include $(KOBJS:.o=.d)
.PHONY: kernel
$(B)/kobj/kalloc.c.o: KCFLAGS += -fno-tree-loop-distribute-patterns
HOBJS := $(patsubst %,$(B)/host/src/%.o,$(HOST_SRCS)) \
	$(patsubst %,$(B)/host/tests/%.o,$(HOST_TESTS))
SOBJS := $(HOBJS:$(B)/host/%=$(B)/host-san/%)

host-tests: $(B)/host/run-tests $(B)/host-san/run-tests

$(B)/host/run-tests: $(HOBJS)
	$(HCC) $(HCFLAGS) -o $@ $^ -lcriterion
$(B)/host-san/run-tests: $(SOBJS)
	$(HCC) $(HCFLAGS) $(SANFLAGS) -o $@ $^ -lcriterion

$(B)/host/%.c.o: $(T)/%.c
	@mkdir -p $(@D)
	$(HCC) $(HCFLAGS) -MMD -MP -c -o $@ $<
$(B)/host-san/%.c.o: $(T)/%.c
	@mkdir -p $(@D)
	$(HCC) $(HCFLAGS) $(SANFLAGS) -MMD -MP -c -o $@ $<

-include $(HOBJS:.o=.d) $(SOBJS:.o=.d)
.PHONY: host-tests
