/*
 * urlencoded.c - strict application/x-www-form-urlencoded parsing.
 */
#include <stdbool.h>
#include <string.h>

#include "urlencoded.h"
#include "../core/text.h"
#include "../banned.h"

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode one component into the arena; NULL on a bad escape or text. */
static char *
decode(struct arena *a, const char *s, size_t n, const char **why)
{
	char *out = arena_alloc(a, n + 1);
	size_t o = 0;

	if (!out) {
		*why = "nomem";
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '+') {
			out[o++] = ' ';
		} else if (c == '%') {
			int hi, lo;

			if (i + 2 >= n) {
				*why = "een %-teken wordt niet gevolgd door "
				       "twee hexadecimale cijfers";
				return NULL;
			}
			hi = hexval(s[i + 1]);
			lo = hexval(s[i + 2]);
			if (hi < 0 || lo < 0) {
				*why = "een %-teken wordt niet gevolgd door "
				       "twee hexadecimale cijfers";
				return NULL;
			}
			out[o++] = (char)(hi * 16 + lo);
			i += 2;
		} else {
			out[o++] = (char)c;
		}
	}
	out[o] = '\0';
	for (size_t i = 0; i < o; i++) {
		unsigned char c = (unsigned char)out[i];
		if (c < 0x20 || c == 0x7f) {
			*why = "de tekst bevat een stuurteken";
			return NULL;
		}
	}
	if (!text_utf8_valid(out, o)) {
		*why = "de tekst is geen geldige UTF-8";
		return NULL;
	}
	return out;
}

enum status
urlenc_parse(struct arena *a, const char *text, size_t len, const char *what,
	     struct kvlist *out, struct err *e)
{
	size_t cap = 0, i = 0;

	out->items = NULL;
	out->n = 0;
	while (i < len) {
		size_t start = i, eq = (size_t)-1;
		const char *why = NULL;
		char *key, *val;

		while (i < len && text[i] != '&') {
			if (text[i] == '=' && eq == (size_t)-1)
				eq = i;
			i++;
		}
		if (i == start) { /* empty pair: "a=1&&b=2" or trailing & */
			i++;
			continue;
		}
		if (out->n == URLENC_MAX_PAIRS)
			return err_invalid(e, what, "too-many",
					   "Te veel parameters (meer dan %d).",
					   URLENC_MAX_PAIRS);
		if (eq == (size_t)-1)
			eq = i;
		key = decode(a, text + start, eq - start, &why);
		val = key ? decode(a, text + eq + (eq < i), i - eq - (eq < i),
				   &why)
			  : NULL;
		if (!key || !val) {
			if (why && strcmp(why, "nomem") == 0)
				return err_set(e, ST_NOMEM,
					       "Onvoldoende geheugen.");
			return err_invalid(e, what, "encoding",
					   "Ongeldige invoer: %s.", why);
		}
		if (!*key)
			return err_invalid(e, what, "empty-key",
					   "Ongeldige invoer: een parameter "
					   "zonder naam.");
		if (out->n == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			struct kv *items = arena_grow(a, out->items, out->n,
						      ncap, sizeof(*items));
			if (!items)
				return err_set(e, ST_NOMEM,
					       "Onvoldoende geheugen.");
			out->items = items;
			cap = ncap;
		}
		out->items[out->n].key = key;
		out->items[out->n].value = val;
		out->n++;
		i++; /* skip '&' */
	}
	return ST_OK;
}

const char *
kv_get(const struct kvlist *l, const char *key)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i].key, key) == 0)
			return l->items[i].value;
	return NULL;
}

size_t
kv_count(const struct kvlist *l, const char *key)
{
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i].key, key) == 0)
			n++;
	return n;
}

size_t
urlenc_encode(const char *s, char *buf, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t need = 0, w = 0;
	bool full = false;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		int plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
			    c == '.' || c == '~';
		size_t piece = plain ? 1 : 3;

		need += piece;
		/* Once something does not fit, write nothing more: the
		 * output is a clean prefix, never with a gap. */
		if (full || w + piece >= n) {
			full = true;
			continue;
		}
		if (plain) {
			buf[w++] = (char)c;
		} else {
			buf[w++] = '%';
			buf[w++] = hex[c >> 4];
			buf[w++] = hex[c & 15];
		}
	}
	if (n)
		buf[w] = '\0';
	return need;
}
