/*
 * api_uren.c - the staff register and the hours in the API: staff,
 * importing an hours export (text/csv body), the batches, the totals and
 * urenverdeling, and the framework deviations.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api.h"
#include "auth.h"
#include "body.h"
#include "../present/json.h"
#include "../present/uren.h"
#include "../banned.h"

/* ---- medewerkers ---- */

enum status
api_medewerkers_list(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "page", "pageSize", "samenwerking",
					    "zoek", NULL };
	const char *sw = kv_get(&rq->query, "samenwerking");
	struct medewerker *m;
	size_t n;
	json_t *all;

	if (req_check_query(rq, keys, e))
		return e->status;
	if (!sw && !auth_has_role(&rq->who, ROL_BEHEERDER, NULL))
		return err_invalid(e, "samenwerking", "required",
				   "Noem de samenwerking (bijvoorbeeld HB).");
	if ((sw && authz_samenwerking(rq, sw, e)) ||
	    store_medewerker_list(rq->store, &rq->a, sw,
				  kv_get(&rq->query, "zoek"), &m, &n, e))
		return e->status;
	all = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(all, present_medewerker_json(&m[i]));
	return resp_list(rq, rs, all, e);
}

/* The query key of a staff member's routes: their cooperation. */
static const char *const sw_key[] = { "samenwerking", NULL };

enum status
medewerker_van(struct request *rq, const char *nummer, struct medewerker *m,
	       struct err *e)
{
	return store_medewerker_get(rq->store, &rq->a, nummer,
				    kv_get(&rq->query, "samenwerking"),
				    "samenwerking", m, e);
}

enum status
authz_eenheid_schrijven(struct request *rq, const char *eenheid, struct err *e)
{
	struct eenheid u;
	struct inrichting *h;
	size_t nh;
	struct err probe;

	err_clear(&probe);
	if (auth_has_role(&rq->who, ROL_BEHEERDER, NULL) || !eenheid ||
	    store_eenheid_get(rq->store, &rq->a, eenheid, &u, &h, &nh,
			      &probe) != ST_OK)
		return ST_OK; /* an unknown unit is the write's problem */
	return authz_samenwerking(rq, u.samenwerking, e);
}

enum status
api_medewerkers_get(struct request *rq, struct response *rs, struct err *e)
{
	struct medewerker m;

	if (req_check_query(rq, sw_key, e) ||
	    medewerker_van(rq, req_param(rq, "nummer"), &m, e))
		return e->status;
	return resp_json(rq, rs, 200, present_medewerker_json(&m));
}

static const char *const mw_keys[] = {
	"personeelsnummer", "naam", "werkgever", "eenheid", "standplaats",
	"fteDuizendsten",   "van",  "tot",	 NULL
};

/* Fill m from the members present in body (absent ones stay). */
static void
mw_uit_body(json_t *body, struct medewerker *m, struct err *e)
{
	if (json_object_get(body, "naam"))
		m->naam = body_str(body, "naam", false, e);
	if (json_object_get(body, "werkgever"))
		m->werkgever = body_str(body, "werkgever", false, e);
	if (json_object_get(body, "eenheid"))
		m->eenheid = body_str(body, "eenheid", false, e);
	if (json_object_get(body, "standplaats"))
		m->standplaats = body_str(body, "standplaats", false, e);
	if (json_object_get(body, "fteDuizendsten")) {
		int64_t fte = -1; /* null, or refused: no FTE to check again */

		body_int(body, "fteDuizendsten", false, MEDEWERKER_FTE_MIN,
			 MEDEWERKER_FTE_MAX, &fte, e);
		m->fte = (int)fte; /* -1, or within the FTE's range */
	}
	if (json_object_get(body, "van"))
		m->periode.van = body_date(body, "van", false, e);
	if (json_object_get(body, "tot"))
		m->periode.tot = body_date(body, "tot", false, e);
}

enum status
api_medewerkers_post(struct request *rq, struct response *rs, struct err *e)
{
	struct medewerker m = { .periode = { DATE_NONE, DATE_NONE } };
	char loc[128];
	json_t *body;

	if (req_check_query(rq, NULL, e) || req_json_body(rq, &body, e))
		return e->status;
	body_check_keys(body, mw_keys, e);
	m.nummer = body_str(body, "personeelsnummer", true, e);
	mw_uit_body(body, &m, e);
	if (!m.eenheid)
		err_invalid(e, "eenheid", "required",
			    "Noem de eenheid waar de medewerker werkt; de "
			    "medewerker hoort bij de samenwerking daarvan.");
	if (e->status == ST_OK &&
	    authz_eenheid_schrijven(rq, m.eenheid, e) == ST_OK)
		store_medewerker_add(rq->store, &m, e);
	if (e->status) {
		json_decref(body);
		return e->status;
	}
	m.nummer = arena_strdup(&rq->a, m.nummer);
	m.eenheid = arena_strdup(&rq->a, m.eenheid);
	json_decref(body);
	{
		struct eenheid u;
		struct inrichting *h;
		size_t nh;

		if (store_eenheid_get(rq->store, &rq->a, m.eenheid, &u, &h, &nh,
				      e) ||
		    store_medewerker_get(rq->store, &rq->a, m.nummer,
					 u.samenwerking, "samenwerking", &m, e))
			return e->status;
	}
	snprintf(loc, sizeof(loc),
		 API_BASE "/medewerkers/%.40s?samenwerking=%.16s", m.nummer,
		 m.samenwerking);
	rs->location = arena_strdup(&rq->a, loc);
	return resp_json(rq, rs, 201, present_medewerker_json(&m));
}

enum status
api_medewerkers_patch(struct request *rq, struct response *rs, struct err *e)
{
	const char *nummer = req_param(rq, "nummer");
	struct medewerker m, oud;
	json_t *body;

	if (req_check_query(rq, sw_key, e) ||
	    medewerker_van(rq, nummer, &oud, e) || req_json_patch(rq, &body, e))
		return e->status;
	m = oud;
	body_check_keys(body, mw_keys + 1, e); /* the number stays */
	mw_uit_body(body, &m, e);
	/* Visible means kept: the store refuses a unit of another
	 * cooperation. */
	if (e->status == ST_OK)
		store_medewerker_wijzig(rq->store, &oud, &m, e);
	json_decref(body);
	if (e->status ||
	    store_medewerker_get(rq->store, &rq->a, oud.nummer,
				 oud.samenwerking, "samenwerking", &m, e))
		return e->status;
	return resp_json(rq, rs, 200, present_medewerker_json(&m));
}

/* ---- importing hours ---- */

bool
media_csv(const char *ct)
{
	size_t n = strlen("text/csv");

	return ct && strncasecmp(ct, "text/csv", n) == 0 &&
	       (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

static enum status
vlag(struct request *rq, const char *key, bool *out, struct err *e)
{
	const char *v = kv_get(&rq->query, key);

	*out = false;
	if (!v)
		return ST_OK;
	if (strcmp(v, "true") == 0)
		*out = true;
	else if (strcmp(v, "false") != 0)
		return err_invalid(e, key, "boolean", "Kies true of false.");
	return ST_OK;
}

/* The problems of a refused file as RFC 9457 problem+json. */
static enum status
problemen_antwoord(struct request *rq, struct response *rs,
		   const struct uren_resultaat *r, const struct err *e)
{
	json_t *j = json_object(), *arr = json_array();
	enum status st;

	json_object_set_new(j, "type",
			    json_string("https://developer.overheid.nl/"
					"problems/400"));
	json_object_set_new(j, "title", json_string("Ongeldig verzoek"));
	json_object_set_new(j, "status", json_integer(400));
	json_object_set_new(j, "detail", json_string(e->message));
	json_object_set_new(j, "instance", json_string(rq->path));
	for (size_t i = 0; i < r->nproblemen; i++) {
		const struct uren_probleem *p = &r->problemen[i];
		json_t *x = json_object();
		char naam[64];

		if (p->regel && p->kolom)
			snprintf(naam, sizeof(naam), "regel %zu, kolom %s",
				 p->regel, p->kolom);
		else if (p->regel)
			snprintf(naam, sizeof(naam), "regel %zu", p->regel);
		else
			snprintf(naam, sizeof(naam), "bestand");
		json_object_set_new(x, "name", json_string(naam));
		json_object_set_new(x, "code", jstr(p->code));
		json_object_set_new(x, "reason", jstr(p->melding));
		json_object_set_new(x, "regel",
				    p->regel
					    ? json_integer((json_int_t)p->regel)
					    : json_null());
		json_object_set_new(x, "kolom", jstr(p->kolom));
		json_array_append_new(arr, x);
	}
	json_object_set_new(j, "invalidParams", arr);
	json_object_set_new(j, "weggelaten",
			    json_integer((json_int_t)r->nweggelaten));
	st = resp_json(rq, rs, 400, j);
	rs->content_type = "application/problem+json";
	return st;
}

static json_t *
resultaat_json(const struct uren_resultaat *r)
{
	json_t *o = json_object(), *kol = json_array();

	json_object_set_new(o, "hash", json_string(r->hash));
	json_object_set_new(o, "rijen",
			    json_integer((json_int_t)r->nboekingen));
	json_object_set_new(o, "honderdsten", json_integer(r->honderdsten));
	json_object_set_new(o, "uren", present_uren(r->honderdsten));
	json_object_set_new(o, "medewerkers",
			    json_integer((json_int_t)r->nmedewerkers));
	json_object_set_new(o, "gemeenten",
			    json_integer((json_int_t)r->ngemeenten));
	json_object_set_new(o, "afwijkingen",
			    json_integer((json_int_t)r->nafwijkingen));
	json_object_set_new(o, "nieuweMedewerkers",
			    json_integer((json_int_t)r->nnieuw));
	json_object_set_new(o, "van", jdate(r->van));
	json_object_set_new(o, "tot", jdate(r->tot));
	for (size_t i = 0; i < r->nonbekend; i++)
		json_array_append_new(kol,
				      json_string(r->onbekende_kolommen[i]));
	json_object_set_new(o, "genegeerdeKolommen", kol);
	return o;
}

enum status
uren_import_verzoek(struct request *rq, const char *data, size_t n,
		    const char *bestand, const struct uren_import_keuze *k,
		    struct uren_import_uitkomst *u, struct err *e)
{
	struct uren_opties o = { .nieuwe_medewerkers = k->nieuwe_medewerkers };
	struct uren_register reg;
	enum status st;

	memset(u, 0, sizeof(*u));
	if (!rq->zicht.alles) {
		/* A controller books only the units it keeps. */
		o.samenwerkingen = rq->zicht.beheer;
		o.nsamenwerkingen = rq->zicht.nbeheer;
	}
	/* The file's rows live in their own arena: a year is large. */
	arena_init(&u->a, (64u << 20) + 16 * n);
	if (store_uren_register(rq->store, &u->a, &reg, e))
		return e->status;
	/* A dry run goes the whole way and is undone: the same answer. */
	st = store_uren_import(rq->store, &rq->a, &u->a, &reg, data, n, &o,
			       bestand, k->vervang, k->proef, &u->res,
			       &u->batch, &u->al, e);
	u->gecontroleerd = u->res.nproblemen == 0 && u->res.nweggelaten == 0;
	return st;
}

/* Problems of a file in the order of its lines ("regel 3: fte"). */
static int
regel_van(const struct problem *p)
{
	int r = 0;
	return sscanf(p->name, "regel %d", &r) == 1 ? r : 0;
}

static int
op_regel(const void *a, const void *b)
{
	int x = regel_van(a), y = regel_van(b);
	return (x > y) - (x < y);
}

/*
 * A staff file for the principal: every record's unit must be one the
 * principal may write for (a problem of that line otherwise), then the
 * store adds and replaces all or nothing; with `proef` nothing is kept.
 */
enum status
medewerkers_import_verzoek(struct request *rq, const char *data, size_t n,
			   bool proef, size_t *nieuw, size_t *gewijzigd,
			   struct err *e)
{
	struct medewerker *m = NULL;
	size_t nm = 0;

	*nieuw = *gewijzigd = 0;
	medewerker_csv_lees(&rq->a, data, n, &m, &nm, e);
	if (!nm || (e->status != ST_OK && e->status != ST_INVALID))
		return e->status;
	for (size_t i = 0; i < nm; i++) {
		struct err nee = { 0 };
		if (m[i].eenheid &&
		    authz_eenheid_schrijven(rq, m[i].eenheid, &nee) != ST_OK) {
			char veld[48];
			snprintf(veld, sizeof veld, "regel %lld: eenheid",
				 (long long)m[i].id);
			err_invalid(e, veld, "not-yours",
				    "Eenheid %.64s hoort niet bij een "
				    "samenwerking waarvoor u medewerkers "
				    "invoert.",
				    m[i].eenheid);
		}
	}
	if (proef && store_begin(rq->store, e) == ST_OK) {
		store_medewerkers_import(rq->store, m, nm, nieuw, gewijzigd, e);
		store_rollback(rq->store);
	} else if (!proef) {
		store_medewerkers_import(rq->store, m, nm, nieuw, gewijzigd, e);
	}
	err_dedupe(e);
	/* Stable for equal lines: the order of the checks stays. */
	for (size_t i = 1; i < e->nproblems; i++)
		for (size_t j = i; j > 0 && op_regel(&e->problems[j - 1],
						     &e->problems[j]) > 0;
		     j--) {
			struct problem p = e->problems[j];
			e->problems[j] = e->problems[j - 1];
			e->problems[j - 1] = p;
		}
	return e->status;
}

enum status
api_medewerkers_importen(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "dryRun", NULL };
	size_t nieuw, gewijzigd;
	bool proef;

	if (req_check_query(rq, keys, e) || vlag(rq, "dryRun", &proef, e))
		return e->status;
	if (!media_csv(rq->content_type))
		return err_set(e, ST_UNSUPPORTED,
			       "Stuur het medewerkersbestand als text/csv.");
	if (medewerkers_import_verzoek(rq, rq->body ? rq->body : "",
				       rq->body_len, proef, &nieuw, &gewijzigd,
				       e))
		return e->status;
	json_t *j = json_object();
	json_object_set_new(j, "toegevoegd", json_integer((json_int_t)nieuw));
	json_object_set_new(j, "bijgewerkt",
			    json_integer((json_int_t)gewijzigd));
	json_object_set_new(j, "proef", json_boolean(proef));
	return resp_json(rq, rs, 200, j);
}

enum status
api_uren_importen_post(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "dryRun", "vervang",
					    "nieuweMedewerkers", "bestand",
					    NULL };
	struct uren_import_keuze k = { 0 };
	struct uren_import_uitkomst u;
	const char *vervang = kv_get(&rq->query, "vervang");
	const char *bestand = kv_get(&rq->query, "bestand");
	enum status st;

	if (req_check_query(rq, keys, e) || vlag(rq, "dryRun", &k.proef, e) ||
	    vlag(rq, "nieuweMedewerkers", &k.nieuwe_medewerkers, e))
		return e->status;
	if (req_int(vervang, "vervang", 1, ID_MAX, &k.vervang, e))
		return e->status;
	if (!media_csv(rq->content_type))
		return err_set(e, ST_UNSUPPORTED,
			       "Stuur het urenbestand als text/csv.");
	st = uren_import_verzoek(rq, rq->body ? rq->body : "", rq->body_len,
				 bestand ? bestand : "upload.csv", &k, &u, e);
	if (st == ST_INVALID && !u.gecontroleerd && u.res.nproblemen) {
		st = problemen_antwoord(rq, rs, &u.res, e);
		err_clear(e);
	} else if (st == ST_OK && k.proef) {
		json_t *j = resultaat_json(&u.res);

		json_object_set_new(j, "proef", json_true());
		st = resp_json(rq, rs, 200, j);
	} else if (st == ST_OK) {
		json_t *j = present_batch_json(&u.batch);
		char loc[96];

		json_object_set_new(j, "alIngelezen", json_boolean(u.al));
		json_object_set_new(
			j, "nieuweMedewerkers",
			json_integer((json_int_t)(u.al ? 0 : u.res.nnieuw)));
		snprintf(loc, sizeof(loc), API_BASE "/uren/importen/%lld",
			 (long long)u.batch.id);
		rs->location = arena_strdup(&rq->a, loc);
		st = resp_json(rq, rs, u.al ? 200 : 201, j);
	}
	arena_free(&u.a);
	return st;
}

enum status
api_uren_importen_list(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "page", "pageSize", NULL };
	struct uren_batch *b;
	size_t n;
	json_t *all;

	if (req_check_query(rq, keys, e) ||
	    store_uren_batches(rq->store, &rq->a, &b, &n, e))
		return e->status;
	all = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(all, present_batch_json(&b[i]));
	return resp_list(rq, rs, all, e);
}

enum status
api_uren_importen_get(struct request *rq, struct response *rs, struct err *e)
{
	const char *p = req_param(rq, "batch");
	struct uren_batch b;
	int64_t id = 0;

	if (req_check_query(rq, NULL, e) ||
	    req_int(p, "batch", 1, ID_MAX, &id, e) ||
	    store_uren_batch_get(rq->store, &rq->a, id, &b, e))
		return e->status;
	return resp_json(rq, rs, 200, present_batch_json(&b));
}

/* ---- totals and deviations ---- */

/* samenwerking (required, and readable), and an optional year. */
static enum status
uren_vraag(struct request *rq, const char **sw, int *jaar, struct err *e)
{
	const char *j = kv_get(&rq->query, "jaar");
	struct samenwerking s;

	*sw = kv_get(&rq->query, "samenwerking");
	*jaar = 0;
	req_jaar(j, jaar, e);
	if (!*sw)
		err_invalid(e, "samenwerking", "required",
			    "Noem de samenwerking (bijvoorbeeld HB).");
	if (e->status ||
	    store_samenwerking_get(rq->store, &rq->a, *sw, &s, e) ||
	    authz_uren_lezen(rq, *sw, e))
		return e->status;
	return ST_OK;
}

enum status
uren_maanden_van(struct request *rq, const char *sw, int *jaar,
		 struct uren_maand **m, size_t *n, struct err *e)
{
	if (!*jaar && store_uren_laatste_jaar(rq->store, sw, jaar, e))
		return e->status;
	if (!*jaar) { /* no hours yet: this year */
		int mo, d;

		date_to_ymd(rq->today, jaar, &mo, &d);
	}
	return store_uren_maanden(rq->store, &rq->a, sw, *jaar - 1, *jaar, m, n,
				  e);
}

enum status
api_uren_totalen(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "samenwerking", "jaar", "per",
					    NULL };
	const char *per_text = kv_get(&rq->query, "per");
	enum uren_per per = PER_JAAR;
	struct uren_verdeling v;
	struct uren_maand *m;
	size_t n;
	const char *sw;
	int jaar;

	if (req_check_query(rq, keys, e))
		return e->status;
	if (per_text && uren_per_parse(per_text, &per))
		err_invalid(e, "per", "enum", "Kies maand, kwartaal of jaar.");
	if (uren_vraag(rq, &sw, &jaar, e) ||
	    uren_maanden_van(rq, sw, &jaar, &m, &n, e) ||
	    uren_verdeling_maak(&rq->a, m, n, jaar, per, &v, e))
		return e->status;
	return resp_json(rq, rs, 200, present_verdeling_json(&v, sw));
}

enum status
uren_afwijkingen_van(struct request *rq, const char *sw, day_t van, day_t tot,
		     struct uren_register *reg, struct uren_afwijking_groep **g,
		     size_t *ng, struct err *e)
{
	struct uren_cel *c;
	size_t nc;

	if (store_uren_register(rq->store, &rq->a, reg, e) ||
	    store_uren_cellen(rq->store, &rq->a, reg, sw, van, tot, &c, &nc, e))
		return e->status;
	return uren_afwijkingen(&rq->a, reg, c, nc, g, ng, e);
}

enum status
api_uren_afwijkingen(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "samenwerking", "jaar", "van",
					    "tot", NULL };
	struct uren_afwijking_groep *g;
	struct uren_register reg;
	day_t van = DATE_NONE, tot = DATE_NONE;
	const char *sw;
	size_t ng;
	int jaar;

	if (req_check_query(rq, keys, e))
		return e->status;
	req_query_date(rq, "van", &van, e);
	req_query_date(rq, "tot", &tot, e);
	if (uren_vraag(rq, &sw, &jaar, e))
		return e->status;
	if (jaar) {
		van = date_from_ymd(jaar, 1, 1);
		tot = date_from_ymd(jaar + 1, 1, 1);
	}
	if (uren_afwijkingen_van(rq, sw, van, tot, &reg, &g, &ng, e))
		return e->status;
	return resp_json(rq, rs, 200,
			 present_afwijkingen_json(&reg, g, ng, sw, van, tot));
}
