/*
 * pages_rooster.c - the planner's pages of the front office's roster.
 *
 *   GET  /rooster?vestiging=CODE&week=2026-W50   a week of one location:
 *        its opening hours, holidays and closures, and per day who is
 *        rostered from when to when with which skills
 *   GET  /rooster?medewerker=NUMMER&week=...     the same week of one staff
 *        member, over every location the viewer plans
 *   POST /rooster                                rostering someone, once or
 *        weekly up to a date with exceptions; the form is shown again
 *        with every problem by field and the input kept
 *   GET  /rooster/diensten/{nummer}              what removing an entry
 *        (or the rest of its series) would remove, to confirm
 *   POST /rooster/diensten/{nummer}              removing it
 *
 * For the planners of a municipality and the beheerder. Whatever belongs
 * to a municipality the viewer does not plan answers exactly as what does
 * not exist: a location, a staff member, a roster entry. A staff member
 * appears in a week of their own only with the entries at locations the
 * viewer plans.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "auth.h"
#include "../core/access.h"
#include "../core/afspraak.h"
#include "../core/text.h"
#include "../core/uren.h"
#include "../present/afspraak.h"
#include "../present/json.h"
#include "../banned.h"

#define UITZONDERINGEN_MAX 366 /* dates left out of one weekly series */
#define WEEK_LEN 16 /* "2026-W50" and NUL, with room to spare */
/* A weekly series spans at most a year (the store's rule): what is left
 * of one from a date lies within this many days after it. */
#define SERIE_MAX_DAGEN 365

/* ---- weeks ---- */

/* The Monday of the ISO week that holds d, with that week's year (the
 * year of its Thursday) and number. */
static day_t
week_van(day_t d, int *jaar, int *nummer)
{
	day_t maandag = d - date_weekday(d), jan4, week1;
	int y, m, dd;

	date_to_ymd(maandag + 3, &y, &m, &dd);
	jan4 = date_from_ymd(y, 1, 4);
	week1 = jan4 - date_weekday(jan4);
	*jaar = y;
	*nummer = (int)((maandag - week1) / 7) + 1;
	return maandag;
}

/* "2026-W50" for the week that holds d, into buf (WEEK_LEN). */
static void
week_tekst(day_t d, char *buf)
{
	int jaar, nummer;

	week_van(d, &jaar, &nummer);
	snprintf(buf, WEEK_LEN, "%04d-W%02d", jaar % 10000, nummer % 100);
}

/* Whether the week that holds d is one that may be shown. */
static bool
week_toonbaar(day_t d)
{
	int jaar, nummer;

	week_van(d, &jaar, &nummer);
	return jaar >= DATE_JAAR_MIN && jaar <= DATE_JAAR_MAX;
}

/*
 * The Monday of the week a request names (`tekst` "2026-W50"), or of the
 * week of today when it names none; a problem under `veld` otherwise.
 */
static day_t
week_param(struct request *rq, const char *tekst, const char *veld,
	   struct err *e)
{
	day_t maandag;
	int jaar, nummer;

	if (!tekst || !*tekst)
		return week_van(rq->today, &jaar, &nummer);
	if (uren_parse_week(tekst, veld, &maandag, e))
		return DATE_NONE;
	if (!week_toonbaar(maandag)) {
		err_invalid(e, veld, "range",
			    "Kies een week van de jaren %d tot en met %d.",
			    DATE_JAAR_MIN, DATE_JAAR_MAX);
		return DATE_NONE;
	}
	return maandag;
}

/* ---- what the viewer plans ---- */

static bool
is_beheerder(const struct request *rq)
{
	return auth_has_role(&rq->who, ROL_BEHEERDER, NULL);
}

/* Add `code` to list[0..*n) unless it is there (list has room for it). */
static void
uniek_toevoegen(const char **list, size_t *n, const char *code)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp(list[i], code) == 0)
			return;
	list[(*n)++] = code;
}

/* A growing list of distinct names, in the request's arena. */
struct namen {
	const char **v;
	size_t n, cap;
};

/* Add each code of the comma-separated `lijst` (may be NULL) to l, once. */
static enum status
namen_toevoegen(struct request *rq, struct namen *l, const char *lijst,
		struct err *e)
{
	const char *s = lijst;

	while (s && *s) {
		const char *end = strchr(s, ',');
		size_t len = end ? (size_t)(end - s) : strlen(s);
		char *naam;

		if (len > 0 && len <= AFSPRAAK_MAX_CODE) {
			if (l->n == l->cap) {
				size_t nc = l->cap ? l->cap * 2 : 16;
				const char **grow =
					arena_calloc(&rq->a, nc, sizeof(*grow));

				if (!grow)
					return err_set(e, ST_NOMEM,
						       "Onvoldoende geheugen.");
				if (l->n)
					memcpy(grow, l->v,
					       l->n * sizeof(*grow));
				l->v = grow;
				l->cap = nc;
			}
			naam = arena_alloc(&rq->a, len + 1);
			if (!naam)
				return err_set(e, ST_NOMEM,
					       "Onvoldoende geheugen.");
			memcpy(naam, s, len);
			naam[len] = '\0';
			uniek_toevoegen(l->v, &l->n, naam);
		}
		s = end ? end + 1 : NULL;
	}
	return ST_OK;
}

/*
 * The locations the viewer may roster at, by code, with their closures
 * from `vanaf` on: every location for the beheerder, a planner's those
 * of the municipalities they plan.
 */
static enum status
eigen_vestigingen(struct request *rq, day_t vanaf, struct vestiging **out,
		  size_t *n, struct err *e)
{
	const struct gebruiker *u = &rq->who.user;
	struct vestiging *all = NULL;
	size_t nall = 0;

	*out = NULL;
	*n = 0;
	if (is_beheerder(rq))
		return store_vestiging_list(rq->store, NULL, vanaf, &rq->a, out,
					    n, e);
	for (size_t i = 0; i < u->nrollen; i++) {
		struct vestiging *v, *grow;
		char cbs[REG_CBS_CODE_LEN + 1];
		const char *alleen = NULL;
		size_t nv;
		bool eerder = false;

		if (u->rollen[i].rol != ROL_PLANNER || !u->rollen[i].scope)
			continue;
		for (size_t k = 0; k < i; k++)
			eerder |= u->rollen[k].rol == ROL_PLANNER &&
				  u->rollen[k].scope &&
				  strcmp(u->rollen[k].scope,
					 u->rollen[i].scope) == 0;
		if (eerder)
			continue;
		if (!access_scope_split(u->rollen[i].scope, cbs, sizeof(cbs),
					&alleen) ||
		    (alleen && authz_planner(rq, cbs)))
			continue;
		if (store_vestiging_list(rq->store, cbs, vanaf, &rq->a, &v, &nv,
					 e))
			return e->status;
		/* A planner of one location: that one. */
		for (size_t k = 0; alleen && k < nv; k++)
			if (strcmp(v[k].code, alleen) == 0) {
				v += k;
				nv = 1;
				alleen = NULL;
			}
		if (nv == 0 || alleen)
			continue;
		grow = arena_calloc(&rq->a, nall + nv, sizeof(*grow));
		if (!grow)
			return err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
		if (nall)
			memcpy(grow, all, nall * sizeof(*grow));
		memcpy(grow + nall, v, nv * sizeof(*grow));
		all = grow;
		nall += nv;
	}
	*out = all;
	*n = nall;
	return ST_OK;
}

/*
 * The municipalities whose staff the viewer may roster: a planner's own,
 * and for the beheerder those that have a location. The list and its
 * codes live in the request's arena.
 */
static enum status
eigen_gemeenten(struct request *rq, const struct vestiging *v, size_t nv,
		const char ***out, size_t *n, struct err *e)
{
	const struct gebruiker *u = &rq->who.user;
	const char **list =
		arena_calloc(&rq->a, nv + u->nrollen + 1, sizeof(*list));

	*out = list;
	*n = 0;
	if (!list)
		return err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
	if (is_beheerder(rq)) {
		for (size_t i = 0; i < nv; i++)
			uniek_toevoegen(list, n, v[i].gemeente);
		return ST_OK;
	}
	for (size_t i = 0; i < u->nrollen; i++) {
		char *cbs = arena_alloc(&rq->a, REG_CBS_CODE_LEN + 1);
		const char *plek;

		if (!cbs)
			return err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
		if (u->rollen[i].rol == ROL_PLANNER &&
		    access_scope_split(u->rollen[i].scope, cbs,
				       REG_CBS_CODE_LEN + 1, &plek))
			uniek_toevoegen(list, n, cbs);
	}
	return ST_OK;
}

/*
 * The staff of the cooperations of the municipalities the viewer plans,
 * by cooperation and number, each once (two members of one cooperation
 * have the same staff).
 */
static enum status
eigen_medewerkers(struct request *rq, const struct vestiging *v, size_t nv,
		  struct medewerker **out, size_t *n, struct err *e)
{
	const char **gem;
	size_t ngem, nall = 0;
	struct medewerker *all = NULL;
	struct namen sw = { 0 };

	*out = NULL;
	*n = 0;
	if (eigen_gemeenten(rq, v, nv, &gem, &ngem, e))
		return e->status;
	for (size_t g = 0; g < ngem; g++) {
		struct medewerker *m, *grow;
		size_t nm, eerder = sw.n;

		if (store_medewerker_list_gemeente(rq->store, &rq->a, gem[g],
						   &m, &nm, e))
			return e->status;
		grow = arena_calloc(&rq->a, nall + nm + 1, sizeof(*grow));
		if (!grow)
			return err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
		if (nall)
			memcpy(grow, all, nall * sizeof(*grow));
		for (size_t i = 0; i < nm; i++) {
			bool al = false;

			/* A cooperation an earlier municipality had. */
			for (size_t k = 0; k < eerder && !al; k++)
				al = strcmp(sw.v[k], m[i].samenwerking) == 0;
			if (al)
				continue;
			grow[nall++] = m[i];
			if (namen_toevoegen(rq, &sw, m[i].samenwerking, e))
				return e->status;
		}
		all = grow;
	}
	*out = all;
	*n = nall;
	return ST_OK;
}

/* "Er is geen vestiging 'x'.": alike for what does not exist and what
 * another municipality has. */
static enum status
geen_vestiging(const char *code, struct err *e)
{
	err_clear(e);
	return err_set(e, ST_NOT_FOUND, "Er is geen vestiging '%.64s'.",
		       code ? code : "");
}

/* The location `code` if the viewer plans it (closures from `vanaf`). */
static enum status
vestiging_van(struct request *rq, const char *code, day_t vanaf,
	      struct vestiging *v, struct err *e)
{
	enum status st;

	if (!code || afspraak_check_code(code, "vestiging", NULL) != ST_OK)
		return geen_vestiging(code, e);
	st = store_vestiging_get(rq->store, code, vanaf, &rq->a, v, e);
	if (st == ST_NOT_FOUND ||
	    (st == ST_OK && !authz_planner_vestiging(rq, v->gemeente, v->code)))
		return geen_vestiging(code, e);
	return st;
}

/*
 * A staff member as the pages name one: the number, with its cooperation
 * apart (a link: medewerker=AA-001&samenwerking=AA), or as the selects
 * write both, "AA:AA-001" (the cooperation's code has no colon).
 */
static void
medewerker_naam_lezen(struct request *rq, const char *waarde, const char *sw,
		      const char **nummer, const char **samenwerking)
{
	const char *colon = waarde ? strchr(waarde, ':') : NULL;

	*nummer = waarde;
	*samenwerking = sw && *sw ? sw : NULL;
	if (*samenwerking || !colon || colon == waarde)
		return;
	{
		size_t n = (size_t)(colon - waarde);
		char *code = arena_alloc(&rq->a, n + 1);

		if (!code)
			return;
		memcpy(code, waarde, n);
		code[n] = '\0';
		if (reg_check_short_code(code, "samenwerking", NULL) != ST_OK)
			return;
		*samenwerking = code;
		*nummer = colon + 1;
	}
}

/*
 * The staff member of m[0..n) with this number (and cooperation, when
 * given): ST_NOT_FOUND alike for one of another municipality and one that
 * does not exist; ST_INVALID under `veld` when the number is in several
 * of the viewer's cooperations and none is named.
 */
static enum status
planbare_medewerker(const struct medewerker *m, size_t n, const char *nummer,
		    const char *sw, const char *veld,
		    const struct medewerker **out, struct err *e)
{
	size_t gevonden = 0;

	*out = NULL;
	for (size_t i = 0; nummer && i < n; i++) {
		if (strcmp(m[i].nummer, nummer) != 0 ||
		    (sw && strcmp(m[i].samenwerking, sw) != 0))
			continue;
		*out = &m[i];
		gevonden++;
	}
	if (gevonden == 1)
		return ST_OK;
	if (gevonden > 1)
		return err_invalid(e, veld, "ambiguous",
				   "Personeelsnummer %.32s bestaat in meer "
				   "dan één samenwerking; kies de medewerker "
				   "uit de lijst.",
				   nummer);
	return err_set(e, ST_NOT_FOUND, "Er is geen medewerker '%.32s'.",
		       nummer ? nummer : "");
}

/* ---- building the page ---- */

/* "reisdocumenten,rijbewijzen" as "reisdocumenten, rijbewijzen". */
static json_t *
lijst_tekst(const char *lijst)
{
	char buf[2048];
	size_t k = 0;

	for (const char *p = lijst; p && *p && k + 3 < sizeof(buf); p++) {
		if (*p == ',') {
			if (k > 0) {
				buf[k++] = ',';
				buf[k++] = ' ';
			}
			continue;
		}
		buf[k++] = *p;
	}
	while (k >= 2 && buf[k - 2] == ',' && buf[k - 1] == ' ')
		k -= 2;
	buf[k] = '\0';
	return json_string(buf);
}

/* "8 december" (the year is in the week's heading). */
static json_t *
datum_kort(day_t d)
{
	char buf[48], *sp;

	date_format_nl(d, buf, sizeof(buf));
	sp = strrchr(buf, ' ');
	if (sp)
		*sp = '\0';
	return json_string(buf);
}

static json_t *
minuut_json(int m)
{
	char buf[PRESENT_MINUUT_LEN];

	present_minuut(m, buf);
	return json_string(buf);
}

/* A location with its closures from the week's Monday on (with their
 * reasons, which struct vestiging does not carry). */
struct plek {
	const struct vestiging *v;
	struct vestiging_sluiting *sl;
	size_t nsl;
	bool gelezen;
};

/* The closures of p->v, read once. */
static enum status
plek_lezen(struct request *rq, struct plek *p, day_t vanaf, struct err *e)
{
	if (p->gelezen)
		return ST_OK;
	p->gelezen = true;
	return store_sluiting_list(rq->store, p->v->code, vanaf, &rq->a, &p->sl,
				   &p->nsl, e);
}

/* Why a location is closed on d ("Tweede Kerstdag", a closure's reason,
 * or "" without one), or NULL when it is not closed for either. */
static const char *
dicht_reden(const struct plek *p, day_t d)
{
	enum feestdag f;

	if (feestdag_sluit(d, p->v->goede_vrijdag_dicht,
			   p->v->bevrijdingsdag_dicht, &f))
		return feestdag_naam(f);
	for (size_t i = 0; i < p->nsl; i++)
		if (p->sl[i].van <= d && d <= p->sl[i].tot)
			return p->sl[i].reden ? p->sl[i].reden : "";
	return NULL;
}

static int
open_cmp(const void *x, const void *y)
{
	const struct openingstijd *a = x, *b = y;

	return (a->van > b->van) - (a->van < b->van);
}

/* A location's opening ranges on weekday `wd` ("08:30–12:30, 13:30–
 * 16:30"), or NULL when it does not open that day. */
static json_t *
open_tekst(struct request *rq, const struct vestiging *v, int wd)
{
	struct openingstijd *o = arena_calloc(&rq->a, v->nopen + 1, sizeof(*o));
	char buf[512], a[PRESENT_MINUUT_LEN], b[PRESENT_MINUUT_LEN];
	size_t n = 0, k = 0;

	if (!o)
		return NULL;
	for (size_t i = 0; i < v->nopen; i++)
		if (v->open[i].weekdag == wd)
			o[n++] = v->open[i];
	if (n == 0)
		return NULL;
	qsort(o, n, sizeof(*o), open_cmp);
	buf[0] = '\0';
	for (size_t i = 0; i < n && k < sizeof(buf); i++) {
		present_minuut(o[i].van, a);
		present_minuut(o[i].tot, b);
		k += (size_t)snprintf(buf + k, sizeof(buf) - k, "%s%s–%s",
				      i ? ", " : "", a, b);
	}
	return json_string(buf);
}

/* The location with this code among v[0..n), or NULL. */
static const struct vestiging *
vestiging_in(const struct vestiging *v, size_t n, const char *code)
{
	for (size_t i = 0; code && i < n; i++)
		if (strcmp(v[i].code, code) == 0)
			return &v[i];
	return NULL;
}

/* A roster entry as a day of the grid shows it. */
static json_t *
dienst_json(const struct dienst *d, const struct plek *p, bool persoon,
	    bool van_medewerker)
{
	const struct vestiging *v = p ? p->v : NULL;
	json_t *j = json_object();
	const char *wie = d->medewerker_naam && *d->medewerker_naam
				  ? d->medewerker_naam
				  : d->medewerker;

	json_object_set_new(j, "id", json_integer((json_int_t)d->id));
	json_object_set_new(j, "van", minuut_json(d->van));
	json_object_set_new(j, "tot", minuut_json(d->tot));
	json_object_set_new(j, "medewerker", jstr(d->medewerker));
	json_object_set_new(j, "medewerkerNaam", jstr(d->medewerker_naam));
	json_object_set_new(j, "samenwerking", jstr(d->samenwerking));
	json_object_set_new(j, "vestiging", jstr(d->vestiging));
	json_object_set_new(j, "vestigingNaam", jstr(v ? v->naam : NULL));
	json_object_set_new(j, "vaardighedenTekst",
			    lijst_tekst(d->vaardigheden));
	json_object_set_new(j, "reeks", json_boolean(d->reeks != 0));
	json_object_set_new(j, "persoon", json_boolean(persoon));
	json_object_set_new(j, "plaats", json_boolean(!persoon));
	json_object_set_new(j, "vanMedewerker", json_boolean(van_medewerker));
	json_object_set_new(j, "wie",
			    json_string(persoon ? wie
					: v	? v->naam
						: d->vestiging));
	json_object_set_new(
		j, "dagNaam",
		json_string(present_weekdag(date_weekday(d->datum))));
	json_object_set_new(j, "datumNl", datum_kort(d->datum));
	if (!persoon && v) {
		const char *r = dicht_reden(p, d->datum);
		char buf[256];

		if (!r && v->nopen) {
			bool open = false;

			for (size_t i = 0; i < v->nopen; i++)
				open |= v->open[i].weekdag ==
					date_weekday(d->datum);
			if (!open)
				r = "";
		}
		if (r) {
			snprintf(buf, sizeof(buf), "gesloten%s%s",
				 *r ? ": " : "", r);
			json_object_set_new(j, "vestigingDicht",
					    json_string(buf));
		}
	}
	return j;
}

/* Options of a select: value, label, chosen. */
static json_t *
optie(const char *waarde, const char *label, bool gekozen)
{
	json_t *o = json_object();

	json_object_set_new(o, "waarde", jstr(waarde));
	json_object_set_new(o, "label", jstr(label));
	json_object_set_new(o, "gekozen", json_boolean(gekozen));
	return o;
}

/* "AA:AA-001", the value by which the selects name a staff member. */
static const char *
medewerker_waarde(struct request *rq, const char *sw, const char *nummer)
{
	size_t n = strlen(sw) + strlen(nummer) + 2;
	char *buf = arena_alloc(&rq->a, n);

	if (buf)
		snprintf(buf, n, "%s:%s", sw, nummer);
	return buf;
}

static json_t *
medewerker_opties(struct request *rq, const struct medewerker *m, size_t n,
		  const char *gekozen)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < n; i++) {
		const char *w =
			medewerker_waarde(rq, m[i].samenwerking, m[i].nummer);
		char label[320];

		if (!w)
			break;
		snprintf(label, sizeof(label), "%s (%s, %s)",
			 m[i].naam ? m[i].naam : m[i].nummer, m[i].nummer,
			 m[i].samenwerking);
		json_array_append_new(
			arr,
			optie(w, label, gekozen && strcmp(gekozen, w) == 0));
	}
	return arr;
}

static json_t *
vestiging_opties(const struct vestiging *v, size_t n, const char *gekozen)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(
			arr, optie(v[i].code, v[i].naam,
				   gekozen && strcmp(gekozen, v[i].code) == 0));
	return arr;
}

static int
str_cmp(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Whether the comma-separated `lijst` (may be NULL) holds `naam`. */
static bool
in_lijst(const char *lijst, const char *naam)
{
	size_t n = strlen(naam);

	for (const char *s = lijst; s && *s;) {
		const char *end = strchr(s, ',');
		size_t len = end ? (size_t)(end - s) : strlen(s);

		if (len == n && strncmp(s, naam, n) == 0)
			return true;
		s = end ? end + 1 : NULL;
	}
	return false;
}

/*
 * The skills to tick: every skill a product of the municipalities gem
 * needs, and those ticked in `gekozen` (a comma-separated list, may be
 * NULL), by name.
 */
static enum status
vaardigheden_json(struct request *rq, const char *const *gem, size_t ngem,
		  const char *gekozen, json_t **out, struct err *e)
{
	struct namen l = { 0 };
	json_t *arr;

	*out = NULL;
	for (size_t g = 0; g < ngem; g++) {
		struct balieproduct *p;
		size_t np;

		if (store_balieproduct_list(rq->store, gem[g], true, &rq->a, &p,
					    &np, e))
			return e->status;
		for (size_t i = 0; i < np; i++)
			if (namen_toevoegen(rq, &l, p[i].vaardigheden, e))
				return e->status;
	}
	if (namen_toevoegen(rq, &l, gekozen, e))
		return e->status;
	if (l.n)
		qsort(l.v, l.n, sizeof(*l.v), str_cmp);
	arr = json_array();
	for (size_t i = 0; i < l.n; i++) {
		json_t *o = json_object();

		json_object_set_new(o, "code", json_string(l.v[i]));
		json_object_set_new(o, "gekozen",
				    json_boolean(in_lijst(gekozen, l.v[i])));
		json_array_append_new(arr, o);
	}
	*out = arr;
	return ST_OK;
}

/* What the page shows: one location's week or one staff member's. */
struct keuze {
	const char *vestiging; /* code, or NULL */
	const char *medewerker, *samenwerking; /* or NULL */
	day_t maandag;
	const char *klaar; /* what was done, or NULL */
};

/* A query string naming the view ("vestiging=x", "medewerker=...&
 * samenwerking=..."), percent-encoded, in the arena. */
static const char *
weergave_query(struct request *rq, const char *vestiging, const char *nummer,
	       const char *sw)
{
	char a[3 * 64 + 1], b[3 * 64 + 1];
	size_t n = 2 * sizeof(a) + 40;
	char *buf = arena_alloc(&rq->a, n);

	if (!buf)
		return "";
	if (nummer) {
		urlenc_encode(nummer, a, sizeof(a));
		urlenc_encode(sw ? sw : "", b, sizeof(b));
		snprintf(buf, n, "medewerker=%s&samenwerking=%s", a, b);
	} else {
		urlenc_encode(vestiging ? vestiging : "", a, sizeof(a));
		snprintf(buf, n, "vestiging=%s", a);
	}
	return buf;
}

static json_t *
week_link(day_t maandag)
{
	json_t *o = json_object();
	char w[WEEK_LEN];
	int jaar, nummer;

	week_van(maandag, &jaar, &nummer);
	week_tekst(maandag, w);
	json_object_set_new(o, "week", json_string(w));
	json_object_set_new(o, "nummer", json_integer(nummer));
	return o;
}

/*
 * The roster page for keuze k: the week of a location or of a staff
 * member, the pickers and the form. `form` (taken; may be NULL) is what
 * a submission of the form said: its values, and its problems by field.
 */
static enum status
rooster_pagina(struct request *rq, struct response *rs, const struct keuze *k,
	       json_t *form, unsigned status, struct err *e)
{
	struct vestiging *vs, v = { 0 };
	struct medewerker *mw, *mw_dienst;
	const struct medewerker *mij = NULL;
	struct dienst *d = NULL;
	struct plek *plekken;
	size_t nvs, nmw, nmw_dienst, nd = 0;
	const char **gem;
	size_t ngem;
	day_t maandag = k->maandag;
	int jaar, nummer;
	char w[WEEK_LEN], titel[320], van[64], tot[64];
	const char *vestiging = k->vestiging;
	json_t *dagen, *data, *formulier, *vaardig;
	const char *form_mw = NULL, *form_vest = NULL, *form_vaard = NULL;

	if (form) {
		form_mw = json_string_value(json_object_get(
			json_object_get(form, "waarden"), "medewerker"));
		form_vest = json_string_value(json_object_get(
			json_object_get(form, "waarden"), "vestiging"));
		form_vaard = json_string_value(json_object_get(
			json_object_get(form, "waarden"), "vaardigheden"));
	}
	if (eigen_vestigingen(rq, maandag, &vs, &nvs, e) ||
	    eigen_medewerkers(rq, vs, nvs, &mw, &nmw, e) ||
	    eigen_gemeenten(rq, vs, nvs, &gem, &ngem, e)) {
		json_decref(form);
		return e->status;
	}
	/* The form offers those still employed today or later. */
	mw_dienst = arena_calloc(&rq->a, nmw + 1, sizeof(*mw_dienst));
	if (!mw_dienst) {
		json_decref(form);
		return err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
	}
	nmw_dienst = 0;
	for (size_t i = 0; i < nmw; i++)
		if (mw[i].periode.tot == DATE_NONE ||
		    mw[i].periode.tot > rq->today)
			mw_dienst[nmw_dienst++] = mw[i];
	if (k->medewerker) {
		if (planbare_medewerker(mw, nmw, k->medewerker, k->samenwerking,
					"medewerker", &mij, e)) {
			json_decref(form);
			return e->status;
		}
	} else {
		if (!vestiging && nvs)
			vestiging = vs[0].code;
		if (vestiging && vestiging_van(rq, vestiging, maandag, &v, e)) {
			json_decref(form);
			return e->status;
		}
	}
	if (mij || vestiging) {
		struct dienst_filter f = { .van = maandag, .tot = maandag + 6 };

		if (mij) {
			f.medewerker = mij->nummer;
			f.samenwerking = mij->samenwerking;
		} else {
			f.vestiging = v.code;
		}
		if (store_dienst_list(rq->store, &f, &rq->a, &d, &nd, e)) {
			json_decref(form);
			return e->status;
		}
	}

	week_van(maandag, &jaar, &nummer);
	week_tekst(maandag, w);
	if (mij)
		snprintf(titel, sizeof(titel), "Rooster van %s",
			 mij->naam ? mij->naam : mij->nummer);
	else if (vestiging)
		snprintf(titel, sizeof(titel), "Rooster van %s", v.naam);
	else
		snprintf(titel, sizeof(titel), "Rooster");
	data = page_data(titel, "rooster");
	json_object_set_new(data, "kop", json_string(titel));
	json_object_set_new(data, "week", json_string(w));
	json_object_set_new(data, "weekNummer", json_integer(nummer));
	json_object_set_new(data, "weekJaar", json_integer(jaar));
	date_format_nl(maandag, van, sizeof(van));
	date_format_nl(maandag + 6, tot, sizeof(tot));
	{
		char p[160];

		snprintf(p, sizeof(p), "maandag %s tot en met zondag %s", van,
			 tot);
		json_object_set_new(data, "periode", json_string(p));
	}
	if (k->klaar)
		json_object_set_new(data, "klaar", json_string(k->klaar));
	json_object_set_new(data, "weergave",
			    json_string(mij ? "medewerker" : "vestiging"));
	if (mij || vestiging) {
		json_object_set_new(
			data, "weergaveQuery",
			json_string(weergave_query(
				rq, vestiging, mij ? mij->nummer : NULL,
				mij ? mij->samenwerking : NULL)));
		if (week_toonbaar(maandag - 7))
			json_object_set_new(data, "vorige",
					    week_link(maandag - 7));
		if (week_toonbaar(maandag + 7))
			json_object_set_new(data, "volgende",
					    week_link(maandag + 7));
	}
	json_object_set_new(data, "vestigingKeuze",
			    vestiging_opties(vs, nvs, mij ? NULL : vestiging));
	json_object_set_new(
		data, "medewerkerKeuze",
		medewerker_opties(rq, mw_dienst, nmw_dienst,
				  mij ? medewerker_waarde(rq, mij->samenwerking,
							  mij->nummer)
				      : NULL));
	if (mij) {
		json_t *m = json_object();

		json_object_set_new(m, "nummer", jstr(mij->nummer));
		json_object_set_new(m, "naam", jstr(mij->naam));
		json_object_set_new(m, "samenwerking", jstr(mij->samenwerking));
		json_object_set_new(data, "medewerker", m);
	} else if (vestiging) {
		json_t *x = present_vestiging_json(&v);

		json_object_set_new(x, "kanaalTekst",
				    json_string(v.kanaal == KANAAL_VIDEO
							? "Videobalie"
							: "Balie"));
		json_object_set_new(
			x, "baliesWoord",
			json_string(v.kanaal == KANAAL_VIDEO
					    ? (v.balies == 1
						       ? "gesprek tegelijk"
						       : "gesprekken "
							 "tegelijk")
					    : (v.balies == 1 ? "balie"
							     : "balies")));
		json_object_set_new(data, "vestiging", x);
	}

	/* The locations of the entries shown, with their closures. */
	plekken = arena_calloc(&rq->a, nvs + 1, sizeof(*plekken));
	if (!plekken) {
		json_decref(data);
		json_decref(form);
		return err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
	}
	for (size_t i = 0; i < nvs; i++)
		plekken[i].v = &vs[i];
	if (!mij && vestiging) {
		plekken[0] = (struct plek){ .v = &v };
		if (plek_lezen(rq, &plekken[0], maandag, e)) {
			json_decref(data);
			json_decref(form);
			return e->status;
		}
	}
	dagen = json_array();
	for (int i = 0; (mij || vestiging) && i < 7; i++) {
		day_t dag = maandag + i;
		json_t *x = json_object(), *ds = json_array();
		enum feestdag f;

		json_object_set_new(x, "naam", json_string(present_weekdag(i)));
		json_object_set_new(x, "datum", jdate(dag));
		json_object_set_new(x, "datumNl", datum_kort(dag));
		json_object_set_new(x, "vandaag",
				    json_boolean(dag == rq->today));
		if (!mij) {
			const char *r = dicht_reden(&plekken[0], dag);
			json_t *open = open_tekst(rq, &v, i);

			if (r || !open) {
				json_t *g = json_object();

				json_object_set_new(g, "reden",
						    r && *r ? json_string(r)
							    : json_null());
				json_object_set_new(x, "gesloten", g);
				json_decref(open);
			} else {
				json_object_set_new(x, "open", open);
			}
		} else if (feestdag_sluit(dag, true, true, &f)) {
			char buf[64];

			snprintf(buf, sizeof(buf), "Feestdag: %s",
				 feestdag_naam(f));
			json_object_set_new(x, "feestdag", json_string(buf));
		}
		for (size_t j = 0; j < nd; j++) {
			const struct vestiging *dv;
			struct plek *p;

			if (d[j].datum != dag)
				continue;
			dv = mij ? vestiging_in(vs, nvs, d[j].vestiging) : &v;
			/* Only the entries at locations the viewer plans. */
			if (!dv || !authz_planner_vestiging(rq, d[j].gemeente,
							    d[j].vestiging))
				continue;
			p = mij ? &plekken[dv - vs] : &plekken[0];
			if (plek_lezen(rq, p, maandag, e)) {
				json_decref(ds);
				json_decref(x);
				json_decref(dagen);
				json_decref(data);
				json_decref(form);
				return e->status;
			}
			json_array_append_new(
				ds, dienst_json(&d[j], p, !mij, mij != NULL));
		}
		json_object_set_new(x, "diensten", ds);
		json_array_append_new(dagen, x);
	}
	json_object_set_new(data, "dagen", dagen);

	/* The form: the input of a submission, or the view's own. */
	formulier = form ? form : json_object();
	if (!json_object_get(formulier, "waarden"))
		json_object_set_new(formulier, "waarden", json_object());
	if (!form_mw && mij)
		form_mw = medewerker_waarde(rq, mij->samenwerking, mij->nummer);
	if (!form && !mij && vestiging)
		form_vest = v.code;
	json_object_set_new(
		formulier, "medewerkers",
		medewerker_opties(rq, mw_dienst, nmw_dienst, form_mw));
	json_object_set_new(formulier, "vestigingen",
			    vestiging_opties(vs, nvs, form_vest));
	if (vaardigheden_json(rq, gem, ngem, form_vaard, &vaardig, e)) {
		json_decref(formulier);
		json_decref(data);
		return e->status;
	}
	json_object_set_new(formulier, "vaardigheden", vaardig);
	if (nvs)
		json_object_set_new(data, "formulier", formulier);
	else
		json_decref(formulier);
	json_object_set_new(data, "formCsrf", jstr(rq->who.csrf));
	if (resp_page_html(rq, rs, "rooster.html", data, e))
		return e->status;
	rs->status = status;
	return ST_OK;
}

enum status
page_rooster(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = {
		"vestiging", "medewerker", "samenwerking",
		"week",	     "toegevoegd", "verwijderd",
		NULL
	};
	struct keuze k = { 0 };
	const char *vest = kv_get(&rq->query, "vestiging");
	const char *mw = kv_get(&rq->query, "medewerker");
	const char *sw = kv_get(&rq->query, "samenwerking");
	const char *toegevoegd = kv_get(&rq->query, "toegevoegd");
	const char *verwijderd = kv_get(&rq->query, "verwijderd");
	int64_t aantal = 0;
	char klaar[96];

	if (req_check_query(rq, keys, e))
		return e->status;
	k.maandag = week_param(rq, kv_get(&rq->query, "week"), "week", e);
	if (vest && *vest && mw && *mw)
		err_invalid(e, "medewerker", "conflict",
			    "Kies een vestiging of een medewerker, niet "
			    "allebei.");
	if (sw && *sw && !(mw && *mw))
		err_invalid(e, "samenwerking", "unused",
			    "samenwerking hoort bij medewerker.");
	if (toegevoegd)
		req_int(toegevoegd, "toegevoegd", 1, 10000, &aantal, e);
	if (verwijderd && strcmp(verwijderd, "dienst") != 0 &&
	    strcmp(verwijderd, "reeks") != 0)
		err_invalid(e, "verwijderd", "enum", "Kies dienst of reeks.");
	if (e->status)
		return e->status;
	k.vestiging = vest && *vest ? vest : NULL;
	if (mw && *mw)
		medewerker_naam_lezen(rq, mw, sw, &k.medewerker,
				      &k.samenwerking);
	if (aantal == 1)
		k.klaar = "1 dienst is ingeroosterd.";
	else if (aantal > 1) {
		snprintf(klaar, sizeof(klaar),
			 "%lld diensten zijn ingeroosterd.", (long long)aantal);
		k.klaar = klaar;
	} else if (verwijderd && strcmp(verwijderd, "dienst") == 0)
		k.klaar = "De dienst is verwijderd.";
	else if (verwijderd)
		k.klaar = "De dienst en de volgende diensten van de reeks zijn "
			  "verwijderd.";
	return rooster_pagina(rq, rs, &k, NULL, 200, e);
}

/* ---- rostering someone ---- */

static const struct {
	const char *veld, *label;
} velden[] = {
	{ "medewerker", "Medewerker" },
	{ "vestiging", "Vestiging" },
	{ "datum", "Datum" },
	{ "van", "Van" },
	{ "tot", "Tot" },
	{ "vaardigheden", "Vaardigheden" },
	{ "herhaal_tot", "Elke week herhalen tot en met" },
	{ "uitzonderingen", "Behalve op" },
};
#define NVELDEN (sizeof(velden) / sizeof(velden[0]))

/* The form field a problem belongs to ("uitzonderingen[2]" and the API's
 * "herhaalTot" included), or -1. */
static int
veld_van(const char *naam)
{
	size_t n = strcspn(naam, "[.");

	if (n == 10 && strncmp(naam, "herhaalTot", 10) == 0)
		return 6;
	for (size_t i = 0; i < NVELDEN; i++)
		if (strlen(velden[i].veld) == n &&
		    strncmp(velden[i].veld, naam, n) == 0)
			return (int)i;
	return -1;
}

/*
 * The problems of e as the form shows them: a list that names the field
 * (with a link to it), and per field its first problem; merged into
 * `form`. Clears e.
 */
static void
problemen_json(json_t *form, struct err *e)
{
	json_t *lijst = json_array(), *fout = json_object();

	err_dedupe(e);
	for (size_t i = 0; i < e->nproblems; i++) {
		int v = veld_van(e->problems[i].name);
		json_t *p = json_object();

		if (v >= 0) {
			json_object_set_new(p, "veld",
					    json_string(velden[v].veld));
			json_object_set_new(p, "label",
					    json_string(velden[v].label));
			if (!json_object_get(fout, velden[v].veld))
				json_object_set_new(
					fout, velden[v].veld,
					json_string(e->problems[i].reason));
		}
		json_object_set_new(p, "melding",
				    json_string(e->problems[i].reason));
		json_array_append_new(lijst, p);
	}
	if (e->nproblems == 0 && e->message[0]) {
		json_t *p = json_object();

		json_object_set_new(p, "melding", json_string(e->message));
		json_array_append_new(lijst, p);
	}
	json_object_set_new(form, "problemen", lijst);
	json_object_set_new(form, "fout", fout);
	err_clear(e);
}

/* A date of the form: "2026-12-07" or "7-12-2026". */
static day_t
form_datum(const char *v, const char *veld, bool verplicht, struct err *e)
{
	day_t d = DATE_NONE;

	if (!v || !*v) {
		if (verplicht)
			err_invalid(e, veld, "required", "Vul een datum in.");
		return DATE_NONE;
	}
	if (uren_parse_datum(v, veld, &d, e))
		return DATE_NONE;
	return d;
}

/* A time of day of the form ("08:30"), in minutes; -1 after a problem. */
static int
form_tijd(const char *v, const char *veld, struct err *e)
{
	int m;

	if (!v || !*v) {
		err_invalid(e, veld, "required",
			    "Vul een tijd in, zoals 08:30.");
		return -1;
	}
	m = present_minuut_parse(v);
	if (m < 0 || (strcmp(veld, "van") == 0 && m >= 1440)) {
		err_invalid(e, veld, "time",
			    "'%.16s' is geen tijd; schrijf bijvoorbeeld "
			    "08:30.",
			    v);
		return -1;
	}
	return m;
}

/* The exceptions of a weekly series: dates apart by commas, semicolons
 * or spaces. Problems under "uitzonderingen". */
static size_t
form_uitzonderingen(struct request *rq, const char *v, day_t **out,
		    struct err *e)
{
	day_t *d = arena_calloc(&rq->a, UITZONDERINGEN_MAX + 1, sizeof(*d));
	size_t n = 0;

	*out = d;
	if (!d) {
		err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
		return 0;
	}
	for (const char *s = v; s && *s;) {
		size_t skip = strspn(s, ", ;\t"), len;
		char item[32];

		s += skip;
		len = strcspn(s, ", ;\t");
		if (len == 0)
			break;
		if (n == UITZONDERINGEN_MAX) {
			err_invalid(e, "uitzonderingen", "too-many",
				    "Geef hoogstens %d datums.",
				    UITZONDERINGEN_MAX);
			break;
		}
		if (len >= sizeof(item)) {
			err_invalid(e, "uitzonderingen", "date",
				    "'%.20s…' is geen datum; schrijf "
				    "bijvoorbeeld 2026-12-28 of 28-12-2026.",
				    s);
		} else {
			memcpy(item, s, len);
			item[len] = '\0';
			if (date_parse(item, &d[n]) == 0 ||
			    uren_parse_datum(item, "uitzonderingen", &d[n],
					     NULL) == ST_OK)
				n++;
			else
				err_invalid(e, "uitzonderingen", "date",
					    "'%s' is geen datum; schrijf "
					    "bijvoorbeeld 2026-12-28 of "
					    "28-12-2026.",
					    item);
		}
		s += len;
	}
	return n;
}

/* Where to go after a write: the week of `dag` in the view the planner
 * came from, with what was done. */
static const char *
terug_naar(struct request *rq, bool medewerker, const char *vestiging,
	   const char *nummer, const char *sw, day_t dag, const char *klaar)
{
	char w[WEEK_LEN];
	const char *q =
		weergave_query(rq, vestiging, medewerker ? nummer : NULL, sw);
	size_t n = strlen(q) + 64 + (klaar ? strlen(klaar) : 0);
	char *buf = arena_alloc(&rq->a, n);

	week_tekst(dag, w);
	/* With what was done, to its message (the form's own fragment,
	 * #inroosteren, would carry over to a Location without one). */
	if (buf)
		snprintf(buf, n, "/rooster?%s&week=%s%s%s%s", q, w,
			 klaar ? "&" : "", klaar ? klaar : "",
			 klaar ? "#klaar" : "");
	return buf;
}

enum status
page_rooster_post(struct request *rq, struct response *rs, struct err *e)
{
	struct kvlist form = { 0 };
	struct dienst d = { .vaardigheden = "" };
	struct vestiging v;
	struct vestiging *vs;
	struct medewerker *mw;
	const struct medewerker *wie = NULL;
	size_t nvs, nmw, nuitz = 0, nids = 0;
	day_t herhaal = DATE_NONE, *uitz = NULL, maandag;
	int64_t *ids = NULL;
	const char *mwv, *vest, *uitz_tekst, *weergave;
	const char *nummer = NULL, *sw = NULL;
	bool vest_ok = false, per_medewerker;
	char *vaard;
	size_t vlen = 0;
	json_t *x, *waarden;
	struct keuze k = { 0 };
	enum status st;

	if (req_check_query(rq, NULL, e) ||
	    urlenc_parse(&rq->a, rq->body ? rq->body : "", rq->body_len,
			 "formulier", &form, e))
		return e->status;
	mwv = kv_get(&form, "medewerker");
	vest = kv_get(&form, "vestiging");
	uitz_tekst = kv_get(&form, "uitzonderingen");
	weergave = kv_get(&form, "weergave");
	per_medewerker = weergave && strcmp(weergave, "medewerker") == 0;

	/* The skills ticked, as one list. */
	vaard = arena_alloc(&rq->a, rq->body_len + 1);
	if (!vaard)
		return err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
	vaard[0] = '\0';
	for (size_t i = 0; i < form.n; i++) {
		size_t l;

		if (strcmp(form.items[i].key, "vaardigheden") != 0 ||
		    !*form.items[i].value)
			continue;
		l = strlen(form.items[i].value);
		if (vlen + l + 2 > rq->body_len + 1)
			break;
		if (vlen)
			vaard[vlen++] = ',';
		memcpy(vaard + vlen, form.items[i].value, l);
		vlen += l;
		vaard[vlen] = '\0';
	}

	if (eigen_vestigingen(rq, rq->today, &vs, &nvs, e) ||
	    eigen_medewerkers(rq, vs, nvs, &mw, &nmw, e))
		return e->status;
	if (!mwv || !*mwv) {
		err_invalid(e, "medewerker", "required",
			    "Kies een medewerker.");
	} else {
		struct err probe;

		err_clear(&probe);
		medewerker_naam_lezen(rq, mwv, NULL, &nummer, &sw);
		if (planbare_medewerker(mw, nmw, nummer, sw, "medewerker", &wie,
					&probe) == ST_INVALID)
			err_invalid(e, "medewerker", "ambiguous", "%s",
				    probe.problems[0].reason);
		else if (!wie)
			err_invalid(e, "medewerker", "not-found", "%s",
				    probe.message);
	}
	if (!vest || !*vest) {
		err_invalid(e, "vestiging", "required", "Kies een vestiging.");
	} else {
		struct err probe;

		err_clear(&probe);
		st = vestiging_van(rq, vest, rq->today, &v, &probe);
		if (st == ST_NOT_FOUND)
			err_invalid(e, "vestiging", "not-found", "%s",
				    probe.message);
		else if (st) {
			*e = probe;
			return st;
		}
		vest_ok = st == ST_OK;
	}
	d.datum = form_datum(kv_get(&form, "datum"), "datum", true, e);
	d.van = form_tijd(kv_get(&form, "van"), "van", e);
	d.tot = form_tijd(kv_get(&form, "tot"), "tot", e);
	if (d.van >= 0 && d.tot >= 0 && d.tot <= d.van)
		err_invalid(e, "tot", "order",
			    "De dienst eindigt na het begin: kies een tijd na "
			    "%s.",
			    kv_get(&form, "van"));
	if (vlen)
		afspraak_check_vaardigheden(vaard, "vaardigheden", e);
	herhaal = form_datum(kv_get(&form, "herhaal_tot"), "herhaal_tot", false,
			     e);
	if (herhaal != DATE_NONE && d.datum != DATE_NONE && herhaal < d.datum)
		err_invalid(e, "herhaal_tot", "order",
			    "Herhalen tot en met een datum op of na de eerste "
			    "dag.");
	nuitz = form_uitzonderingen(rq, uitz_tekst, &uitz, e);
	if (nuitz && herhaal == DATE_NONE &&
	    !(kv_get(&form, "herhaal_tot") && *kv_get(&form, "herhaal_tot")))
		err_invalid(e, "uitzonderingen", "unused",
			    "Uitzonderingen horen bij een herhaling: vul ook "
			    "in tot wanneer de dienst elke week terugkomt.");
	for (size_t i = 0;
	     i < nuitz && herhaal != DATE_NONE && d.datum != DATE_NONE; i++) {
		char a[64], b[64], c[64];

		if (uitz[i] >= d.datum && uitz[i] <= herhaal &&
		    date_weekday(uitz[i]) == date_weekday(d.datum))
			continue;
		date_format_nl(uitz[i], a, sizeof(a));
		date_format_nl(d.datum, b, sizeof(b));
		date_format_nl(herhaal, c, sizeof(c));
		err_invalid(e, "uitzonderingen", "not-in-series",
			    "%s is geen dag van deze reeks: elke %s van %s tot "
			    "en met %s.",
			    a, present_weekdag(date_weekday(d.datum)), b, c);
	}
	if (e->status == ST_OK) {
		d.medewerker = wie->nummer;
		d.samenwerking = wie->samenwerking;
		d.vestiging = v.code;
		d.vaardigheden = vaard;
		store_dienst_add(rq->store, &d, herhaal, uitz, nuitz, &rq->a,
				 &ids, &nids, e);
	}
	if (e->status == ST_OK) {
		char klaar[32];

		snprintf(klaar, sizeof(klaar), "toegevoegd=%zu", nids);
		return page_see_other(rq, rs,
				      terug_naar(rq, per_medewerker, v.code,
						 wie->nummer, wie->samenwerking,
						 d.datum, klaar));
	}
	if (e->status != ST_INVALID && e->status != ST_CONFLICT &&
	    e->status != ST_NOT_FOUND)
		return e->status;

	/* Shown again: the problems by field, the input kept, in the week
	 * the planner was looking at. */
	st = e->status;
	x = json_object();
	waarden = json_object();
	{
		static const char *const keys[] = {
			"medewerker", "vestiging",   "datum",	      "van",
			"tot",	      "herhaal_tot", "uitzonderingen"
		};

		for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
			json_object_set_new(waarden, keys[i],
					    jstr(kv_get(&form, keys[i])));
	}
	/* A date typed as 9-1-2027 goes back as the date box reads it. */
	if (d.datum != DATE_NONE)
		json_object_set_new(waarden, "datum", jdate(d.datum));
	if (herhaal != DATE_NONE)
		json_object_set_new(waarden, "herhaal_tot", jdate(herhaal));
	json_object_set_new(waarden, "vaardigheden", json_string(vaard));
	json_object_set_new(x, "waarden", waarden);
	if (st == ST_CONFLICT) {
		/*
		 * A clash: the message names every date. The problem of each
		 * day also names where the person is rostered then, which
		 * may be another municipality's location: not shown here.
		 */
		json_t *p = json_object(), *fout = json_object();

		json_object_set_new(p, "veld", json_string("datum"));
		json_object_set_new(p, "label", json_string("Datum"));
		json_object_set_new(p, "melding", json_string(e->message));
		json_object_set_new(fout, "datum", json_string(e->message));
		json_object_set_new(x, "problemen", json_pack("[o]", p));
		json_object_set_new(x, "fout", fout);
		err_clear(e);
	} else {
		if (st == ST_NOT_FOUND && e->nproblems == 0) {
			/* The store names whom it could not find in its
			 * message (a staff member of no cooperation of the
			 * location's municipality on those dates). */
			char m[sizeof(e->message)];

			snprintf(m, sizeof(m), "%s", e->message);
			err_clear(e);
			err_invalid(e, "medewerker", "not-found", "%.250s", m);
		}
		problemen_json(x, e);
	}
	{
		struct err probe;

		err_clear(&probe);
		maandag = week_param(rq, kv_get(&form, "week"), "week", &probe);
		if (maandag == DATE_NONE)
			maandag = week_param(rq, NULL, "week", &probe);
	}
	k.maandag = maandag;
	if (per_medewerker && wie) {
		k.medewerker = wie->nummer;
		k.samenwerking = wie->samenwerking;
	} else if (vest_ok) {
		k.vestiging = v.code;
	}
	return rooster_pagina(rq, rs, &k, x, st == ST_CONFLICT ? 409 : 400, e);
}

/* ---- removing an entry ---- */

/* Roster entry `tekst` if the viewer plans its location; 404 alike for
 * another municipality's and one that does not exist. */
static enum status
dienst_van(struct request *rq, const char *tekst, struct dienst *d,
	   struct err *e)
{
	int64_t id = 0;
	enum status st;

	if (req_int(tekst, "nummer", 1, ID_MAX, &id, e))
		return e->status;
	st = store_dienst_get(rq->store, id, &rq->a, d, e);
	if (st == ST_NOT_FOUND ||
	    (st == ST_OK &&
	     !authz_planner_vestiging(rq, d->gemeente, d->vestiging))) {
		err_clear(e);
		return err_set(e, ST_NOT_FOUND, "Er is geen dienst %lld.",
			       (long long)id);
	}
	return st;
}

/* The confirmation page of removing d; `fout` (may be NULL) why it was
 * not removed. */
static enum status
dienst_pagina(struct request *rq, struct response *rs, const struct dienst *d,
	      bool per_medewerker, const char *fout, unsigned status,
	      struct err *e)
{
	struct vestiging v;
	struct plek plek = { 0 };
	json_t *data, *x;
	int jaar, nummer;
	size_t reeks = 0;

	if (store_vestiging_get(rq->store, d->vestiging, d->datum, &rq->a, &v,
				e))
		return e->status;
	if (d->reeks) {
		struct dienst_filter f = {
			.medewerker = d->medewerker,
			.samenwerking = d->samenwerking,
			.van = d->datum,
			.tot = d->datum + SERIE_MAX_DAGEN,
		};
		struct dienst *all;
		size_t n;

		if (store_dienst_list(rq->store, &f, &rq->a, &all, &n, e))
			return e->status;
		for (size_t i = 0; i < n; i++)
			reeks += all[i].reeks == d->reeks &&
				 all[i].datum >= d->datum;
	}
	week_van(d->datum, &jaar, &nummer);
	data = page_data("Dienst verwijderen", "rooster");
	plek.v = &v;
	x = dienst_json(d, &plek, true, per_medewerker);
	json_object_set_new(x, "datum", jdate(d->datum));
	json_object_set_new(x, "reeksAantal", json_integer((json_int_t)reeks));
	json_object_set_new(x, "weekNummer", json_integer(nummer));
	json_object_set_new(
		x, "weergave",
		json_string(per_medewerker ? "medewerker" : "vestiging"));
	json_object_set_new(
		x, "terug",
		json_string(terug_naar(rq, per_medewerker, d->vestiging,
				       d->medewerker, d->samenwerking, d->datum,
				       NULL)));
	if (fout)
		json_object_set_new(x, "fout", json_string(fout));
	json_object_set_new(data, "dienst", x);
	json_object_set_new(data, "formCsrf", jstr(rq->who.csrf));
	if (resp_page_html(rq, rs, "rooster_dienst.html", data, e))
		return e->status;
	rs->status = status;
	return ST_OK;
}

/* weergave=medewerker (the week of the staff member) or vestiging. */
static bool
weergave_medewerker(const char *w, struct err *e)
{
	if (!w || !*w || strcmp(w, "vestiging") == 0)
		return false;
	if (strcmp(w, "medewerker") == 0)
		return true;
	err_invalid(e, "weergave", "enum", "Kies vestiging of medewerker.");
	return false;
}

enum status
page_rooster_dienst(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "weergave", NULL };
	struct dienst d;
	bool pm;

	if (req_check_query(rq, keys, e))
		return e->status;
	pm = weergave_medewerker(kv_get(&rq->query, "weergave"), e);
	if (e->status || dienst_van(rq, req_param(rq, "nummer"), &d, e))
		return e->status;
	return dienst_pagina(rq, rs, &d, pm, NULL, 200, e);
}

enum status
page_rooster_dienst_post(struct request *rq, struct response *rs, struct err *e)
{
	struct kvlist form = { 0 };
	struct dienst d;
	const char *reeks;
	bool pm, alles;

	if (req_check_query(rq, NULL, e) ||
	    urlenc_parse(&rq->a, rq->body ? rq->body : "", rq->body_len,
			 "formulier", &form, e) ||
	    dienst_van(rq, req_param(rq, "nummer"), &d, e))
		return e->status;
	pm = weergave_medewerker(kv_get(&form, "weergave"), e);
	reeks = kv_get(&form, "reeks");
	if (!reeks || (strcmp(reeks, "ja") != 0 && strcmp(reeks, "nee") != 0))
		err_invalid(e, "reeks", "enum",
			    "Kies of alleen deze dienst of ook de volgende "
			    "van de reeks weg moeten.");
	if (e->status)
		return e->status;
	alles = strcmp(reeks, "ja") == 0 && d.reeks;
	if (store_dienst_delete(rq->store, d.id, alles, e)) {
		if (e->status == ST_CONFLICT) {
			char m[sizeof(e->message)];

			snprintf(m, sizeof(m), "%s", e->message);
			err_clear(e);
			return dienst_pagina(rq, rs, &d, pm, m, 409, e);
		}
		return e->status;
	}
	return page_see_other(
		rq, rs,
		terug_naar(rq, pm, d.vestiging, d.medewerker, d.samenwerking,
			   d.datum,
			   alles ? "verwijderd=reeks" : "verwijderd=dienst"));
}
