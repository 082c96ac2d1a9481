/* Generated from chapters/02-devicetree.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_CH02_BLOB_H
#define HYPHA_CH02_BLOB_H

#include <stddef.h>
#include <stdint.h>

#include "fdt.h"

struct blob {
    uint8_t *data;
    size_t size;
};

struct blob blob_load(const char *name);
struct blob blob_copy(struct blob b, size_t size);
void blob_free(struct blob b);
uint32_t blob_get32(struct blob b, uint32_t at);
void blob_put32(struct blob b, uint32_t at, uint32_t value);
uint32_t blob_header(struct blob b, enum fdt_header_word w);
void blob_set_header(struct blob b, enum fdt_header_word w, uint32_t value);
struct blob blob_splice(struct blob b, uint32_t at, uint32_t remove, const void *insert,
                        uint32_t n);
uint32_t blob_node(struct blob b, const char *path);
uint32_t blob_node_end(struct blob b, const char *path);
uint32_t blob_prop(struct blob b, const char *path, const char *prop);
uint32_t blob_string(struct blob b, const char *name);
struct fdt_item blob_item(struct blob b, uint32_t offset);
int blob_walk(struct blob b, struct fdt_error *err);
struct tokens {
    uint8_t buf[4096];
    uint32_t n;
    struct blob names;          /* the blob whose strings block names properties */
};
void tok_word(struct tokens *t, uint32_t v);
void tok_begin(struct tokens *t, const char *name);
void tok_end(struct tokens *t);
void tok_cells(struct tokens *t, const char *prop, const uint32_t *cells, uint32_t count);
void tok_string(struct tokens *t, const char *prop, const char *value);
extern const char *const fixtures[];
extern const size_t fixture_count;
int contains(const char *haystack, const char *needle);

#endif
