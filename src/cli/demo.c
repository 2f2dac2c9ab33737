/*
 * demo.c - load a register document (docs/register-document.md) into the
 * store, all in one transaction; the demo data is such a document,
 * embedded from data/demo.json.
 *
 * Decoding is strict: an unknown key, a value of the wrong type or an
 * invalid date is a problem named by its path in the document
 * ("samenwerkingen[1].eenheden[4].inrichting[1].van"), and any problem
 * leaves the database unchanged.
 */
#include <stdio.h>
#include <string.h>
#include <jansson.h>

#include "cli.h"
#include "embedded.h"
#include "../present/afspraak.h"
#include "../store/store_afspraak.h"
#include "../banned.h"

struct loader {
	struct store *s;
	struct arena a;
	struct err *e;
	day_t today;
	/* sleutel -> identificatie */
	const char **sleutels, **idents, **orgs;
	size_t nbesluiten, cap;
};

/* Put `prefix.` before the names of problems from index `from` on. */
static void
prefix_problems(struct err *e, size_t from, const char *prefix)
{
	char buf[sizeof(e->problems[0].name)];

	for (size_t i = from; i < e->nproblems; i++) {
		/* A path too long for the field is cut off, never overrun. */
		if (snprintf(buf, sizeof(buf), "%s.%s", prefix,
			     e->problems[i].name) < 0)
			continue;
		memcpy(e->problems[i].name, buf, sizeof(buf));
	}
}

static void
check_keys(struct loader *l, json_t *obj, const char *path,
	   const char *const *allowed)
{
	const char *key;
	json_t *v;

	json_object_foreach(obj, key, v)
	{
		const char *const *k;

		for (k = allowed; *k; k++)
			if (strcmp(*k, key) == 0)
				break;
		if (!*k)
			err_invalid(l->e, fmt_a(&l->a, "%s.%s", path, key),
				    "unknown-field",
				    "Onbekend veld '%s' op deze plek.", key);
	}
}

/* Optional string member; NULL when absent or null. */
static const char *
str(struct loader *l, json_t *obj, const char *key, const char *path,
    bool required)
{
	json_t *v = json_object_get(obj, key);

	if (!v || json_is_null(v)) {
		if (required)
			err_invalid(l->e, fmt_a(&l->a, "%s.%s", path, key),
				    "required", "Dit veld ontbreekt.");
		return NULL;
	}
	if (!json_is_string(v)) {
		err_invalid(l->e, fmt_a(&l->a, "%s.%s", path, key), "type",
			    "Dit veld moet tekst zijn.");
		return NULL;
	}
	return json_string_value(v);
}

static day_t
date(struct loader *l, json_t *obj, const char *key, const char *path,
     bool required)
{
	const char *s = str(l, obj, key, path, required);
	day_t d;

	if (!s)
		return DATE_NONE;
	if (date_parse(s, &d)) {
		err_invalid(l->e, fmt_a(&l->a, "%s.%s", path, key), "date",
			    "'%.20s' is geen geldige datum (JJJJ-MM-DD).", s);
		return DATE_NONE;
	}
	return d;
}

static bool
flag(struct loader *l, json_t *obj, const char *key, const char *path)
{
	json_t *v = json_object_get(obj, key);

	if (!v || json_is_null(v))
		return false;
	if (!json_is_boolean(v)) {
		err_invalid(l->e, fmt_a(&l->a, "%s.%s", path, key), "type",
			    "Dit veld moet true of false zijn.");
		return false;
	}
	return json_is_true(v);
}

static json_t *
array(struct loader *l, json_t *obj, const char *key, const char *path)
{
	json_t *v = json_object_get(obj, key);

	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_array(v)) {
		err_invalid(l->e, fmt_a(&l->a, "%s.%s", path, key), "type",
			    "Dit veld moet een lijst zijn.");
		return NULL;
	}
	return v;
}

static json_t *
object_at(struct loader *l, json_t *arr, size_t i, const char *path)
{
	json_t *v = json_array_get(arr, i);

	if (!json_is_object(v)) {
		err_invalid(l->e, path, "type", "Hier hoort een object.");
		return NULL;
	}
	return v;
}

/*
 * Resolve a document-local decision key to its identification, and its
 * organisation into *org.
 */
static const char *
besluit_ref(struct loader *l, json_t *obj, const char *path, const char **org)
{
	const char *key = str(l, obj, "besluit", path, false);

	*org = NULL;
	if (!key)
		return NULL;
	for (size_t i = 0; i < l->nbesluiten; i++)
		if (strcmp(l->sleutels[i], key) == 0) {
			*org = l->orgs[i];
			return l->idents[i];
		}
	err_invalid(l->e, fmt_a(&l->a, "%s.besluit", path), "unknown",
		    "Geen besluit met sleutel '%.40s' in het document.", key);
	return NULL;
}

static void
parse_enum(struct loader *l, json_t *obj, const char *key, const char *path,
	   int (*parse)(const char *, void *), void *out, const char *choices,
	   bool required)
{
	const char *s = str(l, obj, key, path, required);

	if (s && parse(s, out))
		err_invalid(l->e, fmt_a(&l->a, "%s.%s", path, key), "enum",
			    "Kies %s.", choices);
}

/* Adapters so that parse_enum can call each typed *_parse function. */
static int
p_orgaan(const char *s, void *out)
{
	return bestuursorgaan_parse(s, out);
}

static int
p_verval(const char *s, void *out)
{
	return vervalreden_parse(s, out);
}

static int
p_openbaar(const char *s, void *out)
{
	return openbaarheid_parse(s, out);
}

static int
p_status(const char *s, void *out)
{
	return besluit_status_parse(s, out);
}

static int
p_soort(const char *s, void *out)
{
	return eenheid_soort_parse(s, out);
}

static int
p_vorm(const char *s, void *out)
{
	return vorm_parse(s, out);
}

static int
p_mijlpaal(const char *s, void *out)
{
	return mijlpaal_status_parse(s, out);
}

static int
load_besluiten(struct loader *l, json_t *doc)
{
	static const char *const keys[] = { "sleutel",
					    "identificatie",
					    "verantwoordelijkeOrganisatie",
					    "bestuursorgaan",
					    "datum",
					    "ingangsdatum",
					    "vervaldatum",
					    "vervalreden",
					    "publicatiedatum",
					    "onderwerp",
					    "toelichting",
					    "portefeuillehouder",
					    "afdeling",
					    "openbaarheid",
					    "geheimTot",
					    "statusHistorie",
					    "verzonnen",
					    NULL };
	static const char *const stap_keys[] = { "status", "datum",
						 "toelichting", NULL };
	json_t *arr = array(l, doc, "besluiten", "document");
	size_t n = json_array_size(arr);

	l->sleutels = arena_calloc(&l->a, n + 1, sizeof(char *));
	l->idents = arena_calloc(&l->a, n + 1, sizeof(char *));
	l->orgs = arena_calloc(&l->a, n + 1, sizeof(char *));
	if (!l->sleutels || !l->idents || !l->orgs)
		return err_set(l->e, ST_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; i < n; i++) {
		const char *path = fmt_a(&l->a, "besluiten[%zu]", i);
		json_t *o = object_at(l, arr, i, path), *hist;
		struct besluit b = { 0 };
		const char *ident = NULL, *sleutel;
		size_t before = l->e->nproblems;

		if (!o)
			continue;
		check_keys(l, o, path, keys);
		sleutel = str(l, o, "sleutel", path, true);
		b.identificatie = str(l, o, "identificatie", path, false);
		b.verantwoordelijke_organisatie =
			str(l, o, "verantwoordelijkeOrganisatie", path, true);
		parse_enum(l, o, "bestuursorgaan", path, p_orgaan,
			   &b.bestuursorgaan,
			   "gemeenteraad, college of burgemeester", true);
		b.datum = date(l, o, "datum", path, true);
		b.ingangsdatum = date(l, o, "ingangsdatum", path, false);
		b.vervaldatum = date(l, o, "vervaldatum", path, false);
		b.vervalreden = VERVAL_GEEN;
		parse_enum(l, o, "vervalreden", path, p_verval, &b.vervalreden,
			   "tijdelijk, ingetrokken_overheid of "
			   "ingetrokken_belanghebbende",
			   false);
		b.publicatiedatum = date(l, o, "publicatiedatum", path, false);
		b.onderwerp = str(l, o, "onderwerp", path, true);
		b.toelichting = str(l, o, "toelichting", path, false);
		b.portefeuillehouder =
			str(l, o, "portefeuillehouder", path, false);
		b.afdeling = str(l, o, "afdeling", path, false);
		parse_enum(l, o, "openbaarheid", path, p_openbaar,
			   &b.openbaarheid,
			   "actief_openbaar, passief_openbaar of geheim", true);
		b.geheim_tot = date(l, o, "geheimTot", path, false);
		b.verzonnen = flag(l, o, "verzonnen", path);
		hist = array(l, o, "statusHistorie", path);
		b.nhistorie = json_array_size(hist);
		b.historie = arena_calloc(&l->a, b.nhistorie + 1,
					  sizeof(*b.historie));
		if (!b.historie)
			return err_set(l->e, ST_NOMEM, "Onvoldoende geheugen.");
		for (size_t j = 0; j < b.nhistorie; j++) {
			const char *hp =
				fmt_a(&l->a, "%s.statusHistorie[%zu]", path, j);
			json_t *h = object_at(l, hist, j, hp);

			if (!h)
				continue;
			check_keys(l, h, hp, stap_keys);
			parse_enum(l, h, "status", hp, p_status,
				   &b.historie[j].status,
				   "voorgesteld, aangehouden, vastgesteld, "
				   "verworpen of ingetrokken",
				   true);
			b.historie[j].datum = date(l, h, "datum", hp, true);
			b.historie[j].toelichting =
				str(l, h, "toelichting", hp, false);
		}
		if (b.nhistorie)
			b.status = b.historie[b.nhistorie - 1].status;
		for (size_t j = 0; sleutel && j < l->nbesluiten; j++)
			if (strcmp(l->sleutels[j], sleutel) == 0)
				err_invalid(l->e,
					    fmt_a(&l->a, "%s.sleutel", path),
					    "unique",
					    "Sleutel '%.40s' komt twee keer "
					    "voor.",
					    sleutel);
		if (l->e->nproblems > before)
			continue;
		if (store_besluit_add(l->s, &l->a, &b, l->today, &ident, NULL,
				      l->e)) {
			if (l->e->status != ST_INVALID)
				return l->e->status;
			prefix_problems(l->e, before, path);
			continue;
		}
		l->sleutels[l->nbesluiten] = sleutel;
		l->orgs[l->nbesluiten] = b.verantwoordelijke_organisatie;
		l->idents[l->nbesluiten++] = ident;
	}
	return l->e->status;
}

/* Decode a list of memberships. */
static struct lidmaatschap *
decode_leden(struct loader *l, json_t *arr, const char *path, size_t *n)
{
	static const char *const keys[] = { "gemeente", "van",	     "tot",
					    "besluit",	"verzonnen", NULL };
	struct lidmaatschap *leden;

	*n = json_array_size(arr);
	leden = arena_calloc(&l->a, *n + 1, sizeof(*leden));
	if (!leden)
		return NULL;
	for (size_t i = 0; i < *n; i++) {
		const char *p = fmt_a(&l->a, "%s[%zu]", path, i);
		json_t *o = object_at(l, arr, i, p);

		if (!o)
			continue;
		check_keys(l, o, p, keys);
		flag(l, o, "verzonnen", p);
		leden[i].gemeente = str(l, o, "gemeente", p, true);
		leden[i].periode.van = date(l, o, "van", p, true);
		leden[i].periode.tot = date(l, o, "tot", p, false);
		leden[i].besluit =
			besluit_ref(l, o, p, &leden[i].besluit_organisatie);
	}
	return leden;
}

/* Run a store call; on problems, prefix them with `path`. */
static bool
stored(struct loader *l, enum status st, size_t before, const char *path)
{
	if (st == ST_OK)
		return true;
	if (st == ST_INVALID)
		prefix_problems(l->e, before, path);
	else
		err_invalid(l->e, path, status_name(st), "%s", l->e->message);
	return false;
}

static int
load_regelingen(struct loader *l, json_t *doc)
{
	static const char *const keys[] = { "code",  "naam",	  "taak",
					    "leden", "verzonnen", NULL };
	json_t *arr = array(l, doc, "regelingen", "document");

	for (size_t i = 0; i < json_array_size(arr); i++) {
		const char *path = fmt_a(&l->a, "regelingen[%zu]", i);
		json_t *o = object_at(l, arr, i, path);
		struct organisatie g = { 0 };
		struct lidmaatschap *leden;
		size_t n, before = l->e->nproblems;

		if (!o)
			continue;
		check_keys(l, o, path, keys);
		g.soort = ORG_REGELING;
		g.code = str(l, o, "code", path, true);
		g.naam = str(l, o, "naam", path, true);
		g.taak = str(l, o, "taak", path, false);
		g.verzonnen = flag(l, o, "verzonnen", path);
		g.inwoners = -1;
		g.inwoners_peildatum = DATE_NONE;
		leden = decode_leden(l, array(l, o, "leden", path),
				     fmt_a(&l->a, "%s.leden", path), &n);
		if (l->e->nproblems > before || !leden)
			continue;
		if (!stored(l, store_organisatie_add(l->s, &g, l->today, l->e),
			    before, path))
			continue;
		for (size_t j = 0; j < n; j++)
			stored(l,
			       store_regeling_lid_add(l->s, g.code, &leden[j],
						      l->e),
			       before, fmt_a(&l->a, "%s.leden[%zu]", path, j));
	}
	return l->e->status;
}

static void
load_eenheden(struct loader *l, json_t *sw, const char *swcode,
	      const char *path)
{
	static const char *const keys[] = { "code",	  "naam",
					    "soort",	  "omschrijving",
					    "inrichting", "verzonnen",
					    NULL };
	static const char *const ikeys[] = { "van",	  "tot",      "vorm",
					     "gemeente",  "regeling", "besluit",
					     "verzonnen", NULL };
	json_t *arr = array(l, sw, "eenheden", path);

	for (size_t i = 0; i < json_array_size(arr); i++) {
		const char *p = fmt_a(&l->a, "%s.eenheden[%zu]", path, i);
		json_t *o = object_at(l, arr, i, p), *hist;
		struct eenheid u = { 0 };
		struct inrichting *h;
		size_t n, before = l->e->nproblems;

		if (!o)
			continue;
		check_keys(l, o, p, keys);
		u.code = str(l, o, "code", p, true);
		u.naam = str(l, o, "naam", p, true);
		u.samenwerking = swcode;
		parse_enum(l, o, "soort", p, p_soort, &u.soort,
			   "afdeling, team of taak", true);
		u.omschrijving = str(l, o, "omschrijving", p, false);
		u.verzonnen = flag(l, o, "verzonnen", p);
		hist = array(l, o, "inrichting", p);
		n = json_array_size(hist);
		if (!(h = arena_calloc(&l->a, n + 1, sizeof(*h))))
			return;
		for (size_t j = 0; j < n; j++) {
			const char *ip =
				fmt_a(&l->a, "%s.inrichting[%zu]", p, j);
			json_t *r = object_at(l, hist, j, ip);

			if (!r)
				continue;
			check_keys(l, r, ip, ikeys);
			flag(l, r, "verzonnen", ip);
			h[j].periode.van = date(l, r, "van", ip, true);
			h[j].periode.tot = date(l, r, "tot", ip, false);
			parse_enum(l, r, "vorm", ip, p_vorm, &h[j].vorm,
				   "gedeeld, eigen of ondergebracht", true);
			h[j].gemeente = str(l, r, "gemeente", ip, false);
			h[j].regeling = str(l, r, "regeling", ip, false);
			h[j].besluit = besluit_ref(l, r, ip,
						   &h[j].besluit_organisatie);
		}
		if (l->e->nproblems > before)
			continue;
		stored(l, store_eenheid_add(l->s, &u, h, n, l->e), before, p);
	}
}

static void
load_kader(struct loader *l, json_t *sw, const char *swcode, const char *path)
{
	static const char *const keys[] = { "nummer", "titel", "versies",
					    NULL };
	static const char *const vkeys[] = { "van",	"tot",	    "tekst",
					     "besluit", "eenheden", "verzonnen",
					     NULL };
	json_t *arr = array(l, sw, "kader", path);

	for (size_t i = 0; i < json_array_size(arr); i++) {
		const char *p = fmt_a(&l->a, "%s.kader[%zu]", path, i);
		json_t *o = object_at(l, arr, i, p), *vs, *num;
		struct kader_artikel k = { 0 };
		size_t before = l->e->nproblems;

		if (!o)
			continue;
		check_keys(l, o, p, keys);
		num = json_object_get(o, "nummer");
		if (!json_is_integer(num))
			err_invalid(l->e, fmt_a(&l->a, "%s.nummer", p), "type",
				    "Het artikelnummer moet een geheel getal "
				    "zijn.");
		else if (json_integer_value(num) >= 1 &&
			 json_integer_value(num) <= REG_MAX_ARTIKEL)
			k.nummer = (int)json_integer_value(num);
		/* Otherwise 0, which the register's own check refuses with
		 * the range. */
		k.titel = str(l, o, "titel", p, false);
		vs = array(l, o, "versies", p);
		k.nversies = json_array_size(vs);
		k.versies =
			arena_calloc(&l->a, k.nversies + 1, sizeof(*k.versies));
		if (!k.versies)
			return;
		for (size_t j = 0; j < k.nversies; j++) {
			const char *vp = fmt_a(&l->a, "%s.versies[%zu]", p, j);
			json_t *v = object_at(l, vs, j, vp), *units;
			struct kader_versie *kv = &k.versies[j];

			if (!v)
				continue;
			check_keys(l, v, vp, vkeys);
			flag(l, v, "verzonnen", vp);
			kv->periode.van = date(l, v, "van", vp, true);
			kv->periode.tot = date(l, v, "tot", vp, false);
			kv->tekst = str(l, v, "tekst", vp, true);
			kv->besluit =
				besluit_ref(l, v, vp, &kv->besluit_organisatie);
			units = array(l, v, "eenheden", vp);
			kv->neenheden = json_array_size(units);
			kv->eenheden = arena_calloc(&l->a, kv->neenheden + 1,
						    sizeof(char *));
			if (!kv->eenheden)
				return;
			for (size_t u = 0; u < kv->neenheden; u++) {
				json_t *c = json_array_get(units, u);
				if (!json_is_string(c))
					err_invalid(
						l->e,
						fmt_a(&l->a, "%s.eenheden[%zu]",
						      vp, u),
						"type",
						"Hier hoort een eenheidscode.");
				else
					kv->eenheden[u] = json_string_value(c);
			}
		}
		if (l->e->nproblems > before)
			continue;
		stored(l, store_kader_artikel_add(l->s, swcode, &k, l->e),
		       before, p);
	}
}

static void
load_werkstromen(struct loader *l, json_t *sw, const char *swcode,
		 const char *path)
{
	static const char *const keys[] = { "code",	 "naam",
					    "eigenaar",	 "omschrijving",
					    "mijlpalen", "verzonnen",
					    NULL };
	static const char *const mkeys[] = { "naam",	 "gepland",   "status",
					     "uitkomst", "verzonnen", NULL };
	json_t *arr = array(l, sw, "werkstromen", path);

	for (size_t i = 0; i < json_array_size(arr); i++) {
		const char *p = fmt_a(&l->a, "%s.werkstromen[%zu]", path, i);
		json_t *o = object_at(l, arr, i, p), *ms;
		struct werkstroom w = { 0 };
		size_t before = l->e->nproblems;

		if (!o)
			continue;
		check_keys(l, o, p, keys);
		flag(l, o, "verzonnen", p);
		w.code = str(l, o, "code", p, true);
		w.naam = str(l, o, "naam", p, true);
		w.eigenaar = str(l, o, "eigenaar", p, false);
		w.omschrijving = str(l, o, "omschrijving", p, false);
		w.samenwerking = swcode;
		ms = array(l, o, "mijlpalen", p);
		w.nmijlpalen = json_array_size(ms);
		w.mijlpalen = arena_calloc(&l->a, w.nmijlpalen + 1,
					   sizeof(*w.mijlpalen));
		if (!w.mijlpalen)
			return;
		for (size_t j = 0; j < w.nmijlpalen; j++) {
			const char *mp =
				fmt_a(&l->a, "%s.mijlpalen[%zu]", p, j);
			json_t *m = object_at(l, ms, j, mp);
			struct mijlpaal *mm = &w.mijlpalen[j];

			if (!m)
				continue;
			check_keys(l, m, mp, mkeys);
			mm->naam = str(l, m, "naam", mp, true);
			mm->gepland = date(l, m, "gepland", mp, true);
			parse_enum(l, m, "status", mp, p_mijlpaal, &mm->status,
				   "gepland, gereed, uitgesteld of vervallen",
				   true);
			mm->uitkomst = str(l, m, "uitkomst", mp, false);
			mm->verzonnen = flag(l, m, "verzonnen", mp);
		}
		if (l->e->nproblems > before)
			continue;
		stored(l, store_werkstroom_add(l->s, &w, l->e), before, p);
	}
}

static int
load_samenwerkingen(struct loader *l, json_t *doc)
{
	static const char *const keys[] = {
		"code",		"naam",	     "sinds",	 "centrumgemeente",
		"omschrijving", "leden",     "eenheden", "kader",
		"werkstromen",	"verzonnen", NULL
	};
	json_t *arr = array(l, doc, "samenwerkingen", "document");

	for (size_t i = 0; i < json_array_size(arr); i++) {
		const char *path = fmt_a(&l->a, "samenwerkingen[%zu]", i);
		json_t *o = object_at(l, arr, i, path);
		struct samenwerking sw = { 0 };
		struct lidmaatschap *leden;
		size_t n, before = l->e->nproblems;

		if (!o)
			continue;
		check_keys(l, o, path, keys);
		flag(l, o, "verzonnen", path);
		sw.code = str(l, o, "code", path, true);
		sw.naam = str(l, o, "naam", path, true);
		sw.sinds = date(l, o, "sinds", path, true);
		sw.centrumgemeente = str(l, o, "centrumgemeente", path, false);
		sw.omschrijving = str(l, o, "omschrijving", path, false);
		leden = decode_leden(l, array(l, o, "leden", path),
				     fmt_a(&l->a, "%s.leden", path), &n);
		if (l->e->nproblems > before || !leden)
			continue;
		if (!stored(l, store_samenwerking_add(l->s, &sw, l->e), before,
			    path))
			continue;
		for (size_t j = 0; j < n; j++)
			stored(l,
			       store_samenwerking_lid_add(l->s, sw.code,
							  &leden[j], l->e),
			       l->e->nproblems,
			       fmt_a(&l->a, "%s.leden[%zu]", path, j));
		load_eenheden(l, o, sw.code, path);
		load_kader(l, o, sw.code, path);
		load_werkstromen(l, o, sw.code, path);
	}
	return l->e->status;
}

/* Opening hours: {"maandag": [{"van": "08:30", "tot": "12:30"}], ...}. */
static struct openingstijd *
decode_open(struct loader *l, json_t *o, const char *path, size_t *n)
{
	static const char *const rkeys[] = { "van", "tot", NULL };
	struct openingstijd *out;
	const char *dag;
	json_t *arr;
	size_t cap = 0;

	*n = 0;
	if (!json_is_object(o)) {
		err_invalid(l->e, path, "type",
			    "Hier horen de openingstijden per weekdag.");
		return NULL;
	}
	json_object_foreach(o, dag, arr)
	{
		cap += json_is_array(arr) ? json_array_size(arr) : 0;
	}
	out = arena_calloc(&l->a, cap + 1, sizeof(*out));
	if (!out)
		return NULL;
	json_object_foreach(o, dag, arr)
	{
		const char *p = fmt_a(&l->a, "%s.%s", path, dag);
		int wd = present_weekdag_parse(dag);

		if (wd < 0) {
			err_invalid(l->e, p, "unknown-field",
				    "Geen weekdag: noem maandag tot en met "
				    "zondag.");
			continue;
		}
		if (!json_is_array(arr)) {
			err_invalid(l->e, p, "type",
				    "Dit veld moet een lijst zijn.");
			continue;
		}
		for (size_t i = 0; i < json_array_size(arr); i++) {
			const char *rp = fmt_a(&l->a, "%s[%zu]", p, i);
			json_t *r = object_at(l, arr, i, rp);
			int van, tot;

			if (!r)
				continue;
			check_keys(l, r, rp, rkeys);
			van = present_minuut_parse(str(l, r, "van", rp, true));
			tot = present_minuut_parse(str(l, r, "tot", rp, true));
			if (van < 0 || van >= 1440 || tot <= van) {
				err_invalid(l->e, rp, "time",
					    "Schrijf een tijdvak als "
					    "{\"van\": \"08:30\", \"tot\": "
					    "\"12:30\"}.");
				continue;
			}
			out[(*n)++] = (struct openingstijd){ wd, van, tot };
		}
	}
	return out;
}

static int
p_kanaal(const char *s, void *out)
{
	return kanaal_parse(s, out);
}

/* The front office's locations (town halls, video desks). */
static int
load_vestigingen(struct loader *l, json_t *doc)
{
	static const char *const keys[] = { "gemeente",
					    "code",
					    "naam",
					    "kanaal",
					    "adres",
					    "postcode",
					    "plaats",
					    "balies",
					    "raster",
					    "goedeVrijdagDicht",
					    "bevrijdingsdagDicht",
					    "openingstijden",
					    "verzonnen",
					    NULL };
	json_t *arr = array(l, doc, "vestigingen", "document");

	for (size_t i = 0; i < json_array_size(arr); i++) {
		const char *path = fmt_a(&l->a, "vestigingen[%zu]", i);
		json_t *o = object_at(l, arr, i, path), *x;
		struct vestiging v = { .raster = 10,
				       .goede_vrijdag_dicht = true };
		int64_t id;
		size_t before = l->e->nproblems;

		if (!o)
			continue;
		check_keys(l, o, path, keys);
		flag(l, o, "verzonnen", path);
		v.gemeente = str(l, o, "gemeente", path, true);
		v.code = str(l, o, "code", path, true);
		v.naam = str(l, o, "naam", path, true);
		parse_enum(l, o, "kanaal", path, p_kanaal, &v.kanaal,
			   "fysiek of video", true);
		v.adres = str(l, o, "adres", path, false);
		v.postcode = str(l, o, "postcode", path, false);
		v.plaats = str(l, o, "plaats", path, false);
		x = json_object_get(o, "balies");
		if (!json_is_integer(x) || json_integer_value(x) < 1 ||
		    json_integer_value(x) > 200)
			err_invalid(l->e, fmt_a(&l->a, "%s.balies", path),
				    "range",
				    "Het aantal balies is 1 tot en met 200.");
		else
			v.balies = (int)json_integer_value(x);
		x = json_object_get(o, "raster");
		if (x && (!json_is_integer(x) || json_integer_value(x) < 5 ||
			  json_integer_value(x) > 60))
			err_invalid(l->e, fmt_a(&l->a, "%s.raster", path),
				    "range",
				    "Het raster is 5 tot en met 60 minuten.");
		else if (x)
			v.raster = (int)json_integer_value(x);
		if (json_object_get(o, "goedeVrijdagDicht"))
			v.goede_vrijdag_dicht =
				flag(l, o, "goedeVrijdagDicht", path);
		v.bevrijdingsdag_dicht =
			flag(l, o, "bevrijdingsdagDicht", path);
		v.open = decode_open(l, json_object_get(o, "openingstijden"),
				     fmt_a(&l->a, "%s.openingstijden", path),
				     &v.nopen);
		if (l->e->nproblems > before)
			continue;
		stored(l, store_vestiging_add(l->s, &v, &id, l->e), before,
		       path);
	}
	return l->e->status;
}

enum status
register_document_load(struct store *s, const char *text, size_t len,
		       day_t today, struct err *e)
{
	static const char *const keys[] = { "toelichting", "regelingen",
					    "besluiten",   "samenwerkingen",
					    "vestigingen", NULL };
	struct loader l = { .s = s, .e = e, .today = today };
	json_error_t jerr;
	json_t *doc;
	enum status st;

	doc = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!doc)
		return err_invalid(e, "document", "json",
				   "Geen geldige JSON (regel %d, kolom %d): %s",
				   jerr.line, jerr.column, jerr.text);
	if (!json_is_object(doc)) {
		json_decref(doc);
		return err_invalid(e, "document", "type",
				   "Het document moet een JSON-object zijn.");
	}
	arena_init(&l.a, 64u << 20);
	if ((st = store_begin(s, e)))
		goto out;
	check_keys(&l, doc, "document", keys);
	if (load_besluiten(&l, doc) == ST_OK &&
	    load_regelingen(&l, doc) == ST_OK &&
	    load_samenwerkingen(&l, doc) == ST_OK)
		load_vestigingen(&l, doc);
	st = e->status;
	if (st == ST_OK)
		st = store_commit(s, e);
	else
		store_rollback(s);
out:
	arena_free(&l.a);
	json_decref(doc);
	return st;
}

enum status
demo_load(struct store *s, day_t today, struct err *e)
{
	return register_document_load(s, (const char *)embed_demo_json,
				      embed_demo_json_len, today, e);
}
