/* Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "ksym.h"

__attribute__((weak)) const struct ksym ksym_table[1] = {{0, 0, ""}};
__attribute__((weak)) const size_t ksym_count = 0;
