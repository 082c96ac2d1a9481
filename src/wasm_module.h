/* Generated from chapters/13-wasm-binary.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_WASM_MODULE_H
#define HYPHA_WASM_MODULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "wasm_leb.h"

enum wasm_valtype {
    WASM_I32 = 0x7f, WASM_I64 = 0x7e, WASM_F32 = 0x7d, WASM_F64 = 0x7c,
    WASM_V128 = 0x7b, WASM_FUNCREF = 0x70, WASM_EXTERNREF = 0x6f,
};
struct wasm_functype {          /* the type bytes point into the module */
    uint32_t nparams, nresults;
    const uint8_t *params, *results;
};
struct wasm_limits { uint64_t min, max; bool has_max; };
struct wasm_tabletype { uint8_t reftype; struct wasm_limits limits; };
struct wasm_globaltype { uint8_t valtype; bool mutable_; };

enum wasm_externkind {
    WASM_EXTERN_FUNC = 0, WASM_EXTERN_TABLE, WASM_EXTERN_MEMORY, WASM_EXTERN_GLOBAL,
};
struct wasm_import {
    struct wasm_name module, name;
    uint8_t kind;               /* enum wasm_externkind */
    union {
        uint32_t type_index;
        struct wasm_tabletype table;
        struct wasm_limits memory;
        struct wasm_globaltype global;
    } desc;
};
struct wasm_export { struct wasm_name name; uint8_t kind; uint32_t index; };

struct wasm_expr {              /* instructions up to and including their end */
    const uint8_t *start;
    uint32_t len;
    uint32_t offset;            /* of start, in the module */
};
struct wasm_local_run { uint32_t count; uint8_t type; };
struct wasm_func {              /* a defined (not imported) function */
    uint32_t type_index;
    uint32_t nlocal_runs;
    struct wasm_local_run *local_runs;
    uint32_t nlocals;           /* declared locals, not counting the parameters */
    struct wasm_expr body;      /* the instructions after the locals */
    void *code;                 /* chapter 15's compiled form (NULL until then) */
};
struct wasm_global { struct wasm_globaltype type; struct wasm_expr init; };
enum wasm_segmode { WASM_SEG_ACTIVE, WASM_SEG_PASSIVE, WASM_SEG_DECLARATIVE };
struct wasm_elem {
    uint8_t mode;               /* enum wasm_segmode */
    uint8_t reftype;            /* WASM_FUNCREF or WASM_EXTERNREF */
    uint32_t table;             /* active only */
    struct wasm_expr offset;    /* active only */
    uint32_t count;
    uint32_t *funcs;            /* the items as function indices, or NULL */
    struct wasm_expr *items;    /* the items as constant expressions, or NULL */
};
struct wasm_data {
    uint8_t mode;               /* WASM_SEG_ACTIVE or WASM_SEG_PASSIVE */
    uint32_t memory;
    struct wasm_expr offset;    /* active only */
    const uint8_t *bytes;
    uint32_t len;
};
struct wasm_custom { struct wasm_name name; const uint8_t *bytes; uint32_t len; };

struct wasm_alloc {
    void *(*alloc)(void *ctx, size_t n);
    void (*free)(void *ctx, void *p);
    void *ctx;
    size_t limit;               /* most bytes one module may take; 0: the default */
};
#define WASM_DEFAULT_LIMIT ((size_t)64 << 20)

struct wasm_module {
    const uint8_t *bytes; size_t len;   /* the caller keeps them alive */
    uint32_t ntypes;   struct wasm_functype *types;
    uint32_t nimports; struct wasm_import *imports;
    uint32_t nfunc_imports, ntable_imports, nmemory_imports, nglobal_imports;
    uint32_t *func_imports, *table_imports, *memory_imports, *global_imports;
    uint32_t nfuncs;   struct wasm_func *funcs;         /* defined ones only */
    uint32_t ntables;  struct wasm_tabletype *tables;   /* defined ones only */
    uint32_t nmemories; struct wasm_limits *memories;   /* defined ones only */
    uint32_t nglobals; struct wasm_global *globals;     /* defined ones only */
    uint32_t nexports; struct wasm_export *exports;
    bool has_start; uint32_t start;
    uint32_t nelems; struct wasm_elem *elems;
    uint32_t ndatas; struct wasm_data *datas;
    bool has_data_count; uint32_t data_count;
    uint32_t ncustoms; struct wasm_custom *customs;
    struct wasm_alloc alloc;
    size_t allocated;           /* bytes taken through alloc, now */
};

int wasm_load(struct wasm_module *m, const uint8_t *bytes, size_t len,
              const struct wasm_alloc *a, struct wasm_error *err);
void wasm_module_free(struct wasm_module *m);

/* Index spaces (spec 2.5.1): imports come first, then definitions. */
uint32_t wasm_nfuncs_total(const struct wasm_module *m);
uint32_t wasm_ntables_total(const struct wasm_module *m);
uint32_t wasm_nmemories_total(const struct wasm_module *m);
uint32_t wasm_nglobals_total(const struct wasm_module *m);
uint32_t wasm_func_type_index(const struct wasm_module *m, uint32_t funcidx);
const struct wasm_tabletype *wasm_table_type(const struct wasm_module *m, uint32_t tableidx);
const struct wasm_limits *wasm_memory_type(const struct wasm_module *m, uint32_t memidx);
const struct wasm_globaltype *wasm_global_type(const struct wasm_module *m, uint32_t globalidx);

#endif
