/*
 * store_afspraak_intern.h - what the files of the appointment store share
 * (store_afspraak.c, store_boeking.c, store_bericht.c). Private to them;
 * everyone else uses store.h.
 */
#ifndef AMBT_STORE_AFSPRAAK_INTERN_H
#define AMBT_STORE_AFSPRAAK_INTERN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store_intern.h"

/* The settings of a municipality that never set them (the schema's
 * defaults of afspraak_instelling). */
#define HERINNERING_STANDAARD 24
#define BEWAARTERMIJN_STANDAARD 90

/* ---- texts ---- */

/* Whether t is NULL or "". */
bool tekst_leeg(const char *t);
/* t, or NULL for empty text. */
const char *tekst_of_null(const char *t);
/* printf into the scratch arena (texts of audit entries). */
const char *scratch_tekst(struct store *s, const char *f, ...)
	__attribute__((format(printf, 2, 3)));
/* A required text of at most `max` characters, else a problem under
 * `veld` ("required" with `melding`, or "too-long"). */
void tekst_verplicht(const char *t, const char *veld, size_t max,
		     const char *melding, struct err *e);
/*
 * ST_CONFLICT with its reason as the message and as a problem under
 * `veld` (a form can show it beside the field).
 */
/* Mark the open transaction level as a write of the appointment data of
 * municipality `gemeente` alone (tx_familie). */
enum status afspraak_familie(struct store *s, const char *gemeente,
			     struct err *e);
enum status conflict_veld(struct err *e, const char *veld, const char *code,
			  const char *f, ...)
	__attribute__((format(printf, 4, 5)));

/* ---- what the writes and the search read ---- */

/* A location by code: what writes need to know of it. */
struct vest_ref {
	int64_t id, gemeente_id;
	const char *gemeente;
	enum kanaal kanaal;
	int balies;
};
/* ST_NOT_FOUND "Vestiging CODE bestaat niet." when there is none. */
enum status vest_ref(struct store *s, struct arena *a, const char *code,
		     struct vest_ref *r, struct err *e);

/*
 * The locations of municipality `gemeente`, with code `code`, of channel
 * `kanaal` (each NULL: any), by code, with their opening hours and the
 * closures that end on `van` or later (DATE_NONE: all) and begin by `tot`
 * (DATE_NONE: any). Three queries, whatever the number of locations.
 */
enum status vestigingen_lezen(struct store *s, struct arena *a,
			      const char *gemeente, const char *code,
			      const char *kanaal, day_t van, day_t tot,
			      struct vestiging **out, size_t *n, struct err *e);

/* Municipality `gid`'s products (code `code`; NULL: all), active ones
 * unless `alle`, by code. */
enum status producten_lezen(struct store *s, struct arena *a, int64_t gid,
			    const char *code, bool alle,
			    struct balieproduct **out, size_t *n,
			    struct err *e);

/* Municipality gid's settings, its defaults when never set. */
enum status instelling_lezen(struct store *s, struct arena *a, int64_t gid,
			     const char *gemeente,
			     struct afspraak_instelling *out, struct err *e);

/* ---- appointments and their messages ---- */

/* An appointment as read, with the numbers the store needs too. */
struct afspraak_rij {
	struct afspraak a;
	int64_t gemeente_id, vestiging_id, medewerker_id;
	int buffer;
	int64_t uren_id; /* its served hours (table uren), or 0 */
};
/* The columns AFSPRAAK_KOLOMMEN (queries.c) from column `c` on. */
#define AFSPRAAK_NKOLOMMEN 24
void afspraak_rij_lees(struct arena *a, struct db_stmt *st, int c,
		       struct afspraak_rij *r);
/* x->regels: the products of appointment x->id, by code. */
enum status afspraak_regels_lees(struct store *s, struct arena *a,
				 struct afspraak *x, struct err *e);
/* The appointment with this reference code (contact NULL: staff); the
 * same ST_NOT_FOUND for a wrong code and a wrong contact. */
enum status afspraak_lees(struct store *s, struct arena *a,
			  const char *referentie, const char *contact,
			  struct afspraak_rij *r, struct err *e);
/* Queue a message about appointment `afspraak`, due at `volgende`. */
enum status bericht_queue(struct store *s, int64_t afspraak,
			  enum bericht_soort soort, int volgnummer,
			  int64_t volgende, struct err *e);
/* bericht_queue's statement, bound and sent (db_send): the caller steps
 * it (run) later, with others sent in between. NULL: e says why. */
struct db_stmt *bericht_queue_send(struct store *s, int64_t afspraak,
				   enum bericht_soort soort, int volgnummer,
				   int64_t volgende, struct err *e);

/* ---- limits (store_grens.c) ---- */

/*
 * Inside a transaction: ST_TOO_MANY (retry_after set) when reference code
 * `referentie`, or the origin's network, has had too many wrong contacts
 * in its window. Both (and grens_contact_fout) hold only anonymous
 * visitors (actor "anoniem") back.
 */
enum status grens_contact_stand(struct store *s, const char *referentie,
				struct err *e);
/* After a refusal for a wrong code or contact: count it, in a
 * transaction of its own (the refused one was rolled back). */
void grens_contact_fout(struct store *s, const char *referentie);
/*
 * Inside the booking's transaction: the cap of open appointments of
 * `email` at municipality `gid` (ST_CONFLICT under "email"), then one
 * booking more for the address (at most max_per_dag a day) and for the
 * origin's network, refused
 * with ST_TOO_MANY when over their limits.
 */
enum status grens_boeking(struct store *s, int64_t gid, const char *email,
			  int max_open, int max_per_dag, struct err *e);

/* A location-day for the web share: its rostered minutes and those
 * residents booked themselves. */
struct aandeel_dag {
	int64_t vestiging;
	day_t dag;
	int64_t capaciteit, geboekt;
};
/*
 * The location-days of municipality gid from van to tot (dates, both
 * included) that have a roster or a resident's booking, leaving out
 * appointment `behalve` (one being moved; 0: none).
 */
enum status aandeel_lezen(struct store *s, struct arena *a, int64_t gid,
			  day_t van, day_t tot, int64_t behalve,
			  struct aandeel_dag **out, size_t *n, struct err *e);
/* Whether a resident's visit of `duur` minutes from `start` at location
 * vid fits the web share `aandeel` of days d[0..n). */
bool aandeel_vrij(const struct aandeel_dag *d, size_t n, int64_t vid,
		  int64_t start, int duur, int aandeel);

/* A rule of release with the ids it names (0: every). */
struct vrijgave_rij {
	struct vrijgave r;
	int64_t vestiging_id, product_id;
};
/* The rules of municipality gid. */
enum status vrijgave_lezen(struct store *s, struct arena *a, int64_t gid,
			   struct vrijgave_rij **out, size_t *n, struct err *e);

/* Offer the time appointment `afspraak` freed (at location `vestiging`,
 * start to eind, UTC) to the first entry still waiting for one of its
 * products, in the caller's transaction: the entry is marked offered and
 * an offer queued in the outbox. Nothing for a time already begun or a
 * list that is empty. */
enum status wachtlijst_aanbieden(struct store *s, int64_t afspraak,
				 int64_t vestiging, int64_t start, int64_t eind,
				 struct err *e);

#endif
