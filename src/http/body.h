/*
 * body.h - strict reading of JSON request bodies: unknown fields, wrong
 * types and bad dates are problems named after the field, all collected
 * before anything is stored.
 */
#ifndef AMBT_HTTP_BODY_H
#define AMBT_HTTP_BODY_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "../core/date.h"
#include "../core/err.h"

/* Add a problem for every member of `obj` not in `allowed` (NULL-ended). */
void body_check_keys(json_t *obj, const char *const *allowed, struct err *e);

/* A string member: NULL when absent or null (a problem when required). */
const char *body_str(json_t *obj, const char *key, bool required,
		     struct err *e);

/* A date member (YYYY-MM-DD); DATE_NONE when absent or null. */
day_t body_date(json_t *obj, const char *key, bool required, struct err *e);

/*
 * An integer member within [min, max] into *out; *out is left alone when
 * the member is absent or null (a problem "required" when `required`), is
 * not a JSON integer (problem "type": 1.5 and 1e3 are not), or is outside
 * the range (problem "range"; a number beyond jansson's json_int_t never
 * gets here: the body is refused as malformed JSON). Returns ST_OK when
 * *out was set or the member was optional and absent.
 */
enum status body_int(json_t *obj, const char *key, bool required, int64_t min,
		     int64_t max, int64_t *out, struct err *e);

#endif
