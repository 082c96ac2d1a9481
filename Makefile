# Hypha's top-level Makefile: the driver around the literate sources.
#
# The kernel's own build rules are written in the chapters (src/kernel.mk,
# tangled from chapters/01-boot.nw and extended by later chapters).  This file
# installs what is missing, tangles chapters 1..CH into build/, and hands over.
#
#   make               build build/kernel.elf from every chapter
#   make qemu          boot it (SMP=N harts, MEM=size, ARGS="kernel command line")
#   make test          drift and layer checks, then every prefix of chapters: build, host
#                      tests (plain and ASan+UBSan), boot tests
#   make book          build/book/index.html and build/book/hypha.pdf
#   make bench         the executor's benchmarks, each beside a baseline (Part II)
#   make bench-wasm    the WebAssembly engine against native code (Part III)
#   make spec WAST='a.wast b.wast'   run the engine on any spec test files
#   make fuzz SECONDS_TO_FUZZ=600    fuzz the engine (default 60 s)
#   make CH=N target   the same for chapters 1..N only
#   make help          this text

SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
.DEFAULT_GOAL := kernel
MAKEFLAGS += --no-print-directory

CHAPTERS := $(sort $(wildcard chapters/[0-9][0-9]-*.nw))
CHAPTER_NUMBERS := $(foreach f,$(CHAPTERS),$(patsubst 0%,%,$(firstword $(subst -, ,$(notdir $(f))))))
LAST := $(lastword $(CHAPTER_NUMBERS))

CH ?= $(LAST)
SMP ?= 1
MEM ?= 128M
ARGS ?=
GDBPORT ?= 1234
CHECKS_WHICH ?= all
WAST ?=
SECONDS_TO_FUZZ ?= 60

# ---- check the arguments before doing anything -------------------------
ifeq ($(filter $(CH),$(CHAPTER_NUMBERS)),)
$(error CH=$(CH) is not a chapter number: use one of $(CHAPTER_NUMBERS))
endif
ifeq ($(shell [[ "$(SMP)" =~ ^[1-8]$$ ]] && echo ok),)
$(error SMP=$(SMP) is not a hart count: use a number from 1 to 8)
endif
ifeq ($(shell [[ "$(MEM)" =~ ^[0-9]+[MG]$$ ]] && echo ok),)
$(error MEM=$(MEM) is not a memory size: use a number followed by M or G, e.g. 512M or 1G)
endif

# chapters 1..CH, and where their build goes (the whole book builds in build/)
PREFIX := $(foreach f,$(CHAPTERS),$(if $(shell [ $(patsubst 0%,%,$(firstword $(subst -, ,$(notdir $(f))))) -le $(CH) ] && echo y),$(f)))
B := $(if $(filter $(CH),$(LAST)),build,build/ch$(CH))
T := $(B)/tangle
KMAKE = $(MAKE) -f $(T)/src/kernel.mk T=$(T) B=$(B)

QEMU := qemu-system-riscv64 -machine virt -bios default -nographic \
	-smp $(SMP) -m $(MEM) -kernel $(B)/kernel.elf $(if $(ARGS),-append "$(ARGS)")

# ---- packages -----------------------------------------------------------
# Everything the build, the tests and the book need, from Debian 12.
DEPS := make python3 noweb pandoc qemu-system-misc opensbi \
	gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf gcc libc6-dev \
	libcriterion-dev graphviz gdb-multiarch spin wabt clang lld libclang-rt-14-dev \
	texlive-latex-base texlive-latex-recommended texlive-fonts-recommended lmodern

deps:
	@missing=$$(for p in $(DEPS); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
	  done | xargs); \
	if [ -n "$$missing" ]; then \
	  cmd="apt-get install -y --no-install-recommends $$missing"; \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "deps: installing $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$cmd >/dev/null; \
	  else \
	    echo "deps: missing Debian packages. Install them with:"; \
	    echo "    sudo apt-get update && sudo $$cmd"; exit 1; \
	  fi; \
	fi

# ---- tangling -----------------------------------------------------------
# make tangle rewrites the committed src/ and tests/ from all chapters.
tangle: deps
	python3 tangle/tangle.py --out . $(CHAPTERS)

check-drift: deps
	python3 tangle/tangle.py --check-drift $(CHAPTERS)
	@echo "check-drift: src/ and tests/ match the chapters"

# make check-layers fails if two modules of src/ need each other (an include cycle).
check-layers: deps
	python3 tangle/check-layers.py src

# the build tangle of chapters 1..CH, with #line directives into the chapters
$(T)/.stamp: $(PREFIX) tangle/tangle.py | deps
	python3 tangle/tangle.py --lines --out $(T) $(PREFIX)
	touch $@

# ---- the kernel ------------------------------------------------------------
kernel: deps $(T)/.stamp
	$(KMAKE) kernel

qemu: kernel
	$(QEMU)

qemu-gdb: kernel
	@echo "QEMU waits for gdb on port $(GDBPORT): run 'make CH=$(CH) gdb' in another terminal"
	$(QEMU) -S -gdb tcp::$(GDBPORT)

gdb: deps
	gdb-multiarch -q $(B)/kernel.elf -ex 'set architecture riscv:rv64' \
	    -ex 'target remote localhost:$(GDBPORT)'

# ---- tests -------------------------------------------------------------
# One prefix: host tests, sanitizers, boot tests (tangle/test-prefix.sh).
test-prefix: deps $(T)/.stamp
	bash tangle/test-prefix.sh $(CH) $(B) $(T) $(CHECKS_WHICH)

# Everything: the drift and layer checks, then chapters 1..k for every k up to CH.
test: deps
	bash tangle/test-all.sh $(CH) $(CHAPTER_NUMBERS)

# ---- targets that later chapters provide ---------------------------------
# bench, bench-wasm, spec and fuzz are rules of src/kernel.mk written by the
# chapters that need them; for an earlier prefix, say which chapters to add.
bench bench-wasm spec fuzz: deps $(T)/.stamp
	@$(KMAKE) -n $@ >/dev/null 2>&1 || { echo "make $@: chapters 1..$(CH) do not provide it yet;" \
	    "it comes with a later chapter (try without CH=)"; exit 2; }
	$(KMAKE) $@ WAST='$(WAST)' SECONDS_TO_FUZZ=$(SECONDS_TO_FUZZ)

print-build-dir:
	@echo $(B)

# ---- the book ------------------------------------------------------------
include tangle/book.mk
book book-html book-pdf: deps

clean:
	rm -rf build

help:
	@sed -n '3,18p' Makefile | sed 's/^# \{0,1\}//'

.PHONY: bench bench-wasm spec fuzz
.PHONY: deps tangle check-drift check-layers kernel qemu qemu-gdb gdb test test-prefix print-build-dir clean help
