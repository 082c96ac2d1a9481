/* Generated from chapters/04-paging.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "sv39.h"

#define SV39_PERM_BITS (PTE_R | PTE_W | PTE_X | PTE_U | PTE_G)
#define SV39_ACCESS_BITS (PTE_R | PTE_W | PTE_X)

static unsigned vpn(uint64_t va, int level)
{
    return (va >> (SV39_PAGE_SHIFT + SV39_INDEX_BITS * level)) & (SV39_ENTRIES - 1);
}
static uint64_t pte_to_pa(pte_t pte)
{
    return (pte & PTE_PPN) >> PTE_PPN0_SHIFT << SV39_PAGE_SHIFT;
}
static pte_t pa_to_pte(uint64_t pa)
{
    return (pa >> SV39_PAGE_SHIFT << PTE_PPN0_SHIFT) & PTE_PPN;
}
static int is_leaf(pte_t pte) { return (pte & SV39_ACCESS_BITS) != 0; }
static int canonical(uint64_t va)
{
    uint64_t top = va >> (SV39_VA_BITS - 1);
    return top == 0 || top == UINT64_MAX >> (SV39_VA_BITS - 1);
}
static pte_t *table(const struct pt_env *env, uint64_t pa)
{
    return env->phys_to_ptr(env->ctx, pa);
}
static uint64_t block_step(uint64_t va, int level)
{
    return SV39_LEVEL_SIZE(level) - (va & (SV39_LEVEL_SIZE(level) - 1));
}
static int check_perm(uint64_t perm)
{
    if (perm & ~SV39_PERM_BITS)
        return SV39_ERR_BAD_FLAGS;
    if ((perm & SV39_ACCESS_BITS) == 0)
        return SV39_ERR_NO_ACCESS;
    if ((perm & PTE_W) && !(perm & PTE_R))
        return SV39_ERR_W_WITHOUT_R;
    if ((perm & PTE_W) && (perm & PTE_X))
        return SV39_ERR_W_AND_X;
    return SV39_OK;
}
static int check_range(uint64_t va, uint64_t size)
{
    if ((va | size) & (SV39_PAGE_SIZE - 1))
        return SV39_ERR_MISALIGNED;
    if (!canonical(va))
        return SV39_ERR_NONCANONICAL;
    if (size == 0)
        return SV39_OK;
    uint64_t last = va + size - 1;
    if (last < va || !canonical(last) || (va ^ last) >> 63)
        return SV39_ERR_NONCANONICAL;
    return SV39_OK;
}
static int find_entry(const struct pt_env *env, uint64_t root, uint64_t va,
                      int level, int create, pte_t **out)
{
    uint64_t t = root;
    for (int i = SV39_LEVELS - 1; i > level; i--) {
        pte_t *e = &table(env, t)[vpn(va, i)];
        if ((*e & PTE_V) == 0) {
            if (!create)
                return SV39_ERR_NOT_MAPPED;
            uint64_t fresh = env->alloc_table(env->ctx);
            if (fresh == 0)
                return SV39_ERR_NO_MEMORY;
            *e = pa_to_pte(fresh) | PTE_V;
        } else if (is_leaf(*e)) {
            return SV39_ERR_MAPPED;
        }
        t = pte_to_pa(*e);
    }
    *out = &table(env, t)[vpn(va, level)];
    return SV39_OK;
}
static pte_t *find_leaf(const struct pt_env *env, uint64_t root, uint64_t va,
                        int *level)
{
    uint64_t t = root;
    for (int i = SV39_LEVELS - 1; i >= 0; i--) {
        pte_t *e = &table(env, t)[vpn(va, i)];
        *level = i;
        if ((*e & PTE_V) == 0)
            return NULL;
        if (is_leaf(*e))
            return e;
        t = pte_to_pa(*e);
    }
    return NULL;
}
static int check_unmapped(const struct pt_env *env, uint64_t root,
                          uint64_t va, uint64_t size)
{
    for (uint64_t done = 0; done < size;) {
        int level;
        if (find_leaf(env, root, va + done, &level) != NULL)
            return SV39_ERR_MAPPED;
        done += block_step(va + done, level);
    }
    return SV39_OK;
}
static int pick_level(const struct pt_env *env, uint64_t root, uint64_t va,
                      uint64_t pa, uint64_t left, int max_level)
{
    for (int level = max_level; level > 0; level--) {
        uint64_t block = SV39_LEVEL_SIZE(level);
        pte_t *e;
        if (((va | pa) & (block - 1)) != 0 || left < block)
            continue;
        int err = find_entry(env, root, va, level, 0, &e);
        if (err == SV39_ERR_NOT_MAPPED || (err == SV39_OK && !(*e & PTE_V)))
            return level;
    }
    return 0;
}
static void clear_range(const struct pt_env *env, uint64_t root, uint64_t va,
                        uint64_t size);

static int map_range(const struct pt_env *env, uint64_t root, uint64_t va,
                     uint64_t pa, uint64_t size, uint64_t perm, int max_level)
{
    int err = check_perm(perm);
    if (err == SV39_OK)
        err = check_range(va, size);
    if (err == SV39_OK && (pa & (SV39_PAGE_SIZE - 1)))
        err = SV39_ERR_MISALIGNED;
    if (err == SV39_OK && size > 0 &&
        (pa + size - 1 < pa || (pa + size - 1) >> SV39_PA_BITS))
        err = SV39_ERR_PA_RANGE;
    if (err == SV39_OK)
        err = check_unmapped(env, root, va, size);
    if (err != SV39_OK)
        return err;
    for (uint64_t done = 0; done < size;) {
        int level = pick_level(env, root, va + done, pa + done, size - done,
                               max_level);
        pte_t *e;
        err = find_entry(env, root, va + done, level, 1, &e);
        if (err != SV39_OK) {
            clear_range(env, root, va, done);
            return err;
        }
        *e = pa_to_pte(pa + done) | perm | PTE_V | PTE_A | PTE_D;
        done += SV39_LEVEL_SIZE(level);
    }
    return SV39_OK;
}
int sv39_map(const struct pt_env *env, uint64_t root, uint64_t va,
             uint64_t pa, uint64_t size, uint64_t perm)
{
    return map_range(env, root, va, pa, size, perm, 0);
}

int sv39_map_super(const struct pt_env *env, uint64_t root, uint64_t va,
                   uint64_t pa, uint64_t size, uint64_t perm)
{
    return map_range(env, root, va, pa, size, perm, SV39_LEVELS - 1);
}
int sv39_unmap(const struct pt_env *env, uint64_t root, uint64_t va,
               uint64_t size)
{
    int err = check_range(va, size);
    if (err != SV39_OK)
        return err;
    for (uint64_t done = 0; done < size;) {
        int level;
        uint64_t at = va + done, block;
        if (find_leaf(env, root, at, &level) == NULL)
            return SV39_ERR_NOT_MAPPED;
        block = SV39_LEVEL_SIZE(level);
        if ((at & (block - 1)) != 0 || size - done < block)
            return SV39_ERR_SPLITS_SUPERPAGE;
        done += block;
    }
    clear_range(env, root, va, size);
    return SV39_OK;
}
static void clear_range(const struct pt_env *env, uint64_t root, uint64_t va,
                        uint64_t size)
{
    for (uint64_t done = 0; done < size;) {
        int level;
        pte_t *e = find_leaf(env, root, va + done, &level);
        if (e != NULL)
            *e = 0;
        done += block_step(va + done, level);
    }
}
static int malformed(pte_t pte, int level);

int sv39_translate(const struct pt_env *env, uint64_t root, uint64_t va,
                   struct sv39_mapping *out)
{
    if (!canonical(va))
        return SV39_ERR_NONCANONICAL;
    uint64_t t = root;
    for (int i = SV39_LEVELS - 1; i >= 0; i--) {
        pte_t pte = table(env, t)[vpn(va, i)];
        if ((pte & PTE_V) == 0)
            return SV39_ERR_NOT_MAPPED;
        if (malformed(pte, i))
            return SV39_ERR_BAD_ENTRY;
        if (is_leaf(pte)) {
            uint64_t block = SV39_LEVEL_SIZE(i);
            *out = (struct sv39_mapping){pte_to_pa(pte) | (va & (block - 1)),
                                         block, pte & SV39_PERM_BITS};
            return SV39_OK;
        }
        t = pte_to_pa(pte);
    }
    return SV39_ERR_BAD_ENTRY;
}
static int malformed(pte_t pte, int level)
{
    uint64_t high = PTE_MASK(RESERVED) | PTE_MASK(PBMT) | PTE_MASK(N);
    if (pte & high)
        return 1;
    if ((pte & PTE_W) && !(pte & PTE_R))
        return 1;
    if (!is_leaf(pte))
        return (pte & (PTE_A | PTE_D | PTE_U)) != 0;
    return (pte_to_pa(pte) & (SV39_LEVEL_SIZE(level) - 1)) != 0;
}
static int visit_table(const struct pt_env *env, uint64_t t, int level,
                       uint64_t base, sv39_visit visit, void *ctx)
{
    for (unsigned i = 0; i < SV39_ENTRIES; i++) {
        pte_t pte = table(env, t)[i];
        uint64_t va = base | (uint64_t)i << (SV39_PAGE_SHIFT + SV39_INDEX_BITS * level);
        if (level == SV39_LEVELS - 1 && i >= SV39_ENTRIES / 2)
            va |= SV39_UPPER_HALF_START;
        if ((pte & PTE_V) == 0)
            continue;
        int r = 0;
        if (is_leaf(pte))
            r = visit(ctx, va, pte_to_pa(pte), SV39_LEVEL_SIZE(level),
                      pte & SV39_PERM_BITS);
        else if (level > 0)
            r = visit_table(env, pte_to_pa(pte), level - 1, va, visit, ctx);
        if (r != 0)
            return r;
    }
    return 0;
}
int sv39_for_each_leaf(const struct pt_env *env, uint64_t root,
                       sv39_visit visit, void *ctx)
{
    return visit_table(env, root, SV39_LEVELS - 1, 0, visit, ctx);
}
uint64_t sv39_create(const struct pt_env *env)
{
    return env->alloc_table(env->ctx);
}

static void free_tables(const struct pt_env *env, uint64_t t, int level)
{
    for (unsigned i = 0; level > 0 && i < SV39_ENTRIES; i++) {
        pte_t pte = table(env, t)[i];
        if ((pte & PTE_V) && !is_leaf(pte))
            free_tables(env, pte_to_pa(pte), level - 1);
    }
    env->free_table(env->ctx, t);
}

void sv39_destroy(const struct pt_env *env, uint64_t root)
{
    free_tables(env, root, SV39_LEVELS - 1);
}
const char *sv39_strerror(int err)
{
    switch (err) {
    case SV39_OK:
        return "success";
#define SV39_ERROR_CASE(name, value, message) case name: return message;
    SV39_ERRORS(SV39_ERROR_CASE)
#undef SV39_ERROR_CASE
    }
    return "unknown page-table error";
}
