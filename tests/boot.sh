# Generated from chapters/01-boot.nw, chapters/02-devicetree.nw, chapters/03-memory.nw, chapters/04-paging.nw, chapters/05-traps.nw, chapters/06-harts.nw, chapters/09-join.nw, chapters/10-executor.nw, chapters/11-time.nw, chapters/12-waiting.nw, chapters/14-wasm-validate.nw, chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle.
# Usage: KERNEL=... BUILD_VARIANT=... LOGS=... bash tests/boot.sh
set -u
passed=0
failed=0
boot_test() {
    local name=$1 smp=1 mem=128M append="" define="" want=0 kernel=$KERNEL
    local qemu="" input="" ready=""
    shift
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do
        case $1 in
        smp=*) smp=${1#smp=} ;; mem=*) mem=${1#mem=} ;;
        append=*) append=${1#append=} ;; define=*) define=${1#define=} ;;
        status=*) want=${1#status=} ;; qemu=*) qemu=${1#qemu=} ;;
        input=*) input=${1#input=} ;; ready=*) ready=${1#ready=} ;;
        *) echo "boot_test $name: unknown option $1"; failed=$((failed + 1)); return ;;
        esac
        shift
    done
    [ $# -gt 0 ] && shift
    if [ -n "$define" ]; then
        if ! kernel=$($BUILD_VARIANT "$define"); then
            echo "FAIL $name: could not build a kernel with -D$define"
            failed=$((failed + 1))
            return
        fi
    fi
    local log=$LOGS/$name.log status=0 problem=""
    rm -f "$log"
    {
        if [ -n "$ready" ]; then
            for _ in $(seq 300); do
                grep -Eq -- "$ready" "$log" 2>/dev/null && break
                sleep 0.1
            done
        fi
        printf '%b' "$input"
    } | timeout 60 qemu-system-riscv64 -machine virt \
        -bios default -nographic -smp "$smp" -m "$mem" -kernel "$kernel" \
        ${append:+-append "$append"} $qemu >"$log" 2>&1 || status=$?
    [ "$status" -eq "$want" ] || problem="exit status $status, expected $want"
    for pattern in "$@"; do
        [ -n "$problem" ] && break
        grep -Eq -- "$pattern" "$log" || problem="no line matches /$pattern/"
    done
    if [ -z "$problem" ]; then
        echo "PASS $name"
        passed=$((passed + 1))
    else
        echo "FAIL $name: $problem (log: $log)"
        tail -n 20 "$log" | sed 's/^/    | /'
        failed=$((failed + 1))
    fi
}
boot_test ch01_boots_and_powers_off -- \
    '^Hypha: booting on hart 0, device tree at 0x[0-9a-f]+' \
    '^SBI: specification v[0-9]+\.[0-9]+, OpenSBI' \
    '^kernel: text   0x80200000-' \
    '^Hypha: boot complete'
boot_test ch01_boots_with_four_harts smp=4 -- \
    '^Hypha: booting on hart [0-3],' '^Hypha: boot complete'
boot_test ch01_panic_exits_with_status_3 define=HYPHA_PANIC_AT_BOOT status=3 -- \
    '^panic: deliberate panic'
boot_test ch01_early_trap_is_reported define=HYPHA_FAULT_AT_BOOT status=3 -- \
    '^panic: early trap before the trap vector was installed: scause 0x5 sepc 0x802[0-9a-f]{5} stval 0x80000000'
boot_test ch02_one_hart_128M smp=1 mem=128M -- \
    '^dt: memory 0x80000000-0x88000000 \(128 MiB\)' \
    '^dt: 1 hart: 0 \(booted on 0\)' '^dt: timebase 10000000 Hz' \
    '^dt: uart 0x10000000 irq 10' '^dt: plic 0xc000000 size 0x600000, 96 sources' \
    '^dt: test device 0x100000' '^Hypha: boot complete'
boot_test ch02_two_harts_512M smp=2 mem=512M -- \
    '^dt: memory 0x80000000-0xa0000000 \(512 MiB\)' '^dt: 2 harts: 0 1 '
boot_test ch02_four_harts_1G smp=4 mem=1G -- \
    '^dt: memory 0x80000000-0xc0000000 \(1024 MiB\)' '^dt: 4 harts: 0 1 2 3 '
boot_test ch02_all_kernel_tests_pass smp=2 append="test=all" -- \
    '^ktest ch02_boot_hart_is_listed: PASS' '^ktest: [1-9][0-9]* passed, 0 failed'
boot_test ch02_fatal_test_panics append="test=ch02_panic" status=3 -- \
    '^panic: deliberate panic \(test=ch02_panic\)'
boot_test ch02_failed_assertion_is_reported append="test=ch02_assert_fails" status=2 -- \
    '^ktest ch02_assert_fails: FAIL at .*: machine.hart_count == machine.hart_count \+ 1 \(0x1 != 0x2\)' \
    '^ktest: 0 passed, 1 failed'
boot_test ch02_unknown_test_is_named append="test=no_such_test" status=2 -- \
    "^ktest: no test named 'no_such_test'"
boot_test ch02_empty_selection_fails append="test=," status=2 -- \
    '^ktest: test= names no test'
boot_test ch02_bootargs_reach_the_kernel append="quiet test=ch02_boot_hart_is_listed x=1" -- \
    '^dt: bootargs "quiet test=ch02_boot_hart_is_listed x=1"' \
    '^ktest ch02_boot_hart_is_listed: PASS' '^ktest: 1 passed, 0 failed'
boot_test ch02_the_tree_is_believed smp=2 mem=512M \
    qemu="-dtb fixtures/dtb/virt-smp2-256M-append.dtb" -- \
    '^dt: memory 0x80000000-0x90000000 \(256 MiB\)' '^dt: bootargs "test=all foo"' \
    '^ktest: [1-9][0-9]* passed, 0 failed'
LC_ALL=C sed 's/memory\x00/memorx\x00/' fixtures/dtb/virt-smp2-512M.dtb >"$LOGS/no-memory.dtb"
boot_test ch02_a_bad_tree_panics smp=2 mem=512M status=3 \
    qemu="-dtb $LOGS/no-memory.dtb" -- \
    '^panic: device tree at 0x[0-9a-f]+: no memory node with device_type "memory" and a reg \(offset [0-9]+\)'
boot_test ch03_memory_128M mem=128M \
    append="test=ch03_frames_all_and_back,ch03_frame_count_matches_the_machine,ch03_heap" -- \
    '^memory: free 0x80[0-9a-f]{6}-0x80200000 ' \
    '^memory: (31[0-9]{3}|32[0-7][0-9]{2}) frames free \(12[0-7] MiB\)' \
    '^ktest ch03_frames_all_and_back: PASS' '^ktest ch03_heap: PASS' \
    '^ktest: 3 passed, 0 failed'
boot_test ch03_memory_1G mem=1G smp=2 \
    append="test=ch03_frames_all_and_back,ch03_frame_count_matches_the_machine,ch03_heap" -- \
    '^memory: 26[01][0-9]{3} frames free \(10[12][0-9] MiB\)' \
    '^ktest: 3 passed, 0 failed'
boot_test ch03_a_failed_frame_check_gives_every_frame_back mem=128M \
    append="test=ch03_a_failed_frame_check_gives_every_frame_back,ch03_frames_all_and_back,ch03_frame_count_matches_the_machine" -- \
    '^ktest ch03_a_failed_frame_check_gives_every_frame_back: PASS' \
    '^ktest: 3 passed, 0 failed'
boot_test ch03_kfree_twice_panics append="test=ch03_kfree_twice" status=3 -- \
    '^panic: kfree\(0x[0-9a-f]+\): double free'
boot_test ch03_kframe_free_twice_panics append="test=ch03_kframe_free_twice" status=3 -- \
    '^panic: kframe_free\(0x[0-9a-f]+\): double free'
boot_test ch03_kfree_inside_a_block_panics append="test=ch03_kfree_inside_a_block" \
    status=3 -- '^panic: kfree\(0x[0-9a-f]+\): not a pointer returned by kmalloc'
boot_test ch04_prints_the_kernel_map -- \
    '^vm: text +0x0*80200000-0x[0-9a-f]+ r-x -> 0x0*80200000' \
    '^vm: rodata .* r-- ' '^vm: data .* rw- ' '^vm: ram .* rw- ' \
    '^vm: dtb +0x0*87e00000-0x0*87e0[0-9a-f]000 r-- ' \
    '^vm: uart +0x0*10000000-0x0*10001000 rw- ' \
    '^vm: satp = 0x8000000000[0-9a-f]{6}: Sv39' \
    '^hart 0: moved to stack 0x3fffffc000-0x4000000000' '^Hypha: boot complete'
for mem in 128M 1G; do
    boot_test ch04_paging_tests_$mem mem=$mem \
        append="test=ch04_paging_is_on,ch04_wx,ch04_alias,ch04_guard_pages,ch04_boot_hart_on_a_guarded_stack" -- \
        '^ktest ch04_wx: PASS' '^ktest ch04_alias: PASS' \
        '^ktest ch04_guard_pages: PASS' '^ktest ch04_boot_hart_on_a_guarded_stack: PASS' \
        '^ktest: 5 passed, 0 failed'
done
boot_test ch04_guard_pages_runs_twice \
    append="test=ch04_guard_pages,ch04_guard_pages" -- \
    '^ktest: 2 passed, 0 failed'
boot_test ch04_paging_tests_four_harts smp=4 mem=512M \
    append="test=ch04_paging_is_on,ch04_wx,ch04_boot_hart_on_a_guarded_stack" -- \
    '^hart [0-3]: moved to stack 0x3fff' '^ktest: 3 passed, 0 failed'
boot_test ch05_kernel_tests_pass append="test=all" -- \
    '^traps: vector at 0x[0-9a-f]+, timer at 100 Hz, UART on PLIC source 10' \
    '^ktest ch05_timer_ticks: PASS' '^ktest ch05_uart_receives_by_interrupt: PASS' \
    '^ktest ch05_breakpoints_resume_with_registers_intact: PASS' \
    '^ktest: [0-9]+ passed, 0 failed'
boot_test ch05_timer_rate_from_the_command_line append="timer_hz=250 test=ch05_timer_ticks" -- \
    'timer at 250 Hz' '^ch05_timer_ticks: [0-9]+ ticks in 200 ms at 250 Hz, median gap (3[0-9]|4[0-9])[0-9]{2} us' \
    '^ktest: 1 passed, 0 failed'
boot_test ch05_page_fault_is_reported append="test=ch05_page_fault" status=3 -- \
    '^\*\*\* Load page fault on hart 0' \
    '^  sepc +0x[0-9a-f]{16}  ch05_page_fault\+0x' '^  stval +0x0000000000000008' \
    '#0 +0x[0-9a-f]+  ch05_page_fault\+' '#[1-9][0-9]* +0x[0-9a-f]+  ktest_run\+' \
    '#[1-9][0-9]* +0x[0-9a-f]+  kmain\+' '\(end of the frame-pointer chain\)' \
    '^panic: Load page fault at ch05_page_fault\+0x'
boot_test ch05_illegal_instruction_is_reported append="test=ch05_illegal_instruction" status=3 -- \
    '^\*\*\* Illegal instruction on hart 0' \
    '^  sepc +0x[0-9a-f]{16}  ch05_illegal_instruction\+0x' \
    '^  stval +0x00000000c0101073' '#[1-9][0-9]* +0x[0-9a-f]+  kmain\+' \
    '^panic: Illegal instruction at ch05_illegal_instruction\+0x'
boot_test ch05_stack_overflow_is_reported append="test=ch05_stack_overflow" status=3 -- \
    '^\*\*\* kernel stack overflow on hart 0' 'ran into its guard page' \
    '^  sepc +0x[0-9a-f]{16}  recurse\+0x' '^  stval +0x' \
    '#1 +0x[0-9a-f]+  recurse\+0x' '\.\.\. #2-#[0-9]+: the same frame, [0-9]+ more times' \
    '  overflow_this_stack\+0x' '  call_on_stack\+0x' '  ch05_stack_overflow\+0x' \
    '  kmain\+0x' '\(end of the frame-pointer chain\)' \
    '^panic: kernel stack overflow at recurse\+0x'
boot_test ch05_uart_echoes_typed_lines append="echo=2" input='hello\nworld\n' \
    ready='^echo: type' -- \
    '^echo: type 2 lines' '^echo: "hello" \(5 bytes, [1-9][0-9]* UART interrupts\)' \
    '^echo: "world" \(5 bytes, [1-9][0-9]* UART interrupts\)' '^Hypha: boot complete'
boot_test ch06_one_hart smp=1 append="test=all" -- \
    '^hart 0: up, the boot hart' '^harts: 1 running' \
    '^ktest ch06_lock_counter: PASS' '^ktest: [0-9]+ passed, 0 failed'
boot_test ch06_two_harts smp=2 append="test=all" -- \
    '^hart [01]: up, the boot hart' '^hart [01]: up, stack 0x[0-9a-f]+-0x[0-9a-f]+' \
    '^harts: 2 running' \
    '^ktest ch06_ipi_round_trip: PASS' '^ktest: [0-9]+ passed, 0 failed'
boot_test ch06_late_harts_find_their_way smp=4 define=HYPHA_START_HARTS_AT_BOOT_ENTRY \
    append="test=all" -- \
    '^hart [1-3]: up, stack' '^harts: 4 running' '^ktest: [0-9]+ passed, 0 failed'
boot_test ch06_four_harts_512M smp=4 mem=512M append="test=all" -- \
    '^memory: [0-9]+ frames free \((50[0-9]|51[01]) MiB\)' \
    '^hart 0: up' '^hart 1: up' '^hart 2: up' '^hart 3: up' \
    '^harts: 4 running' '^ktest ch06_timer_on_every_hart: PASS' \
    '^ktest: [0-9]+ passed, 0 failed'
boot_test ch06_eight_harts smp=8 append="test=all" -- \
    '^hart [0-7]: up, the boot hart' '^hart 7: up' '^harts: 8 running' \
    '^ktest ch06_all_harts_up: PASS' '^ktest ch06_lock_counter: PASS' \
    '^ktest: [0-9]+ passed, 0 failed'
boot_test ch06_lock_recursion_panics smp=2 append="test=ch06_lock_recursion" \
    status=3 -- '^panic: spin_lock: hart [01] already holds the ch06 recursion lock'
check_every_line() { # check_every_line NAME MARKER COUNT REGEX
    local name=$1 log=$LOGS/$1.log marker=$2 count=$3 regex=$4 bad n
    n=$(grep -c -- "$marker" "$log")
    bad=$(grep -- "$marker" "$log" | grep -Evc -- "$regex")
    if [ "$n" -eq "$count" ] && [ "$bad" -eq 0 ]; then
        echo "PASS $name-lines"; passed=$((passed + 1))
    else
        echo "FAIL $name-lines: $n lines with '$marker' (expected $count), $bad malformed"
        grep -- "$marker" "$log" | grep -Ev -- "$regex" | head -n 5 | sed 's/^/    | /'
        failed=$((failed + 1))
    fi
}
boot_test ch06_console_four_harts smp=4 append="test=ch06_console_lines_stay_whole" -- \
    '^ktest ch06_console_lines_stay_whole: PASS'
check_every_line ch06_console_four_harts 'ch06 line' 40 \
    '^ch06 line [0-9]{2} from hart [0-3]: the quick brown fox jumps over the lazy dog.?$'
boot_test ch09_tasks_run_in_the_kernel append="test=ch09_tasks_run_on_the_boot_hart" -- \
    '^ktest ch09_tasks_run_on_the_boot_hart: PASS' '^ktest: 1 passed, 0 failed'
boot_test ch10_executor_on_four_harts smp=4 append="test=ch10_tasks_on_every_hart" -- \
    '^ktest ch10_tasks_on_every_hart: PASS' \
    '^executor: worker 0 \(hart 0\): spawned [0-9]+ polled [1-9]' \
    '^executor: worker 3 \(hart 3\): spawned [0-9]+ polled [1-9]'
boot_test ch11_sleepers_on_four_harts smp=4 append="test=ch11_sleepers_on_every_hart" -- \
    '^ktest ch11_sleepers_on_every_hart: PASS' '^ch11: 200 sleepers, woke at most [0-9]+ us late'
boot_test ch12_async_uart_echo smp=2 append="async_echo=2" input='hello\rasync world\r' \
    ready='^async echo: type' -- \
    '^async echo: "hello" \(on hart [01]\)' '^async echo: "async world" \(on hart [01]\)'
boot_test ch12_ten_thousand_tasks_on_four_harts smp=4 mem=512M \
    append="test=ch12_ten_thousand_tasks" -- \
    '^ktest ch12_ten_thousand_tasks: PASS' \
    '^ch12: 10000 tasks joined, sum 12497500, 0 live, 0 idle harts' \
    '^executor: worker 0 \(hart 0\): spawned [0-9]+ polled [1-9]' \
    '^executor: worker 1 \(hart 1\): spawned [0-9]+ polled [1-9]' \
    '^executor: worker 2 \(hart 2\): spawned [0-9]+ polled [1-9]' \
    '^executor: worker 3 \(hart 3\): spawned [0-9]+ polled [1-9]'
boot_test ch14_validator_runs_in_the_kernel append="test=ch14_validator_runs_in_the_kernel" -- \
    '^ch14: func 0, offset 0x1d: type mismatch: i32.add expects \[i32 i32\], found \[i32 i64\]' \
    '^ktest ch14_validator_runs_in_the_kernel: PASS' '^ktest: 1 passed, 0 failed'
boot_test ch15_wasm_runs_in_the_kernel append="test=ch15_wasm_runs_in_the_kernel" -- \
    '^wasm: fib\(20\) = 6765, count\(1000\) stopped [0-9]+ times for fuel' \
    '^ktest ch15_wasm_runs_in_the_kernel: PASS'
echo "boot tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
