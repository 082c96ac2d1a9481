/* Generated from chapters/08-task-state.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
/* Prints figures/task-state-bits.dot from the field table in task_state.h. */
#include <stdio.h>

#include "task_state.h"

struct field { const char *name; int shift, width; const char *meaning; };
#define FIELD_ROW(name, shift, width, meaning) {#name, shift, width, meaning},
static const struct field fields[] = { TASK_STATE_FIELDS(FIELD_ROW) };
#define NFIELDS (int)(sizeof fields / sizeof fields[0])

int main(void)
{
    printf("// Generated from task_state.h by tests/ch08_state_figure.c: do not edit.\n");
    printf("digraph task_state {\n    node [fontname=\"Helvetica\", fontsize=11];\n");
    printf("    word [shape=record, label=\"");
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
    printf("\"];\n    word -> legend [style=invis];\n}\n");
    return 0;
}
