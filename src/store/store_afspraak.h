/*
 * store_afspraak.h - the front office by appointment: locations, the
 * catalogue, the roster, free times, appointments and the outbox of
 * messages about them. Conventions as in store.h.
 *
 * Who may write what is decided by the caller (the server's and the
 * command line's access checks); the store resolves every code it is
 * given and answers ST_NOT_FOUND alike for what does not exist.
 */
#ifndef AMBT_STORE_AFSPRAAK_H
#define AMBT_STORE_AFSPRAAK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/afspraak.h"
#include "../core/arena.h"
#include "../core/err.h"

struct store;

/* ---- locations ---- */

/*
 * Add a location (v->id ignored) with its opening hours; v->gemeente must
 * be a municipality. Problems by field (code, naam, balies, raster,
 * open); a code in use is ST_CONFLICT.
 */
enum status store_vestiging_add(struct store *s, const struct vestiging *v,
				int64_t *id, struct err *e);
/* Replace name, address, desks, grid, holiday choices and opening hours
 * of the location with code v->code. */
enum status store_vestiging_update(struct store *s, const struct vestiging *v,
				   struct err *e);
/* A location with its opening hours and closures (from `vanaf` on). */
enum status store_vestiging_get(struct store *s, const char *code, day_t vanaf,
				struct arena *a, struct vestiging *out,
				struct err *e);
/* The locations of a municipality (NULL: all), by code, with opening
 * hours and the closures from `vanaf` on. */
enum status store_vestiging_list(struct store *s, const char *gemeente,
				 day_t vanaf, struct arena *a,
				 struct vestiging **out, size_t *n,
				 struct err *e);
/* Close a location from `van` to `tot` (both included); *id the new
 * closure's number. */
enum status store_sluiting_add(struct store *s, const char *vestiging,
			       day_t van, day_t tot, const char *reden,
			       int64_t *id, struct err *e);
enum status store_sluiting_delete(struct store *s, const char *vestiging,
				  int64_t id, struct err *e);
/* A closure as planners see it: with its number and reason. */
struct vestiging_sluiting {
	int64_t id;
	day_t van, tot; /* both included */
	const char *reden; /* may be NULL */
};
/* The closures of a location that end on `vanaf` or later, by date. */
enum status store_sluiting_list(struct store *s, const char *vestiging,
				day_t vanaf, struct arena *a,
				struct vestiging_sluiting **out, size_t *n,
				struct err *e);

/* ---- the catalogue ---- */

enum status store_balieproduct_add(struct store *s,
				   const struct balieproduct *p, int64_t *id,
				   struct err *e);
/* Replace the fields of the product p->code of p->gemeente. */
enum status store_balieproduct_update(struct store *s,
				      const struct balieproduct *p,
				      struct err *e);
enum status store_balieproduct_get(struct store *s, const char *gemeente,
				   const char *code, struct arena *a,
				   struct balieproduct *out, struct err *e);
/* A municipality's products by code; `alle` includes inactive ones. */
enum status store_balieproduct_list(struct store *s, const char *gemeente,
				    bool alle, struct arena *a,
				    struct balieproduct **out, size_t *n,
				    struct err *e);
/*
 * Add the products of the reference list (data/ref/balieproducten.csv)
 * that municipality `gemeente` does not have yet, with default durations,
 * channels and skills (written at the function in store_afspraak.c);
 * *toegevoegd is how many.
 */
enum status store_balieproduct_seed(struct store *s, const char *gemeente,
				    size_t *toegevoegd, struct err *e);

/* ---- the roster ---- */

/*
 * Roster staff member `medewerker` (a staff number of a cooperation the
 * location's municipality is a member of; `samenwerking` may be NULL when
 * the number is unique among those) at location `vestiging` on d->datum
 * from d->van to d->tot with skills d->vaardigheden, and when
 * `herhaal_tot` is a date, every week on the same weekday up to it, but
 * not on the dates uitzonderingen[0..nuitz). Refused (ST_CONFLICT, every
 * clashing date named) when the person is rostered anywhere at an
 * overlapping time. *ids (n) are the new roster entries.
 */
enum status store_dienst_add(struct store *s, const struct dienst *d,
			     day_t herhaal_tot, const day_t *uitzonderingen,
			     size_t nuitz, struct arena *a, int64_t **ids,
			     size_t *n, struct err *e);
/* Roster entry `id` (with its location's municipality, for the caller's
 * check of who may remove it); ST_NOT_FOUND when there is none. */
enum status store_dienst_get(struct store *s, int64_t id, struct arena *a,
			     struct dienst *out, struct err *e);
/*
 * Remove roster entry `id` (and with `reeks`, every entry of its series
 * from its date on). Refused (ST_CONFLICT) while a booked appointment
 * depends on an entry removed.
 */
enum status store_dienst_delete(struct store *s, int64_t id, bool reeks,
				struct err *e);
/* The roster from `van` to `tot` (both included) of a location, or of a
 * staff member (number and cooperation), or of a municipality's
 * locations; ordered by date, time and location. */
struct dienst_filter {
	const char *vestiging;
	const char *gemeente;
	const char *medewerker;
	const char *samenwerking;
	day_t van, tot;
};
enum status store_dienst_list(struct store *s, const struct dienst_filter *f,
			      struct arena *a, struct dienst **out, size_t *n,
			      struct err *e);

/* ---- free times and booking ---- */

/* What a resident asks for. */
struct afspraak_vraag {
	const char *gemeente;
	const struct afspraak_regel *regels; /* products and persons */
	size_t nregels;
	enum kanaal kanaal;
	const char *vestiging; /* NULL: any of the municipality's */
	bool balie; /* staff book for a resident (desk, telephone): the
		       municipality's web share does not apply */
};

/*
 * The free times for q from `van` to `tot` (dates, both included, at most
 * AFSPRAAK_MAX_DAGEN), with the store's clock as now (notice and horizon
 * count from it). Unknown municipality, product or location: ST_NOT_FOUND;
 * a product not offered on the channel, or more persons than it allows:
 * ST_INVALID by field.
 */
enum status store_vrije_tijden(struct store *s, const struct afspraak_vraag *q,
			       day_t van, day_t tot, struct arena *a,
			       struct slot **out, size_t *n, struct err *e);

/* A booking: the visit, when, and the resident. */
struct afspraak_boeking {
	struct afspraak_vraag vraag; /* vestiging required */
	int64_t start; /* UTC */
	const char *naam, *email, *telefoon; /* email or telefoon required */
	const char *referentie; /* a fresh code (afspraak_referentie) */
	const char *sleutel; /* Idempotency-Key, or NULL */
	const char *verzoek_hash; /* of the request, with the key */
	/* A walk-in, made at the desk for now: the store takes the first
	 * free start at the location from now to the end of today (start
	 * ignored; no notice), and naam, email and telefoon may be empty. */
	bool inloop;
};

/*
 * Book it: the staff member and desk are taken by inserting the cells
 * the visit holds, which the database keeps unique, so of several
 * bookings of the last capacity exactly one succeeds (the others:
 * ST_CONFLICT "bezet"). A time not free by the rules (outside hours, off
 * the grid, in the past, beyond the horizon): ST_INVALID under "start".
 * With a key already used for this municipality: the appointment it made
 * (*opnieuw true), or ST_CONFLICT when the request differed. A reference
 * code already in use: ST_CONFLICT under "referentie" (draw another).
 * Queues the confirmation and the reminder. Records the booking moment
 * and the first free start the visit had at the location from now to the
 * start chosen (for the statistics; not for walk-ins).
 */
enum status store_afspraak_add(struct store *s,
			       const struct afspraak_boeking *b,
			       struct arena *a, struct afspraak *out,
			       bool *opnieuw, struct err *e);
/*
 * The appointment with this reference code whose e-mail address or
 * telephone number is `contact`; otherwise ST_NOT_FOUND, alike for a
 * wrong code and a wrong contact. contact NULL: staff, no check.
 */
enum status store_afspraak_get(struct store *s, const char *referentie,
			       const char *contact, struct arena *a,
			       struct afspraak *out, struct err *e);
/* Cancel (frees its time; queues the cancellation, drops the reminder). */
enum status store_afspraak_cancel(struct store *s, const char *referentie,
				  const char *contact, struct arena *a,
				  struct afspraak *out, struct err *e);
/*
 * Move to `start` at `vestiging` (NULL: the same), atomically: the old
 * time is given up only when the new one is taken; otherwise ST_CONFLICT
 * and nothing changed. Raises volgnummer; queues the change.
 */
enum status store_afspraak_move(struct store *s, const char *referentie,
				const char *contact, const char *vestiging,
				int64_t start, struct arena *a,
				struct afspraak *out, struct err *e);
/* The appointments of a location (or all of a municipality's when
 * vestiging is NULL) starting on Amsterdam date `dag`, by start. */
enum status store_afspraak_list(struct store *s, const char *gemeente,
				const char *vestiging, day_t dag,
				struct arena *a, struct afspraak **out,
				size_t *n, struct err *e);

/* ---- the desk (store_balie.c) ---- */

/*
 * Set the status of appointment `referentie` at the desk (afspraak_
 * status_overgang says what may; otherwise ST_CONFLICT with its reason).
 * Marked served (geholpen), its booked minutes (start to end, without
 * the buffer) are booked as hours in the same transaction, for its
 * municipality, its staff member and that person's unit in the staff
 * register, on its local date, into the desk's batch of the unit's
 * cooperation (uren_batch.bron 'balie', one per cooperation, never
 * replaced by a file): refused (ST_CONFLICT) when the person has no unit
 * or would have more than 24 hours that day; the framework check is
 * counted as for an import. Undoing served removes those hours. Audited
 * without personal data.
 */
enum status store_afspraak_status(struct store *s, const char *referentie,
				  enum afspraak_status nieuw, struct arena *a,
				  struct afspraak *out, struct err *e);

/* Counts of one group of a period's appointments (by start). */
struct afspraak_telling {
	const char *soort; /* "gemeente", "kanaal", "vestiging", "product" */
	const char *vestiging, *vestiging_naam; /* NULL above a location */
	const char *kanaal; /* NULL for the municipality */
	const char *product; /* NULL above a product */
	int64_t geboekt; /* every appointment, walk-ins included */
	int64_t inloop, geholpen, niet_verschenen, geannuleerd;
	/* From the booking moment to the first free start there was, over
	 * the bookings that recorded it (not walk-ins). */
	int64_t wacht_n, wacht_seconden;
};

#define AFSPRAAK_STAT_MAX_DAGEN 731 /* days of one period */

/*
 * The appointments of municipality `gemeente` starting from `van` to `tot`
 * (dates, both included): the municipality's total, then per channel,
 * per location, and per location and product (an appointment of two
 * products counts under both). Unknown municipality: ST_NOT_FOUND.
 */
enum status store_afspraak_statistiek(struct store *s, const char *gemeente,
				      day_t van, day_t tot, struct arena *a,
				      struct afspraak_telling **out, size_t *n,
				      struct err *e);

/* ---- settings per municipality ---- */

/* struct afspraak_instelling: core/afspraak.h. */
/* The settings (defaults when never set). */
enum status store_afspraak_instelling_get(struct store *s, const char *gemeente,
					  struct arena *a,
					  struct afspraak_instelling *out,
					  struct err *e);
enum status store_afspraak_instelling_update(
	struct store *s, const struct afspraak_instelling *i, struct err *e);

/* ---- the outbox ---- */

/* enum bericht_soort and struct bericht (a message due, with what
 * composing it needs): core/afspraak.h. */
const char *bericht_soort_name(enum bericht_soort s);

/*
 * Claim the right to send for `door` (a process name) until `tot` (UTC):
 * true when no other process holds it now (the store's clock), or it is
 * door's already. One sender at a time across processes. `tot` equal to
 * now gives door's claim up: another may claim at once.
 */
enum status store_bericht_claim(struct store *s, const char *door, int64_t tot,
				bool *gekregen, struct err *e);
/* At most `max` messages due now (the store's clock), oldest first. */
enum status store_bericht_due(struct store *s, size_t max, struct arena *a,
			      struct bericht **out, size_t *n, struct err *e);
/* Sent (at the store's clock), or failed: pogingen one more, tried again
 * at `volgende` (UTC) with the error noted; `volgende` 0: given up
 * (vervallen), never tried again. */
enum status store_bericht_sent(struct store *s, int64_t id, struct err *e);
enum status store_bericht_failed(struct store *s, int64_t id, const char *fout,
				 int64_t volgende, struct err *e);

/* ---- limits: retention and release in waves (store_grens.c) ---- */

/* What erasing did at one municipality. */
struct opschoning {
	const char *gemeente;
	int bewaartermijn; /* days */
	int64_t grens; /* appointments ending before it were erased (UTC) */
	size_t afspraken; /* appointments erased now */
	size_t berichten; /* messages not sent yet, dropped */
	size_t wachtlijst; /* waiting-list entries (and offers) removed */
};

/*
 * Erase the personal data (naam, email, telefoon, the Idempotency-Key and
 * its hash) of every appointment of municipality `gemeente` (NULL: all)
 * whose end lies more than the municipality's bewaartermijn days before
 * the store's clock, and set gewist; location, products, times and status
 * stay, for the statistics. Messages of them not sent yet are dropped
 * (vervallen), and errors noted for their messages are cleared. One
 * transaction and, when anything was erased, one audit entry (counts
 * only) per municipality. out[0..n): the municipalities that had
 * appointments not erased, by code. Running it again erases nothing more.
 */
enum status store_afspraak_opschonen(struct store *s, const char *gemeente,
				     struct arena *a, struct opschoning **out,
				     size_t *n, struct err *e);
/* Whether store_afspraak_opschonen would erase anything now (the store's
 * clock); reads only. */
enum status store_afspraak_opschonen_nodig(struct store *s, bool *nodig,
					   struct err *e);
/* The eraser's lease, as store_bericht_claim: one process at a time; the
 * server claims it for a day, so that it erases once a day. */
enum status store_opschoner_claim(struct store *s, const char *door,
				  int64_t tot, bool *gekregen, struct err *e);

/*
 * Release in waves (struct vrijgave: core/afspraak.h): times on dates from
 * r->vanaf on at municipality r->gemeente (location r->vestiging and
 * product r->product when given, else all) are not offered nor bookable
 * before r->moment. Unknown municipality, location or product:
 * ST_NOT_FOUND.
 */
enum status store_vrijgave_add(struct store *s, const struct vrijgave *r,
			       int64_t *id, struct err *e);
/* A municipality's rules, by vanaf, moment and number. */
enum status store_vrijgave_list(struct store *s, const char *gemeente,
				struct arena *a, struct vrijgave **out,
				size_t *n, struct err *e);
enum status store_vrijgave_delete(struct store *s, const char *gemeente,
				  int64_t id, struct err *e);

/*
 * The waiting list (struct wachtplaats: core/afspraak.h). Add: the
 * caller makes the code (w->referentie, as an appointment's); ST_INVALID
 * by field (naam, email, product, gemeente), ST_NOT_FOUND for a
 * municipality or product that does not exist, ST_CONFLICT when the
 * address already waits for the product ("bestaat") or for
 * WACHTLIJST_MAX_PER_ADRES products of the municipality ("te-veel").
 * Delete: the entry with that code and address (in any case) still
 * waiting, else ST_NOT_FOUND alike for a wrong code or address. List: a
 * municipality's entries, waiting ones first in their order.
 */
enum status store_wachtlijst_add(struct store *s, const struct wachtplaats *w,
				 struct arena *a, struct wachtplaats *out,
				 struct err *e);
enum status store_wachtlijst_delete(struct store *s, const char *referentie,
				    const char *email, struct err *e);
enum status store_wachtlijst_list(struct store *s, const char *gemeente,
				  struct arena *a, struct wachtplaats **out,
				  size_t *n, struct err *e);

#endif
