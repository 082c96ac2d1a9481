/* Generated from chapters/13-wasm-binary.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

#include "wasm_instr.h"
#include "wasm_leb.h"
#include "rng.h"

static struct wasm_error err;

static struct wasm_reader reader(const uint8_t *b, size_t n)
{
    err = (struct wasm_error){0};
    return (struct wasm_reader){.bytes = b, .end = (uint32_t)n, .size = (uint32_t)n,
                                .where = "test", .span = "test bytes", .err = &err};
}

#define BYTES(...) ((const uint8_t[]){__VA_ARGS__}), sizeof((const uint8_t[]){__VA_ARGS__})

static void u32_is(const uint8_t *b, size_t n, uint32_t want)
{
    struct wasm_reader r = reader(b, n);
    uint32_t v;
    cr_assert_eq(wasm_read_u32(&r, &v), 0, "%s", err.message);
    cr_assert_eq(v, want);
    cr_assert_eq(r.pos, n, "all %zu bytes are read", n);
}

static void u32_fails(const uint8_t *b, size_t n, const char *why)
{
    struct wasm_reader r = reader(b, n);
    uint32_t v;
    cr_assert_eq(wasm_read_u32(&r, &v), -1);
    cr_assert(strstr(err.message, why) != NULL, "%s", err.message);
}

Test(ch13_wasm_leb, u32_edges)
{
    u32_is(BYTES(0x00), 0);
    u32_is(BYTES(0x7f), 127);
    u32_is(BYTES(0x80, 0x01), 128);
    u32_is(BYTES(0xff, 0xff, 0xff, 0xff, 0x0f), UINT32_MAX);
    u32_is(BYTES(0x80, 0x80, 0x80, 0x80, 0x00), 0);         /* padded, still five bytes */
    u32_fails(BYTES(0x80, 0x80, 0x80, 0x80, 0x10), "integer too large");
    u32_fails(BYTES(0xff, 0xff, 0xff, 0xff, 0x7f), "integer too large");
    u32_fails(BYTES(0x80, 0x80, 0x80, 0x80, 0x80, 0x00), "integer representation too long");
    u32_fails(BYTES(0x80), "test, offset 0x1: unexpected end of test bytes");
    u32_fails(BYTES(0x80, 0x80, 0x80), "test, offset 0x3: unexpected end of test bytes");
}
static void s64_is(const uint8_t *b, size_t n, unsigned bits, int64_t want)
{
    struct wasm_reader r = reader(b, n);
    int64_t v = 0;
    int32_t v32;
    int st = bits == 32 ? wasm_read_s32(&r, &v32) : bits == 33 ? wasm_read_s33(&r, &v)
                                                               : wasm_read_s64(&r, &v);
    if (bits == 32)
        v = v32;
    cr_assert_eq(st, 0, "%s", err.message);
    cr_assert_eq(v, want, "s%u: %lld, not %lld", bits, (long long)v, (long long)want);
}

static void s_fails(const uint8_t *b, size_t n, unsigned bits, const char *why)
{
    struct wasm_reader r = reader(b, n);
    int64_t v;
    int32_t v32;
    int st = bits == 32 ? wasm_read_s32(&r, &v32) : bits == 33 ? wasm_read_s33(&r, &v)
                                                               : wasm_read_s64(&r, &v);
    cr_assert_eq(st, -1);
    cr_assert(strstr(err.message, why) != NULL, "%s", err.message);
}
Test(ch13_wasm_leb, signed_edges)
{
    s64_is(BYTES(0x7f), 32, -1);
    s64_is(BYTES(0x40), 33, -64);                           /* the empty block type */
    s64_is(BYTES(0x80, 0x80, 0x80, 0x80, 0x78), 32, INT32_MIN);
    s64_is(BYTES(0xff, 0xff, 0xff, 0xff, 0x07), 32, INT32_MAX);
    s64_is(BYTES(0xff, 0xff, 0xff, 0xff, 0x0f), 33, UINT32_MAX);
    s_fails(BYTES(0xff, 0xff, 0xff, 0xff, 0x0f), 32, "integer too large");
    s_fails(BYTES(0x80, 0x80, 0x80, 0x80, 0x70), 32, "integer too large");
    s64_is(BYTES(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f), 64, INT64_MIN);
    s64_is(BYTES(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00), 64, INT64_MAX);
    s_fails(BYTES(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01), 64,
            "integer too large");
    s_fails(BYTES(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f), 64,
            "integer representation too long");
}
/* The reference encoder: minimal groups, then up to `pad` redundant ones. */
static size_t encode(uint8_t *out, uint64_t v, bool is_signed, unsigned pad)
{
    size_t n = 0;
    int64_t s = (int64_t)v;
    for (;;) {
        uint8_t b = (is_signed ? (uint64_t)s : v) & 0x7f;
        bool done = is_signed ? ((s >> 6 == 0 && (b & 0x40) == 0) || (s >> 6 == -1 && (b & 0x40)))
                              : (v >> 7 == 0);
        v >>= 7;
        s >>= 7;
        if (done) {
            uint8_t fill = is_signed && s < 0 ? 0x7f : 0x00;
            for (; pad > 0; pad--) { out[n++] = b | 0x80; b = fill; }
            out[n++] = b;
            return n;
        }
        out[n++] = b | 0x80;
    }
}
Test(ch13_wasm_leb, random_values_read_back_at_any_legal_length)
{
    uint64_t seed = 0x13;
    for (int i = 0; i < 200000; i++) {
        uint64_t x = xorshift64(&seed) >> (xorshift64(&seed) % 64);
        uint8_t buf[16];
        uint32_t u = (uint32_t)x;
        int32_t s = (int32_t)(uint32_t)x;
        size_t n = encode(buf, u, false, 0);
        n = encode(buf, u, false, (unsigned)(xorshift64(&seed) % (6 - n)));
        u32_is(buf, n, u);
        n = encode(buf, (uint64_t)(int64_t)s, true, 0);
        n = encode(buf, (uint64_t)(int64_t)s, true, (unsigned)(xorshift64(&seed) % (6 - n)));
        s64_is(buf, n, 32, s);
        n = encode(buf, x, true, 0);
        n = encode(buf, x, true, (unsigned)(xorshift64(&seed) % (11 - n)));
        s64_is(buf, n, 64, (int64_t)x);
    }
}

/* UTF-8 by its definition (Unicode 15, section 3.9): decode, then insist
   on the shortest form, no surrogates, nothing above U+10FFFF. */
static bool utf8_reference(const uint8_t *s, uint32_t n)
{
    for (uint32_t i = 0; i < n;) {
        uint8_t c = s[i];
        uint32_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (len == 0 || n - i < len)
            return false;
        uint32_t cp = len == 1 ? c : c & (0x7f >> len);
        for (uint32_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xc0) != 0x80)
                return false;
            cp = cp << 6 | (s[i + k] & 0x3f);
        }
        if (cp < least[len] || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000))
            return false;
        i += len;
    }
    return true;
}
static void same_as_reference(const uint8_t *s, uint32_t n)
{
    uint32_t bad = UINT32_MAX;
    bool ours = wasm_utf8_valid(s, n, &bad);
    if (ours != utf8_reference(s, n))
        cr_assert_fail("%02x %02x %02x %02x (%u bytes): ours says %d", s[0], n > 1 ? s[1] : 0,
                 n > 2 ? s[2] : 0, n > 3 ? s[3] : 0, n, ours);
    if (!ours && bad >= n)
        cr_assert_fail("the bad byte's offset %u is outside the %u bytes", bad, n);
}

Test(ch13_wasm_leb, utf8_agrees_with_the_definition)
{
    static const uint8_t last[] = {0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0xbf, 0xc0, 0xff};
    uint8_t s[4];
    for (uint32_t a = 0; a < 256; a++) {
        s[0] = (uint8_t)a;
        same_as_reference(s, 1);
        for (uint32_t b = 0; b < 256; b++) {
            s[1] = (uint8_t)b;
            same_as_reference(s, 2);
            for (uint32_t c = 0; a >= 0xe0 && c < 256; c++) {
                s[2] = (uint8_t)c;
                same_as_reference(s, 3);
                for (uint32_t d = 0; a >= 0xf0 && a < 0xf8 && d < sizeof last; d++) {
                    s[3] = last[d];
                    same_as_reference(s, 4);
                }
            }
        }
    }
}
Test(ch13_wasm_leb, names_are_checked_and_the_bad_byte_is_named)
{
    static const uint8_t good[] = {4, 'h', 0xc3, 0xa9, '!'};
    static const uint8_t bad[] = {4, 'h', 'i', 0xed, 0xa0};  /* a surrogate, U+D800 */
    static const uint8_t longer[] = {5, 'a', 'b'};
    struct wasm_name name;
    struct wasm_reader r = reader(good, sizeof good);
    cr_assert_eq(wasm_read_name(&r, &name), 0, "%s", err.message);
    cr_assert_eq(name.len, 4);
    cr_assert_eq(name.bytes, good + 1);
    r = reader(bad, sizeof bad);
    cr_assert_eq(wasm_read_name(&r, &name), -1);
    cr_assert_str_eq(err.message, "test, offset 0x3: malformed UTF-8 encoding");
    r = reader(longer, sizeof longer);
    cr_assert_eq(wasm_read_name(&r, &name), -1);
    cr_assert(strstr(err.message, "length out of bounds") != NULL, "%s", err.message);
}

Test(ch13_wasm_leb, a_message_names_the_section_and_the_offset)
{
    static uint8_t module[0x200];
    module[0x1f2] = 0x80;                           /* a LEB128 that goes on */
    struct wasm_reader r = reader(module, sizeof module);
    r.where = "code section";
    r.span = "function body";
    r.pos = 0x1f2;
    r.end = 0x1f3;
    uint32_t v;
    cr_assert_eq(wasm_read_u32(&r, &v), -1);
    cr_assert_str_eq(err.message, "code section, offset 0x1f3: unexpected end of function body");
    cr_assert_eq(err.offset, 0x1f3);
}

static struct wasm_instr decode(const uint8_t *b, size_t n)
{
    struct wasm_reader r = reader(b, n);
    struct wasm_instr in;
    cr_assert_eq(wasm_read_instr(&r, &in), 0, "%s", err.message);
    cr_assert_eq(r.pos, n, "the whole instruction is read");
    return in;
}

static void refused(const uint8_t *b, size_t n, const char *why)
{
    struct wasm_reader r = reader(b, n);
    struct wasm_instr in;
    cr_assert_eq(wasm_read_instr(&r, &in), -1);
    cr_assert(strstr(err.message, why) != NULL, "%s", err.message);
}
Test(ch13_wasm_leb, each_kind_of_immediate_is_decoded)
{
    struct wasm_instr in;
    cr_assert_eq(decode(BYTES(0x02, 0x40)).blocktype, -64);
    cr_assert_eq(decode(BYTES(0x03, 0x7e)).blocktype & 0x7f, WASM_I64);
    cr_assert_eq(decode(BYTES(0x04, 0x85, 0x01)).blocktype, 133);
    in = decode(BYTES(0x0e, 0x02, 0x00, 0x01, 0x02));
    cr_assert(in.op == WASM_OP_BR_TABLE && in.x == 2 && in.y == 2 && in.targets == 2);
    in = decode(BYTES(0x11, 0x03, 0x00));
    cr_assert(in.op == WASM_OP_CALL_INDIRECT && in.x == 3 && in.y == 0);
    in = decode(BYTES(0x1c, 0x01, 0x7f));
    cr_assert(in.op == WASM_OP_SELECT_T && in.x == 1 && in.y == WASM_I32);
    in = decode(BYTES(0x28, 0x02, 0x10));
    cr_assert(in.op == WASM_OP_I32_LOAD && in.x == 2 && in.y == 16);
    cr_assert_eq(decode(BYTES(0x41, 0x7f)).bits, 0xffffffffu);
    cr_assert_eq(decode(BYTES(0x42, 0x80, 0x7f)).bits, (uint64_t)-128);
    cr_assert_eq(decode(BYTES(0x43, 0x00, 0x00, 0x80, 0x3f)).bits, 0x3f800000);
    cr_assert_eq(decode(BYTES(0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f)).bits, 0x3ff0000000000000);
    cr_assert_eq(decode(BYTES(0xd0, 0x6f)).x, WASM_EXTERNREF);
}
Test(ch13_wasm_leb, prefixed_instructions_get_one_byte_opcodes)
{
    struct wasm_instr in = decode(BYTES(0xfc, 0x08, 0x01, 0x00));
    cr_assert(in.op == WASM_OP_MEMORY_INIT && in.x == 1);
    cr_assert_str_eq(wasm_op_names[in.op], "memory.init");
    cr_assert_eq(decode(BYTES(0xfc, 0x0a, 0x00, 0x00)).op, WASM_OP_MEMORY_COPY);
    in = decode(BYTES(0xfc, 0x0e, 0x01, 0x02));
    cr_assert(in.op == WASM_OP_TABLE_COPY && in.x == 1 && in.y == 2);
    cr_assert_eq(decode(BYTES(0xfc, 0x80, 0x00)).op, WASM_OP_I32_TRUNC_SAT_F32_S);
    refused(BYTES(0xfc, 0x12), "illegal opcode 0xfc 18");
    refused(BYTES(0xd3), "illegal opcode 0xd3");
    refused(BYTES(0xe0), "illegal opcode 0xe0");     /* only reachable through 0xfc */
    refused(BYTES(0xfd, 0x0c), "vector instructions are not supported");
    refused(BYTES(0x3f, 0x01), "zero byte expected");
    refused(BYTES(0xfc, 0x0b, 0x01), "zero byte expected");
    refused(BYTES(0x02, 0x7a), "malformed block type");
    refused(BYTES(0x02, 0xff, 0x7f), "malformed block type");    /* -1, padded */
    refused(BYTES(0x02, 0xbf, 0x7f), "malformed block type");    /* -65 */
    refused(BYTES(0xd0, 0x7f), "malformed reference type");
    refused(BYTES(0x41, 0x80), "unexpected end");
}

Test(ch13_wasm_leb, the_opcode_list_has_every_instruction_once)
{
    int n = 0, fc = 0;
    for (int op = 0; op < 256; op++) {
        if (wasm_op_names[op] == NULL)
            continue;
        n++;
        fc += op >= WASM_FC_BASE;
        for (int other = 0; other < op; other++)
            cr_assert(wasm_op_names[other] == NULL ||
                      strcmp(wasm_op_names[other], wasm_op_names[op]) != 0 || op == WASM_OP_SELECT_T,
                      "%s twice", wasm_op_names[op]);
    }
    cr_assert_eq(fc, WASM_FC_COUNT);
    cr_assert_eq(n, 201, "2.0 without SIMD has 201 instructions; the list has %d", n);
}
