/* Generated from chapters/04-paging.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
/* Prints figures/sv39-pte.dot from the field table in sv39.h. */
#include <stdio.h>

#include "sv39.h"

struct field { const char *name; int shift, width; const char *meaning; };
#define FIELD_ROW(name, shift, width, meaning) {#name, shift, width, meaning},
static const struct field fields[] = { SV39_PTE_FIELDS(FIELD_ROW) };
#define NFIELDS (int)(sizeof fields / sizeof fields[0])

int main(void)
{
    printf("// Generated from sv39.h by tests/ch04_pte_figure.c: do not edit.\n");
    printf("digraph sv39_pte {\n    node [fontname=\"Helvetica\", fontsize=11];\n");
    printf("    pte [shape=record, label=\"");
    for (int i = NFIELDS - 1; i >= 0; i--) {
        int hi = fields[i].shift + fields[i].width - 1;
        if (hi == fields[i].shift)
            printf("{%d|%s}%s", hi, fields[i].name, i > 0 ? "|" : "");
        else
            printf("{%d-%d|%s}%s", hi, fields[i].shift, fields[i].name, i > 0 ? "|" : "");
    }
    printf("\"];\n    legend [shape=plaintext, label=\"");
    for (int i = 0; i < NFIELDS; i++)
        printf("%s: %s\\l", fields[i].name, fields[i].meaning);
    printf("\"];\n    pte -> legend [style=invis];\n}\n");
    return 0;
}
