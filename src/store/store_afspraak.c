/*
 * store_afspraak.c - the front office by appointment in the store
 * (docs/design/appointments.md): locations with their opening hours and
 * closures, each municipality's catalogue, the roster, the settings per
 * municipality, free times and bookings. The outbox is store_bericht.c.
 *
 * A free-time search reads a few indexed ranges (the locations with
 * hours and closures, the roster, the bookings) and leaves the rest to
 * the pure engine (slot_zoek in src/core/afspraak.c). A booking asks the
 * same engine for the one requested start, inside the write transaction,
 * and then inserts the five-minute cells the visit holds into
 * afspraak_cel, whose two keys refuse a cell held twice: that, not the
 * engine's check, is what makes a double booking impossible.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "store_intern.h"
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
#define SLEUTEL_MAX 255 /* an Idempotency-Key */
#define VERZOEK_HASH_MAX 128
#define VIDEOLINK_MAX 500
/* The last instant a start may be (9999-12-31T23:59:59Z). */
#define TIJD_MAX INT64_C(253402300799)

static const char *const dagnamen[] = { "maandag",   "dinsdag", "woensdag",
					"donderdag", "vrijdag", "zaterdag",
					"zondag" };

/* ---- small helpers ---- */

static bool
leeg(const char *t)
{
	return !t || !*t;
}

static const char *tekst(struct store *s, const char *f, ...)
	__attribute__((format(printf, 2, 3)));

/* printf into the scratch arena (texts of audit entries). */
static const char *
tekst(struct store *s, const char *f, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, f);
	vsnprintf(buf, sizeof(buf), f, ap);
	va_end(ap);
	return arena_strdup(&s->scratch, buf);
}

static enum status conflict_veld(struct err *e, const char *veld,
				 const char *code, const char *f, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * ST_CONFLICT with its reason as the message and as a problem under
 * `veld` (a form can show it beside the field).
 */
static enum status
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

/* An instant as local ISO 8601 in the scratch arena. */
static const char *
tijd_iso(struct store *s, int64_t utc)
{
	char buf[AFSPRAAK_TIJD_LEN];

	afspraak_format_tijd(utc, buf);
	return arena_strdup(&s->scratch, buf);
}

/* A length of time for people: "45 minuten", "2 uur", "1 dag". */
static void
duur_tekst(int minuten, char *buf, size_t n)
{
	if (minuten >= 1440 && minuten % 1440 == 0)
		snprintf(buf, n, "%d %s", minuten / 1440,
			 minuten == 1440 ? "dag" : "dagen");
	else if (minuten >= 60 && minuten % 60 == 0)
		snprintf(buf, n, "%d uur", minuten / 60);
	else
		snprintf(buf, n, "%d %s", minuten,
			 minuten == 1 ? "minuut" : "minuten");
}

/* t, or NULL for empty text. */
static const char *
of_null(const char *t)
{
	return leeg(t) ? NULL : t;
}

/* ---- locations ---- */

/* A location by code: what writes need to know of it. */
struct vest_ref {
	int64_t id, gemeente_id;
	const char *gemeente;
	enum kanaal kanaal;
	int balies;
};

static enum status
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

/* A required text of at most `max` characters. */
static void
verplicht(const char *t, const char *veld, size_t max, const char *melding,
	  struct err *e)
{
	if (leeg(t))
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
	verplicht(v->naam, "naam", AFSPRAAK_MAX_NAAM,
		  "Vul de naam van de vestiging in.", e);
	postcode[0] = '\0';
	if (kanaal != KANAAL_FYSIEK && kanaal != KANAAL_VIDEO)
		err_invalid(e, "kanaal", "unknown",
			    "Kies het kanaal: fysiek of video.");
	if (kanaal == KANAAL_FYSIEK) {
		verplicht(v->adres, "adres", AFSPRAAK_MAX_NAAM,
			  "Vul het adres in (straat en huisnummer).", e);
		verplicht(v->plaats, "plaats", AFSPRAAK_MAX_NAAM,
			  "Vul de plaats in.", e);
		if (leeg(v->postcode))
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
		tekst(s, "%d", v->balies), "raster", tekst(s, "%d", v->raster),
		"goedeVrijdagDicht", v->goede_vrijdag_dicht ? "ja" : "nee",
		"bevrijdingsdagDicht", v->bevrijdingsdag_dicht ? "ja" : "nee",
		"open", open_tekst(s, v), NULL);
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
 * (DATE_NONE: any). Three queries, whatever the number of locations.
 */
static enum status
vestigingen_lezen(struct store *s, struct arena *a, const char *gemeente,
		  const char *code, const char *kanaal, day_t van, day_t tot,
		  struct vestiging **out, size_t *n, struct err *e)
{
	struct open_rij *o;
	struct sluit_rij *z;
	struct db_stmt *st;
	size_t no, nz;
	void *arr;

	*out = NULL;
	*n = 0;
	if (!(st = stmt(s, Q_VEST_LIST, e)))
		return e->status;
	bind_vest_filter(st, gemeente, code, kanaal);
	if (rows_read(s, a, st, sizeof(**out), lees_vestiging, &arr, n, e))
		return e->status;
	*out = arr;
	if (*n == 0)
		return ST_OK;
	if (!(st = stmt(s, Q_OPEN_LIST, e)))
		return e->status;
	bind_vest_filter(st, gemeente, code, kanaal);
	if (rows_read(s, a, st, sizeof(*o), lees_open, &arr, &no, e))
		return e->status;
	o = arr;
	if (!(st = stmt(s, Q_SLUITING_LIST, e)))
		return e->status;
	bind_vest_filter(st, gemeente, code, kanaal);
	if (van == DATE_NONE)
		bind_text(st, 4, ""); /* before every date */
	else
		bind_date(st, 4, van);
	bind_date(st, 5, tot);
	if (rows_read(s, a, st, sizeof(*z), lees_sluiting, &arr, &nz, e))
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
			     tekst(s, "vestigingen/%s", v->code), v->code, NULL,
			     NULL, vestiging_json(s, v, postcode), e);
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
			     tekst(s, "vestigingen/%s", v->code), v->code, NULL,
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
	if (leeg(code))
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
		bind_text(st, 4, of_null(reden));
		run_id(s, st, id, e);
	}
	if (!e->status) {
		s->scope = r.gemeente;
		audit_append(s, "create", 201, "sluiting",
			     tekst(s, "vestigingen/%s/sluitingen/%" PRId64,
				   vestiging, *id),
			     vestiging, NULL, NULL,
			     jobj(&s->scratch, "vestiging", vestiging, "van",
				  iso(&s->scratch, van), "tot",
				  iso(&s->scratch, tot), "reden",
				  of_null(reden), NULL),
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
			     tekst(s, "vestigingen/%s/sluitingen/%" PRId64,
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
	verplicht(p->naam, "naam", AFSPRAAK_MAX_NAAM,
		  "Vul de naam van het product in.", e);
	if (!leeg(p->upl_uri)) {
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
	if (!leeg(p->vaardigheden))
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
	bind_text(st, 4, of_null(p->upl_uri));
	bind_int(st, 5, p->duur);
	bind_int(st, 6, p->fysiek);
	bind_int(st, 7, p->video);
	bind_text(st, 8, p->vaardigheden ? p->vaardigheden : "");
	bind_int(st, 9, p->voorbereiding);
	bind_int(st, 10, p->horizon);
	bind_int(st, 11, p->buffer);
	bind_int(st, 12, p->max_personen);
	bind_text(st, 13, of_null(p->meenemen));
	bind_int(st, 14, p->actief);
}

static const char *
product_json(struct store *s, const struct balieproduct *p)
{
	return jobj(
		&s->scratch, "gemeente", p->gemeente, "code", p->code, "naam",
		p->naam, "uplUri", of_null(p->upl_uri), "duur",
		tekst(s, "%d", p->duur), "fysiek", p->fysiek ? "ja" : "nee",
		"video", p->video ? "ja" : "nee", "vaardigheden",
		p->vaardigheden ? p->vaardigheden : "", "voorbereiding",
		tekst(s, "%d", p->voorbereiding), "horizon",
		tekst(s, "%d", p->horizon), "buffer", tekst(s, "%d", p->buffer),
		"maxPersonen", tekst(s, "%d", p->max_personen), "meenemen",
		of_null(p->meenemen), "actief", p->actief ? "ja" : "nee", NULL);
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
static enum status
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
			    tekst(s, "gemeenten/%s/balieproducten/%s",
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
	if (!org_id(s, p->gemeente, ORG_GEMEENTE, "gemeente", &gid, e))
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
	if (!org_id(s, p->gemeente, ORG_GEMEENTE, NULL, &gid, e))
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
			     tekst(s, "gemeenten/%s/balieproducten/%s",
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
	    producten_lezen(s, a, gid, leeg(code) ? "" : code, true, &p, &n, e))
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
	org_id(s, gemeente, ORG_GEMEENTE, NULL, &gid, e);
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
	verplicht(d->vestiging, "vestiging", AFSPRAAK_MAX_CODE,
		  "Kies de vestiging.", e);
	verplicht(d->medewerker, "medewerker", MEDEWERKER_MAX_NUMMER,
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
	if (!leeg(d->vaardigheden))
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
	bind_text(st, 2, of_null(d->samenwerking));
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
			     tekst(s, "vestigingen/%s/rooster/%" PRId64,
				   d->vestiging, nieuw[0]),
			     tekst(s, "%s op %s", d->medewerker,
				   iso(&s->scratch, w.dag[0])),
			     NULL, NULL,
			     jobj(&s->scratch, "medewerker", d->medewerker,
				  "samenwerking", sw, "vestiging", d->vestiging,
				  "datum", iso(&s->scratch, d->datum), "van", v,
				  "tot", t, "vaardigheden",
				  d->vaardigheden ? d->vaardigheden : "",
				  "herhaalTot", iso(&s->scratch, herhaal_tot),
				  "diensten", tekst(s, "%zu", w.n), NULL),
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
		audit_append(s, "destroy", 204, "dienst",
			     tekst(s, "vestigingen/%s/rooster/%" PRId64,
				   d.vestiging, id),
			     tekst(s, "%s op %s", d.medewerker,
				   iso(&s->scratch, d.datum)),
			     reeks && d.reeks ? "de reeks vanaf deze dag"
					      : NULL,
			     jobj(&s->scratch, "medewerker", d.medewerker,
				  "samenwerking", d.samenwerking, "vestiging",
				  d.vestiging, "datum",
				  iso(&s->scratch, d.datum), "van", v, "tot", t,
				  "diensten", tekst(s, "%" PRId64, weg), NULL),
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

static enum status
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
	if (!st)
		return e->status;
	bind_int(st, 1, gid);
	if ((r = next_row(s, st, e)) == 1) {
		out->afzender = col_text(a, st, 0);
		out->videolink = col_text(a, st, 1);
		out->herinnering = (int)db_col_int(st, 2);
		out->bewaartermijn = (int)db_col_int(st, 3);
		out->slottekst = col_text(a, st, 4);
	}
	db_reset(st);
	return r < 0 ? e->status : ST_OK;
}

static const char *
instelling_json(struct store *s, const struct afspraak_instelling *i)
{
	return jobj(&s->scratch, "gemeente", i->gemeente, "afzender",
		    of_null(i->afzender), "videolink", of_null(i->videolink),
		    "herinnering", tekst(s, "%d", i->herinnering),
		    "bewaartermijn", tekst(s, "%d", i->bewaartermijn),
		    "slottekst", of_null(i->slottekst), NULL);
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

	if (!leeg(i->afzender))
		afspraak_check_email(i->afzender, "afzender", e);
	if (!leeg(i->videolink)) {
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
	if (e->status)
		return e->status;
	if ((rc = tx_begin(s, e)))
		return rc;
	if (!org_id(s, i->gemeente, ORG_GEMEENTE, NULL, &gid, e) &&
	    !instelling_lezen(s, &s->scratch, gid, i->gemeente, &oud, e) &&
	    (st = stmt(s, Q_INSTELLING_UPSERT, e))) {
		bind_int(st, 1, gid);
		bind_text(st, 2, of_null(i->afzender));
		bind_text(st, 3, of_null(i->videolink));
		bind_int(st, 4, i->herinnering);
		bind_int(st, 5, i->bewaartermijn);
		bind_text(st, 6, of_null(i->slottekst));
		run(s, st, e);
	}
	if (!e->status) {
		s->scope = i->gemeente;
		audit_append(s, "update", 200, "afspraakinstelling",
			     tekst(s, "gemeenten/%s/afspraakinstellingen",
				   i->gemeente),
			     i->gemeente, NULL, instelling_json(s, &oud),
			     instelling_json(s, i), e);
	}
	return tx_end(s, e->status, e);
}

/* ---- what a visit needs ---- */

/*
 * A visit of several products, as the engine sees it: the duration is
 * the sum of each product's duration times its persons, the skills
 * their union; the longest notice, the shortest horizon and the longest
 * buffer count.
 */
struct bezoek {
	int64_t gemeente_id;
	const char *gemeente;
	size_t n;
	struct balieproduct p[AFSPRAAK_MAX_PRODUCTEN];
	int personen[AFSPRAAK_MAX_PRODUCTEN];
	int duur, buffer, voorbereiding, horizon;
	uint64_t bits;
	const char *namen[AFSPRAAK_MAX_VAARDIGHEDEN];
	size_t nnamen;
};

/*
 * The visit of products r[0..n) of municipality `gemeente` on channel
 * `kanaal` (with `alle`, inactive products too: an appointment made
 * before keeps them). Unknown municipality or product: ST_NOT_FOUND;
 * more persons than a product allows, or a product not offered on the
 * channel: ST_INVALID by field.
 */
static enum status
bezoek_lees(struct store *s, struct arena *a, const char *gemeente,
	    const struct afspraak_regel *r, size_t n, enum kanaal kanaal,
	    bool alle, struct bezoek *b, struct err *e)
{
	char veld[48];

	memset(b, 0, sizeof(*b));
	if (kanaal != KANAAL_FYSIEK && kanaal != KANAAL_VIDEO)
		err_invalid(e, "kanaal", "unknown",
			    "Kies hoe u komt: op het gemeentehuis of via "
			    "video.");
	if (n == 0 || !r)
		err_invalid(e, "regels", "required",
			    "Kies ten minste één "
			    "product.");
	else if (n > AFSPRAAK_MAX_PRODUCTEN)
		err_invalid(e, "regels", "too-many",
			    "Kies hoogstens %d producten voor één afspraak.",
			    AFSPRAAK_MAX_PRODUCTEN);
	for (size_t i = 0; n <= AFSPRAAK_MAX_PRODUCTEN && i < n; i++) {
		snprintf(veld, sizeof(veld), "regels[%zu].product", i);
		if (leeg(r[i].product)) {
			err_invalid(e, veld, "required", "Kies een product.");
		} else {
			for (size_t j = 0; j < i; j++)
				if (r[j].product &&
				    strcmp(r[j].product, r[i].product) == 0) {
					err_invalid(e, veld, "duplicate",
						    "Dit product staat er al; "
						    "geef het aantal personen "
						    "op.");
					break;
				}
		}
		snprintf(veld, sizeof(veld), "regels[%zu].personen", i);
		text_check_int(r[i].personen, veld, 1, AFSPRAAK_MAX_PERSONEN,
			       e);
	}
	if (e->status)
		return e->status;
	if (org_id(s, gemeente, ORG_GEMEENTE, NULL, &b->gemeente_id, e))
		return e->status;
	b->gemeente = gemeente;
	b->n = n;
	for (size_t i = 0; i < n; i++) {
		struct balieproduct *p;
		size_t np;

		if (producten_lezen(s, a, b->gemeente_id, r[i].product, alle,
				    &p, &np, e))
			return e->status;
		if (np == 0)
			return err_set(e, ST_NOT_FOUND,
				       "Product %.64s bestaat niet bij "
				       "gemeente %.20s.",
				       r[i].product, gemeente);
		b->p[i] = p[0];
		b->personen[i] = r[i].personen;
	}
	for (size_t i = 0; i < n; i++) {
		const struct balieproduct *p = &b->p[i];

		if (b->personen[i] > p->max_personen) {
			snprintf(veld, sizeof(veld), "regels[%zu].personen", i);
			err_invalid(e, veld, "too-many",
				    "Voor %.64s kunt u met hoogstens %d %s "
				    "tegelijk komen.",
				    p->naam, p->max_personen,
				    p->max_personen == 1 ? "persoon"
							 : "personen");
		}
		if (!(kanaal == KANAAL_VIDEO ? p->video : p->fysiek))
			err_invalid(e, "kanaal", "channel",
				    "%.64s kan niet %s.", p->naam,
				    kanaal == KANAAL_VIDEO
					    ? "via video"
					    : "op het gemeentehuis");
	}
	if (e->status)
		return e->status;
	b->horizon = b->p[0].horizon;
	for (size_t i = 0; i < n; i++) {
		const struct balieproduct *p = &b->p[i];
		uint64_t bits = 0;

		b->duur += p->duur * b->personen[i];
		if (p->buffer > b->buffer)
			b->buffer = p->buffer;
		if (p->voorbereiding > b->voorbereiding)
			b->voorbereiding = p->voorbereiding;
		if (p->horizon < b->horizon)
			b->horizon = p->horizon;
		if (!leeg(p->vaardigheden) &&
		    vaardigheden_bits(p->vaardigheden, b->namen, &b->nnamen,
				      &bits, e))
			return e->status;
		b->bits |= bits;
	}
	if (b->duur > AFSPRAAK_MAX_DUUR)
		return err_invalid(e, "regels", "too-long",
				   "Dit bezoek zou %d minuten duren; maak er "
				   "meer afspraken van.",
				   b->duur);
	return ST_OK;
}

/*
 * The bits of the skills in `lijst` that are among namen[0..n) (each read
 * up to a ',', ' ' or NUL, as vaardigheden_bits leaves them); others
 * do not matter to this visit.
 */
static uint64_t
bits_bekend(const char *lijst, const char *const *namen, size_t n)
{
	uint64_t bits = 0;

	for (const char *p = lijst; p && *p;) {
		size_t k = strcspn(p, ", ");

		for (size_t i = 0; k && i < n; i++)
			if (strcspn(namen[i], ", ") == k &&
			    strncmp(namen[i], p, k) == 0)
				bits |= UINT64_C(1) << i;
		p += k;
		if (*p)
			p++;
	}
	return bits;
}

/*
 * The locations a visit may go to: location `code` (of the visit's
 * municipality, on the channel asked for), or all the municipality's of
 * the channel; with closures from `van` to `tot`.
 */
static enum status
vestigingen_kiezen(struct store *s, struct arena *a, const struct bezoek *b,
		   const char *code, enum kanaal kanaal, day_t van, day_t tot,
		   struct vestiging **vs, size_t *n, struct err *e)
{
	if (!code)
		return vestigingen_lezen(s, a, b->gemeente, NULL,
					 kanaal_name(kanaal), van, tot, vs, n,
					 e);
	if (vestigingen_lezen(s, a, b->gemeente, code, NULL, van, tot, vs, n,
			      e))
		return e->status;
	if (*n == 0)
		return err_set(e, ST_NOT_FOUND, "Vestiging %.64s bestaat niet.",
			       code);
	if ((*vs)[0].kanaal != kanaal)
		return err_invalid(e, "vestiging", "channel",
				   "Bij %.64s kunt u alleen een afspraak %s "
				   "maken.",
				   (*vs)[0].naam,
				   (*vs)[0].kanaal == KANAAL_VIDEO
					   ? "via video"
					   : "op het gemeentehuis");
	return ST_OK;
}

/* What the engine is given. */
struct zoek {
	struct slot_vestiging *v;
	size_t nv;
	struct slot_dienst *d;
	size_t nd;
	struct slot_bezet *b;
	size_t nb;
	struct slot_vraag q;
};

/* $1..$5 of DIENST_ZOEK and Q_AFSPRAAK_BEZET (queries.c). */
static void
zoek_bind(struct db_stmt *st, const struct bezoek *b, enum kanaal k,
	  int64_t vid, int64_t van, int64_t tot)
{
	bind_int(st, 1, b->gemeente_id);
	bind_text(st, 2, kanaal_name(k));
	bind_id(st, 3, vid);
	bind_int(st, 4, van);
	bind_int(st, 5, tot);
}

/*
 * The engine's input for visit `b` at locations vs[0..nvs) (location
 * `vid`, or 0: all of the municipality's on channel k), starts from `van`
 * to `tot` (UTC): two range queries, one for the roster and one for
 * what is booked, both over what a visit starting in the window could
 * touch. Appointment `behalve` (one being moved) is left out.
 */
static enum status
zoek_lezen(struct store *s, struct arena *a, const struct bezoek *b,
	   const struct vestiging *vs, size_t nvs, enum kanaal k, int64_t vid,
	   int64_t van, int64_t tot, int64_t behalve, struct zoek *z,
	   struct err *e)
{
	int64_t eind = tot + 60 * (int64_t)(b->duur + b->buffer);
	size_t capd = 0, capb = 0;
	struct db_stmt *st;
	int r;

	memset(z, 0, sizeof(*z));
	if (!(z->v = arena_calloc(a, nvs ? nvs : 1, sizeof(*z->v))))
		return nomem(e);
	for (size_t i = 0; i < nvs; i++)
		z->v[i] = (struct slot_vestiging){
			.id = vs[i].id,
			.balies = vs[i].balies,
			.raster = vs[i].raster,
			.goede_vrijdag = vs[i].goede_vrijdag_dicht,
			.bevrijdingsdag = vs[i].bevrijdingsdag_dicht,
			.open = vs[i].open,
			.nopen = vs[i].nopen,
			.sluitingen = vs[i].sluitingen,
			.nsluitingen = vs[i].nsluitingen,
		};
	z->nv = nvs;
	if (!(st = stmt(s, Q_DIENST_ZOEK, e)))
		return e->status;
	zoek_bind(st, b, k, vid, van, eind);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, z->d, z->nd, capd)) {
			db_reset(st);
			return nomem(e);
		}
		z->d[z->nd - 1] = (struct slot_dienst){
			.medewerker = db_col_int(st, 0),
			.vestiging = db_col_int(st, 1),
			.van = db_col_int(st, 2),
			.tot = db_col_int(st, 3),
			.vaardigheden = bits_bekend(db_col_text(st, 4),
						    b->namen, b->nnamen),
		};
	}
	db_reset(st);
	if (r < 0 || !(st = stmt(s, Q_AFSPRAAK_BEZET, e)))
		return e->status;
	zoek_bind(st, b, k, vid, van, eind);
	bind_int(st, 6, behalve);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, z->b, z->nb, capb)) {
			db_reset(st);
			return nomem(e);
		}
		z->b[z->nb - 1] = (struct slot_bezet){
			.medewerker = db_col_int(st, 0),
			.vestiging = db_col_int(st, 1),
			.balie = (int)db_col_int(st, 2),
			.van = db_col_int(st, 3),
			.tot = db_col_int(st, 4),
		};
	}
	db_reset(st);
	if (r < 0)
		return e->status;
	z->q = (struct slot_vraag){
		.van = van,
		.tot = tot,
		.vroegst = s->now + 60 * (int64_t)b->voorbereiding,
		.laatst = s->now + 86400 * (int64_t)b->horizon,
		.duur = b->duur,
		.buffer = b->buffer,
		.vaardigheden = b->bits,
	};
	return ST_OK;
}

enum status
store_vrije_tijden(struct store *s, const struct afspraak_vraag *q, day_t van,
		   day_t tot, struct arena *a, struct slot **out, size_t *n,
		   struct err *e)
{
	struct vestiging *vs;
	struct bezoek b = { 0 };
	struct zoek z;
	size_t nvs;

	*out = NULL;
	*n = 0;
	if (van == DATE_NONE)
		err_invalid(e, "van", "required", "Vul de eerste dag in.");
	if (tot == DATE_NONE)
		err_invalid(e, "tot", "required", "Vul de laatste dag in.");
	else if (van != DATE_NONE && tot < van)
		err_invalid(e, "tot", "before-start",
			    "De laatste dag ligt voor de eerste.");
	else if (van != DATE_NONE && tot - van + 1 > AFSPRAAK_MAX_DAGEN)
		err_invalid(e, "tot", "range",
			    "Zoek hoogstens %d dagen tegelijk.",
			    AFSPRAAK_MAX_DAGEN);
	if (e->status)
		return e->status;
	if (bezoek_lees(s, a, q->gemeente, q->regels, q->nregels, q->kanaal,
			false, &b, e) ||
	    vestigingen_kiezen(s, a, &b, q->vestiging, q->kanaal, van, tot, &vs,
			       &nvs, e) ||
	    zoek_lezen(s, a, &b, vs, nvs, q->kanaal,
		       q->vestiging ? vs[0].id : 0, afspraak_utc(van, 0),
		       afspraak_utc(tot + 1, 0), 0, &z, e))
		return e->status;
	return slot_zoek(z.v, z.nv, z.d, z.nd, z.b, z.nb, &z.q, a, out, n, e);
}

/* ---- booking ---- */

/* A start not free because someone else has it now. */
static enum status
bezet(struct err *e)
{
	return conflict_veld(e, "start", "bezet",
			     "Deze tijd is niet meer vrij. Kies een andere "
			     "tijd.");
}

/*
 * The staff member and desk for visit `b` at location `code` from
 * `start`: the engine on a window of that one start. When nothing is
 * free, ST_CONFLICT "bezet" if the time is free by the rules but taken,
 * else ST_INVALID under "start" saying which rule.
 */
static enum status
tijd_kiezen(struct store *s, struct arena *a, const struct bezoek *b,
	    const char *code, enum kanaal k, int64_t start, int64_t behalve,
	    struct vestiging **v, struct slot *gekozen, struct err *e)
{
	struct vestiging *vs;
	struct slot *r;
	struct zoek z;
	size_t nvs, nr;
	day_t dag;
	int minuut;

	afspraak_lokaal(start, &dag, &minuut);
	if (vestigingen_kiezen(s, a, b, code, k, dag - 1, dag + 1, &vs, &nvs,
			       e) ||
	    zoek_lezen(s, a, b, vs, 1, k, vs[0].id, afspraak_utc(dag, 0),
		       afspraak_utc(dag + 1, 0), behalve, &z, e))
		return e->status;
	z.q.van = start;
	z.q.tot = start + 1;
	if (slot_zoek(z.v, z.nv, z.d, z.nd, z.b, z.nb, &z.q, a, &r, &nr, e))
		return e->status;
	if (nr > 0) {
		*gekozen = r[0];
		*v = vs;
		return ST_OK;
	}
	if (slot_zoek(z.v, z.nv, z.d, z.nd, NULL, 0, &z.q, a, &r, &nr, e))
		return e->status;
	if (nr > 0)
		return bezet(e);
	if (start <= s->now)
		return err_invalid(e, "start", "past",
				   "Deze tijd is al voorbij. Kies een andere "
				   "tijd.");
	if (start < z.q.vroegst) {
		char d[32];

		duur_tekst(b->voorbereiding, d, sizeof(d));
		return err_invalid(e, "start", "too-soon",
				   "Maak de afspraak ten minste %s van "
				   "tevoren.",
				   d);
	}
	if (start >= z.q.laatst)
		return err_invalid(e, "start", "too-far",
				   "U kunt hoogstens %d dagen vooruit boeken.",
				   b->horizon);
	return err_invalid(e, "start", "unavailable",
			   "Op deze tijd kunt u geen afspraak maken. Kies een "
			   "van de vrije tijden.");
}

/* The cells [van, tot) of appointment `id` as slot `sl` holds them. */
static enum status
cellen_nemen(struct store *s, int64_t id, int64_t van, int64_t tot,
	     const struct slot *sl, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_CEL_INSERT, e);
	enum db_fout f;

	if (!st)
		return e->status;
	bind_int(st, 1, id);
	bind_int(st, 2, van / AFSPRAAK_CEL);
	bind_int(st, 3, (tot + AFSPRAAK_CEL - 1) / AFSPRAAK_CEL);
	bind_int(st, 4, sl->medewerker);
	bind_int(st, 5, sl->vestiging);
	bind_int(st, 6, sl->balie);
	if (db_step(st) >= 0) {
		db_reset(st);
		return ST_OK;
	}
	f = db_laatste(s->db);
	db_reset(st);
	if (f == DB_UNIQUE)
		return bezet(e);
	return db_error(s, e, "afspraak_cel");
}

static enum status
cellen_vrijgeven(struct store *s, int64_t id, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_CEL_DELETE, e);

	if (!st)
		return e->status;
	bind_int(st, 1, id);
	return run(s, st, e);
}

/* The reminder of appointment `id` starting at `start`, when its
 * municipality sends one and there is time for it. */
static enum status
herinnering_plannen(struct store *s, int64_t id, int64_t gid,
		    const char *gemeente, int volgnummer, int64_t start,
		    struct err *e)
{
	struct afspraak_instelling i;
	int64_t wanneer;

	if (instelling_lezen(s, &s->scratch, gid, gemeente, &i, e))
		return e->status;
	wanneer = start - 3600 * (int64_t)i.herinnering;
	if (i.herinnering == 0 || wanneer <= s->now)
		return ST_OK;
	return bericht_queue(s, id, BERICHT_HERINNERING, volgnummer, wanneer,
			     e);
}

/* "paspoort x2, rijbewijs x1": the products of an appointment. */
static const char *
producten_tekst(struct store *s, const struct afspraak_regel *r, size_t n)
{
	char buf[512];
	size_t o = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && o < sizeof(buf) - 80; i++)
		o += (size_t)snprintf(buf + o, sizeof(buf) - o, "%s%.64s x%d",
				      i ? ", " : "", r[i].product,
				      r[i].personen);
	return arena_strdup(&s->scratch, buf);
}

/* What the audit trail keeps of an appointment: never who. */
static const char *
afspraak_json(struct store *s, const struct afspraak *x)
{
	return jobj(&s->scratch, "referentie", x->referentie, "gemeente",
		    x->gemeente, "vestiging", x->vestiging, "kanaal",
		    kanaal_name(x->kanaal), "start", tijd_iso(s, x->start),
		    "eind", tijd_iso(s, x->eind), "producten",
		    producten_tekst(s, x->regels, x->nregels), "medewerker",
		    x->medewerker, "balie", tekst(s, "%d", x->balie), "status",
		    afspraak_status_name(x->status), NULL);
}

void
afspraak_rij_lees(struct arena *a, struct db_stmt *st, int c,
		  struct afspraak_rij *r)
{
	struct afspraak *x = &r->a;

	memset(r, 0, sizeof(*r));
	x->id = db_col_int(st, c);
	x->referentie = col_text(a, st, c + 1);
	x->gemeente = col_text(a, st, c + 2);
	x->vestiging = col_text(a, st, c + 3);
	x->vestiging_naam = col_text(a, st, c + 4);
	kanaal_parse(db_col_text(st, c + 5), &x->kanaal);
	x->start = db_col_int(st, c + 6);
	x->eind = db_col_int(st, c + 7);
	x->medewerker = col_text(a, st, c + 8);
	x->balie = (int)db_col_int(st, c + 9);
	afspraak_status_parse(db_col_text(st, c + 10), &x->status);
	x->naam = col_text(a, st, c + 11);
	x->email = col_text(a, st, c + 12);
	x->telefoon = col_text(a, st, c + 13);
	x->volgnummer = (int)db_col_int(st, c + 14);
	x->aangemaakt = col_text(a, st, c + 15);
	x->gewijzigd = col_text(a, st, c + 16);
	r->gemeente_id = db_col_int(st, c + 17);
	r->vestiging_id = db_col_int(st, c + 18);
	r->medewerker_id = db_col_int(st, c + 19);
	r->buffer = (int)db_col_int(st, c + 20);
}

static void
lees_regel(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct afspraak_regel *r = elem;

	r->product = col_text(a, st, 1);
	r->naam = col_text(a, st, 2);
	r->personen = (int)db_col_int(st, 3);
}

enum status
afspraak_regels_lees(struct store *s, struct arena *a, struct afspraak *x,
		     struct err *e)
{
	struct db_stmt *st = stmt(s, Q_AFSPRAAK_PRODUCTEN, e);
	void *arr;

	if (!st)
		return e->status;
	bind_int(st, 1, x->id);
	if (rows_read(s, a, st, sizeof(*x->regels), lees_regel, &arr,
		      &x->nregels, e))
		return e->status;
	x->regels = arr;
	return ST_OK;
}

#define GEEN_AFSPRAAK                                                 \
	"Geen afspraak gevonden met deze code en dit e-mailadres of " \
	"telefoonnummer."

/*
 * The appointment with reference code `referentie` (any case) whose
 * contact is `contact`, or, for staff (contact NULL), any. The same
 * ST_NOT_FOUND for a wrong code and a wrong contact. Only staff see the
 * staff member.
 */
static enum status
afspraak_lees(struct store *s, struct arena *a, const char *referentie,
	      const char *contact, struct afspraak_rij *r, struct err *e)
{
	char ref[AFSPRAAK_REFERENTIE_LEN + 1];
	struct db_stmt *st;
	size_t k = referentie ? strlen(referentie) : 0;
	int n;

	memset(r, 0, sizeof(*r));
	if (k == 0 || k > AFSPRAAK_REFERENTIE_LEN ||
	    !afspraak_referentie_geldig(referentie))
		return err_set(e, ST_NOT_FOUND, GEEN_AFSPRAAK);
	for (size_t i = 0; i <= k; i++)
		ref[i] = (char)toupper((unsigned char)referentie[i]);
	if (!(st = stmt(s, Q_AFSPRAAK_GET, e)))
		return e->status;
	bind_text(st, 1, ref);
	if ((n = next_row(s, st, e)) == 1)
		afspraak_rij_lees(a, st, 0, r);
	db_reset(st);
	if (n < 0)
		return e->status;
	if (n == 0 || (contact && !afspraak_contact_past(contact, r->a.email,
							 r->a.telefoon))) {
		memset(r, 0, sizeof(*r));
		return err_set(e, ST_NOT_FOUND, GEEN_AFSPRAAK);
	}
	if (contact)
		r->a.medewerker = NULL;
	return afspraak_regels_lees(s, a, &r->a, e);
}

static void
boeking_velden(const struct afspraak_boeking *b, struct err *e)
{
	verplicht(b->naam, "naam", AFSPRAAK_MAX_NAAM, "Vul uw naam in.", e);
	if (leeg(b->email) && leeg(b->telefoon))
		err_invalid(e, "email", "required",
			    "Vul uw e-mailadres of telefoonnummer in.");
	if (!leeg(b->email))
		afspraak_check_email(b->email, "email", e);
	if (!leeg(b->telefoon))
		afspraak_check_telefoon(b->telefoon, "telefoon", e);
	if (!b->referentie || !afspraak_referentie_geldig(b->referentie))
		err_invalid(e, "referentie", "format",
			    "Dit is geen afspraakcode.");
	if (leeg(b->vraag.vestiging))
		err_invalid(e, "vestiging", "required", "Kies een vestiging.");
	if (b->start <= 0 || b->start > TIJD_MAX)
		err_invalid(e, "start", "range", "Kies een tijd.");
	if (b->sleutel) {
		verplicht(b->sleutel, "sleutel", SLEUTEL_MAX,
			  "Een Idempotency-Key is niet leeg.", e);
		verplicht(b->verzoek_hash, "verzoek_hash", VERZOEK_HASH_MAX,
			  "Bij een Idempotency-Key hoort de hash van het "
			  "verzoek.",
			  e);
	}
}

/* Whether the appointment's key was used before: its reference when the
 * request was the same, else ST_CONFLICT. */
static enum status
sleutel_gebruikt(struct store *s, struct arena *a,
		 const struct afspraak_boeking *b, int64_t gid,
		 const char **referentie, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_AFSPRAAK_SLEUTEL, e);
	int r;

	*referentie = NULL;
	if (!st)
		return e->status;
	bind_int(st, 1, gid);
	bind_text(st, 2, b->sleutel);
	if ((r = next_row(s, st, e)) == 1) {
		if (strcmp(db_col_text(st, 1) ? db_col_text(st, 1) : "",
			   b->verzoek_hash) == 0)
			*referentie = col_text(a, st, 0);
		else
			err_set(e, ST_CONFLICT,
				"Deze Idempotency-Key is al gebruikt voor een "
				"ander verzoek.");
	}
	db_reset(st);
	return e->status;
}

enum status
store_afspraak_add(struct store *s, const struct afspraak_boeking *b,
		   struct arena *a, struct afspraak *out, bool *opnieuw,
		   struct err *e)
{
	const struct afspraak_vraag *q = &b->vraag;
	char ref[AFSPRAAK_REFERENTIE_LEN + 1], nu[32];
	const char *eerder = NULL;
	struct afspraak_rij r;
	struct vestiging *v = NULL;
	struct slot sl = { 0 };
	struct db_stmt *st;
	struct bezoek bz = { 0 };
	int64_t gid = 0, id = 0, eind;
	enum db_fout f;
	enum status rc;

	memset(out, 0, sizeof(*out));
	*opnieuw = false;
	boeking_velden(b, e);
	if (e->status)
		return e->status;
	for (size_t i = 0; i <= AFSPRAAK_REFERENTIE_LEN; i++)
		ref[i] = (char)toupper((unsigned char)b->referentie[i]);
	if ((rc = tx_begin(s, e)))
		return rc;
	if (!org_id(s, q->gemeente, ORG_GEMEENTE, NULL, &gid, e) && b->sleutel)
		sleutel_gebruikt(s, a, b, gid, &eerder, e);
	if (!e->status && eerder) {
		/* The same request again: its appointment, nothing
		 * written. */
		struct err stil;

		if (!afspraak_lees(s, a, eerder, NULL, &r, e)) {
			*out = r.a;
			out->medewerker = NULL;
			*opnieuw = true;
		}
		err_clear(&stil);
		tx_end(s, ST_CONFLICT, &stil);
		return e->status;
	}
	if (!e->status)
		bezoek_lees(s, a, q->gemeente, q->regels, q->nregels, q->kanaal,
			    false, &bz, e);
	if (!e->status)
		tijd_kiezen(s, a, &bz, q->vestiging, q->kanaal, b->start, 0, &v,
			    &sl, e);
	eind = b->start + 60 * (int64_t)bz.duur;
	utc_now(s, nu, sizeof(nu));
	if (!e->status && (st = stmt(s, Q_AFSPRAAK_INSERT, e))) {
		bind_text(st, 1, ref);
		bind_int(st, 2, gid);
		bind_int(st, 3, v->id);
		bind_int(st, 4, sl.medewerker);
		bind_int(st, 5, sl.balie);
		bind_int(st, 6, b->start);
		bind_int(st, 7, eind);
		bind_int(st, 8, bz.buffer);
		bind_text(st, 9, b->naam);
		bind_text(st, 10, of_null(b->email));
		bind_text(st, 11, of_null(b->telefoon));
		bind_text(st, 12, b->sleutel);
		bind_text(st, 13, b->sleutel ? b->verzoek_hash : NULL);
		bind_text(st, 14, nu);
		if ((f = insert_id(s, st, &id)) == DB_UNIQUE)
			conflict_veld(e, "referentie", "in-use",
				      "Deze afspraakcode is al in gebruik; "
				      "maak een nieuwe.");
		else if (f != DB_OK)
			db_error(s, e, "afspraak");
	}
	for (size_t i = 0; !e->status && i < bz.n; i++) {
		if (!(st = stmt(s, Q_AFSPRAAK_PRODUCT_INSERT, e)))
			break;
		bind_int(st, 1, id);
		bind_int(st, 2, bz.p[i].id);
		bind_int(st, 3, bz.personen[i]);
		run(s, st, e);
	}
	if (!e->status)
		cellen_nemen(s, id, b->start, eind + 60 * (int64_t)bz.buffer,
			     &sl, e);
	if (!e->status && !leeg(b->email) &&
	    !bericht_queue(s, id, BERICHT_BEVESTIGING, 0, s->now, e))
		herinnering_plannen(s, id, gid, q->gemeente, 0, b->start, e);
	if (!e->status && !afspraak_lees(s, a, ref, NULL, &r, e)) {
		s->scope = q->gemeente;
		audit_append(s, "create", 201, "afspraak",
			     tekst(s, "afspraken/%s", ref), ref, NULL, NULL,
			     afspraak_json(s, &r.a), e);
	}
	if ((rc = tx_end(s, e->status, e)))
		return rc;
	*out = r.a;
	out->medewerker = NULL;
	return ST_OK;
}

enum status
store_afspraak_get(struct store *s, const char *referentie, const char *contact,
		   struct arena *a, struct afspraak *out, struct err *e)
{
	struct afspraak_rij r;

	memset(out, 0, sizeof(*out));
	if (afspraak_lees(s, a, referentie, contact, &r, e))
		return e->status;
	*out = r.a;
	return ST_OK;
}

/* Refused unless appointment x is booked and still ahead: `wat` is
 * "annuleren" or "verplaatsen". */
static enum status
nog_te_wijzigen(struct store *s, const struct afspraak *x, const char *wat,
		struct err *e)
{
	if (x->status == AS_GEANNULEERD)
		return err_set(e, ST_CONFLICT,
			       "Deze afspraak is geannuleerd; %s kan niet "
			       "meer.",
			       wat);
	if (x->status != AS_GEBOEKT || x->start <= s->now)
		return err_set(e, ST_CONFLICT,
			       "Deze afspraak is al begonnen of voorbij; %s "
			       "kan niet meer.",
			       wat);
	return ST_OK;
}

enum status
store_afspraak_cancel(struct store *s, const char *referentie,
		      const char *contact, struct arena *a,
		      struct afspraak *out, struct err *e)
{
	struct afspraak_rij r;
	struct db_stmt *st;
	enum status rc;
	char nu[32];

	memset(out, 0, sizeof(*out));
	if ((rc = tx_begin(s, e)))
		return rc;
	if (!afspraak_lees(s, a, referentie, contact, &r, e))
		nog_te_wijzigen(s, &r.a, "annuleren", e);
	if (!e->status)
		cellen_vrijgeven(s, r.a.id, e);
	utc_now(s, nu, sizeof(nu));
	if (!e->status && (st = stmt(s, Q_AFSPRAAK_STATUS, e))) {
		bind_int(st, 1, r.a.id);
		bind_text(st, 2, afspraak_status_name(AS_GEANNULEERD));
		bind_text(st, 3, nu);
		run(s, st, e);
	}
	if (!e->status && (st = stmt(s, Q_BERICHT_VERVAL, e))) {
		bind_int(st, 1, r.a.id);
		run(s, st, e);
	}
	if (!e->status && r.a.email)
		bericht_queue(s, r.a.id, BERICHT_ANNULERING, r.a.volgnummer + 1,
			      s->now, e);
	if (!e->status) {
		const char *oud = afspraak_json(s, &r.a);

		if (!afspraak_lees(s, a, r.a.referentie, contact, &r, e)) {
			s->scope = r.a.gemeente;
			audit_append(s, "update", 200, "afspraak",
				     tekst(s, "afspraken/%s", r.a.referentie),
				     r.a.referentie, "geannuleerd", oud,
				     afspraak_json(s, &r.a), e);
		}
	}
	if ((rc = tx_end(s, e->status, e)))
		return rc;
	*out = r.a;
	return ST_OK;
}

enum status
store_afspraak_move(struct store *s, const char *referentie,
		    const char *contact, const char *vestiging, int64_t start,
		    struct arena *a, struct afspraak *out, struct err *e)
{
	struct afspraak_regel regels[AFSPRAAK_MAX_PRODUCTEN];
	struct vestiging *v = NULL;
	struct slot sl = { 0 };
	struct afspraak_rij r;
	struct db_stmt *st;
	struct vest_ref nv;
	const char *code, *oud = NULL;
	struct bezoek bz = { 0 };
	int64_t eind = 0;
	enum status rc;
	char nu[32];

	memset(out, 0, sizeof(*out));
	if (start <= 0 || start > TIJD_MAX)
		return err_invalid(e, "start", "range", "Kies een tijd.");
	if ((rc = tx_begin(s, e)))
		return rc;
	if (!afspraak_lees(s, a, referentie, contact, &r, e))
		nog_te_wijzigen(s, &r.a, "verplaatsen", e);
	code = vestiging ? vestiging : r.a.vestiging;
	if (!e->status && !vest_ref(s, a, code, &nv, e) &&
	    nv.gemeente_id != r.gemeente_id)
		err_set(e, ST_NOT_FOUND, "Vestiging %.64s bestaat niet.", code);
	if (!e->status && r.a.nregels > AFSPRAAK_MAX_PRODUCTEN)
		err_internal(e, "appointment %s has %zu products",
			     r.a.referentie, r.a.nregels);
	if (!e->status) {
		oud = afspraak_json(s, &r.a);
		for (size_t i = 0; i < r.a.nregels; i++)
			regels[i] = r.a.regels[i];
		bezoek_lees(s, a, r.a.gemeente, regels, r.a.nregels, nv.kanaal,
			    true, &bz, e);
	}
	if (!e->status && !cellen_vrijgeven(s, r.a.id, e))
		tijd_kiezen(s, a, &bz, code, nv.kanaal, start, r.a.id, &v, &sl,
			    e);
	eind = start + 60 * (int64_t)bz.duur;
	utc_now(s, nu, sizeof(nu));
	if (!e->status && (st = stmt(s, Q_AFSPRAAK_VERPLAATS, e))) {
		bind_int(st, 1, r.a.id);
		bind_int(st, 2, v->id);
		bind_int(st, 3, sl.medewerker);
		bind_int(st, 4, sl.balie);
		bind_int(st, 5, start);
		bind_int(st, 6, eind);
		bind_int(st, 7, bz.buffer);
		bind_text(st, 8, nu);
		run(s, st, e);
	}
	if (!e->status)
		cellen_nemen(s, r.a.id, start, eind + 60 * (int64_t)bz.buffer,
			     &sl, e);
	if (!e->status && (st = stmt(s, Q_BERICHT_VERVAL, e))) {
		bind_int(st, 1, r.a.id);
		run(s, st, e);
	}
	if (!e->status && r.a.email &&
	    !bericht_queue(s, r.a.id, BERICHT_WIJZIGING, r.a.volgnummer + 1,
			   s->now, e))
		herinnering_plannen(s, r.a.id, r.gemeente_id, r.a.gemeente,
				    r.a.volgnummer + 1, start, e);
	if (!e->status &&
	    !afspraak_lees(s, a, r.a.referentie, contact, &r, e)) {
		s->scope = r.a.gemeente;
		audit_append(s, "update", 200, "afspraak",
			     tekst(s, "afspraken/%s", r.a.referentie),
			     r.a.referentie, "verplaatst", oud,
			     afspraak_json(s, &r.a), e);
	}
	if ((rc = tx_end(s, e->status, e)))
		return rc;
	*out = r.a;
	return ST_OK;
}

struct regel_rij {
	int64_t afspraak;
	struct afspraak_regel r;
};

static void
lees_regel_rij(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct regel_rij *x = elem;

	x->afspraak = db_col_int(st, 0);
	lees_regel(s, a, st, &x->r);
}

static void
lees_afspraak(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct afspraak_rij r;

	afspraak_rij_lees(a, st, 0, &r);
	*(struct afspraak *)elem = r.a;
}

enum status
store_afspraak_list(struct store *s, const char *gemeente,
		    const char *vestiging, day_t dag, struct arena *a,
		    struct afspraak **out, size_t *n, struct err *e)
{
	struct regel_rij *rr;
	struct db_stmt *st;
	struct vest_ref v = { 0 };
	int64_t gid;
	size_t nrr;
	void *arr;

	*out = NULL;
	*n = 0;
	if (dag == DATE_NONE)
		return err_invalid(e, "dag", "required", "Kies een dag.");
	if (org_id(s, gemeente, ORG_GEMEENTE, NULL, &gid, e))
		return e->status;
	if (vestiging && vest_ref(s, a, vestiging, &v, e))
		return e->status;
	if (vestiging && v.gemeente_id != gid)
		return err_set(e, ST_NOT_FOUND, "Vestiging %.64s bestaat niet.",
			       vestiging);
	for (int i = 0; i < 2; i++) {
		if (!(st = stmt(s,
				i ? Q_AFSPRAAK_LIST_PRODUCTEN : Q_AFSPRAAK_LIST,
				e)))
			return e->status;
		bind_int(st, 1, gid);
		bind_id(st, 2, v.id);
		bind_int(st, 3, afspraak_utc(dag, 0));
		bind_int(st, 4, afspraak_utc(dag + 1, 0));
		if (i == 0 && rows_read(s, a, st, sizeof(**out), lees_afspraak,
					&arr, n, e))
			return e->status;
		if (i == 0)
			*out = arr;
		if (i == 1 && rows_read(s, a, st, sizeof(*rr), lees_regel_rij,
					&arr, &nrr, e))
			return e->status;
	}
	rr = arr;
	for (size_t i = 0; i < *n; i++) {
		struct afspraak *x = &(*out)[i];
		size_t k = 0;

		for (size_t j = 0; j < nrr; j++)
			k += rr[j].afspraak == x->id;
		if (k && !(x->regels = arena_calloc(a, k, sizeof(*x->regels))))
			return nomem(e);
		for (size_t j = 0; j < nrr; j++)
			if (rr[j].afspraak == x->id)
				x->regels[x->nregels++] = rr[j].r;
	}
	return ST_OK;
}
