#!/usr/bin/env python3
"""Check that no two parts of the kernel need each other.

A module is a file stem under src/ (uart.c and uart.h are the module uart).
Module A needs module B when a file of A includes B's header.  The modules
and their needs must form a directed acyclic graph: every cycle is printed
with the #include lines that close it, and the check fails.  This is how
the book keeps its promise that lower layers never reach up.

A second rule keeps the portable libraries portable.  The modules whose .c
files are in HOST_SRCS (read from SRC_DIR/kernel.mk) are compiled for the
host and tested under sanitizers; they may include only each other, kstring
(whose functions the host's C library provides), and header-only modules
that obey the same rule.  A portable module that includes a machine-layer
module (uart, hart, riscv, ...) is printed with the #include line, and the
check fails.

  check-layers.py [SRC_DIR]
"""
import collections
import os
import re
import sys

INCLUDE = re.compile(r'\s*#\s*include\s+"([^"/]+)\.h"')


def graph(src):
    edges = collections.defaultdict(dict)      # a -> {b: "file:line"}
    for name in sorted(os.listdir(src)):
        stem, ext = os.path.splitext(name)
        if ext not in (".c", ".h", ".S"):
            continue
        with open(os.path.join(src, name)) as f:
            for n, line in enumerate(f, 1):
                m = INCLUDE.match(line)
                if m and m.group(1) != stem:
                    edges[stem].setdefault(m.group(1), f"{src}/{name}:{n}")
    return edges


def cycles(edges):
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


HOST_SRCS = re.compile(r"^HOST_SRCS\s*\+?=((?:.*\\\n)*.*)$", re.M)


def portable_violations(src, edges):
    """(module, included module, where) for each portable module reaching up."""
    mk = os.path.join(src, "kernel.mk")
    if not os.path.exists(mk):
        return []
    with open(mk) as f:
        text = f.read()
    host = {os.path.splitext(w)[0] for m in HOST_SRCS.finditer(text)
            for w in m.group(1).replace("\\\n", " ").split()}
    compiled = {os.path.splitext(n)[0] for n in os.listdir(src)
                if n.endswith((".c", ".S"))}
    ok = set(host) | {"kstring"}
    changed = True
    while changed:                  # header-only modules that include only ok ones
        changed = False
        for m in set(edges) | {b for a in edges for b in edges[a]}:
            if m not in ok and m not in compiled and all(b in ok for b in edges.get(m, {})):
                ok.add(m)
                changed = True
    return [(a, b, where) for a in sorted(host) for b, where in sorted(edges.get(a, {}).items())
            if b not in ok]


def main(argv):
    src = argv[1] if len(argv) > 1 else "src"
    edges = graph(src)
    bad = cycles(edges)
    upward = portable_violations(src, edges)
    for a, b, where in upward:
        print(f"check-layers: {where}: portable module {a} includes {b}.h, which is not "
              "portable (not in HOST_SRCS)")
    if upward:
        print("check-layers: portable code may include only portable modules and kstring.h")
    for comp in bad:
        print(f"check-layers: these modules need each other: {' '.join(comp)}")
        for a in comp:
            for b, where in sorted(edges[a].items()):
                if b in comp:
                    print(f"    {where}: {a} includes {b}.h")
    if bad:
        print(f"check-layers: {len(bad)} cycle(s); a module may only include "
              "modules below it")
    if bad or upward:
        return 1
    print(f"check-layers: {len(edges)} modules, no cycles, portable modules include "
          "only portable ones")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
