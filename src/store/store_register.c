/*
 * store_register.c - the cooperation register: organisations and the
 * members of joint bodies, cooperations, their units and arrangement,
 * framework articles, workstreams and the BBV taakvelden.
 */
#include <stdio.h>
#include <string.h>

#include "store_intern.h"
#include "../banned.h"

/* ---- organisations ---- */

const char **
store_organisatie_namen(struct store *s, struct arena *a,
			const char *const *codes, size_t n)
{
	const char **namen = arena_calloc(a, n + 1, sizeof *namen);
	for (size_t i = 0; namen && i < n; i++) {
		struct organisatie o;
		struct err probe;
		err_clear(&probe);
		namen[i] = store_organisatie_get(s, a, codes[i], &o, &probe) ==
					   ST_OK
				   ? o.naam
				   : codes[i];
	}
	return namen;
}

static void
read_org(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct organisatie *o = elem;

	o->id = db_col_int(st, 0);
	o->soort = strcmp(db_col_text(st, 1), "gemeente") == 0 ? ORG_GEMEENTE
							       : ORG_REGELING;
	o->code = col_text(a, st, 2);
	o->naam = col_text(a, st, 3);
	o->provincie = col_text(a, st, 4);
	o->taak = col_text(a, st, 5);
	o->verzonnen = (int)db_col_int(st, 6) != 0;
	o->inwoners = col_is_null(st, 7) ? -1 : db_col_int(st, 7);
	o->inwoners_peildatum = col_date(st, 8);
}

enum status
store_organisatie_add(struct store *s, const struct organisatie *o, day_t today,
		      struct err *e)
{
	struct db_stmt *st;
	enum status rc;
	int64_t dummy;
	struct err probe;

	if (reg_check_organisatie(o, today, e))
		return ST_INVALID;
	if ((rc = tx_begin(s, e)))
		return rc;
	err_clear(&probe);
	if (org_id(s, o->code, o->soort, NULL, &dummy, &probe) == ST_OK ||
	    org_id(s, o->code,
		   o->soort == ORG_GEMEENTE ? ORG_REGELING : ORG_GEMEENTE, NULL,
		   &dummy, &probe) == ST_OK) {
		rc = err_set(e, ST_CONFLICT,
			     "Code %s staat al in het register.", o->code);
		return tx_end(s, rc, e);
	}
	if (!(st = stmt(s, Q_ORG_INSERT, e)))
		return tx_end(s, e->status, e);
	bind_text(st, 1, org_soort_name(o->soort));
	bind_text(st, 2, o->code);
	bind_text(st, 3, o->naam);
	bind_text(st, 4, o->provincie);
	bind_text(st, 5, o->taak);
	bind_int(st, 6, o->verzonnen);
	rc = run(s, st, e);
	if (rc == ST_OK && o->inwoners >= 0) {
		struct inwonertal t = { o->inwoners_peildatum, o->inwoners,
					NULL };
		rc = store_inwonertal_add(s, o->code, &t, today, e);
	}
	if (rc == ST_OK)
		s->scope = o->code;
	if (rc == ST_OK)
		rc = audit_append(
			s, "create", 201,
			o->soort == ORG_GEMEENTE ? "gemeente" : "regeling",
			NULL, o->code, NULL, NULL,
			jobj(&s->scratch, "code", o->code, "naam", o->naam,
			     "provincie", o->provincie, "taak", o->taak, NULL),
			e);
	return tx_end(s, rc, e);
}

enum status
store_organisatie_get(struct store *s, struct arena *a, const char *code,
		      struct organisatie *out, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_ORG_GET, e);
	int r;

	if (!st)
		return e->status;
	bind_text(st, 1, code);
	r = next_row(s, st, e);
	if (r < 0)
		return e->status;
	if (r == 0)
		return err_set(e, ST_NOT_FOUND,
			       "%.20s staat niet in het register.", code);
	read_org(s, a, st, out);
	return ST_OK;
}

enum status
store_organisatie_list(struct store *s, struct arena *a, enum org_soort soort,
		       struct organisatie **out, size_t *n, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_ORG_LIST, e);
	void *arr;

	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	bind_text(st, 1, org_soort_name(soort));
	if (rows_read(s, a, st, sizeof(**out), read_org, &arr, n, e))
		return e->status;
	*out = arr;
	return ST_OK;
}

enum status
store_inwonertal_add(struct store *s, const char *code,
		     const struct inwonertal *t, day_t today, struct err *e)
{
	struct db_stmt *st;
	int64_t id;
	enum status rc;

	reg_check_inwonertal(t, today, e);
	if (err_has_problems(e))
		return ST_INVALID;
	if ((rc = tx_begin(s, e)))
		return rc;
	rc = org_id(s, code, ORG_GEMEENTE, NULL, &id, e);
	if (rc == ST_OK && !(st = stmt(s, Q_INWONERTAL_UPSERT, e)))
		rc = e->status;
	if (rc == ST_OK) {
		bind_int(st, 1, id);
		bind_date(st, 2, t->peildatum);
		bind_int(st, 3, t->aantal);
		bind_text(st, 4, t->bron);
		rc = run(s, st, e);
	}
	if (rc == ST_OK) {
		char n[24];
		snprintf(n, sizeof(n), "%lld", (long long)t->aantal);
		s->scope = code;
		rc = audit_append(
			s, "create", 201, "inwonertal", NULL, code, NULL, NULL,
			jobj(&s->scratch, "gemeente", code, "peildatum",
			     iso(&s->scratch, t->peildatum), "aantal", n, NULL),
			e);
	}
	return tx_end(s, rc, e);
}

enum status
store_inwonertal_list(struct store *s, struct arena *a, const char *code,
		      struct inwonertal **out, size_t *n, struct err *e)
{
	struct db_stmt *st;
	int64_t id;
	size_t cap = 0;
	int r;

	*out = NULL;
	*n = 0;
	if (org_id(s, code, ORG_GEMEENTE, NULL, &id, e))
		return e->status;
	if (!(st = stmt(s, Q_INWONERTAL_LIST, e)))
		return e->status;
	bind_int(st, 1, id);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		struct inwonertal *t = &(*out)[*n - 1];
		t->peildatum = col_date(st, 0);
		t->aantal = db_col_int(st, 1);
		t->bron = col_text(a, st, 2);
	}
	return r < 0 ? e->status : ST_OK;
}

/* Read membership rows (id, code, naam, van, tot, a decision reference). */
static enum status
read_leden(struct store *s, struct arena *a, struct db_stmt *st,
	   struct lidmaatschap **out, size_t *n, struct err *e)
{
	size_t cap = 0;
	int r;

	*out = NULL;
	*n = 0;
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		struct lidmaatschap *l = &(*out)[*n - 1];
		l->id = db_col_int(st, 0);
		l->gemeente = col_text(a, st, 1);
		l->gemeente_naam = col_text(a, st, 2);
		l->periode.van = col_date(st, 3);
		l->periode.tot = col_date(st, 4);
		read_besluit_ref(s, a, st, 5, &l->besluit,
				 &l->besluit_organisatie, NULL);
	}
	return r < 0 ? e->status : ST_OK;
}

/*
 * Shared by joint bodies and cooperations: check a new membership with
 * the existing ones, resolve codes, insert.
 */
/*
 * A membership may name a decision of the cooperation's organisations
 * (samenwerking: its id), or of the member and the joint body (regeling:
 * its code).
 */
static enum status
lid_add(struct store *s, enum query list_q, enum query insert_q, int64_t owner,
	int64_t samenwerking, const char *regeling, day_t sinds,
	const struct lidmaatschap *l, struct err *e)
{
	const char *orgs[2] = { l->gemeente, regeling };
	struct arena a;
	struct lidmaatschap *leden, *all;
	size_t n;
	int64_t gid = 0, bid = 0;
	struct db_stmt *st;
	enum status rc;
	char field[32], d[32];

	arena_init(&a, 1 << 20);
	if (!(st = stmt(s, list_q, e))) {
		rc = e->status;
		goto out;
	}
	bind_int(st, 1, owner);
	if ((rc = read_leden(s, &a, st, &leden, &n, e)))
		goto out;
	if (!(all = arena_grow(&a, leden, n, n + 1, sizeof(*all)))) {
		rc = nomem(e);
		goto out;
	}
	all[n] = *l;
	snprintf(field, sizeof(field), "leden");
	if (reg_check_leden(all, n + 1, field, e)) {
		/* Name the new member's fields without an index. */
		for (size_t i = 0; i < e->nproblems; i++) {
			char *p = strchr(e->problems[i].name, '.');
			if (p)
				memmove(e->problems[i].name, p + 1,
					strlen(p + 1) + 1);
		}
		rc = ST_INVALID;
		goto out;
	}
	if (sinds != DATE_NONE && l->periode.van < sinds) {
		date_format_nl(sinds, d, sizeof(d));
		rc = err_invalid(e, "van", "before-cooperation",
				 "De samenwerking bestaat pas sinds %s.", d);
		goto out;
	}
	if (org_id(s, l->gemeente, ORG_GEMEENTE, "gemeente", &gid, e))
		rc = e->status;
	if (l->besluit && *l->besluit &&
	    besluit_ref_id(s, l->besluit, l->besluit_organisatie, samenwerking,
			   orgs, "besluit", &bid, e))
		rc = e->status;
	if (rc)
		goto out;
	if (!(st = stmt(s, insert_q, e))) {
		rc = e->status;
		goto out;
	}
	bind_int(st, 1, owner);
	bind_int(st, 2, gid);
	bind_date(st, 3, l->periode.van);
	bind_date(st, 4, l->periode.tot);
	bind_id(st, 5, bid);
	rc = run(s, st, e);
	s->scope = l->gemeente;
	s->audit_besluit = bid;
	if (rc == ST_OK)
		rc = audit_append(s, "create", 201, "lidmaatschap", NULL,
				  l->gemeente, NULL, NULL,
				  jobj(&s->scratch, "gemeente", l->gemeente,
				       "van", iso(&s->scratch, l->periode.van),
				       "tot", iso(&s->scratch, l->periode.tot),
				       "besluit", l->besluit, NULL),
				  e);
out:
	arena_free(&a);
	return rc;
}

enum status
store_regeling_lid_add(struct store *s, const char *regeling,
		       const struct lidmaatschap *l, struct err *e)
{
	int64_t rid;
	enum status rc;

	if ((rc = tx_begin(s, e)))
		return rc;
	rc = org_id(s, regeling, ORG_REGELING, NULL, &rid, e);
	if (rc == ST_OK)
		rc = lid_add(s, Q_REGELING_LEDEN, Q_REGELING_LID_INSERT, rid, 0,
			     regeling, DATE_NONE, l, e);
	return tx_end(s, rc, e);
}

enum status
store_regeling_leden(struct store *s, struct arena *a, const char *regeling,
		     struct lidmaatschap **out, size_t *n, struct err *e)
{
	struct db_stmt *st;
	int64_t rid;

	*out = NULL;
	*n = 0;
	if (org_id(s, regeling, ORG_REGELING, NULL, &rid, e))
		return e->status;
	if (!(st = stmt(s, Q_REGELING_LEDEN, e)))
		return e->status;
	bind_int(st, 1, rid);
	return read_leden(s, a, st, out, n, e);
}

/* ---- cooperations ---- */

static void
read_sw(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct samenwerking *sw = elem;

	sw->id = db_col_int(st, 0);
	sw->code = col_text(a, st, 1);
	sw->naam = col_text(a, st, 2);
	sw->sinds = col_date(st, 3);
	sw->centrumgemeente = col_text(a, st, 4);
	sw->centrumgemeente_naam = col_text(a, st, 5);
	sw->omschrijving = col_text(a, st, 6);
}

enum status
store_samenwerking_add(struct store *s, const struct samenwerking *sw,
		       struct err *e)
{
	struct db_stmt *st;
	enum status rc;
	int64_t cid = 0, dummy;
	struct err probe;

	reg_check_samenwerking(sw, e);
	if ((rc = tx_begin(s, e)))
		return rc;
	if (sw->centrumgemeente && *sw->centrumgemeente)
		org_id(s, sw->centrumgemeente, ORG_GEMEENTE, "centrumgemeente",
		       &cid, e);
	err_clear(&probe);
	if (sw->code &&
	    samenwerking_id(s, sw->code, &dummy, NULL, &probe) == ST_OK)
		err_invalid(e, "code", "unique",
			    "Er is al een samenwerking met code %s.", sw->code);
	if (e->status != ST_OK)
		return tx_end(s, e->status, e);
	if (!(st = stmt(s, Q_SW_INSERT, e)))
		return tx_end(s, e->status, e);
	bind_text(st, 1, sw->code);
	bind_text(st, 2, sw->naam);
	bind_date(st, 3, sw->sinds);
	bind_id(st, 4, cid);
	bind_text(st, 5, sw->omschrijving);
	rc = run(s, st, e);
	s->scope = sw->code;
	if (rc == ST_OK)
		rc = audit_append(
			s, "create", 201, "samenwerking", NULL, sw->code, NULL,
			NULL,
			jobj(&s->scratch, "code", sw->code, "naam", sw->naam,
			     "sinds", iso(&s->scratch, sw->sinds),
			     "centrumgemeente", sw->centrumgemeente, NULL),
			e);
	return tx_end(s, rc, e);
}

enum status
store_samenwerking_get(struct store *s, struct arena *a, const char *code,
		       struct samenwerking *out, struct err *e)
{
	struct db_stmt *st =
		row_by_key(s, Q_SW_GET, code, "Samenwerking", 20, e);

	if (!st)
		return e->status;
	read_sw(s, a, st, out);
	return ST_OK;
}

enum status
store_samenwerking_list(struct store *s, struct arena *a,
			struct samenwerking **out, size_t *n, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_SW_LIST, e);
	void *arr;

	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	if (rows_read(s, a, st, sizeof(**out), read_sw, &arr, n, e))
		return e->status;
	*out = arr;
	return ST_OK;
}

enum status
store_samenwerking_lid_add(struct store *s, const char *code,
			   const struct lidmaatschap *l, struct err *e)
{
	int64_t sid;
	day_t sinds;
	enum status rc;

	if ((rc = tx_begin(s, e)))
		return rc;
	rc = samenwerking_id(s, code, &sid, &sinds, e);
	if (rc == ST_OK)
		rc = lid_add(s, Q_SW_LEDEN, Q_SW_LID_INSERT, sid, sid, NULL,
			     sinds, l, e);
	return tx_end(s, rc, e);
}

enum status
store_samenwerking_leden(struct store *s, struct arena *a, const char *code,
			 struct lidmaatschap **out, size_t *n, struct err *e)
{
	struct db_stmt *st;
	int64_t sid;

	*out = NULL;
	*n = 0;
	if (samenwerking_id(s, code, &sid, NULL, e))
		return e->status;
	if (!(st = stmt(s, Q_SW_LEDEN, e)))
		return e->status;
	bind_int(st, 1, sid);
	return read_leden(s, a, st, out, n, e);
}

/* ---- units ---- */

static void
read_eenheid(struct arena *a, struct db_stmt *st, int col, struct eenheid *u)
{
	u->id = db_col_int(st, col);
	u->code = col_text(a, st, col + 1);
	u->naam = col_text(a, st, col + 2);
	eenheid_soort_parse(db_col_text(st, col + 3), &u->soort);
	u->samenwerking = col_text(a, st, col + 4);
	u->omschrijving = col_text(a, st, col + 5);
	u->verzonnen = (int)db_col_int(st, col + 6) != 0;
}

static void
read_inrichting(struct store *s, struct arena *a, struct db_stmt *st, int col,
		struct inrichting *r)
{
	r->id = db_col_int(st, col);
	r->periode.van = col_date(st, col + 1);
	r->periode.tot = col_date(st, col + 2);
	vorm_parse(db_col_text(st, col + 3), &r->vorm);
	r->gemeente = col_text(a, st, col + 4);
	r->gemeente_naam = col_text(a, st, col + 5);
	r->regeling = col_text(a, st, col + 6);
	r->regeling_naam = col_text(a, st, col + 7);
	read_besluit_ref(s, a, st, col + 8, &r->besluit,
			 &r->besluit_organisatie, &r->besluit_onderwerp);
}

static enum status
read_hist(struct store *s, struct arena *a, int64_t eid,
	  struct inrichting **out, size_t *n, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_INRICHTING_HIST, e);
	size_t cap = 0;
	int r;

	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	bind_int(st, 1, eid);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		read_inrichting(s, a, st, 0, &(*out)[*n - 1]);
	}
	return r < 0 ? e->status : ST_OK;
}

/*
 * Insert one arrangement period of unit `eid` of cooperation `sid`,
 * resolving its codes; its decision must be one of the cooperation's
 * organisations that the actor may read.
 */
static enum status
insert_inrichting(struct store *s, int64_t sid, int64_t eid,
		  const struct inrichting *r, size_t idx, int64_t *besluit,
		  struct err *e)
{
	struct db_stmt *st;
	int64_t gid = 0, rid = 0, bid = 0;
	char field[64];

	if (r->gemeente && *r->gemeente) {
		snprintf(field, sizeof(field), "inrichting[%zu].gemeente", idx);
		org_id(s, r->gemeente, ORG_GEMEENTE, field, &gid, e);
	}
	if (r->regeling && *r->regeling) {
		snprintf(field, sizeof(field), "inrichting[%zu].regeling", idx);
		org_id(s, r->regeling, ORG_REGELING, field, &rid, e);
	}
	snprintf(field, sizeof(field), "inrichting[%zu].besluit", idx);
	besluit_ref_id(s, r->besluit, r->besluit_organisatie, sid, NULL, field,
		       &bid, e);
	if (besluit)
		*besluit = bid;
	if (e->status != ST_OK)
		return e->status;
	if (!(st = stmt(s, Q_INRICHTING_INSERT, e)))
		return e->status;
	bind_int(st, 1, eid);
	bind_date(st, 2, r->periode.van);
	bind_date(st, 3, r->periode.tot);
	bind_text(st, 4, vorm_name(r->vorm));
	bind_id(st, 5, gid);
	bind_id(st, 6, rid);
	bind_int(st, 7, bid);
	return run(s, st, e);
}

enum status
store_eenheid_add(struct store *s, const struct eenheid *u,
		  const struct inrichting *hist, size_t n, struct err *e)
{
	struct arena a;
	struct lidmaatschap *leden = NULL;
	struct inrichting *h = NULL;
	size_t nleden = 0;
	struct db_stmt *st;
	enum status rc;
	int64_t sid = 0, eid, dummy;
	day_t sinds = DATE_NONE;
	struct err probe;

	arena_init(&a, 1 << 20);
	reg_check_eenheid(u, e);
	if (n == 0)
		err_invalid(e, "inrichting", "required",
			    "Een eenheid heeft ten minste één periode van "
			    "inrichting.");
	if ((rc = tx_begin(s, e)))
		goto out_free;
	if (samenwerking_id(s, u->samenwerking, &sid, &sinds, e) ==
	    ST_NOT_FOUND) {
		e->status = ST_OK;
		err_invalid(e, "samenwerking", "unknown",
			    "Samenwerking %.20s bestaat niet.",
			    u->samenwerking ? u->samenwerking : "");
	}
	err_clear(&probe);
	if (u->code &&
	    eenheid_id(s, u->code, &dummy, NULL, &a, &probe) == ST_OK)
		err_invalid(e, "code", "unique",
			    "Er is al een eenheid met code %s.", u->code);
	if (sid && store_samenwerking_leden(s, &a, u->samenwerking, &leden,
					    &nleden, e) == ST_INTERNAL)
		goto out;
	/* Close each period at the next one's start. */
	if (n && !(h = arena_calloc(&a, n, sizeof(*h)))) {
		nomem(e);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		h[i] = hist[i];
		if (i + 1 < n && h[i].periode.tot == DATE_NONE)
			h[i].periode.tot = hist[i + 1].periode.van;
	}
	reg_check_inrichting(h, n, leden, nleden, sinds, e);
	if (e->status != ST_OK)
		goto out;
	if (!(st = stmt(s, Q_EENHEID_INSERT, e)))
		goto out;
	bind_int(st, 1, sid);
	bind_text(st, 2, u->code);
	bind_text(st, 3, u->naam);
	bind_text(st, 4, eenheid_soort_name(u->soort));
	bind_text(st, 5, u->omschrijving);
	bind_int(st, 6, u->verzonnen);
	if (run_id(s, st, &eid, e))
		goto out;
	for (size_t i = 0; i < n; i++)
		if (insert_inrichting(s, sid, eid, &h[i], i, NULL, e))
			break;
	s->scope = u->samenwerking;
	if (e->status == ST_OK)
		audit_append(s, "create", 201, "eenheid", NULL, u->code, NULL,
			     NULL,
			     jobj(&s->scratch, "code", u->code, "naam", u->naam,
				  "samenwerking", u->samenwerking, "vorm",
				  n ? vorm_name(h[0].vorm) : NULL, "van",
				  n ? iso(&s->scratch, h[0].periode.van) : NULL,
				  NULL),
			     e);
out:
	rc = tx_end(s, e->status, e);
out_free:
	arena_free(&a);
	return rc;
}

enum status
store_eenheid_get(struct store *s, struct arena *a, const char *code,
		  struct eenheid *out, struct inrichting **hist, size_t *n,
		  struct err *e)
{
	struct db_stmt *st =
		row_by_key(s, Q_EENHEID_GET, code, "Eenheid", 64, e);

	if (!st)
		return e->status;
	read_eenheid(a, st, 0, out);
	return read_hist(s, a, out->id, hist, n, e);
}

enum status
store_eenheid_list(struct store *s, struct arena *a, const char *samenwerking,
		   struct eenheid **out, size_t *n, struct err *e)
{
	struct db_stmt *st;
	size_t cap = 0;
	int64_t sid;
	int r;

	*out = NULL;
	*n = 0;
	if (samenwerking && samenwerking_id(s, samenwerking, &sid, NULL, e))
		return e->status;
	st = stmt(s, samenwerking ? Q_EENHEID_LIST : Q_EENHEID_LIST_ALL, e);
	if (!st)
		return e->status;
	if (samenwerking)
		bind_text(st, 1, samenwerking);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		read_eenheid(a, st, 0, &(*out)[*n - 1]);
	}
	return r < 0 ? e->status : ST_OK;
}

static int
same_text(const char *a, const char *b)
{
	if (!a || !*a)
		return !b || !*b;
	return b && strcmp(a, b) == 0;
}

enum status
store_eenheid_wijzig(struct store *s, const char *code,
		     const struct inrichting *nieuw, struct err *e)
{
	struct arena a;
	struct eenheid u;
	struct inrichting *hist, *h;
	struct lidmaatschap *leden;
	struct samenwerking sw;
	size_t n = 0, nleden;
	struct db_stmt *st;
	enum status rc;
	const struct zicht *z;
	char d[32];

	arena_init(&a, 1 << 20);
	if ((rc = tx_begin(s, e))) {
		arena_free(&a);
		return rc;
	}
	/* The history as stored, whoever may read its decisions. */
	z = s->zicht;
	s->zicht = &zicht_alles;
	rc = store_eenheid_get(s, &a, code, &u, &hist, &n, e) ||
	     store_samenwerking_get(s, &a, u.samenwerking, &sw, e) ||
	     store_samenwerking_leden(s, &a, u.samenwerking, &leden, &nleden,
				      e);
	s->zicht = z;
	if (rc)
		goto out;
	if (nieuw->periode.van == DATE_NONE) {
		err_invalid(
			e, "van", "required",
			"Vul de datum in vanaf wanneer de nieuwe inrichting "
			"geldt.");
		goto out;
	}
	if (n > 0 && nieuw->periode.van <= hist[n - 1].periode.van) {
		date_format_nl(hist[n - 1].periode.van, d, sizeof(d));
		err_invalid(e, "van", "order",
			    "De laatste wijziging gaat in op %s; een nieuwe "
			    "wijziging moet daarna ingaan.",
			    d);
		goto out;
	}
	if (n > 0 && hist[n - 1].periode.tot != DATE_NONE &&
	    nieuw->periode.van > hist[n - 1].periode.tot) {
		/* Reported as a gap by the check below. */
	} else if (n > 0 && hist[n - 1].vorm == nieuw->vorm &&
		   same_text(hist[n - 1].gemeente, nieuw->gemeente) &&
		   same_text(hist[n - 1].regeling, nieuw->regeling) &&
		   hist[n - 1].periode.tot == DATE_NONE) {
		err_invalid(
			e, "vorm", "no-change",
			"De eenheid is al %s ingericht; er verandert niets.",
			vorm_name(nieuw->vorm));
		goto out;
	}
	if (!(h = arena_grow(&a, hist, n, n + 1, sizeof(*h)))) {
		nomem(e);
		goto out;
	}
	h[n] = *nieuw;
	if (n > 0 && h[n - 1].periode.tot == DATE_NONE)
		h[n - 1].periode.tot = nieuw->periode.van;
	if (reg_check_inrichting(h, n + 1, leden, nleden, sw.sinds, e))
		goto out;
	if (n > 0 && hist[n - 1].periode.tot == DATE_NONE) {
		if (!(st = stmt(s, Q_INRICHTING_CLOSE, e)))
			goto out;
		bind_int(st, 1, h[n - 1].id);
		bind_date(st, 2, nieuw->periode.van);
		if (run(s, st, e))
			goto out;
	}
	s->scope = u.samenwerking;
	if (insert_inrichting(s, sw.id, u.id, &h[n], n, &s->audit_besluit, e) ==
	    ST_OK)
		audit_append(s, "create", 201, "inrichting", NULL, code, NULL,
			     n ? jobj(&s->scratch, "vorm",
				      vorm_name(hist[n - 1].vorm), "gemeente",
				      hist[n - 1].gemeente, "regeling",
				      hist[n - 1].regeling, "van",
				      iso(&s->scratch, hist[n - 1].periode.van),
				      NULL)
			       : NULL,
			     jobj(&s->scratch, "van",
				  iso(&s->scratch, nieuw->periode.van), "vorm",
				  vorm_name(nieuw->vorm), "gemeente",
				  nieuw->gemeente, "regeling", nieuw->regeling,
				  "besluit", nieuw->besluit, NULL),
			     e);
out:
	/* Name the new period's fields as the caller did: without index. */
	for (size_t i = 0; i < e->nproblems; i++) {
		char prefix[48];
		size_t pl;

		snprintf(prefix, sizeof(prefix), "inrichting[%zu].", n);
		pl = strlen(prefix);
		if (strncmp(e->problems[i].name, prefix, pl) == 0)
			memmove(e->problems[i].name, e->problems[i].name + pl,
				strlen(e->problems[i].name) - pl + 1);
	}
	rc = tx_end(s, e->status, e);
	arena_free(&a);
	return rc;
}

enum status
store_eenheden_op(struct store *s, struct arena *a, const char *samenwerking,
		  day_t op, struct eenheid_op **out, size_t *n, struct err *e)
{
	struct db_stmt *st;
	size_t cap = 0;
	int64_t sid;
	int r;

	*out = NULL;
	*n = 0;
	if (samenwerking_id(s, samenwerking, &sid, NULL, e))
		return e->status;
	if (!(st = stmt(s, Q_INRICHTING_OP, e)))
		return e->status;
	bind_text(st, 1, samenwerking);
	bind_date(st, 2, op);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		struct eenheid_op *x = &(*out)[*n - 1];
		read_eenheid(a, st, 0, &x->eenheid);
		x->heeft_inrichting = !col_is_null(st, 7);
		if (x->heeft_inrichting)
			read_inrichting(s, a, st, 7, &x->inrichting);
	}
	return r < 0 ? e->status : ST_OK;
}

/* ---- framework articles ---- */

enum status
store_kader_artikel_add(struct store *s, const char *samenwerking,
			const struct kader_artikel *k, struct err *e)
{
	struct db_stmt *st;
	enum status rc;
	int64_t sid, aid, vid, bid = 0, eid;
	char field[64];
	struct arena a;

	arena_init(&a, 1 << 16);
	reg_check_kader_artikel(k, e);
	if ((rc = tx_begin(s, e)))
		goto out_free;
	if (samenwerking_id(s, samenwerking, &sid, NULL, e) || e->status)
		goto out;
	if (!(st = stmt(s, Q_KADER_ARTIKEL_INSERT, e)))
		goto out;
	bind_int(st, 1, sid);
	bind_int(st, 2, k->nummer);
	bind_text(st, 3, k->titel);
	if (insert_id(s, st, &aid) != DB_OK) {
		if (db_laatste(s->db) == DB_UNIQUE)
			err_invalid(e, "nummer", "unique",
				    "Artikel %d bestaat al in deze "
				    "samenwerking.",
				    k->nummer);
		else
			db_error(s, e, "insert kader_artikel");
		goto out;
	}
	for (size_t i = 0; i < k->nversies; i++) {
		const struct kader_versie *v = &k->versies[i];

		snprintf(field, sizeof(field), "versies[%zu].besluit", i);
		if (besluit_ref_id(s, v->besluit, v->besluit_organisatie, sid,
				   NULL, field, &bid, e))
			goto out;
		if (!(st = stmt(s, Q_KADER_VERSIE_INSERT, e)))
			goto out;
		bind_int(st, 1, aid);
		bind_date(st, 2, v->periode.van);
		bind_date(st, 3, v->periode.tot);
		bind_text(st, 4, v->tekst);
		bind_int(st, 5, bid);
		if (run_id(s, st, &vid, e))
			goto out;
		for (size_t j = 0; j < v->neenheden; j++) {
			const char *sw = NULL;

			if (eenheid_id(s, v->eenheden[j], &eid, &sw, &a, e)) {
				e->status = ST_OK;
				snprintf(field, sizeof(field),
					 "versies[%zu].eenheden[%zu]", i, j);
				err_invalid(e, field, "unknown",
					    "Eenheid %.64s bestaat niet.",
					    v->eenheden[j]);
				goto out;
			}
			if (!sw || strcmp(sw, samenwerking) != 0) {
				snprintf(field, sizeof(field),
					 "versies[%zu].eenheden[%zu]", i, j);
				err_invalid(
					e, field, "other-cooperation",
					"Eenheid %.64s hoort bij een andere "
					"samenwerking.",
					v->eenheden[j]);
				goto out;
			}
			if (!(st = stmt(s, Q_KADER_EENHEID_INSERT, e)))
				goto out;
			bind_int(st, 1, vid);
			bind_int(st, 2, eid);
			if (run(s, st, e))
				goto out;
		}
	}
	{
		char num[16];
		snprintf(num, sizeof(num), "%d", k->nummer);
		s->scope = samenwerking;
		audit_append(s, "create", 201, "kaderartikel", NULL, num,
			     samenwerking, NULL,
			     jobj(&s->scratch, "samenwerking", samenwerking,
				  "nummer", num, "titel", k->titel, NULL),
			     e);
	}
out:
	rc = tx_end(s, e->status, e);
out_free:
	arena_free(&a);
	return rc;
}

enum status
store_kader_list(struct store *s, struct arena *a, const char *samenwerking,
		 day_t op, struct kader_artikel **out, size_t *n, struct err *e)
{
	struct db_stmt *st;
	struct kader_artikel *arts = NULL;
	size_t narts = 0, cap = 0;
	int64_t sid;
	int r;

	*out = NULL;
	*n = 0;
	if (samenwerking_id(s, samenwerking, &sid, NULL, e))
		return e->status;
	if (!(st = stmt(s, Q_KADER_ARTIKELEN, e)))
		return e->status;
	bind_text(st, 1, samenwerking);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, arts, narts, cap))
			return nomem(e);
		struct kader_artikel *k = &arts[narts - 1];
		k->id = db_col_int(st, 0);
		k->nummer = (int)db_col_int(st, 1);
		k->titel = col_text(a, st, 2);
	}
	if (r < 0)
		return e->status;
	for (size_t i = 0; i < narts; i++) {
		struct kader_artikel *k = &arts[i];
		size_t vcap = 0;

		if (!(st = stmt(s, Q_KADER_VERSIES, e)))
			return e->status;
		bind_int(st, 1, k->id);
		bind_date(st, 2, op);
		while ((r = next_row(s, st, e)) == 1) {
			if (!PUSH(a, k->versies, k->nversies, vcap))
				return nomem(e);
			struct kader_versie *v = &k->versies[k->nversies - 1];
			v->id = db_col_int(st, 0);
			v->periode.van = col_date(st, 1);
			v->periode.tot = col_date(st, 2);
			v->tekst = col_text(a, st, 3);
			read_besluit_ref(s, a, st, 4, &v->besluit,
					 &v->besluit_organisatie, NULL);
		}
		if (r < 0)
			return e->status;
		for (size_t j = 0; j < k->nversies; j++) {
			struct kader_versie *v = &k->versies[j];
			size_t ecap = 0;

			if (!(st = stmt(s, Q_KADER_EENHEDEN, e)))
				return e->status;
			bind_int(st, 1, v->id);
			while ((r = next_row(s, st, e)) == 1) {
				if (!PUSH(a, v->eenheden, v->neenheden, ecap))
					return nomem(e);
				v->eenheden[v->neenheden - 1] =
					col_text(a, st, 0);
			}
			if (r < 0)
				return e->status;
		}
	}
	/* With a date, leave out articles not in force then. */
	for (size_t i = 0; i < narts; i++)
		if (op == DATE_NONE || arts[i].nversies > 0)
			arts[(*n)++] = arts[i];
	*out = arts;
	return ST_OK;
}

/* ---- workstreams ---- */

enum status
store_werkstroom_add(struct store *s, const struct werkstroom *w, struct err *e)
{
	struct db_stmt *st;
	enum status rc;
	int64_t sid, wid;

	reg_check_werkstroom(w, e);
	if ((rc = tx_begin(s, e)))
		return rc;
	if (samenwerking_id(s, w->samenwerking, &sid, NULL, e) || e->status)
		goto out;
	if (!(st = stmt(s, Q_WERKSTROOM_INSERT, e)))
		goto out;
	bind_int(st, 1, sid);
	bind_text(st, 2, w->code);
	bind_text(st, 3, w->naam);
	bind_text(st, 4, w->eigenaar);
	bind_text(st, 5, w->omschrijving);
	if (insert_id(s, st, &wid) != DB_OK) {
		if (db_laatste(s->db) == DB_UNIQUE)
			err_invalid(e, "code", "unique",
				    "Er is al een werkstroom met code %s.",
				    w->code);
		else
			db_error(s, e, "insert werkstroom");
		goto out;
	}
	for (size_t i = 0; i < w->nmijlpalen; i++) {
		const struct mijlpaal *m = &w->mijlpalen[i];

		if (!(st = stmt(s, Q_MIJLPAAL_INSERT, e)))
			goto out;
		bind_int(st, 1, wid);
		bind_text(st, 2, m->naam);
		bind_date(st, 3, m->gepland);
		bind_text(st, 4, mijlpaal_status_name(m->status));
		bind_text(st, 5, m->uitkomst);
		bind_int(st, 6, m->verzonnen);
		if (run(s, st, e))
			goto out;
	}
	s->scope = w->samenwerking;
	audit_append(s, "create", 201, "werkstroom", NULL, w->code, NULL, NULL,
		     jobj(&s->scratch, "code", w->code, "naam", w->naam,
			  "samenwerking", w->samenwerking, "eigenaar",
			  w->eigenaar, NULL),
		     e);
out:
	return tx_end(s, e->status, e);
}

enum status
store_werkstroom_list(struct store *s, struct arena *a,
		      const char *samenwerking, struct werkstroom **out,
		      size_t *n, struct err *e)
{
	struct db_stmt *st;
	size_t cap = 0;
	int64_t sid;
	int r;

	*out = NULL;
	*n = 0;
	if (samenwerking && samenwerking_id(s, samenwerking, &sid, NULL, e))
		return e->status;
	st = stmt(s, samenwerking ? Q_WERKSTROOM_LIST : Q_WERKSTROOM_LIST_ALL,
		  e);
	if (!st)
		return e->status;
	if (samenwerking)
		bind_text(st, 1, samenwerking);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		struct werkstroom *w = &(*out)[*n - 1];
		w->id = db_col_int(st, 0);
		w->code = col_text(a, st, 1);
		w->naam = col_text(a, st, 2);
		w->eigenaar = col_text(a, st, 3);
		w->omschrijving = col_text(a, st, 4);
		w->samenwerking = col_text(a, st, 5);
	}
	if (r < 0)
		return e->status;
	for (size_t i = 0; i < *n; i++) {
		struct werkstroom *w = &(*out)[i];
		size_t mcap = 0;

		if (!(st = stmt(s, Q_MIJLPALEN, e)))
			return e->status;
		bind_int(st, 1, w->id);
		while ((r = next_row(s, st, e)) == 1) {
			if (!PUSH(a, w->mijlpalen, w->nmijlpalen, mcap))
				return nomem(e);
			struct mijlpaal *m = &w->mijlpalen[w->nmijlpalen - 1];
			m->id = db_col_int(st, 0);
			m->naam = col_text(a, st, 1);
			m->gepland = col_date(st, 2);
			mijlpaal_status_parse(db_col_text(st, 3), &m->status);
			m->uitkomst = col_text(a, st, 4);
			m->verzonnen = (int)db_col_int(st, 5) != 0;
		}
		if (r < 0)
			return e->status;
	}
	return ST_OK;
}

/* ---- taakvelden ---- */

enum status
store_taakveld_add(struct store *s, const struct taakveld *t, struct err *e)
{
	struct db_stmt *st;
	enum status rc;

	if (!t->code || !*t->code)
		err_invalid(e, "code", "required", "Vul de code in.");
	if (!t->naam || !*t->naam)
		err_invalid(e, "naam", "required", "Vul de naam in.");
	if (t->eerste_jaar && t->laatste_jaar &&
	    t->laatste_jaar < t->eerste_jaar)
		err_invalid(e, "laatste_jaar", "before-start",
			    "Het laatste jaar ligt vóór het eerste.");
	if (e->status)
		return e->status;
	if ((rc = tx_begin(s, e)))
		return rc;
	if (!(st = stmt(s, Q_TAAKVELD_INSERT, e)))
		return tx_end(s, e->status, e);
	bind_text(st, 1, t->code);
	bind_text(st, 2, t->naam);
	bind_text(st, 3, t->hoofdtaakveld);
	bind_text(st, 4, t->hoofdtaakveld_naam);
	if (t->eerste_jaar)
		bind_int(st, 5, t->eerste_jaar);
	else
		bind_null(st, 5);
	if (t->laatste_jaar)
		bind_int(st, 6, t->laatste_jaar);
	else
		bind_null(st, 6);
	if (db_step(st) < 0) {
		if (db_laatste(s->db) == DB_UNIQUE)
			rc = err_invalid(e, "code", "unique",
					 "Taakveld %s bestaat al.", t->code);
		else
			rc = db_error(s, e, "insert taakveld");
	}
	db_reset(st);
	if (rc == ST_OK)
		rc = audit_append(s, "create", 201, "taakveld", NULL, t->code,
				  NULL, NULL,
				  jobj(&s->scratch, "code", t->code, "naam",
				       t->naam, NULL),
				  e);
	return tx_end(s, rc, e);
}

enum status
store_taakveld_list(struct store *s, struct arena *a, int jaar,
		    struct taakveld **out, size_t *n, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_TAAKVELD_LIST, e);
	size_t cap = 0;
	int r;

	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	if (jaar > 0)
		bind_int(st, 1, jaar);
	else
		bind_null(st, 1);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		struct taakveld *t = &(*out)[*n - 1];
		t->code = col_text(a, st, 0);
		t->naam = col_text(a, st, 1);
		t->hoofdtaakveld = col_text(a, st, 2);
		t->hoofdtaakveld_naam = col_text(a, st, 3);
		t->eerste_jaar =
			col_is_null(st, 4) ? 0 : (int)db_col_int(st, 4);
		t->laatste_jaar =
			col_is_null(st, 5) ? 0 : (int)db_col_int(st, 5);
	}
	return r < 0 ? e->status : ST_OK;
}
