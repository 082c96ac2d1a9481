/* Generated from chapters/02-devicetree.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_CMDLINE_H
#define HYPHA_CMDLINE_H

#include <stddef.h>

struct cmdline_word {
    const char *text;       /* not NUL-terminated */
    size_t len;
};

int cmdline_get(const char *cmdline, const char *key, struct cmdline_word *value);
int cmdline_next(struct cmdline_word *list, char separator, struct cmdline_word *item);
int cmdline_word_is(struct cmdline_word word, const char *s);

#endif
