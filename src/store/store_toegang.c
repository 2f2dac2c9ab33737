/*
 * store_toegang.c - access and the audit trail: accounts and their roles,
 * the second factor, sessions, API tokens and failed login attempts;
 * reading and verifying the audit trail, and the bounded record of
 * refused anonymous requests.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "store_intern.h"
#include "../core/register.h"
#include "../core/text.h"
#include "../banned.h"

/* ---- accounts ---- */

static enum status
gebruiker_id(struct store *s, const char *naam, int64_t *id, bool *actief,
	     struct err *e)
{
	struct db_stmt *st;

	*id = 0; /* defined on every path */
	st = row_by_key(s, Q_GEBRUIKER_GET, naam, "Gebruiker", 64, e);
	if (!st)
		return e->status;
	*id = db_col_int(st, 0);
	if (actief)
		*actief = col_is_null(st, 5);
	db_reset(st);
	return ST_OK;
}

/* The id of an account that is still open; ST_CONFLICT when closed. */
static enum status
open_account(struct store *s, const char *gebruikersnaam, int64_t *id,
	     struct err *e)
{
	bool actief = false;

	if (gebruiker_id(s, gebruikersnaam, id, &actief, e))
		return e->status;
	if (!actief)
		return err_set(e, ST_CONFLICT,
			       "Het account van %.64s is ingetrokken.",
			       gebruikersnaam);
	return ST_OK;
}

enum status
store_gebruiker_add(struct store *s, const struct gebruiker *g,
		    const char *wachtwoord_hash, struct err *e)
{
	struct db_stmt *st;
	enum status rc;
	char now[32];
	int64_t dummy;
	struct err probe;

	access_check_gebruikersnaam(g->gebruikersnaam, e);
	if (!g->naam || !*g->naam)
		err_invalid(e, "naam", "required",
			    "Vul de naam van de persoon in: accounts zijn "
			    "persoonlijk.");
	text_check_max(g->naam, "naam", ACCESS_MAX_NAAM, e);
	text_check_max(g->email, "email", ACCESS_MAX_EMAIL, e);
	if (!wachtwoord_hash || strncmp(wachtwoord_hash, "$argon2id$", 10))
		err_internal(e, "password hash is not Argon2id");
	if (e->status)
		return e->status;
	if ((rc = tx_begin(s, e)))
		return rc;
	err_clear(&probe);
	if (gebruiker_id(s, g->gebruikersnaam, &dummy, NULL, &probe) == ST_OK)
		err_invalid(e, "gebruikersnaam", "unique",
			    "Gebruikersnaam %s is al in gebruik.",
			    g->gebruikersnaam);
	if (e->status || !(st = stmt(s, Q_GEBRUIKER_INSERT, e)))
		return tx_end(s, e->status, e);
	utc_now(s, now, sizeof(now));
	bind_text(st, 1, g->gebruikersnaam);
	bind_text(st, 2, g->naam);
	bind_text(st, 3, g->email);
	bind_text(st, 4, wachtwoord_hash);
	bind_text(st, 5, now);
	rc = run(s, st, e);
	if (rc == ST_OK)
		rc = audit_append(s, "create", 201, "gebruiker", NULL,
				  g->gebruikersnaam, NULL, NULL,
				  jobj(&s->scratch, "gebruikersnaam",
				       g->gebruikersnaam, "naam", g->naam,
				       "email", g->email, NULL),
				  e);
	return tx_end(s, rc, e);
}

static enum status
read_gebruiker(struct store *s, struct arena *a, struct db_stmt *st,
	       struct gebruiker *g, struct err *e)
{
	g->id = db_col_int(st, 0);
	g->gebruikersnaam = col_text(a, st, 1);
	g->naam = col_text(a, st, 2);
	g->email = col_text(a, st, 3);
	g->aangemaakt = col_text(a, st, 4);
	g->ingetrokken = col_text(a, st, 5);
	g->laatste_login = NULL;
	g->tweede_factor = !col_is_null(st, 7) && (int)db_col_int(st, 7) != 0;
	g->totp_geheim = NULL;
	g->rollen = NULL;
	g->nrollen = 0;
	(void)s;
	(void)e;
	return ST_OK;
}

static enum status
read_rollen(struct store *s, struct arena *a, struct gebruiker *g,
	    struct err *e)
{
	struct db_stmt *st = stmt(s, Q_GEBRUIKER_ROLLEN, e);
	size_t cap = 0;
	int r;

	if (!st)
		return e->status;
	bind_int(st, 1, g->id);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, g->rollen, g->nrollen, cap))
			return nomem(e);
		struct roltoekenning *t = &g->rollen[g->nrollen - 1];
		rol_parse(db_col_text(st, 0), &t->rol);
		t->scope = col_text(a, st, 1);
		if (t->scope && !*t->scope)
			t->scope = NULL;
	}
	return r < 0 ? e->status : ST_OK;
}

enum status
store_gebruiker_get(struct store *s, struct arena *a,
		    const char *gebruikersnaam, struct gebruiker *out,
		    const char **hash, struct err *e)
{
	struct db_stmt *st = row_by_key(s, Q_GEBRUIKER_GET, gebruikersnaam,
					"Gebruiker", 64, e);

	if (!st)
		return e->status;
	read_gebruiker(s, a, st, out, e);
	out->totp_geheim = col_text(a, st, 7);
	out->tweede_factor = out->totp_geheim != NULL;
	if (hash)
		*hash = col_text(a, st, 6);
	db_reset(st);
	return read_rollen(s, a, out, e);
}

enum status
store_gebruiker_list(struct store *s, struct arena *a, struct gebruiker **out,
		     size_t *n, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_GEBRUIKER_LIST, e);
	size_t cap = 0;
	int r;

	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		read_gebruiker(s, a, st, &(*out)[*n - 1], e);
	}
	if (r < 0)
		return e->status;
	for (size_t i = 0; i < *n; i++) {
		struct gebruiker *g = &(*out)[i];

		if (read_rollen(s, a, g, e) ||
		    !(st = stmt(s, Q_GEBRUIKER_LAATSTE_LOGIN, e)))
			return e->status;
		bind_text(st, 1, g->gebruikersnaam);
		if ((r = next_row(s, st, e)) < 0)
			return e->status;
		g->laatste_login = r == 1 ? col_text(a, st, 0) : NULL;
		db_reset(st);
	}
	return ST_OK;
}

enum status
store_gebruiker_rol(struct store *s, const char *gebruikersnaam,
		    const struct roltoekenning *t, bool weg, struct err *e)
{
	struct db_stmt *st;
	int64_t id, dummy;
	bool actief = false;
	const char *audit_scope = t->scope;
	enum status rc;

	if (access_check_rol(t, e))
		return e->status;
	if ((rc = tx_begin(s, e)))
		return rc;
	if (gebruiker_id(s, gebruikersnaam, &id, &actief, e))
		return tx_end(s, e->status, e);
	if (!actief && !weg)
		return tx_end(s,
			      err_set(e, ST_CONFLICT,
				      "Het account van %.64s is "
				      "ingetrokken.",
				      gebruikersnaam),
			      e);
	if (rol_scope_soort(t->rol) == SCOPE_GEMEENTE) {
		char *cbs = arena_alloc(&s->scratch, REG_CBS_CODE_LEN + 1);
		const char *vcode = NULL;
		struct vestiging v;

		if (!cbs || !access_scope_split(t->scope, cbs,
						REG_CBS_CODE_LEN + 1, &vcode))
			return tx_end(s, err_internal(e, "scope %s", t->scope),
				      e);
		if (!weg && org_id(s, cbs, ORG_GEMEENTE, "scope", &dummy, e))
			return tx_end(s, e->status, e);
		/* A location of that municipality. */
		if (!weg && vcode &&
		    (store_vestiging_get(s, vcode, DATE_NONE, &s->scratch, &v,
					 e) ||
		     strcmp(v.gemeente, cbs) != 0)) {
			err_clear(e);
			err_invalid(e, "scope", "unknown",
				    "Gemeente %s heeft geen vestiging %.64s.",
				    cbs, vcode);
			return tx_end(s, e->status, e);
		}
		audit_scope = cbs;
	}
	if (!weg && rol_scope_soort(t->rol) == SCOPE_SAMENWERKING &&
	    samenwerking_id(s, t->scope, &dummy, NULL, e)) {
		e->status = ST_OK;
		err_invalid(e, "scope", "unknown",
			    "Samenwerking %.20s bestaat niet.", t->scope);
		return tx_end(s, e->status, e);
	}
	if (!(st = stmt(s,
			weg ? Q_GEBRUIKER_ROL_DELETE : Q_GEBRUIKER_ROL_INSERT,
			e)))
		return tx_end(s, e->status, e);
	bind_int(st, 1, id);
	bind_text(st, 2, rol_name(t->rol));
	bind_text(st, 3, t->scope ? t->scope : "");
	rc = run(s, st, e);
	if (rc == ST_OK && weg && db_changes(s->db) == 0)
		rc = err_set(e, ST_NOT_FOUND, "%.64s heeft de rol %s%s%s niet.",
			     gebruikersnaam, rol_name(t->rol),
			     t->scope ? " voor " : "",
			     t->scope ? t->scope : "");
	if (rc == ST_OK) {
		const char *r = jobj(&s->scratch, "rol", rol_name(t->rol),
				     "scope", t->scope, NULL);
		s->scope = audit_scope;
		rc = audit_append(s, weg ? "destroy" : "create",
				  weg ? 204 : 201, "rol", NULL, gebruikersnaam,
				  NULL, weg ? r : NULL, weg ? NULL : r, e);
	}
	return tx_end(s, rc, e);
}

enum status
store_gebruiker_intrekken(struct store *s, const char *gebruikersnaam,
			  struct err *e)
{
	struct db_stmt *st;
	int64_t id;
	bool actief = false;
	enum status rc;
	char now[32];

	if ((rc = tx_begin(s, e)))
		return rc;
	if (gebruiker_id(s, gebruikersnaam, &id, &actief, e))
		return tx_end(s, e->status, e);
	if (!actief)
		return tx_end(s,
			      err_set(e, ST_CONFLICT,
				      "Het account van %.64s is al "
				      "ingetrokken.",
				      gebruikersnaam),
			      e);
	if (!(st = stmt(s, Q_GEBRUIKER_INTREKKEN, e)))
		return tx_end(s, e->status, e);
	utc_now(s, now, sizeof(now));
	bind_int(st, 1, id);
	bind_text(st, 2, now);
	rc = run(s, st, e);
	/* A closed account has no sessions left. */
	if (rc == ST_OK && (st = stmt(s, Q_SESSIE_DELETE_GEBRUIKER, e))) {
		bind_int(st, 1, id);
		rc = run(s, st, e);
	}
	if (rc == ST_OK)
		rc = audit_append(s, "partial_update", 200, "gebruiker", NULL,
				  gebruikersnaam, "account ingetrokken", NULL,
				  jobj(&s->scratch, "ingetrokken", now, NULL),
				  e);
	return tx_end(s, rc, e);
}

enum status
store_gebruiker_wachtwoord(struct store *s, const char *gebruikersnaam,
			   const char *wachtwoord_hash, struct err *e)
{
	struct db_stmt *st;
	int64_t id;
	enum status rc;

	if (!wachtwoord_hash || strncmp(wachtwoord_hash, "$argon2id$", 10))
		return err_internal(e, "password hash is not Argon2id");
	if ((rc = tx_begin(s, e)))
		return rc;
	if (open_account(s, gebruikersnaam, &id, e))
		return tx_end(s, e->status, e);
	if (!(st = stmt(s, Q_GEBRUIKER_WACHTWOORD, e)))
		return tx_end(s, e->status, e);
	bind_int(st, 1, id);
	bind_text(st, 2, wachtwoord_hash);
	rc = run(s, st, e);
	/* The audit trail says that it changed, never what to. */
	if (rc == ST_OK)
		rc = audit_append(s, "partial_update", 200, "gebruiker", NULL,
				  gebruikersnaam, "wachtwoord gewijzigd", NULL,
				  NULL, e);
	return tx_end(s, rc, e);
}

/* ---- audit trail ---- */

enum status
store_audit_event(struct store *s, const char *actie, int resultaat,
		  const char *resource, const char *resource_weergave,
		  const char *toelichting, struct err *e)
{
	enum status rc;

	if ((rc = tx_begin_stil(s, e)))
		return rc;
	rc = audit_append(s, actie, resultaat, resource, NULL,
			  resource_weergave, toelichting, NULL, NULL, e);
	return tx_end(s, rc, e);
}

/* ---- refusals of anonymous requests, bounded per network ---- */

/* Their counters in inlogpoging: "weigering:<network>". */
#define WEIGERING "weigering:"

/* Unix seconds as ISO 8601 UTC. */
static void
utc_iso(int64_t t, char *buf, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/*
 * One entry for the `aantal` refusals from `netwerk` beyond the bound in
 * the window that began at `sinds`, with the network as its origin.
 */
static enum status
weigering_samenvatting(struct store *s, const char *netwerk, int64_t aantal,
		       int64_t sinds, struct err *e)
{
	char herkomst[sizeof(s->herkomst)], van[32], tot[32], n[24];
	char tekst[256];
	enum status rc;

	utc_iso(sinds, van, sizeof(van));
	utc_iso(sinds + AUDIT_WEIGERING_VENSTER, tot, sizeof(tot));
	snprintf(n, sizeof(n), "%lld", (long long)aantal);
	snprintf(tekst, sizeof(tekst),
		 "%lld weigeringen meer van %s tussen %s en %s, niet elk "
		 "apart vastgelegd",
		 (long long)aantal, netwerk, van, tot);
	copy_text(herkomst, sizeof(herkomst), s->herkomst);
	copy_text(s->herkomst, sizeof(s->herkomst), netwerk);
	rc = audit_append(
		s, "geweigerd", 429, "toegang", NULL, netwerk, tekst, NULL,
		jobj(&s->scratch, "aantal", n, "van", van, "tot", tot, NULL),
		e);
	copy_text(s->herkomst, sizeof(s->herkomst), herkomst);
	return rc;
}

/*
 * Close the windows of other networks that have ended: record what each
 * held beyond the bound, and forget its counter. A few per call.
 */
static enum status
weigering_opruimen(struct store *s, const char *sleutel, int64_t now,
		   struct err *e)
{
	struct afgelopen {
		const char *sleutel;
		int64_t aantal, sinds;
	} *list = NULL;
	size_t n = 0, cap = 0;
	struct db_stmt *st = stmt(s, Q_WEIGERING_AFGELOPEN, e);
	int r;

	if (!st)
		return e->status;
	bind_int(st, 1, now - AUDIT_WEIGERING_VENSTER);
	bind_text(st, 2, sleutel);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(&s->scratch, list, n, cap)) {
			db_reset(st);
			return nomem(e);
		}
		list[n - 1].sleutel = col_text(&s->scratch, st, 0);
		list[n - 1].aantal = db_col_int(st, 1);
		list[n - 1].sinds = db_col_int(st, 2);
	}
	db_reset(st);
	if (r < 0)
		return e->status;
	for (size_t i = 0; i < n; i++) {
		if (!list[i].sleutel)
			continue;
		if (list[i].aantal > AUDIT_WEIGERING_MAX &&
		    weigering_samenvatting(s,
					   list[i].sleutel + strlen(WEIGERING),
					   list[i].aantal - AUDIT_WEIGERING_MAX,
					   list[i].sinds, e))
			return e->status;
		if (!(st = stmt(s, Q_POGING_DELETE, e)))
			return e->status;
		bind_text(st, 1, list[i].sleutel);
		if (run(s, st, e))
			return e->status;
	}
	return ST_OK;
}

enum status
store_audit_weigering(struct store *s, int64_t now, int resultaat,
		      const char *resource, const char *resource_weergave,
		      const char *toelichting, struct err *e)
{
	char netwerk[ACCESS_NETWERK_LEN];
	char sleutel[sizeof(WEIGERING) + ACCESS_NETWERK_LEN];
	int64_t aantal = 0, sinds = now;
	struct db_stmt *st;
	enum status rc;
	int r;

	access_netwerk(s->herkomst, netwerk);
	snprintf(sleutel, sizeof(sleutel), WEIGERING "%s", netwerk);
	if ((rc = tx_begin_stil(s, e)))
		return rc;
	if (weigering_opruimen(s, sleutel, now, e) ||
	    !(st = stmt(s, Q_POGING_GET, e)))
		return tx_end(s, e->status, e);
	bind_text(st, 1, sleutel);
	if ((r = next_row(s, st, e)) < 0)
		return tx_end(s, e->status, e);
	if (r == 1) {
		aantal = db_col_int(st, 0);
		sinds = db_col_int(st, 1);
	}
	db_reset(st);
	if (r == 1 && now - sinds < AUDIT_WEIGERING_VENSTER) {
		aantal++;
	} else {
		/* A new window; what the last one held beyond the bound
		 * is recorded first, on this next refusal that may be. */
		if (r == 1 && aantal > AUDIT_WEIGERING_MAX &&
		    weigering_samenvatting(
			    s, netwerk, aantal - AUDIT_WEIGERING_MAX, sinds, e))
			return tx_end(s, e->status, e);
		aantal = 1;
		sinds = now;
	}
	if (aantal <= AUDIT_WEIGERING_MAX &&
	    audit_append(s, "geweigerd", resultaat, resource, NULL,
			 resource_weergave, toelichting, NULL, NULL, e))
		return tx_end(s, e->status, e);
	if (!(st = stmt(s, Q_POGING_UPSERT, e)))
		return tx_end(s, e->status, e);
	bind_text(st, 1, sleutel);
	bind_int(st, 2, aantal);
	bind_int(st, 3, sinds);
	bind_int(st, 4, 0);
	return tx_end(s, run(s, st, e), e);
}

static void
read_audit(struct arena *a, struct db_stmt *st, struct audit_entry *x)
{
	const char *h;

	x->id = db_col_int(st, 0);
	x->uuid = col_text(a, st, 1);
	x->aanmaakdatum = col_text(a, st, 2);
	x->gebruikers_id = col_text(a, st, 3);
	x->gebruikers_weergave = col_text(a, st, 4);
	x->actie = col_text(a, st, 5);
	x->actie_weergave = col_text(a, st, 6);
	x->resultaat = (int)db_col_int(st, 7);
	x->resource = col_text(a, st, 8);
	x->resource_url = col_text(a, st, 9);
	x->resource_weergave = col_text(a, st, 10);
	x->toelichting = col_text(a, st, 11);
	x->herkomst = col_text(a, st, 12);
	x->oud = col_text(a, st, 13);
	x->nieuw = col_text(a, st, 14);
	h = db_col_text(st, 15);
	copy_text(x->vorige_hash, sizeof(x->vorige_hash), h);
	h = db_col_text(st, 16);
	copy_text(x->hash, sizeof(x->hash), h);
	x->scope = col_text(a, st, 17);
	x->besluit = db_col_int(st, 18);
}

/*
 * The JSON text `j` with the value of every "besluit" member replaced by
 * null, in the arena: an entry shown to a reader who may not read the
 * decision it names. (The store writes these objects itself, with jobj.)
 */
static const char *
zonder_besluit(struct arena *a, const char *j)
{
	static const char sleutel[] = "\"besluit\":\"";
	const size_t ks = sizeof(sleutel) - 1;
	char *out, *o;
	const char *p;

	if (!j || !strstr(j, sleutel) || !(out = arena_alloc(a, strlen(j) + 1)))
		return j;
	for (o = out, p = j; *p;) {
		if (strncmp(p, sleutel, ks) != 0) {
			*o++ = *p++;
			continue;
		}
		memcpy(o, "\"besluit\":null", 14);
		o += 14;
		for (p += ks; *p && *p != '"'; p++)
			if (*p == '\\' && p[1])
				p++;
		if (*p)
			p++;
	}
	*o = '\0';
	return out;
}

/* The connection's viewer as parameters $3-$7 of AUDIT_ZICHT. */
static void
bind_zicht(const struct store *s, struct db_stmt *st)
{
	const struct zicht *z = s->zicht;

	bind_int(st, 3, z && z->alles);
	bind_text(st, 4, z ? z->zelf : NULL);
	bind_text(st, 5, s->zicht_scopes);
	bind_text(st, 6, s->zicht_volledig);
	bind_text(st, 7, s->zicht_intern);
}

enum status
store_audit_list(struct store *s, struct arena *a, const char *resource,
		 const char *gebruiker, size_t offset, size_t limit,
		 struct audit_entry **out, size_t *n, size_t *total,
		 struct err *e)
{
	struct db_stmt *st;
	size_t cap = 0;
	int r;

	*out = NULL;
	*n = 0;
	*total = 0;
	if (!(st = stmt(s, Q_AUDIT_COUNT, e)))
		return e->status;
	bind_text(st, 1, resource);
	bind_text(st, 2, gebruiker);
	bind_zicht(s, st);
	if (next_row(s, st, e) != 1)
		return e->status;
	*total = (size_t)db_col_int(st, 0);
	db_reset(st);
	if (!(st = stmt(s, Q_AUDIT_LIST, e)))
		return e->status;
	bind_text(st, 1, resource);
	bind_text(st, 2, gebruiker);
	bind_zicht(s, st);
	bind_int(st, 8, limit ? (int64_t)limit : INT64_MAX);
	bind_int(st, 9, (int64_t)offset);
	while ((r = next_row(s, st, e)) == 1) {
		struct audit_entry *x;

		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		x = &(*out)[*n - 1];
		read_audit(a, st, x);
		if (!(int)db_col_int(st, 19)) {
			x->oud = zonder_besluit(a, x->oud);
			x->nieuw = zonder_besluit(a, x->nieuw);
			x->besluit = 0;
		}
	}
	return r < 0 ? e->status : ST_OK;
}

enum status
store_audit_verify(struct store *s, int64_t *checked, int64_t *broken,
		   struct err *e)
{
	struct db_stmt *st = stmt(s, Q_AUDIT_ALL, e);
	char prev[AUDIT_HASH_HEX], want[AUDIT_HASH_HEX];
	struct arena a;
	int r;

	*checked = 0;
	*broken = 0;
	if (!st)
		return e->status;
	copy_text(prev, sizeof(prev), audit_genesis);
	arena_init(&a, 1u << 24);
	while ((r = next_row(s, st, e)) == 1) {
		struct audit_entry x;

		read_audit(&a, st, &x);
		(*checked)++;
		audit_hash(&x, prev, want);
		if (strcmp(x.vorige_hash, prev) != 0 ||
		    strcmp(x.hash, want) != 0 || x.id != *checked) {
			*broken = x.id;
			db_reset(st);
			break;
		}
		copy_text(prev, sizeof(prev), x.hash);
		/* Keep memory flat over long chains. */
		if (a.used > (1u << 23)) {
			arena_free(&a);
			arena_init(&a, 1u << 24);
		}
	}
	arena_free(&a);
	return r < 0 ? e->status : ST_OK;
}

/* ---- sessions, tokens and login attempts ---- */

enum status
store_sessie_add(struct store *s, const char *hash, const char *gebruikersnaam,
		 const char *csrf, int64_t now, const char *herkomst,
		 struct err *e)
{
	struct db_stmt *st;
	int64_t id;
	bool actief = false;
	enum status rc;

	if ((rc = tx_begin(s, e)))
		return rc;
	if (gebruiker_id(s, gebruikersnaam, &id, &actief, e))
		return tx_end(s, e->status, e);
	if (!actief)
		return tx_end(
			s,
			err_set(e, ST_CONFLICT, "Dit account is ingetrokken."),
			e);
	if (!(st = stmt(s, Q_SESSIE_INSERT, e)))
		return tx_end(s, e->status, e);
	bind_text(st, 1, hash);
	bind_int(st, 2, id);
	bind_text(st, 3, csrf);
	bind_int(st, 4, now);
	bind_text(st, 5, herkomst);
	rc = run(s, st, e);
	if (rc == ST_OK)
		rc = audit_append(s, "login", 200, "sessie", NULL,
				  gebruikersnaam, NULL, NULL, NULL, e);
	return tx_end(s, rc, e);
}

enum status
store_sessie_get(struct store *s, struct arena *a, const char *hash,
		 int64_t now, int64_t idle, int64_t absolute,
		 struct gebruiker *user, const char **csrf, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_SESSIE_GET, e);
	const char *naam;
	int64_t made, used;
	bool closed;
	int r;

	if (!st)
		return e->status;
	bind_text(st, 1, hash);
	r = next_row(s, st, e);
	if (r < 0)
		return e->status;
	if (r == 0)
		return err_set(e, ST_NOT_FOUND, "Geen sessie.");
	naam = col_text(a, st, 0);
	*csrf = col_text(a, st, 1);
	made = db_col_int(st, 2);
	used = db_col_int(st, 3);
	closed = !col_is_null(st, 4);
	db_reset(st);
	if (closed || now - used > idle || now - made > absolute) {
		store_sessie_delete(s, hash, e);
		return err_set(e, ST_NOT_FOUND,
			       "De sessie is verlopen; log opnieuw in.");
	}
	/* Touch at most once a minute: reads stay reads. */
	if (now - used >= 60) {
		if ((st = stmt(s, Q_SESSIE_TOUCH, e))) {
			bind_text(st, 1, hash);
			bind_int(st, 2, now);
			run(s, st, e);
		}
	}
	return store_gebruiker_get(s, a, naam, user, NULL, e);
}

enum status
store_sessie_delete(struct store *s, const char *hash, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_SESSIE_DELETE, e);

	if (!st)
		return e->status;
	bind_text(st, 1, hash);
	return run(s, st, e);
}

enum status
store_token_add(struct store *s, const char *gebruikersnaam, const char *naam,
		const char *hash, int64_t now, int64_t verloopt,
		const struct token_scope *scope, int64_t *id, struct err *e)
{
	struct db_stmt *st;
	int64_t uid;
	enum status rc;
	char until[32];

	if (!naam || !*naam)
		return err_invalid(e, "naam", "required",
				   "Geef het token een naam, bijvoorbeeld de "
				   "toepassing die het gebruikt.");
	if (text_check_max(naam, "naam", ACCESS_MAX_NAAM, e))
		return e->status;
	if (verloopt <= now || verloopt - now > ACCESS_TOKEN_MAX_DAGEN * 86400)
		return err_invalid(e, "geldig", "range",
				   "Een token is 1 tot 400 dagen geldig.");
	if ((rc = tx_begin(s, e)))
		return rc;
	if (open_account(s, gebruikersnaam, &uid, e))
		return tx_end(s, e->status, e);
	if (scope && scope->rol) {
		struct gebruiker g;
		bool held = false;

		if (store_gebruiker_get(s, &s->scratch, gebruikersnaam, &g,
					NULL, e))
			return tx_end(s, e->status, e);
		for (size_t i = 0; i < g.nrollen; i++)
			held |= g.rollen[i].rol == scope->rol->rol &&
				((!g.rollen[i].scope && !scope->rol->scope) ||
				 (g.rollen[i].scope && scope->rol->scope &&
				  strcmp(g.rollen[i].scope,
					 scope->rol->scope) == 0));
		if (!held)
			return tx_end(s,
				      err_invalid(e, "rol", "not-held",
						  "%.64s heeft deze rol niet; "
						  "een token kan niet meer "
						  "dan het account.",
						  gebruikersnaam),
				      e);
	}
	if (!(st = stmt(s, Q_TOKEN_INSERT, e)))
		return tx_end(s, e->status, e);
	bind_text(st, 1, hash);
	bind_int(st, 2, uid);
	bind_text(st, 3, naam);
	bind_int(st, 4, now);
	bind_int(st, 5, verloopt);
	bind_text(st, 6,
		  scope && scope->rol ? rol_name(scope->rol->rol) : NULL);
	bind_text(st, 7, scope && scope->rol ? scope->rol->scope : NULL);
	bind_int(st, 8, scope && scope->alleen_lezen);
	rc = run_id(s, st, id, e);
	snprintf(until, sizeof(until), "%lld", (long long)verloopt);
	if (rc == ST_OK)
		rc = audit_append(s, "create", 201, "token", NULL,
				  gebruikersnaam, naam, NULL,
				  jobj(&s->scratch, "naam", naam, "verloopt",
				       until, NULL),
				  e);
	return tx_end(s, rc, e);
}

enum status
store_token_get(struct store *s, struct arena *a, const char *hash, int64_t now,
		struct gebruiker *user, bool *alleen_lezen, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_TOKEN_GET, e);
	const char *naam, *rol, *scope;
	enum status rc;
	int r;

	if (!st)
		return e->status;
	bind_text(st, 1, hash);
	bind_int(st, 2, now);
	r = next_row(s, st, e);
	if (r < 0)
		return e->status;
	if (r == 0)
		return err_set(
			e, ST_NOT_FOUND,
			"Het token is onbekend, verlopen of ingetrokken.");
	naam = col_text(a, st, 0);
	rol = col_text(a, st, 1);
	scope = col_text(a, st, 2);
	*alleen_lezen = (int)db_col_int(st, 3) != 0;
	db_reset(st);
	if ((rc = store_gebruiker_get(s, a, naam, user, NULL, e)) || !rol)
		return rc;
	/* Keep only the token's role (if the account still holds it). */
	size_t k = 0;
	for (size_t i = 0; i < user->nrollen; i++) {
		const struct roltoekenning *t = &user->rollen[i];

		if (strcmp(rol_name(t->rol), rol) == 0 &&
		    ((!t->scope && !scope) ||
		     (t->scope && scope && strcmp(t->scope, scope) == 0)))
			user->rollen[k++] = *t;
	}
	user->nrollen = k;
	return ST_OK;
}

enum status
store_token_list(struct store *s, struct arena *a, const char *gebruikersnaam,
		 struct token_info **out, size_t *n, struct err *e)
{
	struct db_stmt *st;
	int64_t uid;
	size_t cap = 0;
	int r;

	*out = NULL;
	*n = 0;
	if (gebruiker_id(s, gebruikersnaam, &uid, NULL, e) ||
	    !(st = stmt(s, Q_TOKEN_LIST, e)))
		return e->status;
	bind_text(st, 1, gebruikersnaam);
	while ((r = next_row(s, st, e)) == 1) {
		struct token_info *t;

		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		t = &(*out)[*n - 1];
		t->id = db_col_int(st, 0);
		t->naam = col_text(a, st, 1);
		t->aangemaakt = db_col_int(st, 2);
		t->verloopt = db_col_int(st, 3);
		t->ingetrokken = col_is_null(st, 4) ? 0 : db_col_int(st, 4);
		t->rol = col_text(a, st, 5);
		t->scope = col_text(a, st, 6);
		if (t->scope && !*t->scope)
			t->scope = NULL;
		t->alleen_lezen = (int)db_col_int(st, 7) != 0;
	}
	return r < 0 ? e->status : ST_OK;
}

enum status
store_token_intrekken(struct store *s, const char *gebruikersnaam, int64_t id,
		      int64_t now, struct err *e)
{
	struct db_stmt *st;
	int64_t uid;
	enum status rc;
	char num[24];

	if ((rc = tx_begin(s, e)))
		return rc;
	if (gebruiker_id(s, gebruikersnaam, &uid, NULL, e) ||
	    !(st = stmt(s, Q_TOKEN_REVOKE, e)))
		return tx_end(s, e->status, e);
	bind_int(st, 1, uid);
	bind_int(st, 2, id);
	bind_int(st, 3, now);
	rc = run(s, st, e);
	if (rc == ST_OK && db_changes(s->db) == 0)
		rc = err_set(e, ST_NOT_FOUND,
			     "%.64s heeft geen geldig token met nummer %lld.",
			     gebruikersnaam, (long long)id);
	snprintf(num, sizeof(num), "%lld", (long long)id);
	if (rc == ST_OK)
		rc = audit_append(s, "partial_update", 200, "token", NULL,
				  gebruikersnaam, "token ingetrokken", NULL,
				  jobj(&s->scratch, "token", num, NULL), e);
	return tx_end(s, rc, e);
}

enum status
store_poging_stand(struct store *s, const char *sleutel, int64_t now,
		   int64_t *geblokkeerd_tot, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_POGING_GET, e);
	int r;

	*geblokkeerd_tot = 0;
	if (!st)
		return e->status;
	bind_text(st, 1, sleutel);
	r = next_row(s, st, e);
	if (r < 0)
		return e->status;
	if (r == 1 && db_col_int(st, 2) > now)
		*geblokkeerd_tot = db_col_int(st, 2);
	db_reset(st);
	return ST_OK;
}

enum status
store_poging_mislukt(struct store *s, const char *sleutel, int64_t now, int max,
		     int64_t window, int64_t block, struct err *e)
{
	struct db_stmt *st;
	int64_t count = 0, since = now, until = 0;
	enum status rc;
	int r;

	/* Counting changes nothing a page shows. */
	if ((rc = tx_begin_stil(s, e)))
		return rc;
	if (!(st = stmt(s, Q_POGING_GET, e)))
		return tx_end(s, e->status, e);
	bind_text(st, 1, sleutel);
	r = next_row(s, st, e);
	if (r < 0)
		return tx_end(s, e->status, e);
	if (r == 1 && now - db_col_int(st, 1) <= window) {
		count = db_col_int(st, 0);
		since = db_col_int(st, 1);
	}
	/* A new window starts the count afresh, but a block that has not
	 * ended yet stays: failing again must not shorten it. */
	if (r == 1 && db_col_int(st, 2) > now)
		until = db_col_int(st, 2);
	db_reset(st);
	count++;
	if (count >= max)
		until = now + block;
	if (!(st = stmt(s, Q_POGING_UPSERT, e)))
		return tx_end(s, e->status, e);
	bind_text(st, 1, sleutel);
	bind_int(st, 2, count);
	bind_int(st, 3, since);
	bind_int(st, 4, until);
	rc = run(s, st, e);
	return tx_end(s, rc, e);
}

enum status
store_poging_wis(struct store *s, const char *sleutel, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_POGING_DELETE, e);

	if (!st)
		return e->status;
	bind_text(st, 1, sleutel);
	return run(s, st, e);
}

/* ---- second factor ---- */

enum status
store_tweede_factor_zet(struct store *s, const char *gebruikersnaam,
			const char *totp_geheim, const char *const *code_hashes,
			size_t n, struct err *e)
{
	struct db_stmt *st;
	int64_t id;
	enum status rc;

	if ((rc = tx_begin(s, e)))
		return rc;
	if (open_account(s, gebruikersnaam, &id, e))
		return tx_end(s, e->status, e);
	if (!(st = stmt(s, Q_TOTP_SET, e)))
		return tx_end(s, e->status, e);
	bind_int(st, 1, id);
	bind_text(st, 2, totp_geheim);
	if ((rc = run(s, st, e)) || !(st = stmt(s, Q_HERSTEL_DELETE, e)))
		return tx_end(s, e->status, e);
	bind_int(st, 1, id);
	rc = run(s, st, e);
	for (size_t i = 0; rc == ST_OK && i < n; i++) {
		if (!(st = stmt(s, Q_HERSTEL_INSERT, e)))
			return tx_end(s, e->status, e);
		bind_int(st, 1, id);
		bind_text(st, 2, code_hashes[i]);
		rc = run(s, st, e);
	}
	/* That it was set, never the secret or the codes. */
	if (rc == ST_OK)
		rc = audit_append(s, "partial_update", 200, "gebruiker", NULL,
				  gebruikersnaam, "tweede factor ingesteld",
				  NULL, NULL, e);
	return tx_end(s, rc, e);
}

enum status
store_tweede_factor_wis(struct store *s, const char *gebruikersnaam,
			struct err *e)
{
	struct db_stmt *st;
	int64_t id;
	enum status rc;

	if ((rc = tx_begin(s, e)))
		return rc;
	if (open_account(s, gebruikersnaam, &id, e) ||
	    !(st = stmt(s, Q_TOTP_WIS, e)))
		return tx_end(s, e->status, e);
	bind_int(st, 1, id);
	rc = run(s, st, e);
	if (rc == ST_OK && db_changes(s->db) == 0)
		rc = err_set(e, ST_CONFLICT,
			     "%.64s heeft geen tweede factor ingesteld.",
			     gebruikersnaam);
	if (rc == ST_OK && (st = stmt(s, Q_HERSTEL_DELETE, e))) {
		bind_int(st, 1, id);
		rc = run(s, st, e);
	} else if (rc == ST_OK)
		rc = e->status;
	if (rc == ST_OK)
		rc = audit_append(s, "partial_update", 200, "gebruiker", NULL,
				  gebruikersnaam, "tweede factor gewist", NULL,
				  NULL, e);
	return tx_end(s, rc, e);
}

enum status
store_totp_stap_gebruik(struct store *s, const char *gebruikersnaam,
			int64_t stap, struct err *e)
{
	struct db_stmt *st;
	int64_t id;
	enum status rc;

	if ((rc = tx_begin(s, e)))
		return rc;
	if (gebruiker_id(s, gebruikersnaam, &id, NULL, e) ||
	    !(st = stmt(s, Q_TOTP_STAP, e)))
		return tx_end(s, e->status, e);
	bind_int(st, 1, id);
	bind_int(st, 2, stap);
	rc = run(s, st, e);
	/* One statement decides, under the write lock: of two logins with
	 * the same code at once, only one changes the row. */
	if (rc == ST_OK && db_changes(s->db) == 0)
		rc = err_set(e, ST_CONFLICT, "Deze code is al gebruikt.");
	return tx_end(s, rc, e);
}

enum status
store_herstelcode_gebruik(struct store *s, const char *gebruikersnaam,
			  const char *code_hash, int64_t now, struct err *e)
{
	struct db_stmt *st;
	int64_t id;
	enum status rc;

	if ((rc = tx_begin(s, e)))
		return rc;
	if (gebruiker_id(s, gebruikersnaam, &id, NULL, e) ||
	    !(st = stmt(s, Q_HERSTEL_USE, e)))
		return tx_end(s, e->status, e);
	bind_int(st, 1, id);
	bind_text(st, 2, code_hash);
	bind_int(st, 3, now);
	rc = run(s, st, e);
	if (rc == ST_OK && db_changes(s->db) == 0)
		rc = err_set(e, ST_NOT_FOUND, "Onbekende of gebruikte code.");
	if (rc == ST_OK)
		rc = audit_append(s, "partial_update", 200, "gebruiker", NULL,
				  gebruikersnaam, "herstelcode gebruikt", NULL,
				  NULL, e);
	return tx_end(s, rc, e);
}
