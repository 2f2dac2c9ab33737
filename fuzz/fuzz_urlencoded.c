/*
 * fuzz_urlencoded.c - urlenc_parse() and urlenc_encode() (src/http/urlencoded.c).
 *
 * The input is a query string. Checks:
 *  - urlenc_parse agrees with a reference parser written here from the
 *    rules in urlencoded.h (same accept/reject, same pairs in the same
 *    order); a rejection is ST_INVALID with one problem named "query";
 *  - an accepted list has at most URLENC_MAX_PAIRS pairs, non-empty keys,
 *    and kv_get/kv_count agree with the list (NULL/0 for absent keys);
 *  - round trip: for every decoded key and value v, "k=" +
 *    urlenc_encode(v) parses back to exactly v, and the whole list
 *    re-encoded as "k=v&k=v..." parses back to the same list;
 *  - urlenc_encode of the raw input (up to its first NUL) writes only
 *    unreserved characters and %XX, returns the length it wrote, and
 *    parses back to the input exactly when the input is UTF-8 without
 *    control characters;
 *  - urlenc_encode into short buffers never writes past n and always
 *    NUL-terminates (with FUZZ_STRICT_TRUNCATION also: what it leaves is
 *    a prefix of the full encoding; see fuzz/README.md);
 *  - with an arena that cannot hold one chunk, parsing is ST_NOMEM (or
 *    ST_OK with no pairs for input without any pair).
 */
#include <stdbool.h>
#include <string.h>

#include "fuzz.h"
#include "../src/http/urlencoded.h"
#include "../src/banned.h"

#ifndef FUZZ_STRICT_TRUNCATION
#define FUZZ_STRICT_TRUNCATION 1
#endif

struct ref_list {
	size_t n;
	const char *key[URLENC_MAX_PAIRS];
	const char *val[URLENC_MAX_PAIRS];
};

static int
ref_hex(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* UTF-8 per RFC 3629, decoded code point by code point. */
static bool
ref_utf8(const unsigned char *s, size_t n)
{
	static const unsigned long min[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i];
		unsigned long cp;
		size_t len;

		if (c < 0x80) {
			i++;
			continue;
		}
		if ((c & 0xe0) == 0xc0) {
			len = 2;
			cp = c & 0x1f;
		} else if ((c & 0xf0) == 0xe0) {
			len = 3;
			cp = c & 0x0f;
		} else if ((c & 0xf8) == 0xf0) {
			len = 4;
			cp = c & 0x07;
		} else {
			return false;
		}
		if (n - i < len)
			return false;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if (cp < min[len] || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return false;
		i += len;
	}
	return true;
}

static bool
ref_plain_text(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < 0x20 || s[i] == 0x7f)
			return false;
	return ref_utf8(s, n);
}

/* Decode s[0..n) into *pool (NUL-terminated); NULL when invalid. */
static const char *
ref_decode(const unsigned char *s, size_t n, char **pool)
{
	char *out = *pool;
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '+') {
			out[o++] = ' ';
		} else if (s[i] == '%') {
			if (n - i < 3 || ref_hex(s[i + 1]) < 0 ||
			    ref_hex(s[i + 2]) < 0)
				return NULL;
			out[o++] = (char)(ref_hex(s[i + 1]) * 16 +
					  ref_hex(s[i + 2]));
			i += 2;
		} else {
			out[o++] = (char)s[i];
		}
	}
	out[o] = '\0';
	if (!ref_plain_text((const unsigned char *)out, o))
		return NULL;
	*pool += o + 1;
	return out;
}

/* 0 and the pairs, or -1 for input the rules reject. */
static int
ref_parse(const unsigned char *t, size_t len, char *pool, struct ref_list *l)
{
	size_t i = 0;

	l->n = 0;
	while (i < len) {
		size_t start = i, eq, end;

		while (i < len && t[i] != '&')
			i++;
		end = i++;
		if (end == start)
			continue;
		if (l->n == URLENC_MAX_PAIRS)
			return -1;
		for (eq = start; eq < end && t[eq] != '='; eq++)
			;
		l->key[l->n] = ref_decode(t + start, eq - start, &pool);
		if (!l->key[l->n] || !*l->key[l->n])
			return -1;
		l->val[l->n] =
			eq < end ? ref_decode(t + eq + 1, end - eq - 1, &pool)
				 : ref_decode(t, 0, &pool);
		if (!l->val[l->n])
			return -1;
		l->n++;
	}
	return 0;
}

static bool
unreserved(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
	       c == '~';
}

/* urlenc_encode into a fresh malloc'd buffer, checking its form. */
static char *
encode(const char *s)
{
	size_t need = urlenc_encode(s, NULL, 0), want = 0;
	char *buf = malloc(need + 1);
	static const char hex[] = "0123456789ABCDEF";

	FUZZ_CHECK(buf != NULL);
	FUZZ_CHECK(urlenc_encode(s, buf, need + 1) == need);
	FUZZ_CHECK(strlen(buf) == need);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (unreserved(*p)) {
			FUZZ_CHECK(buf[want] == (char)*p);
			want++;
		} else {
			FUZZ_CHECK(buf[want] == '%');
			FUZZ_CHECK(buf[want + 1] == hex[*p >> 4]);
			FUZZ_CHECK(buf[want + 2] == hex[*p & 15]);
			want += 3;
		}
	}
	FUZZ_CHECK(want == need);
	return buf;
}

/* Encoding into buffers that are too short: bounded and terminated. */
static void
check_truncation(const char *s, const char *full, size_t need)
{
	size_t sizes[] = { 0, 1, 2, 3, 4, 5, need / 2 + 1, need, need + 1 };

	for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		size_t n = sizes[k];
		/* exactly n bytes, so that ASan sees a write past the end */
		char *buf = malloc(n ? n : 1);

		FUZZ_CHECK(buf != NULL);
		memset(buf, 0xAA, n ? n : 1);
		FUZZ_CHECK(urlenc_encode(s, n ? buf : NULL, n) == need);
		if (n) {
			FUZZ_CHECK(memchr(buf, '\0', n) != NULL);
			FUZZ_CHECK(strlen(buf) <= need);
#if FUZZ_STRICT_TRUNCATION
			FUZZ_CHECK(memcmp(buf, full, strlen(buf)) == 0);
#else
			(void)full;
#endif
		}
		free(buf);
	}
}

/*
 * "k=" + urlenc_encode(v) parses, exactly when v is text (UTF-8 without
 * control characters), to the one pair k -> v.
 */
static void
check_round_trip(const char *v, bool text)
{
	char *enc = encode(v);
	size_t elen = strlen(enc);
	char *q = malloc(elen + 3);
	struct arena a;
	struct kvlist l;
	struct err e;
	enum status st;

	FUZZ_CHECK(q != NULL);
	q[0] = 'k';
	q[1] = '=';
	memcpy(q + 2, enc, elen + 1);
	arena_init(&a, 1 << 20);
	err_clear(&e);
	st = urlenc_parse(&a, q, elen + 2, "query", &l, &e);
	FUZZ_CHECK(st == (text ? ST_OK : ST_INVALID));
	if (st == ST_OK) {
		FUZZ_CHECK(l.n == 1);
		FUZZ_CHECK(strcmp(l.items[0].key, "k") == 0);
		FUZZ_CHECK(strcmp(l.items[0].value, v) == 0);
	}
	check_truncation(v, enc, elen);
	arena_free(&a);
	free(q);
	free(enc);
}

/* The whole list re-encoded parses back to itself. */
static void
check_list_round_trip(const struct kvlist *l)
{
	size_t cap = 1, o = 0;
	char *q;
	struct arena a;
	struct kvlist l2;
	struct err e;

	for (size_t i = 0; i < l->n; i++)
		cap += urlenc_encode(l->items[i].key, NULL, 0) +
		       urlenc_encode(l->items[i].value, NULL, 0) + 2;
	q = malloc(cap);
	FUZZ_CHECK(q != NULL);
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			q[o++] = '&';
		o += urlenc_encode(l->items[i].key, q + o, cap - o);
		q[o++] = '=';
		o += urlenc_encode(l->items[i].value, q + o, cap - o);
	}
	FUZZ_CHECK(o < cap);
	arena_init(&a, 1 << 20);
	err_clear(&e);
	FUZZ_CHECK(urlenc_parse(&a, q, o, "query", &l2, &e) == ST_OK);
	FUZZ_CHECK(l2.n == l->n);
	for (size_t i = 0; i < l->n; i++) {
		FUZZ_CHECK(strcmp(l2.items[i].key, l->items[i].key) == 0);
		FUZZ_CHECK(strcmp(l2.items[i].value, l->items[i].value) == 0);
	}
	arena_free(&a);
	free(q);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	char *pool = malloc(3 * size + 3), *raw;
	struct ref_list ref;
	struct arena a;
	struct kvlist l;
	struct err e;
	enum status st;
	int rst;
	bool any_pair = false;

	FUZZ_CHECK(pool != NULL);
	rst = ref_parse(data, size, pool, &ref);
	arena_init(&a, 1 << 20);
	err_clear(&e);
	st = urlenc_parse(&a, text, size, "query", &l, &e);
	if (rst == 0) {
		FUZZ_CHECK(st == ST_OK);
		FUZZ_CHECK(l.n == ref.n);
		FUZZ_CHECK(l.n <= URLENC_MAX_PAIRS);
		for (size_t i = 0; i < l.n; i++) {
			size_t count = 0, first = i;

			FUZZ_CHECK(strcmp(l.items[i].key, ref.key[i]) == 0);
			FUZZ_CHECK(strcmp(l.items[i].value, ref.val[i]) == 0);
			FUZZ_CHECK(l.items[i].key[0] != '\0');
			for (size_t j = 0; j < l.n; j++) {
				if (strcmp(l.items[j].key, l.items[i].key))
					continue;
				if (!count)
					first = j;
				count++;
			}
			FUZZ_CHECK(kv_count(&l, l.items[i].key) == count);
			FUZZ_CHECK(kv_get(&l, l.items[i].key) ==
				   l.items[first].value);
			check_round_trip(l.items[i].key, true);
			check_round_trip(l.items[i].value, true);
		}
		check_list_round_trip(&l);
		/* no key holds a control character */
		FUZZ_CHECK(kv_get(&l, "\x01") == NULL);
		FUZZ_CHECK(kv_count(&l, "\x01") == 0);
	} else {
		FUZZ_CHECK(st == ST_INVALID);
		FUZZ_CHECK(e.status == ST_INVALID);
		FUZZ_CHECK(e.nproblems == 1);
		FUZZ_CHECK(strcmp(e.problems[0].name, "query") == 0);
	}
	arena_free(&a);

	/* An arena below one chunk: every allocation fails. */
	for (size_t i = 0; i < size; i++)
		if (data[i] != '&')
			any_pair = true;
	arena_init(&a, 100);
	err_clear(&e);
	st = urlenc_parse(&a, text, size, "form", &l, &e);
	FUZZ_CHECK(st == (any_pair ? ST_NOMEM : ST_OK));
	if (st == ST_OK)
		FUZZ_CHECK(l.n == 0);
	arena_free(&a);

	/* The raw input as a value: encoded, it parses back iff it is text. */
	raw = malloc(size + 1);
	FUZZ_CHECK(raw != NULL);
	memcpy(raw, data, size);
	raw[size] = '\0';
	check_round_trip(raw,
			 ref_plain_text((unsigned char *)raw, strlen(raw)));
	free(raw);
	free(pool);
	return 0;
}
