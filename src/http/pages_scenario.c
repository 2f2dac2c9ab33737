/*
 * pages_scenario.c - a cooperation's scenarios on a page: each with its
 * changes in words, a form to make one (a name, a year, up to
 * SCENARIO_RIJEN changes) and removal after a question that names it.
 * Calculations made with a scenario keep their input when it is removed.
 * docs/allocation.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "auth.h"
#include "urlencoded.h"
#include "../core/kosten.h"
#include "../core/kostenverdeling.h"
#include "../core/uren.h"
#include "../present/json.h"
#include "../present/present.h"
#include "../banned.h"

#define SCENARIO_RIJEN 3 /* changes on the form */

/* The kinds of change as the form offers them. */
static const struct {
	enum scenario_soort soort;
	const char *tekst;
} soorten[] = {
	{ SC_EIGEN,
	  "de eenheid werkt vanaf een datum alleen voor één gemeente" },
	{ SC_GEDEELD, "de eenheid werkt vanaf een datum weer voor alle leden" },
	{ SC_ONDERGEBRACHT,
	  "de eenheid gaat vanaf een datum naar een gemeenschappelijke "
	  "regeling" },
	{ SC_GRONDSLAG, "de eenheid wordt naar een andere grondslag verdeeld" },
	{ SC_KOSTENPOST, "een kostenpost krijgt een ander bedrag" },
};

json_t *
scenario_page_json(const struct scenario *sc)
{
	json_t *o = json_object(), *w = json_array();
	json_object_set_new(o, "naam", jstr(sc->naam));
	json_object_set_new(o, "jaar", json_integer(sc->jaar));
	json_object_set_new(o, "omschrijving", jstr(sc->omschrijving));
	for (size_t j = 0; j < sc->nwijzigingen; j++) {
		const struct scenario_wijziging *x = &sc->wijzigingen[j];
		char datum[48] = "", b[48] = "";
		if (x->vanaf != DATE_NONE)
			date_format_nl(x->vanaf, datum, sizeof datum);
		present_bedrag_nl(x->bedrag, b, sizeof b);
		json_t *t = json_object();
		json_object_set_new(t, "soort",
				    json_string(scenario_soort_naam(x->soort)));
		json_object_set_new(t, "eenheid", jstr(x->eenheid));
		json_object_set_new(t, "gemeente", jstr(x->gemeente));
		json_object_set_new(t, "vanaf", json_string(datum));
		json_object_set_new(t, "grondslag",
				    json_string(kv_basis_nl(x->grondslag)));
		json_object_set_new(t, "kostenpost", jstr(x->kostenpost));
		json_object_set_new(t, "bedrag", json_string(b));
		json_object_set_new(t,
				    x->soort == SC_EIGEN     ? "isEigen"
				    : x->soort == SC_GEDEELD ? "isGedeeld"
				    : x->soort == SC_ONDERGEBRACHT
					    ? "isOndergebracht"
				    : x->soort == SC_GRONDSLAG ? "isGrondslag"
							       : "isKostenpost",
				    json_true());
		json_array_append_new(w, t);
	}
	json_object_set_new(o, "wijzigingen", w);
	char aantal[48];
	snprintf(aantal, sizeof aantal, "%zu %s", sc->nwijzigingen,
		 sc->nwijzigingen == 1 ? "wijziging" : "wijzigingen");
	json_object_set_new(o, "aantalTekst", json_string(aantal));
	return o;
}

/* A problem of the form: a change row's ("wijziging2", see rijnummers)
 * as "Wijziging 2", at that row; the name, year and description at their
 * fields. */
static void
zin(const struct problem *p, char *buf, size_t n, const char **veld)
{
	unsigned w;
	if (sscanf(p->name, "wijziging%u", &w) == 1)
		snprintf(buf, n, "Wijziging %u: %s", w, p->reason);
	else
		snprintf(buf, n, "%s", p->reason);
	if (strcmp(p->name, "naam") == 0 || strcmp(p->name, "jaar") == 0 ||
	    strcmp(p->name, "omschrijving") == 0 ||
	    strncmp(p->name, "wijziging", 9) == 0)
		*veld = p->name;
}

/* The store names a change by its place among those filled in
 * ("wijzigingen[0].bedrag"); the page by the row it is on ("wijziging2"). */
static void
rijnummers(struct err *e, const int *rij, size_t nrij)
{
	for (size_t i = 0; i < e->nproblems; i++) {
		unsigned k;
		if (sscanf(e->problems[i].name, "wijzigingen[%u]", &k) == 1 &&
		    k < nrij)
			snprintf(e->problems[i].name,
				 sizeof e->problems[i].name, "wijziging%d",
				 rij[k]);
	}
}

static enum status
pagina(struct request *rq, struct response *rs, const char *sw, json_t *extra,
       unsigned status, struct err *e)
{
	struct samenwerking s;
	struct scenario *sc;
	struct eenheid_op *eh;
	struct lidmaatschap *leden;
	size_t n, neh, nleden;
	struct err stil = { 0 };

	if (store_samenwerking_get(rq->store, &rq->a, sw, &s, e) ||
	    authz_kosten_lezen(rq, sw, e) ||
	    store_scenario_list(rq->store, &rq->a, sw, 0, &sc, &n, e) ||
	    store_eenheden_op(rq->store, &rq->a, sw, rq->today, &eh, &neh, e) ||
	    store_samenwerking_leden(rq->store, &rq->a, sw, &leden, &nleden,
				     e)) {
		json_decref(extra);
		return e->status;
	}
	json_t *d = page_data("Scenario's", "samenwerkingen");
	json_t *arr = json_array(), *sk = json_array(), *rijen = json_array();
	json_object_set_new(d, "samenwerking", present_samenwerking_json(&s));
	/* The changes name units and municipalities by their names. */
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < sc[i].nwijzigingen; j++) {
			struct scenario_wijziging *w = &sc[i].wijzigingen[j];
			for (size_t k = 0; w->eenheid && k < neh; k++)
				if (strcmp(eh[k].eenheid.code, w->eenheid) == 0)
					w->eenheid = eh[k].eenheid.naam;
			for (size_t k = 0; w->gemeente && k < nleden; k++)
				if (strcmp(leden[k].gemeente, w->gemeente) ==
					    0 &&
				    leden[k].gemeente_naam)
					w->gemeente = leden[k].gemeente_naam;
		}
		json_array_append_new(arr, scenario_page_json(&sc[i]));
	}
	json_object_set_new(d, "scenarios", arr);
	for (size_t i = 0; i < sizeof soorten / sizeof *soorten; i++)
		keuze_add(sk, scenario_soort_naam(soorten[i].soort),
			  soorten[i].tekst);
	/* Each change row with its choices; a form shown again keeps what
	 * was typed and chosen, and a row's problem at that row. */
	json_t *ke = keuze_eenheden(eh, neh), *kg = keuze_leden(leden, nleden),
	       *kb = keuze_grondslagen();
	json_t *inv = extra ? json_object_get(extra, "invoer") : NULL;
	json_t *bij = extra ? json_object_get(extra, "bijVeld") : NULL;
	for (int i = 1; i <= SCENARIO_RIJEN; i++) {
		static const char *const tekst[] = { "vanaf", "kostenpost",
						     "bedrag" };
		json_t *o = json_object();
		char k[32];
#define INVOER(x)                             \
	(snprintf(k, sizeof k, "%s%d", x, i), \
	 json_string_value(json_object_get(inv, k)))
		json_object_set_new(o, "nummer", json_integer(i));
		json_object_set_new(o, "soorten",
				    keuze_kies(sk, INVOER("soort")));
		json_object_set_new(o, "eenheden",
				    keuze_kies(ke, INVOER("eenheid")));
		json_object_set_new(o, "gemeenten",
				    keuze_kies(kg, INVOER("gemeente")));
		json_object_set_new(o, "grondslagen",
				    keuze_kies(kb, INVOER("grondslag")));
		for (size_t t = 0; t < sizeof tekst / sizeof *tekst; t++)
			json_object_set_new(o, tekst[t],
					    jstr(INVOER(tekst[t])));
#undef INVOER
		snprintf(k, sizeof k, "wijziging%d", i);
		json_object_set(o, "fout", json_object_get(bij, k));
		json_array_append_new(rijen, o);
	}
	json_decref(ke);
	json_decref(kg);
	json_decref(kb);
	json_decref(sk);
	json_object_set_new(d, "rijen", rijen);
	json_object_set_new(
		d, "magWijzigen",
		json_boolean(authz_samenwerking(rq, sw, &stil) == ST_OK));
	json_object_set_new(d, "formCsrf", jstr(rq->who.csrf));
	if (extra) {
		json_object_update(d, extra);
		json_decref(extra);
	}
	if (resp_page_html(rq, rs, "scenarios.html", d, e))
		return e->status;
	rs->status = status;
	return ST_OK;
}

enum status
page_scenarios(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "gemaakt", "verwijderd", NULL };
	const char *v;
	json_t *x = json_object();

	if (req_check_query(rq, keys, e)) {
		json_decref(x);
		return e->status;
	}
	if ((v = kv_get(&rq->query, "gemaakt")))
		json_object_set_new(x, "gemaakt", json_string(v));
	if ((v = kv_get(&rq->query, "verwijderd")))
		json_object_set_new(x, "verwijderd", json_string(v));
	return pagina(rq, rs, req_param(rq, "code"), x, 200, e);
}

/* A form's field; NULL when left empty. */
static const char *
veld(const struct kvlist *f, const char *naam)
{
	const char *v = kv_get(f, naam);
	return v && *v ? v : NULL;
}

/* Change row i (1-based) of the form into w; false when the row is
 * empty. Problems named as the store names them. */
static bool
rij(struct request *rq, const struct kvlist *f, int i, size_t index,
    struct scenario_wijziging *w, struct err *e)
{
	char k[32], naam[32];
	const char *v;

	memset(w, 0, sizeof *w);
	w->vanaf = DATE_NONE;
	snprintf(naam, sizeof naam, "wijzigingen[%zu]", index);
#define VELD(x) (snprintf(k, sizeof k, "%s%d", x, i), veld(f, k))
	const char *soort = VELD("soort");
	if (!soort)
		return false;
	if (scenario_soort_van(soort, &w->soort)) {
		err_invalid(e, naam, "enum", "Kies wat er verandert.");
		return true;
	}
	w->eenheid = VELD("eenheid");
	if (!w->eenheid && w->soort != SC_KOSTENPOST)
		err_invalid(e, naam, "required", "Kies een eenheid.");
	w->gemeente = VELD("gemeente");
	if (w->soort == SC_EIGEN && !w->gemeente)
		err_invalid(e, naam, "required", "Kies een gemeente.");
	if (w->soort != SC_EIGEN)
		w->gemeente = NULL;
	if ((v = VELD("vanaf")) && w->soort <= SC_ONDERGEBRACHT) {
		if (uren_parse_datum(v, naam, &w->vanaf, e))
			w->vanaf = DATE_NONE;
	} else if (w->soort <= SC_ONDERGEBRACHT) {
		err_invalid(e, naam, "required",
			    "Vul de datum in vanaf wanneer.");
	}
	if (w->soort == SC_GRONDSLAG) {
		w->grondslag = kv_basis_van(VELD("grondslag"));
		if (w->grondslag == KV_GEEN || w->grondslag == KV_DIRECT)
			err_invalid(e, naam, "enum", "Kies een grondslag.");
	}
	if (w->soort == SC_KOSTENPOST) {
		w->eenheid = NULL;
		w->kostenpost = VELD("kostenpost");
		if (!w->kostenpost)
			err_invalid(e, naam, "required",
				    "Noem de code van de kostenpost.");
		v = VELD("bedrag");
		if (!v || kosten_bedrag_parse(v, &w->bedrag) != 0)
			err_invalid(e, naam, "format",
				    "Schrijf het nieuwe bedrag in euro, "
				    "bijvoorbeeld 12.500,00.");
	}
#undef VELD
	(void)rq;
	return true;
}

static enum status
doorsturen(struct request *rq, struct response *rs, const char *sw,
	   const char *wat, const char *naam)
{
	char esw[64], enaam[640], loc[800];
	urlenc_encode(sw, esw, sizeof esw);
	urlenc_encode(naam, enaam, sizeof enaam);
	snprintf(loc, sizeof loc, "/samenwerkingen/%s/scenarios?%s=%s", esw,
		 wat, enaam);
	return page_see_other(rq, rs, loc);
}

enum status
page_scenarios_post(struct request *rq, struct response *rs, struct err *e)
{
	const char *sw = req_param(rq, "code");
	struct kvlist f = { 0 };
	struct samenwerking s;
	struct scenario sc = { .samenwerking = sw };
	struct scenario_wijziging w[SCENARIO_RIJEN];
	int64_t id = 0;
	int jaar = 0;

	if (req_check_query(rq, NULL, e) ||
	    store_samenwerking_get(rq->store, &rq->a, sw, &s, e) ||
	    authz_samenwerking(rq, sw, e) ||
	    urlenc_parse(&rq->a, rq->body ? rq->body : "", rq->body_len,
			 "formulier", &f, e))
		return e->status;
	const char *actie = kv_get(&f, "actie");
	const char *jt = kv_get(&f, "jaar");
	sc.naam = veld(&f, "naam");
	if (jt && *jt)
		req_jaar(jt, &jaar, e);
	else
		err_invalid(e, "jaar", "required", "Vul het jaar in.");
	sc.jaar = jaar;
	if (actie && (strcmp(actie, "verwijderen") == 0 ||
		      strcmp(actie, "verwijderen-bevestigd") == 0)) {
		struct scenario weg;
		if (e->status ||
		    store_scenario_get(rq->store, &rq->a, sw, jaar,
				       sc.naam ? sc.naam : "", &weg, e))
			return e->status;
		if (strcmp(actie, "verwijderen") == 0) {
			json_t *x = json_object();
			json_object_set_new(x, "bevestigVerwijderen",
					    scenario_page_json(&weg));
			return pagina(rq, rs, sw, x, 200, e);
		}
		if (store_scenario_delete(rq->store, sw, jaar, weg.naam, e))
			return e->status;
		return doorsturen(rq, rs, sw, "verwijderd", weg.naam);
	}
	if (!actie || strcmp(actie, "maken") != 0)
		return err_invalid(e, "actie", "enum",
				   "Het formulier is onvolledig; begin "
				   "opnieuw.");
	sc.omschrijving = veld(&f, "omschrijving");
	sc.wijzigingen = w;
	int rijnr[SCENARIO_RIJEN];
	for (int i = 1; i <= SCENARIO_RIJEN; i++)
		if (rij(rq, &f, i, sc.nwijzigingen, &w[sc.nwijzigingen], e))
			rijnr[sc.nwijzigingen++] = i;
	if (e->status == ST_OK || e->status == ST_INVALID)
		store_scenario_maak(rq->store, &sc, &id, e);
	rijnummers(e, rijnr, sc.nwijzigingen);
	if (e->status == ST_INVALID || e->status == ST_CONFLICT ||
	    e->status == ST_NOT_FOUND) {
		unsigned st = e->status == ST_CONFLICT	? 409
			      : e->status == ST_INVALID ? 400
							: 404;
		json_t *x = form_problemen_json(e, zin);
		json_t *inv = json_object();
		for (size_t i = 0; i < f.n; i++)
			json_object_set_new(inv, f.items[i].key,
					    json_string(f.items[i].value));
		json_object_set_new(x, "invoer", inv);
		err_clear(e);
		return pagina(rq, rs, sw, x, st, e);
	}
	if (e->status)
		return e->status;
	return doorsturen(rq, rs, sw, "gemaakt", sc.naam);
}
