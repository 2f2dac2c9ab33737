/*
 * pages.c - the web pages: each builds the same JSON the API returns,
 * adds what the page needs (navigation, filters, the timeline geometry)
 * and renders a template from web/templates/ with it.
 */
#include <stdio.h>
#include <string.h>

#include "api.h"
#include "../core/kostenverdeling.h"
#include "auth.h"
#include "embedded.h"
#include "../present/json.h"
#include "../present/present.h"
#include "../present/timeline.h"
#include "../banned.h"

/* The data every page has: its title and which menu item is current. */
/*
 * A refused form's problems for its page: "problemen", a list of
 * sentences, and "bijVeld", each field's first problem to show at that
 * field. `zin` writes a problem's sentence and says at which field it
 * belongs (*veld NULL: none); a field's later problems are left out.
 */
json_t *
form_problemen_json(struct err *e,
		    void (*zin)(const struct problem *p, char *buf, size_t n,
				const char **veld))
{
	json_t *x = json_object(), *arr = json_array(), *bij = json_object();

	err_dedupe(e);
	if (e->nproblems == 0)
		json_array_append_new(arr, json_string(e->message));
	for (size_t i = 0; i < e->nproblems; i++) {
		const struct problem *p = &e->problems[i];
		char buf[sizeof p->reason + 80];
		const char *veld = NULL;
		bool gezien = false;

		for (size_t j = 0; j < i; j++)
			gezien |= strcmp(e->problems[j].name, p->name) == 0;
		if (gezien)
			continue;
		zin(p, buf, sizeof buf, &veld);
		if (veld)
			json_object_set_new(bij, veld, json_string(p->reason));
		json_array_append_new(arr, json_string(buf));
	}
	json_object_set_new(x, "problemen", arr);
	json_object_set_new(x, "bijVeld", bij);
	return x;
}

/* A choice of a form's select: {"code", "naam"} appended to arr. */
void
keuze_add(json_t *arr, const char *code, const char *naam)
{
	json_t *o = json_object();
	json_object_set_new(o, "code", jstr(code));
	json_object_set_new(o, "naam", jstr(naam ? naam : code));
	json_array_append_new(arr, o);
}

enum status
page_see_other(struct request *rq, struct response *rs, const char *loc)
{
	rs->status = 303;
	rs->location = arena_strdup(&rq->a, loc);
	rs->content_type = "text/plain; charset=utf-8";
	rs->body = "";
	rs->len = 0;
	return ST_OK;
}

json_t *
keuze_kies(const json_t *keuzes, const char *waarde)
{
	json_t *uit = json_deep_copy(keuzes), *o;
	size_t i;
	json_array_foreach(uit, i, o)
	{
		const char *c = json_string_value(json_object_get(o, "code"));
		if (waarde && c && strcmp(c, waarde) == 0)
			json_object_set_new(o, "gekozen", json_true());
	}
	return uit;
}

json_t *
keuze_eenheden(const struct eenheid_op *eh, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		keuze_add(arr, eh[i].eenheid.code, eh[i].eenheid.naam);
	return arr;
}

/* A cooperation's members by name, each once (a member may have had
 * several periods). */
json_t *
keuze_leden(const struct lidmaatschap *l, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		bool dubbel = false;
		for (size_t j = 0; j < i; j++)
			dubbel |= strcmp(l[j].gemeente, l[i].gemeente) == 0;
		if (!dubbel)
			keuze_add(arr, l[i].gemeente, l[i].gemeente_naam);
	}
	return arr;
}

/* The bases a unit's key may have by hand, in the API's names. */
json_t *
keuze_grondslagen(void)
{
	static const enum kv_basis b[] = {
		KV_UREN_REALISATIE, KV_UREN_BEGROTING, KV_INWONERS,
		KV_VAST_PCT,	    KV_PRODUCTEN,      KV_FTE,
	};
	json_t *arr = json_array();
	for (size_t i = 0; i < sizeof b / sizeof *b; i++)
		keuze_add(arr, kv_basis_naam(b[i]), kv_basis_nl(b[i]));
	return arr;
}

json_t *
page_data(const char *titel, const char *menu)
{
	json_t *j = json_object();

	json_object_set_new(j, "titel", json_string(titel));
	json_object_set_new(j, "menu", json_object());
	json_object_set_new(json_object_get(j, "menu"), menu, json_true());
	return j;
}

enum status
page_home(struct request *rq, struct response *rs, struct err *e)
{
	struct samenwerking *sw;
	size_t n;
	json_t *d, *arr;

	if (req_check_query(rq, NULL, e) ||
	    store_samenwerking_list(rq->store, &rq->a, &sw, &n, e))
		return e->status;
	d = page_data("Samenwerkingen", "samenwerkingen");
	arr = json_array();
	for (size_t i = 0; i < n; i++) {
		struct lidmaatschap *l;
		struct eenheid *u;
		size_t nl, nu;
		const char *leden = "";
		json_t *x;

		if (store_samenwerking_leden(rq->store, &rq->a, sw[i].code, &l,
					     &nl, e) ||
		    store_eenheid_list(rq->store, &rq->a, sw[i].code, &u, &nu,
				       e)) {
			json_decref(arr);
			json_decref(d);
			return e->status;
		}
		for (size_t k = 0; k < nl; k++) {
			if (!period_contains(l[k].periode, rq->today))
				continue;
			size_t len =
				strlen(leden) + strlen(l[k].gemeente_naam) + 3;
			char *buf = arena_alloc(&rq->a, len);
			if (!buf)
				break;
			snprintf(buf, len, "%s%s%s", leden, *leden ? ", " : "",
				 l[k].gemeente_naam);
			leden = buf;
		}
		x = present_samenwerking_json(&sw[i]);
		json_object_set_new(x, "ledenTekst", json_string(leden));
		json_object_set_new(x, "aantalEenheden",
				    json_integer((json_int_t)nu));
		json_array_append_new(arr, x);
	}
	json_object_set_new(d, "samenwerkingen", arr);
	return resp_page_html(rq, rs, "home.html", d, e);
}

enum status
page_samenwerking(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "op", NULL };
	const char *code = req_param(rq, "code");
	struct eenheid *u;
	struct timeline_row *rows;
	size_t nu;
	day_t op, end;
	json_t *d, *sw;

	if (req_check_query(rq, keys, e) || req_query_date(rq, "op", &op, e))
		return e->status;
	if (op == DATE_NONE)
		op = rq->today;
	if (build_samenwerking_op(rq, code, op, &sw, e))
		return e->status;
	if (store_eenheid_list(rq->store, &rq->a, code, &u, &nu, e)) {
		json_decref(sw);
		return e->status;
	}
	rows = arena_calloc(&rq->a, nu + 1, sizeof(*rows));
	if (!rows) {
		json_decref(sw);
		return err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
	}
	for (size_t i = 0; i < nu; i++) {
		struct eenheid tmp;
		struct inrichting *h;
		size_t nh;

		if (store_eenheid_get(rq->store, &rq->a, u[i].code, &tmp, &h,
				      &nh, e)) {
			json_decref(sw);
			return e->status;
		}
		rows[i].naam = u[i].naam;
		rows[i].code = u[i].code;
		rows[i].perioden = h;
		rows[i].nperioden = nh;
	}
	{
		day_t sinds;
		int y, m, dd;

		date_parse(json_string_value(json_object_get(sw, "sinds")),
			   &sinds);
		date_to_ymd(rq->today, &y, &m, &dd);
		end = date_from_ymd(y + 1, 1, 1);
		d = page_data(json_string_value(json_object_get(sw, "naam")),
			      "samenwerkingen");
		json_object_set_new(d, "tijdlijn",
				    timeline_json(rows, nu, sinds, end, op));
	}
	json_object_set_new(d, "samenwerking", sw);
	json_object_set_new(d, "op", jdate(op));
	json_object_set_new(d, "vandaag", jdate(rq->today));
	return resp_page_html(rq, rs, "samenwerking.html", d, e);
}

static const char *
code_of(json_t *u)
{
	return json_string_value(json_object_get(u, "code"));
}

/*
 * The framework articles that name a unit in some version, with every
 * version from the first that names it on, marked whether it still does:
 * so the page shows by which decision a unit left an article.
 */
static json_t *
unit_articles(struct request *rq, const struct samenwerking *sw,
	      const char *code, struct err *e)
{
	struct kader_artikel *k;
	size_t n;
	json_t *arr = json_array();

	if (store_kader_list(rq->store, &rq->a, sw->code, DATE_NONE, &k, &n, e))
		return arr;
	for (size_t i = 0; i < n; i++) {
		json_t *vs = json_array();
		bool seen = false;

		for (size_t v = 0; v < k[i].nversies; v++) {
			const struct kader_versie *kv = &k[i].versies[v];
			bool noemt = false;
			json_t *o;

			for (size_t u = 0; u < kv->neenheden; u++)
				if (strcmp(kv->eenheden[u], code) == 0)
					noemt = true;
			if (!noemt && !seen)
				continue;
			seen = true;
			o = json_object();
			json_object_set_new(o, "van", jdate(kv->periode.van));
			json_object_set_new(o, "tot", jdate(kv->periode.tot));
			json_object_set_new(o, "besluit", jstr(kv->besluit));
			json_object_set_new(o, "besluitOrganisatie",
					    jstr(kv->besluit_organisatie));
			json_object_set_new(o, "noemt", json_boolean(noemt));
			json_array_append_new(vs, o);
		}
		if (!seen) {
			json_decref(vs);
			continue;
		}
		json_t *a = json_object();
		json_object_set_new(a, "nummer", json_integer(k[i].nummer));
		json_object_set_new(a, "titel", jstr(k[i].titel));
		json_object_set_new(a, "versies", vs);
		json_array_append_new(arr, a);
	}
	return arr;
}

enum status
page_eenheid(struct request *rq, struct response *rs, struct err *e)
{
	json_t *d, *u;
	struct samenwerking sw;

	if (req_check_query(rq, NULL, e) ||
	    build_eenheid(rq, req_param(rq, "code"), &u, e))
		return e->status;
	if (store_samenwerking_get(
		    rq->store, &rq->a,
		    json_string_value(json_object_get(u, "samenwerking")), &sw,
		    e)) {
		json_decref(u);
		return e->status;
	}
	d = page_data(json_string_value(json_object_get(u, "naam")),
		      "samenwerkingen");
	json_object_set_new(d, "kader", unit_articles(rq, &sw, code_of(u), e));
	json_object_set_new(d, "eenheid", u);
	json_object_set_new(d, "sw", present_samenwerking_json(&sw));
	return resp_page_html(rq, rs, "eenheid.html", d, e);
}

/* Options of a <select>, marking the chosen one. */
static json_t *
options(const char *const *values, const char *const *labels, size_t n,
	const char *chosen)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "waarde", json_string(values[i]));
		json_object_set_new(o, "label", json_string(labels[i]));
		json_object_set_new(
			o, "gekozen",
			json_boolean(chosen && strcmp(chosen, values[i]) == 0));
		json_array_append_new(arr, o);
	}
	return arr;
}

enum status
page_besluiten(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "gemeente", "orgaan", "status",
					    "zoek",	"page",	  NULL };
	static const char *const orgaan_v[] = { "gemeenteraad", "college",
						"burgemeester" };
	static const char *const orgaan_l[] = { "Gemeenteraad",
						"College van B&W",
						"Burgemeester" };
	static const char *const status_v[] = { "voorgesteld", "aangehouden",
						"vastgesteld", "verworpen",
						"ingetrokken" };
	static const char *const status_l[] = { "Voorgesteld", "Aangehouden",
						"Vastgesteld", "Verworpen",
						"Ingetrokken" };
	struct besluit_filter f;
	struct organisatie *g;
	struct besluit *b;
	size_t ng, n, total, page, size;
	const char *gv[64], *gl[64];
	json_t *d, *arr, *nav;
	enum bestuursorgaan orgaan;
	enum besluit_status status;

	store_besluit_filter_init(&f);
	if (req_check_query(rq, keys, e) || req_page(rq, &page, &size, e))
		return e->status;
	size = 25;
	f.organisatie = kv_get(&rq->query, "gemeente");
	if (f.organisatie && !*f.organisatie)
		f.organisatie = NULL;
	f.zoek = kv_get(&rq->query, "zoek");
	const char *o = kv_get(&rq->query, "orgaan");
	const char *s = kv_get(&rq->query, "status");
	if (o && *o) {
		if (bestuursorgaan_parse(o, &orgaan))
			return err_invalid(e, "orgaan", "enum",
					   "Kies een bestuursorgaan uit de "
					   "lijst.");
		f.bestuursorgaan = (int)orgaan;
	}
	if (s && *s) {
		if (besluit_status_parse(s, &status))
			return err_invalid(e, "status", "enum",
					   "Kies een status uit de lijst.");
		f.status = (int)status;
	}
	f.offset = (page - 1) * size;
	f.limit = size;
	if (store_besluit_list(rq->store, &rq->a, &f, &b, &n, &total, e) ||
	    store_organisatie_list(rq->store, &rq->a, ORG_GEMEENTE, &g, &ng, e))
		return e->status;
	d = page_data("Besluiten", "besluiten");
	arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *x = present_besluit_json(&b[i]);
		json_object_set_new(x, "organisatieNaam",
				    jstr(b[i].organisatie_naam));
		json_object_set_new(
			x, "bestuursorgaanNaam",
			json_string(bestuursorgaan_label(b[i].bestuursorgaan)));
		json_array_append_new(arr, x);
	}
	if (ng > 64)
		ng = 64;
	for (size_t i = 0; i < ng; i++) {
		gv[i] = g[i].code;
		gl[i] = g[i].naam;
	}
	json_object_set_new(d, "besluiten", arr);
	json_object_set_new(d, "aantal", json_integer((json_int_t)total));
	json_object_set_new(d, "zoek", jstr(f.zoek));
	json_object_set_new(d, "gemeenten", options(gv, gl, ng, f.organisatie));
	json_object_set_new(d, "orgaanOpties",
			    options(orgaan_v, orgaan_l, 3, o));
	json_object_set_new(d, "statusOpties",
			    options(status_v, status_l, 5, s));
	nav = json_object();
	if (page > 1)
		json_object_set_new(nav, "vorige",
				    json_integer((json_int_t)page - 1));
	if (page * size < total)
		json_object_set_new(nav, "volgende",
				    json_integer((json_int_t)page + 1));
	json_object_set_new(nav, "pagina", json_integer((json_int_t)page));
	json_object_set_new(
		nav, "paginas",
		json_integer((json_int_t)((total + size - 1) / size)));
	json_object_set_new(d, "bladeren", nav);
	json_object_set_new(d, "filterGemeente", jstr(f.organisatie));
	json_object_set_new(d, "filterOrgaan", jstr(o));
	json_object_set_new(d, "filterStatus", jstr(s));
	return resp_page_html(rq, rs, "besluiten.html", d, e);
}

/*
 * Several organisations the visitor may read have a decision with this
 * number: a page to choose one.
 */
static enum status
page_besluit_keuze(struct request *rq, struct response *rs, const char *id,
		   struct err *e)
{
	struct besluit *b;
	size_t n;
	json_t *d, *arr = json_array();
	char titel[96];

	if (store_besluit_zoek(rq->store, &rq->a, id, NULL, &b, &n, e)) {
		json_decref(arr);
		return e->status;
	}
	for (size_t i = 0; i < n; i++) {
		json_t *x = present_besluit_json(&b[i]);

		json_object_set_new(x, "organisatieNaam",
				    jstr(b[i].organisatie_naam));
		json_array_append_new(arr, x);
	}
	snprintf(titel, sizeof(titel), "Besluit %.60s", id);
	d = page_data(titel, "besluiten");
	json_object_set_new(d, "identificatie", json_string(id));
	json_object_set_new(d, "besluiten", arr);
	return resp_page_html(rq, rs, "besluit_keuze.html", d, e);
}

enum status
page_besluit(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "verantwoordelijkeOrganisatie",
					    NULL };
	const char *id = req_param(rq, "identificatie");
	struct besluit bs;
	json_t *d, *b;
	char titel[96];

	if (req_check_query(rq, keys, e))
		return e->status;
	if (besluit_van(rq, id, &bs, e) == ST_INVALID &&
	    !kv_get(&rq->query, "verantwoordelijkeOrganisatie")) {
		err_clear(e);
		return page_besluit_keuze(rq, rs, id, e);
	}
	if (e->status || build_besluit(rq, &bs, &b, e))
		return e->status;
	snprintf(titel, sizeof(titel), "Besluit %.60s",
		 json_string_value(json_object_get(b, "identificatie")));
	d = page_data(titel, "besluiten");
	json_object_set_new(d, "besluit", b);
	return resp_page_html(rq, rs, "besluit.html", d, e);
}

enum status
page_werkstromen(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "samenwerking", NULL };
	struct werkstroom *w;
	size_t n;
	json_t *d, *arr;
	const char *sw;

	if (req_check_query(rq, keys, e))
		return e->status;
	sw = kv_get(&rq->query, "samenwerking");
	if (sw && !*sw)
		sw = NULL;
	if (store_werkstroom_list(rq->store, &rq->a, sw, &w, &n, e))
		return e->status;
	d = page_data("Werkstromen en mijlpalen", "werkstromen");
	arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, present_werkstroom_json(&w[i]));
	json_object_set_new(d, "werkstromen", arr);
	json_object_set_new(d, "samenwerking", jstr(sw));
	return resp_page_html(rq, rs, "werkstromen.html", d, e);
}

enum status
page_toegankelijkheid(struct request *rq, struct response *rs, struct err *e)
{
	if (req_check_query(rq, NULL, e))
		return e->status;
	return resp_page_html(rq, rs, "toegankelijkheid.html",
			      page_data("Toegankelijkheid", "toegankelijkheid"),
			      e);
}

/*
 * The API described for people: Redoc (static/redoc.standalone.js, from
 * npm, served by ambt itself) renders /api/v1/openapi.json. It sets its
 * own styles and runs a worker, which this page alone allows.
 */
enum status
page_api(struct request *rq, struct response *rs, struct err *e)
{
	if (req_check_query(rq, NULL, e))
		return e->status;
	rs->csp = "default-src 'self'; img-src 'self' data:; style-src "
		  "'self' 'unsafe-inline'; font-src 'self'; worker-src "
		  "'self' blob:; form-action 'self'; base-uri 'none'; "
		  "object-src 'none'; frame-ancestors 'none'";
	return resp_page_html(rq, rs, "api.html",
			      page_data("API-beschrijving", "api"), e);
}

static const char *
media_type(const char *name)
{
	const char *dot = strrchr(name, '.');

	if (!dot)
		return "application/octet-stream";
	if (strcmp(dot, ".css") == 0)
		return "text/css; charset=utf-8";
	if (strcmp(dot, ".ttf") == 0)
		return "font/ttf";
	if (strcmp(dot, ".svg") == 0)
		return "image/svg+xml";
	if (strcmp(dot, ".js") == 0)
		return "text/javascript; charset=utf-8";
	if (strcmp(dot, ".txt") == 0)
		return "text/plain; charset=utf-8";
	return "application/octet-stream";
}

enum status
page_static(struct request *rq, struct response *rs, struct err *e)
{
	const char *name = req_param(rq, "bestand");

	if (req_check_query(rq, NULL, e))
		return e->status;
	for (const struct embedded_file *f = embedded_files; f->name; f++) {
		if (strncmp(f->name, "static/", 7) != 0 ||
		    strcmp(f->name + 7, name) != 0)
			continue;
		rs->status = 200;
		rs->content_type = media_type(name);
		rs->body = (const char *)f->data;
		rs->len = f->len;
		rs->immutable = true;
		return ST_OK;
	}
	return err_set(e, ST_NOT_FOUND, "Dit bestand bestaat niet.");
}

enum status
page_audit(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "page", NULL };
	struct audit_entry *a;
	size_t n, total, page, size;
	json_t *d, *arr, *nav;

	if (req_check_query(rq, keys, e) || req_page(rq, &page, &size, e))
		return e->status;
	size = 50;
	if (store_audit_list(rq->store, &rq->a, NULL, NULL, (page - 1) * size,
			     size, &a, &n, &total, e))
		return e->status;
	d = page_data("Auditspoor", "audit");
	arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *x = present_audit_json(&a[i]);
		char code[24];

		json_object_set_new(
			x, "uitkomst",
			json_string(present_uitkomst_nl(a[i].resultaat, code,
							sizeof(code))));
		json_array_append_new(arr, x);
	}
	json_object_set_new(d, "regels", arr);
	json_object_set_new(d, "aantal", json_integer((json_int_t)total));
	json_object_set_new(d, "alles", json_boolean(rq->zicht.alles));
	nav = json_object();
	if (page > 1)
		json_object_set_new(nav, "vorige",
				    json_integer((json_int_t)page - 1));
	if (page * size < total)
		json_object_set_new(nav, "volgende",
				    json_integer((json_int_t)page + 1));
	json_object_set_new(d, "bladeren", nav);
	return resp_page_html(rq, rs, "audit.html", d, e);
}
