/*
 * store_balie.c - the desk (docs/design/appointments.md, "The desk"):
 * marking appointments arrived, served or no-show, booking served time as
 * hours, and the statistics of a period.
 *
 * Served time goes into the desk's own batch of hours of the staff
 * member's cooperation (uren_batch.bron 'balie'): a file imported later,
 * or a corrected file replacing an imported batch, never removes it, and
 * the totals, the urenverdeling and the framework check read it like any
 * other current batch.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_afspraak_intern.h"
#include "../core/text.h"
#include "../core/uren.h"
#include "../core/uren_import.h"
#include "../banned.h"

/* The staff member who served, as the hours need them. */
struct dienaar {
	const char *nummer, *eenheid, *samenwerking;
	int64_t eenheid_id, samenwerking_id;
};

static enum status
dienaar_lees(struct store *s, struct arena *a, int64_t id, struct dienaar *d,
	     struct err *e)
{
	struct db_stmt *st = stmt(s, Q_BALIE_MW, e);
	int r;

	memset(d, 0, sizeof(*d));
	if (!st)
		return e->status;
	bind_int(st, 1, id);
	if ((r = next_row(s, st, e)) == 1) {
		d->nummer = col_text(a, st, 0);
		d->eenheid_id = db_col_int(st, 1);
		d->eenheid = col_text(a, st, 2);
		d->samenwerking_id = db_col_int(st, 3);
		d->samenwerking = col_text(a, st, 4);
	}
	db_reset(st);
	if (r < 0)
		return e->status;
	if (r == 0 || !d->eenheid_id)
		return err_set(e, ST_CONFLICT,
			       "Medewerker %.32s heeft geen eenheid in het "
			       "personeelsregister; vul die eerst in, dan "
			       "kunnen de uren worden geboekt.",
			       d->nummer ? d->nummer : "?");
	return ST_OK;
}

/* The desk's current batch of a cooperation, made when missing. */
static enum status
balie_batch(struct store *s, int64_t samenwerking, int64_t *id, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_BALIE_BATCH, e);
	char nu[32];
	int r;

	*id = 0;
	if (!st)
		return e->status;
	bind_int(st, 1, samenwerking);
	if ((r = next_row(s, st, e)) == 1)
		*id = db_col_int(st, 0);
	db_reset(st);
	if (r != 0)
		return e->status;
	if (!(st = stmt(s, Q_BALIE_BATCH_INSERT, e)))
		return e->status;
	utc_now(s, nu, sizeof(nu));
	bind_text(st, 1, nu);
	bind_int(st, 2, samenwerking);
	return run_id(s, st, id, e);
}

static enum status
som(struct store *s, struct db_stmt *st, int64_t *out, struct err *e)
{
	int r;

	*out = 0;
	if ((r = next_row(s, st, e)) == 1)
		*out = db_col_int(st, 0);
	db_reset(st);
	return r < 0 ? e->status : ST_OK;
}

/* At most 24 hours a day for a person, with what is booked already. */
static enum status
dag_toets(struct store *s, int64_t medewerker, const char *nummer, day_t dag,
	  int64_t erbij, struct err *e)
{
	struct db_stmt *st;
	int64_t bestand = 0, balie = 0;
	char totaal[24], datum[32];

	if (!(st = stmt(s, Q_BALIE_DAG_BESTAND, e)))
		return e->status;
	bind_int(st, 1, medewerker);
	bind_date(st, 2, dag);
	if (som(s, st, &bestand, e) || !(st = stmt(s, Q_BALIE_DAG_BALIE, e)))
		return e->status;
	bind_int(st, 1, medewerker);
	bind_date(st, 2, dag);
	bind_int(st, 3, afspraak_utc(dag, 0) - 86400);
	bind_int(st, 4, afspraak_utc(dag + 1, 0));
	if (som(s, st, &balie, e))
		return e->status;
	if (bestand + balie + erbij <= UREN_MAX_PER_DAG)
		return ST_OK;
	uren_format(bestand + balie, totaal, sizeof(totaal));
	date_format_nl(dag, datum, sizeof(datum));
	return err_set(e, ST_CONFLICT,
		       "Medewerker %.32s heeft op %s al %s uur geboekt; met "
		       "deze afspraak erbij wordt dat meer dan 24 uur.",
		       nummer, datum, totaal);
}

/* Whether unit `eenheid` may work for `gemeente` on `dag` by the
 * framework (uren_toets on the register); 1 when it deviates. */
static enum status
kader_toets(struct store *s, const char *eenheid, const char *gemeente,
	    day_t dag, int *afwijking, struct err *e)
{
	const struct zicht *z = s->zicht;
	struct uren_register r;
	struct uren_toets t;
	enum status rc;

	*afwijking = 0;
	s->zicht = &zicht_alles; /* the register, whoever serves */
	rc = store_uren_register(s, &s->scratch, &r, e);
	s->zicht = z;
	if (rc)
		return rc;
	for (size_t i = 0; i < r.neenheden; i++)
		if (strcmp(r.eenheden[i].code, eenheid) == 0) {
			uren_toets(&r, i, gemeente, dag, &t);
			*afwijking = t.afwijking != AFW_GEEN;
			break;
		}
	return ST_OK;
}

static enum status
batch_tel(struct store *s, int64_t batch, int rijen, int64_t honderdsten,
	  int afwijkingen, day_t dag, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_BALIE_BATCH_TEL, e);

	if (!st)
		return e->status;
	bind_int(st, 1, batch);
	bind_int(st, 2, rijen);
	bind_int(st, 3, honderdsten);
	bind_int(st, 4, afwijkingen);
	bind_date(st, 5, dag);
	return run(s, st, e);
}

static const char *
producten_codes(struct store *s, const struct afspraak *x)
{
	char buf[UREN_MAX_PRODUCT + 1];
	size_t o = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < x->nregels && o + 1 < sizeof(buf); i++) {
		int m = snprintf(buf + o, sizeof(buf) - o, "%s%s", i ? "," : "",
				 x->regels[i].product);

		if (m < 0)
			break;
		o += (size_t)m;
	}
	if (o >= sizeof(buf))
		buf[sizeof(buf) - 1] = '\0';
	return arena_strdup(&s->scratch, buf);
}

/* Book served appointment r's minutes; *uren_id the new row. */
static enum status
uren_boeken(struct store *s, struct arena *a, const struct afspraak_rij *r,
	    int64_t *uren_id, int64_t *honderdsten, struct err *e)
{
	const struct afspraak *x = &r->a;
	struct dienaar d;
	struct db_stmt *st;
	int64_t batch = 0;
	int afw = 0, m;
	day_t dag;

	*uren_id = 0;
	*honderdsten = afspraak_honderdsten((x->eind - x->start) / 60);
	afspraak_lokaal(x->start, &dag, &m);
	if (!r->medewerker_id)
		return err_set(e, ST_CONFLICT,
			       "Bij deze afspraak hoort geen medewerker; de "
			       "uren kunnen niet worden geboekt.");
	if (dienaar_lees(s, a, r->medewerker_id, &d, e) ||
	    dag_toets(s, r->medewerker_id, d.nummer, dag, *honderdsten, e) ||
	    kader_toets(s, d.eenheid, x->gemeente, dag, &afw, e) ||
	    balie_batch(s, d.samenwerking_id, &batch, e) ||
	    !(st = stmt(s, Q_BALIE_UREN_INSERT, e)))
		return e->status;
	bind_int(st, 1, batch);
	bind_int(st, 2, x->id);
	bind_int(st, 3, r->medewerker_id);
	bind_date(st, 4, dag);
	bind_int(st, 5, r->gemeente_id);
	bind_int(st, 6, d.eenheid_id);
	bind_text(st, 7, producten_codes(s, x));
	bind_int(st, 8, *honderdsten);
	bind_text(st, 9, scratch_tekst(s, "afspraak %s", x->referentie));
	if (run_id(s, st, uren_id, e) || !(st = stmt(s, Q_BALIE_CEL_PLUS, e)))
		return e->status;
	bind_int(st, 1, batch);
	bind_int(st, 2, d.eenheid_id);
	bind_int(st, 3, r->gemeente_id);
	bind_date(st, 4, dag);
	bind_int(st, 5, *honderdsten);
	if (run(s, st, e))
		return e->status;
	return batch_tel(s, batch, 1, *honderdsten, afw, dag, e);
}

/* Remove the hours row `id` of an appointment no longer served. */
static enum status
uren_terug(struct store *s, int64_t id, int64_t *honderdsten, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_BALIE_UREN_GET, e);
	int64_t batch = 0, eenheid = 0, gemeente = 0;
	day_t dag = DATE_NONE;
	int r;

	*honderdsten = 0;
	if (!st)
		return e->status;
	bind_int(st, 1, id);
	if ((r = next_row(s, st, e)) == 1) {
		batch = db_col_int(st, 0);
		eenheid = db_col_int(st, 1);
		gemeente = db_col_int(st, 2);
		dag = col_date(st, 3);
		*honderdsten = db_col_int(st, 4);
	}
	db_reset(st);
	if (r <= 0)
		return r < 0 ? e->status : ST_OK; /* nothing to undo */
	if (!(st = stmt(s, Q_BALIE_UREN_DELETE, e)))
		return e->status;
	bind_int(st, 1, id);
	if (run(s, st, e) || !(st = stmt(s, Q_BALIE_CEL_MIN, e)))
		return e->status;
	bind_int(st, 1, batch);
	bind_int(st, 2, eenheid);
	bind_int(st, 3, gemeente);
	bind_date(st, 4, dag);
	bind_int(st, 5, *honderdsten);
	if (run(s, st, e) || !(st = stmt(s, Q_BALIE_CEL_LEEG, e)))
		return e->status;
	bind_int(st, 1, batch);
	if (run(s, st, e))
		return e->status;
	/* Deviations are not kept per row: the count stays an upper
	 * bound until the framework report, which reads the cells. */
	return batch_tel(s, batch, -1, -*honderdsten, 0, dag, e);
}

/* What the audit trail keeps of a status change: never who. */
static const char *
status_json(struct store *s, const struct afspraak *x, int64_t honderdsten)
{
	char uren[24], start[AFSPRAAK_TIJD_LEN];

	uren_format(honderdsten, uren, sizeof(uren));
	afspraak_format_tijd(x->start, start);
	return jobj(&s->scratch, "referentie", x->referentie, "gemeente",
		    x->gemeente, "vestiging", x->vestiging, "start",
		    arena_strdup(&s->scratch, start), "medewerker",
		    x->medewerker, "status", afspraak_status_name(x->status),
		    "uren",
		    honderdsten ? arena_strdup(&s->scratch, uren) : NULL, NULL);
}

enum status
store_afspraak_status(struct store *s, const char *referentie,
		      enum afspraak_status nieuw, struct arena *a,
		      struct afspraak *out, struct err *e)
{
	struct afspraak_rij r;
	struct db_stmt *st;
	const char *reden, *oud = NULL;
	int64_t uren_id = 0, plus = 0, min = 0;
	enum status rc;
	char nu[32];

	memset(out, 0, sizeof(*out));
	if ((unsigned)nieuw > AS_NIET_VERSCHENEN)
		return err_invalid(e, "status", "enum",
				   "Kies aanwezig, geholpen, niet_verschenen "
				   "of geboekt.");
	if ((rc = tx_begin(s, e)))
		return rc;
	if (afspraak_lees(s, a, referentie, NULL, &r, e))
		goto out;
	uren_id = r.uren_id;
	reden = afspraak_status_overgang(r.a.status, nieuw, r.a.start, s->now);
	if (reden) {
		err_set(e, ST_CONFLICT, "%s", reden);
		goto out;
	}
	oud = status_json(s, &r.a, 0);
	/* Only hours make this more than the municipality's appointment
	 * data: then the general generation rises (tx_familie). */
	if (nieuw != AS_GEHOLPEN && r.a.status != AS_GEHOLPEN &&
	    afspraak_familie(s, r.a.gemeente, e))
		goto out;
	if (r.a.status == AS_GEHOLPEN && r.uren_id &&
	    uren_terug(s, r.uren_id, &min, e))
		goto out;
	if (r.a.status == AS_GEHOLPEN)
		uren_id = 0;
	if (nieuw == AS_GEHOLPEN && uren_boeken(s, a, &r, &uren_id, &plus, e))
		goto out;
	utc_now(s, nu, sizeof(nu));
	if (!(st = stmt(s, Q_BALIE_STATUS, e)))
		goto out;
	bind_int(st, 1, r.a.id);
	bind_text(st, 2, afspraak_status_name(nieuw));
	bind_int(st, 3, s->now);
	bind_id(st, 4, uren_id);
	bind_text(st, 5, nu);
	if (run(s, st, e) || afspraak_lees(s, a, r.a.referentie, NULL, &r, e))
		goto out;
	s->scope = r.a.gemeente;
	audit_append(s, "update", 200, "afspraak",
		     scratch_tekst(s, "afspraken/%s", r.a.referentie),
		     r.a.referentie, afspraak_status_name(nieuw), oud,
		     status_json(s, &r.a, plus), e);
out:
	if ((rc = tx_end(s, e->status, e)))
		return rc;
	*out = r.a;
	return ST_OK;
}

/* ---- statistics ---- */

struct stat_rij {
	int64_t id;
	const char *vestiging, *naam, *kanaal;
	enum afspraak_status status;
	bool inloop;
	int64_t geboekt, eerste_vrij;
};

static void
lees_stat(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct stat_rij *x = elem;

	(void)s;
	x->id = db_col_int(st, 0);
	x->vestiging = col_text(a, st, 1);
	x->naam = col_text(a, st, 2);
	x->kanaal = col_text(a, st, 3);
	afspraak_status_parse(db_col_text(st, 4), &x->status);
	x->inloop = db_col_int(st, 5) != 0;
	x->geboekt = db_col_int(st, 6);
	x->eerste_vrij = db_col_int(st, 7);
}

struct stat_product {
	int64_t afspraak;
	const char *code;
};

static void
lees_stat_product(struct store *s, struct arena *a, struct db_stmt *st,
		  void *elem)
{
	struct stat_product *x = elem;

	(void)s;
	x->afspraak = db_col_int(st, 0);
	x->code = col_text(a, st, 1);
}

static bool
gelijk(const char *x, const char *y)
{
	return (!x && !y) || (x && y && strcmp(x, y) == 0);
}

/* The group (soort, kanaal, vestiging, product), added when new. */
static struct afspraak_telling *
groep(struct arena *a, struct afspraak_telling **t, size_t *n, size_t *cap,
      const char *soort, const struct stat_rij *x, const char *product)
{
	const char *kanaal = strcmp(soort, "gemeente") ? x->kanaal : NULL;
	const char *vest =
		strcmp(soort, "vestiging") == 0 || strcmp(soort, "product") == 0
			? x->vestiging
			: NULL;

	for (size_t i = 0; i < *n; i++)
		if (strcmp((*t)[i].soort, soort) == 0 &&
		    gelijk((*t)[i].kanaal, kanaal) &&
		    gelijk((*t)[i].vestiging, vest) &&
		    gelijk((*t)[i].product, product))
			return &(*t)[i];
	if (!PUSH(a, *t, *n, *cap))
		return NULL;
	memset(&(*t)[*n - 1], 0, sizeof(**t));
	(*t)[*n - 1].soort = soort;
	(*t)[*n - 1].kanaal = kanaal;
	(*t)[*n - 1].vestiging = vest;
	(*t)[*n - 1].vestiging_naam = vest ? x->naam : NULL;
	(*t)[*n - 1].product = product;
	return &(*t)[*n - 1];
}

static void
tel(struct afspraak_telling *t, const struct stat_rij *x)
{
	t->geboekt++;
	t->inloop += x->inloop;
	t->geholpen += x->status == AS_GEHOLPEN;
	t->niet_verschenen += x->status == AS_NIET_VERSCHENEN;
	t->geannuleerd += x->status == AS_GEANNULEERD;
	if (!x->inloop && x->geboekt && x->eerste_vrij) {
		t->wacht_n++;
		t->wacht_seconden += x->eerste_vrij > x->geboekt
					     ? x->eerste_vrij - x->geboekt
					     : 0;
	}
}

static int
soort_rang(const char *s)
{
	return strcmp(s, "gemeente") == 0    ? 0
	       : strcmp(s, "kanaal") == 0    ? 1
	       : strcmp(s, "vestiging") == 0 ? 2
					     : 3;
}

static int
cmp_str(const char *x, const char *y)
{
	return strcmp(x ? x : "", y ? y : "");
}

static int
telling_cmp(const void *pa, const void *pb)
{
	const struct afspraak_telling *x = pa, *y = pb;
	int c = soort_rang(x->soort) - soort_rang(y->soort);

	if (!c)
		c = cmp_str(x->kanaal, y->kanaal);
	if (!c)
		c = cmp_str(x->vestiging, y->vestiging);
	if (!c)
		c = cmp_str(x->product, y->product);
	return c;
}

enum status
store_afspraak_statistiek(struct store *s, const char *gemeente, day_t van,
			  day_t tot, struct arena *a,
			  struct afspraak_telling **out, size_t *n,
			  struct err *e)
{
	struct stat_rij *x;
	struct stat_product *p;
	struct db_stmt *st;
	size_t nx, np, cap = 0, j = 0;
	int64_t gid;
	void *arr;

	*out = NULL;
	*n = 0;
	if (van == DATE_NONE)
		err_invalid(e, "van", "required", "Vul de eerste dag in.");
	if (tot == DATE_NONE)
		err_invalid(e, "tot", "required", "Vul de laatste dag in.");
	else if (van != DATE_NONE && tot < van)
		err_invalid(e, "tot", "before-start",
			    "De laatste dag ligt voor de eerste.");
	else if (van != DATE_NONE && tot - van + 1 > AFSPRAAK_STAT_MAX_DAGEN)
		err_invalid(e, "tot", "range",
			    "Vraag hoogstens %d dagen tegelijk op.",
			    AFSPRAAK_STAT_MAX_DAGEN);
	if (e->status || org_id(s, gemeente, ORG_GEMEENTE, NULL, &gid, e))
		return e->status;
	for (int i = 0; i < 2; i++) {
		if (!(st = stmt(s, i ? Q_BALIE_STAT_PRODUCTEN : Q_BALIE_STAT,
				e)))
			return e->status;
		bind_int(st, 1, gid);
		bind_int(st, 2, afspraak_utc(van, 0));
		bind_int(st, 3, afspraak_utc(tot + 1, 0));
		if (rows_read(s, a, st, i ? sizeof(*p) : sizeof(*x),
			      i ? lees_stat_product : lees_stat, &arr,
			      i ? &np : &nx, e))
			return e->status;
		if (i)
			p = arr;
		else
			x = arr;
	}
	/* Both by appointment id: one pass over each. */
	for (size_t i = 0; i < nx; i++) {
		static const char *const soorten[] = { "gemeente", "kanaal",
						       "vestiging" };
		struct afspraak_telling *t;

		for (size_t k = 0; k < 3; k++) {
			if (!(t = groep(a, out, n, &cap, soorten[k], &x[i],
					NULL)))
				return nomem(e);
			tel(t, &x[i]);
		}
		for (; j < np && p[j].afspraak < x[i].id; j++)
			;
		for (; j < np && p[j].afspraak == x[i].id; j++) {
			if (!(t = groep(a, out, n, &cap, "product", &x[i],
					p[j].code)))
				return nomem(e);
			tel(t, &x[i]);
		}
	}
	if (*n == 0) { /* nothing in the period: the total, all zeros */
		struct stat_rij leeg = { 0 };

		if (!groep(a, out, n, &cap, "gemeente", &leeg, NULL))
			return nomem(e);
	}
	if (*n > 1)
		qsort(*out, *n, sizeof(**out), telling_cmp);
	return ST_OK;
}
