/* Generated from chapters/01-boot.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "kprintf.h"

#include <stdint.h>

struct spec {
    int left;           /* '-' flag: pad on the right */
    int zero;           /* '0' flag: pad numbers with zeros */
    int width;          /* minimum field width */
    int length;         /* 0 int, 1 long, 2 long long, 3 size_t */
    char conv;          /* the conversion character */
};

struct out {
    kformat_sink sink;
    void *ctx;
    int count;
};

static void emit(struct out *o, char c)
{
    o->sink(o->ctx, c);
    o->count++;
}

static void emit_pad(struct out *o, char c, int n)
{
    while (n-- > 0)
        emit(o, c);
}
static void emit_field(struct out *o, const struct spec *s, const char *prefix,
                       const char *body, int body_len)
{
    int prefix_len = 0;
    while (prefix[prefix_len] != '\0')
        prefix_len++;
    int pad = s->width - prefix_len - body_len;
    if (!s->left && !s->zero)
        emit_pad(o, ' ', pad);
    for (int i = 0; i < prefix_len; i++)
        emit(o, prefix[i]);
    if (!s->left && s->zero)
        emit_pad(o, '0', pad);
    for (int i = 0; i < body_len; i++)
        emit(o, body[i]);
    if (s->left)
        emit_pad(o, ' ', pad);
}
static void format_integer(struct out *o, const struct spec *s,
                           unsigned long long magnitude, int negative,
                           unsigned base, const char *prefix)
{
    char digits[22];
    int n = 0;
    do {
        digits[sizeof digits - 1 - n] = "0123456789abcdef"[magnitude % base];
        magnitude /= base;
        n++;
    } while (magnitude != 0);
    emit_field(o, s, negative ? "-" : prefix, digits + sizeof digits - n, n);
}
static const char *parse_spec(const char *f, struct spec *s)
{
    *s = (struct spec){0};
    for (;; f++) {
        if (*f == '-')
            s->left = 1;
        else if (*f == '0')
            s->zero = 1;
        else
            break;
    }
    if (s->left)
        s->zero = 0;
    for (; *f >= '0' && *f <= '9'; f++)
        if (s->width <= 4096)
            s->width = s->width * 10 + (*f - '0');
    if (*f == 'z') {
        s->length = 3;
        f++;
    }
    while (*f == 'l' && s->length < 2) {
        s->length++;
        f++;
    }
    s->conv = *f;
    return *f != '\0' ? f + 1 : f;
}
static long long fetch_signed(const struct spec *s, va_list *ap)
{
    switch (s->length) {
    case 1: return va_arg(*ap, long);
    case 2: return va_arg(*ap, long long);
    case 3: return (long long)va_arg(*ap, size_t);
    default: return va_arg(*ap, int);
    }
}

static unsigned long long fetch_unsigned(const struct spec *s, va_list *ap)
{
    switch (s->length) {
    case 1: return va_arg(*ap, unsigned long);
    case 2: return va_arg(*ap, unsigned long long);
    case 3: return va_arg(*ap, size_t);
    default: return va_arg(*ap, unsigned int);
    }
}
int kvformat(kformat_sink sink, void *ctx, const char *fmt, va_list ap)
{
    struct out o = {sink, ctx, 0};
    va_list args;
    va_copy(args, ap);
    while (*fmt != '\0') {
        if (*fmt != '%') {
            emit(&o, *fmt++);
            continue;
        }
        struct spec s;
        fmt = parse_spec(fmt + 1, &s);
        switch (s.conv) {
        case 'd':
        case 'i': {
            long long v = fetch_signed(&s, &args);
            unsigned long long m = v < 0 ? 0ULL - (unsigned long long)v
                                         : (unsigned long long)v;
            format_integer(&o, &s, m, v < 0, 10, "");
            break;
        }
        case 'u':
            format_integer(&o, &s, fetch_unsigned(&s, &args), 0, 10, "");
            break;
        case 'x':
            format_integer(&o, &s, fetch_unsigned(&s, &args), 0, 16, "");
            break;
        case 'p': {
            void *p = va_arg(args, void *);
            struct spec t = s;
            t.zero = 0;
            if (p == NULL)
                emit_field(&o, &t, "", "(nil)", 5);
            else
                format_integer(&o, &t, (uintptr_t)p, 0, 16, "0x");
            break;
        }
        case 's': {
            const char *str = va_arg(args, const char *);
            struct spec t = s;
            t.zero = 0;
            if (str == NULL)
                str = "(null)";
            int len = 0;
            while (str[len] != '\0')
                len++;
            emit_field(&o, &t, "", str, len);
            break;
        }
        case 'c': {
            char c = (char)va_arg(args, int);
            struct spec t = s;
            t.zero = 0;
            emit_field(&o, &t, "", &c, 1);
            break;
        }
        case '%':
            emit(&o, '%');
            break;
        case '\0':
            emit(&o, '%');
            break;
        default:
            emit(&o, '%');
            emit(&o, s.conv);
            break;
        }
    }
    va_end(args);
    return o.count;
}
struct buffer {
    char *buf;
    size_t size;
    size_t used;
};

static void buffer_sink(void *ctx, char c)
{
    struct buffer *b = ctx;
    if (b->used + 1 < b->size)
        b->buf[b->used++] = c;
}

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct buffer b = {buf, size, 0};
    int n = kvformat(buffer_sink, &b, fmt, ap);
    if (size > 0)
        buf[b.used] = '\0';
    return n;
}

int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = kvsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
