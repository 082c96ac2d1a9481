/* Generated from chapters/02-devicetree.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "ktest.h"
#include "console.h"

extern const struct ktest __ktests_start[], __ktests_end[];

static const struct ktest *current;
static int current_failed;

void ktest_fail(const char *file, int line, const char *expr)
{
    kprintf("ktest %s: FAIL at %s:%d: %s\n", current->name, file, line, expr);
    current_failed = 1;
}

void ktest_fail_eq(const char *file, int line, const char *expr,
                   unsigned long long a, unsigned long long b)
{
    kprintf("ktest %s: FAIL at %s:%d: %s (0x%llx != 0x%llx)\n", current->name, file,
            line, expr, a, b);
    current_failed = 1;
}
static const struct ktest *find_test(struct cmdline_word name)
{
    for (const struct ktest *t = __ktests_start; t < __ktests_end; t++)
        if (cmdline_word_is(name, t->name))
            return t;
    return NULL;
}

static void print_word(struct cmdline_word w)
{
    for (size_t i = 0; i < w.len; i++)
        console_putc(w.text[i]);
}
static int run_test(const struct ktest *t)
{
    current = t;
    current_failed = 0;
    t->run();
    if (!current_failed)
        kprintf("ktest %s: PASS\n", t->name);
    return current_failed;
}
int ktest_run(struct cmdline_word names)
{
    int passed = 0, failed = 0, named = 0;
    struct cmdline_word list = names, name;
    while (cmdline_next(&list, ',', &name) && ++named)
        if (!cmdline_word_is(name, "all") && find_test(name) == NULL) {
            kprintf("ktest: no test named '");
            print_word(name);
            kprintf("'\n");
            failed++;
        }
    if (named == 0) {
        kprintf("ktest: test= names no test\n");
        return 1;
    }
    if (failed > 0)
        return failed;
    list = names;
    while (cmdline_next(&list, ',', &name))
        for (const struct ktest *t = __ktests_start; t < __ktests_end; t++)
            if (cmdline_word_is(name, "all") ? !t->fatal : cmdline_word_is(name, t->name)) {
                int f = run_test(t);
                passed += !f;
                failed += f;
            }
    kprintf("ktest: %d passed, %d failed\n", passed, failed);
    return failed;
}
