/* Generated from chapters/02-devicetree.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>
#include <string.h>

#include "ch02_blob.h"
#include "fdt.h"

Test(ch02_fdt, every_fixture_opens_and_walks_to_its_end)
{
    for (size_t i = 0; i < fixture_count; i++) {
        struct blob b = blob_load(fixtures[i]);
        struct fdt fdt;
        struct fdt_error err = {0};
        cr_assert_eq(fdt_open(&fdt, b.data, b.size, &err), 0, "%s: %s", fixtures[i], err.message);
        cr_assert_eq(fdt.totalsize, b.size, "%s", fixtures[i]);
        cr_assert_eq(fdt.rsv_count, 0, "QEMU reserves nothing in %s", fixtures[i]);
        struct fdt_walker w;
        struct fdt_item it;
        int r, depth = 0, nodes = 0, first = 1;
        fdt_walk_start(&w, &fdt);
        while ((r = fdt_next(&w, &it, &err)) == 1) {
            if (first)
                cr_assert(it.token == FDT_BEGIN_NODE && it.depth == 1 && it.name[0] == '\0');
            first = 0;
            if (it.token == FDT_BEGIN_NODE) {
                cr_assert_eq(it.depth, ++depth);
                nodes++;
            } else if (it.token == FDT_END_NODE)
                cr_assert_eq(it.depth, depth--);
            else
                cr_assert_eq(it.depth, depth);
        }
        cr_assert_eq(r, 0, "%s: %s at %u", fixtures[i], err.message, err.offset);
        cr_assert_eq(depth, 0);
        cr_assert_gt(nodes, 20, "QEMU's virt tree has dozens of nodes");
        blob_free(b);
    }
}
static void check_reg(struct blob b, const char *path, uint32_t ac, uint32_t sc,
                      uint64_t address, uint64_t size)
{
    struct fdt_item it = blob_item(b, blob_prop(b, path, "reg"));
    uint64_t a, s;
    cr_assert_eq(it.address_cells, ac, "%s", path);
    cr_assert_eq(it.size_cells, sc, "%s", path);
    cr_assert_eq(fdt_reg_count(&it, NULL), 1, "%s", path);
    fdt_reg(&it, 0, &a, &s);
    cr_assert_eq(a, address, "%s", path);
    cr_assert_eq(s, size, "%s", path);
}

Test(ch02_fdt, reg_is_read_with_the_parents_cell_counts)
{
    struct blob b = blob_load("virt-smp4-512M.dtb");
    check_reg(b, "/memory@80000000", 2, 2, 0x80000000, 512 << 20);
    check_reg(b, "/cpus/cpu@2", 1, 0, 2, 0);
    check_reg(b, "/soc/serial@10000000", 2, 2, 0x10000000, 0x100);
    blob_free(b);
}
static uint32_t root_end(struct blob b)
{
    return blob_header(b, FDT_H_OFF_DT_STRUCT) + blob_header(b, FDT_H_SIZE_DT_STRUCT) - 8;
}

Test(ch02_fdt, cell_counts_are_not_inherited_by_grandchildren)
{
    struct blob b = blob_load("virt-smp1-128M.dtb");
    struct tokens t = {.names = b};
    tok_begin(&t, "x");
    tok_cells(&t, "#address-cells", (uint32_t[]){1}, 1);
    tok_cells(&t, "#size-cells", (uint32_t[]){1}, 1);
    tok_begin(&t, "y@10");
    tok_cells(&t, "reg", (uint32_t[]){0x10, 0x20}, 2);
    tok_begin(&t, "z@5");
    tok_cells(&t, "reg", (uint32_t[]){0, 5, 6}, 3);
    tok_end(&t), tok_end(&t), tok_end(&t);
    struct blob c = blob_splice(b, root_end(b), 0, t.buf, t.n);
    check_reg(c, "/x/y@10", 1, 1, 0x10, 0x20);
    check_reg(c, "/x/y@10/z@5", 2, 1, 5, 6);
    blob_free(b), blob_free(c);
}
struct header_case {
    enum fdt_header_word field;
    uint32_t value;
    const char *message;
    enum fdt_header_word at_fault;
};

static void check_header_case(struct blob b, const struct header_case *c)
{
    struct blob d = blob_copy(b, b.size);
    struct fdt fdt;
    struct fdt_error err = {0};
    blob_set_header(d, c->field, c->value);
    cr_assert_eq(fdt_open(&fdt, d.data, d.size, &err), -1, "field %d = 0x%x", c->field, c->value);
    cr_assert(contains(err.message, c->message), "field %d = 0x%x: got \"%s\", wanted \"%s\"",
              c->field, c->value, err.message, c->message);
    cr_assert_eq(err.offset, 4 * c->at_fault, "field %d = 0x%x: offset %u", c->field,
                 c->value, err.offset);
    blob_free(d);
}
Test(ch02_fdt, damaged_header_fields_are_reported_where_they_are)
{
    struct blob b = blob_load("virt-smp4-512M.dtb");
    uint32_t total = (uint32_t)b.size;
    const struct header_case cases[] = {
        {FDT_H_MAGIC, 0xedfe0dd0, "bad magic", FDT_H_MAGIC},
        {FDT_H_VERSION, 16, "older than 17", FDT_H_VERSION},
        {FDT_H_LAST_COMP_VERSION, 18, "last_comp_version", FDT_H_LAST_COMP_VERSION},
        {FDT_H_TOTALSIZE, total + 1, "larger than the buffer", FDT_H_TOTALSIZE},
        {FDT_H_TOTALSIZE, 39, "smaller than the header", FDT_H_TOTALSIZE},
        {FDT_H_OFF_DT_STRUCT, 0x3a, "not 4-byte aligned", FDT_H_OFF_DT_STRUCT},
        {FDT_H_OFF_DT_STRUCT, 36, "starts outside", FDT_H_OFF_DT_STRUCT},
        {FDT_H_OFF_DT_STRUCT, (total + 4) & ~3u, "starts outside", FDT_H_OFF_DT_STRUCT},
        {FDT_H_SIZE_DT_STRUCT, 4 * 1001 + 2, "multiple of 4", FDT_H_SIZE_DT_STRUCT},
        {FDT_H_SIZE_DT_STRUCT, 0xfffffff0, "runs past totalsize", FDT_H_SIZE_DT_STRUCT},
        {FDT_H_OFF_DT_STRINGS, 0xffffffff, "starts outside", FDT_H_OFF_DT_STRINGS},
        {FDT_H_OFF_DT_STRINGS, total - 1, "runs past totalsize", FDT_H_SIZE_DT_STRINGS},
        {FDT_H_SIZE_DT_STRINGS, total, "runs past totalsize", FDT_H_SIZE_DT_STRINGS},
        {FDT_H_OFF_MEM_RSVMAP, 44, "not 8-byte aligned", FDT_H_OFF_MEM_RSVMAP},
        {FDT_H_OFF_MEM_RSVMAP, 32, "starts outside", FDT_H_OFF_MEM_RSVMAP},
        {FDT_H_OFF_MEM_RSVMAP, (total + 7) & ~7u, "starts outside", FDT_H_OFF_MEM_RSVMAP},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_header_case(b, &cases[i]);
    blob_free(b);
}
Test(ch02_fdt, reservation_block_must_be_terminated)
{
    struct blob b = blob_load("virt-smp4-512M.dtb");
    uint32_t at = ((uint32_t)b.size - 16) & ~7u;
    struct fdt fdt;
    struct fdt_error err = {0};
    blob_set_header(b, FDT_H_OFF_MEM_RSVMAP, at);
    cr_assert_eq(fdt_open(&fdt, b.data, b.size, &err), -1);
    cr_assert(contains(err.message, "no terminating entry"), "%s", err.message);
    cr_assert_eq(err.offset, at + 16);
    blob_free(b);
}
Test(ch02_fdt, every_truncated_buffer_is_refused)
{
    struct blob b = blob_load("virt-smp2-256M-append.dtb");
    for (size_t n = 0; n < b.size; n++) {
        struct blob c = blob_copy(b, n);
        struct fdt fdt;
        struct fdt_error err = {0};
        cr_assert_eq(fdt_open(&fdt, c.data, c.size, &err), -1, "length %zu", n);
        if (n < FDT_HEADER_SIZE) {
            cr_assert(contains(err.message, "smaller than the 40-byte header"));
            cr_assert_eq(err.offset, n);
        } else {
            cr_assert(contains(err.message, "larger than the buffer"), "%zu: %s", n, err.message);
            cr_assert_eq(err.offset, 4 * FDT_H_TOTALSIZE);
        }
        blob_free(c);
    }
    blob_free(b);
}

Test(ch02_fdt, every_shorter_totalsize_is_refused)
{
    struct blob b = blob_load("virt-smp2-256M-append.dtb");
    for (size_t n = FDT_HEADER_SIZE; n < b.size; n++) {
        struct blob c = blob_copy(b, n);
        struct fdt_error err = {0};
        blob_set_header(c, FDT_H_TOTALSIZE, (uint32_t)n);
        cr_assert_eq(blob_walk(c, &err), -1, "totalsize %zu", n);
        cr_assert(err.message != NULL && err.offset < n, "totalsize %zu: offset %u", n, err.offset);
        blob_free(c);
    }
    blob_free(b);
}
static struct blob structure_last(struct blob b, uint32_t struct_len)
{
    uint32_t s_off = blob_header(b, FDT_H_OFF_DT_STRUCT);
    uint32_t str_off = blob_header(b, FDT_H_OFF_DT_STRINGS);
    uint32_t str_size = blob_header(b, FDT_H_SIZE_DT_STRINGS);
    uint32_t new_str = s_off, new_struct = (s_off + str_size + 3) & ~3u;
    struct blob c = blob_copy(b, new_struct + struct_len);
    memset(c.data + new_str, 0, new_struct - new_str);
    memcpy(c.data + new_str, b.data + str_off, str_size);
    memcpy(c.data + new_struct, b.data + s_off, struct_len);
    blob_set_header(c, FDT_H_OFF_DT_STRINGS, new_str);
    blob_set_header(c, FDT_H_OFF_DT_STRUCT, new_struct);
    blob_set_header(c, FDT_H_SIZE_DT_STRUCT, struct_len);
    blob_set_header(c, FDT_H_TOTALSIZE, (uint32_t)c.size);
    return c;
}
Test(ch02_fdt, every_shorter_structure_block_is_refused)
{
    struct blob b = blob_load("virt-smp2-256M-append.dtb");
    uint32_t size = blob_header(b, FDT_H_SIZE_DT_STRUCT);
    struct blob whole = structure_last(b, size);
    cr_assert_eq(blob_walk(whole, NULL), 0, "the reordered blob reads");
    uint32_t s_off = blob_header(whole, FDT_H_OFF_DT_STRUCT);
    for (uint32_t n = 0; n < size; n++) {
        struct blob c = structure_last(b, n);
        struct fdt_error err = {0};
        cr_assert_eq(blob_walk(c, &err), -1, "structure block of %u bytes", n);
        if (n % 4 != 0)
            cr_assert_eq(err.offset, 4 * FDT_H_SIZE_DT_STRUCT);
        else
            cr_assert(err.offset >= s_off && err.offset <= s_off + n, "%u: %s at %u", n,
                      err.message, err.offset);
        blob_free(c);
    }
    blob_free(whole), blob_free(b);
}
Test(ch02_fdt, every_shorter_strings_block_is_refused)
{
    struct blob b = blob_load("virt-smp2-256M-append.dtb");
    uint32_t off = blob_header(b, FDT_H_OFF_DT_STRINGS);
    uint32_t size = blob_header(b, FDT_H_SIZE_DT_STRINGS);
    cr_assert_eq(off + size, b.size, "the strings block is last");
    for (uint32_t n = 0; n < size; n++) {
        struct blob c = blob_copy(b, off + n);
        struct fdt_error err = {0};
        blob_set_header(c, FDT_H_SIZE_DT_STRINGS, n);
        blob_set_header(c, FDT_H_TOTALSIZE, off + n);
        cr_assert_eq(blob_walk(c, &err), -1, "strings block of %u bytes", n);
        cr_assert(contains(err.message, "property name"), "%u: %s", n, err.message);
        cr_assert_lt(err.offset, off + n, "%u: %s", n, err.message);
        blob_free(c);
    }
    blob_free(b);
}
static void expect_walk_error(struct blob b, const char *message, uint32_t offset)
{
    struct fdt_error err = {0};
    cr_assert_eq(blob_walk(b, &err), -1, "expected \"%s\"", message);
    cr_assert(contains(err.message, message), "got \"%s\", wanted \"%s\"", err.message, message);
    cr_assert_eq(err.offset, offset, "\"%s\" at %u, wanted %u", message, err.offset, offset);
}
Test(ch02_fdt, unterminated_names_are_refused)
{
    struct blob b = blob_load("virt-smp4-512M.dtb");
    uint32_t off = blob_header(b, FDT_H_OFF_DT_STRINGS);
    uint32_t end = off + blob_header(b, FDT_H_SIZE_DT_STRINGS);
    uint32_t last = end - 1;
    while (b.data[last - 1] != '\0')
        last--;
    b.data[end - 1] = 'x';
    expect_walk_error(b, "property name is not terminated", last);
    b.data[end - 1] = '\0';
    uint32_t cpus = blob_node(b, "/cpus") - blob_header(b, FDT_H_OFF_DT_STRUCT);
    struct blob c = structure_last(b, cpus + 8);            /* token + "cpus" */
    uint32_t name = blob_header(c, FDT_H_OFF_DT_STRUCT) + cpus + 4;
    expect_walk_error(c, "node name is not terminated", name);
    blob_free(b), blob_free(c);
}
Test(ch02_fdt, property_lengths_and_name_offsets_are_checked)
{
    struct blob b = blob_load("virt-smp4-512M.dtb");
    uint32_t prop = blob_prop(b, "/memory@80000000", "reg");
    uint32_t s_end = blob_header(b, FDT_H_OFF_DT_STRUCT) + blob_header(b, FDT_H_SIZE_DT_STRUCT);
    blob_put32(b, prop + 4, s_end - (prop + 12) + 1);
    expect_walk_error(b, "property value runs past", prop);
    blob_put32(b, prop + 4, 0xfffffffc);
    expect_walk_error(b, "property value runs past", prop);
    blob_put32(b, prop + 4, 16);
    blob_put32(b, prop + 8, blob_header(b, FDT_H_SIZE_DT_STRINGS));
    expect_walk_error(b, "outside the strings block", prop + 8);
    blob_put32(b, prop + 8, blob_string(b, "reg"));
    cr_assert_eq(blob_walk(b, NULL), 0, "repaired");
    uint32_t s_off = blob_header(b, FDT_H_OFF_DT_STRUCT);
    struct blob c = structure_last(b, prop - s_off + 8);
    expect_walk_error(c, "property header runs past", blob_header(c, FDT_H_OFF_DT_STRUCT) + prop - s_off);
    blob_free(b), blob_free(c);
}

Test(ch02_fdt, unknown_tokens_are_refused_where_they_stand)
{
    struct blob b = blob_load("virt-smp4-512M.dtb");
    uint32_t at = blob_prop(b, "/chosen", "stdout-path");
    blob_put32(b, at, 5);
    expect_walk_error(b, "unknown token", at);
    blob_put32(b, at, 0);
    expect_walk_error(b, "unknown token", at);
    blob_free(b);
}
static struct blob with_words(struct blob b, uint32_t at, const uint32_t *words, int n)
{
    struct tokens t = {.names = b};
    for (int i = 0; i < n; i++)
        tok_word(&t, words[i]);
    return blob_splice(b, at, 0, t.buf, t.n);
}

Test(ch02_fdt, unbalanced_nesting_is_refused)
{
    struct blob b = blob_load("virt-smp1-128M.dtb");
    uint32_t r = root_end(b), s_off = blob_header(b, FDT_H_OFF_DT_STRUCT);
    struct blob c;
    c = with_words(b, r, (uint32_t[]){FDT_END_NODE}, 1);
    expect_walk_error(c, "without a matching FDT_BEGIN_NODE", r + 4);
    blob_free(c);
    c = blob_copy(b, b.size);
    blob_put32(c, r, FDT_NOP);
    expect_walk_error(c, "never closed", r + 4);
    blob_free(c);
    c = with_words(b, r + 4, (uint32_t[]){FDT_BEGIN_NODE, 0, FDT_END_NODE}, 3);
    expect_walk_error(c, "second root", r + 4);
    blob_free(c);
    c = with_words(b, r + 4, (uint32_t[]){FDT_PROP, 0, 0}, 3);
    expect_walk_error(c, "outside any node", r + 4);
    blob_free(c);
    c = with_words(b, r, (uint32_t[]){FDT_PROP, 0, blob_string(b, "reg")}, 3);
    expect_walk_error(c, "after a child node", r);
    blob_free(c);
    c = with_words(b, s_off, (uint32_t[]){FDT_END}, 1);
    expect_walk_error(c, "no root node", s_off);
    blob_free(c);
    c = with_words(b, r + 8, (uint32_t[]){FDT_NOP}, 1);
    expect_walk_error(c, "not the last token", r + 4);
    blob_free(c);
    blob_free(b);
}
static struct blob nested(struct blob b, int n)
{
    struct tokens t = {.names = b};
    for (int i = 0; i < n; i++)
        tok_begin(&t, "n");
    for (int i = 0; i < n; i++)
        tok_end(&t);
    return blob_splice(b, root_end(b), 0, t.buf, t.n);
}

Test(ch02_fdt, nesting_depth_is_limited_to_sixteen)
{
    struct blob b = blob_load("virt-smp1-128M.dtb");
    struct blob ok = nested(b, FDT_MAX_DEPTH - 1), deep = nested(b, FDT_MAX_DEPTH);
    cr_assert_eq(blob_walk(ok, NULL), 0);
    expect_walk_error(deep, "nested more than 16 deep", root_end(b) + 8 * (FDT_MAX_DEPTH - 1));
    blob_free(b), blob_free(ok), blob_free(deep);
}

Test(ch02_fdt, nop_tokens_change_nothing)
{
    struct blob b = blob_load("virt-smp1-128M.dtb");
    uint32_t s_off = blob_header(b, FDT_H_OFF_DT_STRUCT);
    uint32_t places[] = {root_end(b), blob_prop(b, "/cpus", "timebase-frequency"),
                         blob_node(b, "/chosen"), s_off};
    for (int i = 0; i < 4; i++) {
        struct blob c = with_words(b, places[i], (uint32_t[]){FDT_NOP, FDT_NOP}, 2);
        blob_free(b);
        b = c;
    }
    cr_assert_eq(blob_walk(b, NULL), 0);
    check_reg(b, "/cpus/cpu@0", 1, 0, 0, 0);
    blob_free(b);
}
static struct fdt_item item(const void *value, uint32_t len)
{
    return (struct fdt_item){.token = FDT_PROP, .value = value, .len = len,
                             .address_cells = 2, .size_cells = 2};
}

Test(ch02_fdt, numbers_and_strings_are_decoded_with_their_lengths_checked)
{
    uint64_t v;
    cr_assert_eq(fdt_prop_uint(&(struct fdt_item){.value = (const uint8_t *)"\0\0\0\5", .len = 4},
                               &v, NULL), 0);
    cr_assert_eq(v, 5);
    cr_assert_eq(fdt_prop_uint(&(struct fdt_item){.value = (const uint8_t *)"\0\0\0\1\0\0\0\2",
                                                  .len = 8}, &v, NULL), 0);
    cr_assert_eq(v, 0x100000002ULL);
    cr_assert_eq(fdt_prop_uint(&(struct fdt_item){.value = (const uint8_t *)"\0\0\0", .len = 3},
                               &v, NULL), -1);
    struct fdt_item s = item("abc", 4), u = item("abc", 3), l = item("a\0b", 4), e = item("", 0);
    cr_assert_str_eq(fdt_prop_string(&s), "abc");
    cr_assert_null(fdt_prop_string(&u));
    cr_assert_null(fdt_prop_string(&l));
    cr_assert_null(fdt_prop_string(&e));
}
Test(ch02_fdt, string_lists_reg_and_node_names)
{
    static const char list[] = "sifive,test1\0sifive,test0\0syscon";
    struct fdt_item c = item(list, sizeof list), cut = item(list, sizeof list - 1);
    cr_assert(fdt_prop_has_string(&c, "sifive,test0"));
    cr_assert(fdt_prop_has_string(&c, "syscon"));
    cr_assert(!fdt_prop_has_string(&c, "sifive,test"));
    cr_assert(!fdt_prop_has_string(&c, "test0"));
    cr_assert(!fdt_prop_has_string(&cut, "syscon"), "an unterminated last string never matches");
    static const uint8_t reg[32] = {[3] = 1, [11] = 2, [19] = 3, [27] = 4};
    struct fdt_item r = item(reg, 32), odd = item(reg, 12);
    uint64_t a, s;
    cr_assert_eq(fdt_reg_count(&r, NULL), 2);
    fdt_reg(&r, 1, &a, &s);
    cr_assert(a == 0x300000000ULL && s == 0x400000000ULL);
    cr_assert_eq(fdt_reg_count(&odd, NULL), -1);
    r.address_cells = 3;
    cr_assert_eq(fdt_reg_count(&r, NULL), -1);
    r.address_cells = r.size_cells = 0;
    cr_assert_eq(fdt_reg_count(&r, NULL), -1);
    cr_assert(fdt_node_is("memory@80000000", "memory") && fdt_node_is("memory", "memory"));
    cr_assert(!fdt_node_is("memoryx", "memory") && !fdt_node_is("memor", "memory"));
}
