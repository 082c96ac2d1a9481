#!/usr/bin/env python3
"""Tangle Hypha's chapters into src/ and tests/, checking the web first.

  tangle.py --out DIR [--lines] CHAPTER.nw...   write DIR/src/... and DIR/tests/...
  tangle.py --check-drift CHAPTER.nw...         compare ./src and ./tests with a fresh tangle

The checks (each error names the chunk and the chapter line):
  * a chunk that is used but never defined (a misspelled use);
  * a chunk that is defined but never used and is not a file root under
    src/ or tests/ (a misspelled definition, or dead code);
  * a root outside src/ and tests/.
With --lines, C, assembly and header files carry #line directives that point
back into the chapters (notangle -L); the committed tree is tangled without
them so that it reads well.  Tabs are always kept (Makefile recipes need them).
"""
import difflib
import filecmp
import os
import subprocess
import sys
import tempfile

MARKUP = "/usr/lib/noweb/markup"
LINE_FILES = (".c", ".h", ".S")          # files that accept #line directives
HASH_COMMENT = (".mk", ".sh", ".tsv", ".py", ".txt")


def die(msgs):
    for m in msgs:
        print(m, file=sys.stderr)
    sys.exit(1)


def read_web(chapters):
    """Return defs and uses: name -> [(file, line)], from noweb's markup."""
    defs, uses = {}, {}
    for ch in chapters:
        out = subprocess.run([MARKUP, ch], capture_output=True, text=True)
        if out.returncode != 0:
            die([f"{ch}: noweb markup failed:", out.stderr])
        line, in_code = 1, False
        for rec in out.stdout.split("\n"):
            if rec == "@nl":
                line += 1
            elif rec.startswith("@begin code"):
                in_code = True
            elif rec.startswith("@end code"):
                in_code = False
            elif rec.startswith("@defn "):
                defs.setdefault(rec[6:], []).append((ch, line))
            elif rec.startswith("@use "):
                uses.setdefault(rec[5:], []).append((ch, line, in_code))
    return defs, uses


def check_web(defs, uses):
    errors = []
    def near(name, pool):
        m = difflib.get_close_matches(name, pool, n=1, cutoff=0.6)
        return f" (did you mean <<{m[0]}>>?)" if m else ""
    for name, places in sorted(uses.items()):
        if name not in defs:
            for ch, line, _ in places:
                errors.append(f"{ch}:{line}: error: chunk <<{name}>> is used "
                              f"but never defined{near(name, defs)}")
    roots = []
    for name, places in sorted(defs.items()):
        used_in_code = any(c for _, _, c in uses.get(name, []))
        if used_in_code:
            continue
        ch, line = places[0]
        if name.startswith(("src/", "tests/")) and ".." not in name:
            roots.append(name)
        elif "/" in name or "." in name.split(" ")[0]:
            errors.append(f"{ch}:{line}: error: root <<{name}>> is outside "
                          f"src/ and tests/")
        else:
            errors.append(f"{ch}:{line}: error: chunk <<{name}>> is defined "
                          f"but never used{near(name, uses)}")
    return roots, errors


def sources_of(root, defs, web_uses):
    """The chapters that contribute to a root, following uses."""
    seen, todo, files = set(), [root], set()
    while todo:
        n = todo.pop()
        if n in seen or n not in defs:
            continue
        seen.add(n)
        files.update(ch for ch, _ in defs[n])
        todo.extend(web_uses.get(n, ()))
    return sorted(files)


def chunk_children(chapters):
    """name -> set of chunk names used inside its definitions."""
    kids = {}
    for ch in chapters:
        out = subprocess.run([MARKUP, ch], capture_output=True, text=True).stdout
        cur = None
        for rec in out.split("\n"):
            if rec.startswith("@defn "):
                cur = rec[6:]
                kids.setdefault(cur, set())
            elif rec.startswith("@end code"):
                cur = None
            elif rec.startswith("@use ") and cur is not None:
                kids[cur].add(rec[5:])
    return kids


def header(root, chapters):
    names = ", ".join(chapters)
    text = (f"Generated from {names} by tangle/tangle.py. "
            "Do not edit: edit the chapter, then run make tangle.")
    if root.endswith(HASH_COMMENT) or os.path.basename(root) == "Makefile":
        return "# " + text + "\n"
    return "/* " + text + " */\n"


TAB_FILES = (".mk", "Makefile")


def tangle(chapters, out, lines):
    defs, uses = read_web(chapters)
    roots, errors = check_web(defs, uses)
    if errors:
        die(errors + [f"tangle: {len(errors)} error(s) in the web; nothing written"])
    kids = chunk_children(chapters)
    written = set()
    for root in roots:
        # -t8 keeps tabs, which Makefile recipes need; elsewhere notangle's
        # default expands them, so nested chunks are indented with spaces.
        cmd = ["notangle"] + (["-t8"] if root.endswith(TAB_FILES) else []) + ["-R" + root]
        if lines and root.endswith(LINE_FILES):
            cmd.insert(1, "-L")
        res = subprocess.run(cmd + list(chapters), capture_output=True, text=True)
        if res.returncode != 0 or res.stderr:
            die([f"tangle: notangle failed on <<{root}>>:", res.stderr])
        text = header(root, sources_of(root, defs, kids)) + res.stdout
        path = os.path.join(out, root)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        old = None
        if os.path.exists(path):
            with open(path) as f:
                old = f.read()
        if old != text:
            with open(path, "w") as f:
                f.write(text)
        written.add(os.path.normpath(path))
    # remove stale files of an earlier tangle into the same folder
    for top in ("src", "tests"):
        for dirpath, _, files in os.walk(os.path.join(out, top)):
            for fn in files:
                p = os.path.normpath(os.path.join(dirpath, fn))
                if p not in written:
                    os.remove(p)
    return roots


def check_drift(chapters):
    with tempfile.TemporaryDirectory() as tmp:
        tangle(chapters, tmp, lines=False)
        problems = []
        for top in ("src", "tests"):
            cmp = filecmp.dircmp(os.path.join(tmp, top), top) \
                if os.path.isdir(top) else None
            if cmp is None:
                problems.append(f"{top}/ is missing")
                continue
            stack = [(cmp, top)]
            while stack:
                c, rel = stack.pop()
                for f in c.left_only:
                    problems.append(f"{rel}/{f}: tangled but not committed")
                for f in c.right_only:
                    problems.append(f"{rel}/{f}: committed but no chapter makes it")
                _, mismatch, errs = filecmp.cmpfiles(c.left, c.right,
                                                     c.common_files, shallow=False)
                for f in mismatch + errs:
                    problems.append(f"{rel}/{f}: differs from the chapters")
                for d, sub in c.subdirs.items():
                    stack.append((sub, f"{rel}/{d}"))
        if problems:
            die(problems + ["check-drift: src/ and tests/ are not a fresh tangle of "
                            "the chapters; edit the chapters and run make tangle"])


def main(argv):
    lines, out, drift, chapters = False, None, False, []
    it = iter(argv)
    for a in it:
        if a == "--lines":
            lines = True
        elif a == "--out":
            out = next(it)
        elif a == "--check-drift":
            drift = True
        else:
            chapters.append(a)
    if not chapters:
        die(["tangle: no chapters given"])
    if drift:
        check_drift(chapters)
    elif out:
        tangle(chapters, out, lines)
    else:
        die(["usage: tangle.py --out DIR [--lines] CHAPTER... | --check-drift CHAPTER..."])


if __name__ == "__main__":
    main(sys.argv[1:])
