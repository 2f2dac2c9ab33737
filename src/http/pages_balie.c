/*
 * pages_balie.c - the desk's pages (docs/design/appointments.md, "The
 * desk"): /balie (the day of the role's municipality across its
 * locations, the planner's view), /balie/{vestiging} (a location's day
 * list, with a form per appointment to mark it arrived, served or
 * no-show, and one for a walk-in) and /afspraakstatistiek (the figures
 * of a period as a table). Who: as the API's desk routes (authz_balie).
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "api.h"
#include "auth.h"
#include "urlencoded.h"
#include "../core/access.h"
#include "../core/afspraak.h"
#include "../core/text.h"
#include "../present/json.h"
#include "../store/store_afspraak.h"
#include "../banned.h"

static json_t *
tijd_hhmm(int64_t utc)
{
	char buf[24];
	day_t d;
	int m;

	afspraak_lokaal(utc, &d, &m);
	snprintf(buf, sizeof(buf), "%02d:%02d", m / 60, m % 60);
	return json_string(buf);
}

static const char *
status_tekst(enum afspraak_status s)
{
	switch (s) {
	case AS_GEBOEKT:
		return "verwacht";
	case AS_GEANNULEERD:
		return "geannuleerd";
	case AS_AANWEZIG:
		return "aanwezig";
	case AS_GEHOLPEN:
		return "geholpen";
	case AS_NIET_VERSCHENEN:
		return "niet verschenen";
	}
	return "?";
}

static json_t *
rij_json(const struct afspraak *a)
{
	json_t *j = json_object();
	char prod[512];
	size_t o = 0;
	int personen = 0;

	prod[0] = '\0';
	for (size_t i = 0; i < a->nregels && o + 80 < sizeof(prod); i++) {
		o += (size_t)snprintf(prod + o, sizeof(prod) - o, "%s%.64s",
				      i ? ", " : "",
				      a->regels[i].naam ? a->regels[i].naam
							: a->regels[i].product);
		personen += a->regels[i].personen;
	}
	json_object_set_new(j, "referentie", jstr(a->referentie));
	json_object_set_new(j, "plaats", jstr(a->vestiging));
	json_object_set_new(j, "plaatsNaam", jstr(a->vestiging_naam));
	json_object_set_new(j, "tijd", tijd_hhmm(a->start));
	json_object_set_new(j, "eind", tijd_hhmm(a->eind));
	json_object_set_new(j, "naam", jstr(a->naam ? a->naam : "(geen naam)"));
	json_object_set_new(j, "producten", json_string(prod));
	json_object_set_new(j, "personen", json_integer(personen));
	json_object_set_new(j, "status", jstr(status_tekst(a->status)));
	json_object_set_new(j, "inloop", json_boolean(a->inloop));
	json_object_set_new(j, "kanAanwezig",
			    json_boolean(a->status == AS_GEBOEKT ||
					 a->status == AS_NIET_VERSCHENEN ||
					 a->status == AS_GEHOLPEN));
	json_object_set_new(j, "kanGeholpen",
			    json_boolean(a->status == AS_GEBOEKT ||
					 a->status == AS_AANWEZIG));
	json_object_set_new(j, "kanNietVerschenen",
			    json_boolean(a->status == AS_GEBOEKT));
	json_object_set_new(j, "kanTerug",
			    json_boolean(a->status == AS_AANWEZIG ||
					 a->status == AS_NIET_VERSCHENEN));
	return j;
}

/* The day list page of `gemeente` (and location v, or all). */
static enum status
dag_pagina(struct request *rq, struct response *rs, const char *gemeente,
	   const struct vestiging *v, day_t dag, const char *fout,
	   unsigned status, struct err *e)
{
	struct afspraak *a;
	size_t n;
	json_t *d, *arr;
	char iso[DATE_ISO_LEN];

	if (store_afspraak_list(rq->store, gemeente, v ? v->code : NULL, dag,
				&rq->a, &a, &n, e))
		return e->status;
	d = page_data(v ? "Daglijst" : "Balie", "balie");
	arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, rij_json(&a[i]));
	date_format_iso(dag, iso);
	json_object_set_new(d, "afspraken", arr);
	json_object_set_new(d, "aantal", json_integer((json_int_t)n));
	json_object_set_new(d, "datum", json_string(iso));
	json_object_set_new(d, "gemeente", jstr(gemeente));
	json_object_set_new(d, "fout", jstr(fout));
	json_object_set_new(
		d, "melding",
		jstr(kv_get(&rq->query, "gewijzigd") ? "Opgeslagen." : NULL));
	if (v) {
		json_object_set_new(d, "vestiging", jstr(v->code));
		json_object_set_new(d, "vestigingNaam", jstr(v->naam));
	}
	json_object_set_new(d, "formCsrf", jstr(rq->who.csrf));
	rs->personal = true;
	if (resp_page_html(rq, rs, "balie.html", d, e))
		return e->status;
	rs->status = status;
	return ST_OK;
}

static day_t
dag_van(struct request *rq, const char *tekst, struct err *e)
{
	day_t d = DATE_NONE;

	if (!tekst || !*tekst)
		return rq->today;
	if (date_parse(tekst, &d) != 0) {
		err_invalid(e, "datum", "date",
			    "Schrijf de datum als 2026-11-23.");
		return DATE_NONE;
	}
	return d;
}

enum status
page_balie(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "gemeente", "datum", NULL };
	const char *gemeente = kv_get(&rq->query, "gemeente");
	day_t dag;

	if (req_check_query(rq, keys, e))
		return e->status;
	dag = dag_van(rq, kv_get(&rq->query, "datum"), e);
	if (e->status)
		return e->status;
	if (!gemeente || !*gemeente)
		gemeente = auth_eigen_gemeente(rq, true);
	if (!gemeente)
		return err_invalid(e, "gemeente", "required",
				   "Kies een gemeente (CBS-code, zoals "
				   "GM0358).");
	if (!authz_balie(rq, gemeente)) {
		auth_audit_geweigerd(rq, 403, "toegang", gemeente, rq->path);
		return err_set(e, ST_FORBIDDEN,
			       "U mag de balie van %.16s niet inzien: uw "
			       "account heeft daar geen rol.",
			       gemeente);
	}
	return dag_pagina(rq, rs, gemeente, NULL, dag, NULL, 200, e);
}

static enum status
vestiging_van(struct request *rq, struct vestiging *v, struct err *e)
{
	const char *code = req_param(rq, "vestiging");
	enum status st;

	if (!code || afspraak_check_code(code, "vestiging", NULL) != ST_OK)
		st = ST_NOT_FOUND;
	else
		st = store_vestiging_get(rq->store, code, rq->today, &rq->a, v,
					 e);
	if (st == ST_NOT_FOUND ||
	    (st == ST_OK && !authz_balie_vestiging(rq, v->gemeente, v->code))) {
		err_clear(e);
		return err_set(e, ST_NOT_FOUND, "Er is geen vestiging '%.64s'.",
			       code ? code : "");
	}
	return st;
}

enum status
page_balie_vestiging(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "datum", "gewijzigd", NULL };
	struct vestiging v;
	day_t dag;

	if (req_check_query(rq, keys, e))
		return e->status;
	dag = dag_van(rq, kv_get(&rq->query, "datum"), e);
	if (e->status || vestiging_van(rq, &v, e))
		return e->status;
	return dag_pagina(rq, rs, v.gemeente, &v, dag, NULL, 200, e);
}

/* A status change or a walk-in from the day list's forms. */
enum status
page_balie_post(struct request *rq, struct response *rs, struct err *e)
{
	struct kvlist form = { 0 };
	struct vestiging v;
	struct afspraak a;
	const char *actie, *datum;
	char loc[160];
	day_t dag;

	if (req_check_query(rq, NULL, e) ||
	    urlenc_parse(&rq->a, rq->body ? rq->body : "", rq->body_len,
			 "formulier", &form, e) ||
	    vestiging_van(rq, &v, e))
		return e->status;
	datum = kv_get(&form, "datum");
	dag = dag_van(rq, datum, e);
	actie = kv_get(&form, "actie");
	if (e->status)
		return e->status;
	if (actie && strcmp(actie, "inloop") == 0) {
		struct afspraak_regel r = { .product = kv_get(&form, "product"),
					    .personen = 1 };
		struct afspraak_boeking b = { .vraag = { .gemeente = v.gemeente,
							 .regels = &r,
							 .nregels = 1,
							 .kanaal = v.kanaal,
							 .vestiging = v.code },
					      .inloop = true };
		char ref[AFSPRAAK_REFERENTIE_LEN + 1];
		int64_t p = 1;
		uint8_t rnd[5];
		bool x;

		if (!r.product || afspraak_check_code(r.product, "product", e))
			return err_invalid(e, "product", "required",
					   "Kies een product.");
		if (req_int(kv_get(&form, "personen"), "personen", 1,
			    AFSPRAAK_MAX_PERSONEN, &p, e))
			return e->status;
		r.personen = (int)p;
		b.naam = kv_get(&form, "naam");
		if (b.naam && !*b.naam)
			b.naam = NULL;
		if (b.naam &&
		    text_check_max(b.naam, "naam", AFSPRAAK_MAX_NAAM, e))
			return e->status;
		randombytes_buf(rnd, sizeof(rnd));
		afspraak_referentie(rnd, ref);
		b.referentie = ref;
		store_afspraak_add(rq->store, &b, &rq->a, &a, &x, e);
	} else {
		enum afspraak_status nieuw;
		const char *st = kv_get(&form, "status");
		const char *ref = kv_get(&form, "referentie");

		if (!st || afspraak_status_parse(st, &nieuw) != 0 ||
		    nieuw == AS_GEANNULEERD)
			return err_invalid(e, "status", "enum",
					   "Kies aanwezig, geholpen of niet "
					   "verschenen.");
		if (!ref ||
		    store_afspraak_get(rq->store, ref, NULL, &rq->a, &a, e) !=
			    ST_OK ||
		    strcmp(a.vestiging, v.code) != 0) {
			err_clear(e);
			return err_set(e, ST_NOT_FOUND,
				       "Er is geen afspraak met deze "
				       "referentie bij deze vestiging.");
		}
		store_afspraak_status(rq->store, a.referentie, nieuw, &rq->a,
				      &a, e);
	}
	if (e->status == ST_CONFLICT || e->status == ST_INVALID ||
	    e->status == ST_NOT_FOUND) {
		char m[sizeof(e->message)];
		unsigned code = e->status == ST_CONFLICT  ? 409
				: e->status == ST_INVALID ? 400
							  : 404;

		snprintf(m, sizeof(m), "%s",
			 e->nproblems ? e->problems[0].reason : e->message);
		err_clear(e);
		return dag_pagina(rq, rs, v.gemeente, &v, dag, m, code, e);
	}
	if (e->status)
		return e->status;
	{
		char iso[DATE_ISO_LEN];

		date_format_iso(dag, iso);
		snprintf(loc, sizeof(loc), "/balie/%s?datum=%s&gewijzigd=1",
			 v.code, iso);
	}
	return page_see_other(rq, rs, loc);
}

/* The figures of a period as a table. */
enum status
page_afspraakstatistiek(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "gemeente", "van", "tot", NULL };
	const char *gemeente = kv_get(&rq->query, "gemeente");
	struct afspraak_telling *t;
	day_t van = DATE_NONE, tot = DATE_NONE;
	char iso[DATE_ISO_LEN];
	size_t n;
	json_t *d, *arr;
	int j, m, dd;

	if (req_check_query(rq, keys, e))
		return e->status;
	req_query_date(rq, "van", &van, e);
	req_query_date(rq, "tot", &tot, e);
	if (e->status)
		return e->status;
	if (!gemeente || !*gemeente)
		gemeente = auth_eigen_gemeente(rq, true);
	if (!gemeente)
		return err_invalid(e, "gemeente", "required",
				   "Kies een gemeente (CBS-code, zoals "
				   "GM0358).");
	if (!authz_balie(rq, gemeente) &&
	    !auth_has_role(&rq->who, ROL_ACCOUNTHOUDER, gemeente) &&
	    !auth_has_role(&rq->who, ROL_RAADSLID, gemeente)) {
		auth_audit_geweigerd(rq, 403, "toegang", gemeente, rq->path);
		return err_set(e, ST_FORBIDDEN,
			       "U mag de cijfers van de balie van %.16s niet "
			       "inzien: uw account heeft daar geen rol.",
			       gemeente);
	}
	/* Without a period: this month so far. */
	date_to_ymd(rq->today, &j, &m, &dd);
	if (van == DATE_NONE)
		van = date_from_ymd(j, m, 1);
	if (tot == DATE_NONE)
		tot = rq->today;
	if (store_afspraak_statistiek(rq->store, gemeente, van, tot, &rq->a, &t,
				      &n, e))
		return e->status;
	d = page_data("Cijfers van de balie", "balie");
	arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *r = json_object();
		char groep[200];

		if (strcmp(t[i].soort, "gemeente") == 0)
			snprintf(groep, sizeof(groep), "Gemeente %s", gemeente);
		else if (strcmp(t[i].soort, "kanaal") == 0)
			snprintf(groep, sizeof(groep), "Kanaal %s",
				 t[i].kanaal);
		else if (strcmp(t[i].soort, "vestiging") == 0)
			snprintf(groep, sizeof(groep), "%.100s",
				 t[i].vestiging_naam);
		else
			snprintf(groep, sizeof(groep), "%.100s: %.64s",
				 t[i].vestiging_naam, t[i].product);
		json_object_set_new(r, "groep", json_string(groep));
		json_object_set_new(r, "geboekt", json_integer(t[i].geboekt));
		json_object_set_new(r, "inloop", json_integer(t[i].inloop));
		json_object_set_new(r, "geholpen", json_integer(t[i].geholpen));
		json_object_set_new(r, "nietVerschenen",
				    json_integer(t[i].niet_verschenen));
		json_object_set_new(r, "geannuleerd",
				    json_integer(t[i].geannuleerd));
		if (t[i].wacht_n) {
			int64_t min =
				(t[i].wacht_seconden + 30 * t[i].wacht_n) /
				(60 * t[i].wacht_n);
			char w[48];

			if (min >= 1440)
				snprintf(w, sizeof(w), "%lld d %lld u",
					 (long long)(min / 1440),
					 (long long)(min % 1440 / 60));
			else
				snprintf(w, sizeof(w), "%lld u %lld min",
					 (long long)(min / 60),
					 (long long)(min % 60));
			json_object_set_new(r, "wachttijd", json_string(w));
		}
		json_array_append_new(arr, r);
	}
	json_object_set_new(d, "rijen", arr);
	json_object_set_new(d, "gemeente", jstr(gemeente));
	date_format_iso(van, iso);
	json_object_set_new(d, "van", json_string(iso));
	date_format_iso(tot, iso);
	json_object_set_new(d, "tot", json_string(iso));
	return resp_page_html(rq, rs, "afspraakstatistiek.html", d, e);
}
