/* Generated from chapters/06-harts.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
/* Linked only into the ThreadSanitizer build of the host tests. */
int rand_r(unsigned *seed);
const char *__tsan_default_options(void);

int rand_r(unsigned *seed)
{
    /* 32 TiB + r * 16 MiB must fall in TSan's window [85 TiB, 86.5 TiB). */
    enum { FIRST = 0x350000, COUNT = 0x18000 };
    *seed = *seed * 1103515245u + 12345u;
    return (int)(FIRST + (*seed >> 8) % COUNT);
}

const char *__tsan_default_options(void)
{
    return "halt_on_error=1";
}
