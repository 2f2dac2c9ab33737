/*
 * fuzz_date.c - date_parse() and the rest of src/core/date.c.
 *
 * Input: a string (up to its first NUL). Checks:
 *  - date_parse accepts exactly what a reference parser written here
 *    accepts (10 bytes "YYYY-MM-DD", years 1000-9999, a real day) and
 *    gives the reference day number; a rejected string leaves *out alone;
 *  - a parsed date formats back (date_format_iso) to the same 10 bytes,
 *    date_to_ymd/date_from_ymd round-trip it, date_weekday agrees with
 *    Sakamoto's formula, date_format_nl gives "D maand YYYY" and stays
 *    terminated in short buffers;
 *  - date_valid_ymd agrees with the reference for the input's first 12
 *    bytes read as three int32 (year, month, day);
 *  - the first 8 bytes read as a UTC instant in years 1000-9999:
 *    date_amsterdam_offset follows the EU rule (UTC+2 from the last
 *    Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC)
 *    and date_amsterdam_today is the local calendar day.
 */
#include <stdbool.h>
#include <string.h>

#include "fuzz.h"
#include "../src/core/date.h"
#include "../src/banned.h"

static const char *const month_nl[12] = {
	"januari", "februari", "maart",	    "april",   "mei",	   "juni",
	"juli",	   "augustus", "september", "oktober", "november", "december",
};

static bool
ref_leap(long y)
{
	return y % 400 == 0 || (y % 4 == 0 && y % 100 != 0);
}

static int
ref_dim(long y, int m)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30,
				     31, 31, 30, 31, 30, 31 };

	return dim[m - 1] + (m == 2 && ref_leap(y));
}

static bool
ref_valid(long y, long m, long d)
{
	return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= ref_dim(y, (int)m);
}

/* Days since 1970-01-01, counted from 0001-01-01 (day 719162 before). */
static long
ref_days(long y, int m, int d)
{
	static const int cum[12] = { 0,	  31,  59,  90,	 120, 151,
				     181, 212, 243, 273, 304, 334 };
	long py = y - 1;

	return py * 365 + py / 4 - py / 100 + py / 400 + cum[m - 1] +
	       (m > 2 && ref_leap(y)) + d - 1 - 719162;
}

/* 0 = Monday (Sakamoto's formula counts from Sunday). */
static int
ref_weekday(long y, int m, int d)
{
	static const int t[12] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };

	y -= m < 3;
	return (int)((y + y / 4 - y / 100 + y / 400 + t[m - 1] + d + 6) % 7);
}

static void
ref_ymd(long day, long *y, int *m, int *d)
{
	long yy = 1970 + day / 366;

	while (ref_days(yy + 1, 1, 1) <= day)
		yy++;
	while (ref_days(yy, 1, 1) > day)
		yy--;
	*m = 12;
	while (ref_days(yy, *m, 1) > day)
		(*m)--;
	*y = yy;
	*d = (int)(day - ref_days(yy, *m, 1)) + 1;
}

static long
ref_last_sunday(long y, int m)
{
	int d = ref_dim(y, m);

	return ref_days(y, m, d) - (ref_weekday(y, m, d) + 1) % 7;
}

static int
ref_parse(const char *s, long *day)
{
	long v[3] = { 0, 0, 0 };
	static const int pos[3] = { 0, 5, 8 }, len[3] = { 4, 2, 2 };

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (int k = 0; k < 3; k++)
		for (int i = pos[k]; i < pos[k] + len[k]; i++) {
			if (s[i] < '0' || s[i] > '9')
				return -1;
			v[k] = v[k] * 10 + (s[i] - '0');
		}
	if (!ref_valid(v[0], v[1], v[2]))
		return -1;
	*day = ref_days(v[0], (int)v[1], (int)v[2]);
	return 0;
}

static void
check_day(day_t day)
{
	char iso[DATE_ISO_LEN], nl[40], want[40], small[40];
	long ry;
	int y, m, d, rm, rd;

	ref_ymd(day, &ry, &rm, &rd);
	date_to_ymd(day, &y, &m, &d);
	FUZZ_CHECK(y == ry && m == rm && d == rd);
	FUZZ_CHECK(date_valid_ymd(y, m, d));
	FUZZ_CHECK(date_from_ymd(y, m, d) == day);
	FUZZ_CHECK(date_weekday(day) == ref_weekday(y, m, d));
	date_format_iso(day, iso);
	FUZZ_CHECK(strlen(iso) == 10);
	snprintf(want, sizeof(want), "%04d-%02d-%02d", y, m, d);
	FUZZ_CHECK(strcmp(iso, want) == 0);
	date_format_nl(day, nl, sizeof(nl));
	snprintf(want, sizeof(want), "%d %s %d", d, month_nl[m - 1], y);
	FUZZ_CHECK(strcmp(nl, want) == 0);
	for (size_t n = 1; n <= strlen(want) + 1; n++) {
		memset(small, 'x', sizeof(small));
		date_format_nl(day, small, n);
		FUZZ_CHECK(strlen(small) == n - 1);
		FUZZ_CHECK(strncmp(small, want, n - 1) == 0);
	}
	date_format_nl(day, small, 0); /* writes nothing */
}

static void
check_instant(int64_t t)
{
	long day = (long)(t >= 0 ? t / 86400 : -((-t + 86399) / 86400)), y;
	int m, d, off = date_amsterdam_offset(t);
	int64_t start, end, local;

	ref_ymd(day, &y, &m, &d);
	start = (int64_t)ref_last_sunday(y, 3) * 86400 + 3600;
	end = (int64_t)ref_last_sunday(y, 10) * 86400 + 3600;
	FUZZ_CHECK(off == (t >= start && t < end ? 7200 : 3600));
	local = t + off;
	FUZZ_CHECK(date_amsterdam_today(t) ==
		   (day_t)(local >= 0 ? local / 86400
				      : -((-local + 86399) / 86400)));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	long want;
	day_t got = 12345;
	uint8_t b[12] = { 0 };
	int32_t ymd[3];
	uint64_t u = 0;
	int64_t lo = ref_days(1000, 1, 1) * 86400;
	int64_t hi = ref_days(9999, 12, 31) * 86400 + 86399;
	char buf[DATE_ISO_LEN];

	FUZZ_CHECK(s != NULL);
	memcpy(s, data, size);
	s[size] = '\0';

	if (ref_parse(s, &want) == 0) {
		FUZZ_CHECK(date_parse(s, &got) == 0);
		FUZZ_CHECK(got == want);
		date_format_iso(got, buf);
		FUZZ_CHECK(memcmp(buf, s, 10) == 0 && buf[10] == '\0');
		check_day(got);
	} else {
		FUZZ_CHECK(date_parse(s, &got) == -1);
		FUZZ_CHECK(got == 12345);
	}
	free(s);

	memcpy(b, data, size < sizeof(b) ? size : sizeof(b));
	memcpy(ymd, b, sizeof(ymd));
	FUZZ_CHECK(date_valid_ymd(ymd[0], ymd[1], ymd[2]) ==
		   ref_valid(ymd[0], ymd[1], ymd[2]));
	for (int i = 7; i >= 0; i--)
		u = (u << 8) | b[i];
	check_instant(lo + (int64_t)(u % (uint64_t)(hi - lo + 1)));
	check_day((day_t)(ref_days(1000, 1, 1) +
			  (long)(u % (uint64_t)(ref_days(9999, 12, 31) -
						ref_days(1000, 1, 1) + 1))));

	date_format_iso(DATE_NONE, buf);
	FUZZ_CHECK(buf[0] == '\0');
	date_format_nl(DATE_NONE, buf, sizeof(buf));
	FUZZ_CHECK(buf[0] == '\0');
	return 0;
}
