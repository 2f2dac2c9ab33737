/*
 * timeline.c - timeline geometry (see timeline.h).
 */
#include "json.h"
#include "present.h"
#include "timeline.h"
#include "../banned.h"

#define WIDTH 960
#define LABEL 280
#define ROW 30
#define TOP 34
#define BAR 18

static long
x_of(day_t d, day_t from, day_t to)
{
	if (d < from)
		d = from;
	if (d > to)
		d = to;
	return LABEL + (long)(((long long)(d - from) * (WIDTH - LABEL - 24)) /
			      (to - from));
}

json_t *
timeline_json(const struct timeline_row *rows, size_t n, day_t from, day_t to,
	      day_t mark)
{
	json_t *j = json_object(), *jaren = json_array(), *rijen = json_array();
	int y0, m, d, y1;

	if (to <= from)
		to = from + 1;
	date_to_ymd(from, &y0, &m, &d);
	date_to_ymd(to, &y1, &m, &d);
	for (int y = y0; y <= y1; y++) {
		day_t jan = date_from_ymd(y, 1, 1);
		json_t *t;

		if (jan < from || jan > to)
			continue;
		t = json_object();
		json_object_set_new(t, "x", json_integer(x_of(jan, from, to)));
		json_object_set_new(t, "jaar", json_integer(y));
		json_array_append_new(jaren, t);
	}
	for (size_t i = 0; i < n; i++) {
		json_t *r = json_object(), *ps = json_array(),
		       *ws = json_array();
		long y = TOP + (long)i * ROW;

		json_object_set_new(r, "y", json_integer(y));
		json_object_set_new(r, "tekstY", json_integer(y + BAR - 4));
		json_object_set_new(r, "naam", jstr(rows[i].naam));
		json_object_set_new(r, "code", jstr(rows[i].code));
		for (size_t k = 0; k < rows[i].nperioden; k++) {
			const struct inrichting *p = &rows[i].perioden[k];
			day_t end = p->periode.tot == DATE_NONE
					    ? to
					    : p->periode.tot;
			long x = x_of(p->periode.van, from, to);
			long w = x_of(end, from, to) - x;
			json_t *b = json_object();

			if (p->periode.van >= to || end <= from)
				continue;
			json_object_set_new(b, "x", json_integer(x));
			json_object_set_new(b, "breedte",
					    json_integer(w > 1 ? w : 1));
			json_object_set_new(b, "vorm",
					    json_string(vorm_name(p->vorm)));
			json_object_set_new(b, "van", jdate(p->periode.van));
			json_object_set_new(b, "tot", jdate(p->periode.tot));
			json_object_set_new(b, "wie",
					    json_string(present_voor_wie(p)));
			json_object_set_new(b, "besluit", jstr(p->besluit));
			json_object_set_new(b, "besluitOrganisatie",
					    jstr(p->besluit_organisatie));
			json_object_set_new(b, "naam", jstr(rows[i].naam));
			json_array_append_new(ps, b);
			if (k > 0) {
				json_t *c = json_object();
				json_object_set_new(c, "x", json_integer(x));
				json_object_set_new(c, "y",
						    json_integer(y + BAR / 2));
				json_object_set_new(c, "besluit",
						    jstr(p->besluit));
				json_object_set_new(
					c, "besluitOrganisatie",
					jstr(p->besluit_organisatie));
				json_object_set_new(c, "naam",
						    jstr(rows[i].naam));
				json_object_set_new(c, "van",
						    jdate(p->periode.van));
				json_array_append_new(ws, c);
			}
		}
		json_object_set_new(r, "perioden", ps);
		json_object_set_new(r, "wijzigingen", ws);
		json_array_append_new(rijen, r);
	}
	json_object_set_new(j, "breedte", json_integer(WIDTH));
	json_object_set_new(j, "hoogte", json_integer(TOP + (long)n * ROW + 6));
	json_object_set_new(j, "labelBreedte", json_integer(LABEL));
	json_object_set_new(j, "asY", json_integer(TOP - 8));
	json_object_set_new(j, "balkHoogte", json_integer(BAR));
	json_object_set_new(j, "jaren", jaren);
	if (mark != DATE_NONE && mark >= from && mark <= to) {
		json_t *mk = json_object();
		json_object_set_new(mk, "x",
				    json_integer(x_of(mark, from, to)));
		json_object_set_new(mk, "datum", jdate(mark));
		json_object_set_new(j, "markering", mk);
	}
	json_object_set_new(j, "rijen", rijen);
	return j;
}
