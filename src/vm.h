/* Generated from chapters/04-paging.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_VM_H
#define HYPHA_VM_H

#include <stdint.h>

#include "dtinfo.h"
#include "sv39.h"

#define VM_IDENTITY_END ((uint64_t)1 << 37)
#define VM_FREE_START VM_IDENTITY_END

enum { KSTACK_PAGES = 4, KSTACK_SLOTS = 64 };
#define KSTACK_SLOT_SIZE ((uint64_t)(KSTACK_PAGES + 1) * SV39_PAGE_SIZE)
#define KSTACK_REGION_END SV39_LOWER_HALF_END
#define KSTACK_REGION_START (KSTACK_REGION_END - KSTACK_SLOTS * KSTACK_SLOT_SIZE)
#define VM_FREE_END KSTACK_REGION_START

void vm_set_device_tree(const void *blob, uint64_t size);
void vm_init(const struct dt_info *m);
void vm_enable_this_hart(void);
uint64_t vm_kernel_root(void);
int vm_map(uint64_t va, uint64_t pa, uint64_t size, uint64_t perm);
int vm_unmap(uint64_t va, uint64_t size);
int vm_translate(uint64_t va, struct sv39_mapping *out);
int vm_for_each_leaf(sv39_visit visit, void *ctx);

uint64_t kstack_create(int slot);
int kstack_guard_slot(uint64_t va);
void call_on_stack(uint64_t top, void (*fn)(void *), void *arg);

#endif
