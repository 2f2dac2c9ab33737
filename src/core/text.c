/*
 * text.c - UTF-8 validation (RFC 3629), text lengths in characters, and
 * whole numbers from text within a range.
 */
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "../banned.h"

/* Decode each sequence and refuse what RFC 3629 does not allow. */
bool
text_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned c = p[i], cp;
		size_t k;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			k = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			k = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			k = 3;
			cp = c & 0x07;
		} else {
			return false;
		}
		for (size_t j = 1; j <= k; j++) {
			if (i + j >= n || (p[i + j] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (p[i + j] & 0x3f);
		}
		if ((k == 2 &&
		     (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
		    (k == 3 && (cp < 0x10000 || cp > 0x10ffff)))
			return false;
		i += k + 1;
	}
	return true;
}

/* v in Dutch notation: thousands separated by dots from five digits on. */
static void
getal_nl(int64_t v, char *buf, size_t n)
{
	char digits[24], out[40];
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	size_t len, k = 0;

	snprintf(digits, sizeof(digits), "%llu", (unsigned long long)u);
	len = strlen(digits);
	if (v < 0)
		out[k++] = '-';
	for (size_t i = 0; i < len; i++) {
		if (len >= 5 && i && (len - i) % 3 == 0)
			out[k++] = '.';
		out[k++] = digits[i];
	}
	out[k] = '\0';
	snprintf(buf, n, "%s", out);
}

/* Count the bytes that start a character. */
size_t
text_chars(const char *s)
{
	size_t n = 0;

	for (; s && *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Up to the byte that would start character max + 1. */
size_t
text_prefix(const char *s, size_t max)
{
	size_t i = 0, n = 0;

	for (; s[i]; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && n++ == max)
			break;
	return i;
}

/* "Gebruik hoogstens N tekens." */
void
text_max_reason(size_t max, char *buf, size_t n)
{
	char g[48];

	getal_nl((int64_t)max, g, sizeof(g));
	snprintf(buf, n, "Gebruik hoogstens %s tekens.", g);
}

/* The one length rule of every text field. */
enum status
text_check_max(const char *s, const char *field, size_t max, struct err *e)
{
	char r[96];

	if (!s || text_chars(s) <= max)
		return ST_OK;
	text_max_reason(max, r, sizeof(r));
	return err_invalid(e, field, "too-long", "%s", r);
}

/* Digits accumulated as a magnitude, so that no value ever wraps. */
enum text_int
text_int_parse(const char *s, int64_t min, int64_t max, int64_t *out)
{
	bool neg;
	uint64_t v = 0, limit;
	const char *p = s;

	if (!p)
		return TEXT_INT_FORMAT;
	neg = *p == '-';
	if (neg)
		p++;
	if (*p < '0' || *p > '9')
		return TEXT_INT_FORMAT;
	/* The magnitude may reach 2^63 for INT64_MIN; beyond it nothing
	 * fits, but the rest must still be digits to be a number at all. */
	limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	bool over = false;
	for (; *p >= '0' && *p <= '9'; p++) {
		unsigned d = (unsigned)(*p - '0');

		if (over || v > (limit - d) / 10)
			over = true;
		else
			v = v * 10 + d;
	}
	if (*p)
		return TEXT_INT_FORMAT;
	if (over)
		return TEXT_INT_RANGE;
	int64_t x =
		neg ? (v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v)
		    : (int64_t)v;
	if (x < min || x > max)
		return TEXT_INT_RANGE;
	*out = x;
	return TEXT_INT_OK;
}

/* "geheel getal van A tot en met B" for messages. */
void
text_int_range(int64_t min, int64_t max, char *buf, size_t n)
{
	char a[48], b[48];

	getal_nl(min, a, sizeof(a));
	getal_nl(max, b, sizeof(b));
	if (max == INT64_MAX)
		snprintf(buf, n, "geheel getal van %s of hoger", a);
	else
		snprintf(buf, n, "geheel getal van %s tot en met %s", a, b);
}

/* The one message for a whole number outside its range. */
enum status
text_int_problem(const char *field, const char *code, int64_t min, int64_t max,
		 struct err *e)
{
	char r[128];

	text_int_range(min, max, r, sizeof(r));
	return err_invalid(e, field, code, "Geef een %s.", r);
}

/* A number already read (JSON, computed) against its range. */
enum status
text_check_int(int64_t v, const char *field, int64_t min, int64_t max,
	       struct err *e)
{
	if (v >= min && v <= max)
		return ST_OK;
	return text_int_problem(field, "range", min, max, e);
}

/*
 * The characters of s as numbers (the bytes of each character packed
 * together: equal characters give equal numbers, which is all a distance
 * needs); the count, or SIZE_MAX when there are more than max.
 */
static size_t
characters(const char *s, uint32_t *out, size_t max)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = 0;

	for (; *p; p++) {
		if ((*p & 0xc0) == 0x80 && n > 0) {
			out[n - 1] = out[n - 1] << 8 | *p;
			continue;
		}
		if (n == max)
			return SIZE_MAX;
		out[n++] = *p;
	}
	return n;
}

static size_t
min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;
	return m < c ? m : c;
}

/* Three rows of the table are enough: a swap looks back two rows. */
size_t
text_distance(const char *a, const char *b)
{
	uint32_t x[TEXT_DISTANCE_MAX], y[TEXT_DISTANCE_MAX];
	size_t rows[3][TEXT_DISTANCE_MAX + 1];
	size_t n = characters(a, x, TEXT_DISTANCE_MAX);
	size_t m = characters(b, y, TEXT_DISTANCE_MAX);

	if (n == SIZE_MAX || m == SIZE_MAX)
		return SIZE_MAX;
	for (size_t j = 0; j <= m; j++)
		rows[0][j] = j;
	for (size_t i = 1; i <= n; i++) {
		size_t *d = rows[i % 3], *up = rows[(i - 1) % 3],
		       *up2 = rows[(i + 1) % 3];
		d[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t cost = x[i - 1] != y[j - 1];
			d[j] = min3(up[j] + 1, d[j - 1] + 1, up[j - 1] + cost);
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] &&
			    x[i - 2] == y[j - 1] && up2[j - 2] + 1 < d[j])
				d[j] = up2[j - 2] + 1;
		}
	}
	return rows[n % 3][m];
}

size_t
text_nearest(const char *s, const char *const *candidates, size_t n, size_t max)
{
	size_t best = n, best_d = SIZE_MAX;

	for (size_t i = 0; i < n; i++) {
		size_t d = text_distance(s, candidates[i]);
		if (d <= max && d < best_d) {
			best = i;
			best_d = d;
		}
	}
	return best;
}
