#!/usr/bin/env bash
# Test one prefix of the book: the kernel of chapters 1..CH.
#   test-prefix.sh CH BUILD_DIR TANGLE_DIR [all]
# Builds the kernel, runs the host tests plain and under ASan+UBSan, runs the
# chapter's checks (make targets listed in CHECKS: the model checker, the
# WebAssembly spec suite; only those of chapter CH, or every one with "all"),
# and runs the boot tests in QEMU.  Prints each result and, last, the line
#   chNN: P passed, F failed
# and writes "P F" to BUILD_DIR/test-counts for tangle/test-all.sh.
set -u
ch=$1 b=$2 t=$3 which=${4:-own}
tag=$(printf 'ch%02d' "$ch")
passed=0 failed=0
kmake=(make --no-print-directory -f "$t/src/kernel.mk" T="$t" B="$b")

note() { # note NAME STATUS [DETAIL]
    if [ "$2" -eq 0 ]; then passed=$((passed + 1)); echo "PASS $tag $1";
    else failed=$((failed + 1)); echo "FAIL $tag $1${3:+: $3}"; fi
}

# The kernel of chapters 1..CH must build.
log=$b/build.log
"${kmake[@]}" kernel >"$log" 2>&1; st=$?
note "kernel builds" $st "see $log"; [ $st -eq 0 ] || tail -n 30 "$log"

# Host tests, plain and sanitized: count what Criterion reports.
log=$b/host-build.log
"${kmake[@]}" host-tests >"$log" 2>&1; st=$?
if [ $st -ne 0 ]; then
    note "host tests build" $st "see $log"; tail -n 30 "$log"
else
    # host: plain; host-san: ASan+UBSan; host-tsan: ThreadSanitizer, built
    # only once a chapter with threads adds it to the host-tests target.
    for flavour in host host-san host-tsan; do
        [ "$flavour" = host-tsan ] && [ ! -x "$b/$flavour/run-tests" ] && continue
        out=$b/$flavour/results.log
        "$b/$flavour/run-tests" --jobs 2 >"$out" 2>&1; st=$?
        grep -v '^\[----\]' "$out" | grep -E '\[FAIL\]|\[----\].*(error|Assertion)|Warning|WARNING|ERROR|SUMMARY:' | head -n 40
        syn=$(grep -a 'Synthesis' "$out" | tail -n 1)
        echo "$tag $flavour: $syn"
        tested=$(sed -n 's/.*Tested: \([0-9]*\).*/\1/p' <<<"$syn")
        passing=$(sed -n 's/.*Passing: \([0-9]*\).*/\1/p' <<<"$syn")
        if [ -z "$tested" ]; then
            note "$flavour tests ran" 1 "no Criterion summary (see $out)"
            continue
        fi
        passed=$((passed + passing)); failed=$((failed + tested - passing))
        if [ $st -ne 0 ] && [ "$tested" -eq "$passing" ]; then
            note "$flavour test program exit status" $st "see $out"
        fi
    done
fi

# Checks: slow tests that are one make target each (CHECKS in kernel.mk).
# A prefix runs those of its own chapter; the whole book runs them all.
checks=$("${kmake[@]}" -s list-checks 2>/dev/null)
for c in $checks; do
    [ "$which" = all ] || [[ "$c" == check-$tag-* ]] || continue
    log=$b/$c.log
    "${kmake[@]}" "$c" >"$log" 2>&1; st=$?
    note "$c" $st "see $log"
    tail -n 1 "$log" | sed "s/^/$tag $c: /"
    [ $st -eq 0 ] || tail -n 20 "$log"
done

# Boot tests in QEMU.
if [ -f "$b/kernel.elf" ]; then
    mkdir -p "$b/boot-logs"
    out=$(KERNEL=$b/kernel.elf LOGS=$b/boot-logs \
          BUILD_VARIANT="bash tangle/build-variant.sh $t $b" \
          bash "$t/tests/boot.sh" 2>&1)
    sed "s/^\(PASS\|FAIL\) /\1 $tag boot /" <<<"$out" | grep -v '^boot tests:'
    bp=$(sed -n 's/^boot tests: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' <<<"$out")
    bf=$(sed -n 's/^boot tests: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' <<<"$out")
    if [ -z "$bp" ]; then note "boot tests ran" 1 "no summary from tests/boot.sh";
    else passed=$((passed + bp)); failed=$((failed + bf)); fi
fi

echo "$passed $failed" >"$b/test-counts"
echo "$tag: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
