/* Generated from chapters/02-devicetree.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_FDT_H
#define HYPHA_FDT_H

#include <stddef.h>
#include <stdint.h>

struct fdt_error {
    const char *message;
    uint32_t offset;        /* bytes from the start of the blob */
};

int fdt_fail(struct fdt_error *err, const char *message, uint32_t offset);

enum fdt_header_word {
    FDT_H_MAGIC, FDT_H_TOTALSIZE, FDT_H_OFF_DT_STRUCT, FDT_H_OFF_DT_STRINGS,
    FDT_H_OFF_MEM_RSVMAP, FDT_H_VERSION, FDT_H_LAST_COMP_VERSION,
    FDT_H_BOOT_CPUID_PHYS, FDT_H_SIZE_DT_STRINGS, FDT_H_SIZE_DT_STRUCT,
    FDT_H_WORDS
};
#define FDT_HEADER_SIZE (4 * FDT_H_WORDS)
#define FDT_MAGIC 0xd00dfeedu
#define FDT_VERSION 17              /* the version we understand */
#define FDT_RESERVE_ENTRY_SIZE 16
#define FDT_MAX_DEPTH 16

enum fdt_token {
    FDT_BEGIN_NODE = 1, FDT_END_NODE = 2, FDT_PROP = 3, FDT_NOP = 4, FDT_END = 9
};
static inline uint32_t fdt_read32(const void *p)
{
    const uint8_t *b = p;
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static inline uint64_t fdt_read64(const void *p)
{
    const uint8_t *b = p;
    return (uint64_t)fdt_read32(b) << 32 | fdt_read32(b + 4);
}

static inline uint32_t fdt_header_word(const void *blob, enum fdt_header_word w)
{
    return fdt_read32((const uint8_t *)blob + 4 * w);
}
struct fdt {
    const uint8_t *blob;
    uint32_t totalsize;
    uint32_t struct_off, struct_size;
    uint32_t strings_off, strings_size;
    uint32_t rsv_off;
    int rsv_count;
    uint32_t boot_cpuid;
};

int fdt_open(struct fdt *fdt, const void *blob, size_t size, struct fdt_error *err);
void fdt_reservation(const struct fdt *fdt, int i, uint64_t *address, uint64_t *size);
struct fdt_item {
    enum fdt_token token;       /* FDT_BEGIN_NODE, FDT_PROP or FDT_END_NODE */
    uint32_t offset;            /* of the token, from the start of the blob */
    int depth;                  /* of the node; the root is at depth 1 */
    const char *name;           /* node name ("" for the root) or property name */
    const uint8_t *value;       /* property value, len bytes */
    uint32_t len;
    uint32_t address_cells;     /* how the node's reg is encoded */
    uint32_t size_cells;
};

struct fdt_walker {
    const struct fdt *fdt;
    uint32_t pos;               /* offset of the next token */
    int depth;
    int root_closed;
    struct {
        uint32_t address_cells, size_cells;     /* for this node's children */
        int has_children;
    } level[FDT_MAX_DEPTH + 1];
};

void fdt_walk_start(struct fdt_walker *w, const struct fdt *fdt);
int fdt_next(struct fdt_walker *w, struct fdt_item *item, struct fdt_error *err);
int fdt_prop_uint(const struct fdt_item *p, uint64_t *value, struct fdt_error *err);
const char *fdt_prop_string(const struct fdt_item *p);
int fdt_prop_has_string(const struct fdt_item *p, const char *s);
int fdt_reg_count(const struct fdt_item *p, struct fdt_error *err);
void fdt_reg(const struct fdt_item *p, int i, uint64_t *address, uint64_t *size);
int fdt_streq(const char *a, const char *b);
int fdt_node_is(const char *node_name, const char *base);

#endif
