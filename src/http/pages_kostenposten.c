/*
 * pages_kostenposten.c - a cooperation's cost pools of one year on a page:
 * the pools with their total, one pool entered or changed, one removed
 * after a confirmation, and all pools of the year replaced from a file
 * (after saying how many are replaced). A year whose calculation was
 * adopted is shown without forms: its pools no longer change.
 * docs/allocation.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "auth.h"
#include "urlencoded.h"
#include "../core/kosten.h"
#include "../core/uren.h"
#include "../present/json.h"
#include "../present/present.h"
#include "../banned.h"

/* The form's fields, in the order the page shows them, with the label a
 * problem is named by. */
static const struct {
	const char *veld, *label;
} velden[] = {
	{ "code", "Code" },
	{ "eenheid", "Eenheid" },
	{ "kostensoort", "Kostensoort" },
	{ "taakveld", "Taakveld" },
	{ "bedrag", "Bedrag" },
	{ "datum", "Datum" },
};

static const char *
label_van(const char *veld)
{
	for (size_t i = 0; i < sizeof velden / sizeof velden[0]; i++)
		if (strcmp(velden[i].veld, veld) == 0)
			return velden[i].label;
	return NULL;
}

/* Whether the visitor may change the cooperation's pools. */
static bool
mag_wijzigen(struct request *rq, const char *sw)
{
	struct err stil = { 0 };
	return authz_samenwerking(rq, sw, &stil) == ST_OK;
}

/* A problem of the form: named by its field's label, and shown at that
 * field; a file's problems ("regel 3: bedrag") by their line. */
static void
zin(const struct problem *p, char *buf, size_t n, const char **veld)
{
	const char *l = label_van(p->name);
	if (l)
		*veld = p->name;
	if (l || p->name[0])
		snprintf(buf, n, "%s: %s", l ? l : p->name, p->reason);
	else
		snprintf(buf, n, "%s", p->reason);
}

/*
 * The page of year `jaar`; `invoer` (may be NULL) fills the form, `extra`
 * (taken) adds messages.
 */
static enum status
posten_pagina(struct request *rq, struct response *rs, const char *sw, int jaar,
	      json_t *invoer, json_t *extra, unsigned status, struct err *e)
{
	struct samenwerking s;
	struct kosten_jaar k;
	struct eenheid_op *eh;
	struct taakveld *tv;
	size_t neh, ntv;
	int64_t vast = 0, totaal = 0;
	char buf[48];

	if (store_samenwerking_get(rq->store, &rq->a, sw, &s, e) ||
	    authz_kosten_lezen(rq, sw, e) ||
	    store_kosten_jaar(rq->store, &rq->a, sw, jaar, &k, e) ||
	    store_eenheden_op(rq->store, &rq->a, sw, rq->today, &eh, &neh, e) ||
	    store_taakveld_list(rq->store, &rq->a, jaar, &tv, &ntv, e) ||
	    store_kostenverdeling_vastgesteld(rq->store, sw, jaar, &vast, e)) {
		json_decref(invoer);
		json_decref(extra);
		return e->status;
	}
	json_t *d = page_data("Kostenposten", "samenwerkingen");
	json_t *arr = json_array(), *ea = json_array(), *ta = json_array();
	json_object_set_new(d, "samenwerking", present_samenwerking_json(&s));
	json_object_set_new(d, "jaar", json_integer(jaar));
	json_object_set_new(d, "vorigJaar", json_integer(jaar - 1));
	json_object_set_new(d, "volgendJaar", json_integer(jaar + 1));
	for (size_t i = 0; i < k.nposten; i++) {
		const struct kosten_post *p = &k.posten[i];
		const char *eenheid = p->eenheid, *taakveld = "";
		json_t *o = json_object();

		for (size_t j = 0; j < neh; j++)
			if (strcmp(eh[j].eenheid.code, p->eenheid) == 0)
				eenheid = eh[j].eenheid.naam;
		for (size_t j = 0; p->taakveld && j < ntv; j++)
			if (strcmp(tv[j].code, p->taakveld) == 0)
				taakveld = tv[j].naam;
		json_object_set_new(o, "code", jstr(p->code));
		json_object_set_new(o, "eenheid", jstr(eenheid));
		json_object_set_new(o, "kostensoort", jstr(p->kostensoort));
		json_object_set_new(o, "taakveld", jstr(p->taakveld));
		json_object_set_new(o, "taakveldNaam", json_string(taakveld));
		present_bedrag_nl(p->bedrag, buf, sizeof buf);
		json_object_set_new(o, "bedrag", json_string(buf));
		buf[0] = '\0';
		if (p->datum != DATE_NONE)
			date_format_nl(p->datum, buf, sizeof buf);
		json_object_set_new(o, "datum", json_string(buf));
		json_array_append_new(arr, o);
		totaal += p->bedrag;
	}
	json_object_set_new(d, "posten", arr);
	json_object_set_new(d, "heeftPosten", json_boolean(k.nposten > 0));
	json_object_set_new(d, "aantal", json_integer((json_int_t)k.nposten));
	present_bedrag_nl(totaal, buf, sizeof buf);
	json_object_set_new(d, "totaal", json_string(buf));
	const char *ke =
		invoer ? json_string_value(json_object_get(invoer, "eenheid"))
		       : NULL;
	const char *kt =
		invoer ? json_string_value(json_object_get(invoer, "taakveld"))
		       : NULL;
	for (size_t j = 0; j < neh; j++) {
		json_t *o = json_object();
		json_object_set_new(o, "code", jstr(eh[j].eenheid.code));
		json_object_set_new(
			o, "gekozen",
			json_boolean(ke &&
				     strcmp(ke, eh[j].eenheid.code) == 0));
		json_object_set_new(o, "naam", jstr(eh[j].eenheid.naam));
		json_array_append_new(ea, o);
	}
	json_object_set_new(d, "eenheden", ea);
	for (size_t j = 0; j < ntv; j++) {
		json_t *o = json_object();
		json_object_set_new(o, "code", jstr(tv[j].code));
		json_object_set_new(
			o, "gekozen",
			json_boolean(kt && strcmp(kt, tv[j].code) == 0));
		json_object_set_new(o, "naam", jstr(tv[j].naam));
		json_array_append_new(ta, o);
	}
	json_object_set_new(d, "taakvelden", ta);
	if (vast)
		json_object_set_new(d, "vastgesteld", json_integer(vast));
	json_object_set_new(d, "magWijzigen",
			    json_boolean(!vast && mag_wijzigen(rq, sw)));
	json_object_set_new(d, "formCsrf", jstr(rq->who.csrf));
	json_object_set_new(d, "invoer", invoer ? invoer : json_object());
	if (extra) {
		json_object_update(d, extra);
		json_decref(extra);
	}
	if (resp_page_html(rq, rs, "kostenposten.html", d, e))
		return e->status;
	rs->status = status;
	return ST_OK;
}

/*
 * ?jaar= on a page; without it the year being worked on: the newest year
 * with a calculation, or the year after it when that one was adopted; this
 * year when there is none.
 */
static enum status
pagina_jaar(struct request *rq, const char *sw, const char *tekst, int *jaar,
	    struct err *e)
{
	struct kostenverdeling *k;
	size_t n;
	int m, d;

	if (tekst && *tekst)
		return req_jaar(tekst, jaar, e);
	date_to_ymd(rq->today, jaar, &m, &d);
	if (store_kostenverdeling_list(rq->store, &rq->a, sw, 0, &k, &n, e))
		return e->status;
	int nieuwste = 0;
	bool vast = false;
	for (size_t i = 0; i < n; i++)
		if (k[i].jaar > nieuwste) {
			nieuwste = k[i].jaar;
			vast = false;
		}
	for (size_t i = 0; i < n; i++)
		if (k[i].jaar == nieuwste && k[i].vastgesteld)
			vast = true;
	if (nieuwste)
		*jaar = vast ? nieuwste + 1 : nieuwste;
	return ST_OK;
}

static enum status
doorsturen(struct request *rq, struct response *rs, const char *sw, int jaar,
	   const char *wat, const char *code)
{
	char esw[64], ecode[256], loc[400];

	urlenc_encode(sw, esw, sizeof esw);
	urlenc_encode(code, ecode, sizeof ecode);
	snprintf(loc, sizeof loc,
		 "/samenwerkingen/%s/kostenposten?jaar=%d&%s=%s", esw, jaar,
		 wat, ecode);
	return page_see_other(rq, rs, loc);
}

enum status
page_kostenposten(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "jaar",	  "wijzig",
					    "opgeslagen", "verwijderd",
					    "vervangen",  NULL };
	const char *sw = req_param(rq, "code");
	const char *wijzig = kv_get(&rq->query, "wijzig");
	const char *v;
	json_t *extra = json_object(), *invoer = json_object();
	int jaar = 0;

	if (req_check_query(rq, keys, e) ||
	    pagina_jaar(rq, sw, kv_get(&rq->query, "jaar"), &jaar, e)) {
		json_decref(extra);
		json_decref(invoer);
		return e->status;
	}
	if ((v = kv_get(&rq->query, "opgeslagen")))
		json_object_set_new(extra, "opgeslagen", json_string(v));
	if ((v = kv_get(&rq->query, "verwijderd")))
		json_object_set_new(extra, "verwijderd", json_string(v));
	if ((v = kv_get(&rq->query, "vervangen")))
		json_object_set_new(extra, "vervangen", json_string(v));
	if (wijzig) {
		struct kosten_jaar k;
		if (store_kosten_jaar(rq->store, &rq->a, sw, jaar, &k, e) ==
		    ST_OK)
			for (size_t i = 0; i < k.nposten; i++) {
				const struct kosten_post *p = &k.posten[i];
				char b[48], dt[16] = "";
				if (strcmp(p->code, wijzig) != 0)
					continue;
				present_bedrag_nl(p->bedrag, b, sizeof b);
				if (p->datum != DATE_NONE)
					date_format_iso(p->datum, dt);
				json_object_set_new(invoer, "code",
						    jstr(p->code));
				json_object_set_new(invoer, "eenheid",
						    jstr(p->eenheid));
				json_object_set_new(invoer, "kostensoort",
						    jstr(p->kostensoort));
				json_object_set_new(invoer, "taakveld",
						    jstr(p->taakveld));
				json_object_set_new(invoer, "bedrag",
						    json_string(b));
				json_object_set_new(invoer, "datum",
						    json_string(dt));
			}
		err_clear(e);
	}
	return posten_pagina(rq, rs, sw, jaar, invoer, extra, 200, e);
}

/* The form's values as they were sent, to fill the form again. */
static json_t *
invoer_json(const struct kvlist *form)
{
	json_t *o = json_object();
	for (size_t i = 0; i < sizeof velden / sizeof velden[0]; i++) {
		const char *v = kv_get(form, velden[i].veld);
		json_object_set_new(o, velden[i].veld, json_string(v ? v : ""));
	}
	return o;
}

/* A form's text field: NULL when left empty. */
static const char *
gevuld(const struct kvlist *form, const char *veld)
{
	const char *v = kv_get(form, veld);
	return v && *v ? v : NULL;
}

enum status
page_kostenposten_post(struct request *rq, struct response *rs, struct err *e)
{
	const char *sw = req_param(rq, "code");
	struct kvlist form = { 0 };
	struct samenwerking s;
	struct kosten_post p = { .datum = DATE_NONE };
	int jaar = 0;

	if (req_check_query(rq, NULL, e) ||
	    store_samenwerking_get(rq->store, &rq->a, sw, &s, e) ||
	    authz_samenwerking(rq, sw, e) ||
	    urlenc_parse(&rq->a, rq->body ? rq->body : "", rq->body_len,
			 "formulier", &form, e))
		return e->status;
	const char *actie = kv_get(&form, "actie");
	const char *jt = kv_get(&form, "jaar");
	if (req_jaar(jt ? jt : "", &jaar, e) || !actie) {
		if (!actie)
			err_invalid(e, "actie", "required",
				    "Het formulier is onvolledig; begin "
				    "opnieuw.");
		json_t *x = form_problemen_json(e, zin);
		err_clear(e);
		return posten_pagina(rq, rs, sw, jaar ? jaar : 1900, NULL, x,
				     400, e);
	}
	p.code = gevuld(&form, "code");
	if (strcmp(actie, "verwijderen") == 0 ||
	    strcmp(actie, "verwijderen-bevestigd") == 0) {
		struct kosten_jaar k;
		const struct kosten_post *gevonden = NULL;
		if (store_kosten_jaar(rq->store, &rq->a, sw, jaar, &k, e))
			return e->status;
		for (size_t i = 0; p.code && i < k.nposten; i++)
			if (strcmp(k.posten[i].code, p.code) == 0)
				gevonden = &k.posten[i];
		if (!gevonden)
			return err_set(e, ST_NOT_FOUND,
				       "Er is geen kostenpost %.40s in %d.",
				       p.code ? p.code : "", jaar);
		if (strcmp(actie, "verwijderen") == 0) {
			json_t *x = json_object(), *b = json_object();
			char buf[48];
			present_bedrag_nl(gevonden->bedrag, buf, sizeof buf);
			json_object_set_new(b, "code", jstr(gevonden->code));
			json_object_set_new(b, "kostensoort",
					    jstr(gevonden->kostensoort));
			json_object_set_new(b, "bedrag", json_string(buf));
			json_object_set_new(x, "bevestigVerwijderen", b);
			return posten_pagina(rq, rs, sw, jaar, NULL, x, 200, e);
		}
		if (store_kostenpost_delete(rq->store, sw, jaar, p.code, e) ==
		    ST_CONFLICT) {
			json_t *x = form_problemen_json(e, zin);
			err_clear(e);
			return posten_pagina(rq, rs, sw, jaar, NULL, x, 409, e);
		}
		if (e->status)
			return e->status;
		return doorsturen(rq, rs, sw, jaar, "verwijderd", p.code);
	}
	if (strcmp(actie, "opslaan") != 0)
		return err_invalid(e, "actie", "enum",
				   "Het formulier is onvolledig; begin "
				   "opnieuw.");
	p.eenheid = gevuld(&form, "eenheid");
	p.kostensoort = gevuld(&form, "kostensoort");
	p.taakveld = gevuld(&form, "taakveld");
	const char *bedrag = gevuld(&form, "bedrag");
	if (!bedrag)
		err_invalid(e, "bedrag", "required",
			    "Vul het bedrag in euro in, bijvoorbeeld "
			    "12.500,00.");
	else if (kosten_bedrag_parse(bedrag, &p.bedrag) != 0)
		err_invalid(e, "bedrag", "format",
			    "Schrijf het bedrag in euro, bijvoorbeeld "
			    "12.500,00 of -250.");
	if (!p.eenheid)
		err_invalid(e, "eenheid", "required", "Kies een eenheid.");
	const char *dt = gevuld(&form, "datum");
	if (dt && uren_parse_datum(dt, "datum", &p.datum, e) == ST_OK) {
		int dj, dm, dd;
		date_to_ymd(p.datum, &dj, &dm, &dd);
		if (dj != jaar)
			err_invalid(e, "datum", "range",
				    "De datum moet in %d liggen.", jaar);
	}
	if (e->status == ST_OK || e->status == ST_INVALID)
		store_kostenpost_zet(rq->store, sw, jaar, &p, e);
	if (e->status == ST_INVALID || e->status == ST_CONFLICT) {
		unsigned st = e->status == ST_CONFLICT ? 409 : 400;
		json_t *x = form_problemen_json(e, zin);
		err_clear(e);
		return posten_pagina(rq, rs, sw, jaar, invoer_json(&form), x,
				     st, e);
	}
	if (e->status)
		return e->status;
	return doorsturen(rq, rs, sw, jaar, "opgeslagen", p.code);
}

/*
 * All pools of a year from a file (the columns of docs/allocation.md).
 * When the year has pools, the form must say that they are replaced.
 */
enum status
page_kostenposten_bestand(struct request *rq, struct response *rs,
			  struct err *e)
{
	const char *sw = req_param(rq, "code");
	struct samenwerking s;
	struct kosten_jaar k;
	struct kosten_post *p = NULL;
	size_t n = 0;
	int jaar = 0;

	if (req_check_query(rq, NULL, e) ||
	    store_samenwerking_get(rq->store, &rq->a, sw, &s, e) ||
	    authz_samenwerking(rq, sw, e))
		return e->status;
	const char *jt = kv_get(&rq->form, "jaar");
	if (req_jaar(jt ? jt : "", &jaar, e)) {
		json_t *x = form_problemen_json(e, zin);
		err_clear(e);
		return posten_pagina(rq, rs, sw, 1900, NULL, x, 400, e);
	}
	if (store_kosten_jaar(rq->store, &rq->a, sw, jaar, &k, e))
		return e->status;
	if (!rq->multipart || !rq->upload_name || !*rq->upload_name)
		err_invalid(e, "bestand", "required",
			    "Kies een bestand met kostenposten.");
	else if (k.nposten > 0 && !kv_get(&rq->form, "vervang"))
		err_invalid(e, "vervang", "required",
			    "%d heeft al %zu kostenposten. Vink aan dat het "
			    "bestand ze allemaal vervangt.",
			    jaar, k.nposten);
	else if (kosten_csv_lees(&rq->a, rq->upload ? rq->upload : "",
				 rq->upload_len, &p, &n, e) == ST_OK ||
		 (e->status == ST_INVALID && p))
		store_kostenposten_vervang(rq->store, sw, jaar, p, n, e);
	if (e->status == ST_INVALID || e->status == ST_CONFLICT) {
		unsigned st = e->status == ST_CONFLICT ? 409 : 400;
		json_t *x = form_problemen_json(e, zin);
		json_object_set_new(x, "bestandFout", json_true());
		err_clear(e);
		return posten_pagina(rq, rs, sw, jaar, NULL, x, st, e);
	}
	if (e->status)
		return e->status;
	char aantal[24];
	snprintf(aantal, sizeof aantal, "%zu", n);
	return doorsturen(rq, rs, sw, jaar, "vervangen", aantal);
}
