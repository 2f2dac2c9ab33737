/*
 * medewerker.c - staff records from CSV; see medewerker.h.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "csv_tabel.h"
#include "medewerker.h"
#include "text.h"
#include "uren.h"
#include "../banned.h"

/* The pure rules of a record; the store adds employer and unit. */
enum status
medewerker_check(const struct medewerker *m, const char *prefix, struct err *e)
{
	char naam[64];

#define VELD(f) (snprintf(naam, sizeof(naam), "%s%s", prefix, f), naam)
	if (!m->nummer || !*m->nummer)
		err_invalid(e, VELD("personeelsnummer"), "required",
			    "Vul het personeelsnummer in.");
	else
		text_check_max(m->nummer, VELD("personeelsnummer"),
			       MEDEWERKER_MAX_NUMMER, e);
	if (!m->naam || !*m->naam)
		err_invalid(e, VELD("naam"), "required", "Vul de naam in.");
	else
		text_check_max(m->naam, VELD("naam"), MEDEWERKER_MAX_NAAM, e);
	text_check_max(m->standplaats, VELD("standplaats"), MEDEWERKER_MAX_NAAM,
		       e);
	if (m->fte >= 0 && (m->fte < MEDEWERKER_FTE_MIN ||
			    m->fte > MEDEWERKER_FTE_MAX)) /* -1: reported */
		err_invalid(e, VELD("fte"), "range",
			    "De fte ligt tussen 0,001 en 1 (bijvoorbeeld "
			    "0,8).");
	if (m->periode.van == DATE_NONE)
		err_invalid(e, VELD("van"), "required",
			    "Vul de datum van indiensttreding in.");
	else if (m->periode.tot != DATE_NONE &&
		 m->periode.tot <= m->periode.van)
		err_invalid(e, VELD("tot"), "before-start",
			    "De einddatum ligt niet na de begindatum.");
#undef VELD
	return e->status == ST_INVALID ? ST_INVALID : ST_OK;
}

enum status
medewerker_parse_fte(const char *s, const char *field, int *out, struct err *e)
{
	int whole = 0, frac = 0, digits = 0;
	const char *p = s;

	if (!s || !*s)
		return err_invalid(e, field, "required", "Vul de fte in.");
	if (*p < '0' || *p > '9')
		goto bad;
	/* More than 1 is out of range however many digits follow. */
	for (; *p >= '0' && *p <= '9'; p++)
		if (whole < 10)
			whole = whole * 10 + (*p - '0');
	if (*p == ',' || *p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			goto bad;
		for (; *p >= '0' && *p <= '9'; p++, digits++) {
			if (digits < 3)
				frac = frac * 10 + (*p - '0');
			else if (*p != '0')
				return err_invalid(e, field, "precision",
						   "'%.12s': de fte heeft "
						   "hoogstens drie decimalen.",
						   s);
		}
		for (; digits < 3; digits++)
			frac *= 10;
	}
	if (*p)
		goto bad;
	*out = whole * 1000 + frac;
	if (whole > 1 || *out < MEDEWERKER_FTE_MIN || *out > MEDEWERKER_FTE_MAX)
		return err_invalid(e, field, "range",
				   "'%.12s': de fte ligt tussen 0,001 en 1.",
				   s);
	return ST_OK;
bad:
	return err_invalid(e, field, "format",
			   "'%.12s' is geen fte; schrijf bijvoorbeeld 0,8.", s);
}

enum kolom {
	K_NUMMER,
	K_NAAM,
	K_WERKGEVER,
	K_EENHEID,
	K_STANDPLAATS,
	K_FTE,
	K_VAN,
	K_TOT,
	K_AANTAL
};

static const char *const namen[K_AANTAL] = {
	"personeelsnummer", "naam", "werkgever", "eenheid",
	"standplaats",	    "fte",  "van",	 "tot",
};

static const bool verplicht[K_AANTAL] = {
	[K_NUMMER] = true,  [K_NAAM] = true, [K_WERKGEVER] = true,
	[K_EENHEID] = true, [K_FTE] = true,  [K_VAN] = true,
};

static const char *
leeg_null(const char *s)
{
	return s && *s ? s : NULL;
}

enum status
medewerker_csv_lees(struct arena *a, const char *data, size_t n,
		    struct medewerker **out, size_t *nout, struct err *e)
{
	static const struct csv_kolommen spec = {
		.namen = namen,
		.n = K_AANTAL,
		.verplicht = verplicht,
		.wat = "medewerkers",
	};
	enum uren_encoding enc;
	struct csv_tabel csv;
	struct medewerker *m;
	const char *text;
	size_t tn;
	enum status st;

	*out = NULL;
	*nout = 0;
	if ((st = uren_tekst(a, data, n, &enc, &text, &tn, e)) ||
	    (st = csv_tabel_lees(a, text, tn, &spec, &csv, e)))
		return st;
	m = arena_calloc(a, csv.nrijen + 1, sizeof(*m));
	if (!m)
		return err_set(e, ST_TOO_LARGE, "Het bestand is te groot.");
	for (size_t i = 0; i < csv.nrijen; i++) {
		const char **v = csv.rijen[i].veld;
		char veld[48];

		m[i].id = (int64_t)csv.rijen[i].regel;
		m[i].nummer = leeg_null(v[K_NUMMER]);
		m[i].naam = leeg_null(v[K_NAAM]);
		m[i].werkgever = leeg_null(v[K_WERKGEVER]);
		m[i].eenheid = leeg_null(v[K_EENHEID]);
		m[i].standplaats = leeg_null(v[K_STANDPLAATS]);
		m[i].periode.van = m[i].periode.tot = DATE_NONE;
		snprintf(veld, sizeof(veld), "regel %zu: fte",
			 csv.rijen[i].regel);
		if (medewerker_parse_fte(v[K_FTE], veld, &m[i].fte, e))
			m[i].fte = -1;
		snprintf(veld, sizeof(veld), "regel %zu: van",
			 csv.rijen[i].regel);
		uren_parse_datum(v[K_VAN], veld, &m[i].periode.van, e);
		if (leeg_null(v[K_TOT])) {
			snprintf(veld, sizeof(veld), "regel %zu: tot",
				 csv.rijen[i].regel);
			uren_parse_datum(v[K_TOT], veld, &m[i].periode.tot, e);
		}
	}
	*out = m;
	*nout = csv.nrijen;
	return e->status;
}
