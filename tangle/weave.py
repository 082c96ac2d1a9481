#!/usr/bin/env python3
"""Weave Hypha's chapters into a book: one HTML page per chapter and a PDF.

  weave.py html --out DIR --work DIR [--book BOOKDIR] CHAPTER.nw...
  weave.py pdf  --out DIR --work DIR [--book BOOKDIR] CHAPTER.nw...
  weave.py figure svg|pdf FIGURE.dot OUT

html writes DIR/index.html (title page, preface, contents), DIR/NN-name.html
for each chapter, DIR/book-index.html (chunk and identifier indexes) and
DIR/book.css.  pdf writes DIR/hypha.pdf.  Intermediate Markdown and LaTeX go
to the work folder.  The figures must already be in DIR/figures as NAME.svg
and NAME.pdf (tangle/book.mk makes them from figures/NAME.dot).

All chapters go through noweb's front end together (markup | autodefs.c |
finduses), so chunk numbers and cross references hold across the book.  The
pipeline representation is turned into pandoc Markdown with the code chunks
as raw HTML or LaTeX around the code; pandoc highlights the code for HTML
(uses of other chunks travel through it as placeholders and become links
afterwards), and listings does it for the PDF.
"""
import concurrent.futures
import html
import os
import re
import shutil
import subprocess
import sys

NOWEB = "/usr/lib/noweb"

# Language of a chunk: that of the file root it ends up in.
LANGS = {".c": "c", ".h": "c", ".S": "asm", ".s": "asm", ".mk": "make",
         ".sh": "bash", ".py": "python", ".ld": "ld", ".lds": "ld"}
PANDOC_LANG = {"c": "c", "asm": "gnuassembler", "make": "makefile",
               "bash": "bash", "python": "python", "ld": "default", None: "default"}
LISTINGS_LANG = {"c": "C", "asm": "nwasm", "make": "make", "bash": "bash",
                 "python": "Python", "ld": "", None: ""}

HTML_PLACEHOLDER = "QQNWUSE{}QQ"
HTML_PLACEHOLDER_RE = re.compile(r"QQNWUSE(\d+)QQ")
LST_ESCAPES = [("(*@", "@*)"), ("(*!", "!*)"), ("(*;", ";*)"), ("(*=", "=*)")]

# How pdflatex prints characters that plain LaTeX with T1 does not know.
# Anything else outside Latin-1 and Latin Extended-A gets a visible
# placeholder and a warning instead of a LaTeX error.
UNICODE_LATEX = {
    "\u2190": r"\ensuremath{\leftarrow}", "\u2192": r"\ensuremath{\rightarrow}",
    "\u2191": r"\ensuremath{\uparrow}", "\u2193": r"\ensuremath{\downarrow}",
    "\u2194": r"\ensuremath{\leftrightarrow}", "\u21a6": r"\ensuremath{\mapsto}",
    "\u21d0": r"\ensuremath{\Leftarrow}", "\u21d2": r"\ensuremath{\Rightarrow}",
    "\u21d4": r"\ensuremath{\Leftrightarrow}", "\u27e8": r"\ensuremath{\langle}",
    "\u27e9": r"\ensuremath{\rangle}", "\u2329": r"\ensuremath{\langle}",
    "\u232a": r"\ensuremath{\rangle}", "\u2261": r"\ensuremath{\equiv}",
    "\u2260": r"\ensuremath{\neq}", "\u2264": r"\ensuremath{\leq}",
    "\u2265": r"\ensuremath{\geq}", "\u2248": r"\ensuremath{\approx}",
    "\u2212": r"\ensuremath{-}", "\u2213": r"\ensuremath{\mp}",
    "\u2218": r"\ensuremath{\circ}", "\u2219": r"\ensuremath{\bullet}",
    "\u221e": r"\ensuremath{\infty}", "\u2208": r"\ensuremath{\in}",
    "\u2209": r"\ensuremath{\notin}", "\u2282": r"\ensuremath{\subset}",
    "\u2286": r"\ensuremath{\subseteq}", "\u222a": r"\ensuremath{\cup}",
    "\u2229": r"\ensuremath{\cap}", "\u2227": r"\ensuremath{\wedge}",
    "\u2228": r"\ensuremath{\vee}", "\u00ac": r"\ensuremath{\neg}",
    "\u2200": r"\ensuremath{\forall}", "\u2203": r"\ensuremath{\exists}",
    "\u2205": r"\ensuremath{\emptyset}", "\u2211": r"\ensuremath{\sum}",
    "\u220f": r"\ensuremath{\prod}", "\u221a": r"\ensuremath{\surd}",
    "\u22c5": r"\ensuremath{\cdot}", "\u2295": r"\ensuremath{\oplus}",
    "\u2297": r"\ensuremath{\otimes}", "\u226a": r"\ensuremath{\ll}",
    "\u226b": r"\ensuremath{\gg}", "\u2032": r"\ensuremath{'}",
    "\u2026": r"\ldots{}", "\u22ef": r"\ensuremath{\cdots}",
    "\u2016": r"\ensuremath{\|}", "\u2308": r"\ensuremath{\lceil}",
    "\u2309": r"\ensuremath{\rceil}", "\u230a": r"\ensuremath{\lfloor}",
    "\u230b": r"\ensuremath{\rfloor}", "\u2713": r"\ensuremath{\surd}",
    "\u2717": r"\ensuremath{\times}", "\u2022": r"\textbullet{}",
    "\u00d7": r"\texttimes{}", "\u00b5": r"\textmu{}", "\u03bc": r"\ensuremath{\mu}",
    "\u03b1": r"\ensuremath{\alpha}", "\u03b2": r"\ensuremath{\beta}",
    "\u03b3": r"\ensuremath{\gamma}", "\u03b4": r"\ensuremath{\delta}",
    "\u03b5": r"\ensuremath{\varepsilon}", "\u03bb": r"\ensuremath{\lambda}",
    "\u03c0": r"\ensuremath{\pi}", "\u03c3": r"\ensuremath{\sigma}",
    "\u03c4": r"\ensuremath{\tau}", "\u03c9": r"\ensuremath{\omega}",
    "\u0394": r"\ensuremath{\Delta}", "\u03a3": r"\ensuremath{\Sigma}",
    "\u03a9": r"\ensuremath{\Omega}", "\u2009": r"\,", "\u200b": r"\hspace{0pt}",
    "\u202f": r"\,", "\u2002": r"\enspace{}", "\u2003": r"\quad{}",
    "\u2500": "-", "\u2502": r"\textbar{}", "\u250c": "+", "\u2510": "+",
    "\u2514": "+", "\u2518": "+", "\u251c": "+", "\u2524": "+",
    "\u252c": "+", "\u2534": "+", "\u253c": "+", "\u2501": "=",
    "\u2550": "=", "\u2551": r"\textbar{}", "\u25b2": r"\ensuremath{\blacktriangle}",
    "\u25bc": r"\ensuremath{\blacktriangledown}", "\u2605": r"\ensuremath{\star}",
    "\u2060": "", "\ufeff": "",
}
# Characters that the LaTeX kernel with T1 and TS1 already prints.
LATEX_KNOWN = set(chr(c) for c in range(0xA0, 0x180)) | set(
    "\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021"
    "\u2030\u2039\u203a\u20ac\u2122\u2116\u2032")


def die(*msgs):
    for m in msgs:
        print(m, file=sys.stderr)
    sys.exit(1)


def warn(msg):
    print("weave: warning: " + msg, file=sys.stderr)


# ---------------------------------------------------------------- parsing

class Chapter:
    def __init__(self, path):
        self.path = path
        self.slug = os.path.splitext(os.path.basename(path))[0]
        m = re.match(r"(\d+)", self.slug)
        self.number = int(m.group(1)) if m else None
        self.page = self.slug + ".html"
        self.blocks = []
        self.title = None          # the Markdown of the '# ' line, without '# '


class Docs:
    def __init__(self, chapter, line):
        self.chapter, self.line = chapter, line
        self.items = []            # ('t', text) | ('nl',) | ('q', [items])


class Chunk:
    def __init__(self, chapter, number):
        self.chapter, self.number = chapter, number
        self.name, self.line = None, None
        self.lines = []            # each a list of ('t', text) | ('u', name)
        self.defs = []             # identifiers defined here (autodefs)
        self.iduses = []           # identifiers used here (finduses)
        self.in_header = False

    @property
    def where(self):
        return f"{self.chapter.path}:{self.line}"


def noweb_stage(cmd, data=None):
    p = subprocess.run(cmd, input=data, capture_output=True)
    err = p.stderr.decode(errors="replace").strip()
    if p.returncode != 0 or err:
        die(f"weave: {os.path.basename(cmd[0])} failed (exit {p.returncode}):", err)
    return p.stdout


# Identifier definitions outside C, which autodefs.c gets wrong (it takes
# OUTPUT_ARCH(riscv) in a linker script for a function definition): global
# labels in assembly, symbols assigned in linker scripts, make variables.
OTHER_DEFS = {
    "asm": re.compile(r"^\s*\.glob(?:a)?l\s+([A-Za-z_.$][\w.$]*)"),
    "ld": re.compile(r"^\s*(?:PROVIDE(?:_HIDDEN)?\s*\(\s*)?([A-Za-z_][\w]*)\s*=(?!=)"),
    "make": re.compile(r"^([A-Za-z_][\w]*)\s*(?:::?|\+|\?|!)?="),
}


def fix_defs(records, web):
    """Keep autodefs.c's definitions in C chunks only; add the others."""
    out, lang, line = [], None, ""
    n = 0
    for rec in records:
        if rec.startswith("@begin code"):
            lang = web.lang.get(web.chunks[n].name)
            n += 1
            line = ""
        elif rec.startswith("@end code"):
            lang = None
        elif lang != "c" and rec.startswith(("@index defn ", "@index localdefn ")):
            continue
        elif rec.startswith("@text ") and lang:
            line += rec[6:]
        elif rec == "@nl" and lang:
            m = OTHER_DEFS.get(lang) and OTHER_DEFS[lang].match(line)
            if m:
                out.append("@index defn " + m.group(1))
            line = ""
        out.append(rec)
    return out


def run_front_end(chapters):
    """markup | autodefs.c | (fix_defs) | finduses over all chapters."""
    data = noweb_stage([NOWEB + "/markup"] + list(chapters))
    data = noweb_stage([NOWEB + "/autodefs.c"], data)
    records = data.decode("utf-8", errors="replace").split("\n")
    records = fix_defs(records, Web(*parse(records)))
    data = noweb_stage([NOWEB + "/finduses"], "\n".join(records).encode("utf-8"))
    return data.decode("utf-8", errors="replace").split("\n")


def parse(records):
    chapters, chunks = [], []
    ch = blk = cur = quote = None
    line = 0
    for rec in records:
        if not rec:
            continue
        kw, _, arg = rec.partition(" ")
        if kw == "@file":
            ch = Chapter(arg)
            chapters.append(ch)
            line = 1
        elif kw == "@begin":
            if arg.startswith("docs"):
                blk = Docs(ch, line)
            else:
                blk = Chunk(ch, len(chunks) + 1)
                chunks.append(blk)
            ch.blocks.append(blk)
            cur = []
        elif kw == "@end":
            if isinstance(blk, Chunk) and cur:
                blk.lines.append(cur)
            blk = cur = quote = None
        elif kw == "@defn":
            blk.name, blk.line, blk.in_header = arg, line, True
        elif kw == "@nl":
            line += 1
            if quote is not None:          # [[ ]] never spans lines; be lenient
                quote.append(("t", " "))
            elif isinstance(blk, Chunk):
                if blk.in_header:
                    blk.in_header = False
                else:
                    blk.lines.append(cur)
                    cur = []
            elif blk is not None:
                blk.items.append(("nl",))
        elif kw in ("@text", "@use"):
            item = ("t" if kw == "@text" else "u", arg)
            if quote is not None:
                quote.append(item)
            elif isinstance(blk, Chunk):
                if not blk.in_header:
                    cur.append(item)
            elif blk is not None:
                if item[0] == "u":         # cannot happen outside [[ ]]
                    item = ("q", [item])
                blk.items.append(item)
        elif kw == "@quote":
            quote = []
        elif kw == "@endquote":
            blk.items.append(("q", quote))
            quote = None
        elif kw == "@index" and isinstance(blk, Chunk) and quote is None:
            sub, _, ident = arg.partition(" ")
            if sub in ("defn", "localdefn") and ident not in blk.defs:
                blk.defs.append(ident)
            elif sub == "use" and ident not in blk.iduses:
                blk.iduses.append(ident)
        elif kw == "@fatal":
            die(f"weave: noweb: {arg}")
    return chapters, chunks


# ------------------------------------------------------------ the web

class Web:
    def __init__(self, chapters, chunks):
        self.chapters, self.chunks = chapters, chunks
        self.defs = {}                 # chunk name -> [Chunk]
        self.used_in = {}              # chunk name -> [Chunk] that use it in code
        self.kids = {}                 # chunk name -> [names used in its code]
        for c in chunks:
            self.defs.setdefault(c.name, []).append(c)
            kids = self.kids.setdefault(c.name, [])
            for ln in c.lines:
                for kind, val in ln:
                    if kind == "u":
                        users = self.used_in.setdefault(val, [])
                        if c not in users:
                            users.append(c)
                        if val not in kids:
                            kids.append(val)
        self.roots = [n for n in self.defs if n not in self.used_in]
        self.lang = {}
        for root in self.roots:        # first root (in book order) wins
            lang = LANGS.get(os.path.splitext(root)[1])
            if os.path.basename(root) in ("Makefile", "GNUmakefile"):
                lang = "make"
            todo = [root]
            while todo:
                n = todo.pop(0)
                if n in self.lang:
                    continue
                self.lang[n] = lang
                todo.extend(self.kids.get(n, ()))
        self.id_defs, self.id_uses = {}, {}
        for c in chunks:
            for i in c.defs:
                self.id_defs.setdefault(i, []).append(c)
        for c in chunks:
            for i in c.iduses:
                if i in self.id_defs and i not in c.defs:
                    self.id_uses.setdefault(i, []).append(c)

    def first(self, name):
        d = self.defs.get(name)
        return d[0] if d else None

    @staticmethod
    def is_file_root(name):
        return "/" in name or "." in name.split(" ")[0]


# ------------------------------------------------------------ helpers

def md_code(s):
    if not s:
        return ""
    ticks = max((len(m) for m in re.findall(r"`+", s)), default=0) + 1
    pad = " " if s.startswith("`") or s.endswith("`") else ""
    return "`" * ticks + pad + s + pad + "`" * ticks


def fence(content, ch="`"):
    runs = re.findall(re.escape(ch) + "{3,}", content)
    return ch * max([3] + [len(r) + 1 for r in runs])


def raw_inline(fmt, content):
    ticks = max((len(m) for m in re.findall(r"`+", content)), default=0) + 1
    pad = " " if content.startswith("`") or content.endswith("`") else ""
    return "`" * ticks + pad + content + pad + "`" * ticks + "{=" + fmt + "}"


def raw_block(fmt, content):
    f = fence(content)
    return f"{f}{{={fmt}}}\n{content}\n{f}\n"


LATEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$",
                 "&": r"\&", "#": r"\#", "^": r"\textasciicircum{}", "_": r"\_",
                 "%": r"\%", "~": r"\textasciitilde{}", "<": r"\textless{}",
                 ">": r"\textgreater{}", "|": r"\textbar{}", "-": "-{}"}


def tex(s):
    return "".join(LATEX_SPECIAL.get(c, c) for c in s)


def plural(word, n):
    return word if n == 1 else word + "s"


def heading_text(md):
    """A plain-text version of a heading's Markdown, for <title> and nav."""
    md = re.sub(r"\s*\{[^}]*\}\s*$", "", md)
    md = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", md)
    return re.sub(r"[`*_\\]", "", md).strip()


# ------------------------------------------------------------ rendering

class Renderer:
    """Turns the web into pandoc Markdown for one output format."""

    def __init__(self, web, fmt):
        self.web, self.fmt = web, fmt
        self.page = None                   # HTML: the page being written
        self.placeholders = []             # HTML: the chunk name of each placeholder

    # links ----------------------------------------------------------
    def href(self, chunk):
        if self.fmt == "html" and chunk.chapter.page != self.page:
            return f"{chunk.chapter.page}#chunk-{chunk.number}"
        return f"#chunk-{chunk.number}"

    def num_link(self, chunk):
        if self.fmt == "html":
            return f'<a href="{self.href(chunk)}">{chunk.number}</a>'
        return rf"\hyperlink{{chunk-{chunk.number}}}{{{chunk.number}}}"

    def num_list(self, chunks):
        return ", ".join(self.num_link(c) for c in chunks)

    def name_link(self, name, number=True):
        """⟨name⟩ linked to its first definition, as raw HTML or LaTeX (where
        the chunk number goes inside the brackets, for readers on paper)."""
        c = self.web.first(name)
        if self.fmt == "html":
            inner = f"⟨{html.escape(name)}⟩"
            if c is None:
                return f'<span class="chunkref undefined">{inner}</span>'
            return (f'<a class="chunkref" href="{self.href(c)}" '
                    f'title="chunk {c.number}">{inner}</a>')
        if c is None:
            return rf"\nwundefined{{{tex(name)}}}"
        if not number:
            return rf"\hyperlink{{chunk-{c.number}}}{{\nwname{{{tex(name)}}}}}"
        return rf"\nwref{{chunk-{c.number}}}{{{tex(name)}}}{{{c.number}}}"

    # prose ----------------------------------------------------------
    def quote(self, items):
        """[[...]] in prose: inline code, or ⟨name⟩ links where it uses chunks."""
        if not any(kind == "u" for kind, _ in items):
            return md_code("".join(val for _, val in items).strip())
        out = []
        for kind, val in items:
            if kind == "u":
                out.append(self.name_link(val))
            elif val and self.fmt == "html":
                out.append(f"<code>{html.escape(val)}</code>")
            elif val:
                out.append(rf"\texttt{{{tex(val)}}}")
        return raw_inline(self.fmt, "".join(out))

    def docs(self, blk):
        parts = []
        for item in blk.items:
            if item[0] == "t":
                parts.append(item[1])
            elif item[0] == "nl":
                parts.append("\n")
            else:
                parts.append(self.quote(item[1]))
        return "".join(parts)

    # code -----------------------------------------------------------
    def chunk(self, c):
        w = self.web
        defs = w.defs[c.name]
        first = defs[0]
        later = [d for d in defs if d.number > c.number]
        users = w.used_in.get(c.name, [])
        notes = []
        if c is not first:
            notes.append(("Continues", [first]))
        if later:
            notes.append(("Continued in", later))
        if users:
            notes.append(("Used in", users))
        if self.fmt == "html":
            return self.chunk_html(c, first, notes)
        return self.chunk_latex(c, first, notes)

    def foot_items(self, c, notes):
        """The footer as a list of sentences in the output format."""
        w, fmt = self.web, self.fmt
        out = []
        for label, chunks in notes:
            out.append(f"{label} {plural('chunk', len(chunks))} {self.num_list(chunks)}.")
        if c.name not in w.used_in:
            if w.is_file_root(c.name):
                name = (f"<code>{html.escape(c.name)}</code>" if fmt == "html"
                        else rf"\texttt{{{tex(c.name)}}}")
                out.append(f"Root chunk of the file {name}.")
            else:
                out.append("Root chunk (not used by any other chunk).")
        code = ((lambda s: f"<code>{html.escape(s)}</code>") if fmt == "html"
                else (lambda s: rf"\texttt{{{tex(s)}}}"))
        if c.defs:
            out.append("Defines " + ", ".join(code(i) for i in c.defs) + ".")
        uses = [i for i in c.iduses if i in w.id_defs and i not in c.defs]
        if uses:
            out.append("Uses " + ", ".join(
                f"{code(i)} {self.num_list(w.id_defs[i][:1])}" for i in uses) + ".")
        return out

    def chunk_html(self, c, first, notes):
        lang = PANDOC_LANG[self.web.lang.get(c.name)]
        if c is first:
            name = f'<span class="chunkname">⟨{html.escape(c.name)}⟩</span>'
            sym = "≡"
        else:
            name = self.name_link(c.name)
            sym = "+≡"
        head = (f'<div class="chunk" id="chunk-{c.number}">\n'
                f'<div class="chunk-head"><a class="chunk-num" href="#chunk-{c.number}" '
                f'title="chunk {c.number}">{c.number}</a> {name}<span class="chunk-sym">'
                f'{sym}</span> <span class="chunk-src">{html.escape(c.where)}</span></div>')
        lines = []
        for ln in c.lines:
            text = ""
            for kind, val in ln:
                if kind == "t":
                    text += val
                else:
                    text += HTML_PLACEHOLDER.format(len(self.placeholders))
                    self.placeholders.append(val)
            lines.append(text.expandtabs(8))
        code = "\n".join(lines)
        if "QQNWUSE" in "".join(t for ln in c.lines for k, t in ln if k == "t"):
            die(f"weave: {c.where}: code contains the placeholder text QQNWUSE")
        f = fence(code, "~")
        body = (f'{f} {{.{lang} .numberLines startFrom="{c.line + 1}"}}\n'
                f"{code}\n{f}\n")
        if not c.lines:
            body = raw_block("html", '<div class="chunk-empty">(empty)</div>')
        foot = "\n".join(f"<span>{s}</span>" for s in self.foot_items(c, notes))
        tail = f'<div class="chunk-foot">{foot}</div>\n</div>'
        return raw_block("html", head) + "\n" + body + "\n" + raw_block("html", tail)

    def chunk_latex(self, c, first, notes):
        lang = LISTINGS_LANG[self.web.lang.get(c.name)]
        alltext = "\n".join(t for ln in c.lines for k, t in ln if k == "t")
        for esc_open, esc_close in LST_ESCAPES:
            if esc_open not in alltext and esc_close not in alltext:
                break
        else:
            die(f"weave: {c.where}: code contains every listings escape sequence")

        def escape(latex):
            return esc_open + latex + esc_close

        lines = []
        for ln in c.lines:
            out = ""
            for kind, val in ln:
                if kind == "u":
                    out += escape(self.name_link(val))
                    continue
                val = val.expandtabs(8).replace(
                    "\\end{lstlisting}", "\0end{lstlisting}")
                out += "".join(escape(r"\textbackslash{}") if ch == "\0" else
                               ch if ord(ch) < 128 else escape(unicode_latex(ch))
                               for ch in val)
            lines.append(out)
        sym = r"\nwdefsym" if c is first else r"\nwcontsym"
        name = (rf"\nwname{{{tex(c.name)}}}" if c is first
                else self.name_link(c.name))
        opts = [f"language={{{lang}}}", f"firstnumber={c.line + 1}",
                f"escapeinside={{{esc_open}}}{{{esc_close}}}"]
        foot = r"\nwsep{}".join(self.foot_items(c, notes))
        if lines:
            code = (rf"\begin{{lstlisting}}[{','.join(opts)}]" "\n"
                    + "\n".join(lines) + "\n" r"\end{lstlisting}")
        else:
            code = r"\nwempty"
        src = (rf"\begin{{nwchunk}}{{{c.number}}}{{{name}}}{{{sym}}}"
               rf"{{{tex(c.where)}}}" "\n" + code + "\n"
               rf"\nwfoot{{{foot}}}" "\n" r"\end{nwchunk}")
        return raw_block("latex", src)

    # a chapter ------------------------------------------------------
    def chapter(self, chap):
        self.page = chap.page
        out = []
        for blk in chap.blocks:
            if isinstance(blk, Docs):
                out.append(self.docs(blk))
            else:
                out.append("\n\n" + self.chunk(blk) + "\n")
        return "".join(out)


def unicode_latex(ch):
    if ch in UNICODE_LATEX:
        return UNICODE_LATEX[ch]
    if ch in LATEX_KNOWN:
        return ch
    return rf"\nwunknownchar{{{ord(ch):04X}}}"


def unicode_declarations(text):
    """\\DeclareUnicodeCharacter lines for the characters in text."""
    out = []
    for ch in sorted(set(c for c in text if ord(c) > 127)):
        if ch in LATEX_KNOWN:
            continue
        if ch not in UNICODE_LATEX:
            warn(f"no LaTeX rendering for U+{ord(ch):04X} {ch!r}; "
                 "printed as a placeholder (add it to UNICODE_LATEX in tangle/weave.py)")
        out.append(rf"\DeclareUnicodeCharacter{{{ord(ch):04X}}}{{{unicode_latex(ch)}}}")
    return "\n".join(out) + "\n"


# ------------------------------------------------------------ checks

FIGURE_RE = re.compile(r"!\[[^\]]*\]\((figures/[^)\s]+)")


def check_chapters(web, book_root):
    errors = []
    for chap in web.chapters:
        first = next((b for b in chap.blocks if isinstance(b, Docs)), None)
        text = Renderer(web, "html").docs(first) if first else ""
        line = next((ln for ln in text.split("\n") if ln.strip()), "")
        if not chap.blocks or chap.blocks[0] is not first or not line.startswith("# "):
            errors.append(f"{chap.path}:1: error: a chapter must begin with "
                          "a '# Title' line")
        else:
            chap.title = line[2:].strip()
        for blk in chap.blocks:
            if not isinstance(blk, Docs):
                continue
            lineno = blk.line
            for ln in Renderer(web, "html").docs(blk).split("\n"):
                for m in FIGURE_RE.finditer(ln):
                    fig = m.group(1)
                    if os.path.splitext(fig)[1]:
                        errors.append(f"{chap.path}:{lineno}: error: write the "
                                      f"figure as {os.path.splitext(fig)[0]} "
                                      "(no extension)")
                    elif not os.path.exists(os.path.join(book_root, fig + ".dot")):
                        errors.append(f"{chap.path}:{lineno}: error: figure {fig} "
                                      f"has no {fig}.dot")
                lineno += 1
    for chap in web.chapters:
        for blk in chap.blocks:
            if isinstance(blk, Docs):
                for item in blk.items:
                    for kind, val in (item[1] if item[0] == "q" else ()):
                        if kind == "u" and val not in web.defs:
                            warn(f"{chap.path}: [[<<{val}>>]] refers to a chunk "
                                 "that is never defined")
    for name, users in web.used_in.items():
        if name not in web.defs:
            warn(f"chunk <<{name}>> is used in chunk {users[0].number} "
                 f"({users[0].where}) but never defined")
    if errors:
        die(*errors)


# ------------------------------------------------------------ running pandoc

def run(cmd, cwd=None, what=None):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if p.returncode != 0:
        die(f"weave: {what or cmd[0]} failed (exit {p.returncode}):",
            p.stderr.strip() or p.stdout[-3000:])
    for ln in p.stderr.splitlines():
        print(f"weave: {what or cmd[0]}: {ln}", file=sys.stderr)
    return p


def write(path, text):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    old = None
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = f.read()
    if old != text:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


# ------------------------------------------------------------ HTML

def html_index_lists(web, r):
    """The chunk and identifier indexes, as raw HTML."""
    r.page = "book-index.html"
    out = ['<section id="chunks">', "<h2>Chunks</h2>", '<ul class="index chunk-index">']
    for name in sorted(web.defs, key=lambda n: (n.lower(), n)):
        users = web.used_in.get(name, [])
        used = (f"; used in {r.num_list(users)}" if users
                else ("; root of a file" if web.is_file_root(name) else ""))
        out.append(f"<li>{r.name_link(name)}: defined in "
                   f"{r.num_list(web.defs[name])}{used}.</li>")
    out += ["</ul>", "</section>", '<section id="identifiers">',
            "<h2>Identifiers</h2>", '<ul class="index ident-index">']
    for ident in sorted(web.id_defs, key=lambda i: (i.lower().lstrip("_"), i)):
        uses = web.id_uses.get(ident, [])
        used = f"; used in {r.num_list(uses)}" if uses else ""
        out.append(f"<li><code>{html.escape(ident)}</code>: defined in "
                   f"{r.num_list(web.id_defs[ident])}{used}.</li>")
    out += ["</ul>", "</section>"]
    return "\n".join(out)


def nav_vars(prev, nxt):
    v = []
    if prev:
        v += ["-V", f"prev-href={prev[0]}", "-V", f"prev-title={html.escape(prev[1])}"]
    if nxt:
        v += ["-V", f"next-href={nxt[0]}", "-V", f"next-title={html.escape(nxt[1])}"]
    return v


def build_html(web, out, work, book):
    r = Renderer(web, "html")
    common = ["pandoc", "--from", "markdown", "--to", "html5", "--standalone",
              "--template", os.path.join(book, "page.html"),
              "--metadata-file", os.path.join(book, "metadata.yaml"),
              "--highlight-style", os.path.join(book, "code.theme"),
              "--mathml", "--default-image-extension=svg", "--section-divs"]
    pages = []          # (href, plain title)
    for chap in web.chapters:
        pages.append((chap.page, chapter_label(chap) + " " + heading_text(chap.title)))
    pages.append(("book-index.html", "Index"))
    jobs = []
    for i, chap in enumerate(web.chapters):
        r.placeholders = []
        md = r.chapter(chap)
        src = os.path.join(work, chap.slug + ".md")
        write(src, md)
        prev = pages[i - 1] if i > 0 else ("index.html", "Contents")
        cmd = common + ["--number-sections", f"--number-offset={(chap.number or i + 1) - 1}",
                        "-V", "pagetitle=" + html.escape(
                            (f"Chapter {chap.number}. " if chap.number is not None else "")
                            + heading_text(chap.title))] + \
            nav_vars(prev, pages[i + 1]) + [src]
        jobs.append((chap, cmd, list(r.placeholders), dict(page=chap.page)))
    idx_md = "# Index {.unnumbered}\n\n" + raw_block("html", html_index_lists(web, r))
    write(os.path.join(work, "book-index.md"), idx_md)
    jobs.append((None, common + ["-V", "pagetitle=Index"] +
                 nav_vars(pages[-2] if len(pages) > 1 else ("index.html", "Contents"), None) +
                 [os.path.join(work, "book-index.md")], [], dict(page="book-index.html")))

    def job(args):
        chap, cmd, placeholders, info = args
        text = run(cmd, what=f"pandoc ({info['page']})").stdout
        if placeholders:
            links = Renderer(web, "html")
            links.page = info["page"]

            def sub(m):
                return links.name_link(placeholders[int(m.group(1))])
            text = HTML_PLACEHOLDER_RE.sub(sub, text)
        if "QQNWUSE" in text:
            die(f"weave: {info['page']}: a chunk use was split by the highlighter")
        return info["page"], text

    results = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as ex:
        for page, text in ex.map(job, jobs):
            results[page] = text
    for page, text in results.items():
        write(os.path.join(out, page), text)
    for old in os.listdir(out):            # pages of chapters that are gone
        if re.match(r"\d\d-.*\.html$", old) and old not in results:
            os.remove(os.path.join(out, old))

    # the title page: preface and contents
    toc = ['<nav class="toc" id="contents">', "<h2>Contents</h2>", "<ol>"]
    part_titles = read_parts(book)
    for chap in web.chapters:
        if chap.number in part_titles:
            toc.append(f'<li class="toc-part">{html.escape(part_titles[chap.number])}</li>')
        page = results[chap.page]
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
        title = re.sub(r'<span class="header-section-number">[^<]*</span>\s*', "",
                       h1.group(1)) if h1 else html.escape(chap.title)
        toc.append(f'<li><a href="{chap.page}"><span class="toc-num">'
                   f'{chapter_label(chap)}</span> {title}</a>')
        subs = re.findall(r'<h2[^>]*>(.*?)</h2>', page, re.S)
        ids = re.findall(r'<section id="([^"]*)" class="level2', page)
        if subs and len(ids) == len(subs):
            toc.append("<ol>")
            for sid, sub in zip(ids, subs):
                toc.append(f'<li><a href="{chap.page}#{sid}">{sub}</a></li>')
            toc.append("</ol>")
        toc.append("</li>")
    toc += ['<li class="toc-index"><a href="book-index.html">Index of chunks and '
            "identifiers</a></li>", "</ol>", "</nav>"]
    preface = os.path.join(book, "preface.md")
    front = read(preface) if os.path.exists(preface) else ""
    write(os.path.join(work, "index.md"), raw_block("html", "\n".join(toc)) + "\n\n" + front)
    cmd = common + ["--shift-heading-level-by=1", "-V", "titlepage=true",
                    "-V", "pagetitle=Contents"] + \
        nav_vars(None, pages[0] if web.chapters else None) + [os.path.join(work, "index.md")]
    write(os.path.join(out, "index.html"), run(cmd, what="pandoc (index.html)").stdout)
    shutil.copyfile(os.path.join(book, "book.css"), os.path.join(out, "book.css"))


def read_parts(book):
    """book/parts.txt: first chapter number -> part title."""
    parts = {}
    path = os.path.join(book, "parts.txt")
    if os.path.exists(path):
        for line in read(path).splitlines():
            if line.strip() and not line.startswith("#"):
                num, _, title = line.partition("\t")
                parts[int(num)] = title.strip()
    return parts


def chapter_label(chap):
    return f"{chap.number}." if chap.number is not None else ""


# ------------------------------------------------------------ PDF

def latex_index(web, r):
    out = [r"\chapter*{Index}\addcontentsline{toc}{chapter}{Index}",
           r"\markboth{Index}{Index}", r"\section*{Chunks}",
           r"\begin{nwindex}"]
    for name in sorted(web.defs, key=lambda n: (n.lower(), n)):
        users = web.used_in.get(name, [])
        used = (rf"; used in {r.num_list(users)}" if users
                else ("; root of a file" if web.is_file_root(name) else ""))
        out.append(rf"\nwindexentry{{{r.name_link(name, number=False)}}}"
                   rf"{{defined in {r.num_list(web.defs[name])}{used}}}")
    out += [r"\end{nwindex}", r"\section*{Identifiers}",
            r"\begin{multicols}{2}\begin{nwindex}"]
    for ident in sorted(web.id_defs, key=lambda i: (i.lower().lstrip("_"), i)):
        uses = web.id_uses.get(ident, [])
        used = f"; used in {r.num_list(uses)}" if uses else ""
        out.append(rf"\nwindexentry{{\texttt{{{tex(ident)}}}}}"
                   rf"{{defined in {r.num_list(web.id_defs[ident])}{used}}}")
    out += [r"\end{nwindex}\end{multicols}"]
    return "\n".join(out)


def build_pdf(web, out, work, book):
    r = Renderer(web, "latex")
    parts = []
    preface = os.path.join(book, "preface.md")
    if os.path.exists(preface):
        parts.append(raw_block("latex", r"\setcounter{secnumdepth}{-1}"))
        parts.append(read(preface))
    parts.append(raw_block("latex", r"\mainmatter" "\n" r"\setcounter{secnumdepth}{2}"))
    part_titles = read_parts(book)
    for i, chap in enumerate(web.chapters):
        n = chap.number if chap.number is not None else i + 1
        if n in part_titles:
            parts.append(raw_block("latex", "\\part{" + tex(part_titles[n].split(': ', 1)[-1]) + "}"))
        parts.append(raw_block("latex", rf"\setcounter{{chapter}}{{{n - 1}}}"))
        parts.append(r.chapter(chap))
    parts.append(raw_block("latex", r"\backmatter" "\n" + latex_index(web, r)))
    md = "\n\n".join(parts)
    src = os.path.join(work, "hypha.md")
    write(src, md)
    write(os.path.join(work, "unicode.tex"), unicode_declarations(md))
    figs = os.path.relpath(out, work).replace(os.sep, "/") + "/"
    texfile = os.path.join(work, "hypha.tex")
    run(["pandoc", "--from", "markdown", "--to", "latex", "--standalone",
         "--template", os.path.join(book, "book.latex"),
         "--metadata-file", os.path.join(book, "metadata.yaml"),
         "--top-level-division=chapter", "--number-sections",
         "--highlight-style", os.path.join(book, "code.theme"),
         "--default-image-extension=pdf",
         "-V", f"graphics-path={figs}",
         "--include-in-header", os.path.join(work, "unicode.tex"),
         "-o", texfile, src], what="pandoc (hypha.tex)")
    # pdflatex: two passes for the contents and links, a third if asked for
    cmd = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error",
           "-file-line-error", "hypha.tex"]
    for n in range(3):
        p = subprocess.run(cmd, cwd=work, capture_output=True, text=True,
                           errors="replace")
        log = os.path.join(work, "hypha.log")
        logtext = open(log, encoding="latin-1").read() if os.path.exists(log) else p.stdout
        if p.returncode != 0:
            errs = [ln for ln in logtext.splitlines() if ln.startswith("!")
                    or re.match(r"^[^ ]*\.tex:\d+:", ln)]
            m = next((re.match(r"^\./hypha\.tex:(\d+):", ln) for ln in errs
                      if re.match(r"^\./hypha\.tex:(\d+):", ln)), None)
            if m:
                texlines = read(texfile).split("\n")
                k = int(m.group(1))
                errs.append(f"{texfile}:{k}: {texlines[k - 1][:200]}"
                            if k <= len(texlines) else "")
            die(f"weave: pdflatex failed (exit {p.returncode}); see {log}", *errs[:20])
        if n >= 1 and not re.search(r"Rerun to get|Label\(s\) may have changed", logtext):
            break
    shutil.copyfile(os.path.join(work, "hypha.pdf"), os.path.join(out, "hypha.pdf"))


# ------------------------------------------------------------ main

def figure(fmt, src, dst):
    """dot -Tsvg or -Tpdf, with the PDF's creation date fixed (cairo ignores
    SOURCE_DATE_EPOCH) so that the book is reproducible."""
    cmd = ["dot", "-T" + fmt]
    if fmt == "svg":
        cmd.append("-Gbgcolor=transparent")
    data = subprocess.run(cmd + [src], capture_output=True)
    if data.returncode != 0:
        die(f"weave: dot failed on {src}:", data.stderr.decode(errors="replace"))
    out = data.stdout
    if fmt == "pdf":
        out = re.sub(rb"/(CreationDate|ModDate) \(D:[0-9]{14}Z?[^)]*\)",
                     lambda m: b"/" + m.group(1) + b" (D:" + b"19700101000000Z"
                     + b" " * (len(m.group(0)) - len(m.group(1)) - 21) + b")", out)
    os.makedirs(os.path.dirname(dst) or ".", exist_ok=True)
    with open(dst + ".tmp", "wb") as f:
        f.write(out)
    os.replace(dst + ".tmp", dst)


def main(argv):
    if len(argv) == 4 and argv[0] == "figure" and argv[1] in ("svg", "pdf"):
        return figure(*argv[1:])
    if not argv or argv[0] not in ("html", "pdf"):
        die(__doc__.strip())
    what, out, work, book, chapters = argv[0], None, None, "book", []
    it = iter(argv[1:])
    for a in it:
        if a == "--out":
            out = next(it)
        elif a == "--work":
            work = next(it)
        elif a == "--book":
            book = next(it)
        else:
            chapters.append(a)
    if not chapters or not out:
        die(__doc__.strip())
    work = work or os.path.join(out + "-work")
    work = os.path.join(work, what)
    os.makedirs(out, exist_ok=True)
    os.makedirs(work, exist_ok=True)
    web = Web(*parse(run_front_end(chapters)))
    missing = set(chapters) - set(c.path for c in web.chapters)
    if missing:
        die(f"weave: noweb did not read {', '.join(sorted(missing))}")
    check_chapters(web, ".")
    if what == "html":
        build_html(web, out, work, book)
    else:
        build_pdf(web, out, work, book)


if __name__ == "__main__":
    main(sys.argv[1:])
