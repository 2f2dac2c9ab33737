/*
 * medewerker.c - staff records from CSV; see medewerker.h.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "csv_tabel.h"
#include "medewerker.h"
#include "uren.h"
#include "../banned.h"

enum status
medewerker_parse_fte(const char *s, const char *field, int *out, struct err *e)
{
	int whole = 0, frac = 0, digits = 0;
	const char *p = s;

	if (!s || !*s)
		return err_invalid(e, field, "required", "Vul de fte in.");
	if (*p < '0' || *p > '9')
		goto bad;
	while (*p >= '0' && *p <= '9' && whole < 10)
		whole = whole * 10 + (*p++ - '0');
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
	if (whole > 1 || *out < 1 || *out > 1000)
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
