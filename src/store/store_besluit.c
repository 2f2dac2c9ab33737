/*
 * store_besluit.c - the decisions register: decisions with their status
 * history, found by identificatie for the viewer who may read them, and
 * the register changes each enacted.
 */
#include <stdio.h>
#include <string.h>

#include "store_intern.h"
#include "../banned.h"

/* ---- decisions ---- */

static void
read_besluit(struct arena *a, struct db_stmt *st, struct besluit *b)
{
	memset(b, 0, sizeof(*b));
	b->id = db_col_int(st, 0);
	b->identificatie = col_text(a, st, 1);
	b->verantwoordelijke_organisatie = col_text(a, st, 2);
	b->organisatie_naam = col_text(a, st, 3);
	bestuursorgaan_parse(db_col_text(st, 4), &b->bestuursorgaan);
	b->datum = col_date(st, 5);
	b->ingangsdatum = col_date(st, 6);
	b->vervaldatum = col_date(st, 7);
	b->vervalreden = VERVAL_GEEN;
	if (!col_is_null(st, 8))
		vervalreden_parse(db_col_text(st, 8), &b->vervalreden);
	b->publicatiedatum = col_date(st, 9);
	b->onderwerp = col_text(a, st, 10);
	b->toelichting = col_text(a, st, 11);
	b->portefeuillehouder = col_text(a, st, 12);
	b->afdeling = col_text(a, st, 13);
	openbaarheid_parse(db_col_text(st, 14), &b->openbaarheid);
	b->geheim_tot = col_date(st, 15);
	besluit_status_parse(db_col_text(st, 16), &b->status);
	b->verzonnen = (int)db_col_int(st, 17) != 0;
}

static enum status
insert_stap(struct store *s, int64_t bid, int64_t volgnummer,
	    const struct besluit_stap *h, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_BESLUIT_STAP_INSERT, e);

	if (!st)
		return e->status;
	bind_int(st, 1, bid);
	bind_int(st, 2, volgnummer);
	bind_text(st, 3, besluit_status_name(h->status));
	bind_date(st, 4, h->datum);
	bind_text(st, 5, h->toelichting);
	return run(s, st, e);
}

enum status
store_besluit_add(struct store *s, struct arena *a, const struct besluit *b,
		  day_t today, const char **identificatie_out, int64_t *id_out,
		  struct err *e)
{
	struct db_stmt *st;
	enum status rc;
	int64_t oid = 0, bid, nummer = 0;
	int jaar = 0, m, d;
	char gen[64];
	const char *ident = b->identificatie;

	if (identificatie_out)
		*identificatie_out = NULL;
	if (id_out)
		*id_out = 0;
	besluit_check(b, today, e);
	if ((rc = tx_begin(s, e)))
		return rc;
	if (b->verantwoordelijke_organisatie &&
	    *b->verantwoordelijke_organisatie &&
	    org_id(s, b->verantwoordelijke_organisatie, ORG_GEMEENTE,
		   "verantwoordelijkeOrganisatie", &oid, e) == ST_INTERNAL)
		return tx_end(s, ST_INTERNAL, e);
	if (err_has_problems(e))
		return tx_end(s, ST_INVALID, e);
	if (ident && *ident) {
		/* Unique within the organisation, as in ZGW: another
		 * organisation may have one with the same identificatie. */
		if (!(st = stmt(s, Q_BESLUIT_BESTAAT, e)))
			return tx_end(s, e->status, e);
		bind_int(st, 1, oid);
		bind_text(st, 2, ident);
		rc = next_row(s, st, e) == 1 ? ST_INVALID : e->status;
		db_reset(st);
		if (rc == ST_INVALID)
			err_invalid(e, "identificatie", "unique",
				    "%.60s heeft al een besluit met "
				    "identificatie %.50s.",
				    b->verantwoordelijke_organisatie, ident);
		if (rc)
			return tx_end(s, rc, e);
	} else {
		date_to_ymd(b->datum, &jaar, &m, &d);
		if (!(st = stmt(s, Q_BESLUIT_NEXT_NUMMER, e)))
			return tx_end(s, e->status, e);
		bind_int(st, 1, jaar);
		if (next_row(s, st, e) != 1)
			return tx_end(s, e->status, e);
		nummer = db_col_int(st, 0);
		db_reset(st);
		besluit_identificatie(jaar, nummer, gen, sizeof(gen));
		ident = gen;
	}
	if (!(st = stmt(s, Q_BESLUIT_INSERT, e)))
		return tx_end(s, e->status, e);
	bind_text(st, 1, ident);
	bind_int(st, 2, oid);
	bind_text(st, 3, bestuursorgaan_name(b->bestuursorgaan));
	bind_date(st, 4, b->datum);
	bind_date(st, 5, b->ingangsdatum);
	bind_date(st, 6, b->vervaldatum);
	if (b->vervalreden != VERVAL_GEEN)
		bind_text(st, 7, vervalreden_name(b->vervalreden));
	else
		bind_null(st, 7);
	bind_date(st, 8, b->publicatiedatum);
	bind_text(st, 9, b->onderwerp);
	bind_text(st, 10,
		  b->toelichting && *b->toelichting ? b->toelichting : NULL);
	bind_text(st, 11, b->portefeuillehouder);
	bind_text(st, 12, b->afdeling);
	bind_text(st, 13, openbaarheid_name(b->openbaarheid));
	bind_date(st, 14, b->geheim_tot);
	bind_text(st, 15, besluit_status_name(b->status));
	if (nummer) {
		bind_int(st, 16, jaar);
		bind_int(st, 17, nummer);
	} else {
		bind_null(st, 16);
		bind_null(st, 17);
	}
	bind_int(st, 18, b->verzonnen);
	rc = run_id(s, st, &bid, e);
	for (size_t i = 0; rc == ST_OK && i < b->nhistorie; i++)
		rc = insert_stap(s, bid, (int64_t)i + 1, &b->historie[i], e);
	s->scope = b->verantwoordelijke_organisatie;
	s->audit_besluit = bid;
	if (rc == ST_OK)
		rc = audit_append(
			s, "create", 201, "besluit", NULL, ident, NULL, NULL,
			jobj(&s->scratch, "identificatie", ident,
			     "verantwoordelijkeOrganisatie",
			     b->verantwoordelijke_organisatie, "bestuursorgaan",
			     bestuursorgaan_name(b->bestuursorgaan), "datum",
			     iso(&s->scratch, b->datum), "onderwerp",
			     b->onderwerp, "status",
			     besluit_status_name(b->status), "openbaarheid",
			     openbaarheid_name(b->openbaarheid), NULL),
			e);
	rc = tx_end(s, rc, e);
	if (rc == ST_OK && id_out)
		*id_out = bid;
	if (rc == ST_OK && identificatie_out &&
	    !(*identificatie_out = arena_strdup(a, ident)))
		return nomem(e);
	return rc;
}

static enum status
read_historie(struct store *s, struct arena *a, struct besluit *b,
	      struct err *e)
{
	struct db_stmt *st = stmt(s, Q_BESLUIT_STAPPEN, e);
	size_t cap = 0;
	int r;

	b->historie = NULL;
	b->nhistorie = 0;
	if (!st)
		return e->status;
	bind_int(st, 1, b->id);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, b->historie, b->nhistorie, cap))
			return nomem(e);
		struct besluit_stap *h = &b->historie[b->nhistorie - 1];
		besluit_status_parse(db_col_text(st, 0), &h->status);
		h->datum = col_date(st, 1);
		h->toelichting = col_text(a, st, 2);
	}
	return r < 0 ? e->status : ST_OK;
}

/* The viewer may read decision b (store_set_zicht). */
static bool
besluit_zichtbaar(const struct store *s, const struct besluit *b)
{
	return zicht_besluit(s->zicht, b->verantwoordelijke_organisatie,
			     b->openbaarheid, b->status);
}

enum status
store_besluit_get(struct store *s, struct arena *a, int64_t id,
		  struct besluit *out, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_BESLUIT_GET, e);
	int r;

	if (!st)
		return e->status;
	bind_int(st, 1, id);
	r = next_row(s, st, e);
	if (r == 1)
		read_besluit(a, st, out);
	db_reset(st);
	if (r < 0)
		return e->status;
	if (r == 0 || !besluit_zichtbaar(s, out))
		return err_set(e, ST_NOT_FOUND, "Dit besluit bestaat niet.");
	return read_historie(s, a, out, e);
}

enum status
store_besluit_zoek(struct store *s, struct arena *a, const char *identificatie,
		   const char *organisatie, struct besluit **out, size_t *n,
		   struct err *e)
{
	struct db_stmt *st = stmt(s, Q_BESLUIT_ZOEK, e);
	size_t cap = 0;
	int r;

	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	bind_text(st, 1, identificatie);
	bind_text(st, 2, organisatie);
	while ((r = next_row(s, st, e)) == 1) {
		struct besluit b;

		read_besluit(a, st, &b);
		if (!besluit_zichtbaar(s, &b))
			continue;
		if (!PUSH(a, *out, *n, cap)) {
			db_reset(st);
			return nomem(e);
		}
		(*out)[*n - 1] = b;
	}
	db_reset(st);
	return r < 0 ? e->status : ST_OK;
}

void
store_besluit_filter_init(struct besluit_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->bestuursorgaan = -1;
	f->status = -1;
	f->openbaarheid = -1;
	f->van = DATE_NONE;
	f->tot = DATE_NONE;
}

static void
bind_filter(const struct store *s, struct db_stmt *st,
	    const struct besluit_filter *f)
{
	bind_text(st, 1, f->organisatie);
	if (f->bestuursorgaan >= 0)
		bind_text(st, 2,
			  bestuursorgaan_name(
				  (enum bestuursorgaan)f->bestuursorgaan));
	else
		bind_null(st, 2);
	if (f->status >= 0)
		bind_text(st, 3,
			  besluit_status_name((enum besluit_status)f->status));
	else
		bind_null(st, 3);
	if (f->openbaarheid >= 0)
		bind_text(
			st, 4,
			openbaarheid_name((enum openbaarheid)f->openbaarheid));
	else
		bind_null(st, 4);
	bind_date(st, 5, f->van);
	bind_date(st, 6, f->tot);
	bind_zoek(st, 7, f->zoek);
	bind_int(st, 8, s->zicht && s->zicht->alles);
	bind_text(st, 9, s->zicht_volledig);
	bind_text(st, 10, s->zicht_intern);
}

enum status
store_besluit_list(struct store *s, struct arena *a,
		   const struct besluit_filter *f, struct besluit **out,
		   size_t *n, size_t *total, struct err *e)
{
	struct db_stmt *st;
	size_t cap = 0;
	int r;

	*out = NULL;
	*n = 0;
	*total = 0;
	if (!(st = stmt(s, Q_BESLUIT_COUNT, e)))
		return e->status;
	bind_filter(s, st, f);
	if (next_row(s, st, e) != 1)
		return e->status;
	*total = (size_t)db_col_int(st, 0);
	db_reset(st);
	if (!(st = stmt(s, Q_BESLUIT_LIST, e)))
		return e->status;
	bind_filter(s, st, f);
	bind_int(st, 11, f->limit ? (int64_t)f->limit : INT64_MAX);
	bind_int(st, 12, (int64_t)f->offset);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		read_besluit(a, st, &(*out)[*n - 1]);
	}
	return r < 0 ? e->status : ST_OK;
}

enum status
store_besluit_kies(struct store *s, struct arena *a, const char *identificatie,
		   const char *organisatie, const char *veld,
		   struct besluit *out, struct err *e)
{
	struct besluit *b;
	size_t n;
	char orgs[160] = "";

	if (store_besluit_zoek(s, a, identificatie, organisatie, &b, &n, e))
		return e->status;
	if (n == 0)
		return err_set(e, ST_NOT_FOUND, "Besluit %.50s bestaat niet.",
			       identificatie ? identificatie : "");
	if (n > 1) {
		for (size_t i = 0; i < n; i++)
			snprintf(orgs + strlen(orgs),
				 sizeof(orgs) - strlen(orgs), "%s%.20s",
				 i ? ", " : "",
				 b[i].verantwoordelijke_organisatie);
		return err_invalid(e, veld, "ambiguous",
				   "Meer dan één organisatie heeft een besluit "
				   "%.50s (%s); noem de organisatie.",
				   identificatie, orgs);
	}
	return store_besluit_get(s, a, b[0].id, out, e);
}

/* The correctable fields of a decision as JSON, for the audit trail. */
static const char *
correctable_json(struct store *s, const struct besluit *b)
{
	struct arena *a = &s->scratch;

	return jobj(a, "ingangsdatum", iso(a, b->ingangsdatum), "vervaldatum",
		    iso(a, b->vervaldatum), "vervalreden",
		    b->vervalreden == VERVAL_GEEN
			    ? NULL
			    : vervalreden_name(b->vervalreden),
		    "publicatiedatum", iso(a, b->publicatiedatum), "onderwerp",
		    b->onderwerp, "toelichting", b->toelichting,
		    "portefeuillehouder", b->portefeuillehouder, "afdeling",
		    b->afdeling, "openbaarheid",
		    openbaarheid_name(b->openbaarheid), "geheimTot",
		    iso(a, b->geheim_tot), NULL);
}

enum status
store_besluit_update(struct store *s, int64_t id, const struct besluit *b,
		     day_t today, struct err *e)
{
	const char *oud = NULL;
	struct arena a;
	struct besluit cur;
	struct db_stmt *st;
	enum status rc;

	arena_init(&a, 1 << 20);
	if ((rc = tx_begin(s, e))) {
		arena_free(&a);
		return rc;
	}
	if (store_besluit_get(s, &a, id, &cur, e))
		goto out;
	oud = correctable_json(s, &cur);
	cur.ingangsdatum = b->ingangsdatum;
	cur.vervaldatum = b->vervaldatum;
	cur.vervalreden = b->vervalreden;
	cur.publicatiedatum = b->publicatiedatum;
	cur.onderwerp = b->onderwerp;
	cur.toelichting = b->toelichting;
	cur.portefeuillehouder = b->portefeuillehouder;
	cur.afdeling = b->afdeling;
	cur.openbaarheid = b->openbaarheid;
	cur.geheim_tot = b->geheim_tot;
	if (besluit_check(&cur, today, e))
		goto out;
	if (!(st = stmt(s, Q_BESLUIT_UPDATE, e)))
		goto out;
	bind_int(st, 1, cur.id);
	bind_date(st, 2, cur.ingangsdatum);
	bind_date(st, 3, cur.vervaldatum);
	if (cur.vervalreden != VERVAL_GEEN)
		bind_text(st, 4, vervalreden_name(cur.vervalreden));
	else
		bind_null(st, 4);
	bind_date(st, 5, cur.publicatiedatum);
	bind_text(st, 6, cur.onderwerp);
	bind_text(st, 7,
		  cur.toelichting && *cur.toelichting ? cur.toelichting : NULL);
	bind_text(st, 8, cur.portefeuillehouder);
	bind_text(st, 9, cur.afdeling);
	bind_text(st, 10, openbaarheid_name(cur.openbaarheid));
	bind_date(st, 11, cur.geheim_tot);
	s->scope = cur.verantwoordelijke_organisatie;
	s->audit_besluit = cur.id;
	if (run(s, st, e) == ST_OK)
		audit_append(s, "partial_update", 200, "besluit", NULL,
			     cur.identificatie, NULL, oud,
			     correctable_json(s, &cur), e);
out:
	rc = tx_end(s, e->status, e);
	arena_free(&a);
	return rc;
}

enum status
store_besluit_delete(struct store *s, int64_t id, struct err *e)
{
	struct arena a;
	struct besluit cur;
	struct db_stmt *st;
	enum status rc;

	arena_init(&a, 1 << 20);
	if ((rc = tx_begin(s, e))) {
		arena_free(&a);
		return rc;
	}
	if (store_besluit_get(s, &a, id, &cur, e))
		goto out;
	if (cur.status != BESLUIT_VOORGESTELD &&
	    cur.status != BESLUIT_AANGEHOUDEN) {
		err_set(e, ST_CONFLICT,
			"Besluit %.50s is %s en kan niet worden verwijderd; een "
			"genomen besluit blijft in het register (trek het in "
			"met een nieuwe status).",
			cur.identificatie, besluit_status_name(cur.status));
		goto out;
	}
	if (!(st = stmt(s, Q_BESLUIT_LINKS, e)))
		goto out;
	bind_int(st, 1, cur.id);
	if (next_row(s, st, e) != 1)
		goto out;
	if (db_col_int(st, 0) > 0) {
		db_reset(st);
		err_set(e, ST_CONFLICT,
			"Besluit %.50s kan niet worden verwijderd: het register "
			"verwijst ernaar.",
			cur.identificatie);
		goto out;
	}
	db_reset(st);
	if (!(st = stmt(s, Q_BESLUIT_DELETE_STAPPEN, e)))
		goto out;
	bind_int(st, 1, cur.id);
	if (run(s, st, e) || !(st = stmt(s, Q_BESLUIT_DELETE, e)))
		goto out;
	bind_int(st, 1, cur.id);
	s->scope = cur.verantwoordelijke_organisatie;
	s->audit_besluit = cur.id;
	if (run(s, st, e) == ST_OK)
		audit_append(s, "destroy", 204, "besluit", NULL,
			     cur.identificatie, NULL,
			     jobj(&s->scratch, "identificatie",
				  cur.identificatie, "onderwerp", cur.onderwerp,
				  "status", besluit_status_name(cur.status),
				  NULL),
			     NULL, e);
out:
	rc = tx_end(s, e->status, e);
	arena_free(&a);
	return rc;
}

enum status
store_besluit_stap_add(struct store *s, int64_t id,
		       const struct besluit_stap *stap, day_t today,
		       struct err *e)
{
	struct arena a;
	struct besluit b;
	struct db_stmt *st;
	enum status rc;

	arena_init(&a, 1 << 20);
	if ((rc = tx_begin(s, e))) {
		arena_free(&a);
		return rc;
	}
	rc = store_besluit_get(s, &a, id, &b, e);
	if (rc == ST_OK)
		rc = besluit_check_stap(&b, stap, today, e);
	if (rc == ST_OK)
		rc = insert_stap(s, b.id, (int64_t)b.nhistorie + 1, stap, e);
	if (rc == ST_OK && !(st = stmt(s, Q_BESLUIT_SET_STATUS, e)))
		rc = e->status;
	if (rc == ST_OK) {
		bind_int(st, 1, b.id);
		bind_text(st, 2, besluit_status_name(stap->status));
		/* Adopting a decision dates it. */
		if (stap->status == BESLUIT_VASTGESTELD)
			bind_date(st, 3, stap->datum);
		else
			bind_null(st, 3);
		rc = run(s, st, e);
	}
	s->scope = b.verantwoordelijke_organisatie;
	s->audit_besluit = b.id;
	if (rc == ST_OK)
		rc = audit_append(s, "update", 200, "besluit", NULL,
				  b.identificatie, "nieuwe status",
				  jobj(&s->scratch, "status",
				       besluit_status_name(b.status), NULL),
				  jobj(&s->scratch, "status",
				       besluit_status_name(stap->status),
				       "datum", iso(&s->scratch, stap->datum),
				       "toelichting", stap->toelichting, NULL),
				  e);
	rc = tx_end(s, rc, e);
	arena_free(&a);
	return rc;
}

enum status
store_besluit_wijzigingen(struct store *s, struct arena *a, int64_t id,
			  struct besluit_wijziging **out, size_t *n,
			  struct err *e)
{
	struct db_stmt *st;
	size_t cap = 0;
	int r;
	char buf[512], d[32];

	*out = NULL;
	*n = 0;
	if (!(st = stmt(s, Q_BESLUIT_WIJZIGINGEN, e)))
		return e->status;
	bind_int(st, 1, id);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		struct besluit_wijziging *w = &(*out)[*n - 1];
		const char *naam = db_col_text(st, 3);
		const char *vorm = db_col_text(st, 4);
		const char *partij = db_col_text(st, 5);

		w->soort = col_text(a, st, 0);
		w->samenwerking = col_text(a, st, 1);
		w->object = col_text(a, st, 2);
		w->van = col_date(st, 6);
		date_format_nl(w->van, d, sizeof(d));
		if (strcmp(w->soort, "inrichting") == 0)
			snprintf(buf, sizeof(buf), "%s: %s%s%s vanaf %s",
				 naam ? naam : "", vorm ? vorm : "",
				 partij ? " " : "", partij ? partij : "", d);
		else if (strcmp(w->soort, "lidmaatschap") == 0)
			snprintf(buf, sizeof(buf), "%s lid van %s vanaf %s",
				 naam ? naam : "", w->samenwerking, d);
		else
			snprintf(buf, sizeof(buf),
				 "Kaderartikel %s%s%s: versie vanaf %s",
				 w->object, naam ? " " : "", naam ? naam : "",
				 d);
		w->omschrijving = arena_strdup(a, buf);
	}
	return r < 0 ? e->status : ST_OK;
}
