/*
 * timeline.h - the geometry of a cooperation's timeline: one row per unit,
 * one bar per period of its arrangement (shared / own / delegated), a
 * marker where a decision changed it, and year ticks. Pure arithmetic on
 * day numbers; the page template draws it as SVG, always escaped.
 */
#ifndef AMBT_PRESENT_TIMELINE_H
#define AMBT_PRESENT_TIMELINE_H

#include <stddef.h>

#include <jansson.h>

#include "../core/register.h"

struct timeline_row {
	const char *naam;
	const char *code;
	const struct inrichting *perioden;
	size_t nperioden;
};

/*
 * Lay out rows[0..n) between the days `from` and `to` (to > from) as
 * {breedte, hoogte, labelBreedte, jaren: [{x, jaar}], rijen: [{y, naam,
 * code, perioden: [{x, breedte, vorm, van, tot, wie, besluit}],
 * wijzigingen: [{x, y, besluit}]}], markering: {x, datum}}. `mark` (or
 * DATE_NONE) is the date the page is viewed as of. Coordinates are whole
 * pixels.
 */
json_t *timeline_json(const struct timeline_row *rows, size_t n, day_t from,
		      day_t to, day_t mark);

#endif
