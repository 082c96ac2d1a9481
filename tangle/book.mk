# The Hypha book: HTML pages and a PDF woven from the chapters.
#
#   make -f tangle/book.mk book        (or `make book` from the top Makefile)
#
# book-html makes $(BUILD)/book/index.html, one page per chapter and
# book-index.html; book-pdf makes $(BUILD)/book/hypha.pdf.  The figures are
# made from figures/*.dot into $(BUILD)/book/figures (SVG for the pages, PDF
# for the book).  Intermediate files go to $(BUILD)/book-work.  Needs noweb,
# pandoc, graphviz and pdflatex (texlive-latex-recommended,
# texlive-fonts-recommended, lmodern).  Private variables start with BOOK_.

BUILD ?= build

BOOK_OUT      := $(BUILD)/book
BOOK_WORK     := $(BUILD)/book-work
BOOK_CHAPTERS := $(sort $(wildcard chapters/[0-9][0-9]-*.nw))
BOOK_DOTS     := $(sort $(wildcard figures/*.dot))
BOOK_SVGS     := $(patsubst figures/%.dot,$(BOOK_OUT)/figures/%.svg,$(BOOK_DOTS))
BOOK_FIGPDFS  := $(patsubst figures/%.dot,$(BOOK_OUT)/figures/%.pdf,$(BOOK_DOTS))
BOOK_INPUTS   := $(BOOK_CHAPTERS) $(wildcard book/*) tangle/weave.py tangle/book.mk
BOOK_WEAVE    := python3 tangle/weave.py
# Dates inside the PDF files come from the last commit, so that a build is
# reproducible.
BOOK_EPOCH     = $(or $(shell git log -1 --format=%ct 2>/dev/null),0)
BOOK_ENV       = SOURCE_DATE_EPOCH=$(BOOK_EPOCH) FORCE_SOURCE_DATE=1

.PHONY: book book-html book-pdf

book: book-html book-pdf

book-html: $(BOOK_OUT)/index.html

book-pdf: $(BOOK_OUT)/hypha.pdf

$(BOOK_OUT)/index.html: $(BOOK_INPUTS) $(BOOK_SVGS)
	$(BOOK_WEAVE) html --out $(BOOK_OUT) --work $(BOOK_WORK) $(BOOK_CHAPTERS)

$(BOOK_OUT)/hypha.pdf: $(BOOK_INPUTS) $(BOOK_FIGPDFS)
	$(BOOK_ENV) $(BOOK_WEAVE) pdf --out $(BOOK_OUT) --work $(BOOK_WORK) $(BOOK_CHAPTERS)

$(BOOK_OUT)/figures/%.svg: figures/%.dot tangle/weave.py
	$(BOOK_WEAVE) figure svg $< $@

$(BOOK_OUT)/figures/%.pdf: figures/%.dot tangle/weave.py
	$(BOOK_WEAVE) figure pdf $< $@
