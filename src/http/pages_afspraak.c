/*
 * pages_afspraak.c - the residents' booking pages of a municipality,
 * without an account and without JavaScript.
 *
 *   GET  /afspraak/{gemeente}            products, persons and channel
 *   GET  /afspraak/{gemeente}/tijden     the days with free times, then
 *        the free times of the day chosen (never kept: they depend on now)
 *   GET  /afspraak/{gemeente}/gegevens   the contact details form
 *   POST /afspraak/{gemeente}/gegevens   booking; the confirmation with
 *        the reference code, or the form again with every problem by
 *        field (400), or with the next free times when the time was just
 *        taken (409)
 *   POST /afspraak/{gemeente}/agenda     the appointment as an .ics file
 *   GET  /afspraak/{gemeente}/wijzigen   the code and e-mail or phone form
 *   POST /afspraak/{gemeente}/wijzigen   the appointment, with other days
 *        and times to move it to and a button to cancel it
 *   POST /afspraak/{gemeente}/verzetten  moving it
 *   POST /afspraak/{gemeente}/annuleren  cancelling it
 *
 * {gemeente} is the municipality's name as a slug ("aalsmeer",
 * "s-hertogenbosch"); its CBS code (GM0358 or 0358) is sent on to the
 * slug. Only that municipality's locations and products are offered.
 * Bookings, moves and cancellations go through the store's functions
 * the API uses, so a time taken twice is refused the same way. Every
 * POST form carries a CSRF token: the session's for someone logged in,
 * otherwise the value of the visitor's own ambt_csrf cookie (as the
 * login form does). A contact is never put in an address.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "api.h"
#include "auth.h"
#include "../core/afspraak.h"
#include "../core/register.h"
#include "../core/text.h"
#include "../present/afspraak.h"
#include "../present/bericht.h"
#include "../present/json.h"
#include "../banned.h"

#define SLUG_MAX 128 /* bytes of a municipality's slug */
#define VENSTER_DAGEN 28 /* days of free times on one page */
#define ALTERNATIEVEN 6 /* free times offered when one was just taken */
#define ALTERNATIEF_DAGEN 14 /* days searched for them */
#define REFERENTIE_POGINGEN 8 /* fresh codes drawn before giving up */
#define TIJD_TEKST_LEN 96 /* "maandag 7 december 2026, 09:30" */

/* Whether e holds a problem under `veld`. */
static bool
heeft_probleem(const struct err *e, const char *veld)
{
	for (size_t i = 0; i < e->nproblems; i++)
		if (strcmp(e->problems[i].name, veld) == 0)
			return true;
	return false;
}

/* ---- the municipality ---- */

/*
 * The slug of a municipality's name: lower case letters and digits, any
 * other run of characters one '-', accents dropped ("Súdwest-Fryslân":
 * "sudwest-fryslan", "'s-Hertogenbosch": "s-hertogenbosch").
 */
static void
slug_van(const char *naam, char *buf, size_t n)
{
	/* Latin-1 letters U+00C0..U+00FF (after 0xC3) without accents. */
	static const char basis[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyts"
				    "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
	size_t k = 0;
	bool streep = false;

	for (const unsigned char *p = (const unsigned char *)naam;
	     p && *p && k + 2 < n; p++) {
		char c = 0;

		if (*p >= 'A' && *p <= 'Z')
			c = (char)(*p - 'A' + 'a');
		else if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			c = (char)*p;
		else if (*p == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF) {
			c = basis[p[1] - 0x80];
			p++;
			if (c == '/')
				c = 0;
		} else if (*p >= 0x80) {
			while ((p[1] & 0xC0) == 0x80)
				p++;
		}
		if (c) {
			if (streep && k > 0)
				buf[k++] = '-';
			streep = false;
			buf[k++] = c;
		} else {
			streep = true;
		}
	}
	buf[k] = '\0';
}

struct gemeente {
	const char *code; /* GM0358 */
	const char *naam; /* Aalsmeer */
	const char *slug; /* aalsmeer */
};

/* A CBS code as the address may give it: GM0358, gm0358 or 0358; the
 * code "GM0358" into buf (REG_CBS_CODE_LEN + 1), or false. */
static bool
cbs_code(const char *s, char *buf)
{
	size_t n = s ? strlen(s) : 0;

	if (n == 6 && strncasecmp(s, "GM", 2) == 0)
		s += 2, n -= 2;
	if (n != 4 || strspn(s, "0123456789") != 4)
		return false;
	snprintf(buf, REG_CBS_CODE_LEN + 1, "GM%s", s);
	return true;
}

/*
 * The municipality an address names, by slug or CBS code; *bij_code
 * tells that it was named by its code. ST_NOT_FOUND for anything else.
 */
static enum status
gemeente_zoek(struct request *rq, const char *param, struct gemeente *g,
	      bool *bij_code, struct err *e)
{
	char code[REG_CBS_CODE_LEN + 1], slug[SLUG_MAX];
	struct organisatie *o;
	size_t n;

	*bij_code = false;
	if (param && cbs_code(param, code)) {
		struct organisatie one;
		struct err probe;

		err_clear(&probe);
		if (store_organisatie_get(rq->store, &rq->a, code, &one,
					  &probe) == ST_OK &&
		    one.soort == ORG_GEMEENTE) {
			slug_van(one.naam, slug, sizeof(slug));
			g->code = one.code;
			g->naam = one.naam;
			g->slug = arena_strdup(&rq->a, slug);
			*bij_code = true;
			return g->slug ? ST_OK : ST_NOMEM;
		}
		if (probe.status != ST_OK && probe.status != ST_NOT_FOUND) {
			*e = probe;
			return e->status;
		}
	} else if (param && strlen(param) < SLUG_MAX) {
		if (store_organisatie_list(rq->store, &rq->a, ORG_GEMEENTE, &o,
					   &n, e))
			return e->status;
		for (size_t i = 0; i < n; i++) {
			slug_van(o[i].naam, slug, sizeof(slug));
			if (strcmp(slug, param) != 0)
				continue;
			g->code = o[i].code;
			g->naam = o[i].naam;
			g->slug = arena_strdup(&rq->a, slug);
			return g->slug ? ST_OK : ST_NOMEM;
		}
	}
	return err_set(e, ST_NOT_FOUND,
		       "Er is geen gemeente '%.64s' waarvoor u hier een "
		       "afspraak kunt maken.",
		       param ? param : "");
}

const char *
page_afspraak_gemeente(struct request *rq, const char *param)
{
	struct gemeente g;
	struct err ignore;
	bool bij_code;

	err_clear(&ignore);
	if (gemeente_zoek(rq, param, &g, &bij_code, &ignore))
		return NULL;
	return g.code;
}

/* The municipality of the request's address, with its locations (from
 * today on) and active products; 404 when it has none. */
struct loket {
	struct gemeente g;
	bool bij_code;
	struct vestiging *v;
	size_t nv;
	struct balieproduct *p;
	size_t np;
};

static enum status
loket_van(struct request *rq, struct loket *l, struct err *e)
{
	if (gemeente_zoek(rq, req_param(rq, "gemeente"), &l->g, &l->bij_code,
			  e) ||
	    store_vestiging_list(rq->store, l->g.code, rq->today, &rq->a, &l->v,
				 &l->nv, e) ||
	    store_balieproduct_list(rq->store, l->g.code, false, &rq->a, &l->p,
				    &l->np, e))
		return e->status;
	if (l->nv == 0 || l->np == 0)
		return err_set(e, ST_NOT_FOUND,
			       "Bij gemeente %s kunt u hier (nog) geen "
			       "afspraak maken.",
			       l->g.naam);
	return ST_OK;
}

static const struct vestiging *
loket_vestiging(const struct loket *l, const char *code)
{
	for (size_t i = 0; code && i < l->nv; i++)
		if (strcmp(l->v[i].code, code) == 0)
			return &l->v[i];
	return NULL;
}

static const struct vestiging *
loket_vestiging_id(const struct loket *l, int64_t id)
{
	for (size_t i = 0; i < l->nv; i++)
		if (l->v[i].id == id)
			return &l->v[i];
	return NULL;
}

static const struct balieproduct *
loket_product(const struct loket *l, const char *code)
{
	for (size_t i = 0; code && i < l->np; i++)
		if (strcmp(l->p[i].code, code) == 0)
			return &l->p[i];
	return NULL;
}

static bool
loket_kanaal(const struct loket *l, enum kanaal k)
{
	for (size_t i = 0; i < l->nv; i++)
		if (l->v[i].kanaal == k)
			return true;
	return false;
}

/* A GET of a page named by CBS code: sent on to the slug (301). */
static enum status
naar_slug(struct request *rq, struct response *rs, const struct loket *l)
{
	const char *rest = rq->path + strlen("/afspraak/");
	const char *q = rq->raw_uri ? strchr(rq->raw_uri, '?') : NULL;
	size_t n;
	char *loc;

	rest = strchr(rest, '/');
	n = strlen(l->g.slug) + (rest ? strlen(rest) : 0) +
	    (q ? strlen(q) : 0) + 16;
	loc = arena_alloc(&rq->a, n);
	if (!loc)
		return ST_NOMEM;
	snprintf(loc, n, "/afspraak/%s%s%s", l->g.slug, rest ? rest : "",
		 q ? q : "");
	rs->status = 301;
	rs->location = loc;
	rs->content_type = "text/plain; charset=utf-8";
	rs->body = "";
	rs->len = 0;
	return ST_OK;
}

/* ---- forms ---- */

/* The visitor's form token: the session's, or their ambt_csrf cookie's
 * value (set now when they have none). */
static const char *
form_token(struct request *rq, struct response *rs)
{
	const char *t = rq->cookie_csrf;
	size_t n;
	char *c;

	if (rq->who.ingelogd)
		return rq->who.csrf ? rq->who.csrf : "";
	if (t && strlen(t) == 64 && strspn(t, "0123456789abcdef") == 64)
		return t;
	t = auth_secret(&rq->a);
	if (!t)
		return "";
	n = strlen(t) + 96;
	c = arena_alloc(&rq->a, n);
	if (c)
		snprintf(c, n,
			 "ambt_csrf=%s; Path=/; HttpOnly; Secure; "
			 "SameSite=Strict; Max-Age=3600",
			 t);
	rs->cookies[0] = c;
	return t;
}

/*
 * A POSTed form, urlencoded, with a valid token: logged in, the server
 * checked the session's token already (a Bearer token needs none);
 * otherwise the field csrf must equal the ambt_csrf cookie.
 */
static enum status
form_lezen(struct request *rq, struct kvlist *form, struct err *e)
{
	const char *t, *c = rq->cookie_csrf;

	if (!rq->content_type ||
	    strncasecmp(rq->content_type, "application/x-www-form-urlencoded",
			33) != 0)
		return err_set(e, ST_UNSUPPORTED,
			       "Stuur het formulier als "
			       "application/x-www-form-urlencoded.");
	if (req_check_query(rq, NULL, e) ||
	    urlenc_parse(&rq->a, rq->body ? rq->body : "", rq->body_len,
			 "formulier", form, e))
		return e->status;
	if (rq->who.ingelogd)
		return ST_OK;
	t = kv_get(form, "csrf");
	if (!t || !c || strlen(t) != 64 || strlen(c) != 64 ||
	    sodium_memcmp(t, c, 64) != 0)
		return err_set(e, ST_FORBIDDEN,
			       "Het formulier is verlopen. Ga terug, laad de "
			       "pagina opnieuw en probeer het nog eens.");
	return ST_OK;
}

/* ---- what the resident chose ---- */

struct keuze {
	struct afspraak_regel regels[AFSPRAAK_MAX_PRODUCTEN];
	size_t n;
	enum kanaal kanaal;
	bool kanaal_ok;
};

static const char *
fmt_a(struct request *rq, const char *fmt, const char *s)
{
	size_t n = strlen(fmt) + strlen(s) + 1;
	char *b = arena_alloc(&rq->a, n);

	if (b)
		snprintf(b, n, fmt, s);
	return b ? b : "";
}

/*
 * Products (product=CODE, repeated), their persons (personen-CODE) and
 * the channel (kanaal) from `kv`: problems by field, in plain Dutch.
 */
static void
keuze_lezen(struct request *rq, const struct loket *l, const struct kvlist *kv,
	    struct keuze *k, struct err *e)
{
	const char *kanaal = kv_get(kv, "kanaal");

	memset(k, 0, sizeof(*k));
	if (!kanaal || !*kanaal)
		err_invalid(e, "kanaal", "required",
			    "Kies of u naar het gemeentehuis komt of "
			    "liever belt met video.");
	else if (kanaal_parse(kanaal, &k->kanaal) != 0 ||
		 !loket_kanaal(l, k->kanaal))
		err_invalid(e, "kanaal", "enum",
			    "Kies een van de manieren hieronder.");
	else
		k->kanaal_ok = true;
	for (size_t i = 0; i < kv->n; i++) {
		const struct balieproduct *p;
		const char *pv;
		int64_t pers = 1;
		bool al = false;

		if (strcmp(kv->items[i].key, "product") != 0)
			continue;
		p = loket_product(l, kv->items[i].value);
		if (!p) {
			err_invalid(e, "product", "not-found",
				    "Kies producten uit de lijst.");
			continue;
		}
		for (size_t j = 0; j < k->n; j++)
			al |= strcmp(k->regels[j].product, p->code) == 0;
		if (al)
			continue;
		if (k->n == AFSPRAAK_MAX_PRODUCTEN) {
			err_invalid(e, "product", "too-many",
				    "Kies hoogstens %d producten voor één "
				    "afspraak.",
				    AFSPRAAK_MAX_PRODUCTEN);
			break;
		}
		pv = kv_get(kv, fmt_a(rq, "personen-%s", p->code));
		if (pv && *pv &&
		    req_int(pv, fmt_a(rq, "personen-%s", p->code), 1,
			    p->max_personen, &pers, e) != ST_OK) {
			/* The message of req_int, in words for residents. */
			e->nproblems--;
			err_invalid(e, fmt_a(rq, "personen-%s", p->code),
				    "range",
				    "Kies voor %s 1 tot en met %d personen.",
				    p->naam, p->max_personen);
		}
		if (k->kanaal_ok &&
		    !(k->kanaal == KANAAL_VIDEO ? p->video : p->fysiek))
			err_invalid(e, "product", "kanaal",
				    k->kanaal == KANAAL_VIDEO
					    ? "%s kunt u niet via video "
					      "regelen; kies het "
					      "gemeentehuis."
					    : "%s regelt u via video; kies "
					      "video.",
				    p->naam);
		k->regels[k->n].product = p->code;
		k->regels[k->n].naam = p->naam;
		k->regels[k->n].meenemen = p->meenemen;
		k->regels[k->n].personen = (int)pers;
		k->n++;
	}
	if (k->n == 0 && !heeft_probleem(e, "product"))
		err_invalid(e, "product", "required",
			    "Kies minstens één product.");
}

/* The choice as hidden fields and as query: [{naam, waarde}]. */
static json_t *
keuze_velden(struct request *rq, const struct keuze *k)
{
	json_t *a = json_array();
	char n[16];

	for (size_t i = 0; i < k->n; i++) {
		snprintf(n, sizeof(n), "%d", k->regels[i].personen);
		json_array_append_new(a, json_pack("{s:s,s:s}", "naam",
						   "product", "waarde",
						   k->regels[i].product));
		json_array_append_new(a, json_pack("{s:s,s:s}", "naam",
						   fmt_a(rq, "personen-%s",
							 k->regels[i].product),
						   "waarde", n));
	}
	json_array_append_new(a, json_pack("{s:s,s:s}", "naam", "kanaal",
					   "waarde", kanaal_name(k->kanaal)));
	return a;
}

/* "product=paspoort&personen-paspoort=1&kanaal=fysiek" */
static const char *
keuze_query(struct request *rq, const struct keuze *k)
{
	size_t cap = 64, o = 0;
	char *q;

	for (size_t i = 0; i < k->n; i++)
		cap += 3 * 2 * strlen(k->regels[i].product) + 48;
	q = arena_alloc(&rq->a, cap);
	if (!q)
		return "";
	for (size_t i = 0; i < k->n; i++) {
		o += (size_t)snprintf(q + o, cap - o, "product=");
		o += urlenc_encode(k->regels[i].product, q + o, cap - o);
		o += (size_t)snprintf(q + o, cap - o, "&personen-");
		o += urlenc_encode(k->regels[i].product, q + o, cap - o);
		o += (size_t)snprintf(q + o, cap - o, "=%d&",
				      k->regels[i].personen);
	}
	snprintf(q + o, cap - o, "kanaal=%s", kanaal_name(k->kanaal));
	return q;
}

/* a and b, one after the other, in the arena. */
static const char *
cat_a(struct request *rq, const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 1;
	char *t = arena_alloc(&rq->a, n);

	if (t)
		snprintf(t, n, "%s%s", a, b);
	return t ? t : "";
}

/* "2 × Paspoort, 1 × Rijbewijs" as a list of lines. */
static json_t *
regels_json(const struct afspraak_regel *r, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++) {
		json_t *x = json_object();
		char t[AFSPRAAK_MAX_NAAM * 4 + 64];

		snprintf(t, sizeof(t), "%s, %d %s",
			 r[i].naam ? r[i].naam : r[i].product, r[i].personen,
			 r[i].personen == 1 ? "persoon" : "personen");
		json_object_set_new(x, "tekst", json_string(t));
		json_object_set_new(x, "meenemen", jstr(r[i].meenemen));
		json_object_set_new(x, "naam",
				    jstr(r[i].naam ? r[i].naam : r[i].product));
		json_array_append_new(a, x);
	}
	return a;
}

/* ---- times ---- */

/* "maandag 7 december 2026" */
static void
dag_tekst(day_t d, char *buf, size_t n)
{
	char datum[48];

	date_format_nl(d, datum, sizeof(datum));
	snprintf(buf, n, "%s %s", present_weekdag(date_weekday(d)), datum);
}

/* "maandag 7 december 2026, 09:30" */
static void
tijd_tekst(int64_t utc, char *buf, size_t n)
{
	char dag[64], klok[PRESENT_MINUUT_LEN];
	day_t d;
	int m;

	afspraak_lokaal(utc, &d, &m);
	dag_tekst(d, dag, sizeof(dag));
	present_minuut(m, klok);
	snprintf(buf, n, "%s, %s", dag, klok);
}

/* A time field: "CODE,2026-12-07T09:30:00+01:00", a location of the
 * municipality and a local instant with its offset. */
static bool
tijd_lezen(struct request *rq, const struct loket *l, const char *s,
	   const struct vestiging **v, int64_t *start)
{
	const char *komma = s ? strchr(s, ',') : NULL;
	size_t n;
	char *code;

	if (!komma || komma == s || strlen(komma + 1) < 20)
		return false;
	n = (size_t)(komma - s);
	code = arena_alloc(&rq->a, n + 1);
	if (!code)
		return false;
	memcpy(code, s, n);
	code[n] = '\0';
	*v = loket_vestiging(l, code);
	return *v && komma[11] == 'T' &&
	       date_parse_instant(komma + 1, start) == 0;
}

/* A free time as a radio button: {waarde, tekst, klok, vestiging}. */
static json_t *
tijd_keuze(const struct vestiging *v, int64_t start, bool gekozen)
{
	char iso[AFSPRAAK_TIJD_LEN],
		w[AFSPRAAK_MAX_CODE + AFSPRAAK_TIJD_LEN + 2];
	char t[TIJD_TEKST_LEN], klok[PRESENT_MINUUT_LEN];
	day_t d;
	int m;

	afspraak_format_tijd(start, iso);
	snprintf(w, sizeof(w), "%s,%s", v->code, iso);
	tijd_tekst(start, t, sizeof(t));
	afspraak_lokaal(start, &d, &m);
	present_minuut(m, klok);
	return json_pack("{s:s,s:s,s:s,s:s,s:b}", "waarde", w, "tekst", t,
			 "klok", klok, "vestiging", v->naam, "gekozen",
			 gekozen);
}

/* Where: the town hall's name and address, or the video desk. */
static json_t *
waar_json(const struct vestiging *v)
{
	char t[1024];

	if (v->kanaal == KANAAL_VIDEO || !v->adres)
		snprintf(t, sizeof(t), "%s (videogesprek)", v->naam);
	else
		snprintf(t, sizeof(t), "%s, %s, %s %s", v->naam, v->adres,
			 v->postcode ? v->postcode : "",
			 v->plaats ? v->plaats : "");
	return json_string(t);
}

/* The free times for k from van to tot at the municipality's locations. */
static enum status
vrij(struct request *rq, const struct loket *l, const struct keuze *k,
     day_t van, day_t tot, struct slot **s, size_t *n, struct err *e)
{
	struct afspraak_vraag q = { .gemeente = l->g.code,
				    .regels = k->regels,
				    .nregels = k->n,
				    .kanaal = k->kanaal };

	return store_vrije_tijden(rq->store, &q, van, tot, &rq->a, s, n, e);
}

/* The first ALTERNATIEVEN free times from `vanaf` on (after `na`). */
static enum status
alternatieven(struct request *rq, const struct loket *l, const struct keuze *k,
	      day_t vanaf, int64_t na, json_t **out, struct err *e)
{
	struct slot *s;
	size_t n, genomen = 0;

	*out = json_array();
	if (vanaf < rq->today)
		vanaf = rq->today;
	if (vrij(rq, l, k, vanaf, vanaf + ALTERNATIEF_DAGEN - 1, &s, &n, e))
		return e->status;
	for (size_t i = 0; i < n && genomen < ALTERNATIEVEN; i++) {
		const struct vestiging *v =
			loket_vestiging_id(l, s[i].vestiging);

		if (!v || s[i].start <= na)
			continue;
		json_array_append_new(*out, tijd_keuze(v, s[i].start, false));
		genomen++;
	}
	return ST_OK;
}

/* ---- the pages' common data ---- */

static json_t *
loket_data(const struct loket *l, const char *titel)
{
	char t[256];
	json_t *d;

	snprintf(t, sizeof(t), "%s – gemeente %s", titel, l->g.naam);
	d = page_data(t, "afspraak");
	json_object_set_new(d, "gemeente",
			    json_pack("{s:s,s:s,s:s}", "naam", l->g.naam,
				      "slug", l->g.slug, "code", l->g.code));
	json_object_set_new(d, "kop", json_string(titel));
	return d;
}

/* The problems of e as {fout: {veld: reden}, problemen: [{veld, melding}]}
 * (the first reason per field), into d; e is cleared. */
static void
problemen(json_t *d, struct err *e)
{
	json_t *fout = json_object(), *lijst = json_array();

	for (size_t i = 0; i < e->nproblems; i++) {
		const char *veld = e->problems[i].name;

		json_array_append_new(lijst, json_pack("{s:s,s:s}", "veld",
						       veld, "melding",
						       e->problems[i].reason));
		if (!json_object_get(fout, veld))
			json_object_set_new(fout, veld,
					    json_string(e->problems[i].reason));
	}
	if (e->nproblems == 0 && e->message[0])
		json_array_append_new(lijst, json_pack("{s:s,s:s}", "veld", "",
						       "melding", e->message));
	json_object_set_new(d, "fout", fout);
	json_object_set_new(d, "problemen", lijst);
	err_clear(e);
}

static enum status
pagina(struct request *rq, struct response *rs, const char *tmpl, json_t *d,
       unsigned status, struct err *e)
{
	if (resp_page_html(rq, rs, tmpl, d, e))
		return e->status;
	rs->status = status;
	return ST_OK;
}

/* ---- step 1: products ---- */

/* The start form, with the choice in kv (may be NULL) and problems. */
static enum status
start_pagina(struct request *rq, struct response *rs, const struct loket *l,
	     const struct kvlist *kv, struct err *fouten, unsigned status,
	     struct err *e)
{
	json_t *d = loket_data(l, "Afspraak maken"), *ps = json_array();
	const char *kanaal = kv ? kv_get(kv, "kanaal") : NULL;

	for (size_t i = 0; i < l->np; i++) {
		const struct balieproduct *p = &l->p[i];
		json_t *x = json_object(), *pers = json_array();
		const char *pv =
			kv ? kv_get(kv, fmt_a(rq, "personen-%s", p->code))
			   : NULL;
		bool gekozen = false;
		char n[16];

		for (size_t j = 0; kv && j < kv->n; j++)
			gekozen |= strcmp(kv->items[j].key, "product") == 0 &&
				   strcmp(kv->items[j].value, p->code) == 0;
		for (int k = 1; k <= p->max_personen; k++) {
			snprintf(n, sizeof(n), "%d", k);
			json_array_append_new(
				pers,
				json_pack("{s:i,s:b}", "aantal", k, "gekozen",
					  pv ? strcmp(pv, n) == 0 : k == 1));
		}
		json_object_set_new(x, "code", json_string(p->code));
		json_object_set_new(x, "naam", json_string(p->naam));
		json_object_set_new(x, "gekozen", json_boolean(gekozen));
		json_object_set_new(x, "personen", pers);
		json_object_set_new(x, "meerPersonen",
				    json_boolean(p->max_personen > 1));
		for (size_t j = 0; fouten && j < fouten->nproblems; j++)
			if (strncmp(fouten->problems[j].name, "personen-", 9) ==
				    0 &&
			    strcmp(fouten->problems[j].name + 9, p->code) == 0)
				json_object_set_new(
					x, "fout",
					json_string(
						fouten->problems[j].reason));
		json_object_set_new(
			x, "kanalen",
			json_string(p->fysiek && p->video
					    ? "gemeentehuis of video"
				    : p->video ? "alleen video"
					       : "alleen gemeentehuis"));
		json_array_append_new(ps, x);
	}
	json_object_set_new(d, "producten", ps);
	json_object_set_new(
		d, "fysiek",
		loket_kanaal(l, KANAAL_FYSIEK)
			? json_pack("{s:b}", "gekozen",
				    !kanaal || strcmp(kanaal, "fysiek") == 0)
			: json_false());
	json_object_set_new(
		d, "video",
		loket_kanaal(l, KANAAL_VIDEO)
			? json_pack("{s:b}", "gekozen",
				    kanaal && strcmp(kanaal, "video") == 0)
			: json_false());
	if (fouten)
		problemen(d, fouten);
	return pagina(rq, rs, "afspraak_start.html", d, status, e);
}

enum status
page_afspraak_start(struct request *rq, struct response *rs, struct err *e)
{
	struct loket l;

	if (req_check_query(rq, NULL, e) || loket_van(rq, &l, e))
		return e->status;
	if (l.bij_code)
		return naar_slug(rq, rs, &l);
	return start_pagina(rq, rs, &l, NULL, NULL, 200, e);
}

/* ---- step 2: day and time ---- */

/* An optional date parameter ("2026-12-07") under `veld`. */
static day_t
datum_lezen(const char *s, const char *veld, struct err *e)
{
	day_t d;

	if (!s || !*s)
		return DATE_NONE;
	if (date_parse(s, &d) != 0) {
		err_invalid(e, veld, "date", "Kies een dag uit de lijst.");
		return DATE_NONE;
	}
	return d;
}

/* The largest horizon of the products chosen, in days from today. */
static int
horizon(const struct loket *l, const struct keuze *k)
{
	int h = 0;

	for (size_t i = 0; i < k->n; i++) {
		const struct balieproduct *p =
			loket_product(l, k->regels[i].product);

		if (p && p->horizon > h)
			h = p->horizon;
	}
	return h;
}

/*
 * The days from `van` with free times ({datum, tekst, aantal, link,
 * gekozen}) and, for day `dag`, its free times by location. Problems of
 * the search (a product not offered) go to e.
 */
static enum status
tijden_data(struct request *rq, const struct loket *l, const struct keuze *k,
	    day_t van, day_t dag, const char *gekozen, const char *basis,
	    json_t *d, struct err *e)
{
	struct slot *s;
	size_t n;
	json_t *dagen = json_array(), *plekken = json_array();
	day_t tot = van + VENSTER_DAGEN - 1;
	char t[160], iso[DATE_ISO_LEN];

	if (vrij(rq, l, k, van, tot, &s, &n, e)) {
		json_decref(dagen);
		json_decref(plekken);
		return e->status;
	}
	for (size_t i = 0; i < n;) {
		day_t di;
		int m;
		size_t j = i;

		afspraak_lokaal(s[i].start, &di, &m);
		for (; j < n; j++) {
			day_t dj;

			afspraak_lokaal(s[j].start, &dj, &m);
			if (dj != di)
				break;
		}
		dag_tekst(di, t, sizeof(t));
		date_format_iso(di, iso);
		json_array_append_new(
			dagen,
			json_pack("{s:s,s:s,s:i,s:s,s:b}", "datum", iso,
				  "tekst", t, "aantal", (int)(j - i), "link",
				  basis ? cat_a(rq, cat_a(rq, basis, iso),
						"#tijden")
					: "",
				  "gekozen", di == dag));
		if (di == dag) {
			/* The day's times, by location in the list's
			 * order. */
			for (size_t v = 0; v < l->nv; v++) {
				json_t *tijden = json_array();

				for (size_t k2 = i; k2 < j; k2++) {
					char w[AFSPRAAK_MAX_CODE +
					       AFSPRAAK_TIJD_LEN + 2];
					char ts[AFSPRAAK_TIJD_LEN];

					if (s[k2].vestiging != l->v[v].id)
						continue;
					afspraak_format_tijd(s[k2].start, ts);
					snprintf(w, sizeof(w), "%s,%s",
						 l->v[v].code, ts);
					json_array_append_new(
						tijden,
						tijd_keuze(
							&l->v[v], s[k2].start,
							gekozen &&
								strcmp(gekozen,
								       w) ==
									0));
				}
				if (json_array_size(tijden) == 0) {
					json_decref(tijden);
					continue;
				}
				json_array_append_new(
					plekken,
					json_pack("{s:s,s:o,s:o}", "naam",
						  l->v[v].naam, "waar",
						  waar_json(&l->v[v]), "tijden",
						  tijden));
			}
			dag_tekst(di, t, sizeof(t));
			json_object_set_new(d, "dagTekst", json_string(t));
		}
		i = j;
	}
	json_object_set_new(d, "dagen", dagen);
	json_object_set_new(d, "plekken", plekken);
	json_object_set_new(d, "dagGekozen",
			    json_boolean(json_array_size(plekken) > 0));
	{
		char a[64], b[64];

		date_format_nl(van, a, sizeof(a));
		date_format_nl(tot, b, sizeof(b));
		snprintf(t, sizeof(t), "%s tot en met %s", a, b);
		json_object_set_new(d, "venster", json_string(t));
	}
	return ST_OK;
}

enum status
page_afspraak_tijden(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "product", "kanaal", "vanaf", "dag",
					    NULL };
	struct loket l;
	struct keuze k;
	day_t van, dag;
	const char *q, *basis;
	json_t *d;
	char iso[DATE_ISO_LEN];
	int h;

	/* personen-CODE: one key per product, checked by keuze_lezen. */
	for (size_t i = 0; i < rq->query.n; i++) {
		const char *key = rq->query.items[i].key;
		bool bekend = strncmp(key, "personen-", 9) == 0 &&
			      strlen(key) <= 9 + AFSPRAAK_MAX_CODE;

		for (size_t j = 0; keys[j] && !bekend; j++)
			bekend = strcmp(key, keys[j]) == 0;
		if (!bekend)
			return err_invalid(e, key, "unknown",
					   "Onbekende parameter '%.40s'.", key);
		if (strlen(rq->query.items[i].value) > QUERY_MAX_TEKST)
			return err_invalid(e, key, "too-long",
					   "Te lange waarde.");
	}
	if (loket_van(rq, &l, e))
		return e->status;
	if (l.bij_code)
		return naar_slug(rq, rs, &l);
	keuze_lezen(rq, &l, &rq->query, &k, e);
	van = datum_lezen(kv_get(&rq->query, "vanaf"), "vanaf", e);
	dag = datum_lezen(kv_get(&rq->query, "dag"), "dag", e);
	if (van == DATE_NONE || van < rq->today)
		van = rq->today;
	if (e->status == ST_INVALID && !heeft_probleem(e, "vanaf") &&
	    !heeft_probleem(e, "dag")) {
		struct err f = *e;

		err_clear(e);
		return start_pagina(rq, rs, &l, &rq->query, &f, 400, e);
	}
	if (e->status)
		return e->status;
	h = horizon(&l, &k);
	if (van > rq->today + h)
		van = rq->today;
	if (dag != DATE_NONE && (dag < rq->today || dag > rq->today + h))
		return err_invalid(e, "dag", "range",
				   "Op die dag kunt u geen afspraak maken; "
				   "kies een dag uit de lijst.");
	if (dag != DATE_NONE && (dag < van || dag >= van + VENSTER_DAGEN))
		van = dag >= rq->today ? dag : rq->today;
	q = keuze_query(rq, &k);
	d = loket_data(&l, "Kies een dag en tijd");
	date_format_iso(van, iso);
	basis = fmt_a(rq, "/afspraak/%s/tijden?", l.g.slug);
	{
		size_t n = strlen(basis) + strlen(q) + 64;
		char *b = arena_alloc(&rq->a, n), *later, *eerder;

		if (!b)
			return ST_NOMEM;
		snprintf(b, n, "%s%s&vanaf=%s&dag=", basis, q, iso);
		basis = b;
		later = arena_alloc(&rq->a, n);
		eerder = arena_alloc(&rq->a, n);
		if (!later || !eerder)
			return ST_NOMEM;
		if (van + VENSTER_DAGEN <= rq->today + h) {
			date_format_iso(van + VENSTER_DAGEN, iso);
			snprintf(later, n, "/afspraak/%s/tijden?%s&vanaf=%s",
				 l.g.slug, q, iso);
			json_object_set_new(d, "later", json_string(later));
		}
		if (van > rq->today) {
			day_t e2 = van - VENSTER_DAGEN;

			date_format_iso(e2 < rq->today ? rq->today : e2, iso);
			snprintf(eerder, n, "/afspraak/%s/tijden?%s&vanaf=%s",
				 l.g.slug, q, iso);
			json_object_set_new(d, "eerder", json_string(eerder));
		}
	}
	json_object_set_new(d, "keuze", keuze_velden(rq, &k));
	json_object_set_new(d, "regels", regels_json(k.regels, k.n));
	json_object_set_new(d, "terug",
			    json_string(fmt_a(rq, "/afspraak/%s", l.g.slug)));
	/* The waiting list is per product: offered for one. */
	if (k.n == 1) {
		const char *w =
			fmt_a(rq, "/afspraak/%s/wachtlijst?product=", l.g.slug);
		size_t n = strlen(w) + strlen(k.regels[0].product) + 1;
		char *b = arena_alloc(&rq->a, n);

		if (!b)
			return ST_NOMEM;
		snprintf(b, n, "%s%s", w, k.regels[0].product);
		json_object_set_new(d, "wachtlijst", json_string(b));
	}
	if (tijden_data(rq, &l, &k, van, dag, NULL, basis, d, e)) {
		json_decref(d);
		if (e->status == ST_INVALID) {
			struct err f = *e;

			err_clear(e);
			return start_pagina(rq, rs, &l, &rq->query, &f, 400, e);
		}
		return e->status;
	}
	if (dag != DATE_NONE && !json_is_true(json_object_get(d, "dagGekozen")))
		json_object_set_new(d, "dagVol", json_true());
	rs->vluchtig = true;
	return pagina(rq, rs, "afspraak_tijden.html", d, 200, e);
}

/* ---- step 3: contact details, and booking ---- */

struct gegevens {
	const char *naam, *email, *telefoon;
};

/* The contact form: the choice, the time, what was typed, problems and
 * (after a time was taken) other times. */
static enum status
gegevens_pagina(struct request *rq, struct response *rs, const struct loket *l,
		const struct keuze *k, const struct vestiging *v, int64_t start,
		const struct gegevens *g, struct err *fouten, json_t *andere,
		unsigned status, struct err *e)
{
	json_t *d = loket_data(l, "Uw gegevens");
	char t[TIJD_TEKST_LEN];

	json_object_set_new(d, "formCsrf", jstr(form_token(rq, rs)));
	json_object_set_new(d, "keuze", keuze_velden(rq, k));
	json_object_set_new(d, "regels", regels_json(k->regels, k->n));
	if (v) {
		char iso[AFSPRAAK_TIJD_LEN];

		afspraak_format_tijd(start, iso);
		tijd_tekst(start, t, sizeof(t));
		json_object_set_new(d, "wanneer", json_string(t));
		json_object_set_new(d, "waar", waar_json(v));
		json_object_set_new(
			d, "tijd",
			json_string(cat_a(rq, cat_a(rq, v->code, ","), iso)));
	}
	json_object_set_new(d, "andere", andere ? andere : json_array());
	json_object_set_new(d, "waarden",
			    json_pack("{s:s?,s:s?,s:s?}", "naam", g->naam,
				      "email", g->email, "telefoon",
				      g->telefoon));
	json_object_set_new(
		d, "terug",
		json_string(cat_a(rq,
				  fmt_a(rq, "/afspraak/%s/tijden?", l->g.slug),
				  keuze_query(rq, k))));
	if (fouten)
		problemen(d, fouten);
	return pagina(rq, rs, "afspraak_gegevens.html", d, status, e);
}

enum status
page_afspraak_gegevens(struct request *rq, struct response *rs, struct err *e)
{
	struct loket l;
	struct keuze k;
	const struct vestiging *v = NULL;
	int64_t start = 0;
	struct gegevens g = { 0 };

	for (size_t i = 0; i < rq->query.n; i++) {
		const char *key = rq->query.items[i].key;

		if (strcmp(key, "product") != 0 && strcmp(key, "kanaal") != 0 &&
		    strcmp(key, "tijd") != 0 &&
		    !(strncmp(key, "personen-", 9) == 0 &&
		      strlen(key) <= 9 + AFSPRAAK_MAX_CODE))
			return err_invalid(e, key, "unknown",
					   "Onbekende parameter '%.40s'.", key);
		if (strlen(rq->query.items[i].value) > QUERY_MAX_TEKST)
			return err_invalid(e, key, "too-long",
					   "Te lange waarde.");
	}
	if (loket_van(rq, &l, e))
		return e->status;
	if (l.bij_code)
		return naar_slug(rq, rs, &l);
	keuze_lezen(rq, &l, &rq->query, &k, e);
	if (e->status) {
		struct err f = *e;

		err_clear(e);
		return start_pagina(rq, rs, &l, &rq->query, &f, 400, e);
	}
	if (!tijd_lezen(rq, &l, kv_get(&rq->query, "tijd"), &v, &start) ||
	    v->kanaal != k.kanaal) {
		/* Back to the times, with what went wrong. */
		json_t *d = loket_data(&l, "Kies een dag en tijd");

		json_object_set_new(d, "keuze", keuze_velden(rq, &k));
		json_object_set_new(d, "regels", regels_json(k.regels, k.n));
		json_object_set_new(
			d, "terug",
			json_string(fmt_a(rq, "/afspraak/%s", l.g.slug)));
		err_invalid(e, "tijd", "required", "Kies een tijd.");
		problemen(d, e);
		if (tijden_data(
			    rq, &l, &k, rq->today, DATE_NONE, NULL,
			    cat_a(rq,
				  fmt_a(rq, "/afspraak/%s/tijden?", l.g.slug),
				  cat_a(rq, keuze_query(rq, &k), "&dag=")),
			    d, e)) {
			json_decref(d);
			return e->status;
		}
		rs->vluchtig = true;
		return pagina(rq, rs, "afspraak_tijden.html", d, 400, e);
	}
	rs->vluchtig = true;
	return gegevens_pagina(rq, rs, &l, &k, v, start, &g, NULL, NULL, 200,
			       e);
}

/* A text field: trimmed of spaces, NULL when empty. */
static const char *
veld(struct request *rq, const struct kvlist *f, const char *naam)
{
	const char *s = kv_get(f, naam);
	size_t n;
	char *t;

	if (!s)
		return NULL;
	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0)
		return NULL;
	t = arena_alloc(&rq->a, n + 1);
	if (!t)
		return NULL;
	memcpy(t, s, n);
	t[n] = '\0';
	return t;
}

static void
gegevens_lezen(struct request *rq, const struct kvlist *f, struct gegevens *g,
	       struct err *e)
{
	g->naam = veld(rq, f, "naam");
	g->email = veld(rq, f, "email");
	g->telefoon = veld(rq, f, "telefoon");
	if (!g->naam)
		err_invalid(e, "naam", "required", "Vul uw naam in.");
	else if (text_check_max(g->naam, "naam", AFSPRAAK_MAX_NAAM, e) ==
		 ST_OK) {
		for (const unsigned char *p = (const unsigned char *)g->naam;
		     *p; p++)
			if (*p < 0x20 || *p == 0x7f) {
				err_invalid(e, "naam", "format",
					    "Uw naam bevat een teken dat niet "
					    "kan.");
				break;
			}
	}
	if (g->email &&
	    text_check_max(g->email, "email", AFSPRAAK_MAX_EMAIL, e) == ST_OK)
		afspraak_check_email(g->email, "email", e);
	if (g->telefoon && text_check_max(g->telefoon, "telefoon",
					  AFSPRAAK_MAX_TELEFOON, e) == ST_OK)
		afspraak_check_telefoon(g->telefoon, "telefoon", e);
	if (!g->email && !g->telefoon)
		err_invalid(e, "email", "required",
			    "Vul uw e-mailadres of telefoonnummer in. Daarmee "
			    "kunt u de afspraak later wijzigen.");
}

/* The problems of the store, in the resident's words where they are
 * about the visit as a whole. */
static void
store_problemen(struct err *e)
{
	for (size_t i = 0; i < e->nproblems; i++) {
		struct problem *p = &e->problems[i];

		if (strncmp(p->name, "regels[", 7) == 0)
			snprintf(p->name, sizeof(p->name), "product");
		else if (strcmp(p->name, "start") == 0 ||
			 strcmp(p->name, "vestiging") == 0)
			snprintf(p->name, sizeof(p->name), "tijd");
	}
}

/* The appointment as the confirmation, change and cancel pages show it. */
static json_t *
afspraak_data(struct request *rq, const struct loket *l,
	      const struct afspraak *a, const char *contact)
{
	const struct vestiging *v = loket_vestiging(l, a->vestiging);
	char t[TIJD_TEKST_LEN];

	tijd_tekst(a->start, t, sizeof(t));
	return json_pack("{s:s,s:s,s:o,s:o,s:s,s:b,s:b,s:s?,s:s?,s:s?}",
			 "referentie", a->referentie, "wanneer", t, "waar",
			 v ? waar_json(v) : json_string(a->vestiging_naam),
			 "regels", regels_json(a->regels, a->nregels), "status",
			 afspraak_status_name(a->status), "geannuleerd",
			 a->status == AS_GEANNULEERD, "video",
			 a->kanaal == KANAAL_VIDEO, "contact", contact, "naam",
			 a->naam, "email", a->email);
	(void)rq;
}

static enum status
klaar_pagina(struct request *rq, struct response *rs, const struct loket *l,
	     const char *titel, const char *soort, const struct afspraak *a,
	     const char *contact, struct err *e)
{
	json_t *d = loket_data(l, titel);

	json_object_set_new(d, "formCsrf", jstr(form_token(rq, rs)));
	json_object_set_new(d, "afspraak", afspraak_data(rq, l, a, contact));
	json_object_set_new(d, soort, json_true());
	rs->vluchtig = true;
	return pagina(rq, rs, "afspraak_klaar.html", d, 200, e);
}

enum status
page_afspraak_boek(struct request *rq, struct response *rs, struct err *e)
{
	struct kvlist f = { 0 };
	struct loket l;
	struct keuze k;
	struct gegevens g;
	const struct vestiging *v = NULL;
	int64_t start = 0;
	struct afspraak_boeking b = { 0 };
	struct afspraak a;
	bool opnieuw = false, tijd_ok;
	json_t *andere = NULL;
	char ref[AFSPRAAK_REFERENTIE_LEN + 1];
	const char *sleutel;
	enum status st;

	if (form_lezen(rq, &f, e) || loket_van(rq, &l, e))
		return e->status;
	keuze_lezen(rq, &l, &f, &k, e);
	tijd_ok = tijd_lezen(rq, &l, kv_get(&f, "tijd"), &v, &start) &&
		  (!k.kanaal_ok || v->kanaal == k.kanaal);
	if (!tijd_ok) {
		v = NULL;
		err_invalid(e, "tijd", "required",
			    "Kies een tijd (ga terug naar de dagen en "
			    "tijden).");
	}
	gegevens_lezen(rq, &f, &g, e);
	if (e->status) {
		struct err fouten = *e;

		err_clear(e);
		if (fouten.status != ST_INVALID) {
			*e = fouten;
			return e->status;
		}
		return gegevens_pagina(rq, rs, &l, &k, v, start, &g, &fouten,
				       NULL, 400, e);
	}
	b.vraag = (struct afspraak_vraag){ .gemeente = l.g.code,
					   .regels = k.regels,
					   .nregels = k.n,
					   .kanaal = k.kanaal,
					   .vestiging = v->code };
	b.start = start;
	b.naam = g.naam;
	b.email = g.email;
	b.telefoon = g.telefoon;
	/* The same form sent twice (a reload) books once: its body, with
	 * the visitor's token in it, is the key. */
	sleutel = auth_hash(&rq->a, rq->body ? rq->body : "");
	if (!sleutel)
		return ST_NOMEM;
	b.sleutel = fmt_a(rq, "pagina-%s", sleutel);
	b.verzoek_hash = sleutel;
	for (int poging = 0;; poging++) {
		uint8_t rnd[5];

		randombytes_buf(rnd, sizeof(rnd));
		afspraak_referentie(rnd, ref);
		b.referentie = ref;
		st = store_afspraak_add(rq->store, &b, &rq->a, &a, &opnieuw, e);
		if (st == ST_OK || st != ST_CONFLICT || e->nproblems == 0 ||
		    strcmp(e->problems[0].name, "referentie") != 0 ||
		    poging + 1 == REFERENTIE_POGINGEN)
			break;
		err_clear(e);
	}
	/* The same form again after the appointment was cancelled. */
	if (st == ST_OK && opnieuw && a.status == AS_GEANNULEERD)
		return klaar_pagina(rq, rs, &l, "Uw afspraak is geannuleerd",
				    "geannuleerd", &a,
				    g.email ? g.email : g.telefoon, e);
	if (st == ST_OK)
		return klaar_pagina(rq, rs, &l, "Uw afspraak is gemaakt",
				    "geboekt", &a,
				    g.email ? g.email : g.telefoon, e);
	if (st == ST_CONFLICT ||
	    (st == ST_INVALID && heeft_probleem(e, "start"))) {
		/* Taken in the meantime, or no longer bookable: the next
		 * free times instead. */
		struct err fouten;
		day_t dag;
		int m;

		err_clear(&fouten);
		err_invalid(&fouten, "tijd",
			    st == ST_CONFLICT ? "bezet" : "start",
			    st == ST_CONFLICT
				    ? "Deze tijd is net door iemand anders "
				      "gekozen. Kies hieronder een andere "
				      "tijd."
				    : "Deze tijd kunt u niet meer kiezen. "
				      "Kies hieronder een andere tijd.");
		err_clear(e);
		afspraak_lokaal(start, &dag, &m);
		if (alternatieven(rq, &l, &k, dag, start, &andere, e))
			return e->status;
		return gegevens_pagina(rq, rs, &l, &k, NULL, 0, &g, &fouten,
				       andere, st == ST_CONFLICT ? 409 : 400,
				       e);
	}
	if (st == ST_INVALID) {
		struct err fouten = *e;

		err_clear(e);
		store_problemen(&fouten);
		return gegevens_pagina(rq, rs, &l, &k, v, start, &g, &fouten,
				       NULL, 400, e);
	}
	return st;
}

/* ---- the calendar file ---- */

enum status
page_afspraak_agenda(struct request *rq, struct response *rs, struct err *e)
{
	struct kvlist f = { 0 };
	struct loket l;
	struct bericht b = { 0 };
	struct bericht_context c = { 0 };
	struct bericht_inhoud inh;
	const char *ref, *contact, *domein = getenv("AMBT_SMTP_DOMEIN");
	const char *afzender = getenv("AMBT_SMTP_AFZENDER");
	char disp[128];

	if (form_lezen(rq, &f, e) || loket_van(rq, &l, e))
		return e->status;
	ref = veld(rq, &f, "referentie");
	contact = veld(rq, &f, "contact");
	if (!ref || !contact || !afspraak_referentie_geldig(ref) ||
	    text_check_max(contact, "contact", AFSPRAAK_MAX_EMAIL, NULL) ||
	    store_afspraak_get(rq->store, ref, contact, &rq->a, &b.afspraak,
			       e) ||
	    strcmp(b.afspraak.gemeente, l.g.code) != 0) {
		if (e->status && e->status != ST_NOT_FOUND)
			return e->status;
		err_clear(e);
		return err_set(e, ST_NOT_FOUND,
			       "Er is geen afspraak met deze code en dit "
			       "e-mailadres of telefoonnummer.");
	}
	if (store_vestiging_get(rq->store, b.afspraak.vestiging, rq->today,
				&rq->a, &b.vestiging, e) ||
	    store_afspraak_instelling_get(rq->store, l.g.code, &rq->a,
					  &b.instelling, e))
		return e->status;
	b.soort = b.afspraak.status == AS_GEANNULEERD ? BERICHT_ANNULERING
						      : BERICHT_BEVESTIGING;
	b.volgnummer = b.afspraak.volgnummer;
	c.gemeente_naam = l.g.naam;
	c.domein = domein && *domein ? domein : "ambt";
	c.afzender = b.instelling.afzender && *b.instelling.afzender
			     ? b.instelling.afzender
		     : afzender && *afzender
			     ? afzender
			     : fmt_a(rq, "afspraken@%s", c.domein);
	c.nu = rq->now;
	if (bericht_maak(&b, &c, &rq->a, &inh, e))
		return e->status;
	snprintf(disp, sizeof(disp), "%s", inh.bestandsnaam);
	rs->status = 200;
	rs->content_type = fmt_a(rq, "text/calendar; charset=utf-8; method=%s",
				 inh.methode);
	rs->body = inh.ics;
	rs->len = strlen(inh.ics);
	rs->personal = true;
	rs->bestand = arena_strdup(&rq->a, disp);
	return ST_OK;
}

/* ---- changing and cancelling ---- */

static enum status
wijzig_formulier(struct request *rq, struct response *rs, const struct loket *l,
		 const char *ref, const char *contact, struct err *fouten,
		 unsigned status, struct err *e)
{
	json_t *d = loket_data(l, "Afspraak wijzigen of annuleren");

	json_object_set_new(d, "formCsrf", jstr(form_token(rq, rs)));
	json_object_set_new(d, "waarden",
			    json_pack("{s:s?,s:s?}", "referentie", ref,
				      "contact", contact));
	if (fouten)
		problemen(d, fouten);
	return pagina(rq, rs, "afspraak_wijzigen.html", d, status, e);
}

enum status
page_afspraak_wijzigen(struct request *rq, struct response *rs, struct err *e)
{
	struct loket l;

	if (req_check_query(rq, NULL, e) || loket_van(rq, &l, e))
		return e->status;
	if (l.bij_code)
		return naar_slug(rq, rs, &l);
	return wijzig_formulier(rq, rs, &l, NULL, NULL, NULL, 200, e);
}

/*
 * The appointment the form names by code and contact, of this
 * municipality: otherwise the lookup form again with one message alike
 * for a wrong code and a wrong contact (404), or with the fields'
 * problems (400). *getoond tells that a page was made.
 */
static enum status
afspraak_uit_form(struct request *rq, struct response *rs,
		  const struct loket *l, const struct kvlist *f,
		  struct afspraak *a, const char **contact, bool *getoond,
		  struct err *e)
{
	const char *ref = veld(rq, f, "referentie");
	struct err fouten;
	enum status st;

	*getoond = false;
	*contact = veld(rq, f, "contact");
	err_clear(&fouten);
	if (!ref)
		err_invalid(&fouten, "referentie", "required",
			    "Vul de code van uw afspraak in. U vindt die in "
			    "de bevestiging.");
	else if (!afspraak_referentie_geldig(ref))
		err_invalid(&fouten, "referentie", "format",
			    "Een code bestaat uit 8 letters en cijfers, "
			    "zoals K7MX3QPA.");
	if (!*contact)
		err_invalid(&fouten, "contact", "required",
			    "Vul het e-mailadres of telefoonnummer in dat u "
			    "bij de afspraak gaf.");
	else
		text_check_max(*contact, "contact", AFSPRAAK_MAX_EMAIL,
			       &fouten);
	if (fouten.status) {
		*getoond = true;
		return wijzig_formulier(rq, rs, l, ref, *contact, &fouten, 400,
					e);
	}
	{
		char *up = arena_strdup(&rq->a, ref);

		for (char *p = up; p && *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		ref = up;
	}
	st = store_afspraak_get(rq->store, ref, *contact, &rq->a, a, e);
	if (st == ST_NOT_FOUND ||
	    (st == ST_OK && strcmp(a->gemeente, l->g.code) != 0)) {
		err_clear(e);
		err_set(&fouten, ST_NOT_FOUND,
			"Er is geen afspraak met deze code en dit e-mailadres "
			"of telefoonnummer. Kijk of u ze goed hebt "
			"overgenomen.");
		*getoond = true;
		return wijzig_formulier(rq, rs, l, ref, *contact, &fouten, 404,
					e);
	}
	return st;
}

/* The keuze an appointment is: its products, persons and channel. */
static void
keuze_van(const struct afspraak *a, struct keuze *k)
{
	memset(k, 0, sizeof(*k));
	for (size_t i = 0; i < a->nregels && i < AFSPRAAK_MAX_PRODUCTEN; i++)
		k->regels[k->n++] = a->regels[i];
	k->kanaal = a->kanaal;
	k->kanaal_ok = true;
}

/* The appointment with the days and times it may move to (day `dag`'s
 * times shown), and problems. */
static enum status
beheer_pagina(struct request *rq, struct response *rs, const struct loket *l,
	      const struct afspraak *a, const char *contact, day_t van,
	      day_t dag, struct err *fouten, unsigned status, struct err *e)
{
	json_t *d = loket_data(l, "Uw afspraak");
	struct keuze k;

	json_object_set_new(d, "formCsrf", jstr(form_token(rq, rs)));
	json_object_set_new(d, "afspraak", afspraak_data(rq, l, a, contact));
	if (a->status == AS_GEBOEKT) {
		keuze_van(a, &k);
		if (van == DATE_NONE || van < rq->today)
			van = rq->today;
		if (tijden_data(rq, l, &k, van, dag, NULL, NULL, d, e)) {
			json_decref(d);
			return e->status;
		}
		if (van + VENSTER_DAGEN <= rq->today + horizon(l, &k)) {
			char iso[DATE_ISO_LEN];

			date_format_iso(van + VENSTER_DAGEN, iso);
			json_object_set_new(d, "later", json_string(iso));
		}
		if (van > rq->today) {
			char iso[DATE_ISO_LEN];
			day_t e2 = van - VENSTER_DAGEN;

			date_format_iso(e2 < rq->today ? rq->today : e2, iso);
			json_object_set_new(d, "eerder", json_string(iso));
		}
		{
			char iso[DATE_ISO_LEN];

			date_format_iso(van, iso);
			json_object_set_new(d, "vanaf", json_string(iso));
		}
		json_object_set_new(d, "wijzigbaar", json_true());
	}
	if (fouten)
		problemen(d, fouten);
	rs->vluchtig = true;
	return pagina(rq, rs, "afspraak_beheer.html", d, status, e);
}

enum status
page_afspraak_zoek(struct request *rq, struct response *rs, struct err *e)
{
	struct kvlist f = { 0 };
	struct loket l;
	struct afspraak a;
	const char *contact;
	bool getoond;
	day_t van, dag;

	if (form_lezen(rq, &f, e) || loket_van(rq, &l, e))
		return e->status;
	if (afspraak_uit_form(rq, rs, &l, &f, &a, &contact, &getoond, e) ||
	    getoond)
		return e->status;
	van = datum_lezen(kv_get(&f, "vanaf"), "vanaf", e);
	dag = datum_lezen(kv_get(&f, "dag"), "dag", e);
	if (e->status) {
		struct err fouten = *e;

		err_clear(e);
		return beheer_pagina(rq, rs, &l, &a, contact, DATE_NONE,
				     DATE_NONE, &fouten, 400, e);
	}
	return beheer_pagina(rq, rs, &l, &a, contact, van, dag, NULL, 200, e);
}

enum status
page_afspraak_verzet(struct request *rq, struct response *rs, struct err *e)
{
	struct kvlist f = { 0 };
	struct loket l;
	struct afspraak a;
	const struct vestiging *v = NULL;
	const char *contact;
	bool getoond;
	int64_t start = 0;
	enum status st;

	if (form_lezen(rq, &f, e) || loket_van(rq, &l, e))
		return e->status;
	if (afspraak_uit_form(rq, rs, &l, &f, &a, &contact, &getoond, e) ||
	    getoond)
		return e->status;
	if (!tijd_lezen(rq, &l, kv_get(&f, "tijd"), &v, &start) ||
	    v->kanaal != a.kanaal) {
		struct err fouten;
		day_t dag = datum_lezen(kv_get(&f, "dag"), "dag", NULL);

		err_clear(&fouten);
		err_invalid(&fouten, "tijd", "required",
			    "Kies een nieuwe tijd.");
		return beheer_pagina(
			rq, rs, &l, &a, contact,
			datum_lezen(kv_get(&f, "vanaf"), "vanaf", NULL), dag,
			&fouten, 400, e);
	}
	st = store_afspraak_move(rq->store, a.referentie, contact, v->code,
				 start, &rq->a, &a, e);
	if (st == ST_OK)
		return klaar_pagina(rq, rs, &l, "Uw afspraak is verzet",
				    "verzet", &a, contact, e);
	if (st == ST_CONFLICT || st == ST_INVALID) {
		struct err fouten;
		day_t dag;
		int m;

		err_clear(&fouten);
		err_invalid(&fouten, "tijd",
			    st == ST_CONFLICT ? "bezet" : "start",
			    st == ST_CONFLICT
				    ? "Deze tijd is net door iemand anders "
				      "gekozen. Uw afspraak staat nog op de "
				      "oude tijd. Kies een andere tijd."
				    : "Deze tijd kunt u niet kiezen. Uw "
				      "afspraak staat nog op de oude tijd. "
				      "Kies een andere tijd.");
		err_clear(e);
		afspraak_lokaal(start, &dag, &m);
		if (store_afspraak_get(rq->store, a.referentie, contact, &rq->a,
				       &a, e))
			return e->status;
		return beheer_pagina(rq, rs, &l, &a, contact, dag, dag, &fouten,
				     st == ST_CONFLICT ? 409 : 400, e);
	}
	return st;
}

enum status
page_afspraak_annuleer(struct request *rq, struct response *rs, struct err *e)
{
	struct kvlist f = { 0 };
	struct loket l;
	struct afspraak a;
	const char *contact, *zeker;
	bool getoond;

	if (form_lezen(rq, &f, e) || loket_van(rq, &l, e))
		return e->status;
	if (afspraak_uit_form(rq, rs, &l, &f, &a, &contact, &getoond, e) ||
	    getoond)
		return e->status;
	zeker = kv_get(&f, "zeker");
	if (!zeker || strcmp(zeker, "ja") != 0) {
		struct err fouten;

		err_clear(&fouten);
		err_invalid(&fouten, "zeker", "required",
			    "Vink aan dat u de afspraak wilt annuleren.");
		return beheer_pagina(rq, rs, &l, &a, contact, DATE_NONE,
				     DATE_NONE, &fouten, 400, e);
	}
	if (a.status != AS_GEBOEKT) {
		struct err fouten;

		err_clear(&fouten);
		err_set(&fouten, ST_CONFLICT,
			a.status == AS_GEANNULEERD
				? "Deze afspraak is al geannuleerd."
				: "Deze afspraak is al geweest.");
		return beheer_pagina(rq, rs, &l, &a, contact, DATE_NONE,
				     DATE_NONE, &fouten, 409, e);
	}
	if (store_afspraak_cancel(rq->store, a.referentie, contact, &rq->a, &a,
				  e))
		return e->status;
	return klaar_pagina(rq, rs, &l, "Uw afspraak is geannuleerd",
			    "geannuleerd", &a, contact, e);
}

/* ---- the waiting list ---- */

/*
 * The waiting-list page: joining for product p (when given), the code
 * after joining (nieuw), leaving, or that one left; the values typed
 * and the problems of fouten at their fields.
 */
static enum status
wachtlijst_pagina(struct request *rq, struct response *rs,
		  const struct loket *l, const struct balieproduct *p,
		  const struct kvlist *f, const struct wachtplaats *nieuw,
		  bool afgemeld, struct err *fouten, unsigned status,
		  struct err *e)
{
	json_t *d = loket_data(l, "Wachtlijst");

	json_object_set_new(d, "formCsrf", jstr(form_token(rq, rs)));
	if (p)
		json_object_set_new(d, "product",
				    json_pack("{s:s,s:s}", "code", p->code,
					      "naam", p->naam));
	if (nieuw)
		json_object_set_new(d, "aangemeld",
				    json_pack("{s:s,s:s,s:s}", "referentie",
					      nieuw->referentie, "product",
					      nieuw->product_naam, "email",
					      nieuw->email));
	if (afgemeld)
		json_object_set_new(d, "afgemeld", json_true());
	if (f)
		json_object_set_new(d, "waarden",
				    json_pack("{s:s?,s:s?,s:s?,s:s?}", "naam",
					      kv_get(f, "naam"), "email",
					      kv_get(f, "email"), "referentie",
					      kv_get(f, "referentie"),
					      "contact", kv_get(f, "contact")));
	if (fouten)
		problemen(d, fouten);
	return pagina(rq, rs, "afspraak_wachtlijst.html", d, status, e);
}

enum status
page_afspraak_wachtlijst(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "product", NULL };
	const char *code = kv_get(&rq->query, "product");
	const struct balieproduct *p;
	struct loket l;

	if (req_check_query(rq, keys, e) || loket_van(rq, &l, e))
		return e->status;
	if (l.bij_code)
		return naar_slug(rq, rs, &l);
	p = loket_product(&l, code);
	if (code && !p)
		return err_set(e, ST_NOT_FOUND,
			       "De gemeente %s heeft geen product '%.64s'.",
			       l.g.naam, code);
	return wachtlijst_pagina(rq, rs, &l, p, NULL, NULL, false, NULL, 200,
				 e);
}

/* Joining: name and address for the product of the form. */
static enum status
wachtlijst_aanmelden(struct request *rq, struct response *rs,
		     const struct loket *l, const struct kvlist *f,
		     struct err *e)
{
	const struct balieproduct *p = loket_product(l, kv_get(f, "product"));
	struct wachtplaats w = { 0 }, uit;
	char ref[AFSPRAAK_REFERENTIE_LEN + 1];
	struct err fouten;

	if (!p)
		return err_set(e, ST_NOT_FOUND,
			       "De gemeente %s heeft dit product niet.",
			       l->g.naam);
	w.gemeente = l->g.code;
	w.product = p->code;
	w.naam = veld(rq, f, "naam");
	w.email = veld(rq, f, "email");
	err_clear(&fouten);
	for (int poging = 0; poging < 5; poging++) {
		uint8_t rnd[5];

		randombytes_buf(rnd, sizeof(rnd));
		afspraak_referentie(rnd, ref);
		w.referentie = ref;
		err_clear(&fouten);
		if (store_wachtlijst_add(rq->store, &w, &rq->a, &uit,
					 &fouten) == ST_OK)
			return wachtlijst_pagina(rq, rs, l, p, NULL, &uit,
						 false, NULL, 201, e);
		if (fouten.status != ST_CONFLICT || fouten.nproblems == 0 ||
		    strcmp(fouten.problems[0].name, "referentie") != 0)
			break;
	}
	if (fouten.status != ST_INVALID && fouten.status != ST_CONFLICT) {
		*e = fouten;
		return e->status;
	}
	return wachtlijst_pagina(rq, rs, l, p, f, NULL, false, &fouten,
				 fouten.status == ST_CONFLICT ? 409 : 400, e);
}

/* Leaving: the code and the address, a wrong one answered alike. */
static enum status
wachtlijst_afmelden(struct request *rq, struct response *rs,
		    const struct loket *l, const struct kvlist *f,
		    struct err *e)
{
	const char *ref = veld(rq, f, "referentie");
	const char *contact = veld(rq, f, "contact");
	struct err fouten;
	char *up;

	err_clear(&fouten);
	if (!ref)
		err_invalid(&fouten, "referentie", "required",
			    "Vul de code in die u kreeg toen u zich "
			    "aanmeldde.");
	else if (!afspraak_referentie_geldig(ref))
		err_invalid(&fouten, "referentie", "format",
			    "Een code bestaat uit 8 letters en cijfers, "
			    "zoals K7MX3QPA.");
	if (!contact)
		err_invalid(&fouten, "contact", "required",
			    "Vul het e-mailadres in waarmee u zich "
			    "aanmeldde.");
	else
		text_check_max(contact, "contact", AFSPRAAK_MAX_EMAIL, &fouten);
	if (fouten.status)
		return wachtlijst_pagina(rq, rs, l, NULL, f, NULL, false,
					 &fouten, 400, e);
	up = arena_strdup(&rq->a, ref);
	for (char *c = up; c && *c; c++)
		if (*c >= 'a' && *c <= 'z')
			*c = (char)(*c - 'a' + 'A');
	if (store_wachtlijst_delete(rq->store, up, contact, &fouten) == ST_OK)
		return wachtlijst_pagina(rq, rs, l, NULL, NULL, NULL, true,
					 NULL, 200, e);
	if (fouten.status != ST_NOT_FOUND) {
		*e = fouten;
		return e->status;
	}
	err_clear(&fouten);
	err_set(&fouten, ST_NOT_FOUND,
		"Er is geen plaats op de wachtlijst met deze code en dit "
		"e-mailadres. Kijk of u ze goed hebt overgenomen.");
	return wachtlijst_pagina(rq, rs, l, NULL, f, NULL, false, &fouten, 404,
				 e);
}

enum status
page_afspraak_wachtlijst_post(struct request *rq, struct response *rs,
			      struct err *e)
{
	struct kvlist f;
	const char *actie;
	struct loket l;

	if (loket_van(rq, &l, e) || form_lezen(rq, &f, e))
		return e->status;
	actie = kv_get(&f, "actie");
	if (actie && strcmp(actie, "aanmelden") == 0)
		return wachtlijst_aanmelden(rq, rs, &l, &f, e);
	if (actie && strcmp(actie, "afmelden") == 0)
		return wachtlijst_afmelden(rq, rs, &l, &f, e);
	return err_invalid(e, "actie", "unknown",
			   "Kies aanmelden of afmelden.");
}
