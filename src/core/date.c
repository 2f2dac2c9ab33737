/*
 * date.c - day numbers, strict ISO parsing, Dutch formatting, and the
 * Amsterdam offset. Pure functions: no clock, no locale, no allocation.
 */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "../banned.h"

static const char *const month_nl[12] = {
	"januari", "februari", "maart",	    "april",   "mei",	   "juni",
	"juli",	   "augustus", "september", "oktober", "november", "december",
};

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30,
				     31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

int
date_valid_ymd(int y, int m, int d)
{
	if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= days_in_month(y, m);
}

/* Days from civil, after the well-known era-based algorithm. */
day_t
date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (day_t)(era * 146097 + doe - 719468);
}

void
date_to_ymd(day_t day, int *y, int *m, int *d)
{
	int z = day + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int dd = doy - (153 * mp + 2) / 5 + 1;
	int mm = mp < 10 ? mp + 3 : mp - 9;

	*y = yoe + era * 400 + (mm <= 2);
	*m = mm;
	*d = dd;
}

static int
digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int
date_parse(const char *s, day_t *out)
{
	int y, m, d;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	if (digits(s, 4, &y) || digits(s + 5, 2, &m) || digits(s + 8, 2, &d))
		return -1;
	if (!date_valid_ymd(y, m, d))
		return -1;
	*out = date_from_ymd(y, m, d);
	return 0;
}

void
date_format_iso(day_t day, char *buf)
{
	int y, m, d;

	if (day == DATE_NONE) {
		buf[0] = '\0';
		return;
	}
	date_to_ymd(day, &y, &m, &d);
	/* Day numbers from date_parse stay within years 1000-9999. */
	y = y < 0 ? 0 : y % 10000;
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
}

void
date_format_nl(day_t day, char *buf, size_t n)
{
	int y, m, d;

	if (n == 0)
		return;
	if (day == DATE_NONE) {
		buf[0] = '\0';
		return;
	}
	date_to_ymd(day, &y, &m, &d);
	snprintf(buf, n, "%d %s %d", d, month_nl[m - 1], y);
}

int
date_weekday(day_t day)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int w = (int)((day % 7 + 7 + 3) % 7);

	return w;
}

/* Last Sunday of the month, as a day number. */
static day_t
last_sunday(int y, int m)
{
	day_t last = date_from_ymd(y, m, days_in_month(y, m));

	return last - (date_weekday(last) + 1) % 7;
}

int
date_amsterdam_offset(int64_t utc_seconds)
{
	int64_t days = utc_seconds >= 0 ? utc_seconds / 86400
					: -((-utc_seconds + 86399) / 86400);
	int y, m, d;
	int64_t start, end;

	date_to_ymd((day_t)days, &y, &m, &d);
	start = (int64_t)last_sunday(y, 3) * 86400 + 3600;
	end = (int64_t)last_sunday(y, 10) * 86400 + 3600;
	return utc_seconds >= start && utc_seconds < end ? 7200 : 3600;
}

day_t
date_amsterdam_today(int64_t utc_seconds)
{
	int64_t local = utc_seconds + date_amsterdam_offset(utc_seconds);

	return (day_t)(local >= 0 ? local / 86400
				  : -((-local + 86399) / 86400));
}

int
date_parse_instant(const char *s, int64_t *utc)
{
	day_t day;
	int hh, mm, ss, oh, om;
	int64_t t;
	char part[DATE_ISO_LEN];
	size_t n = s ? strlen(s) : 0;

	if (n == 10) {
		if (date_parse(s, &day))
			return -1;
		/* Noon in Amsterdam: 11:00 UTC in winter, 10:00 in summer. */
		t = (int64_t)day * 86400 + 12 * 3600;
		*utc = t - date_amsterdam_offset(t - 3600);
		return 0;
	}
	if (n != 20 && n != 25)
		return -1;
	memcpy(part, s, 10);
	part[10] = '\0';
	if (date_parse(part, &day) || s[10] != 'T' || s[13] != ':' ||
	    s[16] != ':' || digits(s + 11, 2, &hh) || digits(s + 14, 2, &mm) ||
	    digits(s + 17, 2, &ss) || hh > 23 || mm > 59 || ss > 59)
		return -1;
	t = (int64_t)day * 86400 + hh * 3600 + mm * 60 + ss;
	if (n == 20) {
		if (s[19] != 'Z')
			return -1;
	} else {
		if ((s[19] != '+' && s[19] != '-') || s[22] != ':' ||
		    digits(s + 20, 2, &oh) || digits(s + 23, 2, &om) ||
		    om > 59 || oh * 60 + om > 14 * 60)
			return -1;
		t += (s[19] == '+' ? -1 : 1) * (int64_t)(oh * 3600 + om * 60);
	}
	*utc = t;
	return 0;
}

void
date_format_instant(int64_t utc, char *buf)
{
	int64_t days = utc >= 0 ? utc / 86400 : -((-utc + 86399) / 86400);
	int sec = (int)(utc - days * 86400);
	const int part[3] = { sec / 3600, sec / 60 % 60, sec % 60 };

	date_format_iso((day_t)days, buf);
	buf[10] = 'T';
	for (int i = 0; i < 3; i++) {
		buf[11 + 3 * i] = (char)('0' + part[i] / 10);
		buf[12 + 3 * i] = (char)('0' + part[i] % 10);
		buf[13 + 3 * i] = i < 2 ? ':' : 'Z';
	}
	buf[20] = '\0';
}

void
date_format_moment_nl(int64_t utc, char *buf, size_t n)
{
	int64_t l = utc + date_amsterdam_offset(utc);
	int64_t dag = l >= 0 ? l / 86400 : -((-l + 86399) / 86400);
	int minuut = (int)((l - dag * 86400) / 60);
	char datum[32];

	if (n == 0)
		return;
	date_format_nl((day_t)dag, datum, sizeof(datum));
	snprintf(buf, n, "%s, %02d:%02d", datum, minuut / 60, minuut % 60);
}
