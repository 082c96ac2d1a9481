#!/usr/bin/env python3
"""Check that no two parts of the kernel need each other.

A module is a file stem under src/ (uart.c and uart.h are the module uart).
Module A needs module B when a file of A includes B's header.  The modules
and their needs must form a directed acyclic graph: every cycle is printed
with the #include lines that close it, and the check fails.  This is how
the book keeps its promise that lower layers never reach up.

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


def main(argv):
    src = argv[1] if len(argv) > 1 else "src"
    edges = graph(src)
    bad = cycles(edges)
    for comp in bad:
        print(f"check-layers: these modules need each other: {' '.join(comp)}")
        for a in comp:
            for b, where in sorted(edges[a].items()):
                if b in comp:
                    print(f"    {where}: {a} includes {b}.h")
    if bad:
        print(f"check-layers: {len(bad)} cycle(s); a module may only include "
              "modules below it")
        return 1
    print(f"check-layers: {len(edges)} modules, no cycles")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
