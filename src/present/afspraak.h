/*
 * afspraak.h - the front office by appointment in JSON, for the API and
 * the command line (jansson; the caller owns the returned reference):
 * locations with their opening hours, the catalogue, the roster, free
 * times and appointments. Times of day are "08:30"; instants local ISO
 * 8601 with their offset ("2026-12-07T09:30:00+01:00").
 */
#ifndef AMBT_PRESENT_AFSPRAAK_H
#define AMBT_PRESENT_AFSPRAAK_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "../core/afspraak.h"

/* "maandag" .. "zondag" for 0 .. 6 (NULL otherwise). */
const char *present_weekdag(int weekdag);
/* The weekday of a Dutch name ("maandag"), or -1. */
int present_weekdag_parse(const char *s);

#define PRESENT_MINUUT_LEN 6 /* "08:30" and NUL */
/* Minutes after midnight (0..1440) as "08:30" ("24:00" for 1440). */
void present_minuut(int minuut, char *buf);
/* "8:30", "08:30" or "24:00" as minutes (0..1440); -1 otherwise. */
int present_minuut_parse(const char *s);

/*
 * Opening hours as an object with a key per weekday, each an array of
 * {"van": "08:30", "tot": "12:30"} in order (an empty array: closed).
 */
json_t *present_openingstijden_json(const struct openingstijd *o, size_t n);

json_t *present_vestiging_json(const struct vestiging *v);
json_t *present_balieproduct_json(const struct balieproduct *p);
json_t *present_dienst_json(const struct dienst *d);

/* A comma-separated list ("a,b") as an array of strings. */
json_t *present_lijst_json(const char *lijst);

/*
 * An appointment. `intern` adds what only staff see: the staff member and
 * desk, the sequence number and when it was made and changed.
 */
json_t *present_afspraak_json(const struct afspraak *a, bool intern);

/*
 * A free time at location `vestiging` (its code): vestiging, start, eind.
 * Never whom or which desk it would be.
 */
json_t *present_slot_json(const struct slot *s, const char *vestiging);
/* A rule of release in waves: id, gemeente, vanaf (date), moment (local
 * time with offset), vestiging and product (null: all). */
json_t *present_vrijgave_json(const struct vrijgave *r);

/* A place on the waiting list: code, municipality, product (and its
 * name), with the name and address when met_contact, since when, and
 * the offer (vestiging, start, eind, verstuurd) or null. */
json_t *present_wachtplaats_json(const struct wachtplaats *w, bool met_contact);

#endif
