/*
 * besluit.c - rules of the decisions register (pure).
 */
#include <stdio.h>
#include <string.h>

#include "besluit.h"
#include "text.h"
#include "../banned.h"

static const char *const orgaan_names[] = { "gemeenteraad", "college",
					    "burgemeester" };
static const char *const orgaan_labels[] = { "gemeenteraad", "college van B&W",
					     "burgemeester" };
static const char *const openbaar_names[] = { "actief_openbaar",
					      "passief_openbaar", "geheim" };
static const char *const openbaar_labels[] = { "actief openbaar",
					       "openbaar op verzoek",
					       "geheim" };
static const char *const status_names[] = { "voorgesteld", "aangehouden",
					    "vastgesteld", "verworpen",
					    "ingetrokken" };
static const char *const verval_names[] = { "", "tijdelijk",
					    "ingetrokken_overheid",
					    "ingetrokken_belanghebbende" };

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static int
lookup(const char *const *names, size_t n, const char *s)
{
	if (!s || !*s)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return (int)i;
	return -1;
}

const char *
bestuursorgaan_name(enum bestuursorgaan o)
{
	return (size_t)o < NELEM(orgaan_names) ? orgaan_names[o] : "?";
}

const char *
bestuursorgaan_label(enum bestuursorgaan o)
{
	return (size_t)o < NELEM(orgaan_labels) ? orgaan_labels[o] : "?";
}

int
bestuursorgaan_parse(const char *s, enum bestuursorgaan *out)
{
	int i = lookup(orgaan_names, NELEM(orgaan_names), s);

	if (i < 0)
		return -1;
	*out = (enum bestuursorgaan)i;
	return 0;
}

const char *
openbaarheid_name(enum openbaarheid o)
{
	return (size_t)o < NELEM(openbaar_names) ? openbaar_names[o] : "?";
}

const char *
openbaarheid_label(enum openbaarheid o)
{
	return (size_t)o < NELEM(openbaar_labels) ? openbaar_labels[o] : "?";
}

int
openbaarheid_parse(const char *s, enum openbaarheid *out)
{
	int i = lookup(openbaar_names, NELEM(openbaar_names), s);

	if (i < 0)
		return -1;
	*out = (enum openbaarheid)i;
	return 0;
}

const char *
besluit_status_name(enum besluit_status s)
{
	return (size_t)s < NELEM(status_names) ? status_names[s] : "?";
}

int
besluit_status_parse(const char *s, enum besluit_status *out)
{
	int i = lookup(status_names, NELEM(status_names), s);

	if (i < 0)
		return -1;
	*out = (enum besluit_status)i;
	return 0;
}

const char *
vervalreden_name(enum vervalreden r)
{
	return (size_t)r < NELEM(verval_names) ? verval_names[r] : "?";
}

int
vervalreden_parse(const char *s, enum vervalreden *out)
{
	int i = lookup(verval_names, NELEM(verval_names), s);

	if (i <= 0)
		return -1;
	*out = (enum vervalreden)i;
	return 0;
}

bool
besluit_overgang_toegestaan(enum besluit_status from, enum besluit_status to)
{
	switch (from) {
	case BESLUIT_VOORGESTELD:
		return to == BESLUIT_AANGEHOUDEN || to == BESLUIT_VASTGESTELD ||
		       to == BESLUIT_VERWORPEN || to == BESLUIT_INGETROKKEN;
	case BESLUIT_AANGEHOUDEN:
		return to == BESLUIT_VOORGESTELD || to == BESLUIT_VASTGESTELD ||
		       to == BESLUIT_VERWORPEN || to == BESLUIT_INGETROKKEN;
	case BESLUIT_VASTGESTELD:
		return to == BESLUIT_INGETROKKEN;
	case BESLUIT_VERWORPEN:
	case BESLUIT_INGETROKKEN:
		return false;
	}
	return false;
}

static int
is_empty(const char *s)
{
	return !s || !*s;
}

/* A text field: filled in when required, at most `max` characters. */
static void
check_text(const char *s, const char *field, size_t max, bool required,
	   struct err *e)
{
	if (is_empty(s)) {
		if (required)
			err_invalid(e, field, "required", "Vul dit veld in.");
		return;
	}
	text_check_max(s, field, max, e);
}

static void
check_not_future(day_t d, day_t today, const char *field, struct err *e)
{
	char buf[32];

	if (d != DATE_NONE && d > today) {
		date_format_nl(today, buf, sizeof(buf));
		err_invalid(e, field, "future-date",
			    "Deze datum ligt na vandaag (%s); een besluit kan "
			    "niet in de toekomst genomen zijn.",
			    buf);
	}
}

static void
check_identificatie(const char *id, struct err *e)
{
	if (is_empty(id))
		return;
	if (text_check_max(id, "identificatie", BESLUIT_MAX_IDENTIFICATIE, e))
		return;
	for (const char *p = id; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		      (*p >= '0' && *p <= '9') || strchr("-_./", *p))) {
			err_invalid(e, "identificatie", "format",
				    "Een identificatie bestaat uit letters, "
				    "cijfers en - _ . /, zonder spaties.");
			return;
		}
}

enum status
besluit_check(const struct besluit *b, day_t today, struct err *e)
{
	struct err local;
	char field[64], tfield[64];

	if (!e) {
		err_clear(&local);
		e = &local;
	}
	check_identificatie(b->identificatie, e);
	if (is_empty(b->verantwoordelijke_organisatie))
		err_invalid(e, "verantwoordelijkeOrganisatie", "required",
			    "Noem de gemeente die het besluit nam (CBS-code).");
	if ((size_t)b->bestuursorgaan >= NELEM(orgaan_names))
		err_invalid(e, "bestuursorgaan", "enum",
			    "Kies gemeenteraad, college of burgemeester.");
	if (b->datum == DATE_NONE)
		err_invalid(e, "datum", "required",
			    "Vul de datum van het besluit in.");
	check_not_future(b->datum, today, "datum", e);
	if (b->vervaldatum != DATE_NONE && b->ingangsdatum != DATE_NONE &&
	    b->vervaldatum <= b->ingangsdatum)
		err_invalid(e, "vervaldatum", "before-start",
			    "De vervaldatum ligt niet na de ingangsdatum.");
	if (b->vervaldatum != DATE_NONE && b->vervalreden == VERVAL_GEEN)
		err_invalid(e, "vervalreden", "required",
			    "Noem de reden van verval: tijdelijk, "
			    "ingetrokken_overheid of "
			    "ingetrokken_belanghebbende.");
	if (b->vervaldatum == DATE_NONE && b->vervalreden != VERVAL_GEEN)
		err_invalid(e, "vervaldatum", "required",
			    "Een reden van verval hoort bij een vervaldatum.");
	if (b->publicatiedatum != DATE_NONE && b->datum != DATE_NONE &&
	    b->publicatiedatum < b->datum)
		err_invalid(e, "publicatiedatum", "before-decision",
			    "De publicatiedatum ligt vóór de datum van het "
			    "besluit.");
	check_text(b->onderwerp, "onderwerp", BESLUIT_MAX_ONDERWERP, true, e);
	check_text(b->toelichting, "toelichting", BESLUIT_MAX_TOELICHTING,
		   false, e);
	check_text(b->portefeuillehouder, "portefeuillehouder",
		   BESLUIT_MAX_NAAM, false, e);
	check_text(b->afdeling, "afdeling", BESLUIT_MAX_NAAM, false, e);
	if ((size_t)b->openbaarheid >= NELEM(openbaar_names))
		err_invalid(
			e, "openbaarheid", "enum",
			"Kies actief_openbaar, passief_openbaar of geheim.");
	if (b->openbaarheid == OPENBAAR_GEHEIM && b->geheim_tot == DATE_NONE)
		err_invalid(e, "geheimTot", "required",
			    "Een geheim besluit heeft een datum waarop de "
			    "geheimhouding eindigt.");
	if (b->openbaarheid != OPENBAAR_GEHEIM && b->geheim_tot != DATE_NONE)
		err_invalid(e, "geheimTot", "not-allowed",
			    "Alleen een geheim besluit heeft een einddatum "
			    "van geheimhouding.");

	if (b->nhistorie == 0) {
		err_invalid(e, "statusHistorie", "required",
			    "Een besluit heeft ten minste één status.");
	} else if (b->nhistorie > BESLUIT_MAX_STAPPEN) {
		err_invalid(e, "statusHistorie", "too-many",
			    "Een besluit heeft hoogstens %d statussen.",
			    BESLUIT_MAX_STAPPEN);
	} else {
		const struct besluit_stap *h = b->historie;

		for (size_t i = 0; i < b->nhistorie; i++) {
			snprintf(field, sizeof(field),
				 "statusHistorie[%zu].datum", i);
			if (h[i].datum == DATE_NONE)
				err_invalid(e, field, "required",
					    "Vul de datum van deze stap in.");
			check_not_future(h[i].datum, today, field, e);
			snprintf(tfield, sizeof(tfield),
				 "statusHistorie[%zu].toelichting", i);
			text_check_max(h[i].toelichting, tfield,
				       BESLUIT_MAX_STAP_TOELICHTING, e);
			if (i == 0)
				continue;
			if (h[i].datum != DATE_NONE &&
			    h[i - 1].datum != DATE_NONE &&
			    h[i].datum < h[i - 1].datum)
				err_invalid(e, field, "order",
					    "Deze stap ligt vóór de vorige.");
			if (!besluit_overgang_toegestaan(h[i - 1].status,
							 h[i].status)) {
				snprintf(field, sizeof(field),
					 "statusHistorie[%zu].status", i);
				err_invalid(
					e, field, "transition",
					"Een besluit dat %s is, kan niet "
					"%s worden.",
					besluit_status_name(h[i - 1].status),
					besluit_status_name(h[i].status));
			}
		}
		if (h[b->nhistorie - 1].status != b->status)
			err_invalid(e, "status", "mismatch",
				    "De status is niet de laatste stap van de "
				    "statushistorie.");
	}
	return e->status == ST_INVALID ? ST_INVALID : ST_OK;
}

enum status
besluit_check_stap(const struct besluit *b, const struct besluit_stap *stap,
		   day_t today, struct err *e)
{
	char buf[32];
	enum status st = ST_OK;

	if (stap->datum == DATE_NONE)
		st = err_invalid(e, "datum", "required",
				 "Vul de datum van deze stap in.");
	if (stap->datum != DATE_NONE && stap->datum > today) {
		date_format_nl(today, buf, sizeof(buf));
		st = err_invalid(e, "datum", "future-date",
				 "Deze datum ligt na vandaag (%s).", buf);
	}
	if (b->nhistorie > 0 && stap->datum != DATE_NONE &&
	    stap->datum < b->historie[b->nhistorie - 1].datum) {
		date_format_nl(b->historie[b->nhistorie - 1].datum, buf,
			       sizeof(buf));
		st = err_invalid(e, "datum", "order",
				 "Deze datum ligt vóór de vorige stap (%s).",
				 buf);
	}
	if (text_check_max(stap->toelichting, "toelichting",
			   BESLUIT_MAX_STAP_TOELICHTING, e))
		st = ST_INVALID;
	if (b->nhistorie >= BESLUIT_MAX_STAPPEN)
		st = err_invalid(e, "status", "too-many",
				 "Een besluit heeft hoogstens %d statussen.",
				 BESLUIT_MAX_STAPPEN);
	if (!besluit_overgang_toegestaan(b->status, stap->status))
		st = err_invalid(e, "status", "transition",
				 "Een besluit dat %s is, kan niet %s worden.",
				 besluit_status_name(b->status),
				 besluit_status_name(stap->status));
	return st;
}

void
besluit_identificatie(int jaar, int64_t volgnummer, char *buf, size_t n)
{
	snprintf(buf, n, "BESLUIT-%04d-%010lld", jaar, (long long)volgnummer);
}

bool
besluit_openbaar(const struct besluit *b)
{
	return b->openbaarheid == OPENBAAR_ACTIEF &&
	       (b->status == BESLUIT_VASTGESTELD ||
		b->status == BESLUIT_INGETROKKEN);
}
