/* Generated from chapters/01-boot.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_KSTRING_H
#define HYPHA_KSTRING_H

#include <stddef.h>

void *memset(void *dst, int c, size_t n);
void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

#endif
