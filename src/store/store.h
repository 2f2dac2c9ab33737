/*
 * store.h - the domain's storage API.
 *
 * Callers (command line, server) see only these functions and the value
 * types of src/core; which database sits behind them is the store's
 * business: the same store code (store.c and the store_*.c beside it)
 * runs on SQLite and PostgreSQL through the driver db.h. All SQL text
 * lives in queries.c.
 *
 * Conventions for every function here:
 * - Returns ST_OK or an error status and fills `e` (see core/err.h):
 *   ST_INVALID with every problem named by field, ST_NOT_FOUND /
 *   ST_CONFLICT with a Dutch message, ST_INTERNAL with a log detail.
 * - Every write is atomic: it either happens completely or leaves the
 *   database unchanged, also when nested inside store_begin/commit (then
 *   it is a savepoint within the outer transaction).
 * - Anything returned (strings, arrays) is allocated in the caller's
 *   arena and lives until arena_free(); input structs are only read.
 * - Dates go in and out as day_t; `today` parameters are the caller's
 *   Amsterdam date, so that no store function reads the clock.
 */
#ifndef AMBT_STORE_H
#define AMBT_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/access.h"
#include "../core/arena.h"
#include "../core/audit.h"
#include "../core/besluit.h"
#include "../core/err.h"
#include "../core/register.h"
#include "../core/medewerker.h"
#include "../core/uren_import.h"
#include "../core/uren_verdeling.h"
#include "../core/kosten.h"

struct store;

enum store_open_mode {
	STORE_EXISTING, /* the database must exist already */
	STORE_CREATE, /* create the file when missing */
};

/*
 * Open (and with STORE_CREATE create) the database at `path`, switch on
 * WAL, foreign keys and a busy timeout, and apply pending migrations. A
 * database written by a newer version of ambt is refused (ST_CONFLICT).
 * On success *out is a handle the caller releases with store_close().
 */
enum status store_open(const char *path, enum store_open_mode mode,
		       struct store **out, struct err *e);

/*
 * Whether `doel` (a SQLite file, or a postgresql:// URL) holds a database
 * already (*ja), and removing it (the file; every table of the
 * PostgreSQL database). ST_UNAVAILABLE when the server cannot be reached.
 * On PostgreSQL both make the (empty) database when the server has none
 * of that name, as init and demo are about to.
 */
enum status store_bestaat(const char *doel, bool *ja, struct err *e);
enum status store_wis(const char *doel, struct err *e);

/* `doel` as it may be shown to people: a URL without its password. */
const char *store_weergave(const char *doel, char *buf, size_t n);

/* Whether `doel` names a PostgreSQL database rather than a SQLite file. */
bool store_is_postgres(const char *doel);

/* Close the handle and free everything it holds. NULL is allowed. */
void store_close(struct store *s);

/* The schema version the database is at, and the newest one known. */
int store_schema_version(struct store *s);
int store_schema_latest(void);

/*
 * A number that grows with every committed write to the database, by
 * this process or any other: equal numbers mean nothing changed.
 */
enum status store_generation(struct store *s, int64_t *out, struct err *e);

/*
 * What the database holds, table by table (parents first): the number of
 * rows and a SHA-256 over them in key order, equal on both engines for
 * equal rows. *uit (n tables) lives in `a`.
 */
struct store_tabel {
	const char *naam;
	int64_t rijen;
	char sha256[65];
};
enum status store_inhoud(struct store *s, struct arena *a,
			 struct store_tabel **uit, size_t *n, struct err *e);

/* PRAGMA integrity_check and foreign_key_check: ST_OK when both pass. */
enum status store_check_integrity(struct store *s, struct err *e);

/*
 * An outer transaction spanning several writes (all-or-nothing imports).
 * store_rollback() undoes everything since store_begin().
 */
enum status store_begin(struct store *s, struct err *e);
enum status store_commit(struct store *s, struct err *e);
void store_rollback(struct store *s);

/* ---- who is acting, and when ---- */

/*
 * The instant (Unix seconds, UTC) of what follows: the time stamps of
 * audit entries, batches, calculations and accounts. The store never
 * reads the clock; callers set it once per request or command.
 */
void store_set_clock(struct store *s, int64_t now);

/*
 * Every write is recorded in the audit trail, in the same transaction, as
 * done by the actor set here (copied): a user name or "anoniem" or
 * "opdrachtregel:<name>", its display name, and the origin (an IP address
 * or "opdrachtregel"). Until set: "onbekend".
 */
void store_set_actor(struct store *s, const char *id, const char *weergave,
		     const char *herkomst);

/*
 * Who reads through this connection from now on (the struct and its lists
 * must live until the next call): every decision the store returns,
 * every reference to one (in memberships, arrangements, framework
 * articles, calculations) and every audit entry is left out when `z` may
 * not read it. NULL (the default) reads only what is published; the
 * command line at the machine reads everything (zicht.alles).
 */
void store_set_zicht(struct store *s, const struct zicht *z);

/* ---- organisations: municipalities and joint bodies ---- */

/*
 * Add a municipality or joint body. When o->inwoners >= 0 the count is
 * stored for o->inwoners_peildatum. Duplicate code: ST_CONFLICT.
 */
enum status store_organisatie_add(struct store *s, const struct organisatie *o,
				  day_t today, struct err *e);

/* One organisation by code, with its latest inhabitant count. */
enum status store_organisatie_get(struct store *s, struct arena *a,
				  const char *code, struct organisatie *out,
				  struct err *e);

/* The names of n organisations by code, in the arena (a code stays as
 * it is when there is no such organisation); NULL when out of memory. */
const char **store_organisatie_namen(struct store *s, struct arena *a,
				     const char *const *codes, size_t n);

/* All organisations of one kind, ordered by name. */
enum status store_organisatie_list(struct store *s, struct arena *a,
				   enum org_soort soort,
				   struct organisatie **out, size_t *n,
				   struct err *e);

/* Record an inhabitant count (replaces one for the same peildatum). */
enum status store_inwonertal_add(struct store *s, const char *code,
				 const struct inwonertal *t, day_t today,
				 struct err *e);
enum status store_inwonertal_list(struct store *s, struct arena *a,
				  const char *code, struct inwonertal **out,
				  size_t *n, struct err *e);

/* Members of a joint body (code), and adding one. */
enum status store_regeling_lid_add(struct store *s, const char *regeling,
				   const struct lidmaatschap *l, struct err *e);
enum status store_regeling_leden(struct store *s, struct arena *a,
				 const char *regeling,
				 struct lidmaatschap **out, size_t *n,
				 struct err *e);

/* ---- decisions ---- */

/*
 * A decision is named by its identificatie, unique within its
 * organisation (as in the ZGW Besluiten API): two organisations may use
 * the same one. store_besluit_zoek finds the candidates the viewer may
 * read; the other functions take the store's own number (besluit.id) of
 * the one chosen.
 */

/*
 * Add a decision with its status history (b->historie, b->status). When
 * b->identificatie is empty one is generated (BESLUIT-<year of datum>-n);
 * the identification stored is written to *identificatie_out (arena) and
 * its number to *id_out; either may be NULL. An identificatie the
 * organisation already has is a problem under "identificatie".
 */
enum status store_besluit_add(struct store *s, struct arena *a,
			      const struct besluit *b, day_t today,
			      const char **identificatie_out, int64_t *id_out,
			      struct err *e);

/*
 * The decisions with this identificatie (of organisation `organisatie`
 * when not NULL) that the viewer may read, by organisation code, without
 * their history: none, one, or (rarely) several.
 */
enum status store_besluit_zoek(struct store *s, struct arena *a,
			       const char *identificatie,
			       const char *organisatie, struct besluit **out,
			       size_t *n, struct err *e);

/*
 * The one decision `identificatie` (of organisation `organisatie` when not
 * NULL) names for the viewer, with its history: ST_NOT_FOUND ("Besluit X
 * bestaat niet.") alike when there is none and when the viewer may not
 * read it; ST_INVALID with a problem under `veld` (the name of the
 * organisation parameter where the caller reads it) when the viewer reads
 * several of that identificatie.
 */
enum status store_besluit_kies(struct store *s, struct arena *a,
			       const char *identificatie,
			       const char *organisatie, const char *veld,
			       struct besluit *out, struct err *e);

/* One decision with its status history; ST_NOT_FOUND also when the
 * viewer may not read it. */
enum status store_besluit_get(struct store *s, struct arena *a, int64_t id,
			      struct besluit *out, struct err *e);

/* A filter that matches everything the viewer may read. */
void store_besluit_filter_init(struct besluit_filter *f);

/*
 * Decisions matching `f` that the viewer may read, newest first (then by
 * identificatie), without their history; *total is the number matching
 * without offset/limit.
 */
enum status store_besluit_list(struct store *s, struct arena *a,
			       const struct besluit_filter *f,
			       struct besluit **out, size_t *n, size_t *total,
			       struct err *e);

/*
 * Change the correctable fields of a decision: ingangsdatum, vervaldatum,
 * vervalreden, publicatiedatum, onderwerp, toelichting,
 * portefeuillehouder, afdeling, openbaarheid and geheim_tot are taken from
 * `b`; everything else (identification, organisation, body, date, status
 * and its history) stays as stored. The result is checked as a whole
 * (besluit_check).
 */
enum status store_besluit_update(struct store *s, int64_t id,
				 const struct besluit *b, day_t today,
				 struct err *e);

/*
 * Delete a decision that is only a proposal (voorgesteld or aangehouden)
 * and that no register change points at; otherwise ST_CONFLICT.
 */
enum status store_besluit_delete(struct store *s, int64_t id, struct err *e);

/* Append a status step (checked by besluit_check_stap). */
enum status store_besluit_stap_add(struct store *s, int64_t id,
				   const struct besluit_stap *stap, day_t today,
				   struct err *e);

enum status store_besluit_wijzigingen(struct store *s, struct arena *a,
				      int64_t id,
				      struct besluit_wijziging **out, size_t *n,
				      struct err *e);

/* ---- cooperations ---- */

enum status store_samenwerking_add(struct store *s,
				   const struct samenwerking *sw,
				   struct err *e);
enum status store_samenwerking_get(struct store *s, struct arena *a,
				   const char *code, struct samenwerking *out,
				   struct err *e);
enum status store_samenwerking_list(struct store *s, struct arena *a,
				    struct samenwerking **out, size_t *n,
				    struct err *e);

/*
 * Add a member; checked together with the cooperation's other
 * memberships (reg_check_leden) and against its start date.
 */
enum status store_samenwerking_lid_add(struct store *s, const char *code,
				       const struct lidmaatschap *l,
				       struct err *e);
enum status store_samenwerking_leden(struct store *s, struct arena *a,
				     const char *code,
				     struct lidmaatschap **out, size_t *n,
				     struct err *e);

/* ---- units and their arrangement ---- */

/*
 * Add a unit to cooperation u->samenwerking with its whole arrangement
 * history (checked by reg_check_inrichting; `tot` of each period may be
 * DATE_NONE when the next period's `van` closes it).
 */
enum status store_eenheid_add(struct store *s, const struct eenheid *u,
			      const struct inrichting *hist, size_t n,
			      struct err *e);

/* One unit with its arrangement history, oldest first. */
enum status store_eenheid_get(struct store *s, struct arena *a,
			      const char *code, struct eenheid *out,
			      struct inrichting **hist, size_t *n,
			      struct err *e);

/* Units of one cooperation (or all when `samenwerking` is NULL). */
enum status store_eenheid_list(struct store *s, struct arena *a,
			       const char *samenwerking, struct eenheid **out,
			       size_t *n, struct err *e);

/*
 * Change a unit's arrangement from nieuw->periode.van on: the period in
 * force then is closed at that date and the new one appended. A change
 * dated on or before the start of the last period is refused; a new
 * period with vorm equal to the last one's and the same party is refused
 * as "no change".
 */
enum status store_eenheid_wijzig(struct store *s, const char *code,
				 const struct inrichting *nieuw, struct err *e);

/* All units of a cooperation as arranged on `op`, ordered by name. */
enum status store_eenheden_op(struct store *s, struct arena *a,
			      const char *samenwerking, day_t op,
			      struct eenheid_op **out, size_t *n,
			      struct err *e);

/* ---- framework articles ---- */

/* Add an article with its versions and the units each governs. */
enum status store_kader_artikel_add(struct store *s, const char *samenwerking,
				    const struct kader_artikel *k,
				    struct err *e);

/*
 * Articles of a cooperation; with `op` != DATE_NONE only the version in
 * force on that date (articles without one are left out).
 */
enum status store_kader_list(struct store *s, struct arena *a,
			     const char *samenwerking, day_t op,
			     struct kader_artikel **out, size_t *n,
			     struct err *e);

/* ---- workstreams ---- */

enum status store_werkstroom_add(struct store *s, const struct werkstroom *w,
				 struct err *e);
enum status store_werkstroom_list(struct store *s, struct arena *a,
				  const char *samenwerking,
				  struct werkstroom **out, size_t *n,
				  struct err *e);

/* ---- BBV taakvelden ---- */

enum status store_taakveld_add(struct store *s, const struct taakveld *t,
			       struct err *e);
/* All taakvelden, or (jaar > 0) those valid in that book year. */
enum status store_taakveld_list(struct store *s, struct arena *a, int jaar,
				struct taakveld **out, size_t *n,
				struct err *e);

/* ---- accounts ---- */

/* Add a personal account with an Argon2id hash (never the password). */
enum status store_gebruiker_add(struct store *s, const struct gebruiker *g,
				const char *wachtwoord_hash, struct err *e);

/* One account with its roles; *hash (may be NULL) gets the hash. */
enum status store_gebruiker_get(struct store *s, struct arena *a,
				const char *gebruikersnaam,
				struct gebruiker *out, const char **hash,
				struct err *e);

enum status store_gebruiker_list(struct store *s, struct arena *a,
				 struct gebruiker **out, size_t *n,
				 struct err *e);

/* Grant (or with `weg`, withdraw) a role; checked by access_check_rol and
 * against the register (the cooperation or municipality must exist). */
enum status store_gebruiker_rol(struct store *s, const char *gebruikersnaam,
				const struct roltoekenning *t, bool weg,
				struct err *e);

/* Close an account for good: it can no longer log in or use tokens. */
enum status store_gebruiker_intrekken(struct store *s,
				      const char *gebruikersnaam,
				      struct err *e);

/* Replace the password hash. */
enum status store_gebruiker_wachtwoord(struct store *s,
				       const char *gebruikersnaam,
				       const char *wachtwoord_hash,
				       struct err *e);

/*
 * Set (or replace) the TOTP secret of an account and its one-time
 * recovery codes (hex SHA-256 of each); earlier codes stop working.
 */
enum status store_tweede_factor_zet(struct store *s, const char *gebruikersnaam,
				    const char *totp_geheim,
				    const char *const *code_hashes, size_t n,
				    struct err *e);

/*
 * Accept a TOTP code of time step `stap` (Unix seconds / 30) once: ST_OK
 * when the step is later than the last one accepted for the account, and
 * it is remembered; ST_CONFLICT when it is not (the code, or an earlier
 * one, was used already). Call it in the transaction that logs in.
 */
enum status store_totp_stap_gebruik(struct store *s, const char *gebruikersnaam,
				    int64_t stap, struct err *e);

/* Use a recovery code once: ST_OK, or ST_NOT_FOUND when it is not valid. */
enum status store_herstelcode_gebruik(struct store *s,
				      const char *gebruikersnaam,
				      const char *code_hash, int64_t now,
				      struct err *e);

/* ---- sessions, tokens and login attempts ---- */

/*
 * Sessions and tokens are looked up by the hex SHA-256 of their secret.
 * Times are Unix seconds, passed in by the caller.
 */
enum status store_sessie_add(struct store *s, const char *hash,
			     const char *gebruikersnaam, const char *csrf,
			     int64_t now, const char *herkomst, struct err *e);

/*
 * The account of a live session: ST_NOT_FOUND when there is none, when
 * it was idle longer than `idle` seconds or older than `absolute`, or
 * when the account was closed (then the session is removed). On success
 * the session is touched (laatst_gebruikt = now), *user is filled and
 * *csrf points at its token (arena).
 */
enum status store_sessie_get(struct store *s, struct arena *a, const char *hash,
			     int64_t now, int64_t idle, int64_t absolute,
			     struct gebruiker *user, const char **csrf,
			     struct err *e);

enum status store_sessie_delete(struct store *s, const char *hash,
				struct err *e);

/*
 * A new API token for an account, valid until `verloopt`, optionally
 * narrower than the account (a role it holds, reading only).
 */
enum status store_token_add(struct store *s, const char *gebruikersnaam,
			    const char *naam, const char *hash, int64_t now,
			    int64_t verloopt, const struct token_scope *scope,
			    int64_t *id, struct err *e);

/*
 * The account of a valid token (not expired, not revoked, account open),
 * with its roles narrowed to the token's; *alleen_lezen tells whether the
 * token may only read.
 */
enum status store_token_get(struct store *s, struct arena *a, const char *hash,
			    int64_t now, struct gebruiker *user,
			    bool *alleen_lezen, struct err *e);

/* Revoke one token of an account by its number. */
enum status store_token_intrekken(struct store *s, const char *gebruikersnaam,
				  int64_t id, int64_t now, struct err *e);

/*
 * Failed logins per key: the count since the first failure in the
 * current window, and until when the key is blocked (0: not blocked).
 * store_poging_mislukt adds one failure and, from `max` failures within
 * `window` seconds on, blocks the key for `block` seconds.
 */
enum status store_poging_stand(struct store *s, const char *sleutel,
			       int64_t now, int64_t *geblokkeerd_tot,
			       struct err *e);
enum status store_poging_mislukt(struct store *s, const char *sleutel,
				 int64_t now, int max, int64_t window,
				 int64_t block, struct err *e);
enum status store_poging_wis(struct store *s, const char *sleutel,
			     struct err *e);

/* ---- audit trail ---- */

/*
 * Record an event that changed nothing (login, refusal) on its own. It
 * leaves the database generation alone: no page shows it to anyone
 * anonymous, so the response cache is kept.
 */
enum status store_audit_event(struct store *s, const char *actie, int resultaat,
			      const char *resource,
			      const char *resource_weergave,
			      const char *toelichting, struct err *e);

#define AUDIT_WEIGERING_MAX 10 /* entries per network per window */
#define AUDIT_WEIGERING_VENSTER 60 /* seconds */

/*
 * Record the refusal of an anonymous request (actie "geweigerd"), bounded
 * per origin network (of the herkomst given to store_set_actor: IPv4 /24,
 * IPv6 /64): at most AUDIT_WEIGERING_MAX entries in a window of
 * AUDIT_WEIGERING_VENSTER seconds from the network's first refusal. The
 * refusals beyond that are only counted (in inlogpoging, key
 * "weigering:<network>"), and once the window has ended they become one
 * entry (resultaat 429, nieuw.aantal the number, the network as origin):
 * at the network's next refusal, or at any network's refusal after that,
 * whichever comes first. The counter lives in the database, so several
 * processes share it. Like store_audit_event it leaves the generation
 * alone. `now` is Unix seconds.
 */
enum status store_audit_weigering(struct store *s, int64_t now, int resultaat,
				  const char *resource,
				  const char *resource_weergave,
				  const char *toelichting, struct err *e);

/*
 * Entries the viewer may read, newest first; filters NULL for any. A
 * viewer reads everything (zicht.alles), or the entries they made and
 * those about their scopes — about a decision only when they may read
 * that decision.
 */
enum status store_audit_list(struct store *s, struct arena *a,
			     const char *resource, const char *gebruiker,
			     size_t offset, size_t limit,
			     struct audit_entry **out, size_t *n, size_t *total,
			     struct err *e);

/*
 * Recompute the chain from the first entry: *checked entries were read;
 * *broken is the id of the first entry whose stored hash or previous
 * hash does not match (0 when the chain is whole).
 */
enum status store_audit_verify(struct store *s, int64_t *checked,
			       int64_t *broken, struct err *e);

/* ---- staff and hours (docs/hours-file.md) ---- */

/*
 * A staff member belongs to the cooperation of their home unit, and staff
 * numbers are unique within a cooperation. The viewer (store_set_zicht)
 * reads the staff of the cooperations it keeps (zicht.beheer), and the
 * batches of hours of those; the others do not exist for it.
 */

/* Add one staff member; every problem named by field. */
enum status store_medewerker_add(struct store *s, const struct medewerker *m,
				 struct err *e);

/*
 * Replace the record of staff member `oud` (as read: its number and
 * cooperation stay; a unit of another cooperation is a problem).
 */
enum status store_medewerker_wijzig(struct store *s,
				    const struct medewerker *oud,
				    const struct medewerker *m, struct err *e);

/*
 * The staff member with number `nummer` (of cooperation `samenwerking`
 * when not NULL) that the viewer keeps: ST_NOT_FOUND alike when there is
 * none and when it is not the viewer's; ST_INVALID with a problem under
 * `veld` when the viewer keeps several cooperations with that number.
 */
enum status store_medewerker_get(struct store *s, struct arena *a,
				 const char *nummer, const char *samenwerking,
				 const char *veld, struct medewerker *out,
				 struct err *e);

/*
 * Staff the viewer keeps, by number; `samenwerking` and `zoek` (in number
 * or name) filter when not NULL.
 */
enum status store_medewerker_list(struct store *s, struct arena *a,
				  const char *samenwerking, const char *zoek,
				  struct medewerker **out, size_t *n,
				  struct err *e);

/*
 * Import staff records all-or-nothing: new numbers are added, known ones
 * replaced. Problems are named "regel N" by m[i].id (the line).
 */
enum status store_medewerkers_import(struct store *s,
				     const struct medewerker *m, size_t n,
				     size_t *nieuw, size_t *gewijzigd,
				     struct err *e);

/* The register as the hours import and the framework check need it. */
enum status store_uren_register(struct store *s, struct arena *a,
				struct uren_register *out, struct err *e);

/*
 * Check an hours file (uren_import_controleer, on a second thread, into
 * `fa` and *res) and store it as a new batch of the cooperation whose
 * units it books, in one transaction while it is being checked: new
 * staff, the rows, the cells, and (vervang != 0) the replaced batch's
 * rows removed. A problem in the file undoes everything: ST_INVALID with
 * res->problemen. A file whose hash a current batch of that cooperation
 * already has changes nothing: ST_OK with *al_ingelezen set and *out
 * describing that batch. Hours that bring a person over 24 on a day
 * together with other batches are refused (ST_INVALID, problems named
 * "regel N" in e, none in res). The batch to replace must be one the
 * viewer keeps (else ST_NOT_FOUND) of the same cooperation. With `proef`
 * everything is checked exactly so and then undone: a dry run answers as
 * the import would. The texts of *out live in `uit`.
 */
enum status
store_uren_import(struct store *s, struct arena *uit, struct arena *fa,
		  const struct uren_register *r, const char *data, size_t n,
		  const struct uren_opties *o, const char *bestand,
		  int64_t vervang, bool proef, struct uren_resultaat *res,
		  struct uren_batch *out, bool *al_ingelezen, struct err *e);

/* The batches the viewer keeps, newest first, replaced ones included. */
enum status store_uren_batches(struct store *s, struct arena *a,
			       struct uren_batch **out, size_t *n,
			       struct err *e);

/* One batch the viewer keeps; ST_NOT_FOUND alike for other ones. */
enum status store_uren_batch_get(struct store *s, struct arena *a, int64_t id,
				 struct uren_batch *out, struct err *e);

/* Hours per municipality, unit and month of current batches. */

/*
 * Month totals from year `van_jaar` to `tot_jaar` (inclusive) for one
 * cooperation (NULL: all), ordered by municipality, unit, year, month.
 */
enum status store_uren_maanden(struct store *s, struct arena *a,
			       const char *samenwerking, int van_jaar,
			       int tot_jaar, struct uren_maand **out, size_t *n,
			       struct err *e);

/* The latest year with hours of one cooperation (NULL: all); 0: none. */
enum status store_uren_laatste_jaar(struct store *s, const char *samenwerking,
				    int *jaar, struct err *e);

/*
 * The cells of current batches in [van, tot) for one cooperation's units
 * (NULL: all), as indexes into `r` (from store_uren_register), sorted by
 * eenheid, gemeente, dag: the input of uren_afwijkingen.
 */
enum status store_uren_cellen(struct store *s, struct arena *a,
			      const struct uren_register *r,
			      const char *samenwerking, day_t van, day_t tot,
			      struct uren_cel **out, size_t *n, struct err *e);

/* ---- the contribution calculation (store_kosten.c) ---- */

/*
 * A cooperation's year of cost data: pools, roles, deliveries, weights
 * set by hand, advances and the method. ST_NOT_FOUND for an unknown
 * cooperation.
 */
enum status store_kosten_jaar(struct store *s, struct arena *a,
			      const char *samenwerking, int jaar,
			      struct kosten_jaar *out, struct err *e);

/*
 * The canonical input of a cooperation's year from the database: the
 * register, the realised hours of the year, the cost data and, when
 * `scenario` is not NULL, that scenario's changes (kosten_invoer,
 * kosten_scenario). Validated only by kv_bereken.
 */
enum status store_kosten_invoer(struct store *s, struct arena *a,
				const char *samenwerking, int jaar,
				const char *scenario, struct kv_invoer *out,
				struct err *e);

/*
 * Replace all cost pools of a cooperation's year by `posten`, in one
 * transaction: every pool's unit must belong to the cooperation and every
 * code be unique, or nothing changes (problems named "regel N" when the
 * pools came from a file, N = index + 2).
 */
enum status store_kostenposten_vervang(struct store *s,
				       const char *samenwerking, int jaar,
				       const struct kosten_post *posten,
				       size_t n, struct err *e);

/* Enter one cost pool (a pool with the same code in that year is
 * replaced), or remove one (ST_NOT_FOUND when there is none). */
enum status store_kostenpost_zet(struct store *s, const char *samenwerking,
				 int jaar, const struct kosten_post *p,
				 struct err *e);
enum status store_kostenpost_verwijder(struct store *s,
				       const char *samenwerking, int jaar,
				       const char *code, struct err *e);

/* Set one unit's role, a delivery, a weight by hand, an advance or the
 * method for a year (each replaces what was set before). */
enum status store_kostenrol_zet(struct store *s, int jaar,
				const struct kosten_rol *r, struct err *e);
enum status store_kostenlevering_zet(struct store *s, int jaar,
				     const struct kosten_levering *l,
				     struct err *e);
enum status store_kostengewicht_zet(struct store *s, int jaar,
				    const struct kosten_gewicht *g,
				    struct err *e);
/* Maatwerk hours (hundredths) of a unit for a member, at a rate in cents
 * per hour; replaces what was set for that unit, member and year. */
enum status store_maatwerk_zet(struct store *s, int jaar,
			       const struct kv_maatwerk *m, struct err *e);
enum status store_voorschot_zet(struct store *s, const char *samenwerking,
				int jaar, const char *gemeente, int64_t bedrag,
				struct err *e);
enum status store_kostenmethode_zet(struct store *s, const char *samenwerking,
				    int jaar, enum kv_methode m, struct err *e);

/* Scenarios: create one with its changes (ST_CONFLICT when the name is
 * taken in that year), read one, list them. */
enum status store_scenario_maak(struct store *s, const struct scenario *sc,
				int64_t *id, struct err *e);
enum status store_scenario_get(struct store *s, struct arena *a,
			       const char *samenwerking, int jaar,
			       const char *naam, struct scenario *out,
			       struct err *e);
enum status store_scenario_list(struct store *s, struct arena *a,
				const char *samenwerking, int jaar,
				struct scenario **out, size_t *n,
				struct err *e);

enum status store_kostenverdeling_bewaar(struct store *s,
					 const struct kostenverdeling *k,
					 int64_t *id, struct err *e);
enum status store_kostenverdeling_get(struct store *s, struct arena *a,
				      int64_t id, struct kostenverdeling *out,
				      struct err *e);
/* Newest first; jaar 0: every year. */
enum status store_kostenverdeling_list(struct store *s, struct arena *a,
				       const char *samenwerking, int jaar,
				       struct kostenverdeling **out, size_t *n,
				       struct err *e);
/*
 * Adopt calculation `id` by decision `besluit` (identificatie, of
 * organisation `besluit_organisatie` when not NULL): from then on it never
 * changes. The decision must be one of a member's of the cooperation (or
 * of a joint body a member is in) that the viewer may read, or it is a
 * problem under "besluit" as if it did not exist. ST_CONFLICT when the
 * calculation is adopted already, when it is a scenario, or when the year
 * has an adopted calculation.
 */
enum status store_kostenverdeling_vaststellen(struct store *s, int64_t id,
					      const char *besluit,
					      const char *besluit_organisatie,
					      struct err *e);

/* ---- backup, restore and moving a database (store_kopie.c) ---- */

/*
 * What a copy holds: per table (parents first) the rows and fingerprint
 * as store_inhoud gives them, and all rows together.
 */
struct store_kopie {
	struct store_tabel *tabellen;
	size_t ntabellen;
	int64_t rijen;
	/* PostgreSQL: the database changed while pg_dump ran; the figures
	 * are of afterwards, the copy holds one moment in between. */
	bool gewijzigd;
};

/*
 * A consistent copy of the database at `doel` into the file `bestand`,
 * while servers go on using it: of a SQLite database a SQLite file (its
 * online backup; one plain file, only its owner may read it), of a
 * PostgreSQL one an archive of pg_dump --format=custom (the program from
 * $AMBT_PG_BIN, the PATH or /usr/lib/postgresql/N/bin). Written beside
 * `bestand` and renamed into place when complete; an existing `bestand`
 * is replaced only with `overschrijf` (else ST_CONFLICT). *uit (in `a`)
 * says what the copy holds.
 */
enum status store_backup(const char *doel, const char *bestand,
			 bool overschrijf, struct arena *a,
			 struct store_kopie *uit, struct err *e);

/*
 * Put the copy `bestand` (of store_backup) back as the database at
 * `doel`: a SQLite file built beside its place and renamed into place
 * when complete; a PostgreSQL database (made when missing) filled by
 * pg_restore in one transaction. The copy must hold an ambt database of a
 * schema version this program knows (ST_INVALID, ST_CONFLICT for a newer
 * one), checked before anything changes; an existing database is
 * replaced only with `overschrijf`. Then it is opened with the store, so
 * that migrations bring an older copy up to date; *uit says what it holds.
 */
enum status store_restore(const char *bestand, const char *doel,
			  bool overschrijf, struct arena *a,
			  struct store_kopie *uit, struct err *e);

/*
 * Recompute adopted calculation `k` (with its invoer and uitkomst) and
 * compare with what it stores; the calculation itself lives above the
 * store (present/kostenverdeling.h, kv_herreken).
 */
typedef enum status (*store_herreken)(const struct kostenverdeling *k,
				      void *arg, struct err *e);

struct store_migratie {
	struct store_kopie kopie; /* what the target holds now */
	size_t berekeningen; /* adopted calculations recomputed */
	int64_t audit; /* audit entries checked */
};

/*
 * Move everything from the database `van` (which must exist) to `naar`,
 * of either engine: `naar` is made and migrated by the store and must
 * hold no data, unless `overschrijf` (then it is emptied). In one
 * transaction on `naar` every table of STORE_TABELLEN is copied in order
 * with the bulk path, self-references afterwards, PostgreSQL's ids set to
 * continue after the highest; then, before it commits, every table must
 * have the same rows and fingerprint on both sides, every adopted
 * calculation must recompute (`herreken`, with `arg`; NULL: not checked)
 * to its stored bytes, and the audit trail must be whole. Any difference
 * is ST_CONFLICT naming the table, and `naar` is left as it was (or
 * empty, when `overschrijf` emptied it). Writers of `van` wait meanwhile.
 */
enum status store_migreer(const char *van, const char *naar, bool overschrijf,
			  store_herreken herreken, void *arg, struct arena *a,
			  struct store_migratie *uit, struct err *e);

#endif
