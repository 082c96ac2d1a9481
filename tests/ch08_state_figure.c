/* Generated from chapters/08-task-state.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
/* Prints figures/task-state-bits.dot from the field table in task_state.h. */
#include "bit_figure.h"
#include "task_state.h"

static const struct field fields[] = { TASK_STATE_FIELDS(FIELD_ROW) };

int main(void)
{
    print_bit_figure("task_state.h", "ch08_state_figure.c", "task_state", "word", fields,
                     (int)(sizeof fields / sizeof fields[0]));
    return 0;
}
