#!/usr/bin/env bash
# make test: the drift and layer checks, then every prefix of the book up to CH.
#   test-all.sh CH CHAPTER_NUMBER...
# Ends with every FAIL line again (CI shows only the tail of a long log)
# and one line over everything: "N passed, N failed".
set -u
ch=$1; shift
passed=0 failed=0
start=$SECONDS
fails=$(mktemp); trap 'rm -f "$fails"' EXIT
say_fail() { echo "$1"; echo "$1" >>"$fails"; }

if make --no-print-directory check-drift; then
    passed=$((passed + 1)); echo "PASS check-drift"
else
    failed=$((failed + 1)); say_fail "FAIL check-drift: src/ or tests/ differ from the chapters"
fi

if make --no-print-directory check-layers; then
    passed=$((passed + 1)); echo "PASS check-layers"
else
    failed=$((failed + 1)); say_fail "FAIL check-layers: modules of src/ include each other in a cycle"
fi

for n in "$@"; do
    [ "$n" -le "$ch" ] || continue
    echo "==== chapters 1..$n ===="
    which=own; [ "$n" -eq "$ch" ] && which=all
    make --no-print-directory CH="$n" CHECKS_WHICH=$which test-prefix 2>&1 |
        tee >(grep -E '^FAIL|\[FAIL\]|^    \| ' >>"$fails")
    b=$(make --no-print-directory -s CH="$n" print-build-dir)
    if [ -f "$b/test-counts" ]; then
        read -r p f <"$b/test-counts"
        rm -f "$b/test-counts"
    else
        p=0 f=1; say_fail "FAIL chapters 1..$n: the prefix could not be tangled"
    fi
    passed=$((passed + p)); failed=$((failed + f))
done

sleep 1   # let the last tee's grep finish writing
echo "==== make test finished in $((SECONDS - start)) s ===="
if [ -s "$fails" ]; then
    echo "what failed (logs under build/chNN/):"
    sed 's/^/  /' "$fails"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
