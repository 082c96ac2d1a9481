/* Generated from chapters/02-devicetree.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>

#include "cmdline.h"

static int value_is(const char *line, const char *key, const char *want)
{
    struct cmdline_word v;
    if (!cmdline_get(line, key, &v))
        return want == NULL;
    return want != NULL && cmdline_word_is(v, want);
}

Test(ch02_cmdline, keys_values_and_bare_words)
{
    cr_assert(value_is("test=all foo", "test", "all"));
    cr_assert(value_is("test=all foo", "foo", ""));
    cr_assert(value_is("test=all foo", "fo", NULL));
    cr_assert(value_is("testing=1 retest", "test", NULL));
    cr_assert(value_is("a=1 test= b", "test", ""));
    cr_assert(value_is("a=1 a=2", "a", "2"), "the last occurrence wins");
    cr_assert(value_is("  \ttest=x,y \t ", "test", "x,y"));
    cr_assert(value_is("x=a=b", "x", "a=b"));
    cr_assert(value_is("", "test", NULL));
    cr_assert(value_is("test=1", "", NULL));
}
Test(ch02_cmdline, lists_are_split_and_words_compared)
{
    const char *text = ",a,,bc,";
    struct cmdline_word list = {text, 7}, item;
    cr_assert(cmdline_next(&list, ',', &item) && cmdline_word_is(item, "a"));
    cr_assert(cmdline_next(&list, ',', &item) && cmdline_word_is(item, "bc"));
    cr_assert(!cmdline_next(&list, ',', &item));
    struct cmdline_word empty = {"", 0}, all = {"all,x", 3};
    cr_assert(!cmdline_next(&empty, ',', &item));
    cr_assert(cmdline_word_is(all, "all"));
    cr_assert(!cmdline_word_is(all, "al"));
    cr_assert(!cmdline_word_is(all, "alll"));
    cr_assert(cmdline_word_is(empty, ""));
}
