/* Generated from chapters/13-wasm-binary.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_WASM_LEB_H
#define HYPHA_WASM_LEB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What went wrong, and where: offsets count from the module's first byte. */
struct wasm_error {
    uint32_t offset;
    char message[200];          /* "code section, offset 0x1f3: unexpected end" */
};

/* A name from the module: UTF-8 checked, pointing into the module's bytes. */
struct wasm_name {
    const uint8_t *bytes;
    uint32_t len;
};

struct wasm_reader {
    const uint8_t *bytes;       /* the whole module: offsets count from here */
    uint32_t pos;               /* the next byte to read */
    uint32_t end;               /* the first byte that may not be read */
    uint32_t size;              /* the module's size */
    const char *where;          /* how messages begin: "type section" */
    const char *span;           /* what ends at end: "section", "function body", or NULL */
    struct wasm_error *err;     /* where a failure is reported, or NULL */
};

/* Fill in *r->err ("<where>, offset 0x<offset>: <message>") and return -1. */
int wasm_fail(struct wasm_reader *r, uint32_t offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int wasm_read_byte(struct wasm_reader *r, uint8_t *out);
int wasm_read_u32(struct wasm_reader *r, uint32_t *out);
int wasm_read_s32(struct wasm_reader *r, int32_t *out);
int wasm_read_s33(struct wasm_reader *r, int64_t *out);
int wasm_read_s64(struct wasm_reader *r, int64_t *out);
int wasm_read_bytes(struct wasm_reader *r, uint32_t n, const uint8_t **out);
int wasm_read_name(struct wasm_reader *r, struct wasm_name *out);
/* true if s[0..n) is well-formed UTF-8; else *bad is the first bad byte */
bool wasm_utf8_valid(const uint8_t *s, uint32_t n, uint32_t *bad);

#endif
