/*
 * store_boeking.c - free times and bookings (docs/design/appointments.md):
 * what a visit of several products needs, the search, booking, reading,
 * cancelling and moving an appointment, and the day list of a desk.
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_afspraak_intern.h"
#include "../core/text.h"
#include "../banned.h"

#define SLEUTEL_MAX 255 /* an Idempotency-Key */
#define VERZOEK_HASH_MAX 128
/* The last instant a start may be (9999-12-31T23:59:59Z). */
#define TIJD_MAX INT64_C(253402300799)

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
 * The visit of products r[0..n) of municipality `gemeente` (its id `gid`
 * when the caller has it, else 0) on channel `kanaal` (with `alle`,
 * inactive products too: an appointment made before keeps them).
 * Unknown municipality or product: ST_NOT_FOUND;
 * more persons than a product allows, or a product not offered on the
 * channel: ST_INVALID by field.
 */
static enum status
bezoek_lees(struct store *s, struct arena *a, const char *gemeente, int64_t gid,
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
		if (tekst_leeg(r[i].product)) {
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
	b->gemeente_id = gid;
	if (!gid && org_id(s, gemeente, ORG_GEMEENTE, NULL, &b->gemeente_id, e))
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
		if (!tekst_leeg(p->vaardigheden) &&
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
 * touch. Appointment `behalve` (one being moved) is left out. With
 * `start` (not 0; a booking: the one location vid, the window its local
 * day) what is booked is read for that start alone: the location's
 * bookings of the day (the engine counts them per staff member) and
 * whatever else holds a cell of the visit (Q_AFSPRAAK_BEZET_START), the
 * same choice of staff member and desk from far fewer rows.
 */
static enum status
zoek_lezen(struct store *s, struct arena *a, const struct bezoek *b,
	   const struct vestiging *vs, size_t nvs, enum kanaal k, int64_t vid,
	   int64_t van, int64_t tot, int64_t behalve, int64_t start,
	   struct zoek *z, struct err *e)
{
	int64_t houd = 60 * (int64_t)(b->duur + b->buffer);
	int64_t eind = tot + houd;
	size_t capd = 0, capb = 0;
	struct db_stmt *st, *sb;
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
	/* Both go to the database at once (db_send). */
	if (!(st = stmt(s, Q_DIENST_ZOEK, e)))
		return e->status;
	zoek_bind(st, b, k, vid, van, eind);
	db_send(st);
	if (!(sb = stmt(s, start ? Q_AFSPRAAK_BEZET_START : Q_AFSPRAAK_BEZET,
			e)))
		return e->status;
	zoek_bind(sb, b, k, vid, van, eind);
	bind_int(sb, 6, behalve);
	if (start) {
		bind_int(sb, 7, start / AFSPRAAK_CEL);
		bind_int(sb, 8,
			 (start + houd + AFSPRAAK_CEL - 1) / AFSPRAAK_CEL);
		bind_int(sb, 9, nvs ? vs[0].balies : 0);
	}
	db_send(sb);
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
	if (r < 0)
		return e->status;
	st = sb;
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

/*
 * The rules of release in waves that apply to visit b at location vid,
 * into out[0..*n) (in a), from rules r[0..nr).
 */
static enum status
vrijgave_kiezen(struct arena *a, const struct vrijgave_rij *r, size_t nr,
		const struct bezoek *b, int64_t vid, struct vrijgave **out,
		size_t *n, struct err *e)
{
	*n = 0;
	if (nr && !(*out = arena_calloc(a, nr, sizeof(**out))))
		return nomem(e);
	for (size_t i = 0; i < nr; i++) {
		bool product = r[i].product_id == 0;

		for (size_t j = 0; !product && j < b->n; j++)
			product = b->p[j].id == r[i].product_id;
		if (product &&
		    (r[i].vestiging_id == 0 || r[i].vestiging_id == vid))
			(*out)[(*n)++] = r[i].r;
	}
	return ST_OK;
}

/* The free times sl[0..*n) less those on dates not released yet at the
 * locations vs[0..nvs). */
static enum status
vrijgave_filter(struct store *s, struct arena *a, const struct bezoek *b,
		const struct vestiging *vs, size_t nvs, struct slot *sl,
		size_t *n, struct err *e)
{
	struct vrijgave_rij *r;
	struct vrijgave *g;
	size_t nr, ng, k = 0;
	day_t *grens;

	if (vrijgave_lezen(s, a, b->gemeente_id, &r, &nr, e))
		return e->status;
	if (nr == 0)
		return ST_OK;
	if (!(grens = arena_calloc(a, nvs ? nvs : 1, sizeof(*grens))))
		return nomem(e);
	for (size_t i = 0; i < nvs; i++) {
		if (vrijgave_kiezen(a, r, nr, b, vs[i].id, &g, &ng, e))
			return e->status;
		grens[i] = vrijgave_grens(g, ng, s->now);
	}
	for (size_t i = 0; i < *n; i++) {
		day_t d;
		int m;
		bool vrij = true;

		afspraak_lokaal(sl[i].start, &d, &m);
		for (size_t j = 0; j < nvs; j++)
			if (vs[j].id == sl[i].vestiging)
				vrij = grens[j] == DATE_NONE || d < grens[j];
		if (vrij)
			sl[k++] = sl[i];
	}
	*n = k;
	return ST_OK;
}

/* The free times sl[0..*n) (from van to tot) less those a resident may
 * not book for the municipality's web share. */
static enum status
aandeel_filter(struct store *s, struct arena *a, const struct bezoek *b,
	       day_t van, day_t tot, struct slot *sl, size_t *n, struct err *e)
{
	struct afspraak_instelling inst;
	struct aandeel_dag *d;
	size_t nd, k = 0;

	if (instelling_lezen(s, a, b->gemeente_id, b->gemeente, &inst, e))
		return e->status;
	if (inst.web_aandeel >= 100)
		return ST_OK;
	if (aandeel_lezen(s, a, b->gemeente_id, van, tot, 0, &d, &nd, e))
		return e->status;
	for (size_t i = 0; i < *n; i++)
		if (aandeel_vrij(d, nd, sl[i].vestiging, sl[i].start, b->duur,
				 inst.web_aandeel))
			sl[k++] = sl[i];
	*n = k;
	return ST_OK;
}

/* ST_CONFLICT under "start" when a resident's visit b at location vid
 * from `start` (appointment `behalve` moved there) would go beyond the
 * web share of that day. */
static enum status
aandeel_toets(struct store *s, struct arena *a, const struct bezoek *b,
	      int64_t vid, int64_t start, int64_t behalve, struct err *e)
{
	struct afspraak_instelling inst;
	struct aandeel_dag *d;
	size_t nd;
	day_t dag;
	int m;

	afspraak_lokaal(start, &dag, &m);
	if (instelling_lezen(s, a, b->gemeente_id, b->gemeente, &inst, e) ||
	    inst.web_aandeel >= 100 ||
	    aandeel_lezen(s, a, b->gemeente_id, dag, dag, behalve, &d, &nd, e))
		return e->status;
	if (!aandeel_vrij(d, nd, vid, start, b->duur, inst.web_aandeel))
		return conflict_veld(e, "start", "aandeel",
				     "Via internet is deze dag vol. Kies een "
				     "andere dag, of bel de gemeente voor een "
				     "afspraak.");
	return ST_OK;
}

/* ST_INVALID under "start" when a start at location vid is on a date not
 * released yet for visit b. */
static enum status
vrijgave_toets(struct store *s, struct arena *a, const struct bezoek *b,
	       int64_t vid, int64_t start, struct err *e)
{
	struct vrijgave_rij *r;
	struct vrijgave *g;
	size_t nr, ng;
	int64_t moment;
	day_t d;
	int m;

	if (vrijgave_lezen(s, a, b->gemeente_id, &r, &nr, e) ||
	    vrijgave_kiezen(a, r, nr, b, vid, &g, &ng, e))
		return e->status;
	afspraak_lokaal(start, &d, &m);
	if ((moment = vrijgave_moment(g, ng, d, s->now)) != 0) {
		char t[AFSPRAAK_TIJD_LEN];

		afspraak_format_tijd(moment, t);
		return err_invalid(e, "start", "not-released",
				   "Deze tijd is nog niet vrijgegeven. U kunt "
				   "hem boeken vanaf %.10s om %.5s uur.",
				   t, t + 11);
	}
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
	if (bezoek_lees(s, a, q->gemeente, 0, q->regels, q->nregels, q->kanaal,
			false, &b, e) ||
	    vestigingen_kiezen(s, a, &b, q->vestiging, q->kanaal, van, tot, &vs,
			       &nvs, e) ||
	    zoek_lezen(s, a, &b, vs, nvs, q->kanaal,
		       q->vestiging ? vs[0].id : 0, afspraak_utc(van, 0),
		       afspraak_utc(tot + 1, 0), 0, 0, &z, e) ||
	    slot_zoek(z.v, z.nv, z.d, z.nd, z.b, z.nb, &z.q, a, out, n, e) ||
	    vrijgave_filter(s, a, &b, vs, nvs, *out, n, e))
		return e->status;
	return q->balie ? ST_OK
			: aandeel_filter(s, a, &b, van, tot, *out, n, e);
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
	    vrijgave_toets(s, a, b, vs[0].id, start, e) ||
	    zoek_lezen(s, a, b, vs, 1, k, vs[0].id, afspraak_utc(dag, 0),
		       afspraak_utc(dag + 1, 0), behalve, start, &z, e))
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

/* The statement inserting the cells [van, tot) of appointment `id` as
 * slot `sl` holds them, bound and sent (db_send); cellen_uitslag steps
 * it. NULL: e says why. */
static struct db_stmt *
cellen_zenden(struct store *s, int64_t id, int64_t van, int64_t tot,
	      const struct slot *sl, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_CEL_INSERT, e);

	if (!st)
		return NULL;
	bind_int(st, 1, id);
	bind_int(st, 2, van / AFSPRAAK_CEL);
	bind_int(st, 3, (tot + AFSPRAAK_CEL - 1) / AFSPRAAK_CEL);
	bind_int(st, 4, sl->medewerker);
	bind_int(st, 5, sl->vestiging);
	bind_int(st, 6, sl->balie);
	db_send(st);
	return st;
}

/* Whether the cells went in: a cell held already is "bezet". */
static enum status
cellen_uitslag(struct store *s, struct db_stmt *st, struct err *e)
{
	enum db_fout f;

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

/* The cells [van, tot) of appointment `id` as slot `sl` holds them. */
static enum status
cellen_nemen(struct store *s, int64_t id, int64_t van, int64_t tot,
	     const struct slot *sl, struct err *e)
{
	struct db_stmt *st = cellen_zenden(s, id, van, tot, sl, e);

	return st ? cellen_uitslag(s, st, e) : e->status;
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

/* The reminder of appointment `id` starting at `start`, `uren` hours
 * before (the municipality's setting; 0: none), when there is time for
 * it. */
static enum status
herinnering_na(struct store *s, int64_t id, int volgnummer, int64_t start,
	       int uren, struct err *e)
{
	int64_t wanneer = start - 3600 * (int64_t)uren;

	if (uren == 0 || wanneer <= s->now)
		return ST_OK;
	return bericht_queue(s, id, BERICHT_HERINNERING, volgnummer, wanneer,
			     e);
}

/* The reminder of appointment `id` starting at `start`, when its
 * municipality sends one and there is time for it. */
static enum status
herinnering_plannen(struct store *s, int64_t id, int64_t gid,
		    const char *gemeente, int volgnummer, int64_t start,
		    struct err *e)
{
	struct afspraak_instelling i;

	if (instelling_lezen(s, &s->scratch, gid, gemeente, &i, e))
		return e->status;
	return herinnering_na(s, id, volgnummer, start, i.herinnering, e);
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
		    x->medewerker, "balie", scratch_tekst(s, "%d", x->balie),
		    "status", afspraak_status_name(x->status), NULL);
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
	x->inloop = db_col_int(st, c + 21) != 0;
	x->status_tijd = db_col_int(st, c + 22);
	r->uren_id = db_col_int(st, c + 23);
}

static void
lees_regel(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct afspraak_regel *r = elem;

	r->product = col_text(a, st, 1);
	r->naam = col_text(a, st, 2);
	r->personen = (int)db_col_int(st, 3);
	r->meenemen = col_text(a, st, 4);
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
enum status
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
	if (!b->inloop)
		tekst_verplicht(b->naam, "naam", AFSPRAAK_MAX_NAAM,
				"Vul uw naam in.", e);
	else if (!tekst_leeg(b->naam))
		text_check_max(b->naam, "naam", AFSPRAAK_MAX_NAAM, e);
	if (tekst_leeg(b->email) && tekst_leeg(b->telefoon) && !b->inloop)
		err_invalid(e, "email", "required",
			    "Vul uw e-mailadres of telefoonnummer in.");
	if (!tekst_leeg(b->email))
		afspraak_check_email(b->email, "email", e);
	if (!tekst_leeg(b->telefoon))
		afspraak_check_telefoon(b->telefoon, "telefoon", e);
	if (!b->referentie || !afspraak_referentie_geldig(b->referentie))
		err_invalid(e, "referentie", "format",
			    "Dit is geen afspraakcode.");
	if (tekst_leeg(b->vraag.vestiging))
		err_invalid(e, "vestiging", "required", "Kies een vestiging.");
	if (!b->inloop && (b->start <= 0 || b->start > TIJD_MAX))
		err_invalid(e, "start", "range", "Kies een tijd.");
	if (b->sleutel) {
		tekst_verplicht(b->sleutel, "sleutel", SLEUTEL_MAX,
				"Een Idempotency-Key is niet leeg.", e);
		tekst_verplicht(b->verzoek_hash, "verzoek_hash",
				VERZOEK_HASH_MAX,
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

/*
 * The first free start (UTC) for visit `b` at location `code` in
 * [van, tot) (at most AFSPRAAK_MAX_DAGEN dates from van's), 0 when none:
 * a walk-in's time, and a booking's first free time for the statistics.
 */
static enum status
eerste_vrije_start(struct store *s, struct arena *a, const struct bezoek *b,
		   const char *code, enum kanaal k, int64_t van, int64_t tot,
		   int64_t *out, struct err *e)
{
	struct vestiging *vs;
	struct slot *r;
	struct zoek z;
	size_t nvs, nr;
	day_t d0, d1;
	int m;

	*out = 0;
	if (tot <= van)
		return ST_OK;
	afspraak_lokaal(van, &d0, &m);
	afspraak_lokaal(tot - 1, &d1, &m);
	if (d1 - d0 + 1 > AFSPRAAK_MAX_DAGEN) {
		d1 = d0 + AFSPRAAK_MAX_DAGEN - 1;
		tot = afspraak_utc(d1 + 1, 0);
	}
	if (vestigingen_kiezen(s, a, b, code, k, d0 - 1, d1 + 1, &vs, &nvs,
			       e) ||
	    zoek_lezen(s, a, b, vs, 1, k, vs[0].id, van, tot, 0, 0, &z, e) ||
	    slot_zoek(z.v, z.nv, z.d, z.nd, z.b, z.nb, &z.q, a, &r, &nr, e))
		return e->status;
	for (size_t i = 0; i < nr; i++)
		if (!*out || r[i].start < *out)
			*out = r[i].start;
	return ST_OK;
}

/* Products r[0..n) in code order (the order afspraak_regels_lees reads
 * them in): insertion sort, n is at most AFSPRAAK_MAX_PRODUCTEN. */
static void
regels_op_code(struct afspraak_regel *r, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct afspraak_regel x = r[i];
		size_t j = i;

		for (; j > 0 && strcmp(r[j - 1].product, x.product) > 0; j--)
			r[j] = r[j - 1];
		r[j] = x;
	}
}

/*
 * The appointment just booked, as afspraak_lees would read it back: made
 * from what was written instead of two more statements inside the
 * writers' lock.
 */
static enum status
geboekt_record(struct arena *a, const struct afspraak_boeking *b,
	       const char *ref, const struct bezoek *bz,
	       const struct vestiging *v, const struct slot *sl, int64_t id,
	       const char *nummer, int64_t start, int64_t eind, const char *nu,
	       struct afspraak_rij *r, struct err *e)
{
	struct afspraak *x = &r->a;

	memset(r, 0, sizeof(*r));
	if (!(x->regels = arena_calloc(a, bz->n, sizeof(*x->regels))))
		return nomem(e);
	for (size_t i = 0; i < bz->n; i++)
		x->regels[i] = (struct afspraak_regel){
			.product = bz->p[i].code,
			.naam = bz->p[i].naam,
			.personen = bz->personen[i],
			.meenemen = bz->p[i].meenemen,
		};
	x->nregels = bz->n;
	regels_op_code(x->regels, x->nregels);
	x->id = id;
	x->referentie = arena_strdup(a, ref);
	x->gemeente = arena_strdup(a, b->vraag.gemeente);
	x->vestiging = v->code;
	x->vestiging_naam = v->naam;
	x->kanaal = v->kanaal;
	x->start = start;
	x->inloop = b->inloop;
	x->eind = eind;
	x->medewerker = nummer;
	x->balie = sl->balie;
	x->status = AS_GEBOEKT;
	x->naam = tekst_leeg(b->naam) ? NULL : arena_strdup(a, b->naam);
	x->email = tekst_leeg(b->email) ? NULL : arena_strdup(a, b->email);
	x->telefoon =
		tekst_leeg(b->telefoon) ? NULL : arena_strdup(a, b->telefoon);
	x->volgnummer = 0;
	x->aangemaakt = x->gewijzigd = arena_strdup(a, nu);
	r->gemeente_id = bz->gemeente_id;
	r->vestiging_id = v->id;
	r->medewerker_id = sl->medewerker;
	r->buffer = bz->buffer;
	if (!x->referentie || !x->aangemaakt || !x->gemeente ||
	    (!tekst_leeg(b->naam) && !x->naam) ||
	    (!tekst_leeg(b->email) && !x->email) ||
	    (!tekst_leeg(b->telefoon) && !x->telefoon))
		return nomem(e);
	return ST_OK;
}

/*
 * Booking holds the one writers' lock from its first statement to its
 * commit, so what it reads there is kept short: the municipality's id
 * (which never changes) and its reminder setting (a setting changed at
 * the same moment counts from the next booking) are read before the
 * lock; everything the engine decides on is read inside it; and the
 * appointment is not read back after it is written.
 */
/*
 * The first free time visit `b` had at its location when booked, for the
 * statistics (0: not known): the engine from now to the start asked for,
 * read before the writers' lock (a statistic need not be exact to the
 * last moment, and a search inside the lock would hold up every other
 * write). Problems are left to the booking itself.
 */
static int64_t
eerste_vrij_bij_boeking(struct store *s, struct arena *a,
			const struct afspraak_boeking *b, int64_t gid)
{
	const struct afspraak_vraag *q = &b->vraag;
	struct bezoek bz = { 0 };
	int64_t eerste = 0;
	struct err stil;

	err_clear(&stil);
	if (bezoek_lees(s, a, q->gemeente, gid, q->regels, q->nregels,
			q->kanaal, false, &bz, &stil) ||
	    eerste_vrije_start(s, a, &bz, q->vestiging, q->kanaal, s->now + 1,
			       b->start + 1, &eerste, &stil))
		return 0;
	return eerste;
}

enum status
store_afspraak_add(struct store *s, const struct afspraak_boeking *b,
		   struct arena *a, struct afspraak *out, bool *opnieuw,
		   struct err *e)
{
	const struct afspraak_vraag *q = &b->vraag;
	char ref[AFSPRAAK_REFERENTIE_LEN + 1], nu[32];
	const char *eerder = NULL, *nummer = NULL;
	struct afspraak_instelling inst;
	struct afspraak_rij r;
	struct vestiging *v = NULL;
	struct slot sl = { 0 };
	struct db_stmt *st, *sp = NULL, *sc = NULL, *sb = NULL;
	struct bezoek bz = { 0 };
	int64_t gid = 0, id = 0, eind, start = b->start, eerste_vrij = 0;
	enum status rc;
	int n;

	memset(out, 0, sizeof(*out));
	memset(&r, 0, sizeof(r));
	memset(&inst, 0, sizeof(inst));
	*opnieuw = false;
	boeking_velden(b, e);
	if (e->status)
		return e->status;
	for (size_t i = 0; i <= AFSPRAAK_REFERENTIE_LEN; i++)
		ref[i] = (char)toupper((unsigned char)b->referentie[i]);
	if (org_id(s, q->gemeente, ORG_GEMEENTE, NULL, &gid, e) ||
	    instelling_lezen(s, a, gid, q->gemeente, &inst, e))
		return e->status;
	if (!b->inloop)
		eerste_vrij = eerste_vrij_bij_boeking(s, a, b, gid);
	if ((rc = tx_begin(s, e)))
		return rc;
	if (!afspraak_familie(s, q->gemeente, e) && b->sleutel)
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
		bezoek_lees(s, a, q->gemeente, gid, q->regels, q->nregels,
			    q->kanaal, false, &bz, e);
	if (!e->status && b->inloop) {
		/* At the desk, now: no notice, the first free start today. */
		day_t dag;
		int m;

		bz.voorbereiding = 0;
		afspraak_lokaal(s->now, &dag, &m);
		if (!eerste_vrije_start(s, a, &bz, q->vestiging, q->kanaal,
					s->now + 1, afspraak_utc(dag + 1, 0),
					&start, e) &&
		    !start)
			conflict_veld(e, "start", "bezet",
				      "Er is vandaag geen tijd meer vrij voor "
				      "dit bezoek bij deze vestiging.");
	}
	if (!e->status)
		tijd_kiezen(s, a, &bz, q->vestiging, q->kanaal, start, 0, &v,
			    &sl, e);
	/* The first free time could not be later than the time taken. */
	if (!b->inloop && (!eerste_vrij || eerste_vrij > start))
		eerste_vrij = start;
	if (!e->status && !q->balie && !b->inloop)
		aandeel_toets(s, a, &bz, v->id, start, 0, e);
	if (!e->status)
		grens_boeking(s, gid, tekst_of_null(b->email), inst.max_open,
			      inst.max_per_dag, e);
	eind = start + 60 * (int64_t)bz.duur;
	utc_now(s, nu, sizeof(nu));
	if (!e->status && (st = stmt(s, Q_AFSPRAAK_INSERT, e))) {
		bind_text(st, 1, ref);
		bind_int(st, 2, gid);
		bind_int(st, 3, v->id);
		bind_int(st, 4, sl.medewerker);
		bind_int(st, 5, sl.balie);
		bind_int(st, 6, start);
		bind_int(st, 7, eind);
		bind_int(st, 8, bz.buffer);
		bind_text(st, 9, tekst_of_null(b->naam));
		bind_text(st, 10, tekst_of_null(b->email));
		bind_text(st, 11, tekst_of_null(b->telefoon));
		bind_text(st, 12, b->sleutel);
		bind_text(st, 13, b->sleutel ? b->verzoek_hash : NULL);
		bind_text(st, 14, nu);
		bind_int(st, 15, s->now);
		bind_id(st, 16, eerste_vrij);
		bind_int(st, 17, b->inloop ? 1 : 0);
		bind_text(st, 18, q->balie || b->inloop ? "balie" : "web");
		if ((n = db_step(st)) == 1) {
			id = db_col_int(st, 0);
			nummer = col_text(a, st, 1);
		}
		db_reset(st);
		if (n < 0 && db_laatste(s->db) == DB_UNIQUE)
			conflict_veld(e, "referentie", "in-use",
				      "Deze afspraakcode is al in gebruik; "
				      "maak een nieuwe.");
		else if (n != 1)
			db_error(s, e, "afspraak");
	}
	/* The products, the cells and the confirmation go to the database
	 * at once (db_send), each answer read in turn; the first refused
	 * (a cell held: "bezet") stops the rest. A second product waits
	 * for the first, which holds the same statement. */
	for (size_t i = 0; !e->status && i < bz.n; i++) {
		if (!(st = stmt(s, Q_AFSPRAAK_PRODUCT_INSERT, e)))
			break;
		bind_int(st, 1, id);
		bind_int(st, 2, bz.p[i].id);
		bind_int(st, 3, bz.personen[i]);
		if (i + 1 < bz.n)
			run(s, st, e);
		else
			db_send(sp = st);
	}
	if (!e->status)
		sc = cellen_zenden(s, id, start, eind + 60 * (int64_t)bz.buffer,
				   &sl, e);
	if (!e->status && !tekst_leeg(b->email))
		sb = bericht_queue_send(s, id, BERICHT_BEVESTIGING, 0, s->now,
					e);
	if (!e->status && sp)
		run(s, sp, e);
	if (!e->status && sc)
		cellen_uitslag(s, sc, e);
	if (!e->status && sb && !run(s, sb, e))
		herinnering_na(s, id, 0, start, inst.herinnering, e);
	if (!e->status && !geboekt_record(a, b, ref, &bz, v, &sl, id, nummer,
					  start, eind, nu, &r, e)) {
		s->scope = q->gemeente;
		audit_append(s, "create", 201, "afspraak",
			     scratch_tekst(s, "afspraken/%s", ref), ref, NULL,
			     NULL, afspraak_json(s, &r.a), e);
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
	if (contact && grens_contact_stand(s, referentie, e))
		return e->status;
	if (afspraak_lees(s, a, referentie, contact, &r, e)) {
		if (e->status == ST_NOT_FOUND && contact)
			grens_contact_fout(s, referentie);
		return e->status;
	}
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
	if ((!contact || !grens_contact_stand(s, referentie, e)) &&
	    !afspraak_lees(s, a, referentie, contact, &r, e) &&
	    !afspraak_familie(s, r.a.gemeente, e))
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
	/* The freed time goes to the first on the waiting list. */
	if (!e->status)
		wachtlijst_aanbieden(s, r.a.id, r.vestiging_id, r.a.start,
				     r.a.eind, e);
	if (!e->status) {
		const char *oud = afspraak_json(s, &r.a);

		if (!afspraak_lees(s, a, r.a.referentie, contact, &r, e)) {
			s->scope = r.a.gemeente;
			audit_append(s, "update", 200, "afspraak",
				     scratch_tekst(s, "afspraken/%s",
						   r.a.referentie),
				     r.a.referentie, "geannuleerd", oud,
				     afspraak_json(s, &r.a), e);
		}
	}
	if ((rc = tx_end(s, e->status, e))) {
		if (rc == ST_NOT_FOUND && contact)
			grens_contact_fout(s, referentie);
		return rc;
	}
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
	int64_t eind = 0, oud_v = 0, oud_start = 0, oud_eind = 0;
	enum status rc;
	bool wrong = false;
	char nu[32];

	memset(out, 0, sizeof(*out));
	if (start <= 0 || start > TIJD_MAX)
		return err_invalid(e, "start", "range", "Kies een tijd.");
	if ((rc = tx_begin(s, e)))
		return rc;
	if ((!contact || !grens_contact_stand(s, referentie, e)) &&
	    !afspraak_lees(s, a, referentie, contact, &r, e) &&
	    !afspraak_familie(s, r.a.gemeente, e))
		nog_te_wijzigen(s, &r.a, "verplaatsen", e);
	/* Only a wrong code or contact (not a location unknown) counts. */
	wrong = e->status == ST_NOT_FOUND;
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
		bezoek_lees(s, a, r.a.gemeente, r.gemeente_id, regels,
			    r.a.nregels, nv.kanaal, true, &bz, e);
	}
	if (!e->status) {
		oud_v = r.vestiging_id;
		oud_start = r.a.start;
		oud_eind = r.a.eind;
	}
	if (!e->status && !cellen_vrijgeven(s, r.a.id, e))
		tijd_kiezen(s, a, &bz, code, nv.kanaal, start, r.a.id, &v, &sl,
			    e);
	/* A resident moving counts against the web share (without the
	 * appointment's own time). */
	if (!e->status && contact)
		aandeel_toets(s, a, &bz, v->id, start, r.a.id, e);
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
	/* The time left goes to the first on the waiting list. */
	if (!e->status && (oud_start != start || oud_v != v->id))
		wachtlijst_aanbieden(s, r.a.id, oud_v, oud_start, oud_eind, e);
	if (!e->status &&
	    !afspraak_lees(s, a, r.a.referentie, contact, &r, e)) {
		s->scope = r.a.gemeente;
		audit_append(s, "update", 200, "afspraak",
			     scratch_tekst(s, "afspraken/%s", r.a.referentie),
			     r.a.referentie, "verplaatst", oud,
			     afspraak_json(s, &r.a), e);
	}
	if ((rc = tx_end(s, e->status, e))) {
		if (rc == ST_NOT_FOUND && contact && wrong)
			grens_contact_fout(s, referentie);
		return rc;
	}
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
