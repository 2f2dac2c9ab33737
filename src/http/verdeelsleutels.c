/*
 * verdeelsleutels.c - how a cooperation splits a year, on a page and in
 * the API: the support method, each unit's role and key, what support
 * units deliver, weights set by hand, maatwerk and the members' advances.
 * The page has a form for each (one thing at a time, each problem at its
 * field); GET and PATCH /api/v1/verdeelsleutels/{samenwerking}/{jaar} read
 * them and set any number of them in one transaction. Both go through the
 * same setters, the settings of `ambt verdeling rol`, `levering`,
 * `gewicht`, `maatwerk`, `voorschot` and `methode`. docs/allocation.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "auth.h"
#include "body.h"
#include "urlencoded.h"
#include "../core/kosten.h"
#include "../core/kostenverdeling.h"
#include "../core/register.h"
#include "../core/text.h"
#include "../present/json.h"
#include "../present/present.h"
#include "../banned.h"

/* What the page knows of the year: the cooperation, its units, members
 * and taakvelden, and the settings. */
struct jaar_ctx {
	const char *sw;
	int jaar;
	struct samenwerking s;
	struct kosten_jaar k;
	struct eenheid_op *eh;
	size_t neh;
	struct lidmaatschap *leden;
	size_t nleden;
	struct taakveld *tv;
	size_t ntv;
};

static enum status
ctx_lees(struct request *rq, const char *sw, int jaar, struct jaar_ctx *c,
	 struct err *e)
{
	memset(c, 0, sizeof *c);
	c->sw = sw;
	c->jaar = jaar;
	if (store_samenwerking_get(rq->store, &rq->a, sw, &c->s, e) ||
	    authz_kosten_lezen(rq, sw, e) ||
	    store_kosten_jaar(rq->store, &rq->a, sw, jaar, &c->k, e) ||
	    store_eenheden_op(rq->store, &rq->a, sw, rq->today, &c->eh, &c->neh,
			      e) ||
	    store_samenwerking_leden(rq->store, &rq->a, sw, &c->leden,
				     &c->nleden, e))
		return e->status;
	return store_taakveld_list(rq->store, &rq->a, jaar, &c->tv, &c->ntv, e);
}

static const char *
eenheid_naam(const struct jaar_ctx *c, const char *code)
{
	for (size_t i = 0; code && i < c->neh; i++)
		if (strcmp(c->eh[i].eenheid.code, code) == 0)
			return c->eh[i].eenheid.naam;
	return NULL;
}

/* A member during the year (any part of it). */
static const char *
lid_naam(const struct jaar_ctx *c, const char *gemeente)
{
	day_t begin = date_from_ymd(c->jaar, 1, 1);
	day_t eind = date_from_ymd(c->jaar, 12, 31);
	for (size_t i = 0; gemeente && i < c->nleden; i++) {
		const struct lidmaatschap *l = &c->leden[i];
		if (strcmp(l->gemeente, gemeente) == 0 &&
		    l->periode.van <= eind &&
		    (l->periode.tot == DATE_NONE || l->periode.tot > begin))
			return l->gemeente_naam ? l->gemeente_naam
						: l->gemeente;
	}
	return NULL;
}

static const char *
methode_nl(enum kv_methode m)
{
	switch (m) {
	case KV_DIRECT_METHODE:
		return "rechtstreeks: elke ondersteunende eenheid direct naar "
		       "de primaire eenheden";
	case KV_STEP_DOWN:
		return "stapsgewijs: de ondersteunende eenheden één voor één, "
		       "in hun volgorde";
	case KV_RECIPROCAAL:
		return "wederzijds: de ondersteunende eenheden ondersteunen "
		       "ook elkaar";
	case KV_METHODE_GEEN:
		break;
	}
	return "niet gekozen: stapsgewijs als de ondersteunende eenheden een "
	       "volgorde hebben, anders wederzijds";
}

static json_t *
bedrag(int64_t cent)
{
	char buf[48];
	present_bedrag_nl(cent, buf, sizeof buf);
	return json_string(buf);
}

static json_t *
getal(long long v)
{
	char buf[32];
	present_getal_nl(v, buf, sizeof buf);
	return json_string(buf);
}

/* Every problem of a form belongs at its field. */
static void
zin(const struct problem *p, char *buf, size_t n, const char **veld)
{
	*veld = p->name;
	snprintf(buf, n, "%s", p->reason);
}

static enum status
pagina(struct request *rq, struct response *rs, const char *sw, int jaar,
       const char *formulier, json_t *extra, unsigned status, struct err *e)
{
	struct jaar_ctx c;
	struct err stil = { 0 };

	if (ctx_lees(rq, sw, jaar, &c, e)) {
		json_decref(extra);
		return e->status;
	}
	json_t *d = page_data("Verdeelsleutels", "samenwerkingen");
	json_object_set_new(d, "samenwerking", present_samenwerking_json(&c.s));
	json_object_set_new(d, "jaar", json_integer(jaar));
	json_object_set_new(d, "vorigJaar", json_integer(jaar - 1));
	json_object_set_new(d, "volgendJaar", json_integer(jaar + 1));
	json_object_set_new(d, "methode", json_string(methode_nl(c.k.methode)));

	/* Every unit with its role: primary by realised hours unless set. */
	json_t *eenheden = json_array();
	for (size_t i = 0; i < c.neh; i++) {
		const struct eenheid *u = &c.eh[i].eenheid;
		const struct kosten_rol *r = NULL;
		for (size_t j = 0; j < c.k.nrollen; j++)
			if (strcmp(c.k.rollen[j].eenheid, u->code) == 0)
				r = &c.k.rollen[j];
		json_t *o = json_object();
		json_object_set_new(o, "code", jstr(u->code));
		json_object_set_new(o, "naam", jstr(u->naam));
		json_object_set_new(o, "rol",
				    json_string(r && r->ondersteunend
							? "ondersteunend"
							: "primair"));
		json_object_set_new(
			o, "grondslag",
			json_string(r && r->ondersteunend ? "via leveringen"
				    : r && r->basis != KV_GEEN
					    ? kv_basis_nl(r->basis)
					    : "gerealiseerde uren"));
		const char *tv = r ? r->taakveld : NULL;
		char tvt[200] = "";
		for (size_t j = 0; tv && j < c.ntv; j++)
			if (strcmp(c.tv[j].code, tv) == 0)
				snprintf(tvt, sizeof tvt, "%s (%s)",
					 c.tv[j].naam, tv);
		if (tv && !tvt[0])
			snprintf(tvt, sizeof tvt, "%s", tv);
		json_object_set_new(o, "taakveld",
				    tvt[0] ? json_string(tvt) : json_null());
		if (r && r->volgorde > 0)
			json_object_set_new(o, "volgorde",
					    json_integer(r->volgorde));
		json_object_set_new(o, "ingesteld", json_boolean(r != NULL));
		json_array_append_new(eenheden, o);
	}
	json_object_set_new(d, "eenheden", eenheden);

	json_t *lev = json_array();
	for (size_t i = 0; i < c.k.nleveringen; i++) {
		const struct kosten_levering *l = &c.k.leveringen[i];
		const char *van = eenheid_naam(&c, l->van),
			   *aan = eenheid_naam(&c, l->aan);
		json_t *o = json_object();
		json_object_set_new(o, "van", jstr(van ? van : l->van));
		json_object_set_new(o, "aan", jstr(aan ? aan : l->aan));
		json_object_set_new(o, "gewicht", getal(l->gewicht));
		json_object_set_new(o, "a", jstr(l->van));
		json_object_set_new(o, "b", jstr(l->aan));
		json_array_append_new(lev, o);
	}
	json_object_set_new(d, "leveringen", lev);

	json_t *gew = json_array();
	for (size_t i = 0; i < c.k.ngewichten; i++) {
		const struct kosten_gewicht *g = &c.k.gewichten[i];
		const char *eh = eenheid_naam(&c, g->eenheid),
			   *gm = lid_naam(&c, g->gemeente);
		json_t *o = json_object();
		json_object_set_new(o, "eenheid", jstr(eh ? eh : g->eenheid));
		json_object_set_new(o, "gemeente", jstr(gm ? gm : g->gemeente));
		json_object_set_new(o, "gewicht", getal(g->gewicht));
		json_object_set_new(o, "a", jstr(g->eenheid));
		json_object_set_new(o, "b", jstr(g->gemeente));
		json_array_append_new(gew, o);
	}
	json_object_set_new(d, "gewichten", gew);

	json_t *mw = json_array();
	for (size_t i = 0; i < c.k.nmaatwerk; i++) {
		const struct kv_maatwerk *m = &c.k.maatwerk[i];
		const char *eh = eenheid_naam(&c, m->afdeling),
			   *gm = lid_naam(&c, m->gemeente);
		char uren[48];
		present_uren_nl(m->uren, uren, sizeof uren);
		json_t *o = json_object();
		json_object_set_new(o, "eenheid", jstr(eh ? eh : m->afdeling));
		json_object_set_new(o, "gemeente", jstr(gm ? gm : m->gemeente));
		json_object_set_new(o, "uren", json_string(uren));
		json_object_set_new(o, "tarief", bedrag(m->tarief));
		json_object_set_new(o, "a", jstr(m->afdeling));
		json_object_set_new(o, "b", jstr(m->gemeente));
		json_array_append_new(mw, o);
	}
	json_object_set_new(d, "maatwerk", mw);

	json_t *vs = json_array();
	int64_t vtotaal = 0;
	for (size_t i = 0; i < c.k.nvoorschotten; i++) {
		const struct kv_gewicht *v = &c.k.voorschotten[i];
		const char *gm = lid_naam(&c, v->gemeente);
		json_t *o = json_object();
		json_object_set_new(o, "gemeente", jstr(gm ? gm : v->gemeente));
		json_object_set_new(o, "bedrag", bedrag(v->waarde));
		json_object_set_new(o, "b", jstr(v->gemeente));
		json_array_append_new(vs, o);
		vtotaal += v->waarde;
	}
	json_object_set_new(d, "voorschotten", vs);
	json_object_set_new(d, "voorschotTotaal", bedrag(vtotaal));

	/* The choices of the forms: the members during the year. */
	json_t *gk = json_array(), *tk = json_array(), *sk = json_array(),
	       *mk = json_array();
	for (size_t i = 0; i < c.nleden; i++) {
		const char *n = lid_naam(&c, c.leden[i].gemeente);
		bool dubbel = false;
		for (size_t j = 0; j < i; j++)
			dubbel |= strcmp(c.leden[j].gemeente,
					 c.leden[i].gemeente) == 0;
		if (n && !dubbel)
			keuze_add(gk, c.leden[i].gemeente, n);
	}
	for (size_t i = 0; i < c.ntv; i++)
		keuze_add(tk, c.tv[i].code, c.tv[i].naam);
	keuze_add(sk, "primair", "primair");
	keuze_add(sk, "ondersteunend", "ondersteunend");
	keuze_add(mk, "direct", "rechtstreeks");
	keuze_add(mk, "step_down", "stapsgewijs");
	keuze_add(mk, "reciprocal", "wederzijds");
	/* Each select its choices; the form that was refused keeps what was
	 * chosen in it. */
	json_t *ek = keuze_eenheden(c.eh, c.neh), *bk = keuze_grondslagen();
	const struct {
		const char *form, *veld;
		json_t *lijst;
	} selects[] = {
		{ "rol", "eenheid", ek },	 { "rol", "soort", sk },
		{ "rol", "grondslag", bk },	 { "rol", "taakveld", tk },
		{ "levering", "van", ek },	 { "levering", "aan", ek },
		{ "gewicht", "eenheid", ek },	 { "gewicht", "gemeente", gk },
		{ "maatwerk", "eenheid", ek },	 { "maatwerk", "gemeente", gk },
		{ "voorschot", "gemeente", gk }, { "methode", "methode", mk },
	};
	json_t *kies = json_object();
	json_t *inv = extra ? json_object_get(extra, "invoer") : NULL;
	for (size_t i = 0; i < sizeof selects / sizeof *selects; i++) {
		char k[40];
		const char *waarde = NULL;
		if (formulier && strcmp(formulier, selects[i].form) == 0)
			waarde = json_string_value(
				json_object_get(inv, selects[i].veld));
		snprintf(k, sizeof k, "%s-%s", selects[i].form,
			 selects[i].veld);
		json_object_set_new(kies, k,
				    keuze_kies(selects[i].lijst, waarde));
	}
	json_object_set_new(d, "kies", kies);
	json_decref(ek);
	json_decref(bk);
	json_decref(sk);
	json_decref(mk);
	json_decref(gk);
	json_decref(tk);
	json_object_set_new(
		d, "magWijzigen",
		json_boolean(authz_samenwerking(rq, sw, &stil) == ST_OK));
	json_object_set_new(d, "formCsrf", jstr(rq->who.csrf));
	/* An adopted year: its calculation does not change with the keys. */
	int64_t vast;
	if (store_kostenverdeling_vastgesteld(rq->store, sw, jaar, &vast, e)) {
		json_decref(d);
		json_decref(extra);
		return e->status;
	}
	if (vast)
		json_object_set_new(d, "vastgesteldeBerekening",
				    json_integer(vast));
	/* Problems belong to the form that was sent. */
	if (formulier && extra) {
		json_t *f = json_object();
		json_object_set(f, formulier, json_true());
		json_object_set_new(d, "formulier", f);
	}
	if (extra) {
		json_object_update(d, extra);
		json_decref(extra);
	}
	if (resp_page_html(rq, rs, "verdeelsleutels.html", d, e))
		return e->status;
	rs->status = status;
	return ST_OK;
}

enum status
page_verdeelsleutels(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "jaar", "opgeslagen", NULL };
	const char *sw = req_param(rq, "code");
	const char *jt = kv_get(&rq->query, "jaar");
	int jaar = 0, m, d;

	if (req_check_query(rq, keys, e))
		return e->status;
	if (jt)
		req_jaar(jt, &jaar, e);
	else
		date_to_ymd(rq->today, &jaar, &m, &d);
	if (e->status)
		return e->status;
	json_t *x = NULL;
	const char *ok = kv_get(&rq->query, "opgeslagen");
	if (ok) {
		x = json_object();
		json_object_set_new(x,
				    strcmp(ok, "verwijderd") == 0
					    ? "verwijderd"
					    : "opgeslagen",
				    json_true());
	}
	return pagina(rq, rs, sw, jaar, NULL, x, 200, e);
}

/* A form's field; NULL when left empty. */
static const char *
veld(const struct kvlist *f, const char *naam)
{
	const char *v = kv_get(f, naam);
	return v && *v ? v : NULL;
}

/* A whole number of the form in [min, max], named `naam`. */
static int64_t
heel(const struct kvlist *f, const char *naam, int64_t min, int64_t max,
     bool verplicht, struct err *e)
{
	const char *v = veld(f, naam);
	int64_t n = 0;
	if (!v) {
		if (verplicht)
			err_invalid(e, naam, "required", "Vul een getal in.");
		return 0;
	}
	if (req_int(v, naam, min, max, &n, e))
		return 0;
	return n;
}

/* An amount in euro of the form; cents. */
static int64_t
euro(const struct kvlist *f, const char *naam, bool negatief_mag, struct err *e)
{
	const char *v = veld(f, naam);
	int64_t c = 0;
	if (!v)
		err_invalid(e, naam, "required",
			    "Vul een bedrag in euro in, bijvoorbeeld "
			    "1.234,56.");
	else if (kosten_bedrag_parse(v, &c) != 0 || c > KV_MAX_BEDRAG ||
		 c < -KV_MAX_BEDRAG)
		err_invalid(e, naam, "format",
			    "Schrijf een bedrag in euro, bijvoorbeeld "
			    "1.234,56.");
	else if (c < 0 && !negatief_mag)
		err_invalid(e, naam, "negative", "Het bedrag is nul of meer.");
	return c;
}

static void
eigen_eenheid(const struct jaar_ctx *c, const char *code, const char *naam,
	      struct err *e)
{
	if (!code)
		err_invalid(e, naam, "required", "Kies een eenheid.");
	else if (!eenheid_naam(c, code))
		err_invalid(e, naam, "unknown",
			    "Eenheid %.64s hoort niet bij %.20s.", code, c->sw);
}

static void
eigen_lid(const struct jaar_ctx *c, const char *code, struct err *e)
{
	if (!code)
		err_invalid(e, "gemeente", "required", "Kies een gemeente.");
	else if (!lid_naam(c, code))
		err_invalid(e, "gemeente", "not-member",
			    "Gemeente %.20s is in %d geen lid van %.20s.", code,
			    c->jaar, c->sw);
}

/*
 * The setters shared by the page and the API: each checks what only the
 * year can tell (the cooperation's units and members, the names of kinds,
 * bases and methods; numbers were range-checked where they were read)
 * and stores the setting when neither it nor anything before it had a
 * problem (`vooraf`: the problems before it).
 */
static bool
schoon(const struct err *e, size_t vooraf)
{
	return e->status == ST_OK && e->nproblems == vooraf;
}

static void
zet_methode(struct request *rq, const struct jaar_ctx *c, const char *m,
	    struct err *e)
{
	size_t vooraf = e->nproblems;
	enum kv_methode km = kv_methode_van(m);
	if (!m || km == KV_METHODE_GEEN)
		err_invalid(e, "methode", "enum",
			    "Kies een methode uit de lijst.");
	if (schoon(e, vooraf))
		store_kostenmethode_zet(rq->store, c->sw, c->jaar, km, e);
}

static void
zet_rol(struct request *rq, const struct jaar_ctx *c, const char *eenheid,
	const char *soort, const char *grondslag, const char *taakveld,
	int64_t volgorde, struct err *e)
{
	size_t vooraf = e->nproblems;
	struct kosten_rol r = { .eenheid = eenheid,
				.taakveld = taakveld,
				.volgorde = (int)volgorde };
	eigen_eenheid(c, eenheid, "eenheid", e);
	if (!soort || (strcmp(soort, "primair") != 0 &&
		       strcmp(soort, "ondersteunend") != 0))
		err_invalid(e, "soort", "enum",
			    "Kies primair of ondersteunend.");
	r.ondersteunend = soort && strcmp(soort, "ondersteunend") == 0;
	r.basis = kv_basis_van(grondslag);
	if (grondslag && (r.basis == KV_GEEN || r.basis == KV_DIRECT))
		err_invalid(e, "grondslag", "enum",
			    "Kies een grondslag uit de lijst.");
	if (schoon(e, vooraf))
		store_kostenrol_zet(rq->store, c->jaar, &r, e);
}

static void
zet_levering(struct request *rq, const struct jaar_ctx *c, const char *van,
	     const char *aan, int64_t gewicht, struct err *e)
{
	size_t vooraf = e->nproblems;
	struct kosten_levering l = { van, aan, gewicht };
	eigen_eenheid(c, van, "van", e);
	eigen_eenheid(c, aan, "aan", e);
	if (schoon(e, vooraf))
		store_kostenlevering_zet(rq->store, c->jaar, &l, e);
}

static void
zet_gewicht(struct request *rq, const struct jaar_ctx *c, const char *eenheid,
	    const char *gemeente, int64_t gewicht, struct err *e)
{
	size_t vooraf = e->nproblems;
	struct kosten_gewicht g = { eenheid, gemeente, gewicht };
	eigen_eenheid(c, eenheid, "eenheid", e);
	eigen_lid(c, gemeente, e);
	if (schoon(e, vooraf))
		store_kostengewicht_zet(rq->store, c->jaar, &g, e);
}

static void
zet_maatwerk(struct request *rq, const struct jaar_ctx *c, const char *eenheid,
	     const char *gemeente, int64_t uren, int64_t tarief, struct err *e)
{
	size_t vooraf = e->nproblems;
	struct kv_maatwerk m = { .gemeente = gemeente,
				 .afdeling = eenheid,
				 .uren = uren,
				 .tarief = tarief };
	eigen_eenheid(c, eenheid, "eenheid", e);
	eigen_lid(c, gemeente, e);
	if (schoon(e, vooraf))
		store_maatwerk_zet(rq->store, c->jaar, &m, e);
}

static void
zet_voorschot(struct request *rq, const struct jaar_ctx *c,
	      const char *gemeente, int64_t bedrag, struct err *e)
{
	size_t vooraf = e->nproblems;
	eigen_lid(c, gemeente, e);
	if (schoon(e, vooraf))
		store_voorschot_zet(rq->store, c->sw, c->jaar, gemeente, bedrag,
				    e);
}

/*
 * Removes a delivery (van `a` aan `b`), a weight by hand or maatwerk (of
 * unit `a` for member `b`) or an advance (of member `b`) of the year.
 */
static void
haal_weg(struct request *rq, const struct jaar_ctx *c,
	 enum kosten_instelling wat, const char *a, const char *b,
	 struct err *e)
{
	size_t vooraf = e->nproblems;
	if (wat == KI_LEVERING) {
		eigen_eenheid(c, a, "van", e);
		eigen_eenheid(c, b, "aan", e);
	} else {
		if (wat != KI_VOORSCHOT)
			eigen_eenheid(c, a, "eenheid", e);
		eigen_lid(c, b, e);
	}
	if (schoon(e, vooraf) &&
	    store_kosteninstelling_delete(rq->store, wat, c->jaar,
					  wat == KI_VOORSCHOT ? c->sw : a, b,
					  e) == ST_NOT_FOUND) {
		/* Nothing before had a problem: said as one of this item. */
		char zin[sizeof e->message];
		snprintf(zin, sizeof zin, "%s", e->message);
		err_clear(e);
		err_invalid(e, "", "not-set", "%s", zin);
	}
}

/* Hours of the form as 120,5: hundredths, read the way cents are. */
static int64_t
uren(const struct kvlist *f, struct err *e)
{
	const char *u = veld(f, "uren");
	int64_t h = 0;
	if (!u || kosten_bedrag_parse(u, &h) != 0 || h < 0 || h > KV_MAX_BEDRAG)
		err_invalid(e, "uren", "format",
			    "Vul een aantal uren in, bijvoorbeeld 120,5.");
	return h;
}

enum status
page_verdeelsleutels_post(struct request *rq, struct response *rs,
			  struct err *e)
{
	const char *sw = req_param(rq, "code");
	struct kvlist f = { 0 };
	struct samenwerking s;
	struct jaar_ctx c;
	int jaar = 0;

	if (req_check_query(rq, NULL, e) ||
	    store_samenwerking_get(rq->store, &rq->a, sw, &s, e) ||
	    authz_samenwerking(rq, sw, e) ||
	    urlenc_parse(&rq->a, rq->body ? rq->body : "", rq->body_len,
			 "formulier", &f, e))
		return e->status;
	const char *jt = kv_get(&f, "jaar");
	const char *wat = kv_get(&f, "wat");
	if (req_jaar(jt ? jt : "", &jaar, e))
		return e->status;
	if (ctx_lees(rq, sw, jaar, &c, e))
		return e->status;
	if (!wat) {
		return err_invalid(e, "wat", "required",
				   "Het formulier is onvolledig; begin "
				   "opnieuw.");
	} else if (strcmp(wat, "methode") == 0) {
		zet_methode(rq, &c, veld(&f, "methode"), e);
	} else if (strcmp(wat, "rol") == 0) {
		int64_t v =
			heel(&f, "volgorde", 0, KOSTEN_MAX_VOLGORDE, false, e);
		zet_rol(rq, &c, veld(&f, "eenheid"), veld(&f, "soort"),
			veld(&f, "grondslag"), veld(&f, "taakveld"), v, e);
	} else if (strcmp(wat, "levering") == 0) {
		int64_t g = heel(&f, "gewicht", 0, KV_MAX_BEDRAG, true, e);
		zet_levering(rq, &c, veld(&f, "van"), veld(&f, "aan"), g, e);
	} else if (strcmp(wat, "gewicht") == 0) {
		int64_t g = heel(&f, "gewicht", 0, KV_MAX_BEDRAG, true, e);
		zet_gewicht(rq, &c, veld(&f, "eenheid"), veld(&f, "gemeente"),
			    g, e);
	} else if (strcmp(wat, "maatwerk") == 0) {
		int64_t u = uren(&f, e);
		int64_t t = euro(&f, "tarief", false, e);
		zet_maatwerk(rq, &c, veld(&f, "eenheid"), veld(&f, "gemeente"),
			     u, t, e);
	} else if (strcmp(wat, "voorschot") == 0) {
		int64_t b = euro(&f, "bedrag", true, e);
		zet_voorschot(rq, &c, veld(&f, "gemeente"), b, e);
	} else if (strcmp(wat, "verwijderen") == 0) {
		static const char *const soorten[] = {
			[KI_LEVERING] = "levering",
			[KI_GEWICHT] = "gewicht",
			[KI_MAATWERK] = "maatwerk",
			[KI_VOORSCHOT] = "voorschot",
		};
		const char *so = veld(&f, "soort");
		size_t k = 0;
		while (so && k < 4 && strcmp(soorten[k], so) != 0)
			k++;
		if (!so || k == 4)
			return err_invalid(e, "soort", "enum",
					   "Het formulier is onvolledig; "
					   "begin opnieuw.");
		haal_weg(rq, &c, (enum kosten_instelling)k, veld(&f, "a"),
			 veld(&f, "b"), e);
		/* A removal that went wrong is said above the forms. */
		if (e->status == ST_INVALID) {
			json_t *x = form_problemen_json(e, zin);
			err_clear(e);
			return pagina(rq, rs, sw, jaar, NULL, x, 400, e);
		}
		if (e->status)
			return e->status;
		wat = "verwijderd";
	} else {
		return err_invalid(e, "wat", "enum",
				   "Het formulier is onvolledig; begin "
				   "opnieuw.");
	}
	if (e->status == ST_INVALID || e->status == ST_CONFLICT) {
		unsigned st = e->status == ST_CONFLICT ? 409 : 400;
		json_t *x = form_problemen_json(e, zin);
		json_t *inv = json_object();
		for (size_t i = 0; i < f.n; i++)
			json_object_set_new(inv, f.items[i].key,
					    json_string(f.items[i].value));
		json_object_set_new(x, "invoer", inv);
		err_clear(e);
		return pagina(rq, rs, sw, jaar, wat, x, st, e);
	}
	if (e->status)
		return e->status;
	char loc[160], esw[64];
	urlenc_encode(sw, esw, sizeof esw);
	snprintf(loc, sizeof loc,
		 "/samenwerkingen/%s/verdeelsleutels?jaar=%d&opgeslagen=%s",
		 esw, jaar, wat);
	return page_see_other(rq, rs, loc);
}

/* ---- the API: /api/v1/verdeelsleutels/{samenwerking}/{jaar} ---- */

#define LIJST_MAX 1000 /* items of one kind in one request */

static json_t *
instellingen_json(const struct jaar_ctx *c)
{
	json_t *o = json_object(), *eh = json_array(), *lev = json_array(),
	       *gew = json_array(), *mw = json_array(), *vs = json_array();

	json_object_set_new(o, "samenwerking", jstr(c->sw));
	json_object_set_new(o, "jaar", json_integer(c->jaar));
	json_object_set_new(
		o, "methode",
		c->k.methode == KV_METHODE_GEEN
			? json_null()
			: json_string(kv_methode_naam(c->k.methode)));
	for (size_t i = 0; i < c->neh; i++) {
		const struct kosten_rol *r = NULL;
		for (size_t j = 0; j < c->k.nrollen; j++)
			if (strcmp(c->k.rollen[j].eenheid,
				   c->eh[i].eenheid.code) == 0)
				r = &c->k.rollen[j];
		json_t *x = json_object();
		json_object_set_new(x, "eenheid", jstr(c->eh[i].eenheid.code));
		json_object_set_new(x, "soort",
				    json_string(r && r->ondersteunend
							? "ondersteunend"
							: "primair"));
		json_object_set_new(
			x, "grondslag",
			r && r->basis != KV_GEEN
				? json_string(kv_basis_naam(r->basis))
				: json_null());
		json_object_set_new(x, "taakveld",
				    jstr(r ? r->taakveld : NULL));
		json_object_set_new(x, "volgorde",
				    r && r->volgorde > 0
					    ? json_integer(r->volgorde)
					    : json_null());
		json_object_set_new(x, "ingesteld", json_boolean(r != NULL));
		json_array_append_new(eh, x);
	}
	for (size_t i = 0; i < c->k.nleveringen; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "van", jstr(c->k.leveringen[i].van));
		json_object_set_new(x, "aan", jstr(c->k.leveringen[i].aan));
		json_object_set_new(x, "gewicht",
				    json_integer(c->k.leveringen[i].gewicht));
		json_array_append_new(lev, x);
	}
	for (size_t i = 0; i < c->k.ngewichten; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "eenheid",
				    jstr(c->k.gewichten[i].eenheid));
		json_object_set_new(x, "gemeente",
				    jstr(c->k.gewichten[i].gemeente));
		json_object_set_new(x, "gewicht",
				    json_integer(c->k.gewichten[i].gewicht));
		json_array_append_new(gew, x);
	}
	for (size_t i = 0; i < c->k.nmaatwerk; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "eenheid",
				    jstr(c->k.maatwerk[i].afdeling));
		json_object_set_new(x, "gemeente",
				    jstr(c->k.maatwerk[i].gemeente));
		json_object_set_new(x, "urenHonderdsten",
				    json_integer(c->k.maatwerk[i].uren));
		json_object_set_new(x, "tariefCenten",
				    json_integer(c->k.maatwerk[i].tarief));
		json_array_append_new(mw, x);
	}
	for (size_t i = 0; i < c->k.nvoorschotten; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "gemeente",
				    jstr(c->k.voorschotten[i].gemeente));
		json_object_set_new(x, "bedragCenten",
				    json_integer(c->k.voorschotten[i].waarde));
		json_array_append_new(vs, x);
	}
	json_object_set_new(o, "eenheden", eh);
	json_object_set_new(o, "leveringen", lev);
	json_object_set_new(o, "gewichten", gew);
	json_object_set_new(o, "maatwerk", mw);
	json_object_set_new(o, "voorschotten", vs);
	return o;
}

/* The cooperation and year of the path, read for the caller. */
static enum status
api_jaar(struct request *rq, bool schrijven, struct jaar_ctx *c, struct err *e)
{
	const char *sw = req_param(rq, "samenwerking");
	struct samenwerking s;
	int jaar = 0;

	if (req_check_query(rq, NULL, e) ||
	    req_jaar(req_param(rq, "jaar"), &jaar, e) ||
	    store_samenwerking_get(rq->store, &rq->a, sw, &s, e) ||
	    (schrijven && authz_samenwerking(rq, sw, e)))
		return e->status;
	return ctx_lees(rq, sw, jaar, c, e);
}

enum status
api_verdeelsleutels_get(struct request *rq, struct response *rs, struct err *e)
{
	struct jaar_ctx c;

	if (api_jaar(rq, false, &c, e))
		return e->status;
	return resp_json(rq, rs, 200, instellingen_json(&c));
}

/* Problems from index `vanaf` on belong to item i of `lijst`. */
static void
van_item(struct err *e, size_t vanaf, const char *lijst, size_t i)
{
	for (size_t k = vanaf; k < e->nproblems; k++) {
		char *naam = e->problems[k].name;
		char buf[sizeof e->problems[k].name + 96];
		snprintf(buf, sizeof buf, "%s[%zu]%s%s", lijst, i,
			 naam[0] ? "." : "", naam);
		size_t n = strlen(buf);
		if (n >= sizeof e->problems[k].name)
			n = sizeof e->problems[k].name - 1;
		memcpy(naam, buf, n);
		naam[n] = '\0';
	}
}

/* The items of `lijst` in the body, each an object with only `keys`;
 * NULL when the body has none. */
static json_t *
items(json_t *body, const char *lijst, const char *const *keys, struct err *e)
{
	json_t *a = json_object_get(body, lijst);
	size_t i;
	json_t *x;

	if (!a || json_is_null(a))
		return NULL;
	if (!json_is_array(a)) {
		err_invalid(e, lijst, "type", "Geef een lijst.");
		return NULL;
	}
	if (json_array_size(a) > LIJST_MAX) {
		err_invalid(e, lijst, "range", "Geef hoogstens %d per keer.",
			    LIJST_MAX);
		return NULL;
	}
	json_array_foreach(a, i, x)
	{
		size_t vooraf = e->nproblems;
		if (!json_is_object(x))
			err_invalid(e, "", "type", "Geef een object.");
		else
			body_check_keys(x, keys, e);
		van_item(e, vooraf, lijst, i);
	}
	return a;
}

/* An item whose value is null removes what was set (as in a JSON merge
 * patch). */
static bool
weg(json_t *x, const char *key)
{
	json_t *v = json_object_get(x, key);
	return v && json_is_null(v);
}

/* ---- the items of a PATCH, one function per list ---- */

static void
item_eenheid(struct request *rq, const struct jaar_ctx *c, json_t *x,
	     struct err *e)
{
	int64_t v = 0;
	const char *eh = body_str(x, "eenheid", true, e);
	const char *so = body_str(x, "soort", true, e);
	const char *gr = body_str(x, "grondslag", false, e);
	const char *tv = body_str(x, "taakveld", false, e);
	text_check_max(tv, "taakveld", REG_MAX_TAAKVELD, e);
	body_int(x, "volgorde", false, 0, KOSTEN_MAX_VOLGORDE, &v, e);
	zet_rol(rq, c, eh, so, gr, tv, v, e);
}

static void
item_levering(struct request *rq, const struct jaar_ctx *c, json_t *x,
	      struct err *e)
{
	int64_t g = 0;
	const char *van = body_str(x, "van", true, e);
	const char *aan = body_str(x, "aan", true, e);
	if (weg(x, "gewicht")) {
		haal_weg(rq, c, KI_LEVERING, van, aan, e);
		return;
	}
	body_int(x, "gewicht", true, 0, KV_MAX_BEDRAG, &g, e);
	zet_levering(rq, c, van, aan, g, e);
}

static void
item_gewicht(struct request *rq, const struct jaar_ctx *c, json_t *x,
	     struct err *e)
{
	int64_t g = 0;
	const char *eh = body_str(x, "eenheid", true, e);
	const char *gm = body_str(x, "gemeente", true, e);
	if (weg(x, "gewicht")) {
		haal_weg(rq, c, KI_GEWICHT, eh, gm, e);
		return;
	}
	body_int(x, "gewicht", true, 0, KV_MAX_BEDRAG, &g, e);
	zet_gewicht(rq, c, eh, gm, g, e);
}

static void
item_maatwerk(struct request *rq, const struct jaar_ctx *c, json_t *x,
	      struct err *e)
{
	int64_t u = 0, t = 0;
	const char *eh = body_str(x, "eenheid", true, e);
	const char *gm = body_str(x, "gemeente", true, e);
	if (weg(x, "urenHonderdsten")) {
		haal_weg(rq, c, KI_MAATWERK, eh, gm, e);
		return;
	}
	body_int(x, "urenHonderdsten", true, 0, KV_MAX_BEDRAG, &u, e);
	body_int(x, "tariefCenten", true, 0, KV_MAX_BEDRAG, &t, e);
	zet_maatwerk(rq, c, eh, gm, u, t, e);
}

static void
item_voorschot(struct request *rq, const struct jaar_ctx *c, json_t *x,
	       struct err *e)
{
	int64_t b = 0;
	const char *gm = body_str(x, "gemeente", true, e);
	if (weg(x, "bedragCenten")) {
		haal_weg(rq, c, KI_VOORSCHOT, NULL, gm, e);
		return;
	}
	body_int(x, "bedragCenten", true, -KV_MAX_BEDRAG, KV_MAX_BEDRAG, &b, e);
	zet_voorschot(rq, c, gm, b, e);
}

/* The lists a PATCH may hold, in the order they are applied. */
static const struct {
	const char *lijst;
	const char *const keys[6];
	void (*zet)(struct request *, const struct jaar_ctx *, json_t *,
		    struct err *);
} patch_lijsten[] = {
	{ "eenheden",
	  { "eenheid", "soort", "grondslag", "taakveld", "volgorde", NULL },
	  item_eenheid },
	{ "leveringen", { "van", "aan", "gewicht", NULL }, item_levering },
	{ "gewichten",
	  { "eenheid", "gemeente", "gewicht", NULL },
	  item_gewicht },
	{ "maatwerk",
	  { "eenheid", "gemeente", "urenHonderdsten", "tariefCenten", NULL },
	  item_maatwerk },
	{ "voorschotten", { "gemeente", "bedragCenten", NULL }, item_voorschot },
};

enum status
api_verdeelsleutels_patch(struct request *rq, struct response *rs,
			  struct err *e)
{
	static const char *const keys[] = { "methode",	  "eenheden",
					    "leveringen", "gewichten",
					    "maatwerk",	  "voorschotten",
					    NULL };
	struct jaar_ctx c;
	json_t *body, *a, *x;
	size_t i;

	if (api_jaar(rq, true, &c, e) || req_json_body(rq, &body, e))
		return e->status;
	if (!json_is_object(body)) {
		json_decref(body);
		return err_invalid(e, "", "type", "Stuur een JSON-object.");
	}
	body_check_keys(body, keys, e);
	if (e->status == ST_OK && store_begin(rq->store, e)) {
		json_decref(body);
		return e->status;
	}
	bool begonnen = e->status == ST_OK;
	if (json_object_get(body, "methode"))
		zet_methode(rq, &c, body_str(body, "methode", true, e), e);
	for (size_t l = 0; l < sizeof patch_lijsten / sizeof *patch_lijsten;
	     l++) {
		const char *lijst = patch_lijsten[l].lijst;
		if (!(a = items(body, lijst, patch_lijsten[l].keys, e)))
			continue;
		json_array_foreach(a, i, x)
		{
			size_t vooraf = e->nproblems;
			if (!json_is_object(x))
				continue;
			patch_lijsten[l].zet(rq, &c, x, e);
			van_item(e, vooraf, lijst, i);
		}
	}
	json_decref(body);
	if (begonnen) {
		if (e->status)
			store_rollback(rq->store);
		else
			store_commit(rq->store, e);
	}
	if (e->status || ctx_lees(rq, c.sw, c.jaar, &c, e))
		return e->status;
	return resp_json(rq, rs, 200, instellingen_json(&c));
}
