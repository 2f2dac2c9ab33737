/*
 * body.c - strict JSON body fields.
 */
#include <string.h>

#include "body.h"
#include "../core/text.h"
#include "../banned.h"

void
body_check_keys(json_t *obj, const char *const *allowed, struct err *e)
{
	const char *key;
	json_t *v;

	json_object_foreach(obj, key, v)
	{
		const char *const *k;

		for (k = allowed; *k; k++)
			if (strcmp(*k, key) == 0)
				break;
		if (!*k)
			err_invalid(e, key, "unknown-field",
				    "Onbekend veld '%.40s'.", key);
	}
}

const char *
body_str(json_t *obj, const char *key, bool required, struct err *e)
{
	json_t *v = json_object_get(obj, key);

	if (!v || json_is_null(v)) {
		if (required)
			err_invalid(e, key, "required",
				    "Dit veld is verplicht.");
		return NULL;
	}
	if (!json_is_string(v)) {
		err_invalid(e, key, "type", "Dit veld moet tekst zijn.");
		return NULL;
	}
	return json_string_value(v);
}

day_t
body_date(json_t *obj, const char *key, bool required, struct err *e)
{
	const char *s = body_str(obj, key, required, e);
	day_t d;

	if (!s)
		return DATE_NONE;
	if (date_parse(s, &d)) {
		err_invalid(e, key, "date",
			    "'%.20s' is geen geldige datum (JJJJ-MM-DD).", s);
		return DATE_NONE;
	}
	return d;
}

/* Checked before it is stored anywhere: never narrowed unchecked. */
enum status
body_int(json_t *obj, const char *key, bool required, int64_t min, int64_t max,
	 int64_t *out, struct err *e)
{
	json_t *v = json_object_get(obj, key);
	json_int_t x;

	if (!v || json_is_null(v)) {
		if (required)
			return err_invalid(e, key, "required",
					   "Dit veld is verplicht.");
		return ST_OK;
	}
	if (!json_is_integer(v))
		return err_invalid(e, key, "type",
				   "Dit veld moet een geheel getal zijn.");
	x = json_integer_value(v);
	if (x < min || x > max)
		return text_int_problem(key, "range", min, max, e);
	*out = (int64_t)x;
	return ST_OK;
}
