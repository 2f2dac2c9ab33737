/*
 * present.c - JSON and phrases for domain objects on the command line.
 */
#include "cli_json.h"
#include "present.h"
#include "../banned.h"

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
	json_t *j = json_object(), *b = json_object();

	json_object_set_new(j, "vorm", json_string(vorm_name(r->vorm)));
	json_object_set_new(j, "van", jdate(r->periode.van));
	json_object_set_new(j, "tot", jdate(r->periode.tot));
	json_object_set_new(j, "gemeente", jstr(r->gemeente));
	json_object_set_new(j, "regeling", jstr(r->regeling));
	json_object_set_new(b, "identificatie", jstr(r->besluit));
	json_object_set_new(b, "onderwerp", jstr(r->besluit_onderwerp));
	json_object_set_new(j, "besluit", b);
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
