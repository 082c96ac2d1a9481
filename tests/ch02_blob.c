/* Generated from chapters/02-devicetree.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ch02_blob.h"
#include "dtinfo.h"

struct blob blob_load(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/dtb/%s", HYPHA_FIXTURES, name);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open fixture %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    struct blob b = {malloc((size_t)n), (size_t)n};
    cr_assert(n > 0 && b.data != NULL);
    cr_assert_eq(fread(b.data, 1, b.size, f), b.size, "short read of %s", path);
    fclose(f);
    return b;
}
struct blob blob_copy(struct blob b, size_t size)
{
    struct blob c = {malloc(size > 0 ? size : 1), size};
    cr_assert_not_null(c.data);
    memcpy(c.data, b.data, size < b.size ? size : b.size);
    return c;
}

void blob_free(struct blob b) { free(b.data); }

uint32_t blob_get32(struct blob b, uint32_t at) { return fdt_read32(b.data + at); }

void blob_put32(struct blob b, uint32_t at, uint32_t v)
{
    uint8_t bytes[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v};
    memcpy(b.data + at, bytes, 4);
}

uint32_t blob_header(struct blob b, enum fdt_header_word w) { return blob_get32(b, 4 * w); }

void blob_set_header(struct blob b, enum fdt_header_word w, uint32_t v)
{
    blob_put32(b, 4 * w, v);
}

int contains(const char *haystack, const char *needle)
{
    return haystack != NULL && strstr(haystack, needle) != NULL;
}
const char *const fixtures[] = {
    "virt-smp1-128M.dtb", "virt-smp2-512M.dtb", "virt-smp4-1G.dtb", "virt-smp4-512M.dtb",
    "virt-smp8-128M.dtb", "virt-smp8-1G.dtb", "virt-smp2-256M-append.dtb",
};
const size_t fixture_count = sizeof fixtures / sizeof fixtures[0];
struct blob blob_splice(struct blob b, uint32_t at, uint32_t remove, const void *insert,
                        uint32_t n)
{
    struct blob c = {malloc(b.size - remove + n), b.size - remove + n};
    cr_assert_not_null(c.data);
    memcpy(c.data, b.data, at);
    if (n > 0)                                    /* insert may be NULL */
        memcpy(c.data + at, insert, n);
    memcpy(c.data + at + n, b.data + at + remove, b.size - at - remove);
    uint32_t delta = n - remove;                  /* modulo 2^32, like the fields */
    uint32_t s_off = blob_header(b, FDT_H_OFF_DT_STRUCT);
    uint32_t s_size = blob_header(b, FDT_H_SIZE_DT_STRUCT);
    int in_struct = at >= s_off && at <= s_off + s_size;
    if (in_struct)
        blob_set_header(c, FDT_H_SIZE_DT_STRUCT, s_size + delta);
    enum fdt_header_word offs[] = {FDT_H_OFF_DT_STRUCT, FDT_H_OFF_DT_STRINGS,
                                   FDT_H_OFF_MEM_RSVMAP};
    for (int i = 0; i < 3; i++) {
        uint32_t off = blob_header(b, offs[i]);
        if (off > at || (off == at && in_struct && offs[i] != FDT_H_OFF_DT_STRUCT))
            blob_set_header(c, offs[i], off + delta);
    }
    blob_set_header(c, FDT_H_TOTALSIZE, blob_header(b, FDT_H_TOTALSIZE) + delta);
    return c;
}
/* Walk b; stop at the node PATH (and, if prop is not NULL, its property PROP).
   Returns the offset of that item's token; *end_after gets the offset just
   after the node's FDT_END_NODE when asked for. */
static uint32_t find(struct blob b, const char *path, const char *prop, uint32_t *end_after)
{
    struct fdt fdt;
    struct fdt_walker w;
    struct fdt_item it;
    char cur[256] = "";
    size_t lens[FDT_MAX_DEPTH + 1] = {0};
    uint32_t found = 0;
    cr_assert_eq(fdt_open(&fdt, b.data, b.size, NULL), 0);
    fdt_walk_start(&w, &fdt);
    while (fdt_next(&w, &it, NULL) == 1) {
        if (it.token == FDT_BEGIN_NODE) {
            lens[it.depth] = strlen(cur);
            if (it.depth > 1)
                snprintf(cur + lens[it.depth], sizeof cur - lens[it.depth], "/%s", it.name);
            const char *shown = it.depth == 1 ? "/" : cur;
            if (fdt_streq(shown, path) && prop == NULL)
                found = it.offset;
            if (fdt_streq(shown, path) && end_after == NULL && prop == NULL)
                return found;
        } else if (it.token == FDT_PROP) {
            if (prop != NULL && fdt_streq(it.depth == 1 ? "/" : cur, path) &&
                fdt_streq(it.name, prop))
                return it.offset;
        } else {
            if (found != 0 && fdt_streq(it.depth == 1 ? "/" : cur, path)) {
                *end_after = it.offset + 4;
                return found;
            }
            cur[lens[it.depth]] = '\0';
        }
    }
    cr_assert_fail("no %s%s%s in the blob", path, prop ? " property " : "", prop ? prop : "");
    return 0;
}
uint32_t blob_node(struct blob b, const char *path) { return find(b, path, NULL, NULL); }

uint32_t blob_node_end(struct blob b, const char *path)
{
    uint32_t end = 0;
    find(b, path, NULL, &end);
    return end;
}

uint32_t blob_prop(struct blob b, const char *path, const char *prop)
{
    return find(b, path, prop, NULL);
}
uint32_t blob_string(struct blob b, const char *name)
{
    uint32_t off = blob_header(b, FDT_H_OFF_DT_STRINGS);
    uint32_t size = blob_header(b, FDT_H_SIZE_DT_STRINGS);
    size_t n = strlen(name) + 1;
    for (uint32_t i = 0; i + n <= size; i++)
        if ((i == 0 || b.data[off + i - 1] == '\0') && memcmp(b.data + off + i, name, n) == 0)
            return i;
    cr_assert_fail("no string %s in the strings block", name);
    return 0;
}

struct fdt_item blob_item(struct blob b, uint32_t offset)
{
    struct fdt fdt;
    struct fdt_walker w;
    struct fdt_item it;
    cr_assert_eq(fdt_open(&fdt, b.data, b.size, NULL), 0);
    fdt_walk_start(&w, &fdt);
    while (fdt_next(&w, &it, NULL) == 1)
        if (it.offset == offset)
            return it;
    cr_assert_fail("no item at offset %u", offset);
    return it;
}

int blob_walk(struct blob b, struct fdt_error *err)
{
    struct fdt fdt;
    struct fdt_walker w;
    struct fdt_item it;
    int r;
    if (fdt_open(&fdt, b.data, b.size, err) < 0)
        return -1;
    fdt_walk_start(&w, &fdt);
    while ((r = fdt_next(&w, &it, err)) == 1)
        ;
    return r;
}
void tok_word(struct tokens *t, uint32_t v)
{
    cr_assert(t->n + 4 <= sizeof t->buf);
    struct blob b = {t->buf, sizeof t->buf};
    blob_put32(b, t->n, v);
    t->n += 4;
}

static void tok_bytes(struct tokens *t, const void *p, uint32_t len)
{
    cr_assert(t->n + len + 3 <= sizeof t->buf);
    memcpy(t->buf + t->n, p, len);
    t->n += len;
    while (t->n % 4 != 0)
        t->buf[t->n++] = 0;
}

void tok_begin(struct tokens *t, const char *name)
{
    tok_word(t, FDT_BEGIN_NODE);
    tok_bytes(t, name, (uint32_t)strlen(name) + 1);
}

void tok_end(struct tokens *t) { tok_word(t, FDT_END_NODE); }

void tok_cells(struct tokens *t, const char *prop, const uint32_t *cells, uint32_t count)
{
    tok_word(t, FDT_PROP);
    tok_word(t, 4 * count);
    tok_word(t, blob_string(t->names, prop));
    for (uint32_t i = 0; i < count; i++)
        tok_word(t, cells[i]);
}

void tok_string(struct tokens *t, const char *prop, const char *value)
{
    tok_word(t, FDT_PROP);
    tok_word(t, (uint32_t)strlen(value) + 1);
    tok_word(t, blob_string(t->names, prop));
    tok_bytes(t, value, (uint32_t)strlen(value) + 1);
}
