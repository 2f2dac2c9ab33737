/*
 * store_grens.c - the limits of the front office by appointment
 * (docs/design/appointments.md, "Grenzen"): the counters of the abuse
 * limits, the erasure of personal data after the retention period, and
 * the rules that release times in waves.
 *
 * The counters live in afspraak_teller, so that several processes on one
 * database share them: a key and a fixed window (its first instant), and
 * how many. A booking counts inside its own transaction (a refused
 * booking is rolled back and counts nothing); a wrong contact is counted
 * in a transaction of its own after the refusal, as failed logins are.
 * An e-mail address is counted by a hash of it, never as it is.
 */
#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "store_afspraak_intern.h"
#include "../core/text.h"
#include "../banned.h"

/* The whole minutes (at least one) of `sec` seconds, for messages. */
static int
minuten(int64_t sec)
{
	return (int)((sec + 59) / 60);
}

/*
 * The count of `sleutel` in the window of length `lengte` holding now;
 * ST_TOO_MANY (with retry_after and `melding`, where %d is the minutes to
 * wait) when it is `max` or more; with `tel`, one more when not.
 */
static enum status
teller(struct store *s, const char *sleutel, int64_t lengte, int max, bool tel,
       const char *melding, struct err *e)
{
	int64_t venster = grens_venster(s->now, lengte), aantal = 0;
	struct db_stmt *st = stmt(s, Q_TELLER_GET, e);
	int r;

	if (!st)
		return e->status;
	bind_text(st, 1, sleutel);
	bind_int(st, 2, venster);
	if ((r = next_row(s, st, e)) == 1)
		aantal = db_col_int(st, 0);
	db_reset(st);
	if (r < 0)
		return e->status;
	if (aantal >= max) {
		int64_t wacht = grens_wacht(s->now, lengte);

		err_set(e, ST_TOO_MANY, melding, minuten(wacht));
		e->retry_after = (int)wacht;
		return e->status;
	}
	if (!tel)
		return ST_OK;
	if (!(st = stmt(s, Q_TELLER_TEL, e)))
		return e->status;
	bind_text(st, 1, sleutel);
	bind_int(st, 2, venster);
	if (run(s, st, e))
		return e->status;
	/* Every window has ended a day after it began (the longest is a
	 * day). */
	if (!(st = stmt(s, Q_TELLER_SNOEI, e)))
		return e->status;
	bind_int(st, 1, s->now - GRENS_EMAIL_VENSTER + 1);
	return run(s, st, e);
}

#define TE_VAAK_CONTACT                                               \
	"U heeft te vaak een verkeerde afspraakcode, e-mailadres of " \
	"telefoonnummer ingevuld. Probeer het over %d minuten opnieuw."

/* The counters' keys of a reference code and of the origin's network
 * (false: no network, the command line). */
static void
code_sleutel(const char *referentie, char *buf, size_t n)
{
	size_t k = 0;

	k = (size_t)snprintf(buf, n, "code:");
	for (const char *p = referentie ? referentie : "";
	     *p && k + 1 < n && k < 5 + AFSPRAAK_REFERENTIE_LEN; p++)
		buf[k++] = (char)toupper((unsigned char)*p);
	buf[k] = '\0';
}

static bool
net_sleutel(struct store *s, const char *soort, char *buf, size_t n)
{
	char net[64];

	if (!grens_netwerk(s->herkomst, net))
		return false;
	snprintf(buf, n, "%s:%s", soort, net);
	return true;
}

/* The limits on wrong contacts hold anonymous visitors back; someone
 * with an account is known and answers for what they do. */
static bool
anoniem(const struct store *s)
{
	return strcmp(s->actor, "anoniem") == 0;
}

enum status
grens_contact_stand(struct store *s, const char *referentie, struct err *e)
{
	char k[96];

	if (!anoniem(s))
		return ST_OK;
	code_sleutel(referentie, k, sizeof(k));
	if (teller(s, k, GRENS_CODE_VENSTER, GRENS_CODE_MAX, false,
		   TE_VAAK_CONTACT, e))
		return e->status;
	if (net_sleutel(s, "netfout", k, sizeof(k)))
		teller(s, k, GRENS_NETFOUT_VENSTER, GRENS_NETFOUT_MAX, false,
		       TE_VAAK_CONTACT, e);
	return e->status;
}

void
grens_contact_fout(struct store *s, const char *referentie)
{
	struct err e;
	char k[96];

	if (!anoniem(s))
		return;
	err_clear(&e);
	if (tx_begin_stil(s, &e))
		return;
	code_sleutel(referentie, k, sizeof(k));
	/* Counting goes on past the limit only as far as the limit. */
	teller(s, k, GRENS_CODE_VENSTER, GRENS_CODE_MAX, true, TE_VAAK_CONTACT,
	       &e);
	if (e.status == ST_TOO_MANY)
		err_clear(&e);
	if (!e.status && net_sleutel(s, "netfout", k, sizeof(k))) {
		teller(s, k, GRENS_NETFOUT_VENSTER, GRENS_NETFOUT_MAX, true,
		       TE_VAAK_CONTACT, &e);
		if (e.status == ST_TOO_MANY)
			err_clear(&e);
	}
	tx_end(s, e.status, &e);
}

enum status
grens_boeking(struct store *s, int64_t gid, const char *email, int max_open,
	      int max_per_dag, struct err *e)
{
	unsigned char h[16];
	char k[96], lc[AFSPRAAK_MAX_EMAIL + 1];
	struct db_stmt *st;
	int64_t open = 0;
	size_t n = 0;
	int r;

	if (email && *email) {
		for (const char *p = email; *p && n < AFSPRAAK_MAX_EMAIL; p++)
			if (!isspace((unsigned char)*p))
				lc[n++] = (char)tolower((unsigned char)*p);
		lc[n] = '\0';
		if (!(st = stmt(s, Q_AFSPRAAK_OPEN_EMAIL, e)))
			return e->status;
		bind_int(st, 1, gid);
		bind_text(st, 2, lc);
		bind_int(st, 3, s->now);
		if ((r = next_row(s, st, e)) == 1)
			open = db_col_int(st, 0);
		db_reset(st);
		if (r < 0)
			return e->status;
		if (open >= max_open)
			return conflict_veld(
				e, "email", "te-veel-open",
				"Met dit e-mailadres staan al %lld afspraken "
				"open bij deze gemeente; meer dan %d kan niet. "
				"Annuleer eerst een afspraak die u niet nodig "
				"heeft.",
				(long long)open, max_open);
		crypto_generichash(h, sizeof(h), (const unsigned char *)lc, n,
				   NULL, 0);
		n = (size_t)snprintf(k, sizeof(k), "email:");
		for (size_t i = 0; i < sizeof(h); i++)
			n += (size_t)snprintf(k + n, sizeof(k) - n, "%02x",
					      h[i]);
		if (teller(s, k, GRENS_EMAIL_VENSTER, max_per_dag, true,
			   "Met dit e-mailadres zijn vandaag al te veel "
			   "afspraken gemaakt. Probeer het over %d minuten "
			   "opnieuw.",
			   e))
			return e->status;
	}
	if (net_sleutel(s, "net", k, sizeof(k)))
		teller(s, k, GRENS_NET_VENSTER, GRENS_NET_MAX, true,
		       "Vanaf uw netwerk zijn in korte tijd te veel afspraken "
		       "gemaakt. Probeer het over %d minuten opnieuw.",
		       e);
	return e->status;
}

/* ---- retention ---- */

enum status
store_opschoner_claim(struct store *s, const char *door, int64_t tot,
		      bool *gekregen, struct err *e)
{
	return lease_claim(s, Q_OPSCHONER_CLAIM, door, tot, "opschoont",
			   "opschonen", gekregen, e);
}

/* Erase what one municipality keeps too long: o->gemeente, bewaartermijn
 * and the ids given; fills grens and the counts. */
static enum status
opschonen_gemeente(struct store *s, int64_t gid, struct opschoning *o,
		   struct err *e)
{
	struct db_stmt *st;
	char nu[32];

	o->grens = bewaar_grens(s->now, o->bewaartermijn);
	utc_now(s, nu, sizeof(nu));
	if (afspraak_familie(s, o->gemeente, e))
		return e->status;
	if (!(st = stmt(s, Q_OPSCHOON_BERICHT, e)))
		return e->status;
	bind_int(st, 1, gid);
	bind_int(st, 2, o->grens);
	if (run(s, st, e))
		return e->status;
	o->berichten = (size_t)db_changes(s->db);
	if (!(st = stmt(s, Q_OPSCHOON_FOUT, e)))
		return e->status;
	bind_int(st, 1, gid);
	bind_int(st, 2, o->grens);
	if (run(s, st, e) || !(st = stmt(s, Q_OPSCHOON_AFSPRAAK, e)))
		return e->status;
	bind_int(st, 1, gid);
	bind_int(st, 2, o->grens);
	bind_text(st, 3, nu);
	if (run(s, st, e))
		return e->status;
	o->afspraken = (size_t)db_changes(s->db);
	/* Waiting-list entries that came before the limit, with their
	 * offers: they are nothing but personal data. */
	if (!(st = stmt(s, Q_OPSCHOON_WACHTLIJST_BERICHT, e)))
		return e->status;
	bind_int(st, 1, gid);
	bind_int(st, 2, o->grens);
	if (run(s, st, e) || !(st = stmt(s, Q_OPSCHOON_WACHTLIJST, e)))
		return e->status;
	bind_int(st, 1, gid);
	bind_int(st, 2, o->grens);
	if (run(s, st, e))
		return e->status;
	o->wachtlijst = (size_t)db_changes(s->db);
	if (o->afspraken == 0 && o->wachtlijst == 0)
		return ST_OK;
	s->scope = o->gemeente;
	return audit_append(
		s, "partial_update", 200, "afspraak",
		scratch_tekst(s, "gemeenten/%s/afspraken", o->gemeente),
		o->gemeente, "persoonsgegevens gewist", NULL,
		jobj(&s->scratch, "bewaartermijn",
		     scratch_tekst(s, "%d", o->bewaartermijn), "gewist",
		     scratch_tekst(s, "%zu", o->afspraken),
		     "berichten_vervallen",
		     scratch_tekst(s, "%zu", o->berichten), "wachtlijst",
		     scratch_tekst(s, "%zu", o->wachtlijst), NULL),
		e);
}

enum status
store_afspraak_opschonen_nodig(struct store *s, bool *nodig, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_OPSCHOON_KORTSTE, e);
	int64_t dagen = BEWAARTERMIJN_STANDAARD;
	int r;

	*nodig = false;
	if (!st)
		return e->status;
	if ((r = next_row(s, st, e)) == 1 && !col_is_null(st, 0) &&
	    db_col_int(st, 0) < dagen)
		dagen = db_col_int(st, 0);
	db_reset(st);
	if (r < 0 || !(st = stmt(s, Q_OPSCHOON_NODIG, e)))
		return e->status;
	bind_int(st, 1, bewaar_grens(s->now, (int)dagen));
	bind_int(st, 2, s->now);
	if ((r = next_row(s, st, e)) == 1)
		*nodig = true;
	db_reset(st);
	return r < 0 ? e->status : ST_OK;
}

enum status
store_afspraak_opschonen(struct store *s, const char *gemeente, struct arena *a,
			 struct opschoning **out, size_t *n, struct err *e)
{
	struct db_stmt *st;
	int64_t *ids = NULL;
	size_t cap = 0, capi = 0, ni = 0;
	int r;

	*out = NULL;
	*n = 0;
	if (gemeente) {
		int64_t gid;

		if (org_id(s, gemeente, ORG_GEMEENTE, NULL, &gid, e))
			return e->status;
	}
	if (!(st = stmt(s, Q_OPSCHOON_GEMEENTEN, e)))
		return e->status;
	bind_text(st, 1, gemeente);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, *out, *n, cap) || !PUSH(a, ids, ni, capi)) {
			db_reset(st);
			return nomem(e);
		}
		ids[ni - 1] = db_col_int(st, 0);
		(*out)[*n - 1].gemeente = col_text(a, st, 1);
		(*out)[*n - 1].bewaartermijn = (int)db_col_int(st, 2);
	}
	db_reset(st);
	if (r < 0)
		return e->status;
	/* A transaction per municipality: each is erased whole or not. */
	for (size_t i = 0; i < *n; i++) {
		enum status rc;

		if ((rc = tx_begin(s, e)))
			return rc;
		opschonen_gemeente(s, ids[i], &(*out)[i], e);
		if ((rc = tx_end(s, e->status, e)))
			return rc;
	}
	return ST_OK;
}

/* ---- release in waves ---- */

static void
lees_vrijgave(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct vrijgave_rij *r = elem;

	(void)s;
	r->r.id = db_col_int(st, 0);
	r->r.gemeente = col_text(a, st, 1);
	r->r.vestiging = col_text(a, st, 2);
	r->r.product = col_text(a, st, 3);
	r->r.vanaf = col_date(st, 4);
	r->r.moment = db_col_int(st, 5);
	r->vestiging_id = col_is_null(st, 6) ? 0 : db_col_int(st, 6);
	r->product_id = col_is_null(st, 7) ? 0 : db_col_int(st, 7);
}

enum status
vrijgave_lezen(struct store *s, struct arena *a, int64_t gid,
	       struct vrijgave_rij **out, size_t *n, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_VRIJGAVE_LIST, e);

	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	bind_int(st, 1, gid);
	return rows_read(s, a, st, sizeof(**out), lees_vrijgave, (void **)out,
			 n, e);
}

enum status
store_vrijgave_list(struct store *s, const char *gemeente, struct arena *a,
		    struct vrijgave **out, size_t *n, struct err *e)
{
	struct vrijgave_rij *r;
	int64_t gid;

	*out = NULL;
	*n = 0;
	if (org_id(s, gemeente, ORG_GEMEENTE, NULL, &gid, e) ||
	    vrijgave_lezen(s, a, gid, &r, n, e))
		return e->status;
	if (*n && !(*out = arena_calloc(a, *n, sizeof(**out))))
		return nomem(e);
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = r[i].r;
	return ST_OK;
}

static const char *
vrijgave_json(struct store *s, const struct vrijgave *r)
{
	char moment[AFSPRAAK_TIJD_LEN];

	afspraak_format_tijd(r->moment, moment);
	return jobj(&s->scratch, "gemeente", r->gemeente, "vestiging",
		    r->vestiging, "product", r->product, "vanaf",
		    iso(&s->scratch, r->vanaf), "moment",
		    scratch_tekst(s, "%s", moment), NULL);
}

enum status
store_vrijgave_add(struct store *s, const struct vrijgave *r, int64_t *id,
		   struct err *e)
{
	struct db_stmt *st;
	struct vest_ref v = { 0 };
	struct balieproduct *p = NULL;
	size_t np = 0;
	int64_t gid = 0;
	enum status rc;

	*id = 0;
	if (r->vanaf == DATE_NONE)
		err_invalid(e, "vanaf", "required",
			    "Vul de eerste dag in die vrijkomt.");
	if (r->moment <= 0 || r->moment > INT64_C(253402300799))
		err_invalid(e, "moment", "required",
			    "Vul in wanneer de tijden vrijkomen.");
	if (r->vestiging)
		afspraak_check_code(r->vestiging, "vestiging", e);
	if (r->product)
		afspraak_check_code(r->product, "product", e);
	if (e->status)
		return e->status;
	if ((rc = tx_begin(s, e)))
		return rc;
	if (!org_id(s, r->gemeente, ORG_GEMEENTE, NULL, &gid, e) &&
	    !afspraak_familie(s, r->gemeente, e) && r->vestiging &&
	    !vest_ref(s, &s->scratch, r->vestiging, &v, e) &&
	    v.gemeente_id != gid)
		err_set(e, ST_NOT_FOUND, "Vestiging %.64s bestaat niet.",
			r->vestiging);
	if (!e->status && r->product &&
	    !producten_lezen(s, &s->scratch, gid, r->product, true, &p, &np,
			     e) &&
	    np == 0)
		err_set(e, ST_NOT_FOUND,
			"Product %.64s bestaat niet bij gemeente %.20s.",
			r->product, r->gemeente);
	if (!e->status && (st = stmt(s, Q_VRIJGAVE_INSERT, e))) {
		bind_int(st, 1, gid);
		bind_id(st, 2, v.id);
		bind_id(st, 3, np ? p[0].id : 0);
		bind_date(st, 4, r->vanaf);
		bind_int(st, 5, r->moment);
		run_id(s, st, id, e);
	}
	if (!e->status) {
		s->scope = r->gemeente;
		audit_append(s, "create", 201, "vrijgave",
			     scratch_tekst(s, "gemeenten/%s/vrijgaven/%lld",
					   r->gemeente, (long long)*id),
			     scratch_tekst(s, "%lld", (long long)*id), NULL,
			     NULL, vrijgave_json(s, r), e);
	}
	return tx_end(s, e->status, e);
}

enum status
store_vrijgave_delete(struct store *s, const char *gemeente, int64_t id,
		      struct err *e)
{
	struct vrijgave_rij *r;
	struct db_stmt *st;
	const char *oud = NULL;
	int64_t gid = 0;
	enum status rc;
	size_t n = 0;

	if ((rc = tx_begin(s, e)))
		return rc;
	if (!org_id(s, gemeente, ORG_GEMEENTE, NULL, &gid, e) &&
	    !afspraak_familie(s, gemeente, e) &&
	    !vrijgave_lezen(s, &s->scratch, gid, &r, &n, e)) {
		for (size_t i = 0; i < n; i++)
			if (r[i].r.id == id)
				oud = vrijgave_json(s, &r[i].r);
		if (!oud)
			err_set(e, ST_NOT_FOUND,
				"Vrijgave %lld bestaat niet bij gemeente "
				"%.20s.",
				(long long)id, gemeente);
	}
	if (!e->status && (st = stmt(s, Q_VRIJGAVE_DELETE, e))) {
		bind_int(st, 1, id);
		bind_int(st, 2, gid);
		run(s, st, e);
	}
	if (!e->status) {
		s->scope = gemeente;
		audit_append(s, "delete", 204, "vrijgave",
			     scratch_tekst(s, "gemeenten/%s/vrijgaven/%lld",
					   gemeente, (long long)id),
			     scratch_tekst(s, "%lld", (long long)id), NULL, oud,
			     NULL, e);
	}
	return tx_end(s, e->status, e);
}

/* ---- the share per booking channel ---- */

static struct aandeel_dag *
aandeel_zoek(struct aandeel_dag *d, size_t n, int64_t vid, day_t dag)
{
	for (size_t i = 0; i < n; i++)
		if (d[i].vestiging == vid && d[i].dag == dag)
			return &d[i];
	return NULL;
}

enum status
aandeel_lezen(struct store *s, struct arena *a, int64_t gid, day_t van,
	      day_t tot, int64_t behalve, struct aandeel_dag **out, size_t *n,
	      struct err *e)
{
	struct db_stmt *st = stmt(s, Q_AANDEEL_ROOSTER, e);
	size_t cap = 0;
	int r;

	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	bind_int(st, 1, gid);
	bind_date(st, 2, van);
	bind_date(st, 3, tot);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, *out, *n, cap)) {
			db_reset(st);
			return nomem(e);
		}
		(*out)[*n - 1] = (struct aandeel_dag){
			.vestiging = db_col_int(st, 0),
			.dag = col_date(st, 1),
			.capaciteit = db_col_int(st, 2),
		};
	}
	db_reset(st);
	if (r < 0 || !(st = stmt(s, Q_AANDEEL_WEB, e)))
		return e->status;
	bind_int(st, 1, gid);
	bind_int(st, 2, afspraak_utc(van, 0));
	bind_int(st, 3, afspraak_utc(tot + 1, 0));
	bind_int(st, 4, behalve);
	while ((r = next_row(s, st, e)) == 1) {
		int64_t vid = db_col_int(st, 0), start = db_col_int(st, 1);
		struct aandeel_dag *x;
		day_t dag;
		int m;

		afspraak_lokaal(start, &dag, &m);
		if (!(x = aandeel_zoek(*out, *n, vid, dag))) {
			if (!PUSH(a, *out, *n, cap)) {
				db_reset(st);
				return nomem(e);
			}
			x = &(*out)[*n - 1];
			*x = (struct aandeel_dag){ .vestiging = vid,
						   .dag = dag };
		}
		x->geboekt += (db_col_int(st, 2) - start) / 60;
	}
	db_reset(st);
	return r < 0 ? e->status : ST_OK;
}

bool
aandeel_vrij(const struct aandeel_dag *d, size_t n, int64_t vid, int64_t start,
	     int duur, int aandeel)
{
	day_t dag;
	int m;

	afspraak_lokaal(start, &dag, &m);
	for (size_t i = 0; i < n; i++)
		if (d[i].vestiging == vid && d[i].dag == dag)
			return aandeel_past(d[i].capaciteit, d[i].geboekt, duur,
					    aandeel);
	return aandeel_past(0, 0, duur, aandeel);
}
