/* Generated from chapters/04-paging.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
/* Prints a graphviz bit diagram of a layout declared as an X-macro table. */
#ifndef HYPHA_TEST_BIT_FIGURE_H
#define HYPHA_TEST_BIT_FIGURE_H

#include <stdio.h>

struct field { const char *name; int shift, width; const char *meaning; };
#define FIELD_ROW(name, shift, width, meaning) {#name, shift, width, meaning},

static void print_bit_figure(const char *header, const char *program, const char *graph,
                             const char *node, const struct field *fields, int n)
{
    printf("// Generated from %s by tests/%s: do not edit.\n", header, program);
    printf("digraph %s {\n    node [fontname=\"Helvetica\", fontsize=11];\n", graph);
    printf("    %s [shape=record, label=\"", node);
    for (int i = n - 1; i >= 0; i--) {
        int hi = fields[i].shift + fields[i].width - 1;
        if (hi == fields[i].shift)
            printf("{%d|%s}%s", hi, fields[i].name, i > 0 ? "|" : "");
        else
            printf("{%d-%d|%s}%s", hi, fields[i].shift, fields[i].name, i > 0 ? "|" : "");
    }
    printf("\"];\n    legend [shape=plaintext, label=\"");
    for (int i = 0; i < n; i++)
        printf("%s: %s\\l", fields[i].name, fields[i].meaning);
    printf("\"];\n    %s -> legend [style=invis];\n}\n", node);
}

#endif
