/*
 * uren.c - field parsers and input detection for hours exports.
 */
#include <string.h>

#include "text.h"
#include "uren.h"
#include "../banned.h"

static int
all_digits(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static long
number(const char *s, size_t n)
{
	long v = 0;

	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static enum status
parse_uren(const char *s, const char *field, int32_t max, int32_t *out,
	   struct err *e)
{
	size_t n = s ? strlen(s) : 0;
	const char *sep;
	long whole, hundredths = 0;

	if (n == 0)
		return err_invalid(e, field, "required",
				   "Vul het aantal uren in.");
	if (n > 12)
		goto bad;
	if ((sep = memchr(s, ':', n))) {
		size_t h = (size_t)(sep - s), m = n - h - 1;
		long minutes;

		if (!all_digits(s, h) || m != 2 || !all_digits(sep + 1, 2))
			goto bad;
		whole = number(s, h);
		minutes = number(sep + 1, 2);
		if (minutes > 59)
			goto bad;
		/* Minutes to hundredths, half up: 20 min = 33.33 -> 33. */
		hundredths = (minutes * 100 * 2 + 60) / 120;
	} else {
		const char *dot = memchr(s, ',', n);
		size_t h, f;

		if (!dot)
			dot = memchr(s, '.', n);
		h = dot ? (size_t)(dot - s) : n;
		f = dot ? n - h - 1 : 0;
		if (!all_digits(s, h) || (dot && !all_digits(dot + 1, f)))
			goto bad;
		whole = number(s, h);
		for (size_t i = 0; i < f; i++) {
			if (i < 2)
				hundredths =
					hundredths * 10 + (dot[1 + i] - '0');
			else if (dot[1 + i] != '0')
				return err_invalid(
					e, field, "precision",
					"'%.12s': uren worden geteld "
					"in honderdsten; gebruik "
					"hoogstens twee decimalen.",
					s);
		}
		if (f == 1)
			hundredths *= 10;
	}
	if (whole > max / 100)
		goto range;
	*out = (int32_t)(whole * 100 + hundredths);
	if (*out <= 0 || *out > max)
		goto range;
	return ST_OK;
range:
	return err_invalid(e, field, "range",
			   "'%.12s' uur kan niet: een regel heeft meer dan 0 "
			   "en hoogstens %d uur%s.",
			   s, max / 100,
			   max > UREN_MAX_PER_DAG ? " (een week)" : "");
bad:
	return err_invalid(e, field, "format",
			   "'%.12s' is geen aantal uren; schrijf bijvoorbeeld "
			   "7,5 of 7:30.",
			   s);
}

enum status
uren_parse_uren(const char *s, const char *field, int32_t *out, struct err *e)
{
	return parse_uren(s, field, UREN_MAX_PER_DAG, out, e);
}

enum status
uren_parse_weekuren(const char *s, const char *field, int32_t *out,
		    struct err *e)
{
	return parse_uren(s, field, 7 * UREN_MAX_PER_DAG, out, e);
}

enum status
uren_parse_datum(const char *s, const char *field, day_t *out, struct err *e)
{
	size_t n = s ? strlen(s) : 0;
	const char *d1, *d2;

	if (n == 0)
		return err_invalid(e, field, "required", "Vul de datum in.");
	if (date_parse(s, out) == 0)
		return ST_OK;
	/* d-m-yyyy or dd-mm-yyyy */
	d1 = memchr(s, '-', n);
	d2 = d1 ? memchr(d1 + 1, '-', n - (size_t)(d1 - s) - 1) : NULL;
	if (d1 && d2) {
		size_t ld = (size_t)(d1 - s), lm = (size_t)(d2 - d1 - 1),
		       ly = n - (size_t)(d2 - s) - 1;

		if (ld >= 1 && ld <= 2 && lm >= 1 && lm <= 2 && ly == 4 &&
		    all_digits(s, ld) && all_digits(d1 + 1, lm) &&
		    all_digits(d2 + 1, 4)) {
			int d = (int)number(s, ld), m = (int)number(d1 + 1, lm),
			    y = (int)number(d2 + 1, 4);

			if (date_valid_ymd(y, m, d)) {
				*out = date_from_ymd(y, m, d);
				return ST_OK;
			}
		}
	}
	return err_invalid(e, field, "date",
			   "'%.20s' is geen geldige datum; schrijf 2024-03-05 "
			   "of 5-3-2024.",
			   s);
}

enum status
uren_parse_week(const char *s, const char *field, day_t *monday, struct err *e)
{
	int y, w;
	day_t jan4, week1;

	if (!s || strlen(s) != 8 || s[4] != '-' || s[5] != 'W' ||
	    !all_digits(s, 4) || !all_digits(s + 6, 2))
		return err_invalid(e, field, "format",
				   "'%.20s' is geen ISO-week; schrijf "
				   "bijvoorbeeld 2024-W10.",
				   s ? s : "");
	y = (int)number(s, 4);
	w = (int)number(s + 6, 2);
	if (!date_valid_ymd(y, 1, 4))
		return err_invalid(e, field, "format", "Ongeldig jaar.");
	/* Week 1 holds 4 January; weeks start on Monday. */
	jan4 = date_from_ymd(y, 1, 4);
	week1 = jan4 - date_weekday(jan4);
	{
		day_t next = date_from_ymd(y + 1, 1, 4);
		int weeks = (int)((next - date_weekday(next) - week1) / 7);

		if (w < 1 || w > weeks)
			return err_invalid(e, field, "range",
					   "%d heeft weken 1 tot en met %d, "
					   "geen week %d.",
					   y, weeks, w);
	}
	*monday = week1 + (w - 1) * 7;
	return ST_OK;
}

/* Unicode code points of Windows-1252 bytes 0x80..0x9F (0: unused). */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0,	0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,	0x017D, 0,
	0,	0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,	0x017E, 0x0178,
};

enum status
uren_tekst(struct arena *a, const char *data, size_t n, enum uren_encoding *enc,
	   const char **out, size_t *out_len, struct err *e)
{
	const unsigned char *p = (const unsigned char *)data;
	char *buf;
	size_t o = 0;

	if (memchr(data, '\0', n))
		return err_invalid(e, "bestand", "binary",
				   "Dit is geen tekstbestand (het bevat "
				   "NUL-tekens); lever een CSV-bestand aan.");
	if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF &&
	    text_utf8_valid(data + 3, n - 3)) {
		*enc = UREN_UTF8_BOM;
		*out = data + 3;
		*out_len = n - 3;
		return ST_OK;
	}
	if (text_utf8_valid(data, n)) {
		*enc = UREN_UTF8;
		*out = data;
		*out_len = n;
		return ST_OK;
	}
	buf = arena_alloc(a, n * 3 + 1);
	if (!buf)
		return err_set(e, ST_TOO_LARGE, "Het bestand is te groot.");
	for (size_t i = 0; i < n; i++) {
		unsigned cp = p[i];

		if (cp >= 0x80 && cp <= 0x9F) {
			cp = cp1252_high[cp - 0x80];
			if (!cp)
				return err_invalid(e, "bestand", "encoding",
						   "De tekens in dit bestand "
						   "zijn geen UTF-8 en geen "
						   "Windows-1252; sla het op "
						   "als CSV (UTF-8).");
		}
		if (cp < 0x80) {
			buf[o++] = (char)cp;
		} else if (cp < 0x800) {
			buf[o++] = (char)(0xC0 | (cp >> 6));
			buf[o++] = (char)(0x80 | (cp & 0x3F));
		} else {
			buf[o++] = (char)(0xE0 | (cp >> 12));
			buf[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
			buf[o++] = (char)(0x80 | (cp & 0x3F));
		}
	}
	buf[o] = '\0';
	*enc = UREN_CP1252;
	*out = buf;
	*out_len = o;
	return ST_OK;
}

char
uren_separator(const char *line, size_t n)
{
	size_t semi = 0, comma = 0;
	int quoted = 0;

	for (size_t i = 0; i < n && line[i] != '\n' && line[i] != '\r'; i++) {
		if (line[i] == '"')
			quoted = !quoted;
		else if (!quoted && line[i] == ';')
			semi++;
		else if (!quoted && line[i] == ',')
			comma++;
	}
	if (!semi && !comma)
		return 0;
	return semi >= comma ? ';' : ',';
}
