/*
 * present.h - how domain objects look in JSON, for the command line and the API: JSON objects
 * (jansson, caller owns the returned reference) and short Dutch phrases.
 */
#ifndef AMBT_PRESENT_H
#define AMBT_PRESENT_H

#include <stdint.h>

#include <jansson.h>

#include "../core/audit.h"
#include "../core/besluit.h"
#include "../core/register.h"

/*
 * Figures as people in the Netherlands read them, on pages and on the
 * command line (the API keeps integers and ISO dates). One convention for
 * a negative figure: the minus sign in front, before the euro sign too
 * ("-9.878", "-€ 1.234,56"). Dates are date_format_nl ("2 december
 * 2026") and instants date_format_moment_nl ("2 december 2026, 03:38") in
 * src/core/date.h; percentages uren_format_procent.
 */

/* 1234567 as "1.234.567", into buf (at least 32 bytes). */
void present_getal_nl(long long v, char *buf, size_t n);

/* Cents as euro text: "€ 1.234.567,89", "€ 0,00", "-€ 0,05". */
void present_bedrag_nl(int64_t cent, char *buf, size_t n);

/* 123450 hundredths of an hour as "1.234,50", into buf (at least 32
 * bytes). */
void present_uren_nl(int64_t honderdsten, char *buf, size_t n);

/*
 * What an audit entry's outcome (an HTTP-style status code) means, in a
 * word or two: "gelukt", "geweigerd", "niet ingelogd", ...; an unknown
 * code as "code 418".
 */
const char *present_uitkomst_nl(int resultaat, char *buf, size_t n);

/*
 * The step between the gridlines of an axis from 0 to at least `max`
 * (> 0) with at most `lijnen` (>= 1) steps: 1, 2 or 5 times a power of
 * ten, so that the labels are round numbers.
 */
long long present_as_stap(long long max, int lijnen);

/*
 * A width in pixels that text `s` in a font of `px` pixels surely fits
 * in (every character counted as wide as an "M" in a common sans-serif
 * font would be at most: 0.7 em), for labels in a chart.
 */
int present_tekst_px(const char *s, int px);

/* "alle leden", the municipality's name, or the joint body's code. */
const char *present_voor_wie(const struct inrichting *r);

json_t *present_inrichting_json(const struct inrichting *r);
json_t *present_samenwerking_json(const struct samenwerking *sw);
/* A decision; with its status history when it has one. */
json_t *present_besluit_json(const struct besluit *b);

json_t *present_gemeente_json(const struct organisatie *o);
json_t *present_regeling_json(const struct organisatie *o);
json_t *present_lid_json(const struct lidmaatschap *l);
json_t *present_eenheid_json(const struct eenheid *u);
/* An article; with all its versions (or the one in force on a date). */
json_t *present_kader_json(const struct kader_artikel *k);
json_t *present_werkstroom_json(const struct werkstroom *w);
json_t *present_taakveld_json(const struct taakveld *t);

/* An audit entry with the field names of the ZGW AuditTrail. */
json_t *present_audit_json(const struct audit_entry *a);

#endif
