/*
 * uren_csv.c - the columns of an hours export (docs/hours-file.md) on the generic
 * CSV reader: which are known, which required, and that a row is booked
 * either per day or per week.
 */
#include <stdbool.h>

#include "csv_tabel.h"
#include "uren_csv.h"
#include "../banned.h"

static const char *const kolommen[KOLOM_AANTAL] = {
	"medewerker", "datum",	 "week", "gemeente",	 "eenheid",
	"taakveld",   "product", "uren", "omschrijving",
};

static const bool verplicht[KOLOM_AANTAL] = {
	[KOLOM_MEDEWERKER] = true,
	[KOLOM_GEMEENTE] = true,
	[KOLOM_EENHEID] = true,
	[KOLOM_UREN] = true,
};

const char *
uren_kolom_naam(enum uren_kolom k)
{
	return (unsigned)k < KOLOM_AANTAL ? kolommen[k] : "?";
}

static const struct csv_kolommen spec = {
	.namen = kolommen,
	.n = KOLOM_AANTAL,
	.verplicht = verplicht,
	.wat = "uren",
};

static enum status datum_of_week(struct csv_tabel *out, enum status st,
				 struct err *e);

enum status
uren_csv_lees(struct arena *a, const char *text, size_t n,
	      struct csv_tabel *out, struct err *e)
{
	return datum_of_week(out, csv_tabel_lees(a, text, n, &spec, out, e), e);
}

enum status
uren_csv_stroom(struct arena *a, const char *text, size_t n, csv_rij_fn fn,
		void *ctx, struct csv_tabel *out, struct err *e)
{
	return datum_of_week(
		out, csv_tabel_stroom(a, text, n, &spec, fn, ctx, out, e), e);
}

static enum status
datum_of_week(struct csv_tabel *out, enum status st, struct err *e)
{
	if (st != ST_OK && st != ST_INVALID)
		return st;
	if (out->kop) {
		/* A row is booked per day or per week: one of both columns. */
		if (!out->aanwezig[KOLOM_DATUM] && !out->aanwezig[KOLOM_WEEK])
			err_invalid(e, "regel 1", "missing-column",
				    "De kolom 'datum' (of 'week') ontbreekt "
				    "in de kop.");
		if (out->aanwezig[KOLOM_DATUM] && out->aanwezig[KOLOM_WEEK])
			err_invalid(e, "regel 1", "both-columns",
				    "Gebruik 'datum' of 'week', niet "
				    "allebei.");
	}
	return e->status;
}
