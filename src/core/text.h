/*
 * text.h - rules for text from outside: well-formed UTF-8.
 */
#ifndef AMBT_CORE_TEXT_H
#define AMBT_CORE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Whether the n bytes at s are well-formed UTF-8: no overlong forms, no
 * surrogates, nothing above U+10FFFF.
 */
bool text_utf8_valid(const char *s, size_t n);

#endif
