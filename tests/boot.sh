# Generated from chapters/01-boot.nw, chapters/03-memory.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle.
# Usage: KERNEL=... BUILD_VARIANT=... LOGS=... bash tests/boot.sh
set -u
passed=0
failed=0
boot_test() {
    local name=$1 smp=1 mem=128M append="" define="" want=0 kernel=$KERNEL
    shift
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do
        case $1 in
        smp=*) smp=${1#smp=} ;; mem=*) mem=${1#mem=} ;;
        append=*) append=${1#append=} ;; define=*) define=${1#define=} ;;
        status=*) want=${1#status=} ;;
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
    timeout 60 qemu-system-riscv64 -machine virt -bios default -nographic \
        -smp "$smp" -m "$mem" -kernel "$kernel" ${append:+-append "$append"} \
        </dev/null >"$log" 2>&1 || status=$?
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
boot_test ch03_kfree_twice_panics append="test=ch03_kfree_twice" status=3 -- \
    '^panic: kfree\(0x[0-9a-f]+\): double free'
boot_test ch03_kframe_free_twice_panics append="test=ch03_kframe_free_twice" status=3 -- \
    '^panic: kframe_free\(0x[0-9a-f]+\): double free'
boot_test ch03_kfree_inside_a_block_panics append="test=ch03_kfree_inside_a_block" \
    status=3 -- '^panic: kfree\(0x[0-9a-f]+\): not a pointer returned by kmalloc'
echo "boot tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
