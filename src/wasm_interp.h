/* Generated from chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_WASM_INTERP_H
#define HYPHA_WASM_INTERP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "wasm_module.h"
#include "wasm_num.h"

enum wasm_status { WASM_DONE = 0, WASM_TRAPPED, WASM_OUT_OF_FUEL, WASM_PENDING };

struct wasm_exec;
typedef int (*wasm_host_fn)(void *ctx, struct wasm_exec *ex, uint64_t *slots);

struct wasm_instance;

struct wasm_funcinst {
    struct wasm_functype type;
    struct wasm_instance *inst;     /* the module instance, or NULL: a host function */
    const struct wasm_code *code;   /* the compiled body */
    wasm_host_fn host;
    void *host_ctx;
};

struct wasm_table {
    uint8_t reftype;
    bool has_max;
    uint32_t size, max, limit;      /* max: declared; limit: what growing may reach */
    uint64_t *elems;
    const struct wasm_alloc *alloc;
};

struct wasm_memory {
    uint8_t *data;
    uint64_t size;                  /* in bytes: pages * 65536 */
    bool has_max;
    uint32_t pages, max, limit;     /* in pages: max declared, limit for growing */
    const struct wasm_alloc *alloc;
};

struct wasm_globalinst {
    uint8_t valtype;
    bool mutable_;
    uint64_t value;
};

struct wasm_extern {
    uint8_t kind;                   /* enum wasm_externkind */
    union {
        struct wasm_funcinst *func;
        struct wasm_table *table;
        struct wasm_memory *memory;
        struct wasm_globalinst *global;
    } u;
};
struct wasm_elemseg { uint32_t count; uint64_t *refs; };

struct wasm_limits_config {
    uint32_t max_memory_pages;      /* no memory grows beyond this (<= 65536) */
    uint32_t max_table_size;        /* no table grows beyond this */
};

struct wasm_instance {
    struct wasm_module *module;
    struct wasm_alloc alloc;
    struct wasm_limits_config limits;
    struct wasm_funcinst **funcs;
    struct wasm_table **tables;
    struct wasm_memory **memories;
    struct wasm_globalinst **globals;
    struct wasm_elemseg *elems;
    bool *data_dropped;
    struct wasm_funcinst *own_funcs;
    struct wasm_table *own_tables;
    struct wasm_memory *own_memories;
    struct wasm_globalinst *own_globals;
};
struct wasm_frame {                 /* a call in progress: where it returns to */
    const uint32_t *pc;
    uint64_t *fp;
    struct wasm_funcinst *func;
    const uint32_t *base;           /* func's code: see "A leaner call" */
};

struct wasm_exec {
    struct wasm_alloc alloc;
    uint64_t *stack, *stack_end;    /* the value stack */
    struct wasm_frame *frames;      /* the call stack */
    uint32_t max_depth, depth;
    int64_t fuel;                   /* units left; each loop iteration and call takes one */
    int status;                     /* enum wasm_status of the last call */
    enum wasm_trap trap;
    char message[120];
    /* the registers, saved while the run is stopped */
    const uint32_t *pc;
    uint64_t *sp, *fp;
    struct wasm_funcinst *func;
    uint64_t *pending;              /* where a pending host call's results go */
    uint32_t nresults;              /* of the outermost call */
    uint32_t nresults_pending;      /* of the pending host call */
};
/* find an import: fill *out and return 0, or -1 if the resolver knows nothing of it */
typedef int (*wasm_resolver)(void *ctx, const struct wasm_import *imp, struct wasm_extern *out);

enum wasm_inst_result { WASM_INST_OK = 0, WASM_INST_UNLINKABLE, WASM_INST_TRAPPED,
                        WASM_INST_NO_MEMORY };

int wasm_exec_init(struct wasm_exec *ex, const struct wasm_alloc *a,
                   uint32_t stack_slots, uint32_t max_depth);
void wasm_exec_free(struct wasm_exec *ex);
int wasm_call(struct wasm_exec *ex, struct wasm_funcinst *f, const uint64_t *args);
int wasm_resume(struct wasm_exec *ex);
const uint64_t *wasm_results(const struct wasm_exec *ex);
uint64_t *wasm_pending_slots(struct wasm_exec *ex);

int wasm_instantiate(struct wasm_instance **out, struct wasm_module *m,
                     const struct wasm_limits_config *limits,
                     wasm_resolver resolve, void *resolve_ctx,
                     struct wasm_exec *ex, struct wasm_error *err);
void wasm_instance_free(struct wasm_instance *inst);
bool wasm_instance_export(const struct wasm_instance *inst, const char *name,
                          struct wasm_extern *out);
bool wasm_functype_equal(const struct wasm_functype *a, const struct wasm_functype *b);
int64_t wasm_memory_grow(struct wasm_memory *mem, uint32_t delta);
int64_t wasm_table_grow(struct wasm_table *t, uint32_t delta, uint64_t init);

#endif
