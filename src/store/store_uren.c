/*
 * store_uren.c - the staff register and the hours (docs/hours-file.md).
 *
 * An hours file is checked by the pure rules (uren_import_controleer)
 * against the register read here; storing it is one transaction that
 * writes the batch, its rows with one prepared statement, and the hours
 * per unit, municipality and day (uren_cel) that totals and the framework
 * check read.
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_intern.h"
#include "../core/text.h"
#include "../banned.h"

/* ---- staff ---- */

static void
read_medewerker(struct store *s, struct arena *a, struct db_stmt *st,
		void *elem)
{
	struct medewerker *m = elem;

	m->id = db_col_int(st, 0);
	m->nummer = col_text(a, st, 1);
	m->naam = col_text(a, st, 2);
	m->werkgever = col_text(a, st, 3);
	m->werkgever_naam = col_text(a, st, 4);
	m->eenheid = col_text(a, st, 5);
	m->eenheid_naam = col_text(a, st, 6);
	m->standplaats = col_text(a, st, 7);
	m->fte = (int)db_col_int(st, 8);
	m->periode.van = col_date(st, 9);
	m->periode.tot = col_date(st, 10);
	m->bron_batch = db_col_int(st, 11);
	m->samenwerking = col_text(a, st, 12);
}

/* Staff matching, that the connection's viewer keeps. */
static enum status
medewerkers_lezen(struct store *s, struct arena *a, const char *samenwerking,
		  const char *zoek, const char *nummer, struct medewerker **out,
		  size_t *n, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_MW_LIST, e);
	void *arr;

	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	bind_text(st, 1, samenwerking);
	bind_zoek(st, 2, zoek);
	bind_text(st, 3, nummer);
	bind_int(st, 4, s->zicht && s->zicht->alles);
	bind_text(st, 5, s->zicht_beheer);
	if (rows_read(s, a, st, sizeof(**out), read_medewerker, &arr, n, e))
		return e->status;
	*out = arr;
	return ST_OK;
}

enum status
store_medewerker_list(struct store *s, struct arena *a,
		      const char *samenwerking, const char *zoek,
		      struct medewerker **out, size_t *n, struct err *e)
{
	return medewerkers_lezen(s, a, samenwerking, zoek, NULL, out, n, e);
}

enum status
store_medewerker_get(struct store *s, struct arena *a, const char *nummer,
		     const char *samenwerking, const char *veld,
		     struct medewerker *out, struct err *e)
{
	struct medewerker *m;
	size_t n;

	memset(out, 0, sizeof(*out));
	if (medewerkers_lezen(s, a, samenwerking, NULL, nummer ? nummer : "",
			      &m, &n, e))
		return e->status;
	if (n == 0)
		return err_set(e, ST_NOT_FOUND,
			       "Medewerker %.32s staat niet in het register.",
			       nummer ? nummer : "");
	if (n > 1)
		return err_invalid(e, veld, "ambiguous",
				   "Personeelsnummer %.32s bestaat in meer "
				   "dan één samenwerking; noem de "
				   "samenwerking.",
				   nummer);
	*out = m[0];
	return ST_OK;
}

enum status
store_medewerker_list_gemeente(struct store *s, struct arena *a,
			       const char *gemeente, struct medewerker **out,
			       size_t *n, struct err *e)
{
	const struct zicht *z = s->zicht;
	struct samenwerking *sw;
	struct medewerker *all = NULL;
	size_t nsw, nall = 0;

	*out = NULL;
	*n = 0;
	if (store_samenwerking_list(s, a, &sw, &nsw, e))
		return e->status;
	for (size_t i = 0; i < nsw; i++) {
		struct lidmaatschap *l;
		struct medewerker *m, *grow;
		size_t nl, nm;
		bool lid = false;

		if (store_samenwerking_leden(s, a, sw[i].code, &l, &nl, e))
			return e->status;
		for (size_t k = 0; k < nl && !lid; k++)
			lid = gemeente && strcmp(l[k].gemeente, gemeente) == 0;
		if (!lid)
			continue;
		/* The caller has decided the principal may roster them. */
		s->zicht = &zicht_alles;
		medewerkers_lezen(s, a, sw[i].code, NULL, NULL, &m, &nm, e);
		s->zicht = z;
		if (e->status)
			return e->status;
		if (nm == 0)
			continue;
		grow = arena_calloc(a, nall + nm, sizeof(*grow));
		if (!grow)
			return nomem(e);
		if (nall)
			memcpy(grow, all, nall * sizeof(*grow));
		memcpy(grow + nall, m, nm * sizeof(*grow));
		all = grow;
		nall += nm;
	}
	*out = all;
	*n = nall;
	return ST_OK;
}

/*
 * Check a record and resolve its employer and unit; problems are named
 * `<prefix>veld` ("regel 3: fte" for imports, "fte" otherwise).
 */
static void
medewerker_controleren(struct store *s, const struct medewerker *m,
		       const char *prefix, int64_t *werkgever, int64_t *eenheid,
		       int64_t *samenwerking, struct err *e)
{
	char naam[64];
	struct arena a;
	struct err probe;
	const char *sw = NULL;

	*werkgever = *eenheid = *samenwerking = 0;
#define VELD(f) (snprintf(naam, sizeof(naam), "%s%s", prefix, f), naam)
	medewerker_check(m, prefix, e);
	arena_init(&a, 1 << 16);
	err_clear(&probe);
	if (m->werkgever && *m->werkgever) {
		struct db_stmt *st = stmt(s, Q_ORG_ID, &probe);

		if (st) {
			bind_text(st, 1, m->werkgever);
			if (next_row(s, st, &probe) == 1)
				*werkgever = db_col_int(st, 0);
			db_reset(st);
		}
		if (!*werkgever)
			err_invalid(e, VELD("werkgever"), "unknown",
				    "Werkgever %.20s staat niet in het "
				    "register (schrijf de code, zoals "
				    "GM0397).",
				    m->werkgever);
	} else {
		err_invalid(e, VELD("werkgever"), "required",
			    "Vul de werkgever in (de code, zoals GM0397).");
	}
	err_clear(&probe);
	if (m->eenheid && *m->eenheid) {
		if (eenheid_id(s, m->eenheid, eenheid, &sw, &a, &probe) !=
			    ST_OK ||
		    samenwerking_id(s, sw, samenwerking, NULL, &probe)) {
			*eenheid = *samenwerking = 0;
			err_invalid(e, VELD("eenheid"), "unknown",
				    "Eenheid %.64s staat niet in het register.",
				    m->eenheid);
		} else if (m->samenwerking && strcmp(m->samenwerking, sw)) {
			/* A staff member stays with their cooperation. */
			err_invalid(e, VELD("eenheid"), "other-cooperation",
				    "Eenheid %.64s hoort bij samenwerking "
				    "%.16s; deze medewerker hoort bij %.16s.",
				    m->eenheid, sw, m->samenwerking);
		}
	} else {
		err_invalid(e, VELD("eenheid"), "required",
			    "Vul de eenheid in waar de medewerker werkt.");
	}
#undef VELD
	arena_free(&a);
}

static void
bind_medewerker(struct db_stmt *st, const struct medewerker *m,
		int64_t werkgever, int64_t eenheid, int64_t samenwerking)
{
	bind_int(st, 10, samenwerking);
	bind_text(st, 1, m->nummer);
	bind_text(st, 2, m->naam);
	bind_id(st, 3, werkgever);
	bind_id(st, 4, eenheid);
	bind_text(st, 5,
		  m->standplaats && *m->standplaats ? m->standplaats : NULL);
	if (m->fte > 0)
		bind_int(st, 6, m->fte);
	else
		bind_null(st, 6);
	bind_date(st, 7, m->periode.van);
	bind_date(st, 8, m->periode.tot);
	bind_null(st, 9); /* written by hand, not by an import */
}

static const char *
medewerker_json(struct store *s, const struct medewerker *m)
{
	char fte[16];

	snprintf(fte, sizeof(fte), "%d", m->fte);
	return jobj(&s->scratch, "personeelsnummer", m->nummer, "naam", m->naam,
		    "werkgever", m->werkgever, "eenheid", m->eenheid,
		    "standplaats", m->standplaats, "fte_duizendsten", fte,
		    "van", iso(&s->scratch, m->periode.van), "tot",
		    iso(&s->scratch, m->periode.tot), NULL);
}

/* Insert or (bestaand) update one record inside a transaction. */
static enum status
medewerker_schrijf(struct store *s, const struct medewerker *m, bool bestaand,
		   int64_t werkgever, int64_t eenheid, int64_t samenwerking,
		   const char *sw, struct err *e)
{
	struct db_stmt *st = stmt(s, bestaand ? Q_MW_UPDATE : Q_MW_INSERT, e);

	if (!st)
		return e->status;
	bind_medewerker(st, m, werkgever, eenheid, samenwerking);
	if (run(s, st, e))
		return e->status;
	s->scope = sw;
	return audit_append(s, bestaand ? "update" : "create",
			    bestaand ? 200 : 201, "medewerker", NULL, m->nummer,
			    NULL, NULL, medewerker_json(s, m), e);
}

/*
 * Whether cooperation `samenwerking` (its id) has staff number `nummer`,
 * whoever reads (the uniqueness of a write).
 */
static bool
bestaat(struct store *s, int64_t samenwerking, const char *nummer,
	struct err *e)
{
	struct db_stmt *st = stmt(s, Q_MW_BESTAAT, e);
	int r;

	if (!st || !nummer)
		return false;
	bind_int(st, 1, samenwerking);
	bind_text(st, 2, nummer);
	r = next_row(s, st, e);
	db_reset(st);
	return r == 1;
}

/* The code of the cooperation with id `id` (a unit's), in the scratch. */
static const char *
sw_code(struct store *s, const struct medewerker *m)
{
	struct err probe;
	const char *sw = NULL;
	int64_t dummy;

	err_clear(&probe);
	if (m->eenheid &&
	    eenheid_id(s, m->eenheid, &dummy, &sw, &s->scratch, &probe))
		return NULL;
	return sw;
}

enum status
store_medewerker_add(struct store *s, const struct medewerker *m, struct err *e)
{
	int64_t werkgever, eenheid, sw;
	enum status rc;

	if ((rc = tx_begin(s, e)))
		return rc;
	medewerker_controleren(s, m, "", &werkgever, &eenheid, &sw, e);
	if (e->status == ST_OK && bestaat(s, sw, m->nummer, e))
		err_set(e, ST_CONFLICT,
			"Er is al een medewerker met personeelsnummer %.32s.",
			m->nummer);
	if (e->status == ST_OK)
		medewerker_schrijf(s, m, false, werkgever, eenheid, sw,
				   sw_code(s, m), e);
	return tx_end(s, e->status, e);
}

enum status
store_medewerker_wijzig(struct store *s, const struct medewerker *oud,
			const struct medewerker *m, struct err *e)
{
	struct medewerker kopie = *m;
	int64_t werkgever, eenheid, sw;
	enum status rc;

	kopie.nummer = oud->nummer;
	kopie.samenwerking = oud->samenwerking;
	if ((rc = tx_begin(s, e)))
		return rc;
	medewerker_controleren(s, &kopie, "", &werkgever, &eenheid, &sw, e);
	if (e->status == ST_OK && !bestaat(s, sw, oud->nummer, e) &&
	    e->status == ST_OK)
		err_set(e, ST_NOT_FOUND,
			"Medewerker %.32s staat niet in het register.",
			oud->nummer ? oud->nummer : "");
	if (e->status == ST_OK)
		medewerker_schrijf(s, &kopie, true, werkgever, eenheid, sw,
				   oud->samenwerking, e);
	return tx_end(s, e->status, e);
}

enum status
store_medewerkers_import(struct store *s, const struct medewerker *m, size_t n,
			 size_t *nieuw, size_t *gewijzigd, struct err *e)
{
	int64_t *werkgever = calloc(n + 1, sizeof(*werkgever));
	int64_t *eenheid = calloc(n + 1, sizeof(*eenheid));
	int64_t *sw = calloc(n + 1, sizeof(*sw));
	enum status rc;
	char prefix[40];

	*nieuw = *gewijzigd = 0;
	if (!werkgever || !eenheid || !sw) {
		free(werkgever);
		free(eenheid);
		free(sw);
		return nomem(e);
	}
	if ((rc = tx_begin(s, e))) {
		free(werkgever);
		free(eenheid);
		free(sw);
		return rc;
	}
	for (size_t i = 0; i < n; i++) {
		snprintf(prefix, sizeof(prefix), "regel %" PRId64 ": ",
			 m[i].id);
		medewerker_controleren(s, &m[i], prefix, &werkgever[i],
				       &eenheid[i], &sw[i], e);
		for (size_t j = 0; j < i && m[i].nummer; j++)
			if (m[j].nummer && sw[j] == sw[i] &&
			    strcmp(m[j].nummer, m[i].nummer) == 0) {
				snprintf(prefix, sizeof(prefix),
					 "regel %" PRId64 ": personeelsnummer",
					 m[i].id);
				err_invalid(e, prefix, "duplicate",
					    "Personeelsnummer %.32s staat ook "
					    "op regel %" PRId64 ".",
					    m[i].nummer, m[j].id);
				break;
			}
	}
	for (size_t i = 0; i < n && e->status == ST_OK; i++) {
		bool bestaand = bestaat(s, sw[i], m[i].nummer, e);

		if (e->status != ST_OK)
			break;
		if (medewerker_schrijf(s, &m[i], bestaand, werkgever[i],
				       eenheid[i], sw[i], sw_code(s, &m[i]), e))
			break;
		if (bestaand)
			(*gewijzigd)++;
		else
			(*nieuw)++;
	}
	free(werkgever);
	free(eenheid);
	free(sw);
	rc = tx_end(s, e->status, e);
	if (rc != ST_OK)
		*nieuw = *gewijzigd = 0;
	return rc;
}

/* ---- the register for the import ---- */

enum status
store_uren_register(struct store *s, struct arena *a, struct uren_register *out,
		    struct err *e)
{
	struct organisatie *gm;
	struct samenwerking *sw;
	struct eenheid *units;
	struct medewerker *mw;
	struct taakveld *tv;
	struct uren_samenwerking *usw;
	struct uren_eenheid *ue;
	struct uren_medewerker *um;
	size_t ngm, nsw, nunits, nmw, ntv;
	const struct zicht *z = s->zicht;
	enum status rc;

	memset(out, 0, sizeof(*out));
	/* Every cooperation's staff: the check looks each number up within
	 * the cooperation of the row's unit. */
	s->zicht = &zicht_alles;
	rc = store_medewerker_list(s, a, NULL, NULL, &mw, &nmw, e);
	s->zicht = z;
	if (rc || store_organisatie_list(s, a, ORG_GEMEENTE, &gm, &ngm, e) ||
	    store_samenwerking_list(s, a, &sw, &nsw, e) ||
	    store_eenheid_list(s, a, NULL, &units, &nunits, e) ||
	    store_taakveld_list(s, a, 0, &tv, &ntv, e))
		return e->status;
	usw = arena_calloc(a, nsw + 1, sizeof(*usw));
	ue = arena_calloc(a, nunits + 1, sizeof(*ue));
	um = arena_calloc(a, nmw + 1, sizeof(*um));
	if (!usw || !ue || !um)
		return nomem(e);
	for (size_t i = 0; i < nsw; i++) {
		struct lidmaatschap *leden;
		struct kader_artikel *kader;

		usw[i].code = sw[i].code;
		if (store_samenwerking_leden(s, a, sw[i].code, &leden,
					     &usw[i].nleden, e) ||
		    store_kader_list(s, a, sw[i].code, DATE_NONE, &kader,
				     &usw[i].nkader, e))
			return e->status;
		usw[i].leden = leden;
		usw[i].kader = kader;
	}
	for (size_t i = 0; i < nunits; i++) {
		struct inrichting *hist;
		struct eenheid u;

		if (store_eenheid_get(s, a, units[i].code, &u, &hist,
				      &ue[i].ninrichting, e))
			return e->status;
		ue[i].id = u.id;
		ue[i].code = u.code;
		ue[i].naam = u.naam;
		ue[i].samenwerking = u.samenwerking;
		ue[i].inrichting = hist;
	}
	for (size_t i = 0; i < nmw; i++) {
		um[i].id = mw[i].id;
		um[i].samenwerking = mw[i].samenwerking;
		um[i].nummer = mw[i].nummer;
		um[i].periode = mw[i].periode;
	}
	out->gemeenten = gm;
	out->ngemeenten = ngm;
	out->samenwerkingen = usw;
	out->nsamenwerkingen = nsw;
	out->eenheden = ue;
	out->neenheden = nunits;
	out->medewerkers = um;
	out->nmedewerkers = nmw;
	out->taakvelden = tv;
	out->ntaakvelden = ntv;
	return ST_OK;
}

/* ---- batches ---- */

static void
read_batch(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct uren_batch *b = elem;
	const char *h = db_col_text(st, 1);

	memset(b, 0, sizeof(*b));
	b->id = db_col_int(st, 0);
	snprintf(b->hash, sizeof(b->hash), "%s", h ? h : "");
	b->bestand = col_text(a, st, 2);
	b->ingelezen = col_text(a, st, 3);
	b->door = col_text(a, st, 4);
	b->rijen = db_col_int(st, 5);
	b->honderdsten = db_col_int(st, 6);
	b->medewerkers = db_col_int(st, 7);
	b->gemeenten = db_col_int(st, 8);
	b->afwijkingen = db_col_int(st, 9);
	b->van = col_date(st, 10);
	b->tot = col_date(st, 11);
	b->vervangen_door = db_col_int(st, 12);
	b->samenwerking = col_text(a, st, 15);
	b->balie = db_col_text(st, 16) &&
		   strcmp(db_col_text(st, 16), "balie") == 0;
}

static enum status
batch_get(struct store *s, struct arena *a, int64_t id, struct uren_batch *b,
	  int64_t *eerste, int64_t *laatste, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_UREN_BATCH_LIST, e);
	int r;

	if (!st)
		return e->status;
	bind_int(st, 1, id);
	bind_int(st, 2, s->zicht && s->zicht->alles);
	bind_text(st, 3, s->zicht_beheer);
	r = next_row(s, st, e);
	if (r == 1) {
		read_batch(s, a, st, b);
		if (eerste)
			*eerste = db_col_int(st, 13);
		if (laatste)
			*laatste = db_col_int(st, 14);
	}
	db_reset(st);
	if (r < 0)
		return e->status;
	return r ? ST_OK : ST_NOT_FOUND;
}

enum status
store_uren_batches(struct store *s, struct arena *a, struct uren_batch **out,
		   size_t *n, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_UREN_BATCH_LIST, e);
	void *arr;

	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	bind_null(st, 1);
	bind_int(st, 2, s->zicht && s->zicht->alles);
	bind_text(st, 3, s->zicht_beheer);
	if (rows_read(s, a, st, sizeof(**out), read_batch, &arr, n, e))
		return e->status;
	*out = arr;
	return ST_OK;
}

enum status
store_uren_batch_get(struct store *s, struct arena *a, int64_t id,
		     struct uren_batch *out, struct err *e)
{
	enum status rc = batch_get(s, a, id, out, NULL, NULL, e);

	if (rc == ST_NOT_FOUND)
		return err_set(e, ST_NOT_FOUND,
			       "Batch %" PRId64 " bestaat niet.", id);
	return rc;
}

/* ---- storing an import ---- */

/* A bulk value: text (NULL: null) or a whole number. */
static struct db_waarde
tekst(const char *v)
{
	return (struct db_waarde){ .tekst = v, .lengte = v ? strlen(v) : 0 };
}

static struct db_waarde
getal(int64_t v)
{
	return (struct db_waarde){ .is_getal = true, .getal = v };
}

/* The state of a batch being written. */
struct schrijver {
	struct store *s;
	const struct uren_register *r;
	int64_t batch;
	int64_t eerste, laatste; /* row ids: this batch's rows are these */
	size_t rijen; /* rows written */
	int64_t *nieuw_id; /* ids of new staff, by index */
	int64_t samenwerking; /* the file's cooperation, once known */
	size_t nnieuw, cap_nieuw;
	day_t vorige;
	char datum[DATE_ISO_LEN];
};

/* New staff nieuw[w->nnieuw, n) into the register, with their unit. */
static enum status
nieuwe_medewerkers(struct schrijver *w, struct arena *a,
		   const char *const *nieuw, const uint32_t *eenheid, size_t n,
		   struct err *e)
{
	struct store *s = w->s;

	if (n > w->cap_nieuw) {
		size_t cap = 2 * n + 16;
		int64_t *g =
			arena_grow(a, w->nieuw_id, w->nnieuw, cap, sizeof(*g));

		if (!g)
			return nomem(e);
		w->nieuw_id = g;
		w->cap_nieuw = cap;
	}
	for (; w->nnieuw < n; w->nnieuw++) {
		struct db_stmt *st = stmt(s, Q_MW_INSERT, e);

		if (!st)
			return e->status;
		bind_text(st, 1, nieuw[w->nnieuw]);
		bind_int(st, 4, w->r->eenheden[eenheid[w->nnieuw]].id);
		bind_int(st, 9, w->batch);
		if (!w->samenwerking &&
		    samenwerking_id(
			    s, w->r->eenheden[eenheid[w->nnieuw]].samenwerking,
			    &w->samenwerking, NULL, e))
			return e->status;
		bind_int(st, 10, w->samenwerking);
		if (run_id(s, st, &w->nieuw_id[w->nnieuw], e))
			return e->status;
	}
	return ST_OK;
}

/*
 * Rows b[w->rijen, n) into the batch, in one bulk load (COPY on
 * PostgreSQL). Their ids follow the highest id so far, given here, so
 * that the batch can name its rows by a range without asking for each.
 */
static enum status
rijen_schrijven(struct schrijver *w, const struct uren_boeking *b, size_t n,
		struct err *e)
{
	struct store *s = w->s;
	const struct uren_register *r = w->r;
	struct db_bulk *bulk;
	struct db_waarde v[12];

	if (w->rijen >= n)
		return ST_OK;
	if (!w->laatste) {
		struct db_stmt *st = stmt(s, Q_UREN_MAX_ID, e);
		int rr;

		if (!st)
			return e->status;
		rr = next_row(s, st, e);
		w->laatste = rr == 1 ? db_col_int(st, 0) : 0;
		db_reset(st);
		if (rr < 0)
			return e->status;
	}
	if (!(bulk = db_bulk_begin(s->db, "uren",
				   "id, batch_id, regel, medewerker_id, datum, "
				   "week, gemeente_id, eenheid_id, taakveld, "
				   "product, honderdsten, omschrijving",
				   12)))
		return db_error(s, e, "bulk uren");
	v[1] = getal(w->batch);
	for (; w->rijen < n; w->rijen++) {
		const struct uren_boeking *x = &b[w->rijen];

		if (x->dag != w->vorige) {
			date_format_iso(x->dag, w->datum);
			w->vorige = x->dag;
		}
		v[0] = getal(++w->laatste);
		v[2] = getal(x->regel);
		v[3] = getal(
			x->medewerker < r->nmedewerkers
				? r->medewerkers[x->medewerker].id
				: w->nieuw_id[x->medewerker - r->nmedewerkers]);
		v[4] = (struct db_waarde){ .tekst = w->datum, .lengte = 10 };
		v[5] = getal(x->week);
		v[6] = getal(r->gemeenten[x->gemeente].id);
		v[7] = getal(r->eenheden[x->eenheid].id);
		v[8] = tekst(x->taakveld);
		v[9] = tekst(x->product);
		v[10] = getal(x->honderdsten);
		v[11] = tekst(x->omschrijving);
		if (!w->eerste)
			w->eerste = w->laatste;
		if (db_bulk_row(bulk, v) != DB_OK) {
			db_bulk_abort(bulk);
			return db_error(s, e, "insert uren");
		}
	}
	if (db_bulk_end(bulk) != DB_OK)
		return db_error(s, e, "insert uren");
	return ST_OK;
}

static enum status
cellen_schrijven(struct schrijver *w, const struct uren_resultaat *res,
		 struct err *e)
{
	struct store *s = w->s;
	struct db_bulk *bulk;
	struct db_waarde v[6];
	char datum[DATE_ISO_LEN];

	if (!res->ncellen)
		return ST_OK;
	if (!(bulk = db_bulk_begin(s->db, "uren_cel",
				   "batch_id, eenheid_id, gemeente_id, datum, "
				   "honderdsten, rijen",
				   6)))
		return db_error(s, e, "bulk uren_cel");
	for (size_t i = 0; i < res->ncellen; i++) {
		const struct uren_cel *c = &res->cellen[i];

		date_format_iso(c->dag, datum);
		v[0] = getal(w->batch);
		v[1] = getal(w->r->eenheden[c->eenheid].id);
		v[2] = getal(w->r->gemeenten[c->gemeente].id);
		v[3] = (struct db_waarde){ .tekst = datum, .lengte = 10 };
		v[4] = getal(c->honderdsten);
		v[5] = getal(c->rijen);
		if (db_bulk_row(bulk, v) != DB_OK) {
			db_bulk_abort(bulk);
			return db_error(s, e, "insert uren_cel");
		}
	}
	if (db_bulk_end(bulk) != DB_OK)
		return db_error(s, e, "insert uren_cel");
	return ST_OK;
}

/* With other batches over the same days: at most 24 hours a day still. */
static enum status
dagen_over_batches(struct store *s, int64_t batch, day_t van, day_t tot,
		   struct err *e)
{
	struct db_stmt *st = stmt(s, Q_UREN_OVERLAP, e);
	int64_t overlap = 0;
	int r;

	if (!st)
		return e->status;
	bind_int(st, 1, batch);
	bind_date(st, 2, van);
	bind_date(st, 3, tot);
	if ((r = next_row(s, st, e)) == 1)
		overlap = db_col_int(st, 0);
	db_reset(st);
	if (r < 0)
		return e->status;
	if (!overlap)
		return ST_OK; /* the usual case: no scan needed */
	if (!(st = stmt(s, Q_UREN_DAG_OVER, e)))
		return e->status;
	bind_int(st, 1, batch);
	bind_date(st, 2, van);
	bind_date(st, 3, tot);
	while ((r = next_row(s, st, e)) == 1) {
		char naam[32], totaal[24], datum[16];
		const char *iso_dag = db_col_text(st, 2);
		const char *batches = db_col_text(st, 5);
		day_t d = DATE_NONE;

		snprintf(naam, sizeof(naam), "regel %" PRId64,
			 (int64_t)db_col_int(st, 0));
		uren_format(db_col_int(st, 4), totaal, sizeof(totaal));
		if (iso_dag && date_parse(iso_dag, &d) == 0)
			date_format_nl(d, datum, sizeof(datum));
		else
			snprintf(datum, sizeof(datum), "?");
		err_invalid(e, naam,
			    (int)db_col_int(st, 3) ? "week-over-168"
						   : "day-over-24",
			    "Medewerker %.32s heeft %s %s samen met eerder "
			    "ingelezen uren (batch %.40s) %s uur; dat is "
			    "meer dan kan.",
			    db_col_text(st, 1),
			    (int)db_col_int(st, 3) ? "in de week van" : "op",
			    datum, batches ? batches : "", totaal);
	}
	db_reset(st);
	return e->status;
}

/* Checking on a second thread, handing over rows as they are final. */
struct pijp {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	size_t rijen; /* rows final so far */
	const char *const *nieuw; /* new staff so far */
	const uint32_t *nieuw_eenheid;
	size_t nnieuw;
	bool klaar; /* the check has ended */
	/* the check's input and outcome */
	struct arena *fa;
	const struct uren_register *r;
	const char *data;
	size_t n;
	struct uren_opties o;
	struct uren_resultaat *res;
	struct err e;
	enum status st;
};

static void
publiceer(void *ctx, const struct uren_resultaat *sofar)
{
	struct pijp *p = ctx;

	pthread_mutex_lock(&p->mu);
	p->rijen = sofar->nboekingen;
	p->nieuw = sofar->nieuw;
	p->nieuw_eenheid = sofar->nieuw_eenheid;
	p->nnieuw = sofar->nnieuw;
	pthread_cond_signal(&p->cv);
	pthread_mutex_unlock(&p->mu);
}

static void *
controleer_draad(void *arg)
{
	struct pijp *p = arg;

	err_clear(&p->e);
	p->st = uren_import_controleer(p->fa, p->r, p->data, p->n, &p->o,
				       p->res, &p->e);
	pthread_mutex_lock(&p->mu);
	p->klaar = true;
	pthread_cond_signal(&p->cv);
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/*
 * The replaced batch must exist for the viewer (a batch of a cooperation
 * they do not keep does not, as far as they know) and still count.
 */
static enum status
vervang_controleren(struct store *s, struct arena *a, int64_t vervang,
		    struct uren_batch *oud, int64_t *eerste, int64_t *laatste,
		    struct err *e)
{
	enum status rc = batch_get(s, a, vervang, oud, eerste, laatste, e);
	struct db_stmt *st;
	int r;

	if (rc == ST_NOT_FOUND)
		return err_set(e, ST_NOT_FOUND,
			       "Batch %" PRId64 " bestaat niet; er is niets "
			       "vervangen.",
			       vervang);
	if (rc)
		return rc;
	if (!(st = stmt(s, Q_BALIE_BATCH_BRON, e)))
		return e->status;
	bind_int(st, 1, vervang);
	if ((r = next_row(s, st, e)) == 1 && db_col_text(st, 0) &&
	    strcmp(db_col_text(st, 0), "balie") == 0)
		err_set(e, ST_CONFLICT,
			"Batch %" PRId64 " bevat de uren van afspraken die aan "
			"de balie zijn geholpen; die vervangt een bestand "
			"niet.",
			vervang);
	db_reset(st);
	if (r < 0 || e->status)
		return e->status;
	if (oud->vervangen_door)
		return err_set(e, ST_CONFLICT,
			       "Batch %" PRId64 " is al vervangen door batch "
			       "%" PRId64 ".",
			       vervang, oud->vervangen_door);
	return ST_OK;
}

static enum status
vervangen(struct store *s, int64_t vervang, int64_t batch, int64_t eerste,
	  int64_t laatste, struct err *e)
{
	struct db_stmt *st;

	if (!(st = stmt(s, Q_UREN_BATCH_VERVANG, e)))
		return e->status;
	bind_int(st, 1, vervang);
	bind_int(st, 2, batch);
	if (run(s, st, e) || !(st = stmt(s, Q_UREN_DELETE_RANGE, e)))
		return e->status;
	bind_int(st, 1, eerste);
	bind_int(st, 2, laatste);
	if (run(s, st, e) || !(st = stmt(s, Q_UREN_CEL_DELETE, e)))
		return e->status;
	bind_int(st, 1, vervang);
	return run(s, st, e);
}

/* The batch's figures, known once the whole file is checked. */
static enum status
batch_afronden(struct schrijver *w, const struct uren_resultaat *res,
	       struct err *e)
{
	struct db_stmt *st = stmt(w->s, Q_UREN_BATCH_AFRONDEN, e);

	if (!st)
		return e->status;
	bind_int(st, 1, w->batch);
	bind_text(st, 2, res->hash);
	bind_int(st, 3, (int64_t)res->nboekingen);
	bind_int(st, 4, res->honderdsten);
	bind_int(st, 5, (int64_t)res->nmedewerkers);
	bind_int(st, 6, (int64_t)res->ngemeenten);
	bind_int(st, 7, (int64_t)res->nafwijkingen);
	bind_date(st, 8, res->van);
	bind_date(st, 9, res->tot);
	bind_int(st, 10, w->eerste);
	bind_int(st, 11, w->laatste);
	bind_int(st, 12, w->samenwerking);
	return run(w->s, st, e);
}

static void
audit_batch(struct store *s, const struct uren_resultaat *res,
	    const char *bestand, int64_t batch, int64_t vervang, struct err *e)
{
	char id[24], rijen[24], uren[24], afw[24], vv[24];

	snprintf(id, sizeof(id), "%" PRId64, batch);
	snprintf(rijen, sizeof(rijen), "%zu", res->nboekingen);
	uren_format(res->honderdsten, uren, sizeof(uren));
	snprintf(afw, sizeof(afw), "%zu", res->nafwijkingen);
	snprintf(vv, sizeof(vv), "%" PRId64, vervang);
	s->scope = res->samenwerking;
	audit_append(s, "create", 201, "urenbatch", NULL, id,
		     vervang ? "vervangt een eerdere batch" : NULL, NULL,
		     jobj(&s->scratch, "batch", id, "bestand", bestand, "hash",
			  res->hash, "rijen", rijen, "uren", uren,
			  "afwijkingen", afw, "vervangt", vervang ? vv : NULL,
			  NULL),
		     e);
}

enum status
store_uren_import(struct store *s, struct arena *uit, struct arena *fa,
		  const struct uren_register *r, const char *data, size_t n,
		  const struct uren_opties *o, const char *bestand,
		  int64_t vervang, bool proef, struct uren_resultaat *res,
		  struct uren_batch *out, bool *al_ingelezen, struct err *e)
{
	struct pijp p = { .fa = fa, .r = r, .data = data, .n = n, .res = res };
	struct schrijver w = { .s = s, .r = r, .vorige = DATE_NONE };
	struct uren_batch oud = { 0 };
	struct arena a;
	struct db_stmt *st;
	int64_t oud_eerste = 0, oud_laatste = 0, al = 0;
	bool fout = false, draad = false;
	pthread_t thread;
	char nu[32];
	enum status rc;
	int rr;

	*al_ingelezen = false;
	memset(out, 0, sizeof(*out));
	memset(res, 0, sizeof(*res));
	if (text_check_max(bestand, "bestand", UREN_MAX_BESTAND, e))
		return e->status;
	if (o)
		p.o = *o;
	p.o.rijen = publiceer;
	p.o.rijen_ctx = &p;
	arena_init(&a, 1 << 20);
	if ((rc = tx_begin(s, e))) {
		arena_free(&a);
		return rc;
	}
	if (vervang && vervang_controleren(s, &a, vervang, &oud, &oud_eerste,
					   &oud_laatste, e))
		goto out;
	/* The batch first, so that rows can be written as they come; its
	 * hash and figures are filled in at the end. */
	utc_now(s, nu, sizeof(nu));
	if (!(st = stmt(s, Q_UREN_BATCH_INSERT, e)))
		goto out;
	bind_text(st, 1, "");
	bind_text(st, 2, bestand);
	bind_text(st, 3, nu);
	bind_text(st, 4, s->actor[0] ? s->actor : NULL);
	for (int k = 5; k <= 9; k++)
		bind_int(st, k, 0);
	if (run_id(s, st, &w.batch, e))
		goto out;

	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	draad = pthread_create(&thread, NULL, controleer_draad, &p) == 0;
	if (!draad)
		controleer_draad(&p); /* no thread: check first, then write */
	for (;;) {
		size_t rijen, nnieuw;
		const char *const *nieuw;
		const uint32_t *eenheid;
		bool klaar;

		pthread_mutex_lock(&p.mu);
		while (!p.klaar && p.rijen == w.rijen)
			pthread_cond_wait(&p.cv, &p.mu);
		klaar = p.klaar;
		rijen = p.rijen;
		nieuw = p.nieuw;
		eenheid = p.nieuw_eenheid;
		nnieuw = p.nnieuw;
		pthread_mutex_unlock(&p.mu);
		if (klaar)
			break;
		if (!fout &&
		    (nieuwe_medewerkers(&w, &a, nieuw, eenheid, nnieuw, e) ||
		     rijen_schrijven(&w, res->boekingen, rijen, e)))
			fout = true; /* undone below, once the check ends */
	}
	if (draad)
		pthread_join(thread, NULL);
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.cv);
	if (p.st != ST_OK) {
		/* The file has a problem: it is the answer. */
		*e = p.e;
		goto out;
	}
	if (fout ||
	    nieuwe_medewerkers(&w, &a, (const char *const *)res->nieuw,
			       res->nieuw_eenheid, res->nnieuw, e) ||
	    rijen_schrijven(&w, res->boekingen, res->nboekingen, e) ||
	    cellen_schrijven(&w, res, e))
		goto out;
	if (!res->samenwerking) { /* a file without rows */
		err_invalid(e, "bestand", "empty",
			    "Het bestand bevat geen uren.");
		goto out;
	}
	if (!w.samenwerking &&
	    samenwerking_id(s, res->samenwerking, &w.samenwerking, NULL, e))
		goto out;
	if (vervang && oud.samenwerking &&
	    strcmp(oud.samenwerking, res->samenwerking) != 0) {
		err_set(e, ST_CONFLICT,
			"Batch %" PRId64 " bevat uren van %.16s, dit bestand "
			"van %.16s; een bestand vervangt alleen een batch van "
			"dezelfde samenwerking.",
			vervang, oud.samenwerking, res->samenwerking);
		goto out;
	}

	/* The same file again: nothing changes. */
	if (!(st = stmt(s, Q_UREN_BATCH_BY_HASH, e)))
		goto out;
	bind_text(st, 1, res->hash);
	bind_int(st, 2, w.samenwerking);
	rr = next_row(s, st, e);
	if (rr == 1)
		al = db_col_int(st, 0);
	db_reset(st);
	if (rr < 0)
		goto out;
	if (al) {
		*al_ingelezen = true;
		batch_get(s, uit, al, out, NULL, NULL, e);
		goto out;
	}
	if (batch_afronden(&w, res, e) ||
	    (vervang &&
	     vervangen(s, vervang, w.batch, oud_eerste, oud_laatste, e)) ||
	    dagen_over_batches(s, w.batch, res->van, res->tot, e))
		goto out;
	audit_batch(s, res, bestand, w.batch, vervang, e);
	if (e->status == ST_OK) {
		/* The viewer may not keep the cooperation it was for (a
		 * beheerder does): read it back as it was written. */
		const struct zicht *z = s->zicht;

		s->zicht = &zicht_alles;
		batch_get(s, uit, w.batch, out, NULL, NULL, e);
		s->zicht = z;
	}
out:
	arena_free(&a);
	if (proef && e->status == ST_OK) {
		/* A dry run: the same answer as storing it, and nothing
		 * stored. */
		struct err ignore;

		err_clear(&ignore);
		err_set(&ignore, ST_CONFLICT, "proef");
		tx_end(s, ST_CONFLICT, &ignore);
		return ST_OK;
	}
	if (*al_ingelezen && e->status == ST_OK) {
		/* Undo what was written for the copy; report the first. */
		struct err ignore;

		err_clear(&ignore);
		err_set(&ignore, ST_CONFLICT, "al ingelezen");
		tx_end(s, ST_CONFLICT, &ignore);
		return ST_OK;
	}
	return tx_end(s, e->status, e);
}

/* ---- totals and cells ---- */

static void
jaar_grens(int jaar, char *buf)
{
	date_format_iso(date_from_ymd(jaar, 1, 1), buf);
}

enum status
store_uren_laatste_jaar(struct store *s, const char *samenwerking, int *jaar,
			struct err *e)
{
	struct db_stmt *st = stmt(s, Q_UREN_LAATSTE_JAAR, e);
	int r;

	*jaar = 0;
	if (!st)
		return e->status;
	bind_text(st, 1, samenwerking);
	if ((r = next_row(s, st, e)) == 1)
		*jaar = (int)db_col_int(st, 0); /* NULL reads as 0 */
	db_reset(st);
	return r < 0 ? e->status : ST_OK;
}

static void
read_maand(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct uren_maand *m = elem;

	m->gemeente = col_text(a, st, 0);
	m->gemeente_naam = col_text(a, st, 1);
	m->eenheid = col_text(a, st, 2);
	m->eenheid_naam = col_text(a, st, 3);
	m->jaar = (int)db_col_int(st, 4);
	m->maand = (int)db_col_int(st, 5);
	m->honderdsten = db_col_int(st, 6);
	m->rijen = db_col_int(st, 7);
}

enum status
store_uren_maanden(struct store *s, struct arena *a, const char *samenwerking,
		   int van_jaar, int tot_jaar, struct uren_maand **out,
		   size_t *n, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_UREN_MAANDEN, e);
	void *arr;
	char van[DATE_ISO_LEN], tot[DATE_ISO_LEN];

	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	jaar_grens(van_jaar, van);
	jaar_grens(tot_jaar + 1, tot);
	bind_text(st, 1, samenwerking);
	bind_text(st, 2, van);
	bind_text(st, 3, tot);
	if (rows_read(s, a, st, sizeof(**out), read_maand, &arr, n, e))
		return e->status;
	*out = arr;
	return ST_OK;
}

static long
index_van_eenheid(const struct uren_register *r, int64_t id)
{
	for (size_t i = 0; i < r->neenheden; i++)
		if (r->eenheden[i].id == id)
			return (long)i;
	return -1;
}

static long
index_van_gemeente(const struct uren_register *r, int64_t id)
{
	for (size_t i = 0; i < r->ngemeenten; i++)
		if (r->gemeenten[i].id == id)
			return (long)i;
	return -1;
}

enum status
store_uren_cellen(struct store *s, struct arena *a,
		  const struct uren_register *r, const char *samenwerking,
		  day_t van, day_t tot, struct uren_cel **out, size_t *n,
		  struct err *e)
{
	struct db_stmt *st = stmt(s, Q_UREN_CELLEN, e);
	size_t cap = 0;
	int64_t vorige_e = 0, vorige_g = 0;
	long ie = -1, ig = -1;
	int rr;

	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	bind_text(st, 1, samenwerking);
	if (van == DATE_NONE)
		bind_text(st, 2, "0000-01-01");
	else
		bind_date(st, 2, van);
	bind_date(st, 3, tot);
	while ((rr = next_row(s, st, e)) == 1) {
		int64_t eid = db_col_int(st, 0);
		int64_t gid = db_col_int(st, 1);
		struct uren_cel *c;

		/* Rows come grouped by unit and municipality. */
		if (eid != vorige_e)
			ie = index_van_eenheid(r, vorige_e = eid);
		if (gid != vorige_g)
			ig = index_van_gemeente(r, vorige_g = gid);
		if (ie < 0 || ig < 0)
			continue; /* added after r was read */
		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		c = &(*out)[*n - 1];
		c->eenheid = (uint32_t)ie;
		c->gemeente = (uint32_t)ig;
		c->dag = col_date(st, 2);
		c->honderdsten = db_col_int(st, 3);
		c->rijen = db_col_int(st, 4);
	}
	db_reset(st);
	if (rr < 0)
		return e->status;
	if (*n > 1) /* no cells: *out is NULL */
		qsort(*out, *n, sizeof(**out), uren_cel_cmp);
	return ST_OK;
}
