/*
 * store_wachtlijst.c - the waiting list of the front office
 * (docs/design/appointments.md, "De wachtlijst"): residents put
 * themselves on a product's list with a name and an e-mail address; when
 * a time of that product is freed (an appointment cancelled, or moved
 * away from it), the first entry still waiting gets an offer through the
 * outbox, in the freeing write's own transaction, and leaves the list.
 * An offer holds nothing: whoever books first gets the time.
 *
 * The audit trail names the entry by its code and product, never the
 * name or the address; the retention period erases the entries (and
 * their offers) like the appointments' personal data.
 */
#include <stdio.h>
#include <string.h>

#include "store_afspraak_intern.h"
#include "../core/text.h"
#include "../banned.h"

static void
lees_plaats(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct wachtplaats *w = elem;

	(void)s;
	memset(w, 0, sizeof(*w));
	w->referentie = col_text(a, st, 0);
	w->gemeente = col_text(a, st, 1);
	w->product = col_text(a, st, 2);
	w->product_naam = col_text(a, st, 3);
	w->naam = col_text(a, st, 4);
	w->email = col_text(a, st, 5);
	w->aangemeld = db_col_int(st, 6);
	w->aanbod_vestiging = col_text(a, st, 7);
	w->aanbod_start = db_col_null(st, 8) ? 0 : db_col_int(st, 8);
	w->aanbod_eind = db_col_null(st, 9) ? 0 : db_col_int(st, 9);
	w->aangeboden = db_col_null(st, 10) ? 0 : db_col_int(st, 10);
}

static const char *
plaats_json(struct store *s, const struct wachtplaats *w)
{
	return jobj(&s->scratch, "referentie", w->referentie, "gemeente",
		    w->gemeente, "product", w->product, NULL);
}

enum status
store_wachtlijst_add(struct store *s, const struct wachtplaats *w,
		     struct arena *a, struct wachtplaats *out, struct err *e)
{
	struct balieproduct *p = NULL;
	struct db_stmt *st;
	size_t np = 0;
	int64_t gid = 0, open = 0, hier = 0;
	enum status rc;
	int r;

	memset(out, 0, sizeof(*out));
	tekst_verplicht(w->naam, "naam", AFSPRAAK_MAX_NAAM, "Vul uw naam in.",
			e);
	if (tekst_leeg(w->email))
		err_invalid(e, "email", "required", "Vul uw e-mailadres in.");
	else
		afspraak_check_email(w->email, "email", e);
	if (tekst_leeg(w->product))
		err_invalid(e, "product", "required", "Kies een product.");
	else
		afspraak_check_code(w->product, "product", e);
	if (!w->referentie || !afspraak_referentie_geldig(w->referentie))
		err_invalid(e, "referentie", "format", "Dit is geen code.");
	if (tekst_leeg(w->gemeente))
		err_invalid(e, "gemeente", "required",
			    "Noem de gemeente (CBS-code, bijvoorbeeld "
			    "GM0358).");
	if (e->status)
		return e->status;
	if ((rc = tx_begin(s, e)))
		return rc;
	if (!org_id(s, w->gemeente, ORG_GEMEENTE, NULL, &gid, e) &&
	    !afspraak_familie(s, w->gemeente, e) &&
	    !producten_lezen(s, a, gid, w->product, false, &p, &np, e) &&
	    np == 0)
		err_set(e, ST_NOT_FOUND,
			"Product %.64s bestaat niet bij gemeente %.20s.",
			w->product, w->gemeente);
	if (!e->status && (st = stmt(s, Q_WACHTLIJST_PER_ADRES, e))) {
		bind_int(st, 1, gid);
		bind_text(st, 2, w->email);
		bind_int(st, 3, p[0].id);
		if ((r = next_row(s, st, e)) == 1) {
			open = db_col_int(st, 0);
			hier = db_col_int(st, 1);
		}
		db_reset(st);
	}
	if (!e->status && hier)
		conflict_veld(e, "email", "bestaat",
			      "U staat al op de wachtlijst voor dit product. "
			      "Komt er een tijd vrij, dan krijgt u een "
			      "e-mail.");
	else if (!e->status && open >= WACHTLIJST_MAX_PER_ADRES)
		conflict_veld(e, "email", "te-veel",
			      "Met dit e-mailadres staat u al op "
			      "de wachtlijst voor %d producten. Dat is het "
			      "meeste dat kan.",
			      WACHTLIJST_MAX_PER_ADRES);
	if (!e->status && (st = stmt(s, Q_WACHTLIJST_INSERT, e))) {
		bind_text(st, 1, w->referentie);
		bind_int(st, 2, gid);
		bind_int(st, 3, p[0].id);
		bind_text(st, 4, w->naam);
		bind_text(st, 5, w->email);
		bind_int(st, 6, s->now);
		r = db_step(st);
		db_reset(st);
		if (r < 0 && db_laatste(s->db) == DB_UNIQUE)
			conflict_veld(e, "referentie", "in-use",
				      "Deze code is al in gebruik; maak een "
				      "nieuwe.");
		else if (r < 0)
			db_error(s, e, "wachtlijst");
	}
	if (!e->status) {
		out->referentie = arena_strdup(a, w->referentie);
		out->naam = arena_strdup(a, w->naam);
		out->email = arena_strdup(a, w->email);
		out->gemeente = arena_strdup(a, w->gemeente);
		out->product = p[0].code;
		out->product_naam = p[0].naam;
		out->aangemeld = s->now;
		s->scope = w->gemeente;
		audit_append(s, "create", 201, "wachtlijst",
			     scratch_tekst(s, "wachtlijst/%s", w->referentie),
			     w->referentie, "op de wachtlijst", NULL,
			     plaats_json(s, out), e);
	}
	return tx_end(s, e->status, e);
}

enum status
store_wachtlijst_delete(struct store *s, const char *referentie,
			const char *email, struct err *e)
{
	struct wachtplaats w = { 0 };
	struct db_stmt *st;
	int64_t id = 0;
	enum status rc;
	int r = 0;

	/* A wrong code and a wrong address answer alike. */
	if (!referentie || !afspraak_referentie_geldig(referentie) ||
	    tekst_leeg(email) || strlen(email) > AFSPRAAK_MAX_EMAIL)
		return err_set(e, ST_NOT_FOUND,
			       "Deze code en dit e-mailadres horen niet bij "
			       "een plaats op de wachtlijst.");
	if ((rc = tx_begin(s, e)))
		return rc;
	if ((st = stmt(s, Q_WACHTLIJST_GET, e))) {
		bind_text(st, 1, referentie);
		bind_text(st, 2, email);
		if ((r = next_row(s, st, e)) == 1) {
			id = db_col_int(st, 0);
			w.gemeente = col_text(&s->scratch, st, 1);
			w.product = col_text(&s->scratch, st, 2);
			w.referentie = referentie;
		}
		db_reset(st);
	}
	if (!e->status && r == 0)
		err_set(e, ST_NOT_FOUND,
			"Deze code en dit e-mailadres horen niet bij een "
			"plaats op de wachtlijst.");
	if (!e->status)
		afspraak_familie(s, w.gemeente, e);
	if (!e->status && (st = stmt(s, Q_WACHTLIJST_DELETE, e))) {
		bind_int(st, 1, id);
		run(s, st, e);
	}
	if (!e->status) {
		s->scope = w.gemeente;
		audit_append(s, "delete", 204, "wachtlijst",
			     scratch_tekst(s, "wachtlijst/%s", referentie),
			     referentie, "van de wachtlijst",
			     plaats_json(s, &w), NULL, e);
	}
	return tx_end(s, e->status, e);
}

enum status
store_wachtlijst_list(struct store *s, const char *gemeente, struct arena *a,
		      struct wachtplaats **out, size_t *n, struct err *e)
{
	struct db_stmt *st;
	int64_t gid = 0;
	void *arr;

	*out = NULL;
	*n = 0;
	if (org_id(s, gemeente, ORG_GEMEENTE, NULL, &gid, e) ||
	    !(st = stmt(s, Q_WACHTLIJST_LIST, e)))
		return e->status;
	bind_int(st, 1, gid);
	if (rows_read(s, a, st, sizeof(**out), lees_plaats, &arr, n, e))
		return e->status;
	*out = arr;
	return ST_OK;
}

enum status
wachtlijst_aanbieden(struct store *s, int64_t afspraak, int64_t vestiging,
		     int64_t start, int64_t eind, struct err *e)
{
	struct db_stmt *st;
	int64_t id = 0;
	int r;

	/* A time already begun is no offer. */
	if (start <= s->now || !(st = stmt(s, Q_WACHTLIJST_AANBIED, e)))
		return e->status;
	bind_int(st, 1, afspraak);
	bind_int(st, 2, vestiging);
	bind_int(st, 3, start);
	bind_int(st, 4, eind);
	bind_int(st, 5, s->now);
	if ((r = next_row(s, st, e)) == 1)
		id = db_col_int(st, 0);
	db_reset(st);
	if (r < 0 || !id || !(st = stmt(s, Q_BERICHT_AANBOD_INSERT, e)))
		return e->status;
	bind_int(st, 1, afspraak);
	bind_int(st, 2, s->now);
	bind_int(st, 3, id);
	return run(s, st, e);
}
