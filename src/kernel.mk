# Generated from chapters/01-boot.nw, chapters/02-devicetree.nw, chapters/03-memory.nw, chapters/04-paging.nw, chapters/05-traps.nw, chapters/06-harts.nw, chapters/07-futures.nw, chapters/08-task-state.nw, chapters/09-join.nw, chapters/10-executor.nw, chapters/11-time.nw, chapters/12-waiting.nw, chapters/13-wasm-binary.nw, chapters/14-wasm-validate.nw, chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle.
T ?= .
B ?= build

CROSS ?= riscv64-unknown-elf-
KCC := $(CROSS)gcc
KARCH := -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany
KCFLAGS := -std=c11 -Wall -Wextra -Werror -O2 -g $(KARCH) \
	-ffreestanding -fno-stack-protector -fno-omit-frame-pointer \
	-fno-asynchronous-unwind-tables -I$(T)/src $(KDEFS)
KLDFLAGS := -nostdlib -static -T $(T)/src/kernel.ld -Wl,--build-id=none
KLIBGCC := $(shell $(KCC) -march=rv64imac -mabi=lp64 -print-libgcc-file-name)
HCC ?= gcc
HCFLAGS := -std=c11 -Wall -Wextra -Werror -O1 -g -DHYPHA_HOST -I$(T)/src
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
HCFLAGS += -pthread
TSANFLAGS := -fsanitize=thread -fno-omit-frame-pointer

KERNEL_SRCS :=
KLINK_EXTRA :=
HOST_SRCS :=
HOST_TESTS :=
CHECKS :=
KERNEL_SRCS += entry.S earlytrap.c main.c uart.c kprintf.c console.c panic.c sbi.c \
	power.c kstring.c
KERNEL_SRCS += fdt.c dtinfo.c cmdline.c ktest.c
KERNEL_SRCS += ranges.c frames.c heap.c kalloc.c
KERNEL_SRCS += sv39.c
KERNEL_SRCS += vm.c stack.S vm_tests.c
KLINK_EXTRA += $(B)/ksyms.o
KERNEL_SRCS += trapvec.S trap.c trapname.c hart.c ksym.c ksym_weak.c
KERNEL_SRCS += backtrace.c timer.c plic.c ring.c
KERNEL_SRCS += ticket.c spinlock.c smp.c hartentry.S ipi.c
KERNEL_SRCS += waker.c
KERNEL_SRCS += task_state.c
KERNEL_SRCS += task.c test_futures.c
KERNEL_SRCS += task_tests.c
KERNEL_SRCS += mpsc.c
KERNEL_SRCS += executor.c
KERNEL_SRCS += kexec.c async_tests.c bench_futures.c
KERNEL_SRCS += wheel.c sleep.c
KERNEL_SRCS += waitq.c channel.c semaphore.c atomic_waker.c
KERNEL_SRCS += uart_stream.c
KERNEL_SRCS += wasm_leb.c wasm_instr.c wasm_load.c
KERNEL_SRCS += wasm_validate.c
KERNEL_SRCS += wasm_ktest.c
KERNEL_SRCS += wasm_num.c wasm_compile.c wasm_run.c wasm_instance.c
KERNEL_SRCS += wasm_machine_ktest.c wasm_machine_data.S
HOST_SRCS += kprintf.c
HOST_TESTS += ch01_kprintf.c
HOST_SRCS += fdt.c dtinfo.c cmdline.c
HOST_TESTS += ch02_blob.c ch02_fdt.c ch02_dtinfo.c ch02_cmdline.c
HCFLAGS += -DHYPHA_FIXTURES='"fixtures"'
HOST_SRCS += ranges.c frames.c heap.c
HOST_TESTS += ch03_ranges.c ch03_frames.c ch03_heap.c
HOST_SRCS += sv39.c
HOST_TESTS += ch04_sv39.c
HOST_SRCS += trapname.c ksym.c backtrace.c ring.c
HOST_TESTS += ch05_trapname.c ch05_ksym.c ch05_backtrace.c ch05_ring.c
HOST_TESTS += ch05_plicreg.c
HOST_SRCS += ticket.c
HOST_TESTS += ch06_ticket.c
HOST_SRCS += waker.c
HOST_TESTS += ch07_future.c
HOST_SRCS += task_state.c
HOST_TESTS += ch08_task_state.c
HOST_SRCS += task.c test_futures.c
HOST_TESTS += ch09_task.c
HOST_SRCS += mpsc.c
HOST_TESTS += ch10_mpsc.c
HOST_SRCS += executor.c
HOST_TESTS += ch10_executor.c
HOST_SRCS += bench_futures.c
HOST_SRCS += wheel.c sleep.c
HOST_TESTS += ch11_wheel.c ch11_sleep.c
HOST_SRCS += waitq.c channel.c semaphore.c atomic_waker.c
HOST_TESTS += ch12_waiting.c ch12_stress.c
HOST_SRCS += wasm_leb.c wasm_instr.c wasm_load.c
HOST_TESTS += ch13_wasm_leb.c ch13_wasm_load.c
HOST_SRCS += wasm_validate.c
HOST_TESTS += ch14_validate.c
HOST_SRCS += wasm_num.c wasm_compile.c wasm_run.c wasm_instance.c
HOST_TESTS += ch15_num.c ch15_machine.c
HOST_TESTS += ch15_bench.c bench/crc32.c bench/sieve.c bench/fib.c bench/matmul.c \
	bench/sha256.c bench/vm.c

KOBJS := $(patsubst %,$(B)/kobj/%.o,$(KERNEL_SRCS))

kernel: $(B)/kernel.elf

$(B)/kernel.elf: $(KOBJS) $(KLINK_EXTRA) $(T)/src/kernel.ld
	$(KCC) $(KCFLAGS) $(KLDFLAGS) -o $@ $(KOBJS) $(KLINK_EXTRA) $(KLIBGCC)

$(B)/kobj/kstring.c.o: KCFLAGS += -fno-tree-loop-distribute-patterns

$(B)/kobj/%.o: $(T)/src/% | $(B)/kobj
	$(KCC) $(KCFLAGS) -MMD -MP -c -o $@ $<

$(B)/kobj:
	mkdir -p $@

-include $(KOBJS:.o=.d)
.PHONY: kernel
$(B)/kobj/kalloc.c.o: KCFLAGS += -fno-tree-loop-distribute-patterns
KNM := $(CROSS)nm

$(B)/kernel-nosyms.elf: $(KOBJS) $(filter-out $(B)/ksyms.o,$(KLINK_EXTRA)) $(T)/src/kernel.ld
	$(KCC) $(KCFLAGS) $(KLDFLAGS) -o $@ $(KOBJS) \
	    $(filter-out $(B)/ksyms.o,$(KLINK_EXTRA)) $(KLIBGCC)

$(B)/ksyms.c: $(B)/kernel-nosyms.elf $(T)/src/ksyms.sh
	sh $(T)/src/ksyms.sh $(KNM) $< >$@

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
DTB_FIXTURES := 1:128M 2:512M 4:1G 8:128M 4:512M 8:1G
DUMP_DTB = qemu-system-riscv64 -machine virt,dumpdtb=$(1).full -bios default \
	-nographic -kernel $(B)/kernel.elf $(2) >/dev/null && \
	n=$$(printf '%d' 0x$$(od -An -tx1 -j4 -N4 $(1).full | tr -d ' \n')) && \
	head -c $$n $(1).full >$(1) && rm -f $(1).full

fixtures: $(B)/kernel.elf
	mkdir -p fixtures/dtb
	for c in $(DTB_FIXTURES); do \
	    $(call DUMP_DTB,fixtures/dtb/virt-smp$${c%%:*}-$${c#*:}.dtb,-smp $${c%%:*} -m $${c#*:}); \
	done
	$(call DUMP_DTB,fixtures/dtb/virt-smp2-256M-append.dtb,-smp 2 -m 256M -append "test=all foo")
.PHONY: fixtures
PTE_FIGURE := $(B)/host/pte-figure
host-tests: $(B)/host/sv39-pte.checked

$(PTE_FIGURE): $(T)/tests/ch04_pte_figure.c $(T)/tests/bit_figure.h $(T)/src/sv39.h
	@mkdir -p $(@D)
	$(HCC) $(HCFLAGS) -o $@ $<

$(B)/host/sv39-pte.checked: $(PTE_FIGURE) figures/sv39-pte.dot
	$(PTE_FIGURE) | diff -u figures/sv39-pte.dot - || { echo \
	    "figures/sv39-pte.dot is stale: run $(PTE_FIGURE) >figures/sv39-pte.dot"; \
	    exit 1; }
	touch $@
TOBJS := $(HOBJS:$(B)/host/%=$(B)/host-tsan/%) $(B)/host-tsan/tests/tsan_support.c.o

host-tests: $(B)/host-tsan/run-tests

$(B)/host-tsan/run-tests: $(TOBJS)
	$(HCC) $(HCFLAGS) $(TSANFLAGS) -o $@ $^ -lcriterion
$(B)/host-tsan/%.c.o: $(T)/%.c
	@mkdir -p $(@D)
	$(HCC) $(HCFLAGS) $(TSANFLAGS) -MMD -MP -c -o $@ $<

-include $(TOBJS:.o=.d)
STATE_FIGURE := $(B)/host/state-figure
host-tests: $(B)/host/task-state-bits.checked

$(STATE_FIGURE): $(T)/tests/ch08_state_figure.c $(T)/tests/bit_figure.h $(T)/src/task_state.h
	@mkdir -p $(@D)
	$(HCC) $(HCFLAGS) -o $@ $<

$(B)/host/task-state-bits.checked: $(STATE_FIGURE) figures/task-state-bits.dot
	$(STATE_FIGURE) | diff -u figures/task-state-bits.dot - || { echo \
	    "figures/task-state-bits.dot is stale: run $(STATE_FIGURE) >figures/task-state-bits.dot"; \
	    exit 1; }
	touch $@
EXEC_BENCH := $(B)/bench/ch10_bench

$(EXEC_BENCH): $(T)/tests/ch10_bench.c $(T)/tests/host_executor.h \
          $(addprefix $(T)/src/,$(HOST_SRCS))
	@mkdir -p $(@D)
	$(HCC) $(filter-out -O1,$(HCFLAGS)) -O2 -o $@ $(filter %.c,$^)

bench: $(EXEC_BENCH) kernel
	$(EXEC_BENCH)
	@echo "kernel, one hart, qemu -icount shift=0: guest instructions (1 ns = 1 instruction)"
	qemu-system-riscv64 -machine virt -bios default -nographic -smp 1 -m 128M \
	    -icount shift=0 -kernel $(B)/kernel.elf -append kbench=1 | grep '^kbench'
	@echo "kernel, 1, 2 and 4 harts: wall clock of emulated harts (QEMU TCG, varies with the host)"
	for n in 1 2 4; do qemu-system-riscv64 -machine virt -bios default -nographic \
	    -smp $$n -m 128M -kernel $(B)/kernel.elf -append kbench=2 | grep '^kbench'; done
.PHONY: bench
wasm-fixtures:
	wat2wasm --enable-all fixtures/wasm/every-section.wat -o fixtures/wasm/every-section.wasm
	clang --target=wasm32 -mcpu=mvp -O2 -nostdlib -Wl,--no-entry \
	    -o fixtures/wasm/sieve.wasm fixtures/wasm/sieve.c
.PHONY: wasm-fixtures
SPEC_DIR := fixtures/wasm-spec
SPEC_WAST := $(filter-out $(SPEC_DIR)/wasm-2.0/simd_%,$(wildcard $(SPEC_DIR)/wasm-2.0/*.wast))
SPEC_ENGINE = $(filter wasm_%,$(HOST_SRCS)) kprintf.c
SPEC_RUNNER_SRCS = $(T)/tests/wasm_spec.c $(patsubst %,$(T)/src/%,$(SPEC_ENGINE))

$(B)/spec/run-spec: $(SPEC_RUNNER_SRCS) $(wildcard $(T)/src/wasm_*.h)
	@mkdir -p $(@D)
	$(HCC) $(HCFLAGS) -o $@ $(SPEC_RUNNER_SRCS) -lm
$(B)/spec/run-spec-san: $(SPEC_RUNNER_SRCS) $(wildcard $(T)/src/wasm_*.h)
	@mkdir -p $(@D)
	$(HCC) $(HCFLAGS) $(SANFLAGS) -o $@ $(SPEC_RUNNER_SRCS) -lm
WAST2JSON := wast2json
SPEC_JSON := $(patsubst $(SPEC_DIR)/wasm-2.0/%.wast,$(B)/spec/2.0/%/script.json,$(SPEC_WAST))

$(B)/spec/2.0/%/script.json: $(SPEC_DIR)/wasm-2.0/%.wast
	@rm -rf $(@D) && mkdir -p $(@D)
	$(WAST2JSON) $< -o $@

spec: $(B)/spec/run-spec
	@rm -rf $(B)/spec/given && mkdir -p $(B)/spec/given
	@i=0; scripts=""; for w in $(or $(WAST),$(SPEC_WAST)); do i=$$((i + 1)); \
	    d=$(B)/spec/given/$$i-$$(basename $$w .wast); mkdir -p $$d; \
	    $(WAST2JSON) $$w -o $$d/script.json || echo "$$w: wast2json failed"; \
	    scripts="$$scripts $$d/script.json"; \
	done; \
	$(B)/spec/run-spec $$scripts
CHECKS += check-ch13-spec
check-ch13-spec: $(B)/spec/run-spec $(B)/spec/run-spec-san $(SPEC_JSON)
	$(B)/spec/run-spec $(SPEC_JSON) >$(B)/spec/plain.log; st=$$?; cat $(B)/spec/plain.log; \
	$(B)/spec/run-spec-san $(SPEC_JSON) >$(B)/spec/san.log; ss=$$?; \
	tail -n 1 $(B)/spec/san.log | sed 's/^/under ASan+UBSan: /'; \
	echo "wasm-2.0 without SIMD: $$(tail -n 1 $(B)/spec/plain.log)"; \
	[ $$st -eq 0 ] && [ $$ss -eq 0 ] && cmp -s $(B)/spec/plain.log $(B)/spec/san.log
.PHONY: spec check-ch13-spec
CHECKS += check-ch14-spec
check-ch14-spec: $(B)/spec/run-spec $(B)/spec/run-spec-san $(SPEC_JSON)
	$(B)/spec/run-spec $(SPEC_JSON) >$(B)/spec/ch14.log; st=$$?; \
	$(B)/spec/run-spec-san $(SPEC_JSON) >$(B)/spec/ch14-san.log; ss=$$?; \
	grep -v '^  assert_invalid: ' $(B)/spec/ch14.log | grep '^  ' | head -n 40; \
	tail -n 1 $(B)/spec/ch14-san.log | sed 's/^/under ASan+UBSan: /'; \
	inv=$$(awk '/^  assert_invalid: / { r += $$2; a += $$4 } \
	    END { printf "%d rejected, %d accepted", r, a }' $(B)/spec/ch14.log); \
	echo "wasm-2.0 without SIMD: assert_invalid $$inv; all: $$(tail -n 1 $(B)/spec/ch14.log)"; \
	[ $$st -eq 0 ] && [ $$ss -eq 0 ] && cmp -s $(B)/spec/ch14.log $(B)/spec/ch14-san.log && \
	case "$$inv" in *", 0 accepted") true ;; *) false ;; esac
.PHONY: check-ch14-spec
$(B)/host/wasm_run_switch.o: $(T)/src/wasm_run.c $(wildcard $(T)/src/wasm_*.h)
	@mkdir -p $(@D)
	$(HCC) $(HCFLAGS) -O2 -DWASM_SWITCH_DISPATCH -c -o $@ $<
host-tests: $(B)/host/wasm_run_switch.o
$(B)/kobj/wasm_machine_data.S.o: fixtures/wasm-interp/machine.wasm
wasm-interp-fixtures:
	wat2wasm fixtures/wasm-interp/machine.wat -o fixtures/wasm-interp/machine.wasm
.PHONY: wasm-interp-fixtures
CHECKS += check-ch15-spec
check-ch15-spec: check-ch13-spec
	@log=$(B)/spec/plain.log; ref=$$(awk -F'\t' '$$1 == "wasm-2.0" && $$2 !~ /^simd_/ \
	    { split($$3, r, "/"); n += r[2] } END { print n }' $(SPEC_DIR)/reference.tsv); \
	ours=$$(tail -n 1 $$log | awk '{ print $$1 + $$3 + $$5 + ($$8 == "not" ? $$7 : 0) }'); \
	echo "wasm-2.0 without SIMD: $$(tail -n 1 $$log); $$ours commands, reference $$ref"; \
	! tail -n 1 $$log | grep -q 'not yet' && [ "$$ours" = "$$ref" ]
.PHONY: check-ch15-spec
FUZZ_CC ?= clang
SECONDS_TO_FUZZ ?= 60
$(B)/fuzz/wasm-fuzz: $(T)/tests/wasm_fuzz.c $(patsubst %,$(T)/src/%,$(SPEC_ENGINE)) \
		$(wildcard $(T)/src/wasm_*.h)
	@mkdir -p $(@D)
	$(FUZZ_CC) -std=c11 -g -O1 -DHYPHA_HOST -I$(T)/src \
	    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	    -o $@ $(T)/tests/wasm_fuzz.c $(patsubst %,$(T)/src/%,$(SPEC_ENGINE))

fuzz: $(B)/fuzz/wasm-fuzz $(SPEC_JSON)
	@mkdir -p $(B)/fuzz/corpus $(B)/fuzz/seeds
	@for d in $(B)/spec/2.0/*/; do for f in $$d*.wasm; do [ -f "$$f" ] && \
	    cp "$$f" $(B)/fuzz/seeds/$$(basename $$d)-$$(basename $$f); done; done; true
	@cd $(B)/fuzz && { ./wasm-fuzz -max_total_time=$(SECONDS_TO_FUZZ) -rss_limit_mb=2048 \
	    -print_final_stats=1 corpus seeds >fuzz.log 2>&1; st=$$?; tail -n 8 fuzz.log; \
	    runs=$$(sed -n 's/^stat::number_of_executed_units: *//p' fuzz.log); \
	    if [ $$st -ne 0 ]; then echo "fuzz: FOUND A CRASH after $$runs runs:" \
	        "$$(grep -m1 -E 'ERROR|runtime error' fuzz.log); input in $(B)/fuzz/crash-*"; \
	    else echo "fuzz: nothing found in $(SECONDS_TO_FUZZ) s, $$runs runs," \
	        "$$(ls corpus | wc -l) inputs in the corpus"; fi; exit $$st; }

CHECKS += check-ch15-fuzz
check-ch15-fuzz: fuzz
.PHONY: fuzz check-ch15-fuzz
BENCH_PROGRAMS := crc32 sieve fib matmul sha256 vm
WASM_CC ?= clang
WASM_CFLAGS := --target=wasm32 -mcpu=mvp -O2 -std=c11 -Wall -Wextra -Werror \
	-nostdlib -Wl,--no-entry -Wl,--export=run
BENCH_CFLAGS := -std=c11 -O2 -Wall -Wextra -Werror -DHYPHA_HOST -I$(T)/src

$(B)/bench/%.wasm: $(T)/tests/bench/%.c $(T)/tests/bench/bench.h
	@mkdir -p $(@D)
	$(WASM_CC) $(WASM_CFLAGS) -o $@ $<

$(B)/bench/wasm-bench: $(T)/tests/wasm_bench.c $(BENCH_PROGRAMS:%=$(T)/tests/bench/%.c) \
		$(SPEC_ENGINE:%=$(T)/src/%) $(wildcard $(T)/src/wasm_*.h) $(T)/tests/bench/bench.h
	@mkdir -p $(@D)
	$(HCC) $(BENCH_CFLAGS) -o $@ $(filter %.c,$^) -lm

bench-wasm: $(B)/bench/wasm-bench $(BENCH_PROGRAMS:%=$(B)/bench/%.wasm)
	$(B)/bench/wasm-bench $(B)/bench $(BENCH)
.PHONY: bench-wasm
wasm-interp-fixtures: wasm-interp-memops-fixture
wasm-interp-memops-fixture:
	wat2wasm fixtures/wasm-interp/memops.wat -o fixtures/wasm-interp/memops.wasm
.PHONY: wasm-interp-memops-fixture
wasm-interp-fixtures: wasm-interp-shifts
wasm-interp-shifts:
	wat2wasm fixtures/wasm-interp/shifts.wat -o fixtures/wasm-interp/shifts.wasm
.PHONY: wasm-interp-shifts
wasm-interp-fixtures: wasm-interp-loop-fixtures
wasm-interp-loop-fixtures:
	wat2wasm fixtures/wasm-interp/loops.wat -o fixtures/wasm-interp/loops.wasm
.PHONY: wasm-interp-loop-fixtures
HCFLAGS += -DHYPHA_BENCH_DIR='"$(B)/bench"'
host-tests: $(BENCH_PROGRAMS:%=$(B)/bench/%.wasm)
list-checks:
	@echo $(CHECKS)
.PHONY: list-checks
CHECKS += check-ch08-model check-ch08-mutant
SPIN_MODEL := $(abspath $(T)/tests/ch08_task_state.pml)
SPIN_CC = (cd $(1) && spin $(2) -a $(SPIN_MODEL) >/dev/null && \
	$(HCC) -O2 -DSAFETY -w -I$(abspath $(T)/src) -o pan pan.c \
	    $(abspath $(T)/src/task_state.c) && ./pan -m10000 >pan.out 2>&1; cat pan.out)
SPIN_SUMMARY = sed -n -e 's/.*errors: \([0-9]*\).*/errors \1/p' \
	-e 's/^ *\([0-9]*\) states, stored.*/states \1/p' $(1)/pan.out | paste -sd' '

check-ch08-model: $(SPIN_MODEL) $(T)/src/task_state.c $(T)/src/task_state.h
	@rm -rf $(B)/spin/model && mkdir -p $(B)/spin/model
	@$(call SPIN_CC,$(B)/spin/model,)
	@s=$$($(call SPIN_SUMMARY,$(B)/spin/model)); echo "spin: task state model: $$s"; \
	  grep -q 'errors: 0$$' $(B)/spin/model/pan.out
check-ch08-mutant: $(SPIN_MODEL) $(T)/src/task_state.c $(T)/src/task_state.h
	@for m in FORGET_WOKEN CANCEL_IS_A_STUB; do \
	  rm -rf $(B)/spin/$$m && mkdir -p $(B)/spin/$$m; \
	  $(call SPIN_CC,$(B)/spin/$$m,-D$$m) >/dev/null; \
	  s=$$($(call SPIN_SUMMARY,$(B)/spin/$$m)); echo "mutant $$m: $$s"; \
	  grep -q 'errors: [1-9]' $(B)/spin/$$m/pan.out || exit 1; \
	done; echo "spin: both mutants give a counterexample"
.PHONY: check-ch08-model check-ch08-mutant
