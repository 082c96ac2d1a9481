/* Generated from chapters/13-wasm-binary.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "wasm_leb.h"

#include <stdarg.h>
#include "kprintf.h"

int wasm_fail(struct wasm_reader *r, uint32_t offset, const char *fmt, ...)
{
    struct wasm_error *e = r->err;
    if (e == NULL)
        return -1;
    e->offset = offset;
    int n = ksnprintf(e->message, sizeof e->message, "%s, offset 0x%x: ",
                      r->where != NULL ? r->where : "module", (unsigned)offset);
    if (n >= 0 && (size_t)n < sizeof e->message) {
        va_list ap;
        va_start(ap, fmt);
        kvsnprintf(e->message + n, sizeof e->message - (size_t)n, fmt, ap);
        va_end(ap);
    }
    return -1;
}

static int fail_end(struct wasm_reader *r)
{
    if (r->span == NULL)
        return wasm_fail(r, r->pos, "unexpected end");
    return wasm_fail(r, r->pos, "unexpected end of %s", r->span);
}

int wasm_read_byte(struct wasm_reader *r, uint8_t *out)
{
    if (r->pos >= r->end)
        return fail_end(r);
    *out = r->bytes[r->pos++];
    return 0;
}

int wasm_read_bytes(struct wasm_reader *r, uint32_t n, const uint8_t **out)
{
    if (n > r->end - r->pos)
        return wasm_fail(r, r->pos, "length out of bounds: %u bytes, %u left",
                         (unsigned)n, (unsigned)(r->end - r->pos));
    *out = r->bytes + r->pos;
    r->pos += n;
    return 0;
}

static int read_uleb(struct wasm_reader *r, unsigned bits, uint64_t *out)
{
    uint32_t start = r->pos;
    unsigned last = (bits - 1) / 7;         /* index of the last byte allowed */
    uint64_t v = 0;
    for (unsigned i = 0;; i++) {
        uint8_t b = 0;
        if (wasm_read_byte(r, &b) < 0)
            return -1;
        if (i == last) {
            unsigned room = bits - 7 * i;   /* value bits left for this byte */
            if (b & 0x80)
                return wasm_fail(r, start, "integer representation too long");
            if (room < 7 && (b >> room) != 0)
                return wasm_fail(r, start, "integer too large");
        }
        v |= (uint64_t)(b & 0x7f) << (7 * i);
        if ((b & 0x80) == 0)
            break;
    }
    *out = v;
    return 0;
}

static int read_sleb(struct wasm_reader *r, unsigned bits, int64_t *out)
{
    uint32_t start = r->pos;
    unsigned last = (bits - 1) / 7, shift = 0;
    uint64_t v = 0;
    uint8_t b = 0;
    for (unsigned i = 0;; i++) {
        if (wasm_read_byte(r, &b) < 0)
            return -1;
        if (i == last) {
            unsigned room = bits - 7 * i;   /* the sign bit is bit room-1 */
            uint8_t high = (uint8_t)((b & 0x7f) >> (room - 1));
            if (b & 0x80)
                return wasm_fail(r, start, "integer representation too long");
            if (room < 7 && high != 0 && high != (0x7f >> (room - 1)))
                return wasm_fail(r, start, "integer too large");
        }
        v |= (uint64_t)(b & 0x7f) << shift;
        shift += 7;
        if ((b & 0x80) == 0)
            break;
    }
    if (shift < 64 && (b & 0x40))
        v |= ~(uint64_t)0 << shift;         /* extend the sign */
    *out = (int64_t)v;
    return 0;
}

int wasm_read_u32(struct wasm_reader *r, uint32_t *out)
{
    uint64_t v = 0;
    if (read_uleb(r, 32, &v) < 0)
        return -1;
    *out = (uint32_t)v;
    return 0;
}

int wasm_read_s32(struct wasm_reader *r, int32_t *out)
{
    int64_t v = 0;
    if (read_sleb(r, 32, &v) < 0)
        return -1;
    *out = (int32_t)v;
    return 0;
}

int wasm_read_s33(struct wasm_reader *r, int64_t *out) { return read_sleb(r, 33, out); }
int wasm_read_s64(struct wasm_reader *r, int64_t *out) { return read_sleb(r, 64, out); }

bool wasm_utf8_valid(const uint8_t *s, uint32_t n, uint32_t *bad)
{
    uint32_t i = 0;
    while (i < n) {
        uint8_t c = s[i], lo = 0x80, hi = 0xbf;
        uint32_t len;
        if (c < 0x80) { i++; continue; }
        else if (c >= 0xc2 && c <= 0xdf) len = 2;
        else if (c >= 0xe0 && c <= 0xef) len = 3;
        else if (c >= 0xf0 && c <= 0xf4) len = 4;
        else break;
        if (c == 0xe0) lo = 0xa0;           /* no overlong three-byte forms */
        if (c == 0xed) hi = 0x9f;           /* no surrogates */
        if (c == 0xf0) lo = 0x90;           /* no overlong four-byte forms */
        if (c == 0xf4) hi = 0x8f;           /* nothing above U+10FFFF */
        if (n - i < len || s[i + 1] < lo || s[i + 1] > hi)
            break;
        if ((len > 2 && (s[i + 2] & 0xc0) != 0x80) || (len > 3 && (s[i + 3] & 0xc0) != 0x80))
            break;
        i += len;
    }
    if (i < n && bad != NULL)
        *bad = i;
    return i == n;
}

int wasm_read_name(struct wasm_reader *r, struct wasm_name *out)
{
    uint32_t len, bad;
    if (wasm_read_u32(r, &len) < 0 || wasm_read_bytes(r, len, &out->bytes) < 0)
        return -1;
    out->len = len;
    if (!wasm_utf8_valid(out->bytes, len, &bad))
        return wasm_fail(r, (uint32_t)(out->bytes - r->bytes) + bad,
                         "malformed UTF-8 encoding");
    return 0;
}
