/*
 * store_kosten.c - the cost data of the contribution calculation, its
 * scenarios and its stored calculations (docs/allocation.md).
 *
 * Every write is one transaction with its audit entry. A stored
 * calculation keeps the canonical input, its SHA-256 and the result as
 * JSON text; once adopted the database itself refuses to change it (a
 * trigger), so recomputing its input always gives the stored bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_intern.h"
#include "../banned.h"

/* The cooperation (code) of unit `eenheid`, in the scratch arena, for
 * the scope of an audit entry; NULL when there is no such unit. */
static const char *
scope_van(struct store *s, const char *eenheid)
{
	struct err probe;
	const char *sw = NULL;
	int64_t id;

	err_clear(&probe);
	if (!eenheid || eenheid_id(s, eenheid, &id, &sw, &s->scratch, &probe))
		return NULL;
	return sw;
}
static const char *
jaar_tekst(struct store *s, int jaar)
{
	char buf[16];
	snprintf(buf, sizeof buf, "%d", jaar);
	return arena_strdup(&s->scratch, buf);
}

/* "AA 2024": how audit entries name a cooperation's year. */
static const char *
sw_jaar(struct store *s, const char *sw, int jaar)
{
	char buf[64];
	snprintf(buf, sizeof buf, "%.20s %d", sw ? sw : "", jaar);
	return arena_strdup(&s->scratch, buf);
}

/* *id: the calculation adopted for cooperation swid's year, or 0. */
static enum status
vastgesteld_id(struct store *s, int64_t swid, int jaar, int64_t *id,
	       struct err *e)
{
	struct db_stmt *st = stmt(s, Q_KP_VASTGESTELD, e);

	*id = 0;
	if (!st)
		return e->status;
	bind_id(st, 1, swid);
	bind_int(st, 2, jaar);
	int r = next_row(s, st, e);
	if (r == 1)
		*id = db_col_int(st, 0);
	db_reset(st);
	return r < 0 ? e->status : ST_OK;
}

/*
 * A year whose calculation was adopted keeps its pools: ST_CONFLICT then,
 * naming the adopted calculation.
 */
static enum status
jaar_open(struct store *s, int64_t swid, const char *sw, int jaar,
	  struct err *e)
{
	int64_t id;

	if (vastgesteld_id(s, swid, jaar, &id, e))
		return e->status;
	if (id)
		return err_set(e, ST_CONFLICT,
			       "Voor %.20s %d is kostenverdeling %lld al "
			       "vastgesteld; de kostenposten van dat jaar "
			       "veranderen niet meer.",
			       sw, jaar, (long long)id);
	return ST_OK;
}

enum status
store_kostenverdeling_vastgesteld(struct store *s, const char *samenwerking,
				  int jaar, int64_t *id, struct err *e)
{
	int64_t swid;

	*id = 0;
	if (samenwerking_id(s, samenwerking, &swid, NULL, e))
		return e->status;
	return vastgesteld_id(s, swid, jaar, id, e);
}

/* ---- reading a year ---- */

static void
read_post(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct kosten_post *p = elem;
	p->code = col_text(a, st, 0);
	p->eenheid = col_text(a, st, 1);
	p->kostensoort = col_text(a, st, 2);
	p->taakveld = col_text(a, st, 3);
	p->bedrag = db_col_int(st, 4);
	p->datum = col_date(st, 5);
}

static void
read_rol(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct kosten_rol *r = elem;
	r->eenheid = col_text(a, st, 0);
	r->ondersteunend = (int)db_col_int(st, 1);
	r->basis = kv_basis_van(db_col_text(st, 2));
	r->taakveld = col_text(a, st, 3);
	r->volgorde = (int)db_col_int(st, 4);
}

static void
read_levering(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct kosten_levering *l = elem;
	l->van = col_text(a, st, 0);
	l->aan = col_text(a, st, 1);
	l->gewicht = db_col_int(st, 2);
}

static void
read_gewicht(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct kosten_gewicht *g = elem;
	g->eenheid = col_text(a, st, 0);
	g->gemeente = col_text(a, st, 1);
	g->gewicht = db_col_int(st, 2);
}

static void
read_maatwerk(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct kv_maatwerk *m = elem;
	m->gemeente = col_text(a, st, 0);
	m->afdeling = col_text(a, st, 1);
	m->uren = db_col_int(st, 2);
	m->tarief = db_col_int(st, 3);
}

static void
read_voorschot(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct kv_gewicht *v = elem;
	v->gemeente = col_text(a, st, 0);
	v->waarde = db_col_int(st, 1);
}

/* Read list query q for (samenwerking, jaar). */
static enum status
lijst(struct store *s, struct arena *a, enum query q, const char *sw, int jaar,
      size_t size, rij_lezer lees, void **out, size_t *n, struct err *e)
{
	struct db_stmt *st = stmt(s, q, e);
	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	bind_text(st, 1, sw);
	bind_int(st, 2, jaar);
	return rows_read(s, a, st, size, lees, out, n, e);
}

enum status
store_kosten_jaar(struct store *s, struct arena *a, const char *samenwerking,
		  int jaar, struct kosten_jaar *out, struct err *e)
{
	int64_t swid;
	void *p;
	memset(out, 0, sizeof *out);
	if (samenwerking_id(s, samenwerking, &swid, NULL, e))
		return e->status;
	out->samenwerking = arena_strdup(a, samenwerking);
	out->jaar = jaar;
	if (lijst(s, a, Q_KP_LIST, samenwerking, jaar, sizeof *out->posten,
		  read_post, &p, &out->nposten, e))
		return e->status;
	out->posten = p;
	if (lijst(s, a, Q_KR_LIST, samenwerking, jaar, sizeof *out->rollen,
		  read_rol, &p, &out->nrollen, e))
		return e->status;
	out->rollen = p;
	if (lijst(s, a, Q_KL_LIST, samenwerking, jaar, sizeof *out->leveringen,
		  read_levering, &p, &out->nleveringen, e))
		return e->status;
	out->leveringen = p;
	if (lijst(s, a, Q_KG_LIST, samenwerking, jaar, sizeof *out->gewichten,
		  read_gewicht, &p, &out->ngewichten, e))
		return e->status;
	out->gewichten = p;
	if (lijst(s, a, Q_MW_KV_LIST, samenwerking, jaar, sizeof *out->maatwerk,
		  read_maatwerk, &p, &out->nmaatwerk, e))
		return e->status;
	out->maatwerk = p;
	if (lijst(s, a, Q_VS_LIST, samenwerking, jaar,
		  sizeof *out->voorschotten, read_voorschot, &p,
		  &out->nvoorschotten, e))
		return e->status;
	out->voorschotten = p;
	struct db_stmt *st = stmt(s, Q_KM_GET, e);
	if (!st)
		return e->status;
	bind_text(st, 1, samenwerking);
	bind_int(st, 2, jaar);
	int r = next_row(s, st, e);
	if (r == 1)
		out->methode = kv_methode_van(db_col_text(st, 0));
	db_reset(st);
	return r < 0 ? e->status : ST_OK;
}

/*
 * The inhabitants of every member of k's cooperation on `peildatum`: the
 * latest count on or before it, else the earliest after it.
 */
static enum status
inwoners_op(struct store *s, struct arena *a, struct kosten_jaar *k,
	    day_t peildatum, struct err *e)
{
	struct lidmaatschap *l;
	size_t nl;
	if (store_samenwerking_leden(s, a, k->samenwerking, &l, &nl, e))
		return e->status;
	k->inwoners = arena_calloc(a, nl + 1, sizeof *k->inwoners);
	if (!k->inwoners)
		return nomem(e);
	for (size_t i = 0; i < nl; i++) {
		struct inwonertal *t;
		size_t nt;
		const struct inwonertal *beste = NULL;
		if (store_inwonertal_list(s, a, l[i].gemeente, &t, &nt, e))
			return e->status;
		for (size_t j = 0; j < nt; j++) {
			int ervoor = t[j].peildatum <= peildatum;
			if (!beste ||
			    (ervoor && (beste->peildatum > peildatum ||
					t[j].peildatum > beste->peildatum)) ||
			    (!ervoor && beste->peildatum > peildatum &&
			     t[j].peildatum < beste->peildatum))
				beste = &t[j];
		}
		if (beste)
			k->inwoners[k->ninwoners++] =
				(struct kv_gewicht){ l[i].gemeente,
						     beste->aantal };
	}
	return ST_OK;
}

enum status
store_kosten_invoer(struct store *s, struct arena *a, const char *samenwerking,
		    int jaar, const char *scenario, struct kv_invoer *out,
		    struct err *e)
{
	struct uren_register reg;
	struct uren_cel *cellen;
	size_t ncellen;
	struct kosten_jaar k;
	memset(out, 0, sizeof *out);
	if (store_kosten_jaar(s, a, samenwerking, jaar, &k, e))
		return e->status;
	if (k.nposten == 0)
		return err_set(
			e, ST_NOT_FOUND,
			"%.20s heeft in %d geen kostenposten; lees ze in "
			"met 'ambt kostenpost importeer' of via de API.",
			samenwerking, jaar);
	if (inwoners_op(s, a, &k, date_from_ymd(jaar, 1, 1), e))
		return e->status;
	if (store_uren_register(s, a, &reg, e) ||
	    store_uren_cellen(
		    s, a, &reg, samenwerking, date_from_ymd(jaar, 1, 1),
		    date_from_ymd(jaar + 1, 1, 1), &cellen, &ncellen, e))
		return e->status;
	if (scenario) {
		struct scenario sc;
		struct uren_register reg2;
		struct kosten_jaar k2;
		if (store_scenario_get(s, a, samenwerking, jaar, scenario, &sc,
				       e) ||
		    kosten_scenario(&reg, &k, &sc, a, &reg2, &k2, e))
			return e->status;
		reg = reg2;
		k = k2;
	}
	return kosten_invoer(&reg, cellen, ncellen, &k, a, out, e);
}

/* ---- writing the cost data ---- */

/* Whether municipality `gemeente` is (or was) a member of cooperation sw. */
static bool
lid_van(struct store *s, const char *sw, const char *gemeente)
{
	struct lidmaatschap *l;
	size_t n;
	struct err probe;
	err_clear(&probe);
	if (!sw || store_samenwerking_leden(s, &s->scratch, sw, &l, &n, &probe))
		return false;
	for (size_t i = 0; i < n; i++)
		if (strcmp(l[i].gemeente, gemeente) == 0)
			return true;
	return false;
}

/* The unit's id, checking that it belongs to cooperation `sw`. */
static enum status
eenheid_van_sw(struct store *s, const char *code, const char *sw,
	       const char *veld, int64_t *id, struct err *e)
{
	const char *van = NULL;
	struct err probe;
	err_clear(&probe);
	if (eenheid_id(s, code, id, &van, &s->scratch, &probe)) {
		if (probe.status != ST_NOT_FOUND) {
			*e = probe;
			return e->status;
		}
		return err_invalid(e, veld, "unknown",
				   "Eenheid %.64s bestaat niet.",
				   code ? code : "");
	}
	if (sw && (!van || strcmp(van, sw) != 0))
		return err_invalid(e, veld, "other-cooperation",
				   "Eenheid %.64s hoort niet bij samenwerking "
				   "%.20s.",
				   code, sw);
	return ST_OK;
}

enum status
store_kostenposten_vervang(struct store *s, const char *samenwerking, int jaar,
			   const struct kosten_post *p, size_t n, struct err *e)
{
	int64_t swid;
	enum status rc;
	if ((rc = tx_begin(s, e)))
		return rc;
	if (samenwerking_id(s, samenwerking, &swid, NULL, e))
		return tx_end(s, e->status, e);
	int64_t *eid = calloc(n + 1, sizeof *eid);
	if (!eid)
		return tx_end(s, nomem(e), e);
	for (size_t i = 0; i < n; i++) {
		char veld[64];
		if (p[i].regel)
			snprintf(veld, sizeof veld, "regel %zu: eenheid",
				 p[i].regel);
		else
			snprintf(veld, sizeof veld, "kostenposten[%zu].eenheid",
				 i);
		if (p[i].eenheid)
			eenheid_van_sw(s, p[i].eenheid, samenwerking, veld,
				       &eid[i], e);
		if (e->status == ST_INTERNAL)
			break;
		if (p[i].regel)
			snprintf(veld, sizeof veld, "regel %zu: code",
				 p[i].regel);
		else
			snprintf(veld, sizeof veld, "kostenposten[%zu].code",
				 i);
		for (size_t j = 0; j < i && p[i].code; j++)
			if (p[j].code && strcmp(p[j].code, p[i].code) == 0) {
				err_invalid(e, veld, "duplicate",
					    "Kostenpost %.40s staat twee keer "
					    "in de lijst.",
					    p[i].code);
				break;
			}
	}
	/* The file's own problems first; then whether the year is open. */
	if (e->status == ST_OK)
		jaar_open(s, swid, samenwerking, jaar, e);
	struct db_stmt *st =
		e->status == ST_OK ? stmt(s, Q_KP_DELETE, e) : NULL;
	if (st) {
		bind_id(st, 1, swid);
		bind_int(st, 2, jaar);
		run(s, st, e);
	}
	int64_t totaal = 0;
	for (size_t i = 0; i < n && e->status == ST_OK; i++) {
		if (!(st = stmt(s, Q_KP_INSERT, e)))
			break;
		bind_id(st, 1, swid);
		bind_int(st, 2, jaar);
		bind_text(st, 3, p[i].code);
		bind_id(st, 4, eid[i]);
		bind_text(st, 5, p[i].kostensoort);
		bind_text(st, 6, p[i].taakveld);
		bind_int(st, 7, p[i].bedrag);
		if (p[i].datum == DATE_NONE)
			bind_null(st, 8);
		else
			bind_date(st, 8, p[i].datum);
		run(s, st, e);
		totaal += p[i].bedrag;
	}
	free(eid);
	if (e->status == ST_OK) {
		char aantal[24], som[24];
		snprintf(aantal, sizeof aantal, "%zu", n);
		snprintf(som, sizeof som, "%lld", (long long)totaal);
		s->scope = samenwerking;
		audit_append(s, "replace", 200, "kostenposten", NULL,
			     sw_jaar(s, samenwerking, jaar), NULL, NULL,
			     jobj(&s->scratch, "samenwerking", samenwerking,
				  "jaar", jaar_tekst(s, jaar), "kostenposten",
				  aantal, "totaalCenten", som, NULL),
			     e);
	}
	return tx_end(s, e->status, e);
}

enum status
store_kostenpost_zet(struct store *s, const char *samenwerking, int jaar,
		     const struct kosten_post *p, struct err *e)
{
	int64_t swid, eid = 0;
	enum status rc;
	char b[24];
	if ((rc = tx_begin(s, e)))
		return rc;
	if (!p->code || !*p->code)
		err_invalid(e, "code", "required",
			    "Geef de kostenpost een code.");
	if (!p->kostensoort || !*p->kostensoort)
		err_invalid(e, "kostensoort", "required",
			    "Noem de kostensoort (bijvoorbeeld personeel).");
	kosten_post_check(p, "", e);
	if (samenwerking_id(s, samenwerking, &swid, NULL, e) == ST_OK)
		eenheid_van_sw(s, p->eenheid, samenwerking, "eenheid", &eid, e);
	/* The pool's own problems first; then whether the year is open. */
	if (e->status == ST_OK)
		jaar_open(s, swid, samenwerking, jaar, e);
	struct db_stmt *st =
		e->status == ST_OK ? stmt(s, Q_KP_UPSERT, e) : NULL;
	if (st) {
		bind_id(st, 1, swid);
		bind_int(st, 2, jaar);
		bind_text(st, 3, p->code);
		bind_id(st, 4, eid);
		bind_text(st, 5, p->kostensoort);
		bind_text(st, 6, p->taakveld);
		bind_int(st, 7, p->bedrag);
		if (p->datum == DATE_NONE)
			bind_null(st, 8);
		else
			bind_date(st, 8, p->datum);
		snprintf(b, sizeof b, "%lld", (long long)p->bedrag);
		s->scope = samenwerking;
		if (run(s, st, e) == ST_OK)
			audit_append(s, "update", 200, "kostenpost", NULL,
				     sw_jaar(s, samenwerking, jaar), NULL, NULL,
				     jobj(&s->scratch, "code", p->code,
					  "eenheid", p->eenheid, "kostensoort",
					  p->kostensoort, "taakveld",
					  p->taakveld, "bedragCenten", b, NULL),
				     e);
	}
	return tx_end(s, e->status, e);
}

enum status
store_kostenpost_delete(struct store *s, const char *samenwerking, int jaar,
			const char *code, struct err *e)
{
	int64_t swid;
	enum status rc;
	if ((rc = tx_begin(s, e)))
		return rc;
	struct db_stmt *st = NULL;
	if (samenwerking_id(s, samenwerking, &swid, NULL, e) == ST_OK &&
	    jaar_open(s, swid, samenwerking, jaar, e) == ST_OK)
		st = stmt(s, Q_KP_DELETE_ONE, e);
	if (st) {
		bind_id(st, 1, swid);
		bind_int(st, 2, jaar);
		bind_text(st, 3, code);
		s->scope = samenwerking;
		if (run(s, st, e) == ST_OK && db_changes(s->db) == 0)
			err_set(e, ST_NOT_FOUND,
				"%.20s heeft in %d geen kostenpost %.40s.",
				samenwerking, jaar, code ? code : "");
		else if (e->status == ST_OK)
			audit_append(s, "delete", 200, "kostenpost", NULL,
				     sw_jaar(s, samenwerking, jaar), NULL,
				     jobj(&s->scratch, "code", code, NULL),
				     NULL, e);
	}
	return tx_end(s, e->status, e);
}

enum status
store_kostenrol_zet(struct store *s, int jaar, const struct kosten_rol *r,
		    struct err *e)
{
	int64_t id;
	enum status rc;
	char volg[16];
	if ((rc = tx_begin(s, e)))
		return rc;
	struct db_stmt *st = NULL;
	kosten_rol_check(r, e);
	if (eenheid_van_sw(s, r->eenheid, NULL, "eenheid", &id, e) == ST_OK &&
	    e->status == ST_OK)
		st = stmt(s, Q_KR_UPSERT, e);
	if (st) {
		bind_id(st, 1, id);
		bind_int(st, 2, jaar);
		bind_int(st, 3, r->ondersteunend ? 1 : 0);
		bind_text(st, 4,
			  r->basis != KV_GEEN ? kv_basis_naam(r->basis) : NULL);
		bind_text(st, 5, r->taakveld);
		if (r->volgorde > 0)
			bind_int(st, 6, r->volgorde);
		else
			bind_null(st, 6);
		snprintf(volg, sizeof volg, "%d", r->volgorde);
		s->scope = scope_van(s, r->eenheid);
		if (run(s, st, e) == ST_OK)
			audit_append(s, "update", 200, "kostenrol", NULL,
				     sw_jaar(s, r->eenheid, jaar), NULL, NULL,
				     jobj(&s->scratch, "eenheid", r->eenheid,
					  "jaar", jaar_tekst(s, jaar), "soort",
					  r->ondersteunend ? "ondersteunend"
							   : "primair",
					  "grondslag",
					  r->basis != KV_GEEN
						  ? kv_basis_naam(r->basis)
						  : NULL,
					  "volgorde", volg, NULL),
				     e);
	}
	return tx_end(s, e->status, e);
}

enum status
store_kostenlevering_zet(struct store *s, int jaar,
			 const struct kosten_levering *l, struct err *e)
{
	int64_t van, aan;
	enum status rc;
	char gew[24];
	const char *sw = NULL;
	if ((rc = tx_begin(s, e)))
		return rc;
	if (eenheid_id(s, l->van, &van, &sw, &s->scratch, e) == ST_OK &&
	    eenheid_van_sw(s, l->aan, sw, "aan", &aan, e) == ST_OK &&
	    l->gewicht < 0)
		err_invalid(e, "gewicht", "negative",
			    "Een gewicht is nul of meer.");
	struct db_stmt *st =
		e->status == ST_OK ? stmt(s, Q_KL_UPSERT, e) : NULL;
	if (st) {
		bind_id(st, 1, van);
		bind_id(st, 2, aan);
		bind_int(st, 3, jaar);
		bind_int(st, 4, l->gewicht);
		snprintf(gew, sizeof gew, "%lld", (long long)l->gewicht);
		s->scope = scope_van(s, l->van);
		if (run(s, st, e) == ST_OK)
			audit_append(s, "update", 200, "kostenlevering", NULL,
				     sw_jaar(s, l->van, jaar), NULL, NULL,
				     jobj(&s->scratch, "van", l->van, "aan",
					  l->aan, "jaar", jaar_tekst(s, jaar),
					  "gewicht", gew, NULL),
				     e);
	}
	return tx_end(s, e->status, e);
}

enum status
store_kostengewicht_zet(struct store *s, int jaar,
			const struct kosten_gewicht *g, struct err *e)
{
	int64_t eid, gid;
	enum status rc;
	char gew[24];
	if ((rc = tx_begin(s, e)))
		return rc;
	if (eenheid_van_sw(s, g->eenheid, NULL, "eenheid", &eid, e) == ST_OK &&
	    org_id(s, g->gemeente, ORG_GEMEENTE, "gemeente", &gid, e) ==
		    ST_OK &&
	    g->gewicht < 0)
		err_invalid(e, "gewicht", "negative",
			    "Een gewicht is nul of meer.");
	struct db_stmt *st =
		e->status == ST_OK ? stmt(s, Q_KG_UPSERT, e) : NULL;
	if (st) {
		bind_id(st, 1, eid);
		bind_id(st, 2, gid);
		bind_int(st, 3, jaar);
		bind_int(st, 4, g->gewicht);
		snprintf(gew, sizeof gew, "%lld", (long long)g->gewicht);
		s->scope = scope_van(s, g->eenheid);
		if (run(s, st, e) == ST_OK)
			audit_append(s, "update", 200, "kostengewicht", NULL,
				     sw_jaar(s, g->eenheid, jaar), NULL, NULL,
				     jobj(&s->scratch, "eenheid", g->eenheid,
					  "gemeente", g->gemeente, "jaar",
					  jaar_tekst(s, jaar), "gewicht", gew,
					  NULL),
				     e);
	}
	return tx_end(s, e->status, e);
}

enum status
store_maatwerk_zet(struct store *s, int jaar, const struct kv_maatwerk *m,
		   struct err *e)
{
	int64_t eid, gid;
	enum status rc;
	char uren[24], tarief[24];
	const char *sw = NULL;
	if ((rc = tx_begin(s, e)))
		return rc;
	if (m->uren < 0 || m->tarief < 0)
		err_invalid(e, "uren", "negative",
			    "Uren en tarief zijn nul of meer.");
	if (eenheid_id(s, m->afdeling, &eid, &sw, &s->scratch, e) == ST_OK &&
	    org_id(s, m->gemeente, ORG_GEMEENTE, "gemeente", &gid, e) ==
		    ST_OK &&
	    !lid_van(s, sw, m->gemeente))
		err_invalid(e, "gemeente", "not-member",
			    "Gemeente %.20s is geen lid van %.20s.",
			    m->gemeente, sw ? sw : "");
	struct db_stmt *st =
		e->status == ST_OK ? stmt(s, Q_MW_KV_UPSERT, e) : NULL;
	if (st) {
		bind_id(st, 1, eid);
		bind_id(st, 2, gid);
		bind_int(st, 3, jaar);
		bind_int(st, 4, m->uren);
		bind_int(st, 5, m->tarief);
		snprintf(uren, sizeof uren, "%lld", (long long)m->uren);
		snprintf(tarief, sizeof tarief, "%lld", (long long)m->tarief);
		s->scope = scope_van(s, m->afdeling);
		if (run(s, st, e) == ST_OK)
			audit_append(s, "update", 200, "maatwerk", NULL,
				     sw_jaar(s, m->afdeling, jaar), NULL, NULL,
				     jobj(&s->scratch, "eenheid", m->afdeling,
					  "gemeente", m->gemeente, "jaar",
					  jaar_tekst(s, jaar), "honderdsten",
					  uren, "tariefCenten", tarief, NULL),
				     e);
	}
	return tx_end(s, e->status, e);
}

enum status
store_voorschot_zet(struct store *s, const char *samenwerking, int jaar,
		    const char *gemeente, int64_t bedrag, struct err *e)
{
	int64_t swid, gid;
	enum status rc;
	char b[24];
	if ((rc = tx_begin(s, e)))
		return rc;
	struct db_stmt *st = NULL;
	if (samenwerking_id(s, samenwerking, &swid, NULL, e) == ST_OK &&
	    org_id(s, gemeente, ORG_GEMEENTE, "gemeente", &gid, e) == ST_OK)
		st = stmt(s, Q_VS_UPSERT, e);
	if (st) {
		bind_id(st, 1, swid);
		bind_int(st, 2, jaar);
		bind_id(st, 3, gid);
		bind_int(st, 4, bedrag);
		snprintf(b, sizeof b, "%lld", (long long)bedrag);
		s->scope = samenwerking;
		if (run(s, st, e) == ST_OK)
			audit_append(s, "update", 200, "voorschot", NULL,
				     sw_jaar(s, samenwerking, jaar), NULL, NULL,
				     jobj(&s->scratch, "samenwerking",
					  samenwerking, "jaar",
					  jaar_tekst(s, jaar), "gemeente",
					  gemeente, "bedragCenten", b, NULL),
				     e);
	}
	return tx_end(s, e->status, e);
}

enum status
store_kosteninstelling_delete(struct store *s, enum kosten_instelling wat,
			      int jaar, const char *a, const char *b,
			      struct err *e)
{
	static const struct {
		enum query q;
		const char *soort, *zin;
	} k[] = {
		[KI_LEVERING] = { Q_KL_DELETE, "kostenlevering",
				  "%.40s levert in %d niets aan %.40s" },
		[KI_GEWICHT] = { Q_KG_DELETE, "kostengewicht",
				 "%.40s heeft in %d geen gewicht voor %.40s" },
		[KI_MAATWERK] = { Q_MW_KV_DELETE, "maatwerk",
				  "%.40s heeft in %d geen maatwerk voor %.40s" },
		[KI_VOORSCHOT] = { Q_VS_DELETE, "voorschot",
				   "%.40s heeft in %d geen voorschot van %.40s" },
	};
	int64_t ida = 0, idb = 0;
	const char *sw = NULL;
	enum status rc;
	if ((rc = tx_begin(s, e)))
		return rc;
	if (wat == KI_VOORSCHOT)
		samenwerking_id(s, a, &ida, NULL, e);
	else
		eenheid_id(s, a, &ida, &sw, &s->scratch, e);
	if (e->status == ST_OK && wat == KI_LEVERING)
		eenheid_van_sw(s, b, sw, "aan", &idb, e);
	else if (e->status == ST_OK)
		org_id(s, b, ORG_GEMEENTE, "gemeente", &idb, e);
	struct db_stmt *st = e->status == ST_OK ? stmt(s, k[wat].q, e) : NULL;
	if (st) {
		bind_id(st, 1, ida);
		bind_id(st, 2, idb);
		bind_int(st, 3, jaar);
		s->scope = wat == KI_VOORSCHOT ? a : scope_van(s, a);
		if (run(s, st, e) == ST_OK && db_changes(s->db) == 0) {
			char zin[160];
			snprintf(zin, sizeof zin, k[wat].zin, a, jaar, b);
			err_set(e, ST_NOT_FOUND,
				"Er is niets te verwijderen: "
				"%s.",
				zin);
		} else if (e->status == ST_OK) {
			audit_append(s, "delete", 200, k[wat].soort, NULL,
				     sw_jaar(s, a, jaar), NULL,
				     jobj(&s->scratch, "van", a, "voor", b,
					  "jaar", jaar_tekst(s, jaar), NULL),
				     NULL, e);
		}
	}
	return tx_end(s, e->status, e);
}

enum status
store_kostenmethode_zet(struct store *s, const char *samenwerking, int jaar,
			enum kv_methode m, struct err *e)
{
	int64_t swid;
	enum status rc;
	if ((rc = tx_begin(s, e)))
		return rc;
	struct db_stmt *st = NULL;
	if (m == KV_METHODE_GEEN)
		err_invalid(e, "methode", "method",
			    "Kies direct, step_down of reciprocal.");
	else if (samenwerking_id(s, samenwerking, &swid, NULL, e) == ST_OK)
		st = stmt(s, Q_KM_UPSERT, e);
	if (st) {
		bind_id(st, 1, swid);
		bind_int(st, 2, jaar);
		bind_text(st, 3, kv_methode_naam(m));
		s->scope = samenwerking;
		if (run(s, st, e) == ST_OK)
			audit_append(s, "update", 200, "kostenmethode", NULL,
				     sw_jaar(s, samenwerking, jaar), NULL, NULL,
				     jobj(&s->scratch, "samenwerking",
					  samenwerking, "jaar",
					  jaar_tekst(s, jaar), "methode",
					  kv_methode_naam(m), NULL),
				     e);
	}
	return tx_end(s, e->status, e);
}

/* ---- scenarios ---- */

static void
read_scenario(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct scenario *sc = elem;
	sc->id = db_col_int(st, 0);
	sc->samenwerking = col_text(a, st, 1);
	sc->jaar = (int)db_col_int(st, 2);
	sc->naam = col_text(a, st, 3);
	sc->omschrijving = col_text(a, st, 4);
}

static void
read_wijziging(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct scenario_wijziging *w = elem;
	scenario_soort_van(db_col_text(st, 0), &w->soort);
	w->eenheid = col_text(a, st, 1);
	w->gemeente = col_text(a, st, 2);
	w->vanaf = col_date(st, 3);
	w->grondslag = kv_basis_van(db_col_text(st, 4));
	w->kostenpost = col_text(a, st, 5);
	w->bedrag = db_col_int(st, 6);
}

static enum status
wijzigingen_lezen(struct store *s, struct arena *a, struct scenario *sc,
		  struct err *e)
{
	struct db_stmt *st = stmt(s, Q_SCW_LIST, e);
	void *p;
	if (!st)
		return e->status;
	bind_id(st, 1, sc->id);
	if (rows_read(s, a, st, sizeof *sc->wijzigingen, read_wijziging, &p,
		      &sc->nwijzigingen, e))
		return e->status;
	sc->wijzigingen = p;
	return ST_OK;
}

enum status
store_scenario_list(struct store *s, struct arena *a, const char *samenwerking,
		    int jaar, struct scenario **out, size_t *n, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_SC_LIST, e);
	void *p;
	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	bind_text(st, 1, samenwerking);
	if (jaar)
		bind_int(st, 2, jaar);
	else
		bind_null(st, 2);
	bind_null(st, 3);
	if (rows_read(s, a, st, sizeof **out, read_scenario, &p, n, e))
		return e->status;
	*out = p;
	for (size_t i = 0; i < *n; i++)
		if (wijzigingen_lezen(s, a, &(*out)[i], e))
			return e->status;
	return ST_OK;
}

enum status
store_scenario_get(struct store *s, struct arena *a, const char *samenwerking,
		   int jaar, const char *naam, struct scenario *out,
		   struct err *e)
{
	struct db_stmt *st = stmt(s, Q_SC_LIST, e);
	int r;
	memset(out, 0, sizeof *out);
	if (!st)
		return e->status;
	bind_text(st, 1, samenwerking);
	bind_int(st, 2, jaar);
	bind_text(st, 3, naam);
	r = next_row(s, st, e);
	if (r == 1)
		read_scenario(s, a, st, out);
	db_reset(st);
	if (r < 0)
		return e->status;
	if (r == 0)
		return err_set(e, ST_NOT_FOUND,
			       "Scenario '%.60s' bestaat niet voor %.20s %d.",
			       naam ? naam : "",
			       samenwerking ? samenwerking : "", jaar);
	return wijzigingen_lezen(s, a, out, e);
}

enum status
store_scenario_maak(struct store *s, const struct scenario *sc, int64_t *id,
		    struct err *e)
{
	int64_t swid;
	enum status rc;
	struct arena a;
	struct scenario bestaand;
	struct err probe;
	if ((rc = tx_begin(s, e)))
		return rc;
	scenario_check(sc, e);
	if (samenwerking_id(s, sc->samenwerking, &swid, NULL, e))
		return tx_end(s, e->status, e);
	arena_init(&a, 1 << 20);
	err_clear(&probe);
	if (sc->naam &&
	    store_scenario_get(s, &a, sc->samenwerking, sc->jaar, sc->naam,
			       &bestaand, &probe) == ST_OK)
		err_set(e, ST_CONFLICT,
			"Er is al een scenario '%.60s' voor %.20s %d.",
			sc->naam, sc->samenwerking, sc->jaar);
	arena_free(&a);
	struct db_stmt *st =
		e->status == ST_OK ? stmt(s, Q_SC_INSERT, e) : NULL;
	if (st) {
		bind_id(st, 1, swid);
		bind_int(st, 2, sc->jaar);
		bind_text(st, 3, sc->naam);
		bind_text(st, 4, sc->omschrijving);
		run_id(s, st, id, e);
	}
	for (size_t i = 0; i < sc->nwijzigingen && e->status == ST_OK; i++) {
		const struct scenario_wijziging *w = &sc->wijzigingen[i];
		char veld[40];
		int64_t eid = 0, gid = 0;
		snprintf(veld, sizeof veld, "wijzigingen[%zu]", i);
		if (w->eenheid &&
		    eenheid_van_sw(s, w->eenheid, sc->samenwerking, veld, &eid,
				   e))
			continue;
		if (w->gemeente &&
		    org_id(s, w->gemeente, ORG_GEMEENTE, veld, &gid, e))
			continue;
		if (!(st = stmt(s, Q_SCW_INSERT, e)))
			break;
		bind_id(st, 1, *id);
		bind_text(st, 2, scenario_soort_naam(w->soort));
		if (eid)
			bind_id(st, 3, eid);
		else
			bind_null(st, 3);
		if (gid)
			bind_id(st, 4, gid);
		else
			bind_null(st, 4);
		if (w->vanaf == DATE_NONE)
			bind_null(st, 5);
		else
			bind_date(st, 5, w->vanaf);
		bind_text(st, 6,
			  w->soort == SC_GRONDSLAG ? kv_basis_naam(w->grondslag)
						   : NULL);
		bind_text(st, 7, w->kostenpost);
		if (w->soort == SC_KOSTENPOST)
			bind_int(st, 8, w->bedrag);
		else
			bind_null(st, 8);
		run(s, st, e);
	}
	if (e->status == ST_OK) {
		char nw[16];
		snprintf(nw, sizeof nw, "%zu", sc->nwijzigingen);
		s->scope = sc->samenwerking;
		audit_append(s, "create", 201, "scenario", NULL,
			     sw_jaar(s, sc->samenwerking, sc->jaar), NULL, NULL,
			     jobj(&s->scratch, "samenwerking", sc->samenwerking,
				  "jaar", jaar_tekst(s, sc->jaar), "naam",
				  sc->naam, "wijzigingen", nw, NULL),
			     e);
	}
	return tx_end(s, e->status, e);
}

enum status
store_scenario_delete(struct store *s, const char *samenwerking, int jaar,
		      const char *naam, struct err *e)
{
	struct scenario sc;
	struct db_stmt *st;
	enum status rc;
	if ((rc = tx_begin(s, e)))
		return rc;
	if (store_scenario_get(s, &s->scratch, samenwerking, jaar, naam, &sc,
			       e) == ST_OK &&
	    (st = stmt(s, Q_SCW_DELETE, e))) {
		bind_id(st, 1, sc.id);
		if (run(s, st, e) == ST_OK && (st = stmt(s, Q_SC_DELETE, e))) {
			bind_id(st, 1, sc.id);
			run(s, st, e);
		}
	}
	if (e->status == ST_OK) {
		s->scope = samenwerking;
		audit_append(s, "delete", 204, "scenario", NULL,
			     sw_jaar(s, samenwerking, jaar), NULL, NULL,
			     jobj(&s->scratch, "samenwerking", samenwerking,
				  "jaar", jaar_tekst(s, jaar), "naam", naam,
				  NULL),
			     e);
	}
	return tx_end(s, e->status, e);
}

/* ---- stored calculations ---- */

static void
read_kv(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct kostenverdeling *k = elem;
	k->id = db_col_int(st, 0);
	k->samenwerking = col_text(a, st, 1);
	k->jaar = (int)db_col_int(st, 2);
	k->scenario = col_text(a, st, 3);
	k->sha256 = col_text(a, st, 4);
	k->totaal = db_col_int(st, 5);
	k->berekend = col_text(a, st, 6);
	k->door = col_text(a, st, 7);
	k->vastgesteld = col_text(a, st, 9);
	k->invoer = col_text(a, st, 10);
	k->uitkomst = col_text(a, st, 11);
	read_besluit_ref(s, a, st, 12, &k->besluit, &k->besluit_organisatie,
			 NULL);
}

enum status
store_kostenverdeling_list(struct store *s, struct arena *a,
			   const char *samenwerking, int jaar,
			   struct kostenverdeling **out, size_t *n,
			   struct err *e)
{
	struct db_stmt *st = stmt(s, Q_KV_LIST, e);
	void *p;
	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	bind_text(st, 1, samenwerking);
	if (jaar)
		bind_int(st, 2, jaar);
	else
		bind_null(st, 2);
	bind_null(st, 3);
	if (rows_read(s, a, st, sizeof **out, read_kv, &p, n, e))
		return e->status;
	*out = p;
	return ST_OK;
}

enum status
store_kostenverdeling_get(struct store *s, struct arena *a, int64_t id,
			  struct kostenverdeling *out, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_KV_LIST, e);
	int r;
	memset(out, 0, sizeof *out);
	if (!st)
		return e->status;
	bind_null(st, 1);
	bind_null(st, 2);
	bind_id(st, 3, id);
	r = next_row(s, st, e);
	if (r == 1)
		read_kv(s, a, st, out);
	db_reset(st);
	if (r < 0)
		return e->status;
	if (r == 0)
		return err_set(e, ST_NOT_FOUND,
			       "Kostenverdeling %lld bestaat niet.",
			       (long long)id);
	if (!out->invoer || !out->uitkomst)
		return nomem(e);
	return ST_OK;
}

enum status
store_kostenverdeling_bewaar(struct store *s, const struct kostenverdeling *k,
			     int64_t *id, bool *bestond, struct err *e)
{
	int64_t swid, eerder = 0;
	enum status rc;
	char now[32], tot[24];
	if (bestond)
		*bestond = false;
	if ((rc = tx_begin(s, e)))
		return rc;
	struct db_stmt *st = NULL;
	/* The same input computed before: that calculation, not another. */
	if (samenwerking_id(s, k->samenwerking, &swid, NULL, e) == ST_OK &&
	    (st = stmt(s, Q_KV_ZELFDE, e))) {
		bind_id(st, 1, swid);
		bind_int(st, 2, k->jaar);
		bind_text(st, 3, k->scenario);
		bind_text(st, 4, k->sha256);
		if (next_row(s, st, e) == 1)
			eerder = db_col_int(st, 0);
		db_reset(st);
		st = NULL;
		if (eerder) {
			*id = eerder;
			if (bestond)
				*bestond = true;
			return tx_end(s, e->status, e);
		}
	}
	if (!e->status)
		st = stmt(s, Q_KV_INSERT, e);
	if (st) {
		utc_now(s, now, sizeof now);
		bind_id(st, 1, swid);
		bind_int(st, 2, k->jaar);
		bind_text(st, 3, k->scenario);
		bind_text(st, 4, k->invoer);
		bind_text(st, 5, k->sha256);
		bind_text(st, 6, k->uitkomst);
		bind_int(st, 7, k->totaal);
		bind_text(st, 8, now);
		bind_text(st, 9, s->actor[0] ? s->actor : NULL);
		if (run_id(s, st, id, e) == ST_OK) {
			snprintf(tot, sizeof tot, "%lld", (long long)k->totaal);
			s->scope = k->samenwerking;
			audit_append(s, "create", 201, "kostenverdeling", NULL,
				     sw_jaar(s, k->samenwerking, k->jaar), NULL,
				     NULL,
				     jobj(&s->scratch, "samenwerking",
					  k->samenwerking, "jaar",
					  jaar_tekst(s, k->jaar), "scenario",
					  k->scenario, "sha256", k->sha256,
					  "totaalCenten", tot, NULL),
				     e);
		}
	}
	return tx_end(s, e->status, e);
}

enum status
store_kostenverdeling_vaststellen(struct store *s, int64_t id,
				  const char *besluit,
				  const char *besluit_organisatie,
				  struct err *e)
{
	struct arena a;
	struct kostenverdeling k;
	int64_t bid, swid, al;
	enum status rc;
	char now[32];
	if ((rc = tx_begin(s, e)))
		return rc;
	arena_init(&a, 64u << 20);
	if (store_kostenverdeling_get(s, &a, id, &k, e) ||
	    samenwerking_id(s, k.samenwerking, &swid, NULL, e))
		goto uit;
	if (k.vastgesteld) {
		err_set(e, ST_CONFLICT,
			"Kostenverdeling %lld is al vastgesteld%s%.50s%s.",
			(long long)id, k.besluit ? " (besluit " : "",
			k.besluit ? k.besluit : "", k.besluit ? ")" : "");
		goto uit;
	}
	if (k.scenario) {
		err_set(e, ST_CONFLICT,
			"Kostenverdeling %lld rekent scenario '%.60s' door; "
			"alleen een berekening van het jaar zelf kan worden "
			"vastgesteld.",
			(long long)id, k.scenario);
		goto uit;
	}
	if (vastgesteld_id(s, swid, k.jaar, &al, e))
		goto uit;
	if (al) {
		err_set(e, ST_CONFLICT,
			"Voor %.20s %d is kostenverdeling %lld al vastgesteld.",
			k.samenwerking, k.jaar, (long long)al);
		goto uit;
	}
	/* Only a decision of the cooperation's own organisations that the
	 * actor may read adopts its calculation. */
	if (besluit_ref_id(s, besluit, besluit_organisatie, swid, NULL,
			   "besluit", &bid, e))
		goto uit;
	struct db_stmt *st = stmt(s, Q_KV_VASTSTELLEN, e);
	if (!st)
		goto uit;
	utc_now(s, now, sizeof now);
	bind_id(st, 1, id);
	bind_id(st, 2, bid);
	bind_text(st, 3, now);
	s->scope = k.samenwerking;
	s->audit_besluit = bid;
	if (run(s, st, e) == ST_OK) {
		char ids[24];
		snprintf(ids, sizeof ids, "%lld", (long long)id);
		audit_append(s, "update", 200, "kostenverdeling", NULL,
			     sw_jaar(s, k.samenwerking, k.jaar), NULL, NULL,
			     jobj(&s->scratch, "kostenverdeling", ids,
				  "besluit", besluit, "sha256", k.sha256,
				  "vastgesteld", now, NULL),
			     e);
	}
uit:
	arena_free(&a);
	return tx_end(s, e->status, e);
}
