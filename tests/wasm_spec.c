/* Generated from chapters/13-wasm-binary.nw, chapters/14-wasm-validate.nw, chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
/* The WebAssembly spec-test runner: runs the scripts wast2json writes. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasm_module.h"
#include "wasm_validate.h"
#include "wasm_interp.h"
#include "wasm_code.h"

enum json_kind { JSON_NULL, JSON_FALSE, JSON_TRUE, JSON_NUMBER, JSON_STRING,
                 JSON_ARRAY, JSON_OBJECT };
struct json {
    enum json_kind kind;
    char *text;                 /* a string (decoded, NUL-terminated) or a number's text */
    size_t len;                 /* its length: a string may contain NUL bytes */
    char *key;                  /* the member's name, if this is an object's member */
    size_t keylen;
    struct json *items;         /* an array's elements or an object's members */
    size_t n;
};
struct json_parser {
    const char *s;
    size_t pos, len;
    int depth;                  /* nesting, bounded so that bad input cannot overflow */
    const char *error;          /* the first problem found, or NULL */
};

static bool json_value(struct json_parser *p, struct json *v);

static bool json_fail(struct json_parser *p, const char *what)
{
    if (p->error == NULL)
        p->error = what;
    return false;
}

static void json_space(struct json_parser *p)
{
    while (p->pos < p->len && strchr(" \t\r\n", p->s[p->pos]) != NULL && p->s[p->pos] != 0)
        p->pos++;
}

static bool json_word(struct json_parser *p, const char *w, enum json_kind k, struct json *v)
{
    size_t n = strlen(w);
    if (p->len - p->pos < n || memcmp(p->s + p->pos, w, n) != 0)
        return json_fail(p, "unknown literal");
    p->pos += n;
    v->kind = k;
    return true;
}

static bool json_number(struct json_parser *p, struct json *v)
{
    size_t start = p->pos;
    while (p->pos < p->len && p->s[p->pos] != 0 && strchr("+-.eE0123456789", p->s[p->pos]))
        p->pos++;
    v->kind = JSON_NUMBER;
    v->len = p->pos - start;
    v->text = malloc(v->len + 1);
    if (v->text == NULL)
        return json_fail(p, "out of memory");
    memcpy(v->text, p->s + start, v->len);
    v->text[v->len] = '\0';
    return true;
}

static bool json_hex4(const char *s, uint32_t *out)
{
    *out = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return false;
        *out = *out << 4 | (uint32_t)d;
    }
    return true;
}

static size_t utf8_put(char *out, uint32_t c)
{
    if (c < 0x80) { out[0] = (char)c; return 1; }
    if (c < 0x800) { out[0] = (char)(0xc0 | c >> 6); out[1] = (char)(0x80 | (c & 0x3f)); return 2; }
    if (c < 0x10000) {
        out[0] = (char)(0xe0 | c >> 12); out[1] = (char)(0x80 | (c >> 6 & 0x3f));
        out[2] = (char)(0x80 | (c & 0x3f)); return 3;
    }
    out[0] = (char)(0xf0 | c >> 18); out[1] = (char)(0x80 | (c >> 12 & 0x3f));
    out[2] = (char)(0x80 | (c >> 6 & 0x3f)); out[3] = (char)(0x80 | (c & 0x3f));
    return 4;
}
static bool json_unicode(const char *s, size_t *j, size_t end, uint32_t *c)
{
    uint32_t lo;
    if (end - *j < 4 || !json_hex4(s + *j, c))
        return false;
    *j += 4;
    if (*c >= 0xd800 && *c < 0xdc00 && end - *j >= 6 && s[*j] == '\\' && s[*j + 1] == 'u' &&
        json_hex4(s + *j + 2, &lo) && lo >= 0xdc00 && lo < 0xe000) {
        *c = 0x10000 + ((*c - 0xd800) << 10) + (lo - 0xdc00);   /* a surrogate pair */
        *j += 6;
    }
    return true;
}

static bool json_string(struct json_parser *p, char **text, size_t *len)
{
    size_t start = ++p->pos, end = start, n = 0;
    while (end < p->len && p->s[end] != '"')
        end += p->s[end] == '\\' ? 2 : 1;
    if (end >= p->len)
        return json_fail(p, "unterminated string");
    char *out = malloc(end - start + 1);
    if (out == NULL)
        return json_fail(p, "out of memory");
    for (size_t j = start; j < end;) {
        char c = p->s[j++];
        uint32_t u;
        if (c != '\\') { out[n++] = c; continue; }
        switch (c = p->s[j++]) {
        case 'b': out[n++] = '\b'; break;   case 'f': out[n++] = '\f'; break;
        case 'n': out[n++] = '\n'; break;   case 'r': out[n++] = '\r'; break;
        case 't': out[n++] = '\t'; break;
        case '"': case '\\': case '/': out[n++] = c; break;
        case 'u':
            if (json_unicode(p->s, &j, end, &u)) { n += utf8_put(out + n, u); break; }
            /* fall through */
        default: free(out); return json_fail(p, "bad escape in a string");
        }
    }
    out[n] = '\0';
    *text = out;
    *len = n;
    p->pos = end + 1;
    return true;
}

static bool json_push(struct json_parser *p, struct json *v, struct json *item)
{
    if ((v->n & (v->n - 1)) == 0) {                 /* 0, 1, 2, 4...: full */
        struct json *bigger = realloc(v->items, (v->n ? 2 * v->n : 1) * sizeof *bigger);
        if (bigger == NULL)
            return json_fail(p, "out of memory");
        v->items = bigger;
    }
    v->items[v->n++] = *item;
    return true;
}
static bool json_list(struct json_parser *p, struct json *v, char close, bool keys)
{
    v->kind = keys ? JSON_OBJECT : JSON_ARRAY;
    p->pos++;
    json_space(p);
    if (p->pos < p->len && p->s[p->pos] == close) { p->pos++; return true; }
    for (;;) {
        struct json item = {0};
        json_space(p);
        if (keys) {
            if (p->pos >= p->len || p->s[p->pos] != '"' ||
                !json_string(p, &item.key, &item.keylen))
                return json_fail(p, "expected a member name");
            json_space(p);
            if (p->pos >= p->len || p->s[p->pos++] != ':')
                return free(item.key), json_fail(p, "expected ':'");
        }
        bool ok = json_value(p, &item);
        if (!json_push(p, v, &item) || !ok)
            return false;
        json_space(p);
        if (p->pos < p->len && p->s[p->pos] == ',') { p->pos++; continue; }
        if (p->pos < p->len && p->s[p->pos] == close) { p->pos++; return true; }
        return json_fail(p, "expected ',' or the end of a list");
    }
}

static bool json_value(struct json_parser *p, struct json *v)
{
    bool ok;
    json_space(p);
    if (p->pos >= p->len)
        return json_fail(p, "unexpected end of the file");
    if (++p->depth > 64)
        return json_fail(p, "nested too deeply");
    switch (p->s[p->pos]) {
    case '{': ok = json_list(p, v, '}', true); break;
    case '[': ok = json_list(p, v, ']', false); break;
    case '"': v->kind = JSON_STRING; ok = json_string(p, &v->text, &v->len); break;
    case 't': ok = json_word(p, "true", JSON_TRUE, v); break;
    case 'f': ok = json_word(p, "false", JSON_FALSE, v); break;
    case 'n': ok = json_word(p, "null", JSON_NULL, v); break;
    default: ok = json_number(p, v); break;
    }
    p->depth--;
    return ok;
}

static void json_free(struct json *v)
{
    for (size_t i = 0; i < v->n; i++)
        json_free(&v->items[i]);
    free(v->items);
    free(v->text);
    free(v->key);
}

static char *read_whole_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;
    if (f == NULL)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (buf = malloc((size_t)n + 1)) != NULL) {
        *len = fread(buf, 1, (size_t)n, f);
        buf[*len] = '\0';
    }
    fclose(f);
    return buf;
}
static const char *json_read_file(const char *path, struct json *root)
{
    struct json_parser p = {0};
    char *text = read_whole_file(path, &p.len);
    *root = (struct json){0};
    if (text == NULL)
        return "cannot read the file";
    p.s = text;
    if (json_value(&p, root)) {
        json_space(&p);
        if (p.pos != p.len)
            json_fail(&p, "text after the value");
    }
    free(text);
    return p.error;
}

static const struct json *json_get(const struct json *obj, const char *key)
{
    for (size_t i = 0; obj != NULL && obj->kind == JSON_OBJECT && i < obj->n; i++)
        if (obj->items[i].keylen == strlen(key) && strcmp(obj->items[i].key, key) == 0)
            return &obj->items[i];
    return NULL;
}

static const char *json_str(const struct json *obj, const char *key)
{
    const struct json *v = json_get(obj, key);
    return v != NULL && v->kind == JSON_STRING ? v->text : NULL;
}

static long json_long(const struct json *obj, const char *key)
{
    const struct json *v = json_get(obj, key);
    return v != NULL && v->kind == JSON_NUMBER ? strtol(v->text, NULL, 10) : 0;
}

struct spec_module {            /* a module a script defined */
    char *name;                 /* "$M1", or NULL */
    uint8_t *bytes;             /* the file, in a buffer of exactly its size */
    size_t len;
    struct wasm_module module;
    struct wasm_instance *inst;
};

struct counts { long passed, failed, skipped, not_yet, other_reason; };

struct runner {
    char dir[4096];             /* the folder of the script: its module files are there */
    const char *file;           /* the script's name, for messages */
    bool verbose;
    struct counts now, total;   /* this script's, and every script's */
    struct spec_module **modules;
    size_t nmodules;
    struct spec_module *current;    /* the module defined last */
    long invalid_rejected, invalid_accepted;    /* this file's assert_invalid */
    struct wasm_exec ex;
    struct registered { char *as; struct wasm_instance *inst; } *registered;
    size_t nregistered;
    struct spec_module **failed;    /* instances whose instantiation trapped: kept to the end */
    size_t nfailed;
    struct spectest *spectest;
};

static void pass(struct runner *rn) { rn->now.passed++; }
static void skip(struct runner *rn) { rn->now.skipped++; }

static void not_yet(struct runner *rn, long line, const char *type)
{
    rn->now.not_yet++;
    if (rn->verbose)
        printf("  %s:%ld: %s: not yet\n", rn->file, line, type);
}

__attribute__((format(printf, 3, 4)))
static void fail(struct runner *rn, long line, const char *fmt, ...)
{
    va_list ap;
    rn->now.failed++;
    printf("  %s:%ld: ", rn->file, line);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
}

static int read_module_file(struct runner *rn, const char *name, uint8_t **bytes, size_t *len)
{
    char path[8192];
    snprintf(path, sizeof path, "%s%s%s", name[0] == '/' ? "" : rn->dir,
             name[0] == '/' ? "" : "/", name);
    char *text = read_whole_file(path, len);
    if (text == NULL)
        return -1;
    *bytes = malloc(*len > 0 ? *len : 1);       /* so ASan sees any read past the end */
    if (*bytes != NULL)
        memcpy(*bytes, text, *len);
    free(text);
    return *bytes != NULL ? 0 : -1;
}

static void *host_alloc(void *ctx, size_t n) { (void)ctx; return malloc(n); }
static void host_free(void *ctx, void *p) { (void)ctx; free(p); }
static const struct wasm_alloc host_allocator = {host_alloc, host_free, NULL, 0};

/* 0: loaded (and checked, if more); -1: rejected, err says why; -2: no file. */
static int load_module(struct runner *rn, const struct json *cmd, struct spec_module *sm,
                       bool more, struct wasm_error *err)
{
    const char *filename = json_str(cmd, "filename");
    if (filename == NULL || read_module_file(rn, filename, &sm->bytes, &sm->len) < 0) {
        snprintf(err->message, sizeof err->message, "cannot read module file %s",
                 filename != NULL ? filename : "(none named)");
        return -2;
    }
    if (wasm_load(&sm->module, sm->bytes, sm->len, &host_allocator, err) < 0)
        return -1;
    if (more) {
        if (wasm_validate(&sm->module, err) < 0)
	    return -1;
    }
    return 0;
}

static void drop_module(struct spec_module *sm)
{
    wasm_instance_free(sm->inst);
    sm->inst = NULL;
    wasm_compile_free(&sm->module);
    wasm_module_free(&sm->module);
    free(sm->bytes);
    free(sm->name);
    free(sm);
}

static void keep_module(struct runner *rn, struct spec_module *sm)
{
    struct spec_module **more = realloc(rn->modules, (rn->nmodules + 1) * sizeof *more);
    if (more == NULL) {
        fprintf(stderr, "wasm_spec: out of memory\n");
        exit(2);
    }
    rn->modules = more;
    rn->modules[rn->nmodules++] = sm;
    rn->current = sm;
}

struct spectest {
    struct wasm_funcinst funcs[7];
    struct wasm_globalinst globals[4];
    struct wasm_table table;
    struct wasm_memory memory;
};

static const char *const spectest_func_names[7] = {
    "print", "print_i32", "print_i64", "print_f32", "print_f64", "print_i32_f32",
    "print_f64_f64" };
static const uint8_t spectest_params[7][2] = {
    {0}, {WASM_I32}, {WASM_I64}, {WASM_F32}, {WASM_F64}, {WASM_I32, WASM_F32},
    {WASM_F64, WASM_F64} };
static const uint32_t spectest_nparams[7] = {0, 1, 1, 1, 1, 2, 2};
static const char *const spectest_global_names[4] = {
    "global_i32", "global_i64", "global_f32", "global_f64" };

static int spectest_print(void *ctx, struct wasm_exec *ex, uint64_t *slots)
{
    (void)ctx; (void)ex; (void)slots;
    return WASM_DONE;
}
static bool name_is(const struct wasm_name *n, const char *s)
{
    return n->len == strlen(s) && memcmp(n->bytes, s, n->len) == 0;
}

static int resolve_spectest(struct spectest *st, const struct wasm_import *imp,
                            struct wasm_extern *out)
{
    for (int i = 0; i < 7; i++)
        if (name_is(&imp->name, spectest_func_names[i])) {
            *out = (struct wasm_extern){ WASM_EXTERN_FUNC, { .func = &st->funcs[i] } };
            return 0;
        }
    for (int i = 0; i < 4; i++)
        if (name_is(&imp->name, spectest_global_names[i])) {
            *out = (struct wasm_extern){ WASM_EXTERN_GLOBAL, { .global = &st->globals[i] } };
            return 0;
        }
    if (name_is(&imp->name, "table")) {
        *out = (struct wasm_extern){ WASM_EXTERN_TABLE, { .table = &st->table } };
        return 0;
    }
    if (name_is(&imp->name, "memory")) {
        *out = (struct wasm_extern){ WASM_EXTERN_MEMORY, { .memory = &st->memory } };
        return 0;
    }
    return -1;
}
static int resolve_import(void *ctx, const struct wasm_import *imp, struct wasm_extern *out)
{
    struct runner *rn = ctx;
    if (name_is(&imp->module, "spectest"))
        return resolve_spectest(rn->spectest, imp, out);
    for (size_t i = rn->nregistered; i-- > 0;) {
        if (!name_is(&imp->module, rn->registered[i].as))
            continue;
        char field[512];
        if (imp->name.len >= sizeof field || memchr(imp->name.bytes, 0, imp->name.len))
            return -1;
        memcpy(field, imp->name.bytes, imp->name.len);
        field[imp->name.len] = '\0';
        return wasm_instance_export(rn->registered[i].inst, field, out) ? 0 : -1;
    }
    return -1;
}

static const struct wasm_limits_config spec_limits = { 65536, 10000000 };
static struct spec_module *find_module(struct runner *rn, const char *name)
{
    if (name == NULL)
        return rn->current;
    for (size_t i = rn->nmodules; i-- > 0;)
        if (rn->modules[i]->name && strcmp(rn->modules[i]->name, name) == 0)
            return rn->modules[i];
    return NULL;
}

static void run_register(struct runner *rn, const struct json *cmd, long line)
{
    struct spec_module *sm = find_module(rn, json_str(cmd, "name"));
    const char *as = json_str(cmd, "as");
    if (sm == NULL || sm->inst == NULL || as == NULL) {
        fail(rn, line, "register: no such module");
        return;
    }
    rn->registered = realloc(rn->registered, (rn->nregistered + 1) * sizeof *rn->registered);
    if (rn->registered == NULL) { fprintf(stderr, "wasm_spec: out of memory\n"); exit(2); }
    rn->registered[rn->nregistered++] = (struct registered){ strdup(as), sm->inst };
}
enum { NOT_NAN, NAN_CANONICAL, NAN_ARITHMETIC };
struct spec_value { uint8_t type; int nan; bool any; uint64_t bits; };

static int parse_value(const struct json *v, struct spec_value *out)
{
    static const struct { const char *name; uint8_t type; } types[] = {
        {"i32", WASM_I32}, {"i64", WASM_I64}, {"f32", WASM_F32}, {"f64", WASM_F64},
        {"funcref", WASM_FUNCREF}, {"externref", WASM_EXTERNREF} };
    const char *type = json_str(v, "type"), *value = json_str(v, "value");
    *out = (struct spec_value){0};
    for (size_t i = 0; type && i < sizeof types / sizeof types[0]; i++)
        if (strcmp(type, types[i].name) == 0)
            out->type = types[i].type;
    if (out->type == 0)
        return -1;                              /* v128, or unknown */
    if (value == NULL)
        out->any = true;
    else if (strcmp(value, "null") == 0)
        out->bits = 0;
    else if (strcmp(value, "nan:canonical") == 0)
        out->nan = NAN_CANONICAL;
    else if (strcmp(value, "nan:arithmetic") == 0)
        out->nan = NAN_ARITHMETIC;
    else
        out->bits = strtoull(value, NULL, 10) + (out->type == WASM_EXTERNREF);
    return 0;
}
static bool value_matches(const struct spec_value *e, uint64_t got)
{
    switch (e->type) {
    case WASM_I32:
        return (uint32_t)got == (uint32_t)e->bits;
    case WASM_F32:
        if (e->nan == NAN_CANONICAL) return ((uint32_t)got & 0x7fffffffu) == 0x7fc00000u;
        if (e->nan == NAN_ARITHMETIC) return ((uint32_t)got & 0x7fc00000u) == 0x7fc00000u;
        return (uint32_t)got == (uint32_t)e->bits;
    case WASM_F64:
        if (e->nan == NAN_CANONICAL) return (got & ~WASM_F64_SIGN) == WASM_F64_CANON;
        if (e->nan == NAN_ARITHMETIC) return (got & WASM_F64_CANON) == WASM_F64_CANON;
        return got == e->bits;
    case WASM_FUNCREF: case WASM_EXTERNREF:
        return e->any ? got != 0 : got == e->bits;
    default:
        return got == e->bits;
    }
}
static int run_action(struct runner *rn, const struct json *act, long line,
                      const uint64_t **results, uint32_t *nresults)
{
    static uint64_t global_value;
    struct spec_module *sm = find_module(rn, json_str(act, "module"));
    const char *type = json_str(act, "type"), *field = json_str(act, "field");
    struct wasm_extern x;
    if (sm == NULL || sm->inst == NULL || field == NULL || type == NULL ||
        !wasm_instance_export(sm->inst, field, &x)) {
        fail(rn, line, "no export \"%s\" to act on", field ? field : "");
        return -1;
    }
    if (strcmp(type, "get") == 0 && x.kind == WASM_EXTERN_GLOBAL) {
        global_value = x.u.global->value;
        *results = &global_value;
        *nresults = 1;
        return WASM_DONE;
    }
    const struct json *args = json_get(act, "args");
    uint64_t argv[64];
    size_t nargs = args && args->kind == JSON_ARRAY ? args->n : 0;
    if (x.kind != WASM_EXTERN_FUNC || nargs != x.u.func->type.nparams || nargs > 64) {
        fail(rn, line, "\"%s\" is not a function of %zu parameters", field, nargs);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++) {
        struct spec_value v;
        if (parse_value(&args->items[i], &v) < 0)
            return -2;
        argv[i] = v.bits;
    }
    rn->ex.fuel = INT64_MAX;
    int st = wasm_call(&rn->ex, x.u.func, argv);
    *results = wasm_results(&rn->ex);
    *nresults = x.u.func->type.nresults;
    return st;
}
static void run_assert_return(struct runner *rn, const struct json *cmd, long line, bool check)
{
    const uint64_t *res;
    uint32_t nres;
    int st = run_action(rn, json_get(cmd, "action"), line, &res, &nres);
    const struct json *exp = json_get(cmd, "expected");
    if (st == -2) { skip(rn); return; }
    if (st < 0) return;
    if (st != WASM_DONE) {
        fail(rn, line, "%s", st == WASM_TRAPPED ? rn->ex.message : "run did not finish");
        return;
    }
    size_t nexp = exp && exp->kind == JSON_ARRAY ? exp->n : 0;
    if (check && nexp != nres) {
        fail(rn, line, "%u results, expected %zu", nres, nexp);
        return;
    }
    for (size_t i = 0; check && i < nexp; i++) {
        struct spec_value v;
        if (parse_value(&exp->items[i], &v) < 0) { skip(rn); return; }
        if (!value_matches(&v, res[i])) {
            fail(rn, line, "result %zu is 0x%llx, expected 0x%llx%s", i,
                 (unsigned long long)res[i], (unsigned long long)v.bits,
                 v.nan ? " (a NaN)" : "");
            return;
        }
    }
    pass(rn);
}
static void run_assert_trap(struct runner *rn, const struct json *cmd, long line, bool exhaust)
{
    const uint64_t *res;
    uint32_t nres;
    const char *text = json_str(cmd, "text");
    int st = run_action(rn, json_get(cmd, "action"), line, &res, &nres);
    if (st == -2) { skip(rn); return; }
    if (st < 0) return;
    if (st != WASM_TRAPPED || (exhaust && rn->ex.trap != WASM_TRAP_STACK_EXHAUSTED)) {
        fail(rn, line, "expected the trap \"%s\", got %s", text ? text : "",
             st == WASM_TRAPPED ? rn->ex.message : "no trap");
        return;
    }
    pass(rn);
    if (text && strncmp(rn->ex.message, text, strlen(rn->ex.message)) != 0 &&
        strstr(rn->ex.message, text) == NULL) {
        rn->now.other_reason++;
        if (rn->verbose)
            printf("  %s:%ld: expected \"%s\", trapped with \"%s\"\n", rn->file, line, text,
                   rn->ex.message);
    }
}
static void expect_no_instance(struct runner *rn, const struct json *cmd, long line, int want)
{
    struct spec_module *sm = calloc(1, sizeof *sm);
    struct wasm_error err = {0};
    if (sm == NULL) { fprintf(stderr, "wasm_spec: out of memory\n"); exit(2); }
    if (load_module(rn, cmd, sm, true, &err) < 0) {
        fail(rn, line, "module rejected: %s", err.message);
        drop_module(sm);
        return;
    }
    int r = wasm_instantiate(&sm->inst, &sm->module, &spec_limits, resolve_import, rn,
                             &rn->ex, &err);
    if (r == want)
        pass(rn);
    else
        fail(rn, line, "instantiation %s", r == WASM_INST_OK ? "succeeded" : err.message);
    rn->failed = realloc(rn->failed, (rn->nfailed + 1) * sizeof *rn->failed);
    if (rn->failed == NULL) { fprintf(stderr, "wasm_spec: out of memory\n"); exit(2); }
    rn->failed[rn->nfailed++] = sm;
}

static void spectest_start(struct runner *rn)
{
    (void)rn;
    static struct spectest st;
    static const struct wasm_alloc *a = &host_allocator;
    free(st.table.elems);
    free(st.memory.data);
    memset(&st, 0, sizeof st);
    for (int i = 0; i < 7; i++)
        st.funcs[i] = (struct wasm_funcinst){
            .type = { spectest_nparams[i], 0, spectest_params[i], NULL },
            .host = spectest_print };
    const uint8_t types[4] = {WASM_I32, WASM_I64, WASM_F32, WASM_F64};
    const uint64_t values[4] = {666, 666, 0x4426999a, 0x4084d4cccccccccdull};
    for (int i = 0; i < 4; i++)
        st.globals[i] = (struct wasm_globalinst){ types[i], false, values[i] };
    st.table = (struct wasm_table){ .reftype = WASM_FUNCREF, .has_max = true, .max = 20,
                                    .limit = 20, .alloc = a };
    wasm_table_grow(&st.table, 10, 0);
    st.memory = (struct wasm_memory){ .has_max = true, .max = 2, .limit = 2, .alloc = a };
    wasm_memory_grow(&st.memory, 1);
    rn->spectest = &st;
}

static void run_module(struct runner *rn, const struct json *cmd, long line)
{
    struct spec_module *sm = calloc(1, sizeof *sm);
    struct wasm_error err = {0};
    const char *name = json_str(cmd, "name");
    if (sm == NULL || (name != NULL && (sm->name = strdup(name)) == NULL)) {
        fprintf(stderr, "wasm_spec: out of memory\n");
        exit(2);
    }
    if (load_module(rn, cmd, sm, true, &err) < 0) {
        fail(rn, line, "module rejected: %s", err.message);
        drop_module(sm);
        return;
    }
    int r = wasm_instantiate(&sm->inst, &sm->module, &spec_limits, resolve_import, rn,
                             &rn->ex, &err);
    if (r != WASM_INST_OK) {
        fail(rn, line, "module not instantiated: %s", err.message);
        keep_module(rn, sm);
        return;
    }
    keep_module(rn, sm);
    pass(rn);
}

static bool same_reason(const char *message, const char *expected)
{
    if (expected == NULL || strstr(message, expected) != NULL)
        return true;
    return strncmp(expected, "unexpected end", 14) == 0 && strstr(message, "unexpected end");
}

static void expect_rejected(struct runner *rn, const struct json *cmd, long line, bool more)
{
    struct spec_module one = {0}, *sm = &one;
    struct wasm_error err = {0};
    const char *expected = json_str(cmd, "text");
    int r = load_module(rn, cmd, sm, more, &err);
    if (r == 0)
        fail(rn, line, "module accepted, expected \"%s\"", expected ? expected : "");
    else if (r == -2)
        fail(rn, line, "%s", err.message);
    else {
        pass(rn);
        if (!same_reason(err.message, expected)) {
            rn->now.other_reason++;
            if (rn->verbose)
                printf("  %s:%ld: expected \"%s\", rejected with \"%s\"\n", rn->file, line,
                       expected, err.message);
        }
    }
    wasm_instance_free(sm->inst);
    sm->inst = NULL;
    wasm_compile_free(&sm->module);
    wasm_module_free(&sm->module);
    free(sm->bytes);
}

static void run_command(struct runner *rn, const struct json *cmd)
{
    const char *type = json_str(cmd, "type");
    long line = json_long(cmd, "line");
    if (type == NULL) {
        fail(rn, line, "a command without a type");
        return;
    }
    if (strcmp(type, "module") == 0) {
        run_module(rn, cmd, line);
        return;
    }
    if (strcmp(type, "assert_malformed") == 0) {
        const char *kind = json_str(cmd, "module_type");
        if (kind != NULL && strcmp(kind, "binary") == 0)
            expect_rejected(rn, cmd, line, false);
        else
            skip(rn);                       /* the text format is not ours to parse */
        return;
    }
    if (strcmp(type, "assert_invalid") == 0) {
        long failed = rn->now.failed;
        expect_rejected(rn, cmd, line, true);
        if (rn->now.failed == failed)
            rn->invalid_rejected++;
        else
            rn->invalid_accepted++;
        return;
    }
    if (strcmp(type, "register") == 0) { run_register(rn, cmd, line); return; }
    if (strcmp(type, "assert_return") == 0) { run_assert_return(rn, cmd, line, true); return; }
    if (strcmp(type, "action") == 0) { run_assert_return(rn, cmd, line, false); return; }
    if (strcmp(type, "assert_trap") == 0) { run_assert_trap(rn, cmd, line, false); return; }
    if (strcmp(type, "assert_exhaustion") == 0) { run_assert_trap(rn, cmd, line, true); return; }
    if (strcmp(type, "assert_unlinkable") == 0) {
        expect_no_instance(rn, cmd, line, WASM_INST_UNLINKABLE);
        return;
    }
    if (strcmp(type, "assert_uninstantiable") == 0) {
        expect_no_instance(rn, cmd, line, WASM_INST_TRAPPED);
        return;
    }
    not_yet(rn, line, type);
}

static void print_counts(const char *what, const struct counts *c)
{
    printf("%s%ld passed, %ld failed, %ld skipped", what, c->passed, c->failed, c->skipped);
    if (c->not_yet > 0)
        printf(", %ld not yet", c->not_yet);
    if (c->other_reason > 0)
        printf(" (%ld rejected for another reason)", c->other_reason);
    putchar('\n');
}

static void add_counts(struct counts *to, const struct counts *c)
{
    to->passed += c->passed; to->failed += c->failed; to->skipped += c->skipped;
    to->not_yet += c->not_yet; to->other_reason += c->other_reason;
}
static void run_file(struct runner *rn, const char *path)
{
    struct json root;
    const char *problem = json_read_file(path, &root);
    const char *slash = strrchr(path, '/');
    const struct json *commands = json_get(&root, "commands");
    snprintf(rn->dir, sizeof rn->dir, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
    rn->file = json_str(&root, "source_filename");
    rn->file = rn->file == NULL ? path : strrchr(rn->file, '/') ? strrchr(rn->file, '/') + 1 : rn->file;
    rn->now = (struct counts){0};
    if (problem != NULL || commands == NULL || commands->kind != JSON_ARRAY)
        fail(rn, 0, "%s: %s", path, problem != NULL ? problem : "no list of commands");
    spectest_start(rn);
    if (wasm_exec_init(&rn->ex, &host_allocator, 1u << 20, 10000) < 0) {
        fprintf(stderr, "wasm_spec: out of memory\n");
        exit(2);
    }
    for (size_t i = 0; commands != NULL && i < commands->n; i++)
        run_command(rn, &commands->items[i]);
    if (rn->invalid_rejected + rn->invalid_accepted > 0)
        printf("  assert_invalid: %ld rejected, %ld accepted\n", rn->invalid_rejected,
               rn->invalid_accepted);
    rn->invalid_rejected = rn->invalid_accepted = 0;
    for (size_t i = 0; i < rn->nfailed; i++)
        drop_module(rn->failed[i]);
    free(rn->failed);
    rn->failed = NULL;
    rn->nfailed = 0;
    for (size_t i = 0; i < rn->nregistered; i++)
        free(rn->registered[i].as);
    free(rn->registered);
    rn->registered = NULL;
    rn->nregistered = 0;
    wasm_exec_free(&rn->ex);
    for (size_t i = rn->nmodules; i-- > 0;)
        drop_module(rn->modules[i]);
    rn->nmodules = 0;
    rn->current = NULL;
    char what[300];
    snprintf(what, sizeof what, "%s: ", rn->file);
    print_counts(what, &rn->now);
    add_counts(&rn->total, &rn->now);
    json_free(&root);
}

static int load_files(int n, char **paths)
{
    int refused = 0;
    struct runner rn = {.dir = "."};
    for (int i = 0; i < n; i++) {
        struct spec_module sm = {0};
        struct wasm_error err = {0};
        if (read_module_file(&rn, paths[i], &sm.bytes, &sm.len) < 0) {
            printf("%s: cannot read\n", paths[i]);
            refused++;
        } else if (wasm_load(&sm.module, sm.bytes, sm.len, &host_allocator, &err) < 0) {
            printf("%s: %s\n", paths[i], err.message);
            refused++;
        } else {
            printf("%s: %zu bytes, %u types, %u imports, %u functions, %u exports; "
                   "%zu bytes allocated\n", paths[i], sm.len, sm.module.ntypes,
                   sm.module.nimports, sm.module.nfuncs, sm.module.nexports,
                   sm.module.allocated);
        }
        wasm_module_free(&sm.module);
        free(sm.bytes);
    }
    return refused == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
    static struct runner rn;
    int first = 1;
    if (argc > 2 && strcmp(argv[1], "-l") == 0)
        return load_files(argc - 2, argv + 2);
    if (argc > 1 && strcmp(argv[1], "-v") == 0) {
        rn.verbose = true;
        first = 2;
    }
    if (first >= argc) {
        fprintf(stderr, "usage: wasm_spec [-v] SCRIPT.json...\n"
                        "       wasm_spec -l MODULE.wasm...\n"
                        "  (SCRIPT.json: what wast2json writes for a .wast file)\n");
        return 2;
    }
    for (int i = first; i < argc; i++)
        run_file(&rn, argv[i]);
    free(rn.modules);
    print_counts("", &rn.total);
    return rn.total.failed == 0 ? 0 : 1;
}
