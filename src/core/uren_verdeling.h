/*
 * uren_verdeling.h - totals of booked hours per municipality, unit and
 * period, and the *urenverdeling*: each municipality's share of the hours
 * and its change against the previous year (docs/hours-file.md). These shares are
 * what an allocation key with basis `hours_realized` uses. Pure.
 *
 * Shares are in basis points (hundredths of a percent), rounded half up
 * from the exact fraction; they are shown, not used to split money.
 */
#ifndef AMBT_CORE_UREN_VERDELING_H
#define AMBT_CORE_UREN_VERDELING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "err.h"

/* Hours per municipality, unit and month, as the store sums them. */
struct uren_maand {
	const char *gemeente; /* CBS code */
	const char *gemeente_naam;
	const char *eenheid; /* unit code */
	const char *eenheid_naam;
	int jaar, maand;
	int64_t honderdsten;
	int64_t rijen;
};

enum uren_per { PER_MAAND, PER_KWARTAAL, PER_JAAR };

const char *uren_per_naam(enum uren_per p); /* "maand" */
int uren_per_parse(const char *s, enum uren_per *out); /* 0 or -1 */

struct uren_totaalregel {
	const char *gemeente, *gemeente_naam;
	const char *eenheid, *eenheid_naam;
	int jaar;
	int periode; /* month 1-12, quarter 1-4, or 0 for the year */
	int64_t honderdsten;
	/* Share of this municipality in the unit's hours of the period. */
	int32_t aandeel;
};

struct uren_aandeel {
	const char *gemeente, *gemeente_naam;
	int64_t honderdsten; /* in the year */
	int32_t aandeel; /* of all hours in the year */
	bool vorig_bekend; /* the previous year has hours */
	int64_t vorig; /* hours in the previous year */
	int32_t vorig_aandeel;
	int32_t verschil; /* aandeel - vorig_aandeel, basis points */
};

/* The totals of one year and the shares. */
struct uren_verdeling {
	int jaar;
	enum uren_per per;
	struct uren_totaalregel *regels; /* by unit, period, municipality */
	size_t nregels;
	struct uren_aandeel *gemeenten; /* by code */
	size_t ngemeenten;
	int64_t totaal, vorig_totaal;
};

/*
 * The totals of year `jaar` by `per`, and each municipality's share
 * against year jaar - 1; `maanden` may hold other years (ignored).
 */
enum status uren_verdeling_maak(struct arena *a, const struct uren_maand *m,
				size_t n, int jaar, enum uren_per per,
				struct uren_verdeling *out, struct err *e);

/* Basis points of part in total, half up; 0 when total is 0. */
int32_t uren_basispunten(int64_t deel, int64_t totaal);

/* "45,12 %" (or "-0,50" for a difference when `teken`), into buf. */
void uren_format_procent(int32_t bp, bool teken, char *buf, size_t n);

/* The period's label: "2024-03", "2024-K1" or "2024". */
void uren_periode_label(int jaar, enum uren_per per, int periode, char *buf,
			size_t n);

#endif
