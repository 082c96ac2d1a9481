/* Generated from chapters/04-paging.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
/* Prints figures/sv39-pte.dot from the field table in sv39.h. */
#include "bit_figure.h"
#include "sv39.h"

static const struct field fields[] = { SV39_PTE_FIELDS(FIELD_ROW) };

int main(void)
{
    print_bit_figure("sv39.h", "ch04_pte_figure.c", "sv39_pte", "pte", fields,
                     (int)(sizeof fields / sizeof fields[0]));
    return 0;
}
