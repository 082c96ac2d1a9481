/* Generated from chapters/02-devicetree.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "cmdline.h"

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

int cmdline_get(const char *cmdline, const char *key, struct cmdline_word *value)
{
    int found = 0;
    const char *p = cmdline;
    while (*p != '\0' && *key != '\0') {
        while (is_space(*p))
            p++;
        const char *word = p;
        while (*p != '\0' && !is_space(*p))
            p++;
        size_t k = 0;
        while (word + k < p && key[k] != '\0' && word[k] == key[k])
            k++;
        if (key[k] != '\0')
            continue;
        if (word + k == p) {
            *value = (struct cmdline_word){p, 0};
            found = 1;
        } else if (word[k] == '=') {
            *value = (struct cmdline_word){word + k + 1, (size_t)(p - (word + k + 1))};
            found = 1;
        }
    }
    return found;
}
int cmdline_next(struct cmdline_word *list, char separator, struct cmdline_word *item)
{
    while (list->len > 0 && list->text[0] == separator) {
        list->text++;
        list->len--;
    }
    if (list->len == 0)
        return 0;
    size_t n = 0;
    while (n < list->len && list->text[n] != separator)
        n++;
    *item = (struct cmdline_word){list->text, n};
    list->text += n;
    list->len -= n;
    return 1;
}
int cmdline_word_is(struct cmdline_word word, const char *s)
{
    size_t i = 0;
    while (i < word.len && s[i] != '\0' && word.text[i] == s[i])
        i++;
    return i == word.len && s[i] == '\0';
}
