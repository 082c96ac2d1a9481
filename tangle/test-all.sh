#!/usr/bin/env bash
# make test: the drift and layer checks, then every prefix of the book up to CH.
#   test-all.sh CH CHAPTER_NUMBER...
# Ends with one line over everything: "N passed, N failed".
set -u
ch=$1; shift
passed=0 failed=0
start=$SECONDS

if make --no-print-directory check-drift; then
    passed=$((passed + 1)); echo "PASS check-drift"
else
    failed=$((failed + 1)); echo "FAIL check-drift: src/ or tests/ differ from the chapters"
fi

if make --no-print-directory check-layers; then
    passed=$((passed + 1)); echo "PASS check-layers"
else
    failed=$((failed + 1)); echo "FAIL check-layers: modules of src/ include each other in a cycle"
fi

for n in "$@"; do
    [ "$n" -le "$ch" ] || continue
    echo "==== chapters 1..$n ===="
    which=own; [ "$n" -eq "$ch" ] && which=all
    if ! make --no-print-directory CH="$n" CHECKS_WHICH=$which test-prefix; then :; fi
    b=$(make --no-print-directory -s CH="$n" print-build-dir)
    if [ -f "$b/test-counts" ]; then
        read -r p f <"$b/test-counts"
        rm -f "$b/test-counts"
    else
        p=0 f=1; echo "FAIL chapters 1..$n: the prefix could not be tangled"
    fi
    passed=$((passed + p)); failed=$((failed + f))
done

echo "==== make test finished in $((SECONDS - start)) s ===="
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
