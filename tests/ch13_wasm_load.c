/* Generated from chapters/13-wasm-binary.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasm_instr.h"
#include "wasm_module.h"

struct counter { long calls, live, fail_at; };      /* fail_at: the call that fails, or -1 */

static void *count_alloc(void *ctx, size_t n)
{
    struct counter *c = ctx;
    if (c->calls++ == c->fail_at)
        return NULL;
    void *p = malloc(n);
    c->live += p != NULL;
    return p;
}

static void count_free(void *ctx, void *p)
{
    struct counter *c = ctx;
    c->live--;
    free(p);
}

static struct counter counter;
static struct wasm_alloc counting(size_t limit)
{
    counter = (struct counter){.fail_at = -1};
    return (struct wasm_alloc){count_alloc, count_free, &counter, limit};
}

struct blob { uint8_t *data; size_t size; };

static struct blob blob_copy(const uint8_t *data, size_t size)
{
    struct blob b = {malloc(size > 0 ? size : 1), size};
    cr_assert(b.data != NULL);
    memcpy(b.data, data, size);
    return b;
}

static struct blob fixture(const char *name)
{
    char path[256];
    static uint8_t buf[1 << 16];
    snprintf(path, sizeof path, "%s/wasm/%s", HYPHA_FIXTURES, name);
    FILE *f = fopen(path, "rb");
    cr_assert(f != NULL, "cannot open %s", path);
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    return blob_copy(buf, n);
}
static struct wasm_error err;

/* Load b with a counting allocator; check that a refusal frees everything. */
static int load(struct wasm_module *m, struct blob b, size_t limit)
{
    struct wasm_alloc a = counting(limit);
    err = (struct wasm_error){0};
    int st = wasm_load(m, b.data, b.size, &a, &err);
    if (st < 0) {
        cr_assert_eq(counter.live, 0, "a refused module leaves %ld blocks", counter.live);
        cr_assert(err.message[0] != '\0' && err.offset <= b.size,
                  "offset 0x%x of %zu bytes: %s", err.offset, b.size, err.message);
    }
    return st;
}

static bool named(struct wasm_name n, const char *s)
{
    return n.len == strlen(s) && memcmp(n.bytes, s, n.len) == 0;
}

Test(ch13_wasm_load, every_section_is_read)
{
    struct blob b = fixture("every-section.wasm");
    struct wasm_module m;
    cr_assert_eq(load(&m, b, 0), 0, "%s", err.message);
    cr_assert_eq(m.ntypes, 3);
    cr_assert(m.types[2].nparams == 2 && m.types[2].params[1] == WASM_I64 &&
              m.types[2].nresults == 1 && m.types[2].results[0] == WASM_I32);
    cr_assert_eq(m.nimports, 4);
    cr_assert(named(m.imports[0].module, "env") && named(m.imports[0].name, "f"));
    cr_assert(m.nfunc_imports == 1 && m.ntable_imports == 1 && m.nmemory_imports == 1 &&
              m.nglobal_imports == 1);
    cr_assert_eq(m.imports[m.memory_imports[0]].desc.memory.max, 2);
    cr_assert_eq(m.nfuncs, 2);
    struct wasm_func *add = &m.funcs[0];
    cr_assert(add->type_index == 0 && add->nlocal_runs == 2 && add->nlocals == 3);
    cr_assert(add->local_runs[0].count == 2 && add->local_runs[0].type == WASM_I64);
    cr_assert_eq(add->body.len, 6);
    cr_assert(memcmp(add->body.start, (uint8_t[]){0x20, 0, 0x20, 1, 0x6a, 0x0b}, 6) == 0);
    cr_assert_eq(add->body.start, m.bytes + add->body.offset);
    cr_assert(m.ntables == 1 && m.tables[0].reftype == WASM_EXTERNREF &&
              m.tables[0].limits.min == 2 && !m.tables[0].limits.has_max);
    cr_assert(m.nmemories == 0 && m.nglobals == 2);
    cr_assert(m.globals[0].type.valtype == WASM_I64 && m.globals[0].type.mutable_);
    cr_assert(memcmp(m.globals[0].init.start, (uint8_t[]){0x42, 0x7b, 0x0b}, 3) == 0);
    cr_assert(m.nexports == 3 && named(m.exports[1].name, "counter") &&
              m.exports[1].kind == WASM_EXTERN_GLOBAL && m.exports[1].index == 1);
    cr_assert(m.has_start && m.start == 2);
    cr_assert_eq(m.nelems, 10);
    cr_assert(m.elems[1].mode == WASM_SEG_PASSIVE && m.elems[1].count == 2 &&
              m.elems[1].funcs[1] == 2 && m.elems[1].items == NULL);
    cr_assert(m.elems[3].mode == WASM_SEG_DECLARATIVE && m.elems[3].funcs[0] == 2);
    cr_assert(m.elems[5].reftype == WASM_EXTERNREF && m.elems[5].funcs == NULL &&
              m.elems[5].items[0].len == 3);
    cr_assert(m.elems[7].mode == WASM_SEG_ACTIVE && m.elems[7].table == 1);
    cr_assert(m.elems[9].mode == WASM_SEG_DECLARATIVE && m.elems[9].reftype == WASM_FUNCREF);
    cr_assert(m.has_data_count && m.data_count == 2 && m.ndatas == 2);
    cr_assert(m.datas[0].mode == WASM_SEG_ACTIVE && m.datas[0].len == 5 &&
              memcmp(m.datas[0].bytes, "hello", 5) == 0);
    cr_assert(m.datas[1].mode == WASM_SEG_PASSIVE && m.datas[1].len == 7);
    wasm_module_free(&m);
    cr_assert_eq(counter.live, 0, "wasm_module_free gives back every block");
    free(b.data);
}
Test(ch13_wasm_load, index_spaces_put_imports_first)
{
    struct blob b = fixture("every-section.wasm");
    struct wasm_module m;
    cr_assert_eq(load(&m, b, 0), 0, "%s", err.message);
    cr_assert_eq(wasm_nfuncs_total(&m), 3);
    cr_assert_eq(wasm_func_type_index(&m, 0), 2);           /* the import */
    cr_assert_eq(wasm_func_type_index(&m, 1), 0);           /* $add */
    cr_assert_eq(wasm_func_type_index(&m, 3), UINT32_MAX);
    cr_assert_eq(wasm_table_type(&m, 0)->limits.max, 10);
    cr_assert_eq(wasm_table_type(&m, 1)->reftype, WASM_EXTERNREF);
    cr_assert_null(wasm_table_type(&m, 2));
    cr_assert_eq(wasm_memory_type(&m, 0)->min, 1);
    cr_assert_null(wasm_memory_type(&m, 1));
    cr_assert(!wasm_global_type(&m, 0)->mutable_ && wasm_global_type(&m, 1)->mutable_);
    cr_assert_eq(wasm_global_type(&m, 2)->valtype, WASM_F32);
    cr_assert_null(wasm_global_type(&m, 3));
    wasm_module_free(&m);
    free(b.data);
}
Test(ch13_wasm_load, a_compiled_module_decodes_to_its_last_end)
{
    struct blob b = fixture("sieve.wasm");
    struct wasm_module m;
    cr_assert_eq(load(&m, b, 0), 0, "%s", err.message);
    cr_assert(m.ncustoms == 2 && named(m.customs[0].name, "name") &&
              named(m.customs[1].name, "producers"));
    cr_assert(m.nexports == 2 && named(m.exports[1].name, "count_primes"));
    struct wasm_expr body = m.funcs[0].body;
    struct wasm_reader r = {.bytes = m.bytes, .pos = body.offset, .size = (uint32_t)m.len,
                            .end = body.offset + body.len, .where = "test", .err = &err};
    struct wasm_instr in;
    int n = 0;
    while (r.pos < r.end) {
        cr_assert_eq(wasm_read_instr(&r, &in), 0, "%s", err.message);
        n++;
    }
    cr_assert(in.op == WASM_OP_END && n > 20, "%d instructions, the last %s", n,
              wasm_op_names[in.op]);
    wasm_module_free(&m);
    free(b.data);
}

/* The offsets at which a section ends, read with the library's own LEB128. */
static bool ends_a_section(struct blob b, size_t n)
{
    struct wasm_reader r = {.bytes = b.data, .pos = 8, .end = (uint32_t)b.size,
                            .size = (uint32_t)b.size, .where = "test"};
    uint32_t size;
    uint8_t id;
    while (r.pos < n) {
        if (wasm_read_byte(&r, &id) < 0 || wasm_read_u32(&r, &size) < 0)
            return false;
        r.pos += size;
    }
    return r.pos == n;
}
static void every_truncation(const char *name)
{
    struct blob whole = fixture(name);
    int accepted = 0;
    for (size_t n = 0; n < whole.size; n++) {
        struct blob b = blob_copy(whole.data, n);
        struct wasm_module m;
        if (load(&m, b, 0) == 0) {
            cr_assert(n == 8 || ends_a_section(whole, n), "%s cut at %zu is accepted", name, n);
            accepted++;
            wasm_module_free(&m);
            cr_assert_eq(counter.live, 0);
        }
        free(b.data);
    }
    cr_assert_gt(accepted, 0, "the bare header, at least, is a module");
    free(whole.data);
}

Test(ch13_wasm_load, every_truncation_is_refused_unless_it_ends_a_section)
{
    every_truncation("every-section.wasm");
    every_truncation("sieve.wasm");
}
static void every_byte_changed(const char *name)
{
    static const uint8_t xors[] = {0x01, 0x40, 0x80, 0xff};
    struct blob whole = fixture(name);
    long refused = 0, tried = 0;
    for (size_t i = 0; i < whole.size; i++) {
        for (size_t k = 0; k < sizeof xors + 1; k++) {
            struct blob b = blob_copy(whole.data, whole.size);
            struct wasm_module m;
            b.data[i] = k < sizeof xors ? b.data[i] ^ xors[k] : 0;
            tried++;
            if (load(&m, b, 0) < 0)
                refused++;
            else
                wasm_module_free(&m);
            cr_assert_eq(counter.live, 0);
            free(b.data);
        }
    }
    cr_assert_gt(refused, tried / 4, "%s: %ld of %ld damaged copies refused", name, refused, tried);
    free(whole.data);
}

Test(ch13_wasm_load, every_changed_byte_is_survived)
{
    every_byte_changed("every-section.wasm");
    every_byte_changed("sieve.wasm");
}

#define HDR 0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00
#define TYPE_AND_FUNC 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00

struct bad { const char *what; const uint8_t *bytes; size_t size; const char *message; };
#define BAD(what, message, ...) \
    {what, (const uint8_t[]){__VA_ARGS__}, sizeof((const uint8_t[]){__VA_ARGS__}), message}

static void refuse_all(const struct bad *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct blob b = blob_copy(cases[i].bytes, cases[i].size);
        struct wasm_module m;
        cr_assert_eq(load(&m, b, 0), -1, "%s: accepted", cases[i].what);
        cr_assert_str_eq(err.message, cases[i].message, "%s", cases[i].what);
        free(b.data);
    }
}
Test(ch13_wasm_load, the_header_and_the_sections_are_checked)
{
    const struct bad cases[] = {
        {"nothing", (const uint8_t *)"", 0, "header, offset 0x0: unexpected end: no magic header"},
        BAD("version 2", "header, offset 0x4: unknown binary version", 0, 'a', 's', 'm', 2, 0, 0, 0),
        BAD("id 13", "section header, offset 0x8: malformed section id 13", HDR, 0x0d, 0x00),
        BAD("long section", "section header, offset 0xa: length out of bounds: "
            "a type section of 7 bytes, 2 left", HDR, 0x01, 0x07, 0x60, 0x00),
        BAD("left over", "type section, offset 0xb: section size mismatch: 1 bytes left over",
            HDR, 0x01, 0x02, 0x00, 0x00),
        BAD("twice", "section header, offset 0xb: unexpected content after last section: "
            "a second type section", HDR, 0x01, 0x01, 0x00, 0x01, 0x01, 0x00),
        BAD("order", "section header, offset 0xb: unexpected content after last section: "
            "the type section comes after the function section",
            HDR, 0x03, 0x01, 0x00, 0x01, 0x01, 0x00),
    };
    refuse_all(cases, sizeof cases / sizeof cases[0]);
}
Test(ch13_wasm_load, function_bodies_are_checked)
{
    const struct bad cases[] = {
        BAD("no code", "module, offset 0x12: function and code section have inconsistent "
            "lengths (1 and no code section)", HDR, TYPE_AND_FUNC),
        BAD("no end", "code section, offset 0x19: END opcode expected",
            HDR, TYPE_AND_FUNC, 0x0a, 0x05, 0x01, 0x03, 0x00, 0x41, 0x01),
        BAD("cut constant", "code section, offset 0x18: unexpected end of function body",
            HDR, TYPE_AND_FUNC, 0x0a, 0x04, 0x01, 0x02, 0x00, 0x41),
        BAD("memory.init", "code section, offset 0x1d: data count section required by memory.init",
            HDR, TYPE_AND_FUNC, 0x0a, 0x0e, 0x01, 0x0c, 0x00, 0x41, 0x00, 0x41, 0x00,
            0x41, 0x00, 0xfc, 0x08, 0x00, 0x00, 0x0b),
        BAD("after end", "code section, offset 0x18: section size mismatch: 1 bytes after "
            "the function's last end", HDR, TYPE_AND_FUNC, 0x0a, 0x05, 0x01, 0x03, 0x00, 0x0b,
            0x0b),
        BAD("locals", "code section, offset 0x1d: too many locals: more than 2^32 - 1",
            HDR, TYPE_AND_FUNC, 0x0a, 0x0c, 0x01, 0x0a, 0x02, 0xff, 0xff, 0xff, 0xff, 0x0f,
            0x7f, 0x01, 0x7e, 0x0b),
    };
    refuse_all(cases, sizeof cases / sizeof cases[0]);
}
Test(ch13_wasm_load, the_other_sections_are_checked)
{
    const struct bad cases[] = {
        BAD("data count", "module, offset 0xb: data count and data section have inconsistent "
            "lengths (1 and 0)", HDR, 0x0c, 0x01, 0x01),
        BAD("export name", "export section, offset 0xc: malformed UTF-8 encoding",
            HDR, 0x07, 0x06, 0x01, 0x02, 0xc3, 0x28, 0x00, 0x00),
        BAD("opcode", "global section, offset 0xd: illegal opcode 0xd3",
            HDR, 0x06, 0x04, 0x01, 0x7f, 0x00, 0xd3),
        BAD("mutability", "global section, offset 0xc: malformed mutability 0x02",
            HDR, 0x06, 0x05, 0x01, 0x7f, 0x02, 0x41, 0x00),
        BAD("limits", "memory section, offset 0xb: integer too large: limits flag 0x02 "
            "is neither 0 nor 1", HDR, 0x05, 0x03, 0x01, 0x02, 0x00),
        BAD("element kind", "element section, offset 0xc: malformed element kind 0x01",
            HDR, 0x09, 0x04, 0x01, 0x01, 0x01, 0x00),
        BAD("import kind", "import section, offset 0xd: malformed import kind 0x04",
            HDR, 0x02, 0x05, 0x01, 0x00, 0x00, 0x04, 0x00),
    };
    refuse_all(cases, sizeof cases / sizeof cases[0]);
}
Test(ch13_wasm_load, an_element_segment_may_name_its_table)
{
    static const uint8_t bytes[] = {HDR, 0x09, 0x09, 0x01, 0x02, 0x01, 0x41, 0x00, 0x0b,
                                    0x00, 0x01, 0x00};
    struct blob b = blob_copy(bytes, sizeof bytes);
    struct wasm_module m;
    cr_assert_eq(load(&m, b, 0), 0, "%s", err.message);
    cr_assert(m.nelems == 1 && m.elems[0].mode == WASM_SEG_ACTIVE && m.elems[0].table == 1);
    cr_assert(m.elems[0].offset.len == 3 && m.elems[0].count == 1 && m.elems[0].funcs[0] == 0);
    wasm_module_free(&m);
    free(b.data);
}

Test(ch13_wasm_load, lengths_near_4_gib_do_not_wrap_around)
{
    const struct bad cases[] = {
        BAD("name", "export section, offset 0x10: length out of bounds: 4294967295 bytes, "
            "2 left", HDR, 0x07, 0x08, 0x01, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x00, 0x00),
        BAD("data", "data section, offset 0x11: length out of bounds: 4294967280 bytes, "
            "2 left", HDR, 0x0b, 0x09, 0x01, 0x01, 0xf0, 0xff, 0xff, 0xff, 0x0f, 0x00, 0x00),
    };
    refuse_all(cases, sizeof cases / sizeof cases[0]);
}

Test(ch13_wasm_load, counts_are_checked_before_anything_is_allocated)
{
    const struct bad cases[] = {
        BAD("types", "type section, offset 0xa: unexpected end: 4294967295 entries of at least "
            "3 bytes cannot fit in the 1 bytes left", HDR, 0x01, 0x06, 0xff, 0xff, 0xff, 0xff,
            0x0f, 0x60),
        BAD("functions", "function section, offset 0xa: unexpected end: 268435456 entries of "
            "at least 1 bytes cannot fit in the 0 bytes left", HDR, 0x03, 0x05, 0x80, 0x80,
            0x80, 0x80, 0x01),
    };
    refuse_all(cases, sizeof cases / sizeof cases[0]);
    cr_assert_eq(counter.calls, 0, "nothing was allocated");
}
Test(ch13_wasm_load, the_memory_budget_is_kept)
{
    struct blob b = fixture("every-section.wasm");
    struct wasm_module m;
    cr_assert_eq(load(&m, b, 64), -1);
    cr_assert(strstr(err.message, "need more than the 64 bytes allowed"), "%s", err.message);
    cr_assert_eq(load(&m, b, 0), 0);
    size_t needed = m.allocated;
    wasm_module_free(&m);
    cr_assert_eq(load(&m, b, needed), 0, "%zu bytes are enough", needed);
    wasm_module_free(&m);
    cr_assert_eq(load(&m, b, needed - 1), -1, "%zu bytes are not", needed - 1);
    free(b.data);
}
Test(ch13_wasm_load, a_failing_allocation_is_reported_and_leaks_nothing)
{
    struct blob b = fixture("every-section.wasm");
    struct wasm_module m;
    for (long k = 0;; k++) {
        struct wasm_alloc a = counting(0);
        counter.fail_at = k;
        err = (struct wasm_error){0};
        if (wasm_load(&m, b.data, b.size, &a, &err) == 0) {
            cr_assert_gt(k, 10, "every-section.wasm needs more than ten blocks");
            wasm_module_free(&m);
            break;
        }
        cr_assert(strstr(err.message, "out of memory"), "%s", err.message);
        cr_assert_eq(counter.live, 0, "failing at allocation %ld leaks", k);
    }
    free(b.data);
}
