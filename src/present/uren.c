/*
 * uren.c - hours in JSON; see uren.h.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "json.h"
#include "present.h"
#include "uren.h"
#include "../banned.h"

json_t *
present_uren(int64_t h)
{
	char buf[32];
	uint64_t a = h < 0 ? (uint64_t)0 - (uint64_t)h : (uint64_t)h;

	snprintf(buf, sizeof(buf), "%s%" PRIu64 ".%02" PRIu64, h < 0 ? "-" : "",
		 a / 100, a % 100);
	return json_string(buf);
}

json_t *
present_medewerker_json(const struct medewerker *m)
{
	json_t *o = json_object();

	json_object_set_new(o, "personeelsnummer", jstr(m->nummer));
	json_object_set_new(o, "samenwerking", jstr(m->samenwerking));
	json_object_set_new(o, "naam", jstr(m->naam));
	json_object_set_new(o, "werkgever", jstr(m->werkgever));
	json_object_set_new(o, "werkgeverNaam", jstr(m->werkgever_naam));
	json_object_set_new(o, "eenheid", jstr(m->eenheid));
	json_object_set_new(o, "eenheidNaam", jstr(m->eenheid_naam));
	json_object_set_new(o, "standplaats", jstr(m->standplaats));
	json_object_set_new(o, "fteDuizendsten",
			    m->fte ? json_integer(m->fte) : json_null());
	json_object_set_new(o, "van", jdate(m->periode.van));
	json_object_set_new(o, "tot", jdate(m->periode.tot));
	json_object_set_new(o, "aangemaaktDoorBatch",
			    m->bron_batch ? json_integer(m->bron_batch)
					  : json_null());
	return o;
}

json_t *
present_batch_json(const struct uren_batch *b)
{
	json_t *o = json_object();

	json_object_set_new(o, "batch", json_integer(b->id));
	json_object_set_new(o, "samenwerking", jstr(b->samenwerking));
	json_object_set_new(o, "bestand", jstr(b->bestand));
	json_object_set_new(o, "hash", json_string(b->hash));
	json_object_set_new(o, "ingelezen", jstr(b->ingelezen));
	json_object_set_new(o, "door", jstr(b->door));
	json_object_set_new(o, "rijen", json_integer(b->rijen));
	json_object_set_new(o, "honderdsten", json_integer(b->honderdsten));
	json_object_set_new(o, "uren", present_uren(b->honderdsten));
	json_object_set_new(o, "medewerkers", json_integer(b->medewerkers));
	json_object_set_new(o, "gemeenten", json_integer(b->gemeenten));
	json_object_set_new(o, "afwijkingen", json_integer(b->afwijkingen));
	json_object_set_new(o, "van", jdate(b->van));
	json_object_set_new(o, "tot", jdate(b->tot));
	json_object_set_new(o, "vervangenDoor",
			    b->vervangen_door ? json_integer(b->vervangen_door)
					      : json_null());
	return o;
}

json_t *
present_uren_problemen_json(const struct uren_resultaat *r)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < r->nproblemen; i++) {
		const struct uren_probleem *p = &r->problemen[i];
		json_t *o = json_object();

		json_object_set_new(o, "regel",
				    p->regel
					    ? json_integer((json_int_t)p->regel)
					    : json_null());
		json_object_set_new(o, "kolom", jstr(p->kolom));
		json_object_set_new(o, "code", jstr(p->code));
		json_object_set_new(o, "melding", jstr(p->melding));
		json_array_append_new(arr, o);
	}
	return arr;
}

static json_t *
bp_json(int32_t bp)
{
	return json_integer(bp);
}

json_t *
present_verdeling_json(const struct uren_verdeling *v, const char *sw)
{
	json_t *o = json_object(), *regels = json_array(),
	       *gemeenten = json_array();
	char label[24];

	json_object_set_new(o, "samenwerking", jstr(sw));
	json_object_set_new(o, "jaar", json_integer(v->jaar));
	json_object_set_new(o, "per", json_string(uren_per_naam(v->per)));
	json_object_set_new(o, "honderdsten", json_integer(v->totaal));
	json_object_set_new(o, "uren", present_uren(v->totaal));
	json_object_set_new(o, "vorigJaarHonderdsten",
			    json_integer(v->vorig_totaal));
	for (size_t i = 0; i < v->ngemeenten; i++) {
		const struct uren_aandeel *g = &v->gemeenten[i];
		json_t *x = json_object();

		json_object_set_new(x, "gemeente", jstr(g->gemeente));
		json_object_set_new(x, "gemeenteNaam", jstr(g->gemeente_naam));
		json_object_set_new(x, "honderdsten",
				    json_integer(g->honderdsten));
		json_object_set_new(x, "uren", present_uren(g->honderdsten));
		json_object_set_new(x, "aandeelBasispunten",
				    bp_json(g->aandeel));
		json_object_set_new(x, "vorigJaarHonderdsten",
				    g->vorig_bekend ? json_integer(g->vorig)
						    : json_null());
		json_object_set_new(x, "vorigJaarAandeelBasispunten",
				    g->vorig_bekend ? bp_json(g->vorig_aandeel)
						    : json_null());
		json_object_set_new(x, "verschilBasispunten",
				    g->vorig_bekend ? bp_json(g->verschil)
						    : json_null());
		json_array_append_new(gemeenten, x);
	}
	json_object_set_new(o, "verdeling", gemeenten);
	for (size_t i = 0; i < v->nregels; i++) {
		const struct uren_totaalregel *r = &v->regels[i];
		json_t *x = json_object();

		uren_periode_label(r->jaar, v->per, r->periode, label,
				   sizeof(label));
		json_object_set_new(x, "eenheid", jstr(r->eenheid));
		json_object_set_new(x, "eenheidNaam", jstr(r->eenheid_naam));
		json_object_set_new(x, "periode", json_string(label));
		json_object_set_new(x, "gemeente", jstr(r->gemeente));
		json_object_set_new(x, "gemeenteNaam", jstr(r->gemeente_naam));
		json_object_set_new(x, "honderdsten",
				    json_integer(r->honderdsten));
		json_object_set_new(x, "uren", present_uren(r->honderdsten));
		json_object_set_new(x, "aandeelBasispunten",
				    bp_json(r->aandeel));
		json_array_append_new(regels, x);
	}
	json_object_set_new(o, "totalen", regels);
	return o;
}

void
present_afwijking_reden(const struct uren_afwijking_groep *g, char *buf,
			size_t n)
{
	const struct inrichting *in = g->inrichting;

	switch (g->afwijking) {
	case AFW_ANDERE_GEMEENTE:
		snprintf(buf, n, "werkte alleen voor %s",
			 in && in->gemeente_naam ? in->gemeente_naam
			 : in			 ? in->gemeente
						 : "een andere gemeente");
		return;
	case AFW_ONDERGEBRACHT:
		snprintf(buf, n, "ondergebracht bij %s",
			 in && in->regeling
				 ? in->regeling
				 : "een gemeenschappelijke regeling");
		return;
	case AFW_GEEN_LID:
		snprintf(buf, n, "gemeente geen lid van de samenwerking");
		return;
	case AFW_GEEN_INRICHTING:
		snprintf(buf, n, "geen inrichting op die dagen");
		return;
	case AFW_GEEN:
		break;
	}
	snprintf(buf, n, "volgens de inrichting");
}

json_t *
present_afwijkingen_json(const struct uren_register *r,
			 const struct uren_afwijking_groep *g, size_t n,
			 const char *sw, day_t van, day_t tot)
{
	json_t *o = json_object(), *arr = json_array();
	int64_t totaal = 0;

	json_object_set_new(o, "samenwerking", jstr(sw));
	json_object_set_new(o, "van", jdate(van));
	json_object_set_new(o, "tot", jdate(tot));
	for (size_t i = 0; i < n; i++) {
		const struct uren_afwijking_groep *x = &g[i];
		const struct inrichting *in = x->inrichting;
		json_t *a = json_object();

		totaal += x->honderdsten;
		json_object_set_new(a, "eenheid",
				    jstr(r->eenheden[x->eenheid].code));
		json_object_set_new(a, "eenheidNaam",
				    jstr(r->eenheden[x->eenheid].naam));
		json_object_set_new(a, "gemeente",
				    jstr(r->gemeenten[x->gemeente].code));
		json_object_set_new(a, "gemeenteNaam",
				    jstr(r->gemeenten[x->gemeente].naam));
		json_object_set_new(
			a, "reden",
			json_string(uren_afwijking_naam(x->afwijking)));
		json_object_set_new(
			a, "uitleg",
			json_string(uren_afwijking_uitleg(x->afwijking)));
		{
			char kort[160];

			present_afwijking_reden(x, kort, sizeof(kort));
			json_object_set_new(a, "redenKort", json_string(kort));
		}
		json_object_set_new(a, "inrichting",
				    in ? json_string(vorm_name(in->vorm))
				       : json_null());
		json_object_set_new(a, "inrichtingGemeente",
				    jstr(in ? in->gemeente : NULL));
		json_object_set_new(a, "inrichtingRegeling",
				    jstr(in ? in->regeling : NULL));
		json_object_set_new(a, "inrichtingBesluit",
				    jstr(in ? in->besluit : NULL));
		json_object_set_new(a, "inrichtingBesluitOrganisatie",
				    jstr(in ? in->besluit_organisatie : NULL));
		json_object_set_new(a, "kaderArtikel",
				    x->artikel
					    ? json_integer(x->artikel->nummer)
					    : json_null());
		json_object_set_new(
			a, "kaderArtikelTitel",
			jstr(x->artikel ? x->artikel->titel : NULL));
		json_object_set_new(
			a, "kaderBesluit",
			jstr(x->versie ? x->versie->besluit : NULL));
		json_object_set_new(
			a, "kaderBesluitOrganisatie",
			jstr(x->versie ? x->versie->besluit_organisatie
				       : NULL));
		json_object_set_new(a, "eersteDag", jdate(x->eerste));
		json_object_set_new(a, "laatsteDag", jdate(x->laatste));
		json_object_set_new(a, "dagen",
				    json_integer((json_int_t)x->dagen));
		json_object_set_new(a, "rijen", json_integer(x->rijen));
		json_object_set_new(a, "honderdsten",
				    json_integer(x->honderdsten));
		json_object_set_new(a, "uren", present_uren(x->honderdsten));
		json_array_append_new(arr, a);
	}
	json_object_set_new(o, "honderdsten", json_integer(totaal));
	json_object_set_new(o, "uren", present_uren(totaal));
	json_object_set_new(o, "afwijkingen", arr);
	return o;
}
