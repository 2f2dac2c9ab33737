/*
 * store_toegang.h - access and the audit trail in the store
 * (store_toegang.c): accounts and their roles, the second factor,
 * sessions, API tokens and failed login attempts; events and refusals
 * recorded on their own, and reading and verifying the audit trail.
 *
 * Part of the store's API: callers include store.h, which includes this
 * header, and the conventions written there hold for every function here.
 */
#ifndef AMBT_STORE_TOEGANG_H
#define AMBT_STORE_TOEGANG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/access.h"
#include "../core/arena.h"
#include "../core/audit.h"
#include "../core/err.h"

struct store;

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
 * Remove the second factor of an account (secret and recovery codes), so
 * that it can be set up again: ST_CONFLICT when there is none.
 */
enum status store_tweede_factor_wis(struct store *s, const char *gebruikersnaam,
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

/* An API token as its account's lists show it (never its secret). */
struct token_info {
	int64_t id;
	const char *naam;
	int64_t aangemaakt; /* Unix seconds */
	int64_t verloopt;
	int64_t ingetrokken; /* 0 while not revoked */
	const char *rol; /* the one role it is narrowed to, or NULL */
	const char *scope; /* that role's scope, or NULL */
	bool alleen_lezen;
};

/* The tokens of an account, oldest first, revoked and expired ones too. */
enum status store_token_list(struct store *s, struct arena *a,
			     const char *gebruikersnaam,
			     struct token_info **out, size_t *n, struct err *e);

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

#endif
