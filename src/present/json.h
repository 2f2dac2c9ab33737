/*
 * json.h - building JSON with jansson: NULL-safe strings and
 * dates as ISO text (null when absent).
 */
#ifndef AMBT_PRESENT_JSON_H
#define AMBT_PRESENT_JSON_H

#include <jansson.h>

#include "../core/date.h"

static inline json_t *
jstr(const char *s)
{
	json_t *v = s ? json_string(s) : NULL;

	return v ? v : json_null();
}

static inline json_t *
jdate(day_t d)
{
	char buf[DATE_ISO_LEN];

	if (d == DATE_NONE)
		return json_null();
	date_format_iso(d, buf);
	return json_string(buf);
}

#endif
