/*
 * pages_uren.c - the pages of the hours: reading in a file (upload form,
 * every problem in a table), the batches, the urenverdeling of a
 * cooperation with a chart per municipality, the framework deviations,
 * and the staff register (list, one staff member with an edit form).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "auth.h"
#include "../present/json.h"
#include "../present/present.h"
#include "../present/uren.h"
#include "../banned.h"

#define REEKSEN 12 /* colours of the chart series (ambt.css) */
#define BATCHES_PER_PAGINA 25
#define VERVANGBAAR_MAX 100 /* current batches offered to replace */
#define MEDEWERKERS_PER_PAGINA 100

/*
 * Page navigation for a list of `total` rows shown `size` at a time:
 * previous and next page numbers (when there are), this page and the
 * number of pages, as the list templates show them.
 */
static json_t *
bladeren(size_t page, size_t size, size_t total)
{
	json_t *nav = json_object();

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
	return nav;
}

/* 123450 hundredths as "1.234,50". */
static json_t *
uren_nl(int64_t h)
{
	char buf[48];

	present_uren_nl(h, buf, sizeof(buf));
	return json_string(buf);
}

static json_t *
procent_nl(int32_t bp, bool teken)
{
	char buf[32];

	uren_format_procent(bp, teken, buf, sizeof(buf));
	return json_string(buf);
}

/*
 * A page with a form: its CSRF token, what the last submission said
 * (`extra`, merged in; may be NULL), and the status of the answer (400
 * when the form is shown again with its problems).
 */
static enum status
formulier_pagina(struct request *rq, struct response *rs, const char *naam,
		 json_t *d, json_t *extra, unsigned status, struct err *e)
{
	json_object_set_new(d, "formCsrf", jstr(rq->who.csrf));
	if (extra) {
		json_object_update(d, extra);
		json_decref(extra);
	}
	if (resp_page_html(rq, rs, naam, d, e))
		return e->status;
	rs->status = status;
	return ST_OK;
}

/* ---- reading in a file ---- */

/* A batch a file may replace: one that still counts and is not the desk's. */
static bool
mag_vervangen(const struct uren_batch *b)
{
	return !b->vervangen_door && !b->balie;
}

/*
 * The batches (page `page`, BATCHES_PER_PAGINA a page) and the form, which
 * offers the newest VERVANGBAAR_MAX current batches to replace; `extra`
 * (may be NULL) is merged in.
 */
static enum status
uren_pagina(struct request *rq, struct response *rs, size_t page, json_t *extra,
	    unsigned status, struct err *e)
{
	struct uren_batch *b;
	size_t n, van = (page - 1) * BATCHES_PER_PAGINA;
	json_t *d, *arr = json_array(), *sws = json_array(),
		   *vervangbaar = json_array();
	struct samenwerking *sw;
	size_t nsw;

	if (store_uren_batches(rq->store, &rq->a, &b, &n, e) ||
	    store_samenwerking_list(rq->store, &rq->a, &sw, &nsw, e)) {
		json_decref(arr);
		json_decref(sws);
		json_decref(vervangbaar);
		json_decref(extra);
		return e->status;
	}
	for (size_t i = van; i < n && i < van + BATCHES_PER_PAGINA; i++) {
		json_t *x = present_batch_json(&b[i]);

		json_object_set_new(x, "urenNl", uren_nl(b[i].honderdsten));
		json_object_set_new(x, "balie", json_boolean(b[i].balie));
		json_array_append_new(arr, x);
	}
	for (size_t i = 0;
	     i < n && json_array_size(vervangbaar) < VERVANGBAAR_MAX; i++)
		if (mag_vervangen(&b[i]))
			json_array_append_new(vervangbaar,
					      present_batch_json(&b[i]));
	/* Replacing a batch is asked first, naming what is replaced. */
	json_int_t weg = extra ? json_integer_value(
					 json_object_get(extra, "vervangBatch"))
			       : 0;
	for (size_t i = 0; weg && i < n; i++)
		if (b[i].id == weg && mag_vervangen(&b[i])) {
			json_t *x = present_batch_json(&b[i]);
			json_object_set_new(x, "urenNl",
					    uren_nl(b[i].honderdsten));
			for (size_t j = 0; j < nsw; j++)
				if (b[i].samenwerking &&
				    strcmp(sw[j].code, b[i].samenwerking) == 0)
					json_object_set_new(
						x, "samenwerkingNaam",
						json_string(sw[j].naam));
			json_object_set_new(extra, "teVervangen", x);
		}
	if (weg && !json_object_get(extra, "teVervangen") &&
	    !json_object_get(extra, "melding")) {
		char m[120];
		snprintf(m, sizeof m,
			 "Er is geen batch %lld die nog meetelt; er is "
			 "niets te vervangen.",
			 (long long)weg);
		json_object_set_new(extra, "melding", json_string(m));
	}
	for (size_t i = 0; i < nsw; i++) {
		json_t *x;

		if (!auth_has_role(&rq->who, ROL_BEHEERDER, NULL) &&
		    !auth_has_role(&rq->who, ROL_CONTROLLER, sw[i].code))
			continue;
		x = json_object();
		json_object_set_new(x, "code", json_string(sw[i].code));
		json_object_set_new(x, "naam", json_string(sw[i].naam));
		json_array_append_new(sws, x);
	}
	d = page_data("Uren inlezen", "uren");
	json_object_set_new(d, "batches", arr);
	json_object_set_new(d, "aantalBatches", json_integer((json_int_t)n));
	json_object_set_new(d, "vervangbaar", vervangbaar);
	if (n > BATCHES_PER_PAGINA)
		json_object_set_new(d, "bladeren",
				    bladeren(page, BATCHES_PER_PAGINA, n));
	json_object_set_new(d, "samenwerkingen", sws);
	return formulier_pagina(rq, rs, "uren.html", d, extra, status, e);
}

enum status
page_uren(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "page", "vervang", NULL };
	const char *v = kv_get(&rq->query, "vervang");
	size_t page, size;
	int64_t weg = 0;

	if (req_check_query(rq, keys, e) || req_page(rq, &page, &size, e) ||
	    (v && req_int(v, "vervang", 1, ID_MAX, &weg, e)))
		return e->status;
	json_t *x = NULL;
	if (weg) {
		x = json_object();
		json_object_set_new(x, "vervangBatch", json_integer(weg));
	}
	if (uren_pagina(rq, rs, page, x, 200, e))
		return e->status;
	return ST_OK;
}

static json_t *
melding(const char *tekst)
{
	json_t *x = json_object();

	json_object_set_new(x, "melding", json_string(tekst));
	return x;
}

/*
 * A problem with a field of the form as one sentence that names the field
 * as the form does ("Vervangt batch: ..."); other problems as they are.
 */
static json_t *
veld_melding(const struct problem *p)
{
	static const struct {
		const char *veld, *label;
	} labels[] = { { "vervang", "Vervangt batch" },
		       { "bestand", "Naam van het bestand" } };
	char buf[sizeof(p->reason) + 64];

	snprintf(buf, sizeof(buf), "%s", p->reason);
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(p->name, labels[i].veld) == 0)
			snprintf(buf, sizeof(buf), "%s: %s", labels[i].label,
				 p->reason);
	return melding(buf);
}

enum status
page_uren_import(struct request *rq, struct response *rs, struct err *e)
{
	struct uren_import_keuze k = { 0 };
	struct uren_import_uitkomst u;
	const char *vervang;
	json_t *x;
	enum status st;

	if (req_check_query(rq, NULL, e))
		return e->status;
	if (!rq->multipart || !rq->upload_name || !*rq->upload_name)
		return uren_pagina(rq, rs, 1,
				   melding("Kies een bestand met uren."), 400,
				   e);
	k.proef = kv_get(&rq->form, "proef") != NULL;
	k.nieuwe_medewerkers = kv_get(&rq->form, "nieuwe_medewerkers") != NULL;
	vervang = kv_get(&rq->form, "vervang");
	if (vervang && *vervang &&
	    req_int(vervang, "vervang", 1, ID_MAX, &k.vervang, e)) {
		json_t *m = veld_melding(&e->problems[0]);

		err_clear(e);
		return uren_pagina(rq, rs, 1, m, 400, e);
	}
	/* A batch is only replaced when the form says so, after the page
	 * named it (its file, cooperation, period and hours). */
	if (k.vervang && !kv_get(&rq->form, "bevestig")) {
		json_t *m = melding("Er is niets ingelezen: bevestig eerst dat "
				    "u deze batch vervangt, en kies het "
				    "bestand opnieuw.");
		json_object_set_new(m, "vervangBatch", json_integer(k.vervang));
		return uren_pagina(rq, rs, 1, m, 400, e);
	}
	st = uren_import_verzoek(rq, rq->upload ? rq->upload : "",
				 rq->upload_len, rq->upload_name, &k, &u, e);
	x = json_object();
	json_object_set_new(x, "bestand", json_string(rq->upload_name));
	if (st == ST_INVALID && !u.gecontroleerd) {
		json_t *arr = json_array();

		for (size_t i = 0; i < u.res.nproblemen; i++) {
			const struct uren_probleem *p = &u.res.problemen[i];
			json_t *q = json_object();

			json_object_set_new(
				q, "regel",
				p->regel ? json_integer((json_int_t)p->regel)
					 : json_string("bestand"));
			json_object_set_new(
				q, "kolom",
				json_string(p->kolom ? p->kolom : "–"));
			json_object_set_new(q, "melding", jstr(p->melding));
			json_array_append_new(arr, q);
		}
		json_object_set_new(x, "fout", json_string(e->message));
		json_object_set_new(x, "problemen", arr);
		json_object_set_new(
			x, "weggelaten",
			u.res.nweggelaten
				? json_integer((json_int_t)u.res.nweggelaten)
				: json_null());
		err_clear(e);
		arena_free(&u.a);
		return uren_pagina(rq, rs, 1, x, 400, e);
	}
	if (st != ST_OK) {
		arena_free(&u.a);
		json_decref(x);
		if (st == ST_INVALID || st == ST_NOT_FOUND ||
		    st == ST_CONFLICT) {
			json_t *m = e->nproblems ? veld_melding(&e->problems[0])
						 : melding(e->message);

			err_clear(e);
			return uren_pagina(rq, rs, 1, m, 400, e);
		}
		return st;
	}
	{
		json_t *r = json_object();

		json_object_set_new(r, "proef", json_boolean(k.proef));
		json_object_set_new(r, "al", json_boolean(u.al));
		json_object_set_new(r, "batch",
				    k.proef ? json_null()
					    : json_integer(u.batch.id));
		json_object_set_new(r, "rijen",
				    json_integer((json_int_t)u.res.nboekingen));
		json_object_set_new(r, "uren", uren_nl(u.res.honderdsten));
		json_object_set_new(
			r, "medewerkers",
			json_integer((json_int_t)u.res.nmedewerkers));
		json_object_set_new(r, "gemeenten",
				    json_integer((json_int_t)u.res.ngemeenten));
		json_object_set_new(
			r, "afwijkingen",
			json_integer((json_int_t)u.res.nafwijkingen));
		json_object_set_new(r, "nieuw",
				    json_integer((json_int_t)u.res.nnieuw));
		json_object_set_new(r, "van", jdate(u.res.van));
		json_object_set_new(r, "tot", jdate(u.res.tot));
		json_object_set_new(x, "resultaat", r);
	}
	arena_free(&u.a);
	return uren_pagina(rq, rs, 1, x, 200, e);
}

/* ---- the urenverdeling ---- */

static const char *const maanden[] = {
	"jan", "feb", "mrt", "apr", "mei", "jun",
	"jul", "aug", "sep", "okt", "nov", "dec"
};
static const char *const maanden_lang[] = { "januari", "februari", "maart",
					    "april",   "mei",	   "juni",
					    "juli",    "augustus", "september",
					    "oktober", "november", "december" };

/* An axis label in hours: "2.000", or "0,50" for a step below an hour. */
static void
as_uren(int64_t honderdsten, int64_t stap, char *buf, size_t n)
{
	if (stap % 100)
		present_uren_nl(honderdsten, buf, n);
	else
		present_getal_nl((long long)(honderdsten / 100), buf, n);
}

enum status
page_urenverdeling(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "jaar", NULL };
	const char *sw = req_param(rq, "code");
	const char *jaar_text = kv_get(&rq->query, "jaar");
	struct uren_verdeling v, vm;
	struct samenwerking s;
	struct uren_maand *m;
	size_t nm;
	int jaar = 0;
	int64_t max = 0;
	json_t *d, *g, *charts, *eenheden, *legenda;

	if (req_check_query(rq, keys, e))
		return e->status;
	if (req_jaar(jaar_text, &jaar, e))
		return e->status;
	if (store_samenwerking_get(rq->store, &rq->a, sw, &s, e) ||
	    authz_uren_lezen(rq, sw, e) ||
	    uren_maanden_van(rq, sw, &jaar, &m, &nm, e) ||
	    uren_verdeling_maak(&rq->a, m, nm, jaar, PER_JAAR, &v, e) ||
	    uren_verdeling_maak(&rq->a, m, nm, jaar, PER_MAAND, &vm, e))
		return e->status;

	d = page_data("Urenverdeling", "samenwerkingen");
	json_object_set_new(d, "samenwerking", present_samenwerking_json(&s));
	json_object_set_new(d, "jaar", json_integer(v.jaar));
	json_object_set_new(d, "vorigJaar", json_integer(v.jaar - 1));
	json_object_set_new(d, "volgendJaar", json_integer(v.jaar + 1));
	json_object_set_new(d, "totaal", uren_nl(v.totaal));
	json_object_set_new(d, "heeftVorig", json_boolean(v.vorig_totaal > 0));
	json_object_set_new(d, "vorigTotaal", uren_nl(v.vorig_totaal));
	json_object_set_new(d, "heeftUren", json_boolean(v.totaal > 0));
	g = json_array();
	for (size_t i = 0; i < v.ngemeenten; i++) {
		const struct uren_aandeel *a = &v.gemeenten[i];
		json_t *x = json_object();

		json_object_set_new(x, "naam", jstr(a->gemeente_naam));
		json_object_set_new(x, "uren", uren_nl(a->honderdsten));
		json_object_set_new(x, "aandeel",
				    procent_nl(a->aandeel, false));
		if (a->vorig_bekend) {
			json_object_set_new(x, "vorig", uren_nl(a->vorig));
			json_object_set_new(
				x, "vorigAandeel",
				procent_nl(a->vorig_aandeel, false));
			json_object_set_new(x, "verschil",
					    procent_nl(a->verschil, true));
		}
		json_array_append_new(g, x);
	}
	json_object_set_new(d, "verdeling", g);

	/* Units in a fixed order with a colour each, for the legend. */
	eenheden = json_object();
	legenda = json_array();
	for (size_t i = 0; i < vm.nregels; i++) {
		const struct uren_totaalregel *r = &vm.regels[i];

		if (!json_object_get(eenheden, r->eenheid)) {
			json_t *l = json_object();
			size_t k = json_object_size(eenheden);

			json_object_set_new(eenheden, r->eenheid,
					    json_integer((json_int_t)k));
			json_object_set_new(l, "naam", jstr(r->eenheid_naam));
			json_object_set_new(
				l, "reeks",
				json_integer((json_int_t)(k % REEKSEN)));
			json_array_append_new(legenda, l);
		}
	}
	json_object_set_new(d, "legenda", legenda);

	/* Month totals per municipality; the scale is shared. */
	for (size_t gi = 0; gi < v.ngemeenten; gi++) {
		int64_t maand[13] = { 0 };

		for (size_t i = 0; i < vm.nregels; i++)
			if (strcmp(vm.regels[i].gemeente,
				   v.gemeenten[gi].gemeente) == 0)
				maand[vm.regels[i].periode] +=
					vm.regels[i].honderdsten;
		for (int mo = 1; mo <= 12; mo++)
			if (maand[mo] > max)
				max = maand[mo];
	}
	/* The vertical axis: in hours from zero, a gridline per round step
	 * (present_as_stap), the labels right-aligned left of the axis. */
	int64_t stap = present_as_stap(max > 0 ? max : 1, 4);
	int64_t asmax = (max + stap - 1) / stap * stap;
	int links = 0;
	char label[48];

	if (asmax == 0)
		asmax = stap;
	for (int64_t t = 0; t <= asmax; t += stap) {
		as_uren(t, stap, label, sizeof(label));
		int w = present_tekst_px(label, 13);
		links = w > links ? w : links;
	}
	links += 12;
	charts = json_array();
	for (size_t gi = 0; gi < v.ngemeenten && max > 0; gi++) {
		const char *code = v.gemeenten[gi].gemeente;
		json_t *c = json_object(), *staven = json_array(),
		       *rijen = json_array(), *as = json_array(),
		       *lijnen = json_array(), *kolommen = json_array(),
		       *jaartotaal = json_array();
		int64_t basis[13] = { 0 }, totaal[13] = { 0 };
		const int hoogte = 180, boven = 30, breedte = 26, stap_x = 34;
		/* The units with hours for this municipality, in the
		 * legend's order: the table's columns. */
		size_t ne = json_object_size(eenheden), nk = 0;
		int64_t *per = calloc(ne * 13 + 1, sizeof(*per));
		bool *heeft = calloc(ne + 1, sizeof(*heeft));

		if (!per || !heeft) {
			free(per);
			free(heeft);
			json_decref(c);
			json_decref(staven);
			json_decref(rijen);
			json_decref(as);
			json_decref(lijnen);
			json_decref(kolommen);
			json_decref(jaartotaal);
			json_decref(charts);
			json_decref(eenheden);
			json_decref(d);
			return err_set(e, ST_NOMEM, "Geen geheugen meer.");
		}
		for (size_t i = 0; i < vm.nregels; i++) {
			const struct uren_totaalregel *r = &vm.regels[i];
			int mo = r->periode;
			size_t k;
			int64_t y0, y1;
			json_t *st;

			if (strcmp(r->gemeente, code) != 0 || mo < 1 || mo > 12)
				continue;
			k = (size_t)json_integer_value(
				json_object_get(eenheden, r->eenheid));
			per[k * 13 + (size_t)mo] += r->honderdsten;
			heeft[k] = true;
			/* Heights in whole pixels from the exact hours. */
			y0 = basis[mo] * hoogte / asmax;
			basis[mo] += r->honderdsten;
			totaal[mo] += r->honderdsten;
			y1 = basis[mo] * hoogte / asmax;
			if (y1 == y0)
				continue;
			st = json_object();
			json_object_set_new(
				st, "x",
				json_integer(links + 4 + (mo - 1) * stap_x));
			json_object_set_new(st, "y",
					    json_integer(boven + hoogte - y1));
			json_object_set_new(st, "breedte",
					    json_integer(breedte));
			json_object_set_new(st, "hoogte",
					    json_integer(y1 - y0));
			json_object_set_new(
				st, "reeks",
				json_integer((json_int_t)(k % REEKSEN)));
			json_object_set_new(st, "eenheid",
					    jstr(r->eenheid_naam));
			json_object_set_new(st, "maand",
					    json_string(maanden[mo - 1]));
			json_object_set_new(st, "uren",
					    uren_nl(r->honderdsten));
			json_array_append_new(staven, st);
		}
		for (size_t i = 0; i < json_array_size(legenda); i++) {
			if (!heeft[i])
				continue;
			json_array_append(
				kolommen,
				json_object_get(json_array_get(legenda, i),
						"naam"));
			nk++;
		}
		for (int mo = 1; mo <= 12; mo++) {
			json_t *rij = json_object(), *lab = json_object(),
			       *cel = json_array();

			for (size_t k = 0; k < ne; k++)
				if (heeft[k])
					json_array_append_new(
						cel, uren_nl(per[k * 13 +
								 (size_t)mo]));
			json_object_set_new(rij, "maand",
					    json_string(maanden_lang[mo - 1]));
			json_object_set_new(rij, "perEenheid", cel);
			json_object_set_new(rij, "uren", uren_nl(totaal[mo]));
			json_array_append_new(rijen, rij);
			json_object_set_new(lab, "x",
					    json_integer(links + 4 +
							 (mo - 1) * stap_x +
							 breedte / 2));
			json_object_set_new(lab, "maand",
					    json_string(maanden[mo - 1]));
			json_array_append_new(as, lab);
		}
		{
			int64_t jaar_som = 0;

			for (size_t k = 0; k < ne; k++) {
				int64_t som = 0;

				if (!heeft[k])
					continue;
				for (int mo = 1; mo <= 12; mo++)
					som += per[k * 13 + (size_t)mo];
				json_array_append_new(jaartotaal, uren_nl(som));
			}
			for (int mo = 1; mo <= 12; mo++)
				jaar_som += totaal[mo];
			json_object_set_new(c, "jaarUren", uren_nl(jaar_som));
		}
		free(per);
		free(heeft);
		for (int64_t t = 0; t <= asmax; t += stap) {
			json_t *l = json_object();

			as_uren(t, stap, label, sizeof(label));
			json_object_set_new(
				l, "y",
				json_integer(boven + hoogte -
					     (int)(t * hoogte / asmax)));
			json_object_set_new(l, "label", json_string(label));
			json_array_append_new(lijnen, l);
		}
		json_object_set_new(c, "gemeente",
				    jstr(v.gemeenten[gi].gemeente_naam));
		json_object_set_new(c, "id", json_string(code));
		json_object_set_new(c, "staven", staven);
		json_object_set_new(c, "maanden", rijen);
		json_object_set_new(c, "kolommen", kolommen);
		json_object_set_new(c, "jaarPerEenheid", jaartotaal);
		json_object_set_new(c, "meerEenheden", json_boolean(nk > 1));
		json_object_set_new(c, "as", as);
		json_object_set_new(c, "lijnen", lijnen);
		json_object_set_new(c, "max", uren_nl(max));
		json_object_set_new(c, "links", json_integer(links));
		json_object_set_new(c, "labelX", json_integer(links - 6));
		json_object_set_new(c, "breedte",
				    json_integer(links + 4 + 12 * stap_x));
		json_object_set_new(c, "hoogte",
				    json_integer(boven + hoogte + 24));
		json_object_set_new(c, "basisY", json_integer(boven + hoogte));
		json_object_set_new(c, "maandY",
				    json_integer(boven + hoogte + 18));
		json_array_append_new(charts, c);
	}
	json_object_set_new(d, "grafieken", charts);
	json_decref(eenheden);

	/* Per unit: each municipality's share of its hours in the year. */
	{
		json_t *arr = json_array();

		for (size_t i = 0; i < v.nregels; i++) {
			const struct uren_totaalregel *r = &v.regels[i];
			json_t *x = json_object();

			json_object_set_new(x, "eenheid",
					    jstr(r->eenheid_naam));
			json_object_set_new(x, "code", jstr(r->eenheid));
			json_object_set_new(x, "gemeente",
					    jstr(r->gemeente_naam));
			json_object_set_new(x, "uren", uren_nl(r->honderdsten));
			json_object_set_new(x, "aandeel",
					    procent_nl(r->aandeel, false));
			json_array_append_new(arr, x);
		}
		json_object_set_new(d, "perEenheid", arr);
	}
	return resp_page_html(rq, rs, "urenverdeling.html", d, e);
}

/* ---- the framework deviations ---- */

enum status
page_afwijkingen(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "jaar", NULL };
	const char *sw = req_param(rq, "code");
	const char *jaar_text = kv_get(&rq->query, "jaar");
	struct uren_afwijking_groep *g;
	struct uren_register reg;
	struct samenwerking s;
	day_t van = DATE_NONE, tot = DATE_NONE;
	size_t ng;
	int64_t som = 0;
	json_t *d, *arr;

	if (req_check_query(rq, keys, e))
		return e->status;
	if (jaar_text) {
		int y = 0;

		if (req_jaar(jaar_text, &y, e))
			return e->status;
		van = date_from_ymd(y, 1, 1);
		tot = date_from_ymd(y + 1, 1, 1);
	}
	if (store_samenwerking_get(rq->store, &rq->a, sw, &s, e) ||
	    authz_uren_lezen(rq, sw, e) ||
	    uren_afwijkingen_van(rq, sw, van, tot, &reg, &g, &ng, e))
		return e->status;
	d = page_data("Afwijkingen van het kader", "samenwerkingen");
	json_object_set_new(d, "samenwerking", present_samenwerking_json(&s));
	json_object_set_new(d, "jaar",
			    jaar_text ? json_string(jaar_text) : json_null());
	arr = json_array();
	for (size_t i = 0; i < ng; i++) {
		json_t *x = json_object();
		char kort[160];

		som += g[i].honderdsten;
		present_afwijking_reden(&g[i], kort, sizeof(kort));
		json_object_set_new(x, "eenheid",
				    jstr(reg.eenheden[g[i].eenheid].naam));
		json_object_set_new(x, "eenheidCode",
				    jstr(reg.eenheden[g[i].eenheid].code));
		json_object_set_new(x, "gemeente",
				    jstr(reg.gemeenten[g[i].gemeente].naam));
		json_object_set_new(x, "eerste", jdate(g[i].eerste));
		json_object_set_new(x, "laatste", jdate(g[i].laatste));
		json_object_set_new(x, "dagen",
				    json_integer((json_int_t)g[i].dagen));
		json_object_set_new(x, "uren", uren_nl(g[i].honderdsten));
		json_object_set_new(x, "reden", json_string(kort));
		json_object_set_new(
			x, "uitleg",
			json_string(uren_afwijking_uitleg(g[i].afwijking)));
		if (g[i].artikel) {
			json_object_set_new(x, "artikel",
					    json_integer(g[i].artikel->nummer));
			json_object_set_new(x, "artikelTitel",
					    jstr(g[i].artikel->titel));
			json_object_set_new(x, "artikelBesluit",
					    jstr(g[i].versie
							 ? g[i].versie->besluit
							 : NULL));
			json_object_set_new(
				x, "artikelBesluitOrganisatie",
				jstr(g[i].versie
					     ? g[i].versie->besluit_organisatie
					     : NULL));
		}
		if (g[i].inrichting && g[i].inrichting->besluit) {
			json_object_set_new(x, "inrichtingBesluit",
					    jstr(g[i].inrichting->besluit));
			json_object_set_new(
				x, "inrichtingBesluitOrganisatie",
				jstr(g[i].inrichting->besluit_organisatie));
		}
		json_array_append_new(arr, x);
	}
	json_object_set_new(d, "afwijkingen", arr);
	json_object_set_new(d, "totaal", uren_nl(som));
	return resp_page_html(rq, rs, "afwijkingen.html", d, e);
}

/* ---- staff ---- */

static enum status
medewerkers_pagina(struct request *rq, struct response *rs, const char *sw,
		   const char *zoek, size_t page, json_t *extra,
		   unsigned status, struct err *e)
{
	struct medewerker *m;
	size_t n, size = MEDEWERKERS_PER_PAGINA, van = (page - 1) * size;
	struct err stil = { 0 };
	json_t *d, *arr;

	/* The page links carry both filters, empty when not chosen. */
	if (sw && !*sw)
		sw = NULL;
	if (zoek && !*zoek)
		zoek = NULL;
	if (!sw && !rq->zicht.alles)
		sw = rq->zicht.nbeheer ? rq->zicht.beheer[0] : NULL;
	if ((sw && authz_samenwerking(rq, sw, e)) ||
	    store_medewerker_list(rq->store, &rq->a, sw, zoek, &m, &n, e)) {
		json_decref(extra);
		return e->status;
	}
	d = page_data("Medewerkers", "uren");
	arr = json_array();
	for (size_t i = van; i < n && i < van + size; i++)
		json_array_append_new(arr, present_medewerker_json(&m[i]));
	json_object_set_new(d, "medewerkers", arr);
	json_object_set_new(d, "aantal", json_integer((json_int_t)n));
	if (n > size)
		json_object_set_new(d, "bladeren", bladeren(page, size, n));
	json_object_set_new(d, "samenwerking", jstr(sw));
	json_object_set_new(d, "zoek", jstr(zoek));
	/* Importing: who may write staff of some cooperation. */
	json_object_set_new(
		d, "magImporteren",
		json_boolean(
			auth_has_role(&rq->who, ROL_BEHEERDER, NULL) ||
			(sw && authz_samenwerking(rq, sw, &stil) == ST_OK) ||
			(!sw && rq->zicht.nbeheer > 0)));
	json_object_set_new(d, "formCsrf", jstr(rq->who.csrf));
	if (extra) {
		json_object_update(d, extra);
		json_decref(extra);
	}
	if (resp_page_html(rq, rs, "medewerkers.html", d, e))
		return e->status;
	rs->status = status;
	return ST_OK;
}

enum status
page_medewerkers(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "samenwerking", "zoek", "page",
					    NULL };
	size_t page, size;

	if (req_check_query(rq, keys, e) || req_page(rq, &page, &size, e))
		return e->status;
	return medewerkers_pagina(rq, rs, kv_get(&rq->query, "samenwerking"),
				  kv_get(&rq->query, "zoek"), page, NULL, 200,
				  e);
}

/* A staff file from the form (docs/hours-file.md): every problem by line,
 * or how many were added and updated; "alleen controleren" keeps
 * nothing. */
enum status
page_medewerkers_import(struct request *rq, struct response *rs, struct err *e)
{
	size_t nieuw = 0, gewijzigd = 0;
	bool proef = kv_get(&rq->form, "proef") != NULL;
	json_t *x = json_object();

	if (req_check_query(rq, NULL, e)) {
		json_decref(x);
		return e->status;
	}
	if (!rq->multipart || !rq->upload_name || !*rq->upload_name)
		err_invalid(e, "bestand", "required",
			    "Kies een bestand met medewerkers.");
	else
		medewerkers_import_verzoek(rq, rq->upload ? rq->upload : "",
					   rq->upload_len, proef, &nieuw,
					   &gewijzigd, e);
	if (e->status == ST_INVALID || e->status == ST_CONFLICT) {
		json_t *arr = json_array();
		for (size_t i = 0; i < e->nproblems; i++) {
			char buf[sizeof e->problems[i].reason + 80];
			snprintf(buf, sizeof buf, "%s%s%s", e->problems[i].name,
				 e->problems[i].name[0] ? ": " : "",
				 e->problems[i].reason);
			json_array_append_new(arr, json_string(buf));
		}
		if (e->nproblems == 0)
			json_array_append_new(arr, json_string(e->message));
		json_object_set_new(x, "importProblemen", arr);
		unsigned st = e->status == ST_CONFLICT ? 409 : 400;
		err_clear(e);
		return medewerkers_pagina(rq, rs, NULL, NULL, 1, x, st, e);
	}
	if (e->status) {
		json_decref(x);
		return e->status;
	}
	char buf[160];
	snprintf(buf, sizeof buf, "%s: %zu %s toegevoegd, %zu bijgewerkt%s.",
		 rq->upload_name, nieuw,
		 nieuw == 1 ? "medewerker" : "medewerkers", gewijzigd,
		 proef ? " (alleen gecontroleerd: niets opgeslagen)" : "");
	json_object_set_new(x, "importUitkomst", json_string(buf));
	return medewerkers_pagina(rq, rs, NULL, NULL, 1, x, 200, e);
}

static enum status
medewerker_pagina(struct request *rq, struct response *rs,
		  const struct medewerker *m, json_t *extra, unsigned status,
		  struct err *e)
{
	json_t *d = page_data("Medewerker", "uren");
	json_t *x = present_medewerker_json(m);
	char fte[16] = "";

	if (m->fte > 0)
		snprintf(fte, sizeof(fte), "%d,%03d", m->fte / 1000,
			 m->fte % 1000);
	json_object_set_new(x, "fteTekst", json_string(fte));
	json_object_set_new(d, "medewerker", x);
	return formulier_pagina(rq, rs, "medewerker.html", d, extra, status, e);
}

enum status
page_medewerker(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "samenwerking", NULL };
	struct medewerker m;

	if (req_check_query(rq, keys, e) ||
	    medewerker_van(rq, req_param(rq, "nummer"), &m, e))
		return e->status;
	return medewerker_pagina(rq, rs, &m, NULL, 200, e);
}

/* A date field of a form: empty clears it. */
static day_t
form_datum(const char *v, const char *veld, struct err *e)
{
	day_t d;

	if (!*v)
		return DATE_NONE;
	if (date_parse(v, &d)) {
		err_invalid(e, veld, "date",
			    "'%.20s' is geen datum; schrijf JJJJ-MM-DD.", v);
		return DATE_NONE;
	}
	return d;
}

enum status
page_medewerker_post(struct request *rq, struct response *rs, struct err *e)
{
	const char *nummer = req_param(rq, "nummer");
	struct kvlist form = { 0 };
	struct medewerker m, oud;
	const char *v;
	json_t *x;

	static const char *const keys[] = { "samenwerking", NULL };

	if (req_check_query(rq, keys, e) ||
	    medewerker_van(rq, nummer, &oud, e) ||
	    urlenc_parse(&rq->a, rq->body ? rq->body : "", rq->body_len,
			 "formulier", &form, e))
		return e->status;
	m = oud;
	if ((v = kv_get(&form, "naam")))
		m.naam = v;
	if ((v = kv_get(&form, "werkgever")))
		m.werkgever = v;
	if ((v = kv_get(&form, "eenheid")))
		m.eenheid = v;
	if ((v = kv_get(&form, "standplaats")))
		m.standplaats = v;
	if ((v = kv_get(&form, "fte")) &&
	    medewerker_parse_fte(v, "fte", &m.fte, e))
		m.fte = -1;
	if ((v = kv_get(&form, "van")))
		m.periode.van = form_datum(v, "van", e);
	if ((v = kv_get(&form, "tot")))
		m.periode.tot = form_datum(v, "tot", e);
	/* The store refuses a unit of another cooperation. */
	if (e->status == ST_OK || e->status == ST_INVALID)
		store_medewerker_wijzig(rq->store, &oud, &m, e);
	x = json_object();
	if (e->status == ST_INVALID) {
		json_t *arr = json_array();

		err_dedupe(e);
		for (size_t i = 0; i < e->nproblems; i++) {
			json_t *p = json_object();

			json_object_set_new(p, "veld",
					    json_string(e->problems[i].name));
			json_object_set_new(p, "melding",
					    json_string(e->problems[i].reason));
			json_array_append_new(arr, p);
		}
		json_object_set_new(x, "problemen", arr);
		err_clear(e);
		return medewerker_pagina(rq, rs, &m, x, 400, e);
	}
	if (e->status) {
		json_decref(x);
		return e->status;
	}
	if (store_medewerker_get(rq->store, &rq->a, oud.nummer,
				 oud.samenwerking, "samenwerking", &m, e)) {
		json_decref(x);
		return e->status;
	}
	json_object_set_new(x, "opgeslagen", json_true());
	return medewerker_pagina(rq, rs, &m, x, 200, e);
}
