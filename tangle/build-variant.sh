#!/usr/bin/env bash
# Build a variant of the kernel with one extra definition, for a boot test.
#   build-variant.sh TANGLE_DIR BUILD_DIR MACRO   -> prints the kernel's path
set -eu
t=$1 b=$2 def=$3
case $def in *[!A-Za-z0-9_=]*|'') echo "build-variant: bad definition '$def'" >&2; exit 1;; esac
vb=$b/variant-${def%%=*}
mkdir -p "$vb"
if ! make --no-print-directory -f "$t/src/kernel.mk" T="$t" B="$vb" KDEFS="-D$def" kernel >"$vb/build.log" 2>&1; then
    tail -n 20 "$vb/build.log" >&2
    exit 1
fi
echo "$vb/kernel.elf"
