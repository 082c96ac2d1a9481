/* Generated from chapters/04-paging.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_SV39_H
#define HYPHA_SV39_H

#include <stddef.h>
#include <stdint.h>

/* One row per field, lowest bits first: F(name, first bit, width, meaning). */
#define SV39_PTE_FIELDS(F)                                                   \
    F(V, 0, 1, "valid")                                                      \
    F(R, 1, 1, "readable")                                                   \
    F(W, 2, 1, "writable")                                                   \
    F(X, 3, 1, "executable")                                                 \
    F(U, 4, 1, "user mode may use it")                                       \
    F(G, 5, 1, "global: in every address space")                             \
    F(A, 6, 1, "accessed since A was cleared")                               \
    F(D, 7, 1, "dirty: written since D was cleared")                         \
    F(RSW, 8, 2, "reserved for supervisor software")                         \
    F(PPN0, 10, 9, "physical page number, bits 0-8")                         \
    F(PPN1, 19, 9, "physical page number, bits 9-17")                        \
    F(PPN2, 28, 26, "physical page number, bits 18-43")                      \
    F(RESERVED, 54, 7, "reserved, must be zero")                             \
    F(PBMT, 61, 2, "memory type (Svpbmt), zero here")                        \
    F(N, 63, 1, "contiguous range (Svnapot), zero here")
#define SV39_FIELD_ENUM(name, shift, width, meaning) \
    PTE_##name##_SHIFT = (shift), PTE_##name##_WIDTH = (width),
enum { SV39_PTE_FIELDS(SV39_FIELD_ENUM) };

#define PTE_MASK(name) \
    ((((uint64_t)1 << PTE_##name##_WIDTH) - 1) << PTE_##name##_SHIFT)
#define PTE_V PTE_MASK(V)
#define PTE_R PTE_MASK(R)
#define PTE_W PTE_MASK(W)
#define PTE_X PTE_MASK(X)
#define PTE_U PTE_MASK(U)
#define PTE_G PTE_MASK(G)
#define PTE_A PTE_MASK(A)
#define PTE_D PTE_MASK(D)
#define PTE_PPN (PTE_MASK(PPN0) | PTE_MASK(PPN1) | PTE_MASK(PPN2))
#define SV39_FIELD_WIDTH(name, shift, width, meaning) + (width)
#define SV39_FIELD_BITS(name, shift, width, meaning) | PTE_MASK(name)
_Static_assert(0 SV39_PTE_FIELDS(SV39_FIELD_WIDTH) == 64,
               "the PTE fields must add up to 64 bits");
_Static_assert((0 SV39_PTE_FIELDS(SV39_FIELD_BITS)) == UINT64_MAX,
               "the PTE fields must cover every bit");
_Static_assert(PTE_PPN >> PTE_PPN0_SHIFT == ((uint64_t)1 << 44) - 1,
               "the physical page number must be 44 contiguous bits");
enum {
    SV39_PAGE_SHIFT = 12,
    SV39_INDEX_BITS = 9,        /* each VPN[i] picks one of 512 entries */
    SV39_LEVELS = 3,
    SV39_VA_BITS = 39,
    SV39_PA_BITS = 56,
    SV39_ENTRIES = 1 << SV39_INDEX_BITS,
};
#define SV39_PAGE_SIZE ((uint64_t)1 << SV39_PAGE_SHIFT)
#define SV39_LEVEL_SIZE(level) \
    (SV39_PAGE_SIZE << (SV39_INDEX_BITS * (level)))
#define SV39_LOWER_HALF_END ((uint64_t)1 << (SV39_VA_BITS - 1))
#define SV39_UPPER_HALF_START (~(uint64_t)0 << (SV39_VA_BITS - 1))
_Static_assert(SV39_PAGE_SHIFT + SV39_LEVELS * SV39_INDEX_BITS == SV39_VA_BITS,
               "offset and indexes must make up the virtual address");
_Static_assert(PTE_PPN0_WIDTH == (int)SV39_INDEX_BITS &&
               PTE_PPN1_WIDTH == (int)SV39_INDEX_BITS,
               "a superpage leaves whole indexes untranslated");
_Static_assert(44 + SV39_PAGE_SHIFT == SV39_PA_BITS, "PPN and offset make a PA");
enum { SATP_MODE_SHIFT = 60, SATP_MODE_SV39 = 8 };
#define SATP_PPN_MASK (((uint64_t)1 << 44) - 1)

static inline uint64_t sv39_satp(uint64_t root)
{
    return (uint64_t)SATP_MODE_SV39 << SATP_MODE_SHIFT | root >> SV39_PAGE_SHIFT;
}
typedef uint64_t pte_t;

struct pt_env {
    void *ctx;                                    /* passed to every call */
    void *(*phys_to_ptr)(void *ctx, uint64_t pa); /* a page, as a pointer */
    uint64_t (*alloc_table)(void *ctx);   /* a zeroed page's PA, or 0 */
    void (*free_table)(void *ctx, uint64_t pa);   /* may be NULL if unused */
};
#define SV39_ERRORS(E)                                                        \
    E(SV39_ERR_MISALIGNED, -1, "address or size is not a multiple of 4 KiB") \
    E(SV39_ERR_NONCANONICAL, -2, "virtual range leaves its canonical half")  \
    E(SV39_ERR_PA_RANGE, -3, "physical address does not fit in 56 bits")    \
    E(SV39_ERR_BAD_FLAGS, -4, "permissions other than R, W, X, U, G")         \
    E(SV39_ERR_NO_ACCESS, -5, "permissions grant none of R, W, X")            \
    E(SV39_ERR_W_WITHOUT_R, -6, "writable but not readable is reserved")      \
    E(SV39_ERR_W_AND_X, -7, "writable and executable together (W^X)")        \
    E(SV39_ERR_MAPPED, -8, "part of the range is already mapped")            \
    E(SV39_ERR_NO_MEMORY, -9, "no memory left for a page table")             \
    E(SV39_ERR_NOT_MAPPED, -10, "address is not mapped")                      \
    E(SV39_ERR_SPLITS_SUPERPAGE, -11, "range covers part of a superpage")     \
    E(SV39_ERR_BAD_ENTRY, -12, "the table holds a malformed entry")

#define SV39_ERROR_ENUM(name, value, message) name = (value),
enum { SV39_OK = 0, SV39_ERRORS(SV39_ERROR_ENUM) };

const char *sv39_strerror(int err);
uint64_t sv39_create(const struct pt_env *env);
void sv39_destroy(const struct pt_env *env, uint64_t root);
int sv39_map(const struct pt_env *env, uint64_t root, uint64_t va,
             uint64_t pa, uint64_t size, uint64_t perm);
int sv39_map_super(const struct pt_env *env, uint64_t root, uint64_t va,
                   uint64_t pa, uint64_t size, uint64_t perm);
int sv39_unmap(const struct pt_env *env, uint64_t root, uint64_t va,
               uint64_t size);
struct sv39_mapping {
    uint64_t pa;          /* where the address goes */
    uint64_t page_size;   /* 4 KiB, 2 MiB or 1 GiB */
    uint64_t perm;        /* PTE_R | PTE_W | PTE_X | PTE_U | PTE_G */
};
int sv39_translate(const struct pt_env *env, uint64_t root, uint64_t va,
                   struct sv39_mapping *out);
typedef int (*sv39_visit)(void *ctx, uint64_t va, uint64_t pa,
                          uint64_t size, uint64_t perm);
int sv39_for_each_leaf(const struct pt_env *env, uint64_t root,
                       sv39_visit visit, void *ctx);

#endif
