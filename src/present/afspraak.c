/*
 * afspraak.c - the front office by appointment in JSON (afspraak.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "afspraak.h"
#include "json.h"
#include "../banned.h"

static const char *const weekdagen[7] = { "maandag",   "dinsdag", "woensdag",
					  "donderdag", "vrijdag", "zaterdag",
					  "zondag" };

const char *
present_weekdag(int weekdag)
{
	return weekdag >= 0 && weekdag < 7 ? weekdagen[weekdag] : NULL;
}

int
present_weekdag_parse(const char *s)
{
	for (int i = 0; s && i < 7; i++)
		if (strcmp(weekdagen[i], s) == 0)
			return i;
	return -1;
}

void
present_minuut(int minuut, char *buf)
{
	if (minuut < 0 || minuut > 1440)
		minuut = 0;
	snprintf(buf, PRESENT_MINUUT_LEN, "%02d:%02d", minuut / 60,
		 minuut % 60);
}

int
present_minuut_parse(const char *s)
{
	int h = 0, m = 0, n = 0;

	if (!s)
		return -1;
	while (s[n] >= '0' && s[n] <= '9' && n < 2)
		h = h * 10 + (s[n++] - '0');
	if (n == 0 || s[n] != ':')
		return -1;
	s += n + 1;
	if (!(s[0] >= '0' && s[0] <= '5' && s[1] >= '0' && s[1] <= '9') ||
	    s[2] != '\0')
		return -1;
	m = (s[0] - '0') * 10 + (s[1] - '0');
	if (h > 24 || (h == 24 && m != 0))
		return -1;
	return h * 60 + m;
}

static json_t *
jminuut(int minuut)
{
	char buf[PRESENT_MINUUT_LEN];

	present_minuut(minuut, buf);
	return json_string(buf);
}

static json_t *
jtijd(int64_t utc)
{
	char buf[AFSPRAAK_TIJD_LEN];

	afspraak_format_tijd(utc, buf);
	return json_string(buf);
}

static int
open_cmp(const void *x, const void *y)
{
	const struct openingstijd *a = x, *b = y;

	if (a->weekdag != b->weekdag)
		return a->weekdag < b->weekdag ? -1 : 1;
	return (a->van > b->van) - (a->van < b->van);
}

json_t *
present_openingstijden_json(const struct openingstijd *o, size_t n)
{
	json_t *j = json_object();
	struct openingstijd *s = n ? malloc(n * sizeof(*s)) : NULL;

	if (n && !s)
		return j;
	if (n) {
		memcpy(s, o, n * sizeof(*s));
		qsort(s, n, sizeof(*s), open_cmp);
	}
	for (int d = 0; d < 7; d++) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++) {
			json_t *r;

			if (s[i].weekdag != d)
				continue;
			r = json_object();
			json_object_set_new(r, "van", jminuut(s[i].van));
			json_object_set_new(r, "tot", jminuut(s[i].tot));
			json_array_append_new(arr, r);
		}
		json_object_set_new(j, weekdagen[d], arr);
	}
	free(s);
	return j;
}

json_t *
present_vestiging_json(const struct vestiging *v)
{
	json_t *j = json_object(), *sl = json_array();

	json_object_set_new(j, "code", jstr(v->code));
	json_object_set_new(j, "gemeente", jstr(v->gemeente));
	json_object_set_new(j, "naam", jstr(v->naam));
	json_object_set_new(j, "kanaal", jstr(kanaal_name(v->kanaal)));
	json_object_set_new(j, "adres", jstr(v->adres));
	json_object_set_new(j, "postcode", jstr(v->postcode));
	json_object_set_new(j, "plaats", jstr(v->plaats));
	json_object_set_new(j, "balies", json_integer(v->balies));
	json_object_set_new(j, "raster", json_integer(v->raster));
	json_object_set_new(j, "goedeVrijdagDicht",
			    json_boolean(v->goede_vrijdag_dicht));
	json_object_set_new(j, "bevrijdingsdagDicht",
			    json_boolean(v->bevrijdingsdag_dicht));
	json_object_set_new(j, "openingstijden",
			    present_openingstijden_json(v->open, v->nopen));
	for (size_t i = 0; i < v->nsluitingen; i++) {
		json_t *s = json_object();

		json_object_set_new(s, "van", jdate(v->sluitingen[i].van));
		json_object_set_new(s, "tot", jdate(v->sluitingen[i].tot));
		json_array_append_new(sl, s);
	}
	json_object_set_new(j, "sluitingen", sl);
	return j;
}

json_t *
present_lijst_json(const char *lijst)
{
	json_t *arr = json_array();
	const char *p = lijst;

	while (p && *p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n)
			json_array_append_new(arr, json_stringn(p, n));
		p = end ? end + 1 : NULL;
	}
	return arr;
}

json_t *
present_balieproduct_json(const struct balieproduct *p)
{
	json_t *j = json_object(), *k = json_array();

	json_object_set_new(j, "code", jstr(p->code));
	json_object_set_new(j, "gemeente", jstr(p->gemeente));
	json_object_set_new(j, "naam", jstr(p->naam));
	json_object_set_new(j, "uplUri", jstr(p->upl_uri));
	json_object_set_new(j, "duur", json_integer(p->duur));
	if (p->fysiek)
		json_array_append_new(k,
				      json_string(kanaal_name(KANAAL_FYSIEK)));
	if (p->video)
		json_array_append_new(k,
				      json_string(kanaal_name(KANAAL_VIDEO)));
	json_object_set_new(j, "kanalen", k);
	json_object_set_new(j, "maxPersonen", json_integer(p->max_personen));
	json_object_set_new(j, "meenemen", jstr(p->meenemen));
	json_object_set_new(j, "vaardigheden",
			    present_lijst_json(p->vaardigheden));
	json_object_set_new(j, "voorbereiding", json_integer(p->voorbereiding));
	json_object_set_new(j, "horizon", json_integer(p->horizon));
	json_object_set_new(j, "buffer", json_integer(p->buffer));
	json_object_set_new(j, "actief", json_boolean(p->actief));
	return j;
}

json_t *
present_dienst_json(const struct dienst *d)
{
	json_t *j = json_object();

	json_object_set_new(j, "id", json_integer((json_int_t)d->id));
	json_object_set_new(j, "medewerker", jstr(d->medewerker));
	json_object_set_new(j, "medewerkerNaam", jstr(d->medewerker_naam));
	json_object_set_new(j, "samenwerking", jstr(d->samenwerking));
	json_object_set_new(j, "vestiging", jstr(d->vestiging));
	json_object_set_new(j, "gemeente", jstr(d->gemeente));
	json_object_set_new(j, "datum", jdate(d->datum));
	json_object_set_new(j, "van", jminuut(d->van));
	json_object_set_new(j, "tot", jminuut(d->tot));
	json_object_set_new(j, "vaardigheden",
			    present_lijst_json(d->vaardigheden));
	json_object_set_new(j, "reeks",
			    d->reeks ? json_integer((json_int_t)d->reeks)
				     : json_null());
	return j;
}

json_t *
present_afspraak_json(const struct afspraak *a, bool intern)
{
	json_t *j = json_object(), *pr = json_array();

	json_object_set_new(j, "referentie", jstr(a->referentie));
	json_object_set_new(j, "gemeente", jstr(a->gemeente));
	json_object_set_new(j, "vestiging", jstr(a->vestiging));
	json_object_set_new(j, "vestigingNaam", jstr(a->vestiging_naam));
	json_object_set_new(j, "kanaal", jstr(kanaal_name(a->kanaal)));
	json_object_set_new(j, "start", jtijd(a->start));
	json_object_set_new(j, "eind", jtijd(a->eind));
	for (size_t i = 0; i < a->nregels; i++) {
		json_t *r = json_object();

		json_object_set_new(r, "product", jstr(a->regels[i].product));
		json_object_set_new(r, "naam", jstr(a->regels[i].naam));
		json_object_set_new(r, "personen",
				    json_integer(a->regels[i].personen));
		json_array_append_new(pr, r);
	}
	json_object_set_new(j, "producten", pr);
	json_object_set_new(j, "status", jstr(afspraak_status_name(a->status)));
	json_object_set_new(j, "naam", jstr(a->naam));
	json_object_set_new(j, "email", jstr(a->email));
	json_object_set_new(j, "telefoon", jstr(a->telefoon));
	if (intern) {
		json_object_set_new(j, "medewerker", jstr(a->medewerker));
		json_object_set_new(j, "balie",
				    a->balie ? json_integer(a->balie)
					     : json_null());
		json_object_set_new(j, "volgnummer",
				    json_integer(a->volgnummer));
		json_object_set_new(j, "aangemaakt", jstr(a->aangemaakt));
		json_object_set_new(j, "gewijzigd", jstr(a->gewijzigd));
	}
	return j;
}

json_t *
present_slot_json(const struct slot *s, const char *vestiging)
{
	json_t *j = json_object();

	json_object_set_new(j, "vestiging", jstr(vestiging));
	json_object_set_new(j, "start", jtijd(s->start));
	json_object_set_new(j, "eind", jtijd(s->eind));
	return j;
}

json_t *
present_vrijgave_json(const struct vrijgave *r)
{
	json_t *j = json_object();
	char d[DATE_ISO_LEN];

	date_format_iso(r->vanaf, d);
	json_object_set_new(j, "id", json_integer(r->id));
	json_object_set_new(j, "gemeente", jstr(r->gemeente));
	json_object_set_new(j, "vanaf", json_string(d));
	json_object_set_new(j, "moment", jtijd(r->moment));
	json_object_set_new(j, "vestiging", jstr(r->vestiging));
	json_object_set_new(j, "product", jstr(r->product));
	return j;
}

json_t *
present_wachtplaats_json(const struct wachtplaats *w, bool met_contact)
{
	json_t *j = json_object();

	json_object_set_new(j, "referentie", jstr(w->referentie));
	json_object_set_new(j, "gemeente", jstr(w->gemeente));
	json_object_set_new(j, "product", jstr(w->product));
	json_object_set_new(j, "productNaam", jstr(w->product_naam));
	if (met_contact) {
		json_object_set_new(j, "naam", jstr(w->naam));
		json_object_set_new(j, "email", jstr(w->email));
	}
	json_object_set_new(j, "aangemeld", jtijd(w->aangemeld));
	if (w->aangeboden) {
		json_object_set_new(
			j, "aanbod",
			json_pack("{s:o, s:o, s:o, s:o}", "vestiging",
				  jstr(w->aanbod_vestiging), "start",
				  jtijd(w->aanbod_start), "eind",
				  jtijd(w->aanbod_eind), "verstuurd",
				  jtijd(w->aangeboden)));
	} else
		json_object_set_new(j, "aanbod", json_null());
	return j;
}
