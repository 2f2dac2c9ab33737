/*
 * template.h - a small template renderer that always escapes.
 *
 * Templates are HTML with tags in double braces, rendered against a
 * jansson value (the same JSON the API returns):
 *
 *   {{naam}}            the value at a dotted path ("samenwerking.naam";
 *                       a number picks an array element: "eenheden.0"),
 *                       HTML-escaped; {{.}} is the current value
 *   {{datum|datum}}     the value through a formatter: datum (ISO date to
 *                       "22 april 2021"), moment (an instant such as
 *                       "2026-12-02T02:38:17Z" to Amsterdam time,
 *                       "2 december 2026, 03:38"), getal (1234567 ->
 *                       1.234.567),
 *                       url (percent-encoded for a URL component)
 *   {{#lijst}}...{{/lijst}}  a section: repeated for each element of an
 *                       array, entered once for an object or any other
 *                       true value, skipped for false/null/""/[]/0
 *   {{^lijst}}...{{/lijst}}  the inverse: rendered only when the value
 *                       is false, absent or empty
 *   {{>naam}}           another template of the same set
 *   {{! tekst }}        a comment
 *
 * There is no way to insert unescaped text: every value goes through the
 * HTML escaper (& < > " '), so data can never become markup.
 */
#ifndef AMBT_HTTP_TEMPLATE_H
#define AMBT_HTTP_TEMPLATE_H

#include <stddef.h>

#include <jansson.h>

#include "../core/arena.h"
#include "../core/err.h"

struct tmpl_set;

/* An empty set of templates; NULL when out of memory. */
struct tmpl_set *tmpl_set_new(void);
void tmpl_set_free(struct tmpl_set *set);

/*
 * Compile `len` bytes of template text under `name` into the set.
 * Unbalanced sections, unknown formatters or malformed tags are
 * ST_INVALID with a message naming the line. The text is copied.
 */
enum status tmpl_add(struct tmpl_set *set, const char *name, const char *text,
		     size_t len, struct err *e);

/*
 * Render template `name` with `data` into a NUL-terminated string in the
 * arena (*out, *out_len). Output larger than `max` bytes, a missing
 * template or partials nested deeper than 16 levels give an error.
 */
enum status tmpl_render(const struct tmpl_set *set, const char *name,
			json_t *data, struct arena *a, size_t max, char **out,
			size_t *out_len, struct err *e);

/* HTML-escape `s` into buf (size n, NUL-terminated); returns the length needed. */
size_t html_escape(const char *s, char *buf, size_t n);

#endif
