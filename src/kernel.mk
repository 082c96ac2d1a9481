# Generated from chapters/01-boot.nw, chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle.
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
KLINK_EXTRA += $(B)/ksyms.o
KERNEL_SRCS += trapvec.S trap.c trapname.c hart.c ksym.c backtrace.c
KERNEL_SRCS += timer.c plic.c ring.c
HOST_SRCS += kprintf.c
HOST_TESTS += ch01_kprintf.c
HOST_SRCS += trapname.c ksym.c backtrace.c ring.c
HOST_TESTS += ch05_trapname.c ch05_ksym.c ch05_backtrace.c ch05_ring.c
HOST_TESTS += ch05_plicreg.c

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
KNM := $(CROSS)nm

$(B)/kernel-nosyms.elf: $(KOBJS) $(filter-out $(B)/ksyms.o,$(KLINK_EXTRA)) $(T)/src/kernel.ld
	$(KCC) $(KCFLAGS) $(KLDFLAGS) -o $@ $(KOBJS) \
	    $(filter-out $(B)/ksyms.o,$(KLINK_EXTRA)) -lgcc

$(B)/ksyms.c: $(B)/kernel-nosyms.elf $(T)/src/ksyms.awk
	$(KNM) -n -S --defined-only $< | awk -f $(T)/src/ksyms.awk >$@

$(B)/ksyms.o: $(B)/ksyms.c
	$(KCC) $(KCFLAGS) -c -o $@ $<
kernel: $(B)/ksyms.checked

$(B)/ksyms.checked: $(B)/kernel.elf $(B)/kernel-nosyms.elf
	$(KNM) -n $(B)/kernel-nosyms.elf | awk '$$2 ~ /^[tT]$$/' >$(B)/text-pass1.txt
	$(KNM) -n $(B)/kernel.elf | awk '$$2 ~ /^[tT]$$/' >$(B)/text-pass2.txt
	@if ! cmp -s $(B)/text-pass1.txt $(B)/text-pass2.txt; then \
	    echo "ksyms: the symbol table moved kernel text; backtraces would lie:"; \
	    diff $(B)/text-pass1.txt $(B)/text-pass2.txt | head -n 10; \
	    rm -f $(B)/kernel.elf; exit 1; \
	fi
	touch $@
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
