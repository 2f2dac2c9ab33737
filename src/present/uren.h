/*
 * uren.h - staff, hours batches, the urenverdeling and the framework
 * deviations in JSON, for the command line and the API (jansson; the
 * caller owns the returned reference). Hours are given both as
 * `honderdsten` (integer hundredths, exact) and as `uren` ("1234.50").
 */
#ifndef AMBT_PRESENT_UREN_H
#define AMBT_PRESENT_UREN_H

#include <jansson.h>

#include "../core/uren_import.h"
#include "../core/uren_verdeling.h"
#include "../core/medewerker.h"
#include "present.h"

json_t *present_medewerker_json(const struct medewerker *m);
json_t *present_batch_json(const struct uren_batch *b);

/* The problems of a refused file: regel, kolom, code, melding. */
json_t *present_uren_problemen_json(const struct uren_resultaat *r);

json_t *present_verdeling_json(const struct uren_verdeling *v,
			       const char *samenwerking);

/* The deviations of one cooperation in [van, tot) (tot may be open). */
json_t *present_afwijkingen_json(const struct uren_register *r,
				 const struct uren_afwijking_groep *g, size_t n,
				 const char *samenwerking, day_t van,
				 day_t tot);

/* The reason of a deviation in a few words ("werkte alleen voor
 * Heemstede", "ondergebracht bij GRIT"), into buf. */
void present_afwijking_reden(const struct uren_afwijking_groep *g, char *buf,
			     size_t n);

/* "1234.50" for 123450 hundredths (JSON and CSV: a decimal point). */
json_t *present_uren(int64_t honderdsten);

#endif
