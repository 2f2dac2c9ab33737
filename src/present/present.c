/*
 * present.c - JSON representations and short phrases for domain objects,
 * shared by the command line and the HTTP API.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "json.h"
#include "present.h"
#include "../banned.h"

void
present_getal_nl(long long v, char *buf, size_t n)
{
	char digits[32];
	unsigned long long a =
		v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
	size_t len, o = 0;

	snprintf(digits, sizeof(digits), "%llu", a);
	len = strlen(digits);
	if (v < 0 && o + 1 < n)
		buf[o++] = '-';
	for (size_t i = 0; i < len && o + 2 < n; i++) {
		if (i && (len - i) % 3 == 0)
			buf[o++] = '.';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
}

void
present_bedrag_nl(int64_t cent, char *buf, size_t n)
{
	char euro[32];
	uint64_t a = cent < 0 ? 0ull - (uint64_t)cent : (uint64_t)cent;

	present_getal_nl((long long)(a / 100), euro, sizeof euro);
	snprintf(buf, n, "%s€ %s,%02u", cent < 0 ? "-" : "", euro,
		 (unsigned)(a % 100));
}

void
present_uren_nl(int64_t h, char *buf, size_t n)
{
	uint64_t a = h < 0 ? (uint64_t)0 - (uint64_t)h : (uint64_t)h;
	size_t len;

	if (h < 0 && n > 1) {
		buf[0] = '-';
		buf++;
		n--;
	}
	present_getal_nl((long long)(a / 100), buf, n);
	len = strlen(buf);
	snprintf(buf + len, n - len, ",%02llu", (unsigned long long)(a % 100));
}

const char *
present_uitkomst_nl(int resultaat, char *buf, size_t n)
{
	switch (resultaat) {
	case 400:
	case 422:
		return "afgewezen: onjuiste invoer";
	case 401:
		return "niet ingelogd";
	case 403:
		return "geweigerd";
	case 404:
		return "niet gevonden";
	case 409:
		return "afgewezen: botst met de bestaande gegevens";
	case 429:
		return "geweigerd: te vaak geprobeerd";
	}
	if (resultaat >= 200 && resultaat < 400)
		return "gelukt";
	if (resultaat >= 500 && resultaat < 600)
		return "mislukt door een storing";
	snprintf(buf, n, "code %d", resultaat);
	return buf;
}

long long
present_as_stap(long long max, int lijnen)
{
	static const long long maal[] = { 1, 2, 5 };
	long long macht = 1;

	if (lijnen < 1)
		lijnen = 1;
	for (;;) {
		for (size_t i = 0; i < 3; i++) {
			long long stap = maal[i] * macht;
			if (stap >= (max + lijnen - 1) / lijnen)
				return stap;
		}
		if (macht > LLONG_MAX / 100)
			return macht * 10;
		macht *= 10;
	}
}

int
present_tekst_px(const char *s, int px)
{
	size_t tekens = 0;

	for (; s && *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			tekens++;
	return (int)((tekens * (size_t)px * 7 + 9) / 10);
}

const char *
present_voor_wie(const struct inrichting *r)
{
	switch (r->vorm) {
	case VORM_GEDEELD:
		return "alle leden";
	case VORM_EIGEN:
		return r->gemeente_naam ? r->gemeente_naam : r->gemeente;
	case VORM_ONDERGEBRACHT:
		return r->regeling;
	}
	return "";
}

json_t *
present_inrichting_json(const struct inrichting *r)
{
	json_t *j = json_object(), *b = NULL;

	json_object_set_new(j, "vorm", json_string(vorm_name(r->vorm)));
	json_object_set_new(j, "van", jdate(r->periode.van));
	json_object_set_new(j, "tot", jdate(r->periode.tot));
	json_object_set_new(j, "gemeente", jstr(r->gemeente));
	json_object_set_new(j, "gemeenteNaam", jstr(r->gemeente_naam));
	json_object_set_new(j, "regeling", jstr(r->regeling));
	json_object_set_new(j, "regelingNaam", jstr(r->regeling_naam));
	/* A decision the reader may not read: none at all (the store left
	 * it out). */
	if (r->besluit) {
		b = json_object();
		json_object_set_new(b, "identificatie", jstr(r->besluit));
		json_object_set_new(b, "verantwoordelijkeOrganisatie",
				    jstr(r->besluit_organisatie));
		json_object_set_new(b, "onderwerp", jstr(r->besluit_onderwerp));
	}
	json_object_set_new(j, "besluit", b ? b : json_null());
	return j;
}

json_t *
present_samenwerking_json(const struct samenwerking *sw)
{
	json_t *j = json_object();

	json_object_set_new(j, "code", jstr(sw->code));
	json_object_set_new(j, "naam", jstr(sw->naam));
	json_object_set_new(j, "sinds", jdate(sw->sinds));
	if (sw->centrumgemeente) {
		json_t *c = json_object();
		json_object_set_new(c, "code", jstr(sw->centrumgemeente));
		json_object_set_new(c, "naam", jstr(sw->centrumgemeente_naam));
		json_object_set_new(j, "centrumgemeente", c);
	} else {
		json_object_set_new(j, "centrumgemeente", json_null());
	}
	json_object_set_new(j, "omschrijving", jstr(sw->omschrijving));
	return j;
}

json_t *
present_besluit_json(const struct besluit *b)
{
	json_t *j = json_object();

	json_object_set_new(j, "identificatie", jstr(b->identificatie));
	json_object_set_new(j, "verantwoordelijkeOrganisatie",
			    jstr(b->verantwoordelijke_organisatie));
	json_object_set_new(
		j, "bestuursorgaan",
		json_string(bestuursorgaan_name(b->bestuursorgaan)));
	json_object_set_new(j, "datum", jdate(b->datum));
	json_object_set_new(j, "ingangsdatum", jdate(b->ingangsdatum));
	json_object_set_new(j, "vervaldatum", jdate(b->vervaldatum));
	json_object_set_new(
		j, "vervalreden",
		b->vervalreden == VERVAL_GEEN
			? json_null()
			: json_string(vervalreden_name(b->vervalreden)));
	json_object_set_new(j, "publicatiedatum", jdate(b->publicatiedatum));
	json_object_set_new(j, "onderwerp", jstr(b->onderwerp));
	json_object_set_new(j, "toelichting", jstr(b->toelichting));
	json_object_set_new(j, "portefeuillehouder",
			    jstr(b->portefeuillehouder));
	json_object_set_new(j, "afdeling", jstr(b->afdeling));
	json_object_set_new(j, "openbaarheid",
			    json_string(openbaarheid_name(b->openbaarheid)));
	json_object_set_new(j, "geheimTot", jdate(b->geheim_tot));
	json_object_set_new(j, "status",
			    json_string(besluit_status_name(b->status)));
	json_object_set_new(j, "verzonnen", json_boolean(b->verzonnen));
	if (b->nhistorie) {
		json_t *h = json_array();
		for (size_t i = 0; i < b->nhistorie; i++) {
			json_t *s = json_object();
			json_object_set_new(s, "status",
					    json_string(besluit_status_name(
						    b->historie[i].status)));
			json_object_set_new(s, "datum",
					    jdate(b->historie[i].datum));
			json_object_set_new(s, "toelichting",
					    jstr(b->historie[i].toelichting));
			json_array_append_new(h, s);
		}
		json_object_set_new(j, "statusHistorie", h);
	}
	return j;
}

json_t *
present_gemeente_json(const struct organisatie *o)
{
	json_t *j = json_object();

	json_object_set_new(j, "code", jstr(o->code));
	json_object_set_new(j, "naam", jstr(o->naam));
	json_object_set_new(j, "provincie", jstr(o->provincie));
	json_object_set_new(j, "inwoners",
			    o->inwoners >= 0 ? json_integer(o->inwoners)
					     : json_null());
	json_object_set_new(j, "peildatum", jdate(o->inwoners_peildatum));
	return j;
}

json_t *
present_regeling_json(const struct organisatie *o)
{
	json_t *j = json_object();

	json_object_set_new(j, "code", jstr(o->code));
	json_object_set_new(j, "naam", jstr(o->naam));
	json_object_set_new(j, "taak", jstr(o->taak));
	json_object_set_new(j, "verzonnen", json_boolean(o->verzonnen));
	return j;
}

json_t *
present_lid_json(const struct lidmaatschap *l)
{
	json_t *j = json_object();

	json_object_set_new(j, "gemeente", jstr(l->gemeente));
	json_object_set_new(j, "naam", jstr(l->gemeente_naam));
	json_object_set_new(j, "van", jdate(l->periode.van));
	json_object_set_new(j, "tot", jdate(l->periode.tot));
	json_object_set_new(j, "besluit", jstr(l->besluit));
	json_object_set_new(j, "besluitOrganisatie",
			    jstr(l->besluit_organisatie));
	return j;
}

json_t *
present_eenheid_json(const struct eenheid *u)
{
	json_t *j = json_object();

	json_object_set_new(j, "code", jstr(u->code));
	json_object_set_new(j, "naam", jstr(u->naam));
	json_object_set_new(j, "soort",
			    json_string(eenheid_soort_name(u->soort)));
	json_object_set_new(j, "samenwerking", jstr(u->samenwerking));
	json_object_set_new(j, "omschrijving", jstr(u->omschrijving));
	json_object_set_new(j, "verzonnen", json_boolean(u->verzonnen));
	return j;
}

json_t *
present_kader_json(const struct kader_artikel *k)
{
	json_t *j = json_object(), *vs = json_array();

	json_object_set_new(j, "nummer", json_integer(k->nummer));
	json_object_set_new(j, "titel", jstr(k->titel));
	for (size_t i = 0; i < k->nversies; i++) {
		const struct kader_versie *v = &k->versies[i];
		json_t *o = json_object(), *units = json_array();

		json_object_set_new(o, "van", jdate(v->periode.van));
		json_object_set_new(o, "tot", jdate(v->periode.tot));
		json_object_set_new(o, "tekst", jstr(v->tekst));
		json_object_set_new(o, "besluit", jstr(v->besluit));
		json_object_set_new(o, "besluitOrganisatie",
				    jstr(v->besluit_organisatie));
		for (size_t u = 0; u < v->neenheden; u++)
			json_array_append_new(units, jstr(v->eenheden[u]));
		json_object_set_new(o, "eenheden", units);
		json_array_append_new(vs, o);
	}
	json_object_set_new(j, "versies", vs);
	return j;
}

json_t *
present_werkstroom_json(const struct werkstroom *w)
{
	json_t *j = json_object(), *ms = json_array();

	json_object_set_new(j, "code", jstr(w->code));
	json_object_set_new(j, "naam", jstr(w->naam));
	json_object_set_new(j, "samenwerking", jstr(w->samenwerking));
	json_object_set_new(j, "eigenaar", jstr(w->eigenaar));
	json_object_set_new(j, "omschrijving", jstr(w->omschrijving));
	for (size_t i = 0; i < w->nmijlpalen; i++) {
		const struct mijlpaal *m = &w->mijlpalen[i];
		json_t *o = json_object();

		json_object_set_new(o, "naam", jstr(m->naam));
		json_object_set_new(o, "gepland", jdate(m->gepland));
		json_object_set_new(
			o, "status",
			json_string(mijlpaal_status_name(m->status)));
		json_object_set_new(o, "uitkomst", jstr(m->uitkomst));
		json_object_set_new(o, "verzonnen", json_boolean(m->verzonnen));
		json_array_append_new(ms, o);
	}
	json_object_set_new(j, "mijlpalen", ms);
	return j;
}

json_t *
present_taakveld_json(const struct taakveld *t)
{
	json_t *j = json_object();

	json_object_set_new(j, "code", jstr(t->code));
	json_object_set_new(j, "naam", jstr(t->naam));
	json_object_set_new(j, "hoofdtaakveld", jstr(t->hoofdtaakveld));
	json_object_set_new(j, "hoofdtaakveldNaam",
			    jstr(t->hoofdtaakveld_naam));
	json_object_set_new(j, "eersteBoekjaar",
			    t->eerste_jaar ? json_integer(t->eerste_jaar)
					   : json_null());
	json_object_set_new(j, "laatsteBoekjaar",
			    t->laatste_jaar ? json_integer(t->laatste_jaar)
					    : json_null());
	return j;
}

json_t *
present_audit_json(const struct audit_entry *a)
{
	json_t *o = json_object(), *w = json_object();

	json_object_set_new(o, "uuid", jstr(a->uuid));
	json_object_set_new(o, "bron", json_string("ambt"));
	json_object_set_new(o, "gebruikersId", jstr(a->gebruikers_id));
	json_object_set_new(o, "gebruikersWeergave",
			    jstr(a->gebruikers_weergave));
	json_object_set_new(o, "actie", jstr(a->actie));
	json_object_set_new(o, "actieWeergave", jstr(a->actie_weergave));
	json_object_set_new(o, "resultaat", json_integer(a->resultaat));
	json_object_set_new(o, "resource", jstr(a->resource));
	json_object_set_new(o, "resourceWeergave", jstr(a->resource_weergave));
	json_object_set_new(o, "toelichting", jstr(a->toelichting));
	json_object_set_new(o, "aanmaakdatum", jstr(a->aanmaakdatum));
	json_object_set_new(o, "herkomst", jstr(a->herkomst));
	json_object_set_new(o, "scope", jstr(a->scope));
	json_object_set_new(w, "oud",
			    a->oud ? json_loads(a->oud, 0, NULL) : json_null());
	json_object_set_new(w, "nieuw",
			    a->nieuw ? json_loads(a->nieuw, 0, NULL)
				     : json_null());
	json_object_set_new(o, "wijzigingen", w);
	return o;
}
