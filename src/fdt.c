/* Generated from chapters/02-devicetree.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "fdt.h"

_Static_assert(FDT_HEADER_SIZE == 40, "a version 17 header is ten words (spec 5.2)");

int fdt_fail(struct fdt_error *err, const char *message, uint32_t offset)
{
    if (err != NULL) {
        err->message = message;
        err->offset = offset;
    }
    return -1;
}
static int check_block(uint32_t off, uint32_t size, uint32_t totalsize,
                       enum fdt_header_word off_field, enum fdt_header_word size_field,
                       const char *outside, const char *past_end, struct fdt_error *err)
{
    if (off < FDT_HEADER_SIZE || off > totalsize)
        return fdt_fail(err, outside, 4 * off_field);
    if ((uint64_t)off + size > totalsize)
        return fdt_fail(err, past_end, 4 * size_field);
    return 0;
}
static int check_reservations(struct fdt *fdt, struct fdt_error *err)
{
    if (fdt->rsv_off % 8 != 0)
        return fdt_fail(err, "memory reservation block is not 8-byte aligned",
                        4 * FDT_H_OFF_MEM_RSVMAP);
    if (fdt->rsv_off < FDT_HEADER_SIZE || fdt->rsv_off > fdt->totalsize)
        return fdt_fail(err, "memory reservation block starts outside the blob",
                        4 * FDT_H_OFF_MEM_RSVMAP);
    for (uint32_t at = fdt->rsv_off;; at += FDT_RESERVE_ENTRY_SIZE) {
        if (fdt->totalsize - at < FDT_RESERVE_ENTRY_SIZE)
            return fdt_fail(err, "memory reservation block has no terminating entry", at);
        if (fdt_read64(fdt->blob + at) == 0 && fdt_read64(fdt->blob + at + 8) == 0)
            return 0;
        fdt->rsv_count++;
    }
}

void fdt_reservation(const struct fdt *fdt, int i, uint64_t *address, uint64_t *size)
{
    const uint8_t *e = fdt->blob + fdt->rsv_off + (uint32_t)i * FDT_RESERVE_ENTRY_SIZE;
    *address = fdt_read64(e);
    *size = fdt_read64(e + 8);
}
int fdt_open(struct fdt *fdt, const void *blob, size_t size, struct fdt_error *err)
{
    const uint8_t *b = blob;
    if (size < FDT_HEADER_SIZE)
        return fdt_fail(err, "buffer is smaller than the 40-byte header", (uint32_t)size);
    if (fdt_header_word(b, FDT_H_MAGIC) != FDT_MAGIC)
        return fdt_fail(err, "bad magic: not a flattened device tree", 0);
    if (fdt_header_word(b, FDT_H_VERSION) < FDT_VERSION)
        return fdt_fail(err, "version is older than 17", 4 * FDT_H_VERSION);
    if (fdt_header_word(b, FDT_H_LAST_COMP_VERSION) > FDT_VERSION)
        return fdt_fail(err, "last_comp_version says version 17 readers cannot read it",
                        4 * FDT_H_LAST_COMP_VERSION);
    uint32_t total = fdt_header_word(b, FDT_H_TOTALSIZE);
    if (total > size)
        return fdt_fail(err, "totalsize is larger than the buffer", 4 * FDT_H_TOTALSIZE);
    if (total < FDT_HEADER_SIZE)
        return fdt_fail(err, "totalsize is smaller than the header", 4 * FDT_H_TOTALSIZE);
    *fdt = (struct fdt){
        .blob = b,
        .totalsize = total,
        .struct_off = fdt_header_word(b, FDT_H_OFF_DT_STRUCT),
        .struct_size = fdt_header_word(b, FDT_H_SIZE_DT_STRUCT),
        .strings_off = fdt_header_word(b, FDT_H_OFF_DT_STRINGS),
        .strings_size = fdt_header_word(b, FDT_H_SIZE_DT_STRINGS),
        .rsv_off = fdt_header_word(b, FDT_H_OFF_MEM_RSVMAP),
        .boot_cpuid = fdt_header_word(b, FDT_H_BOOT_CPUID_PHYS),
    };
    if (fdt->struct_off % 4 != 0)
        return fdt_fail(err, "structure block is not 4-byte aligned", 4 * FDT_H_OFF_DT_STRUCT);
    if (fdt->struct_size % 4 != 0)
        return fdt_fail(err, "structure block size is not a multiple of 4",
                        4 * FDT_H_SIZE_DT_STRUCT);
    if (check_block(fdt->struct_off, fdt->struct_size, total, FDT_H_OFF_DT_STRUCT,
                    FDT_H_SIZE_DT_STRUCT, "structure block starts outside the blob",
                    "structure block runs past totalsize", err) < 0 ||
        check_block(fdt->strings_off, fdt->strings_size, total, FDT_H_OFF_DT_STRINGS,
                    FDT_H_SIZE_DT_STRINGS, "strings block starts outside the blob",
                    "strings block runs past totalsize", err) < 0)
        return -1;
    return check_reservations(fdt, err);
    return 0;
}
static const char *property_name(const struct fdt *fdt, uint32_t nameoff,
                                 uint32_t field_at, struct fdt_error *err)
{
    if (nameoff >= fdt->strings_size) {
        fdt_fail(err, "property name offset is outside the strings block", field_at);
        return NULL;
    }
    const char *s = (const char *)fdt->blob + fdt->strings_off + nameoff;
    for (uint32_t i = 0; i < fdt->strings_size - nameoff; i++)
        if (s[i] == '\0')
            return s;
    fdt_fail(err, "property name is not terminated in the strings block",
             fdt->strings_off + nameoff);
    return NULL;
}
void fdt_walk_start(struct fdt_walker *w, const struct fdt *fdt)
{
    *w = (struct fdt_walker){.fdt = fdt, .pos = fdt->struct_off};
    w->level[0].address_cells = 2;
    w->level[0].size_cells = 1;
}
static int begin_node(struct fdt_walker *w, struct fdt_item *item, uint32_t end,
                      struct fdt_error *err)
{
    if (w->root_closed)
        return fdt_fail(err, "a second root node follows the first", item->offset);
    if (w->depth == FDT_MAX_DEPTH)
        return fdt_fail(err, "nodes are nested more than 16 deep", item->offset);
    const char *name = (const char *)w->fdt->blob + w->pos;
    uint32_t n = 0;
    while (n < end - w->pos && name[n] != '\0')
        n++;
    if (n == end - w->pos)
        return fdt_fail(err, "node name is not terminated in the structure block", w->pos);
    w->pos += (n + 1 + 3) & ~3u;
    w->level[w->depth].has_children = 1;
    w->depth++;
    w->level[w->depth].address_cells = 2;
    w->level[w->depth].size_cells = 1;
    w->level[w->depth].has_children = 0;
    item->depth = w->depth;
    item->name = name;
    return 1;
}
static int end_node(struct fdt_walker *w, struct fdt_item *item, struct fdt_error *err)
{
    if (w->depth == 0)
        return fdt_fail(err, "FDT_END_NODE without a matching FDT_BEGIN_NODE", item->offset);
    item->depth = w->depth;
    w->depth--;
    if (w->depth == 0)
        w->root_closed = 1;
    return 1;
}
static int property(struct fdt_walker *w, struct fdt_item *item, uint32_t end,
                    struct fdt_error *err)
{
    const struct fdt *fdt = w->fdt;
    if (w->depth == 0)
        return fdt_fail(err, "property outside any node", item->offset);
    if (w->level[w->depth].has_children)
        return fdt_fail(err, "property after a child node", item->offset);
    if (end - w->pos < 8)
        return fdt_fail(err, "property header runs past the structure block", item->offset);
    uint32_t len = fdt_read32(fdt->blob + w->pos);
    uint32_t nameoff = fdt_read32(fdt->blob + w->pos + 4);
    w->pos += 8;
    if (len > end - w->pos)
        return fdt_fail(err, "property value runs past the structure block", item->offset);
    item->name = property_name(fdt, nameoff, item->offset + 8, err);
    if (item->name == NULL)
        return -1;
    item->value = fdt->blob + w->pos;
    item->len = len;
    w->pos += len;
    w->pos += (4 - w->pos % 4) % 4;
    int is_address = fdt_streq(item->name, "#address-cells");
    if (is_address || fdt_streq(item->name, "#size-cells")) {
        if (len != 4)
            return fdt_fail(err, "#address-cells or #size-cells is not one cell", item->offset);
        if (is_address)
            w->level[w->depth].address_cells = fdt_read32(item->value);
        else
            w->level[w->depth].size_cells = fdt_read32(item->value);
    }
    item->depth = w->depth;
    item->address_cells = w->level[w->depth - 1].address_cells;
    item->size_cells = w->level[w->depth - 1].size_cells;
    return 1;
}
static int read_token(struct fdt_walker *w, struct fdt_item *item, uint32_t end,
                      struct fdt_error *err)
{
    switch (item->token) {
    case FDT_NOP:
        return 2;
    case FDT_BEGIN_NODE:
        return begin_node(w, item, end, err);
    case FDT_END_NODE:
        return end_node(w, item, err);
    case FDT_PROP:
        return property(w, item, end, err);
    case FDT_END:
        if (w->depth > 0)
            return fdt_fail(err, "FDT_END inside a node that was never closed", item->offset);
        if (!w->root_closed)
            return fdt_fail(err, "structure block has no root node", item->offset);
        if (w->pos != end)
            return fdt_fail(err, "FDT_END is not the last token of the structure block",
                            item->offset);
        return 0;
    default:
        return fdt_fail(err, "unknown token in the structure block", item->offset);
    }
}
int fdt_next(struct fdt_walker *w, struct fdt_item *item, struct fdt_error *err)
{
    const struct fdt *fdt = w->fdt;
    uint32_t end = fdt->struct_off + fdt->struct_size;
    for (;;) {
        if (w->pos > end || end - w->pos < 4)
            return fdt_fail(err, "structure block ends without FDT_END", w->pos);
        *item = (struct fdt_item){.offset = w->pos, .token = fdt_read32(fdt->blob + w->pos)};
        w->pos += 4;
        int r = read_token(w, item, end, err);
        if (r != 2)                 /* 2: a token that makes no item */
            return r;
    }
}
int fdt_prop_uint(const struct fdt_item *p, uint64_t *value, struct fdt_error *err)
{
    if (p->len == 4)
        *value = fdt_read32(p->value);
    else if (p->len == 8)
        *value = fdt_read64(p->value);
    else
        return fdt_fail(err, "number property is not one or two cells", p->offset);
    return 0;
}

const char *fdt_prop_string(const struct fdt_item *p)
{
    if (p->len == 0 || p->value[p->len - 1] != '\0')
        return NULL;
    for (uint32_t i = 0; i + 1 < p->len; i++)
        if (p->value[i] == '\0')
            return NULL;
    return (const char *)p->value;
}
int fdt_prop_has_string(const struct fdt_item *p, const char *s)
{
    uint32_t i = 0;
    while (i < p->len) {
        uint32_t j = 0;
        while (i + j < p->len && s[j] != '\0' && p->value[i + j] == (uint8_t)s[j])
            j++;
        if (s[j] == '\0' && i + j < p->len && p->value[i + j] == '\0')
            return 1;
        while (i < p->len && p->value[i] != '\0')
            i++;
        i++;                        /* past the NUL */
    }
    return 0;
}
int fdt_reg_count(const struct fdt_item *p, struct fdt_error *err)
{
    if (p->address_cells > 2 || p->size_cells > 2)
        return fdt_fail(err, "reg uses more than two cells for an address or size", p->offset);
    uint32_t pair = 4 * (p->address_cells + p->size_cells);
    if (pair == 0 || p->len % pair != 0)
        return fdt_fail(err, "reg is not a whole number of (address, size) pairs", p->offset);
    return (int)(p->len / pair);
}

static uint64_t read_cells(const uint8_t *at, uint32_t cells)
{
    uint64_t v = 0;
    for (uint32_t i = 0; i < cells; i++)
        v = v << 32 | fdt_read32(at + 4 * i);
    return v;
}

void fdt_reg(const struct fdt_item *p, int i, uint64_t *address, uint64_t *size)
{
    const uint8_t *at = p->value + (uint32_t)i * 4 * (p->address_cells + p->size_cells);
    *address = read_cells(at, p->address_cells);
    *size = read_cells(at + 4 * p->address_cells, p->size_cells);
}
int fdt_streq(const char *a, const char *b)
{
    while (*a != '\0' && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

int fdt_node_is(const char *node_name, const char *base)
{
    while (*base != '\0' && *node_name == *base) {
        node_name++;
        base++;
    }
    return *base == '\0' && (*node_name == '\0' || *node_name == '@');
}
