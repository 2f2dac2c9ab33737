/*
 * store_afspraak.c - the front office by appointment in the store
 * (docs/design/appointments.md): locations with their opening hours and
 * closures, each municipality's catalogue, the roster and the settings
 * per municipality. Free times and bookings are store_boeking.c, the
 * outbox store_bericht.c; what the three share is store_afspraak_intern.h.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "store_afspraak_intern.h"
#include "../core/csv_tabel.h"
#include "../core/medewerker.h"
#include "../core/text.h"
#include "../banned.h"

/* Limits of what planners enter (besides those of core/afspraak.h). */
#define VESTIGING_MAX_OPEN 70 /* opening ranges in a week */
#define SLUITING_MAX_DAGEN 731 /* one closure: at most two years */
#define PRODUCT_MAX_URI 500
#define DIENST_MAX_REEKS 366 /* days a weekly series may span */
#define DIENST_MAX_UITZONDERINGEN 60
#define VIDEOLINK_MAX 500

static const char *const dagnamen[] = { "maandag",   "dinsdag", "woensdag",
					"donderdag", "vrijdag", "zaterdag",
					"zondag" };

/* ---- small helpers ---- */

bool
tekst_leeg(const char *t)
{
	return !t || !*t;
}

const char *
scratch_tekst(struct store *s, const char *f, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, f);
	vsnprintf(buf, sizeof(buf), f, ap);
	va_end(ap);
	return arena_strdup(&s->scratch, buf);
}

enum status
conflict_veld(struct err *e, const char *veld, const char *code, const char *f,
	      ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, f);
	vsnprintf(buf, sizeof(buf), f, ap);
	va_end(ap);
	err_invalid(e, veld, code, "%s", buf);
	e->status = ST_CONFLICT;
	snprintf(e->message, sizeof(e->message), "%s", buf);
	return ST_CONFLICT;
}

/* "maandag 7 december 2026". */
static void
dag_tekst(day_t d, char *buf, size_t n)
{
	char nl[40];

	date_format_nl(d, nl, sizeof(nl));
	snprintf(buf, n, "%s %s", dagnamen[date_weekday(d)], nl);
}

/* "09:30" for a local minute of the day. */
static void
klok(int minuut, char *buf, size_t n)
{
	snprintf(buf, n, "%02d:%02d", (minuut / 60) % 100, minuut % 60);
}

const char *
tekst_of_null(const char *t)
{
	return tekst_leeg(t) ? NULL : t;
}

/* ---- locations ---- */

enum status
vest_ref(struct store *s, struct arena *a, const char *code, struct vest_ref *r,
	 struct err *e)
{
	struct db_stmt *st;

	memset(r, 0, sizeof(*r));
	if (!(st = row_by_key(s, Q_VEST_ID, code, "Vestiging", 64, e)))
		return e->status;
	r->id = db_col_int(st, 0);
	r->gemeente_id = db_col_int(st, 1);
	r->gemeente = col_text(a, st, 2);
	kanaal_parse(db_col_text(st, 3), &r->kanaal);
	r->balies = (int)db_col_int(st, 4);
	db_reset(st);
	return ST_OK;
}

/*
 * A Dutch postcode ("1431 AB", "1431ab") as "1431 AB" into out[8];
 * false when it is none.
 */
static bool
postcode_norm(const char *in, char *out, size_t n)
{
	char c[6];
	size_t k = 0;
	bool spatie = false;

	for (const char *p = in; *p; p++) {
		if (*p == ' ' && k == 4 && !spatie) {
			spatie = true;
			continue;
		}
		if (k == sizeof(c))
			return false;
		c[k++] = *p;
	}
	if (k != sizeof(c) || c[0] < '1' || c[0] > '9')
		return false;
	for (size_t i = 1; i < 4; i++)
		if (c[i] < '0' || c[i] > '9')
			return false;
	for (size_t i = 4; i < 6; i++) {
		if (!((c[i] >= 'A' && c[i] <= 'Z') ||
		      (c[i] >= 'a' && c[i] <= 'z')))
			return false;
		c[i] = (char)toupper((unsigned char)c[i]);
	}
	snprintf(out, n, "%.4s %c%c", c, c[4], c[5]);
	return true;
}

static bool
raster_geldig(int r)
{
	return r == 5 || r == 10 || r == 15 || r == 20 || r == 30 || r == 60;
}

void
tekst_verplicht(const char *t, const char *veld, size_t max,
		const char *melding, struct err *e)
{
	if (tekst_leeg(t))
		err_invalid(e, veld, "required", "%s", melding);
	else
		text_check_max(t, veld, max, e);
}

/*
 * The fields of a location as entered, with its channel `kanaal` (the
 * stored one on update); the postcode normalised into postcode[8].
 */
static void
vestiging_velden(const struct vestiging *v, enum kanaal kanaal, char *postcode,
		 size_t npc, struct err *e)
{
	afspraak_check_code(v->code, "code", e);
	tekst_verplicht(v->naam, "naam", AFSPRAAK_MAX_NAAM,
			"Vul de naam van de vestiging in.", e);
	postcode[0] = '\0';
	if (kanaal != KANAAL_FYSIEK && kanaal != KANAAL_VIDEO)
		err_invalid(e, "kanaal", "unknown",
			    "Kies het kanaal: fysiek of video.");
	if (kanaal == KANAAL_FYSIEK) {
		tekst_verplicht(v->adres, "adres", AFSPRAAK_MAX_NAAM,
				"Vul het adres in (straat en huisnummer).", e);
		tekst_verplicht(v->plaats, "plaats", AFSPRAAK_MAX_NAAM,
				"Vul de plaats in.", e);
		if (tekst_leeg(v->postcode))
			err_invalid(e, "postcode", "required",
				    "Vul de postcode in, zoals 1431 AB.");
		else if (!postcode_norm(v->postcode, postcode, npc))
			err_invalid(e, "postcode", "format",
				    "Schrijf de postcode als vier cijfers en "
				    "twee letters, zoals 1431 AB.");
	}
	text_check_int(v->balies, "balies", 1, AFSPRAAK_MAX_BALIES, e);
	if (!raster_geldig(v->raster))
		err_invalid(e, "raster", "grid",
			    "Kies een raster van 5, 10, 15, 20, 30 of 60 "
			    "minuten.");
	if (v->nopen > VESTIGING_MAX_OPEN) {
		err_invalid(e, "open", "too-many",
			    "Geef hoogstens %d openingstijden per week.",
			    VESTIGING_MAX_OPEN);
		return;
	}
	for (size_t i = 0; i < v->nopen; i++) {
		const struct openingstijd *o = &v->open[i];
		char veld[32];

		snprintf(veld, sizeof(veld), "open[%zu]", i);
		if (o->weekdag < 0 || o->weekdag > 6) {
			err_invalid(e, veld, "weekday",
				    "Kies een dag van maandag (0) tot en met "
				    "zondag (6).");
			continue;
		}
		if (o->van < 0 || o->tot > 1440 || o->van >= o->tot) {
			err_invalid(e, veld, "range",
				    "Een openingstijd eindigt na het begin, "
				    "op dezelfde dag.");
			continue;
		}
		if (o->van % 5 || o->tot % 5) {
			err_invalid(e, veld, "grid",
				    "Begin en einde vallen op hele vijf "
				    "minuten, zoals 08:30 of 12:35.");
			continue;
		}
		for (size_t j = 0; j < i; j++) {
			const struct openingstijd *p = &v->open[j];

			if (p->weekdag == o->weekdag && p->van < o->tot &&
			    o->van < p->tot) {
				err_invalid(e, veld, "overlap",
					    "Deze openingstijd overlapt met "
					    "een andere op %s.",
					    dagnamen[o->weekdag]);
				break;
			}
		}
	}
}

/* The opening hours as one text for the audit trail. */
static const char *
open_tekst(struct store *s, const struct vestiging *v)
{
	char buf[2048], van[16], tot[16];
	size_t o = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < v->nopen && o < sizeof(buf) - 40; i++) {
		klok(v->open[i].van, van, sizeof(van));
		klok(v->open[i].tot, tot, sizeof(tot));
		o += (size_t)snprintf(buf + o, sizeof(buf) - o, "%s%.2s %s-%s",
				      i ? ", " : "",
				      dagnamen[v->open[i].weekdag], van, tot);
	}
	return arena_strdup(&s->scratch, buf);
}

static const char *
vestiging_json(struct store *s, const struct vestiging *v, const char *postcode)
{
	bool fysiek = v->kanaal == KANAAL_FYSIEK;

	return jobj(
		&s->scratch, "code", v->code, "gemeente", v->gemeente, "naam",
		v->naam, "kanaal", kanaal_name(v->kanaal), "adres",
		fysiek ? v->adres : NULL, "postcode", fysiek ? postcode : NULL,
		"plaats", fysiek ? v->plaats : NULL, "balies",
		scratch_tekst(s, "%d", v->balies), "raster",
		scratch_tekst(s, "%d", v->raster), "goedeVrijdagDicht",
		v->goede_vrijdag_dicht ? "ja" : "nee", "bevrijdingsdagDicht",
		v->bevrijdingsdag_dicht ? "ja" : "nee", "open",
		open_tekst(s, v), NULL);
}

static void
lees_vestiging(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct vestiging *v = elem;

	v->id = db_col_int(st, 0);
	v->gemeente = col_text(a, st, 1);
	v->code = col_text(a, st, 2);
	v->naam = col_text(a, st, 3);
	kanaal_parse(db_col_text(st, 4), &v->kanaal);
	v->adres = col_text(a, st, 5);
	v->postcode = col_text(a, st, 6);
	v->plaats = col_text(a, st, 7);
	v->balies = (int)db_col_int(st, 8);
	v->raster = (int)db_col_int(st, 9);
	v->goede_vrijdag_dicht = db_col_int(st, 10) != 0;
	v->bevrijdingsdag_dicht = db_col_int(st, 11) != 0;
}

struct open_rij {
	int64_t vestiging;
	struct openingstijd o;
};

static void
lees_open(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct open_rij *r = elem;

	r->vestiging = db_col_int(st, 0);
	r->o.weekdag = (int)db_col_int(st, 1);
	r->o.van = (int)db_col_int(st, 2);
	r->o.tot = (int)db_col_int(st, 3);
}

struct sluit_rij {
	int64_t vestiging;
	struct vestiging_sluiting s;
};

static void
lees_sluiting(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct sluit_rij *r = elem;

	r->vestiging = db_col_int(st, 0);
	r->s.id = db_col_int(st, 1);
	r->s.van = col_date(st, 2);
	r->s.tot = col_date(st, 3);
	r->s.reden = col_text(a, st, 4);
}

/* Bind the location filter of VEST_FILTER (queries.c). */
static void
bind_vest_filter(struct db_stmt *st, const char *gemeente, const char *code,
		 const char *kanaal)
{
	bind_text(st, 1, gemeente);
	bind_text(st, 2, code);
	bind_text(st, 3, kanaal);
}

/*
 * The locations of municipality `gemeente`, with code `code`, of channel
 * `kanaal` (each NULL: any), by code, with their opening hours and the
 * closures that end on `van` or later (DATE_NONE: all) and begin by `tot`
 * (DATE_NONE: any). Three queries, whatever the number of locations,
 * sent at once.
 */
enum status
vestigingen_lezen(struct store *s, struct arena *a, const char *gemeente,
		  const char *code, const char *kanaal, day_t van, day_t tot,
		  struct vestiging **out, size_t *n, struct err *e)
{
	struct open_rij *o;
	struct sluit_rij *z;
	struct db_stmt *st, *so, *sz;
	size_t no, nz;
	void *arr;

	*out = NULL;
	*n = 0;
	/* The three go to the database at once (db_send). */
	if (!(st = stmt(s, Q_VEST_LIST, e)))
		return e->status;
	bind_vest_filter(st, gemeente, code, kanaal);
	db_send(st);
	if (!(so = stmt(s, Q_OPEN_LIST, e)))
		return e->status;
	bind_vest_filter(so, gemeente, code, kanaal);
	db_send(so);
	if (!(sz = stmt(s, Q_SLUITING_LIST, e)))
		return e->status;
	bind_vest_filter(sz, gemeente, code, kanaal);
	if (van == DATE_NONE)
		bind_text(sz, 4, ""); /* before every date */
	else
		bind_date(sz, 4, van);
	bind_date(sz, 5, tot);
	db_send(sz);
	if (rows_read(s, a, st, sizeof(**out), lees_vestiging, &arr, n, e))
		return e->status;
	*out = arr;
	if (rows_read(s, a, so, sizeof(*o), lees_open, &arr, &no, e))
		return e->status;
	o = arr;
	if (rows_read(s, a, sz, sizeof(*z), lees_sluiting, &arr, &nz, e))
		return e->status;
	z = arr;
	for (size_t i = 0; i < *n; i++) {
		struct vestiging *v = &(*out)[i];
		size_t k = 0;

		for (size_t j = 0; j < no; j++)
			k += o[j].vestiging == v->id;
		if (k && !(v->open = arena_calloc(a, k, sizeof(*v->open))))
			return nomem(e);
		for (size_t j = 0; j < no; j++)
			if (o[j].vestiging == v->id)
				v->open[v->nopen++] = o[j].o;
		k = 0;
		for (size_t j = 0; j < nz; j++)
			k += z[j].vestiging == v->id;
		if (k && !(v->sluitingen =
				   arena_calloc(a, k, sizeof(*v->sluitingen))))
			return nomem(e);
		for (size_t j = 0; j < nz; j++)
			if (z[j].vestiging == v->id)
				v->sluitingen[v->nsluitingen++] =
					(struct sluiting){ z[j].s.van,
							   z[j].s.tot };
	}
	return ST_OK;
}

/* Replace the opening hours of location `id`. */
static enum status
open_schrijven(struct store *s, int64_t id, const struct openingstijd *o,
	       size_t n, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_OPEN_DELETE, e);

	if (!st)
		return e->status;
	bind_int(st, 1, id);
	if (run(s, st, e))
		return e->status;
	for (size_t i = 0; i < n; i++) {
		if (!(st = stmt(s, Q_OPEN_INSERT, e)))
			return e->status;
		bind_int(st, 1, id);
		bind_int(st, 2, o[i].weekdag);
		bind_int(st, 3, o[i].van);
		bind_int(st, 4, o[i].tot);
		if (run(s, st, e))
			return e->status;
	}
	return ST_OK;
}

/*
 * The writes of a municipality's catalogue, roster, settings and
 * appointments leave the general generation alone and raise only the
 * municipality's appointment family (store_intern.h), so that a booking
 * in one municipality keeps every other cached page. Locations are
 * written rarely and show on general pages: they raise the general one.
 */
enum status
afspraak_familie(struct store *s, const char *gemeente, struct err *e)
{
	char f[STORE_FAMILIE_MAX];

	snprintf(f, sizeof(f), STORE_FAMILIE_AFSPRAKEN "%s",
		 gemeente ? gemeente : "");
	return tx_familie(s, f, e);
}

enum status
store_vestiging_add(struct store *s, const struct vestiging *v, int64_t *id,
		    struct err *e)
{
	bool fysiek = v->kanaal == KANAAL_FYSIEK;
	char postcode[8];
	int64_t gid = 0;
	struct db_stmt *st;
	enum db_fout f;
	enum status rc;

	*id = 0;
	vestiging_velden(v, v->kanaal, postcode, sizeof(postcode), e);
	if (e->status)
		return e->status;
	if ((rc = tx_begin(s, e)))
		return rc;
	if (!org_id(s, v->gemeente, ORG_GEMEENTE, "gemeente", &gid, e) &&
	    (st = stmt(s, Q_VEST_INSERT, e))) {
		bind_int(st, 1, gid);
		bind_text(st, 2, v->code);
		bind_text(st, 3, v->naam);
		bind_text(st, 4, kanaal_name(v->kanaal));
		bind_text(st, 5, fysiek ? v->adres : NULL);
		bind_text(st, 6, fysiek ? postcode : NULL);
		bind_text(st, 7, fysiek ? v->plaats : NULL);
		bind_int(st, 8, v->balies);
		bind_int(st, 9, v->raster);
		bind_int(st, 10, v->goede_vrijdag_dicht);
		bind_int(st, 11, v->bevrijdingsdag_dicht);
		if ((f = insert_id(s, st, id)) == DB_UNIQUE)
			err_set(e, ST_CONFLICT,
				"Er is al een vestiging met code %.64s.",
				v->code);
		else if (f != DB_OK)
			db_error(s, e, "vestiging");
	}
	if (!e->status)
		open_schrijven(s, *id, v->open, v->nopen, e);
	if (!e->status) {
		s->scope = v->gemeente;
		audit_append(s, "create", 201, "vestiging",
			     scratch_tekst(s, "vestigingen/%s", v->code),
			     v->code, NULL, NULL,
			     vestiging_json(s, v, postcode), e);
	}
	rc = tx_end(s, e->status, e);
	if (rc)
		*id = 0;
	return rc;
}

enum status
store_vestiging_update(struct store *s, const struct vestiging *v,
		       struct err *e)
{
	struct vestiging nieuw = *v, *oud = NULL;
	struct vest_ref r;
	char postcode[8];
	struct db_stmt *st;
	enum status rc;
	size_t n = 0;

	if ((rc = tx_begin(s, e)))
		return rc;
	if (vest_ref(s, &s->scratch, v->code, &r, e))
		return tx_end(s, e->status, e);
	nieuw.gemeente = r.gemeente;
	nieuw.kanaal = r.kanaal;
	vestiging_velden(&nieuw, r.kanaal, postcode, sizeof(postcode), e);
	if (!e->status && v->balies < r.balies &&
	    (st = stmt(s, Q_VEST_BALIE_MAX, e))) {
		bind_int(st, 1, r.id);
		bind_int(st, 2, s->now);
		if (next_row(s, st, e) == 1 && db_col_int(st, 0) > v->balies)
			conflict_veld(e, "balies", "booked",
				      "Aan balie %" PRId64 " staan nog "
				      "afspraken; verplaats die eerst of "
				      "houd %" PRId64 " balies.",
				      db_col_int(st, 0), db_col_int(st, 0));
		db_reset(st);
	}
	if (!e->status)
		vestigingen_lezen(s, &s->scratch, NULL, v->code, NULL,
				  DATE_NONE, DATE_NONE, &oud, &n, e);
	if (!e->status && n != 1)
		err_internal(e, "location %s read back %zu times", v->code, n);
	if (!e->status && (st = stmt(s, Q_VEST_UPDATE, e))) {
		bool fysiek = r.kanaal == KANAAL_FYSIEK;

		bind_int(st, 1, r.id);
		bind_text(st, 2, v->naam);
		bind_text(st, 3, fysiek ? v->adres : NULL);
		bind_text(st, 4, fysiek ? postcode : NULL);
		bind_text(st, 5, fysiek ? v->plaats : NULL);
		bind_int(st, 6, v->balies);
		bind_int(st, 7, v->raster);
		bind_int(st, 8, v->goede_vrijdag_dicht);
		bind_int(st, 9, v->bevrijdingsdag_dicht);
		run(s, st, e);
	}
	if (!e->status)
		open_schrijven(s, r.id, v->open, v->nopen, e);
	if (!e->status) {
		s->scope = r.gemeente;
		audit_append(s, "update", 200, "vestiging",
			     scratch_tekst(s, "vestigingen/%s", v->code),
			     v->code, NULL,
			     vestiging_json(s, oud, oud->postcode),
			     vestiging_json(s, &nieuw, postcode), e);
	}
	return tx_end(s, e->status, e);
}

enum status
store_vestiging_get(struct store *s, const char *code, day_t vanaf,
		    struct arena *a, struct vestiging *out, struct err *e)
{
	struct vestiging *v;
	size_t n;

	memset(out, 0, sizeof(*out));
	if (tekst_leeg(code))
		return err_set(e, ST_NOT_FOUND, "Vestiging bestaat niet.");
	if (vestigingen_lezen(s, a, NULL, code, NULL, vanaf, DATE_NONE, &v, &n,
			      e))
		return e->status;
	if (n == 0)
		return err_set(e, ST_NOT_FOUND, "Vestiging %.64s bestaat niet.",
			       code);
	*out = v[0];
	return ST_OK;
}

enum status
store_vestiging_list(struct store *s, const char *gemeente, day_t vanaf,
		     struct arena *a, struct vestiging **out, size_t *n,
		     struct err *e)
{
	int64_t gid;

	*out = NULL;
	*n = 0;
	if (gemeente && org_id(s, gemeente, ORG_GEMEENTE, NULL, &gid, e))
		return e->status;
	return vestigingen_lezen(s, a, gemeente, NULL, NULL, vanaf, DATE_NONE,
				 out, n, e);
}

/*
 * The booked appointments at location `vid` starting in [van, tot): ST_OK
 * when there are none, else ST_CONFLICT naming the first, for `wat` ("deze
 * periode").
 */
static enum status
geen_afspraken(struct store *s, int64_t vid, int64_t van, int64_t tot,
	       const char *veld, const char *wat, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_AFSPRAAK_TELLEN, e);
	int64_t aantal = 0, eerste = 0;
	int r;

	if (!st)
		return e->status;
	bind_int(st, 1, vid);
	bind_int(st, 2, van);
	bind_int(st, 3, tot);
	if ((r = next_row(s, st, e)) == 1) {
		aantal = db_col_int(st, 0);
		eerste = db_col_int(st, 1);
	}
	db_reset(st);
	if (r < 0)
		return e->status;
	if (aantal > 0) {
		char dag[64], om[16];
		day_t d;
		int m;

		afspraak_lokaal(eerste, &d, &m);
		dag_tekst(d, dag, sizeof(dag));
		klok(m, om, sizeof(om));
		return conflict_veld(
			e, veld, "booked",
			"In %s %s nog %" PRId64 " %s (de eerste "
			"op %s om %s); verplaats of annuleer "
			"die eerst.",
			wat, aantal == 1 ? "staat" : "staan", aantal,
			aantal == 1 ? "afspraak" : "afspraken", dag, om);
	}
	return ST_OK;
}

enum status
store_sluiting_add(struct store *s, const char *vestiging, day_t van, day_t tot,
		   const char *reden, int64_t *id, struct err *e)
{
	struct vest_ref r;
	struct db_stmt *st;
	enum status rc;

	*id = 0;
	if (van == DATE_NONE)
		err_invalid(e, "van", "required", "Vul de eerste dag in.");
	if (tot == DATE_NONE)
		err_invalid(e, "tot", "required", "Vul de laatste dag in.");
	else if (van != DATE_NONE && tot < van)
		err_invalid(e, "tot", "before-start",
			    "De laatste dag ligt voor de eerste.");
	else if (van != DATE_NONE && tot - van + 1 > SLUITING_MAX_DAGEN)
		err_invalid(e, "tot", "range",
			    "Sluit hoogstens %d dagen in één keer.",
			    SLUITING_MAX_DAGEN);
	text_check_max(reden, "reden", AFSPRAAK_MAX_NAAM, e);
	if (e->status)
		return e->status;
	if ((rc = tx_begin(s, e)))
		return rc;
	if (!vest_ref(s, &s->scratch, vestiging, &r, e))
		geen_afspraken(s, r.id, afspraak_utc(van, 0),
			       afspraak_utc(tot + 1, 0), "van", "deze periode",
			       e);
	if (!e->status && (st = stmt(s, Q_SLUITING_INSERT, e))) {
		bind_int(st, 1, r.id);
		bind_date(st, 2, van);
		bind_date(st, 3, tot);
		bind_text(st, 4, tekst_of_null(reden));
		run_id(s, st, id, e);
	}
	if (!e->status) {
		s->scope = r.gemeente;
		audit_append(s, "create", 201, "sluiting",
			     scratch_tekst(s,
					   "vestigingen/%s/sluitingen/%" PRId64,
					   vestiging, *id),
			     vestiging, NULL, NULL,
			     jobj(&s->scratch, "vestiging", vestiging, "van",
				  iso(&s->scratch, van), "tot",
				  iso(&s->scratch, tot), "reden",
				  tekst_of_null(reden), NULL),
			     e);
	}
	rc = tx_end(s, e->status, e);
	if (rc)
		*id = 0;
	return rc;
}

enum status
store_sluiting_delete(struct store *s, const char *vestiging, int64_t id,
		      struct err *e)
{
	const char *oud = NULL;
	struct vest_ref r;
	struct db_stmt *st;
	enum status rc;
	int n;

	if ((rc = tx_begin(s, e)))
		return rc;
	if (!vest_ref(s, &s->scratch, vestiging, &r, e) &&
	    (st = stmt(s, Q_SLUITING_GET, e))) {
		bind_int(st, 1, id);
		bind_int(st, 2, r.id);
		if ((n = next_row(s, st, e)) == 1)
			oud = jobj(&s->scratch, "vestiging", vestiging, "van",
				   db_col_text(st, 0), "tot",
				   db_col_text(st, 1), "reden",
				   db_col_text(st, 2), NULL);
		else if (n == 0)
			err_set(e, ST_NOT_FOUND,
				"Vestiging %.64s heeft geen sluiting %" PRId64
				".",
				vestiging, id);
		db_reset(st);
	}
	if (!e->status && (st = stmt(s, Q_SLUITING_DELETE, e))) {
		bind_int(st, 1, id);
		bind_int(st, 2, r.id);
		run(s, st, e);
	}
	if (!e->status) {
		s->scope = r.gemeente;
		audit_append(s, "destroy", 204, "sluiting",
			     scratch_tekst(s,
					   "vestigingen/%s/sluitingen/%" PRId64,
					   vestiging, id),
			     vestiging, NULL, oud, NULL, e);
	}
	return tx_end(s, e->status, e);
}

enum status
store_sluiting_list(struct store *s, const char *vestiging, day_t vanaf,
		    struct arena *a, struct vestiging_sluiting **out, size_t *n,
		    struct err *e)
{
	struct sluit_rij *z;
	struct vest_ref r;
	struct db_stmt *st;
	size_t nz;
	void *arr;

	*out = NULL;
	*n = 0;
	if (vest_ref(s, a, vestiging, &r, e) ||
	    !(st = stmt(s, Q_SLUITING_LIST, e)))
		return e->status;
	bind_vest_filter(st, NULL, vestiging, NULL);
	if (vanaf == DATE_NONE)
		bind_text(st, 4, "");
	else
		bind_date(st, 4, vanaf);
	bind_null(st, 5);
	if (rows_read(s, a, st, sizeof(*z), lees_sluiting, &arr, &nz, e))
		return e->status;
	z = arr;
	if (nz && !(*out = arena_calloc(a, nz, sizeof(**out))))
		return nomem(e);
	for (size_t i = 0; i < nz; i++)
		(*out)[i] = z[i].s;
	*n = nz;
	return ST_OK;
}

/* ---- the catalogue ---- */

static void
product_velden(const struct balieproduct *p, struct err *e)
{
	afspraak_check_code(p->code, "code", e);
	tekst_verplicht(p->naam, "naam", AFSPRAAK_MAX_NAAM,
			"Vul de naam van het product in.", e);
	if (!tekst_leeg(p->upl_uri)) {
		if (strncmp(p->upl_uri, "http://", 7) &&
		    strncmp(p->upl_uri, "https://", 8))
			err_invalid(e, "upl_uri", "format",
				    "Geef de UPL-naam als adres dat begint "
				    "met http:// of https://.");
		else
			text_check_max(p->upl_uri, "upl_uri", PRODUCT_MAX_URI,
				       e);
	}
	if (!text_check_int(p->duur, "duur", 5, 480, e) && p->duur % 5)
		err_invalid(e, "duur", "multiple",
			    "Geef de duur in hele vijf minuten.");
	if (!p->fysiek && !p->video)
		err_invalid(e, "kanalen", "required",
			    "Kies ten minste één kanaal: fysiek of video.");
	if (!tekst_leeg(p->vaardigheden))
		afspraak_check_vaardigheden(p->vaardigheden, "vaardigheden", e);
	text_check_int(p->voorbereiding, "voorbereiding", 0, 43200, e);
	text_check_int(p->horizon, "horizon", 1, 366, e);
	if (!text_check_int(p->buffer, "buffer", 0, 120, e) && p->buffer % 5)
		err_invalid(e, "buffer", "multiple",
			    "Geef de buffer in hele vijf minuten.");
	text_check_int(p->max_personen, "max_personen", 1,
		       AFSPRAAK_MAX_PERSONEN, e);
	text_check_max(p->meenemen, "meenemen", AFSPRAAK_MAX_TEKST, e);
}

/* $3..$14 of Q_BP_INSERT and Q_BP_UPDATE. */
static void
bind_product(struct db_stmt *st, const struct balieproduct *p)
{
	bind_text(st, 3, p->naam);
	bind_text(st, 4, tekst_of_null(p->upl_uri));
	bind_int(st, 5, p->duur);
	bind_int(st, 6, p->fysiek);
	bind_int(st, 7, p->video);
	bind_text(st, 8, p->vaardigheden ? p->vaardigheden : "");
	bind_int(st, 9, p->voorbereiding);
	bind_int(st, 10, p->horizon);
	bind_int(st, 11, p->buffer);
	bind_int(st, 12, p->max_personen);
	bind_text(st, 13, tekst_of_null(p->meenemen));
	bind_int(st, 14, p->actief);
}

static const char *
product_json(struct store *s, const struct balieproduct *p)
{
	return jobj(&s->scratch, "gemeente", p->gemeente, "code", p->code,
		    "naam", p->naam, "uplUri", tekst_of_null(p->upl_uri),
		    "duur", scratch_tekst(s, "%d", p->duur), "fysiek",
		    p->fysiek ? "ja" : "nee", "video", p->video ? "ja" : "nee",
		    "vaardigheden", p->vaardigheden ? p->vaardigheden : "",
		    "voorbereiding", scratch_tekst(s, "%d", p->voorbereiding),
		    "horizon", scratch_tekst(s, "%d", p->horizon), "buffer",
		    scratch_tekst(s, "%d", p->buffer), "maxPersonen",
		    scratch_tekst(s, "%d", p->max_personen), "meenemen",
		    tekst_of_null(p->meenemen), "actief",
		    p->actief ? "ja" : "nee", NULL);
}

static void
lees_product(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct balieproduct *p = elem;

	p->id = db_col_int(st, 0);
	p->gemeente = col_text(a, st, 1);
	p->code = col_text(a, st, 2);
	p->naam = col_text(a, st, 3);
	p->upl_uri = col_text(a, st, 4);
	p->duur = (int)db_col_int(st, 5);
	p->fysiek = db_col_int(st, 6) != 0;
	p->video = db_col_int(st, 7) != 0;
	p->vaardigheden = col_text(a, st, 8);
	p->voorbereiding = (int)db_col_int(st, 9);
	p->horizon = (int)db_col_int(st, 10);
	p->buffer = (int)db_col_int(st, 11);
	p->max_personen = (int)db_col_int(st, 12);
	p->meenemen = col_text(a, st, 13);
	p->actief = db_col_int(st, 14) != 0;
}

/* Municipality `gid`'s products (code `code`; NULL: all), active ones
 * unless `alle`. */
enum status
producten_lezen(struct store *s, struct arena *a, int64_t gid, const char *code,
		bool alle, struct balieproduct **out, size_t *n, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_BP_LIST, e);
	void *arr;

	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	bind_int(st, 1, gid);
	bind_text(st, 2, code);
	bind_int(st, 3, alle);
	if (rows_read(s, a, st, sizeof(**out), lees_product, &arr, n, e))
		return e->status;
	*out = arr;
	return ST_OK;
}

/* Insert product p of municipality gid (checked), audited. */
static enum status
product_invoegen(struct store *s, int64_t gid, const struct balieproduct *p,
		 int64_t *id, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_BP_INSERT, e);
	enum db_fout f;

	if (!st)
		return e->status;
	bind_int(st, 1, gid);
	bind_text(st, 2, p->code);
	bind_product(st, p);
	if ((f = insert_id(s, st, id)) == DB_UNIQUE)
		return err_set(e, ST_CONFLICT,
			       "Gemeente %.20s heeft al een product met code "
			       "%.64s.",
			       p->gemeente, p->code);
	if (f != DB_OK)
		return db_error(s, e, "balieproduct");
	s->scope = p->gemeente;
	return audit_append(s, "create", 201, "balieproduct",
			    scratch_tekst(s, "gemeenten/%s/balieproducten/%s",
					  p->gemeente, p->code),
			    p->code, NULL, NULL, product_json(s, p), e);
}

enum status
store_balieproduct_add(struct store *s, const struct balieproduct *p,
		       int64_t *id, struct err *e)
{
	int64_t gid;
	enum status rc;

	*id = 0;
	product_velden(p, e);
	if (e->status)
		return e->status;
	if ((rc = tx_begin(s, e)))
		return rc;
	if (!org_id(s, p->gemeente, ORG_GEMEENTE, "gemeente", &gid, e) &&
	    !afspraak_familie(s, p->gemeente, e))
		product_invoegen(s, gid, p, id, e);
	rc = tx_end(s, e->status, e);
	if (rc)
		*id = 0;
	return rc;
}

enum status
store_balieproduct_update(struct store *s, const struct balieproduct *p,
			  struct err *e)
{
	struct balieproduct *oud = NULL;
	struct db_stmt *st;
	enum status rc;
	int64_t gid;
	size_t n = 0;

	product_velden(p, e);
	if (e->status)
		return e->status;
	if ((rc = tx_begin(s, e)))
		return rc;
	if (!org_id(s, p->gemeente, ORG_GEMEENTE, NULL, &gid, e) &&
	    !afspraak_familie(s, p->gemeente, e))
		producten_lezen(s, &s->scratch, gid, p->code, true, &oud, &n,
				e);
	if (!e->status && n == 0)
		err_set(e, ST_NOT_FOUND,
			"Gemeente %.20s heeft geen product %.64s.", p->gemeente,
			p->code);
	if (!e->status && (st = stmt(s, Q_BP_UPDATE, e))) {
		bind_int(st, 1, gid);
		bind_text(st, 2, p->code);
		bind_product(st, p);
		run(s, st, e);
	}
	if (!e->status) {
		s->scope = p->gemeente;
		audit_append(s, "update", 200, "balieproduct",
			     scratch_tekst(s, "gemeenten/%s/balieproducten/%s",
					   p->gemeente, p->code),
			     p->code, NULL, product_json(s, oud),
			     product_json(s, p), e);
	}
	return tx_end(s, e->status, e);
}

enum status
store_balieproduct_get(struct store *s, const char *gemeente, const char *code,
		       struct arena *a, struct balieproduct *out, struct err *e)
{
	struct balieproduct *p;
	int64_t gid;
	size_t n;

	memset(out, 0, sizeof(*out));
	if (org_id(s, gemeente, ORG_GEMEENTE, NULL, &gid, e) ||
	    producten_lezen(s, a, gid, tekst_leeg(code) ? "" : code, true, &p,
			    &n, e))
		return e->status;
	if (n == 0)
		return err_set(e, ST_NOT_FOUND,
			       "Gemeente %.20s heeft geen product %.64s.",
			       gemeente, code ? code : "");
	*out = p[0];
	return ST_OK;
}

enum status
store_balieproduct_list(struct store *s, const char *gemeente, bool alle,
			struct arena *a, struct balieproduct **out, size_t *n,
			struct err *e)
{
	int64_t gid;

	*out = NULL;
	*n = 0;
	if (org_id(s, gemeente, ORG_GEMEENTE, NULL, &gid, e))
		return e->status;
	return producten_lezen(s, a, gid, NULL, alle, out, n, e);
}

/*
 * What data/ref/balieproducten.csv does not say (it names the products
 * and their UPL; no duration is published): the defaults a seeded
 * catalogue starts from, for each municipality to adjust.
 */
static const struct {
	const char *code;
	int duur; /* minutes per person */
	int max_personen;
	bool video; /* also by video */
	const char *vaardigheid;
	const char *meenemen;
} standaard[] = {
	{ "paspoort", 10, 5, false, "reisdocumenten",
	  "Uw huidige paspoort of identiteitskaart en een pasfoto die niet "
	  "ouder is dan zes maanden." },
	{ "identiteitskaart", 10, 5, false, "reisdocumenten",
	  "Uw huidige identiteitskaart of paspoort en een pasfoto die niet "
	  "ouder is dan zes maanden." },
	{ "rijbewijs", 10, 2, false, "reisdocumenten",
	  "Uw huidige rijbewijs en een pasfoto die niet ouder is dan zes "
	  "maanden." },
	{ "uittreksel_brp", 5, 5, false, "burgerzaken",
	  "Uw paspoort, identiteitskaart of rijbewijs." },
	{ "aangifte_geboorte", 15, 1, false, "burgerzaken",
	  "Uw identiteitsbewijs en de verklaring van de verloskundige of het "
	  "ziekenhuis, als u die heeft." },
	{ "aangifte_overlijden", 15, 1, false, "burgerzaken",
	  "Uw identiteitsbewijs en de verklaring van overlijden van de arts." },
	{ "verhuizing", 10, 1, true, "burgerzaken",
	  "Uw identiteitsbewijs en uw huurcontract of koopakte." },
	{ "huwelijk", 30, 1, true, "burgerzaken",
	  "De identiteitsbewijzen van u beiden." },
};

#define SEED_VOORBEREIDING 60 /* minutes of notice */
#define SEED_HORIZON 90 /* days ahead */

/*
 * store_balieproduct_seed: every product of data/ref/balieproducten.csv
 * that municipality `gemeente` does not have yet, with these defaults:
 *
 *   product              minutes  persons  channels        skill
 *   paspoort                  10        5  fysiek          reisdocumenten
 *   identiteitskaart          10        5  fysiek          reisdocumenten
 *   rijbewijs                 10        2  fysiek          reisdocumenten
 *   uittreksel_brp             5        5  fysiek          burgerzaken
 *   aangifte_geboorte         15        1  fysiek          burgerzaken
 *   aangifte_overlijden       15        1  fysiek          burgerzaken
 *   verhuizing                10        1  fysiek, video   burgerzaken
 *   huwelijk                  30        1  fysiek, video   burgerzaken
 *   (any other row)           10        1  fysiek          burgerzaken
 *
 * Minutes are per person. Only a move and the notice of an intended
 * marriage are offered by video: neither hands over or takes in a
 * document (travel documents and licences are applied for with
 * fingerprints and a photo, an extract is a paper, a birth or death is
 * declared with a paper from the midwife or doctor). Every product gets
 * an hour's notice, a horizon of 90 days, no buffer, the UPL address
 * (the first one where the file gives several), and what to bring.
 * *toegevoegd is how many were added; seeding twice adds nothing.
 */
enum status
store_balieproduct_seed(struct store *s, const char *gemeente,
			size_t *toegevoegd, struct err *e)
{
	static const char *const namen[] = { "id", "weergavenaam", "upl_uri" };
	static const bool verplicht_[] = { true, true, true };
	const struct csv_kolommen spec = { namen, 3, verplicht_,
					   "balieproducten" };
	struct csv_tabel t;
	struct arena a;
	enum status rc;
	int64_t gid;

	*toegevoegd = 0;
	arena_init(&a, 4u << 20);
	if (csv_tabel_lees(&a, (const char *)embed_balieproducten_csv,
			   embed_balieproducten_csv_len, &spec, &t, e)) {
		arena_free(&a);
		return err_internal(e, "balieproducten.csv: %s", e->message);
	}
	if ((rc = tx_begin(s, e))) {
		arena_free(&a);
		return rc;
	}
	if (!org_id(s, gemeente, ORG_GEMEENTE, NULL, &gid, e))
		afspraak_familie(s, gemeente, e);
	for (size_t i = 0; !e->status && i < t.nrijen; i++) {
		const char *const *v = t.rijen[i].veld;
		struct balieproduct p = { .gemeente = gemeente,
					  .code = v[0],
					  .naam = v[1],
					  .duur = 10,
					  .fysiek = true,
					  .vaardigheden = "burgerzaken",
					  .voorbereiding = SEED_VOORBEREIDING,
					  .horizon = SEED_HORIZON,
					  .max_personen = 1,
					  .actief = true };
		struct balieproduct *er;
		size_t n, k = strcspn(v[2], " ;");
		int64_t id;

		for (size_t j = 0; j < sizeof(standaard) / sizeof(standaard[0]);
		     j++)
			if (strcmp(standaard[j].code, p.code) == 0) {
				p.duur = standaard[j].duur;
				p.max_personen = standaard[j].max_personen;
				p.video = standaard[j].video;
				p.vaardigheden = standaard[j].vaardigheid;
				p.meenemen = standaard[j].meenemen;
			}
		p.upl_uri = k ? arena_strndup(&a, v[2], k) : NULL;
		if (producten_lezen(s, &a, gid, p.code, true, &er, &n, e) ||
		    n > 0)
			continue;
		product_velden(&p, e);
		if (e->status) {
			err_internal(e, "balieproducten.csv line %zu: %s",
				     t.rijen[i].regel, e->message);
			break;
		}
		if (!product_invoegen(s, gid, &p, &id, e))
			(*toegevoegd)++;
	}
	if (!e->status && *toegevoegd == 0) {
		/* Nothing to add: nothing written, not even the generation. */
		struct err stil;

		err_clear(&stil);
		tx_end(s, ST_CONFLICT, &stil);
		arena_free(&a);
		return ST_OK;
	}
	rc = tx_end(s, e->status, e);
	if (rc)
		*toegevoegd = 0;
	arena_free(&a);
	return rc;
}

/* ---- the roster ---- */

static void
lees_dienst(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct dienst *d = elem;

	d->id = db_col_int(st, 0);
	d->medewerker = col_text(a, st, 1);
	d->medewerker_naam = col_text(a, st, 2);
	d->samenwerking = col_text(a, st, 3);
	d->vestiging = col_text(a, st, 4);
	d->gemeente = col_text(a, st, 5);
	d->datum = col_date(st, 6);
	d->van = (int)db_col_int(st, 7);
	d->tot = (int)db_col_int(st, 8);
	d->vaardigheden = col_text(a, st, 9);
	d->reeks = db_col_int(st, 10);
}

static void
dienst_velden(const struct dienst *d, day_t herhaal_tot, const day_t *uitz,
	      size_t nuitz, struct err *e)
{
	tekst_verplicht(d->vestiging, "vestiging", AFSPRAAK_MAX_CODE,
			"Kies de vestiging.", e);
	tekst_verplicht(d->medewerker, "medewerker", MEDEWERKER_MAX_NUMMER,
			"Vul het personeelsnummer in.", e);
	if (d->datum == DATE_NONE)
		err_invalid(e, "datum", "required", "Vul de datum in.");
	if (d->van < 0 || d->van > 1435 || d->tot > 1440 || d->tot <= d->van)
		err_invalid(e, "tot", "range",
			    "De dienst eindigt na het begin, op dezelfde "
			    "dag.");
	else if (d->van % 5 || d->tot % 5)
		err_invalid(e, "van", "grid",
			    "Begin en einde vallen op hele vijf minuten, "
			    "zoals 08:30 of 12:35.");
	if (!tekst_leeg(d->vaardigheden))
		afspraak_check_vaardigheden(d->vaardigheden, "vaardigheden", e);
	if (herhaal_tot != DATE_NONE && d->datum != DATE_NONE) {
		if (herhaal_tot < d->datum)
			err_invalid(e, "herhaal_tot", "before-start",
				    "Herhaal tot een dag op of na de eerste.");
		else if (herhaal_tot - d->datum > DIENST_MAX_REEKS)
			err_invalid(e, "herhaal_tot", "range",
				    "Herhaal hoogstens een jaar vooruit.");
	}
	if (nuitz > DIENST_MAX_UITZONDERINGEN) {
		err_invalid(e, "uitzonderingen", "too-many",
			    "Geef hoogstens %d uitzonderingen.",
			    DIENST_MAX_UITZONDERINGEN);
		return;
	}
	for (size_t i = 0; i < nuitz && d->datum != DATE_NONE; i++) {
		day_t u = uitz[i];
		char veld[32];

		snprintf(veld, sizeof(veld), "uitzonderingen[%zu]", i);
		if (herhaal_tot == DATE_NONE || u == DATE_NONE ||
		    u < d->datum || u > herhaal_tot || (u - d->datum) % 7)
			err_invalid(e, veld, "not-in-series",
				    "Deze dag hoort niet bij de reeks.");
	}
}

/*
 * Staff member d->medewerker (of d->samenwerking) in a cooperation that
 * municipality gid is a member of from day `van` to day `tot`.
 */
static enum status
medewerker_zoeken(struct store *s, const struct dienst *d, int64_t gid,
		  const char *gemeente, day_t van, day_t tot, int64_t *mid,
		  const char **sw, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_DIENST_MW, e);
	int k = 0, r;

	*mid = 0;
	*sw = NULL;
	if (!st)
		return e->status;
	bind_text(st, 1, d->medewerker);
	bind_text(st, 2, tekst_of_null(d->samenwerking));
	bind_int(st, 3, gid);
	bind_date(st, 4, van);
	bind_date(st, 5, tot);
	while ((r = next_row(s, st, e)) == 1) {
		if (k++ == 0) {
			*mid = db_col_int(st, 0);
			*sw = col_text(&s->scratch, st, 1);
		}
	}
	db_reset(st);
	if (r < 0)
		return e->status;
	if (k == 0)
		return err_set(e, ST_NOT_FOUND,
			       "Medewerker %.32s hoort niet bij een "
			       "samenwerking waarvan gemeente %.20s lid is.",
			       d->medewerker, gemeente);
	if (k > 1)
		return err_invalid(e, "samenwerking", "ambiguous",
				   "Personeelsnummer %.32s bestaat in meer dan "
				   "één samenwerking van gemeente %.20s; noem "
				   "de samenwerking.",
				   d->medewerker, gemeente);
	return ST_OK;
}

/* The new entries' days and instants. */
struct diensten {
	size_t n;
	day_t dag[DIENST_MAX_REEKS / 7 + 2];
	int64_t van[DIENST_MAX_REEKS / 7 + 2], tot[DIENST_MAX_REEKS / 7 + 2];
};

/*
 * Refused (ST_CONFLICT) when staff member `mid` is rostered anywhere at a
 * time that overlaps one of `w`: each such day a problem, and the
 * message names them all as far as they fit.
 */
static enum status
geen_overlap(struct store *s, int64_t mid, const char *nummer,
	     const struct diensten *w, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_DIENST_OVERLAP, e);
	bool botst[sizeof(w->dag) / sizeof(w->dag[0])] = { false };
	size_t nbotst = 0;
	int r;

	if (!st)
		return e->status;
	bind_int(st, 1, mid);
	bind_int(st, 2, w->van[0]);
	bind_int(st, 3, w->tot[w->n - 1]);
	while ((r = next_row(s, st, e)) == 1) {
		int64_t van = db_col_int(st, 0), tot = db_col_int(st, 1);

		for (size_t i = 0; i < w->n; i++) {
			char dag[64], v[16], t[16];

			if (!(w->van[i] < tot && van < w->tot[i]))
				continue;
			dag_tekst(col_date(st, 2), dag, sizeof(dag));
			klok((int)db_col_int(st, 3), v, sizeof(v));
			klok((int)db_col_int(st, 4), t, sizeof(t));
			err_invalid(e, "datum", "overlap",
				    "Op %s staat %.32s al ingeroosterd van %s "
				    "tot %s bij %.64s.",
				    dag, nummer, v, t, db_col_text(st, 5));
			if (!botst[i])
				nbotst++;
			botst[i] = true;
		}
	}
	db_reset(st);
	if (r < 0)
		return e->status;
	if (nbotst) {
		char *m = e->message;
		size_t cap = sizeof(e->message), o, k = 0;

		o = (size_t)snprintf(m, cap,
				     "Medewerker %.32s staat al ergens "
				     "ingeroosterd op ",
				     nummer);
		for (size_t i = 0; i < w->n; i++) {
			char dag[40];

			if (!botst[i])
				continue;
			date_format_nl(w->dag[i], dag, sizeof(dag));
			if (o + strlen(dag) + 40 >= cap)
				break;
			o += (size_t)snprintf(m + o, cap - o, "%s%s",
					      k == 0		? ""
					      : k + 1 == nbotst ? " en "
								: ", ",
					      dag);
			k++;
		}
		if (k < nbotst)
			snprintf(m + o, cap - o, " en nog %zu andere dagen.",
				 nbotst - k);
		else
			snprintf(m + o, cap - o, ".");
		e->status = ST_CONFLICT;
	}
	return e->status;
}

enum status
store_dienst_add(struct store *s, const struct dienst *d, day_t herhaal_tot,
		 const day_t *uitzonderingen, size_t nuitz, struct arena *a,
		 int64_t **ids, size_t *n, struct err *e)
{
	struct diensten w = { 0 };
	int64_t nieuw[sizeof(w.dag) / sizeof(w.dag[0])];
	int64_t mid = 0, reeks = 0;
	const char *sw = NULL;
	struct vest_ref r;
	enum status rc;
	day_t laatste;

	*ids = NULL;
	*n = 0;
	dienst_velden(d, herhaal_tot, uitzonderingen, nuitz, e);
	if (e->status)
		return e->status;
	laatste = herhaal_tot == DATE_NONE ? d->datum : herhaal_tot;
	for (day_t x = d->datum; x <= laatste; x += 7) {
		bool uit = false;

		for (size_t i = 0; i < nuitz; i++)
			uit = uit || uitzonderingen[i] == x;
		if (uit)
			continue;
		w.dag[w.n] = x;
		w.van[w.n] = afspraak_utc(x, d->van);
		w.tot[w.n] = afspraak_utc(x, d->tot);
		if (w.tot[w.n] <= w.van[w.n]) {
			char dag[64];

			dag_tekst(x, dag, sizeof(dag));
			err_invalid(e, "van", "dst",
				    "Op %s bestaat deze tijd niet: de klok "
				    "gaat een uur vooruit.",
				    dag);
		}
		w.n++;
	}
	if (w.n == 0)
		err_invalid(e, "uitzonderingen", "all",
			    "Alle dagen van de reeks zijn uitgezonderd.");
	if (e->status)
		return e->status;
	if ((rc = tx_begin(s, e)))
		return rc;
	if (!vest_ref(s, &s->scratch, d->vestiging, &r, e) &&
	    !afspraak_familie(s, r.gemeente, e) &&
	    !medewerker_zoeken(s, d, r.gemeente_id, r.gemeente, w.dag[0],
			       w.dag[w.n - 1], &mid, &sw, e))
		geen_overlap(s, mid, d->medewerker, &w, e);
	for (size_t i = 0; !e->status && i < w.n; i++) {
		struct db_stmt *st = stmt(s, Q_DIENST_INSERT, e);

		if (!st)
			break;
		bind_int(st, 1, mid);
		bind_int(st, 2, r.id);
		bind_date(st, 3, w.dag[i]);
		bind_int(st, 4, d->van);
		bind_int(st, 5, d->tot);
		bind_int(st, 6, w.van[i]);
		bind_int(st, 7, w.tot[i]);
		bind_text(st, 8, d->vaardigheden ? d->vaardigheden : "");
		bind_id(st, 9, reeks);
		if (run_id(s, st, &nieuw[i], e))
			break;
		if (i == 0 && herhaal_tot != DATE_NONE) {
			reeks = nieuw[0];
			if ((st = stmt(s, Q_DIENST_REEKS, e))) {
				bind_int(st, 1, reeks);
				run(s, st, e);
			}
		}
	}
	if (!e->status) {
		char v[16], t[16];

		klok(d->van, v, sizeof(v));
		klok(d->tot, t, sizeof(t));
		s->scope = r.gemeente;
		audit_append(s, "create", 201, "dienst",
			     scratch_tekst(s, "vestigingen/%s/rooster/%" PRId64,
					   d->vestiging, nieuw[0]),
			     scratch_tekst(s, "%s op %s", d->medewerker,
					   iso(&s->scratch, w.dag[0])),
			     NULL, NULL,
			     jobj(&s->scratch, "medewerker", d->medewerker,
				  "samenwerking", sw, "vestiging", d->vestiging,
				  "datum", iso(&s->scratch, d->datum), "van", v,
				  "tot", t, "vaardigheden",
				  d->vaardigheden ? d->vaardigheden : "",
				  "herhaalTot", iso(&s->scratch, herhaal_tot),
				  "diensten", scratch_tekst(s, "%zu", w.n),
				  NULL),
			     e);
	}
	if ((rc = tx_end(s, e->status, e)))
		return rc;
	if (!(*ids = arena_calloc(a, w.n, sizeof(**ids))))
		return nomem(e);
	memcpy(*ids, nieuw, w.n * sizeof(**ids));
	*n = w.n;
	return ST_OK;
}

enum status
store_dienst_get(struct store *s, int64_t id, struct arena *a,
		 struct dienst *out, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_DIENST_GET, e);
	int r;

	memset(out, 0, sizeof(*out));
	if (!st)
		return e->status;
	bind_int(st, 1, id);
	if ((r = next_row(s, st, e)) == 1)
		lees_dienst(s, a, st, out);
	else if (r == 0)
		err_set(e, ST_NOT_FOUND, "Dienst %" PRId64 " bestaat niet.",
			id);
	db_reset(st);
	return e->status;
}

enum status
store_dienst_delete(struct store *s, int64_t id, bool reeks, struct err *e)
{
	struct dienst d = { 0 };
	struct db_stmt *st;
	int64_t aantal = 0, eerste = 0, weg = 0;
	enum status rc;
	int r;

	if ((rc = tx_begin(s, e)))
		return rc;
	if ((st = stmt(s, Q_DIENST_GET, e))) {
		bind_int(st, 1, id);
		if ((r = next_row(s, st, e)) == 1)
			lees_dienst(s, &s->scratch, st, &d);
		else if (r == 0)
			err_set(e, ST_NOT_FOUND,
				"Dienst %" PRId64 " bestaat niet.", id);
		db_reset(st);
	}
	if (!e->status)
		afspraak_familie(s, d.gemeente, e);
	if (!e->status && (st = stmt(s, Q_DIENST_GEBOEKT, e))) {
		bind_int(st, 1, id);
		bind_id(st, 2, reeks ? d.reeks : 0);
		bind_date(st, 3, d.datum);
		while ((r = next_row(s, st, e)) == 1)
			if (aantal++ == 0)
				eerste = db_col_int(st, 0);
		db_reset(st);
	}
	if (!e->status && aantal > 0) {
		char dag[64], om[16];
		day_t x;
		int m;

		afspraak_lokaal(eerste, &x, &m);
		dag_tekst(x, dag, sizeof(dag));
		klok(m, om, sizeof(om));
		conflict_veld(e, "id", "booked",
			      "Bij %s %s nog %" PRId64 " %s (de eerste op %s "
			      "om %s); verplaats of annuleer die eerst.",
			      reeks && d.reeks ? "deze reeks" : "deze dienst",
			      aantal == 1 ? "staat" : "staan", aantal,
			      aantal == 1 ? "afspraak" : "afspraken", dag, om);
	}
	if (!e->status && (st = stmt(s, Q_DIENST_DELETE, e))) {
		bind_int(st, 1, id);
		bind_id(st, 2, reeks ? d.reeks : 0);
		bind_date(st, 3, d.datum);
		if (!run(s, st, e))
			weg = db_changes(s->db);
	}
	if (!e->status) {
		char v[16], t[16];

		klok(d.van, v, sizeof(v));
		klok(d.tot, t, sizeof(t));
		s->scope = d.gemeente;
		audit_append(
			s, "destroy", 204, "dienst",
			scratch_tekst(s, "vestigingen/%s/rooster/%" PRId64,
				      d.vestiging, id),
			scratch_tekst(s, "%s op %s", d.medewerker,
				      iso(&s->scratch, d.datum)),
			reeks && d.reeks ? "de reeks vanaf deze dag" : NULL,
			jobj(&s->scratch, "medewerker", d.medewerker,
			     "samenwerking", d.samenwerking, "vestiging",
			     d.vestiging, "datum", iso(&s->scratch, d.datum),
			     "van", v, "tot", t, "diensten",
			     scratch_tekst(s, "%" PRId64, weg), NULL),
			NULL, e);
	}
	return tx_end(s, e->status, e);
}

enum status
store_dienst_list(struct store *s, const struct dienst_filter *f,
		  struct arena *a, struct dienst **out, size_t *n,
		  struct err *e)
{
	struct db_stmt *st;
	struct vest_ref r;
	int64_t gid;
	void *arr;

	*out = NULL;
	*n = 0;
	if (f->van == DATE_NONE)
		err_invalid(e, "van", "required", "Vul de eerste dag in.");
	if (f->tot == DATE_NONE)
		err_invalid(e, "tot", "required", "Vul de laatste dag in.");
	else if (f->van != DATE_NONE && f->tot < f->van)
		err_invalid(e, "tot", "before-start",
			    "De laatste dag ligt voor de eerste.");
	else if (f->van != DATE_NONE && f->tot - f->van >= DIENST_MAX_REEKS)
		err_invalid(e, "tot", "range",
			    "Vraag hoogstens %d dagen tegelijk.",
			    DIENST_MAX_REEKS);
	if (e->status)
		return e->status;
	if (f->gemeente && org_id(s, f->gemeente, ORG_GEMEENTE, NULL, &gid, e))
		return e->status;
	if (f->vestiging && vest_ref(s, a, f->vestiging, &r, e))
		return e->status;
	if (!(st = stmt(s, Q_DIENST_LIST, e)))
		return e->status;
	bind_int(st, 1, afspraak_utc(f->van, 0));
	bind_int(st, 2, afspraak_utc(f->tot + 1, 0));
	bind_text(st, 3, f->vestiging);
	bind_text(st, 4, f->gemeente);
	bind_text(st, 5, f->medewerker);
	bind_text(st, 6, f->samenwerking);
	if (rows_read(s, a, st, sizeof(**out), lees_dienst, &arr, n, e))
		return e->status;
	*out = arr;
	return ST_OK;
}

/* ---- settings per municipality ---- */

enum status
instelling_lezen(struct store *s, struct arena *a, int64_t gid,
		 const char *gemeente, struct afspraak_instelling *out,
		 struct err *e)
{
	struct db_stmt *st = stmt(s, Q_INSTELLING_GET, e);
	int r;

	memset(out, 0, sizeof(*out));
	out->gemeente = arena_strdup(a, gemeente);
	out->herinnering = HERINNERING_STANDAARD;
	out->bewaartermijn = BEWAARTERMIJN_STANDAARD;
	out->max_open = GRENS_MAX_OPEN;
	out->max_per_dag = GRENS_EMAIL_MAX;
	out->web_aandeel = 100;
	if (!st)
		return e->status;
	bind_int(st, 1, gid);
	if ((r = next_row(s, st, e)) == 1) {
		out->afzender = col_text(a, st, 0);
		out->videolink = col_text(a, st, 1);
		out->herinnering = (int)db_col_int(st, 2);
		out->bewaartermijn = (int)db_col_int(st, 3);
		out->slottekst = col_text(a, st, 4);
		out->max_open = (int)db_col_int(st, 5);
		out->max_per_dag = (int)db_col_int(st, 6);
		out->web_aandeel = (int)db_col_int(st, 7);
	}
	db_reset(st);
	return r < 0 ? e->status : ST_OK;
}

static const char *
instelling_json(struct store *s, const struct afspraak_instelling *i)
{
	return jobj(
		&s->scratch, "gemeente", i->gemeente, "afzender",
		tekst_of_null(i->afzender), "videolink",
		tekst_of_null(i->videolink), "herinnering",
		scratch_tekst(s, "%d", i->herinnering), "bewaartermijn",
		scratch_tekst(s, "%d", i->bewaartermijn), "slottekst",
		tekst_of_null(i->slottekst), "max_open",
		scratch_tekst(s, "%d",
			      i->max_open ? i->max_open : GRENS_MAX_OPEN),
		"max_per_dag",
		scratch_tekst(s, "%d",
			      i->max_per_dag ? i->max_per_dag
					     : GRENS_EMAIL_MAX),
		"web_aandeel",
		scratch_tekst(s, "%d", i->web_aandeel ? i->web_aandeel : 100),
		NULL);
}

enum status
store_afspraak_instelling_get(struct store *s, const char *gemeente,
			      struct arena *a, struct afspraak_instelling *out,
			      struct err *e)
{
	int64_t gid;

	memset(out, 0, sizeof(*out));
	if (org_id(s, gemeente, ORG_GEMEENTE, NULL, &gid, e))
		return e->status;
	return instelling_lezen(s, a, gid, gemeente, out, e);
}

enum status
store_afspraak_instelling_update(struct store *s,
				 const struct afspraak_instelling *i,
				 struct err *e)
{
	struct afspraak_instelling oud;
	struct db_stmt *st;
	enum status rc;
	int64_t gid;

	if (!tekst_leeg(i->afzender))
		afspraak_check_email(i->afzender, "afzender", e);
	if (!tekst_leeg(i->videolink)) {
		if (strncmp(i->videolink, "https://", 8))
			err_invalid(e, "videolink", "format",
				    "Een videolink begint met https://.");
		else
			text_check_max(i->videolink, "videolink", VIDEOLINK_MAX,
				       e);
	}
	text_check_int(i->herinnering, "herinnering", 0, 336, e);
	text_check_int(i->bewaartermijn, "bewaartermijn", 1, 3650, e);
	text_check_max(i->slottekst, "slottekst", AFSPRAAK_MAX_TEKST, e);
	if (i->max_open)
		text_check_int(i->max_open, "max_open", 1, GRENS_MAX_OPEN_MAX,
			       e);
	if (i->max_per_dag)
		text_check_int(i->max_per_dag, "max_per_dag", 1,
			       GRENS_EMAIL_MAX_MAX, e);
	if (i->web_aandeel)
		text_check_int(i->web_aandeel, "web_aandeel", 1, 100, e);
	if (e->status)
		return e->status;
	if ((rc = tx_begin(s, e)))
		return rc;
	if (!org_id(s, i->gemeente, ORG_GEMEENTE, NULL, &gid, e) &&
	    !afspraak_familie(s, i->gemeente, e) &&
	    !instelling_lezen(s, &s->scratch, gid, i->gemeente, &oud, e) &&
	    (st = stmt(s, Q_INSTELLING_UPSERT, e))) {
		bind_int(st, 1, gid);
		bind_text(st, 2, tekst_of_null(i->afzender));
		bind_text(st, 3, tekst_of_null(i->videolink));
		bind_int(st, 4, i->herinnering);
		bind_int(st, 5, i->bewaartermijn);
		bind_text(st, 6, tekst_of_null(i->slottekst));
		bind_int(st, 7, i->max_open ? i->max_open : GRENS_MAX_OPEN);
		bind_int(st, 8,
			 i->max_per_dag ? i->max_per_dag : GRENS_EMAIL_MAX);
		bind_int(st, 9, i->web_aandeel ? i->web_aandeel : 100);
		run(s, st, e);
	}
	if (!e->status) {
		s->scope = i->gemeente;
		audit_append(s, "update", 200, "afspraakinstelling",
			     scratch_tekst(s,
					   "gemeenten/%s/afspraakinstellingen",
					   i->gemeente),
			     i->gemeente, NULL, instelling_json(s, &oud),
			     instelling_json(s, i), e);
	}
	return tx_end(s, e->status, e);
}
