/*
 * afspraak_cli.h - what the front office's commands share (vestiging,
 * product, rooster, vrije-tijden, afspraak, and the demo): opening hours
 * and times as people type them.
 */
#ifndef AMBT_CLI_AFSPRAAK_H
#define AMBT_CLI_AFSPRAAK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cli.h"
#include "../core/afspraak.h"
#include "../store/store_afspraak.h"

/*
 * Opening hours as typed: groups separated by ';', each days and ranges,
 * "ma-vr 08:30-12:30,13:30-16:00; do 18:00-20:00" (days ma di wo do vr
 * za zo, a range of days with '-', several with ','). Prints a Dutch
 * message naming `wat` and returns EXIT_USER when it cannot be read.
 */
int cli_openingstijden(const char *text, const char *wat, struct arena *a,
		       struct openingstijd **out, size_t *n);

/* The ranges of one weekday, "08:30-12:30, 13:30-16:00", or "gesloten". */
const char *cli_open_dag_a(struct arena *a, const struct openingstijd *o,
			   size_t n, int weekdag);

/* "08:30" or "24:00" as minutes; prints a message and returns EXIT_USER
 * otherwise. */
int cli_minuut(const char *text, const char *wat, int *out);

/*
 * A moment: "2026-12-07T09:30", "2026-12-07 09:30" (Amsterdam time), or
 * with seconds and an offset ("2026-12-07T09:30:00+01:00"). Prints a
 * message naming `wat` and returns EXIT_USER otherwise.
 */
int cli_tijdstip(const char *text, const char *wat, int64_t *utc);

/* An instant in Amsterdam time: "maandag 7 december 2026 09:30". */
const char *cli_tijd_a(struct arena *a, int64_t utc);
/* Only its time of day: "09:30". */
const char *cli_klok_a(struct arena *a, int64_t utc);

/*
 * Split a comma-separated list ("paspoort,rijbewijs") into at most `max`
 * non-empty items in the arena. Returns the count, or -1 (with a message
 * naming `wat`) when there are more or an item is empty.
 */
int cli_komma_lijst(struct arena *a, const char *text, const char *wat,
		    size_t max, const char ***out);

/* Invented roster, appointments and history for the demo
 * (demo_afspraken.c); the locations come from the register document. */
enum status demo_afspraken_load(struct store *s, day_t today, struct err *e);

#define QMATIC_SLEUTEL_LEN 64 /* hex characters of a fresh key */
/* A fresh key for municipality `gemeente`'s Qmatic surface (replacing
 * the one it had) into sleutel (QMATIC_SLEUTEL_LEN + 1); only its hash
 * is stored (cmd_gemeente.c). */
enum status qmatic_sleutel_maak(struct store *s, const char *gemeente,
				char *sleutel, struct err *e);

#endif
