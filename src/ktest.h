/* Generated from chapters/02-devicetree.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_KTEST_H
#define HYPHA_KTEST_H

#include "cmdline.h"

struct ktest {
    const char *name;
    void (*run)(void);
    int fatal;              /* crashes or fails on purpose: never in test=all */
};

#define KTEST_DEFINE(name_, fatal_)                                         \
    static void name_(void);                                                \
    static const struct ktest ktest_record_##name_                          \
        __attribute__((used, section(".ktests"), aligned(8))) = {           \
            #name_, name_, fatal_};                                         \
    static void name_(void)

#define KTEST(name) KTEST_DEFINE(name, 0)
#define KTEST_FATAL(name) KTEST_DEFINE(name, 1)
void ktest_fail(const char *file, int line, const char *expr);
void ktest_fail_eq(const char *file, int line, const char *expr,
                   unsigned long long a, unsigned long long b);

#define KT_ASSERT(cond)                                                     \
    do {                                                                    \
        if (!(cond)) {                                                      \
            ktest_fail(__FILE__, __LINE__, #cond);                          \
            return;                                                         \
        }                                                                   \
    } while (0)

#define KT_ASSERT_EQ(a, b)                                                  \
    do {                                                                    \
        unsigned long long kt_a_ = (unsigned long long)(a);                 \
        unsigned long long kt_b_ = (unsigned long long)(b);                 \
        if (kt_a_ != kt_b_) {                                               \
            ktest_fail_eq(__FILE__, __LINE__, #a " == " #b, kt_a_, kt_b_);  \
            return;                                                         \
        }                                                                   \
    } while (0)

int ktest_run(struct cmdline_word names);

#endif
