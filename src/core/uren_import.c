/*
 * uren_import.c - checking an hours export against the register, the
 * framework check and its report. See uren_import.h and docs/hours-file.md.
 */
#include <ctype.h>
#include <pthread.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "medewerker.h"
#include "text.h"
#include "uren_csv.h"
#include "uren_import.h"
#include "../banned.h"

/* ---- small hash maps in the arena -------------------------------------- */

/* Strings to indexes; keys compared without regard to ASCII case. */
struct strmap {
	const char **sleutel;
	uint32_t *waarde;
	size_t cap; /* power of two */
};

static uint64_t
hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */

	for (; *s; s++) {
		h ^= (unsigned char)tolower((unsigned char)*s);
		h *= 1099511628211ull;
	}
	return h;
}

static bool
strmap_init(struct strmap *m, struct arena *a, size_t n)
{
	m->cap = 16;
	while (m->cap < 2 * n + 1)
		m->cap *= 2;
	m->sleutel = arena_calloc(a, m->cap, sizeof(*m->sleutel));
	m->waarde = arena_calloc(a, m->cap, sizeof(*m->waarde));
	return m->sleutel && m->waarde;
}

/* Add unless present; the first value for a key wins. */
static void
strmap_put(struct strmap *m, const char *k, uint32_t v)
{
	size_t i = hash_str(k) & (m->cap - 1);

	while (m->sleutel[i]) {
		if (strcasecmp(m->sleutel[i], k) == 0)
			return;
		i = (i + 1) & (m->cap - 1);
	}
	m->sleutel[i] = k;
	m->waarde[i] = v;
}

static long
strmap_get(const struct strmap *m, const char *k)
{
	size_t i = hash_str(k) & (m->cap - 1);

	while (m->sleutel[i]) {
		if (strcasecmp(m->sleutel[i], k) == 0)
			return m->waarde[i];
		i = (i + 1) & (m->cap - 1);
	}
	return -1;
}

/* 64-bit keys (never 0) to a running sum and the first row's index. */
struct telmap {
	uint64_t *sleutel;
	int64_t *som;
	uint32_t *eerste;
	size_t cap, n;
};

static bool
telmap_init(struct telmap *m, struct arena *a, size_t n)
{
	m->cap = 16;
	while (m->cap < 2 * n + 1)
		m->cap *= 2;
	m->n = 0;
	m->sleutel = arena_calloc(a, m->cap, sizeof(*m->sleutel));
	m->som = arena_calloc(a, m->cap, sizeof(*m->som));
	m->eerste = arena_calloc(a, m->cap, sizeof(*m->eerste));
	return m->sleutel && m->som && m->eerste;
}

static size_t
telmap_zoek(const struct telmap *m, uint64_t k)
{
	size_t i = (size_t)((k * 0x9e3779b97f4a7c15ull) >> 20) & (m->cap - 1);

	while (m->sleutel[i] && m->sleutel[i] != k)
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* Twice as large when half full; false when out of memory. */
static bool
telmap_ruimte(struct telmap *m, struct arena *a)
{
	struct telmap g;

	if (m->n * 2 + 2 < m->cap)
		return true;
	if (!telmap_init(&g, a, m->cap))
		return false;
	for (size_t j = 0; j < m->cap; j++)
		if (m->sleutel[j]) {
			size_t t = telmap_zoek(&g, m->sleutel[j]);

			g.sleutel[t] = m->sleutel[j];
			g.som[t] = m->som[j];
			g.eerste[t] = m->eerste[j];
		}
	g.n = m->n;
	*m = g;
	return true;
}

/* The slot of key k (never 0), added with first row `rij` when new. */
static size_t
telmap_slot(struct telmap *m, uint64_t k, uint32_t rij)
{
	size_t i = telmap_zoek(m, k);

	if (!m->sleutel[i]) {
		m->sleutel[i] = k;
		m->eerste[i] = rij;
		m->n++;
	}
	return i;
}

/* ---- the framework check ---------------------------------------------- */

static const char *const afw_namen[] = {
	[AFW_GEEN] = "geen",
	[AFW_GEEN_INRICHTING] = "geen_inrichting",
	[AFW_ANDERE_GEMEENTE] = "andere_gemeente",
	[AFW_ONDERGEBRACHT] = "ondergebracht",
	[AFW_GEEN_LID] = "geen_lid",
};

static const char *const afw_uitleg[] = {
	[AFW_GEEN] = "Volgens de inrichting.",
	[AFW_GEEN_INRICHTING] = "De eenheid had op die dagen geen inrichting "
				"in het register.",
	[AFW_ANDERE_GEMEENTE] = "De eenheid werkte op die dagen alleen voor "
				"een andere gemeente.",
	[AFW_ONDERGEBRACHT] = "Het werk van de eenheid was op die dagen "
			      "ondergebracht bij een gemeenschappelijke "
			      "regeling.",
	[AFW_GEEN_LID] = "De gemeente was op die dagen geen lid van de "
			 "samenwerking.",
};

const char *
uren_afwijking_naam(enum uren_afwijking a)
{
	return (unsigned)a <= AFW_GEEN_LID ? afw_namen[a] : "?";
}

const char *
uren_afwijking_uitleg(enum uren_afwijking a)
{
	return (unsigned)a <= AFW_GEEN_LID ? afw_uitleg[a] : "?";
}

static const struct uren_samenwerking *
samenwerking_van(const struct uren_register *r, const char *code)
{
	for (size_t i = 0; i < r->nsamenwerkingen; i++)
		if (code && strcmp(r->samenwerkingen[i].code, code) == 0)
			return &r->samenwerkingen[i];
	return NULL;
}

static bool
lid_op(const struct uren_samenwerking *sw, const char *gemeente, day_t dag)
{
	for (size_t i = 0; sw && i < sw->nleden; i++)
		if (strcmp(sw->leden[i].gemeente, gemeente) == 0 &&
		    period_contains(sw->leden[i].periode, dag))
			return true;
	return false;
}

void
uren_toets(const struct uren_register *r, size_t eenheid, const char *gemeente,
	   day_t dag, struct uren_toets *out)
{
	const struct uren_eenheid *u = &r->eenheden[eenheid];
	const struct uren_samenwerking *sw =
		samenwerking_van(r, u->samenwerking);
	long i = reg_inrichting_op(u->inrichting, u->ninrichting, dag);

	memset(out, 0, sizeof(*out));
	/* The article whose version in force that day names the unit. */
	for (size_t a = 0; sw && a < sw->nkader && !out->artikel; a++) {
		const struct kader_artikel *k = &sw->kader[a];

		for (size_t v = 0; v < k->nversies && !out->artikel; v++) {
			const struct kader_versie *kv = &k->versies[v];

			if (!period_contains(kv->periode, dag))
				continue;
			for (size_t j = 0; j < kv->neenheden; j++)
				if (strcmp(kv->eenheden[j], u->code) == 0) {
					out->artikel = k;
					out->versie = kv;
					break;
				}
		}
	}
	if (i < 0) {
		out->afwijking = AFW_GEEN_INRICHTING;
		return;
	}
	out->inrichting = &u->inrichting[i];
	switch (out->inrichting->vorm) {
	case VORM_ONDERGEBRACHT:
		out->afwijking = AFW_ONDERGEBRACHT;
		return;
	case VORM_EIGEN:
		if (strcmp(out->inrichting->gemeente, gemeente) != 0) {
			out->afwijking = AFW_ANDERE_GEMEENTE;
			return;
		}
		break;
	case VORM_GEDEELD:
		break;
	}
	if (!lid_op(sw, gemeente, dag))
		out->afwijking = AFW_GEEN_LID;
}

/* ---- checking a file -------------------------------------------------- */

void
uren_format(int64_t h, char *buf, size_t n)
{
	const char *min = h < 0 ? "-" : "";
	uint64_t a = h < 0 ? (uint64_t)0 - (uint64_t)h : (uint64_t)h;

	snprintf(buf, n, "%s%" PRIu64 ",%02" PRIu64, min, a / 100, a % 100);
}

struct controle {
	struct arena *a;
	const struct uren_register *r;
	struct uren_resultaat *out;
	size_t cap_problemen;
	bool nomem;
	struct strmap medewerkers, gemeenten, eenheden, taakvelden, nieuw;
	size_t cap_nieuw;
	const struct uren_opties *opt;
	struct err *e; /* the reader's problems so far */
	size_t geschat; /* rows at most (lines of the file) */
	size_t gelezen; /* rows seen */
	bool kop_bekeken, kop_fout;
	const struct csv_tabel *csv;
	/* The file's cooperation: that of the first row's known unit. */
	const char *samenwerking;
	/* Staff numbers of rows read before it was known: checked once it
	 * is (rows with an unknown unit; the unit's problem stands). */
	struct uitgesteld {
		size_t regel;
		const char *nummer;
		day_t dag; /* the day the hours count on, or DATE_NONE */
	} * uitgesteld;
	size_t nuitgesteld, cap_uitgesteld;
};

/*
 * A staff member's key in the map: their cooperation and number, since
 * staff numbers are unique within a cooperation only. Into buf of n
 * bytes; NULL when it does not fit.
 */
static const char *
mw_sleutel(char *buf, size_t n, const char *samenwerking, const char *nummer)
{
	int k = snprintf(buf, n, "%s\x1f%s", samenwerking ? samenwerking : "",
			 nummer);

	return k >= 0 && (size_t)k < n ? buf : NULL;
}

static void probleem(struct controle *c, size_t regel, const char *kolom,
		     const char *code, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void
probleem(struct controle *c, size_t regel, const char *kolom, const char *code,
	 const char *fmt, ...)
{
	struct uren_resultaat *o = c->out;
	struct uren_probleem *p;
	char buf[512];
	va_list ap;

	if (o->nproblemen == UREN_MAX_PROBLEMEN) {
		o->nweggelaten++;
		return;
	}
	if (o->nproblemen == c->cap_problemen) {
		size_t cap = c->cap_problemen ? 2 * c->cap_problemen : 32;

		p = arena_grow(c->a, o->problemen, o->nproblemen, cap,
			       sizeof(*p));
		if (!p) {
			c->nomem = true;
			return;
		}
		o->problemen = p;
		c->cap_problemen = cap;
	}
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	p = &o->problemen[o->nproblemen++];
	p->regel = regel;
	p->kolom = kolom;
	p->code = code;
	p->melding = arena_strdup(c->a, buf);
	if (!p->melding)
		c->nomem = true;
}

/* Problems of the file as a whole (from struct err) into the list. */
static void
problemen_van_err(struct controle *c, const struct err *e)
{
	for (size_t i = 0; i < e->nproblems; i++) {
		const struct problem *p = &e->problems[i];
		size_t regel = 0;

		if (strncmp(p->name, "regel ", 6) == 0)
			regel = (size_t)strtoul(p->name + 6, NULL, 10);
		probleem(c, regel, NULL, arena_strdup(c->a, p->code), "%s",
			 p->reason);
	}
	c->out->nweggelaten += e->ndropped;
}

/* Whether the reader's problems leave the header usable, so that the
 * rows it did read can still be checked (and every problem listed). */
static bool
kop_goed(const struct csv_tabel *csv, const struct err *e)
{
	if (!csv->kop)
		return false;
	for (size_t i = 0; i < e->nproblems; i++)
		if (strcmp(e->problems[i].name, "regel 1") == 0 ||
		    strcmp(e->problems[i].name, "bestand") == 0)
			return false;
	return true;
}

/* Merge the reader's problems (in line order) into the row problems (in
 * line order), keeping line order. */
static void
rijproblemen_erbij(struct controle *c, const struct err *e)
{
	struct uren_resultaat *o = c->out;
	struct uren_probleem *rij = o->problemen;
	size_t nrij = o->nproblemen, i = 0;

	o->problemen = NULL;
	o->nproblemen = 0;
	c->cap_problemen = 0;
	for (size_t j = 0; j < e->nproblems; j++) {
		size_t regel =
			(size_t)strtoul(e->problems[j].name + 6, NULL, 10);

		for (; i < nrij && rij[i].regel <= regel; i++)
			probleem(c, rij[i].regel, rij[i].kolom, rij[i].code,
				 "%s", rij[i].melding);
		probleem(c, regel, NULL,
			 arena_strdup(c->a, e->problems[j].code), "%s",
			 e->problems[j].reason);
	}
	for (; i < nrij; i++)
		probleem(c, rij[i].regel, rij[i].kolom, rij[i].code, "%s",
			 rij[i].melding);
	o->nweggelaten += e->ndropped;
}

/* The reason of a field parser's single problem, as a row problem. */
static void
veld_probleem(struct controle *c, size_t regel, enum uren_kolom k,
	      const struct err *fe)
{
	if (fe->nproblems)
		probleem(c, regel, uren_kolom_naam(k),
			 arena_strdup(c->a, fe->problems[0].code), "%s",
			 fe->problems[0].reason);
}

static bool
maps_vullen(struct controle *c)
{
	const struct uren_register *r = c->r;
	struct arena *a = c->a;

	if (!strmap_init(&c->medewerkers, a, r->nmedewerkers) ||
	    !strmap_init(&c->gemeenten, a, 3 * r->ngemeenten) ||
	    !strmap_init(&c->eenheden, a, r->neenheden) ||
	    !strmap_init(&c->taakvelden, a, r->ntaakvelden) ||
	    !strmap_init(&c->nieuw, a, 64))
		return false;
	c->cap_nieuw = 64;
	for (size_t i = 0; i < r->nmedewerkers; i++) {
		char k[160];
		const char *key =
			mw_sleutel(k, sizeof(k), r->medewerkers[i].samenwerking,
				   r->medewerkers[i].nummer);

		if (key && !(key = arena_strdup(a, key)))
			return false;
		if (key)
			strmap_put(&c->medewerkers, key, (uint32_t)i);
	}
	/* A municipality by GM0358, by 0358 or by its name. */
	for (size_t i = 0; i < r->ngemeenten; i++) {
		const char *code = r->gemeenten[i].code;

		strmap_put(&c->gemeenten, code, (uint32_t)i);
		if (strlen(code) == 6)
			strmap_put(&c->gemeenten, code + 2, (uint32_t)i);
		strmap_put(&c->gemeenten, r->gemeenten[i].naam, (uint32_t)i);
	}
	for (size_t i = 0; i < r->neenheden; i++)
		strmap_put(&c->eenheden, r->eenheden[i].code, (uint32_t)i);
	for (size_t i = 0; i < r->ntaakvelden; i++)
		strmap_put(&c->taakvelden, r->taakvelden[i].code, (uint32_t)i);
	return true;
}

/* Leading and trailing spaces are not part of a value. */
static const char *
schoon(char *s)
{
	size_t n;

	if (!s)
		return NULL;
	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/* A free-text column longer than `max` characters is a problem. */
static bool
te_lang(struct controle *c, size_t regel, const char *kolom, const char *v,
	size_t max)
{
	char reden[96];

	if (!v || text_chars(v) <= max)
		return false;
	text_max_reason(max, reden, sizeof(reden));
	probleem(c, regel, kolom, "too-long", "%s", reden);
	return true;
}

static const char *
leeg_null(const char *s)
{
	return s && *s ? s : NULL;
}

static long
nieuwe_medewerker(struct controle *c, const char *nummer, uint32_t eenheid)
{
	struct uren_resultaat *o = c->out;
	long i = strmap_get(&c->nieuw, nummer);

	if (i >= 0)
		return i;
	if (o->nnieuw * 2 + 1 >= c->nieuw.cap) {
		/* Grow the map: rebuild it twice as large. */
		struct strmap m;

		if (!strmap_init(&m, c->a, c->nieuw.cap))
			return -1;
		for (size_t j = 0; j < o->nnieuw; j++)
			strmap_put(&m, o->nieuw[j], (uint32_t)j);
		c->nieuw = m;
	}
	if (o->nnieuw % 64 == 0) {
		const char **n = arena_grow(c->a, (void *)o->nieuw, o->nnieuw,
					    o->nnieuw + 64, sizeof(*n));
		uint32_t *u = arena_grow(c->a, o->nieuw_eenheid, o->nnieuw,
					 o->nnieuw + 64, sizeof(*u));

		if (!n || !u)
			return -1;
		o->nieuw = n;
		o->nieuw_eenheid = u;
	}
	if (!(nummer = arena_strdup(c->a, nummer))) /* the row's text goes */
		return -1;
	o->nieuw[o->nnieuw] = nummer;
	o->nieuw_eenheid[o->nnieuw] = eenheid;
	strmap_put(&c->nieuw, nummer, (uint32_t)o->nnieuw);
	return (long)o->nnieuw++;
}

/* The day a row's hours count on: the day, or a week's Thursday. */
static day_t
telt_op(const struct uren_boeking *b)
{
	return b->week ? b->dag + 3 : b->dag;
}

static void
datum_nl(day_t d, char *buf, size_t n)
{
	int y, m, dd;

	date_to_ymd(d, &y, &m, &dd);
	snprintf(buf, n, "%d-%d-%d", dd, m, y);
}

static bool
mag_eenheid(const struct uren_opties *opt, const char *samenwerking)
{
	if (!opt || !opt->samenwerkingen)
		return true;
	for (size_t i = 0; i < opt->nsamenwerkingen; i++)
		if (samenwerking &&
		    strcmp(opt->samenwerkingen[i], samenwerking) == 0)
			return true;
	return false;
}

/* A staff number of cooperation `sw`: its index, or -1. */
static long
mw_in(const struct controle *c, const char *sw, const char *nummer)
{
	char k[160];
	const char *key = mw_sleutel(k, sizeof(k), sw, nummer);

	return key ? strmap_get(&c->medewerkers, key) : -1;
}

/* A staff number of the file's cooperation: its index, or -1. */
static long
mw_zoek(const struct controle *c, const char *nummer)
{
	return mw_in(c, c->samenwerking, nummer);
}

/*
 * A known staff number on a row: a problem when they were not employed
 * on `dag` (DATE_NONE: the day is unreadable, so not checked).
 */
static bool
mw_in_dienst(struct controle *c, size_t regel, long i, day_t dag)
{
	const struct uren_medewerker *m = &c->r->medewerkers[i];
	char d[16];

	if (dag == DATE_NONE || period_contains(m->periode, dag))
		return true;
	datum_nl(dag, d, sizeof(d));
	probleem(c, regel, "medewerker", "not-employed",
		 "Medewerker %.32s was op %s niet in dienst volgens het "
		 "medewerkersregister.",
		 m->nummer, d);
	return false;
}

static void
mw_onbekend(struct controle *c, size_t regel, const char *nummer)
{
	probleem(c, regel, "medewerker", "unknown-staff",
		 "Medewerker '%.32s' staat niet in het medewerkersregister.",
		 nummer);
}

/* The staff numbers put off until the file's cooperation was known. */
static void
uitgestelde_controleren(struct controle *c)
{
	for (size_t k = 0; k < c->nuitgesteld; k++) {
		const struct uitgesteld *u = &c->uitgesteld[k];
		long i = mw_zoek(c, u->nummer);

		if (i >= 0)
			mw_in_dienst(c, u->regel, i, u->dag);
		else if (!c->opt || !c->opt->nieuwe_medewerkers)
			mw_onbekend(c, u->regel, u->nummer);
	}
	c->nuitgesteld = 0;
}

/*
 * No row named a known unit, so the file's cooperation is not known: a
 * staff number put off is unknown when none of the cooperations the
 * importer may book (all, without a limit) has it.
 */
static void
uitgestelde_zonder_samenwerking(struct controle *c)
{
	const struct uren_opties *o = c->opt;

	for (size_t k = 0; k < c->nuitgesteld; k++) {
		const char *nummer = c->uitgesteld[k].nummer;
		bool gevonden = false;

		if (o && o->nieuwe_medewerkers)
			break;
		if (o && o->samenwerkingen) {
			for (size_t j = 0; j < o->nsamenwerkingen; j++)
				gevonden |= mw_in(c, o->samenwerkingen[j],
						  nummer) >= 0;
		} else {
			for (size_t j = 0; j < c->r->nsamenwerkingen; j++)
				gevonden |=
					mw_in(c, c->r->samenwerkingen[j].code,
					      nummer) >= 0;
		}
		if (!gevonden)
			mw_onbekend(c, c->uitgesteld[k].regel, nummer);
	}
	c->nuitgesteld = 0;
}

static void
uitstellen(struct controle *c, size_t regel, const char *nummer, day_t dag)
{
	if (c->nuitgesteld == c->cap_uitgesteld) {
		size_t cap = c->cap_uitgesteld ? 2 * c->cap_uitgesteld : 16;
		struct uitgesteld *g = arena_grow(
			c->a, c->uitgesteld, c->nuitgesteld, cap, sizeof(*g));

		if (!g) {
			c->nomem = true;
			return;
		}
		c->uitgesteld = g;
		c->cap_uitgesteld = cap;
	}
	c->uitgesteld[c->nuitgesteld].regel = regel;
	c->uitgesteld[c->nuitgesteld].dag = dag;
	if (!(c->uitgesteld[c->nuitgesteld++].nummer =
		      arena_strdup(c->a, nummer)))
		c->nomem = true;
}

/* Check one row; false when it has a problem. */
static bool
rij_controleren(struct controle *c, const struct csv_rij *rij,
		const struct uren_opties *opt, struct uren_boeking *b)
{
	const struct uren_register *r = c->r;
	size_t regel = rij->regel;
	const char *v[KOLOM_AANTAL];
	bool ok = true, eenheid_ok = false, dag_ok = false;
	bool elders = false; /* a unit this file may not book */
	struct err fe;
	long i;

	for (int k = 0; k < KOLOM_AANTAL; k++)
		v[k] = schoon((char *)rij->veld[k]);
	memset(b, 0, sizeof(*b));
	b->regel = (uint32_t)regel;

	if (!v[KOLOM_EENHEID] || !*v[KOLOM_EENHEID]) {
		probleem(c, regel, "eenheid", "required",
			 "Vul de code van de eenheid in.");
		ok = false;
	} else if ((i = strmap_get(&c->eenheden, v[KOLOM_EENHEID])) < 0) {
		probleem(c, regel, "eenheid", "unknown-unit",
			 "Eenheid '%.64s' staat niet in het register.",
			 v[KOLOM_EENHEID]);
		ok = false;
	} else if (!mag_eenheid(opt, r->eenheden[i].samenwerking)) {
		probleem(c, regel, "eenheid", "forbidden-unit",
			 "Eenheid %.64s hoort bij samenwerking %.16s; u mag "
			 "alleen uren van uw eigen samenwerking inlezen.",
			 v[KOLOM_EENHEID], r->eenheden[i].samenwerking);
		ok = false;
		elders = true;
	} else if (c->samenwerking && r->eenheden[i].samenwerking &&
		   strcmp(c->samenwerking, r->eenheden[i].samenwerking) != 0) {
		probleem(c, regel, "eenheid", "other-cooperation",
			 "Eenheid %.64s hoort bij samenwerking %.16s, de "
			 "eerdere regels bij %.16s; lees de uren van elke "
			 "samenwerking in een eigen bestand in.",
			 v[KOLOM_EENHEID], r->eenheden[i].samenwerking,
			 c->samenwerking);
		ok = false;
		elders = true;
	} else {
		b->eenheid = (uint32_t)i;
		eenheid_ok = true;
		if (!c->samenwerking) {
			c->samenwerking = c->out->samenwerking =
				r->eenheden[i].samenwerking;
			uitgestelde_controleren(c);
		}
	}

	err_clear(&fe);
	if (v[KOLOM_WEEK]) {
		b->week = true;
		if (uren_parse_week(v[KOLOM_WEEK], "week", &b->dag, &fe))
			veld_probleem(c, regel, KOLOM_WEEK, &fe), ok = false;
		else
			dag_ok = true;
	} else if (uren_parse_datum(v[KOLOM_DATUM], "datum", &b->dag, &fe)) {
		veld_probleem(c, regel, KOLOM_DATUM, &fe);
		ok = false;
	} else {
		dag_ok = true;
	}

	if (!v[KOLOM_MEDEWERKER] || !*v[KOLOM_MEDEWERKER]) {
		probleem(c, regel, "medewerker", "required",
			 "Vul het personeelsnummer in.");
		ok = false;
	} else if (elders) {
		/* Whose staff number: the unit's problem says enough. */
		ok = false;
	} else if (!c->samenwerking) {
		/* No known unit yet (this row's unit has a problem): whose
		 * staff number this is is told once a row names one. */
		uitstellen(c, regel, v[KOLOM_MEDEWERKER],
			   dag_ok ? telt_op(b) : DATE_NONE);
		ok = false;
	} else if ((i = mw_zoek(c, v[KOLOM_MEDEWERKER])) >= 0) {
		b->medewerker = (uint32_t)i;
		if (!mw_in_dienst(c, regel, i, dag_ok ? telt_op(b) : DATE_NONE))
			ok = false;
	} else if (opt && opt->nieuwe_medewerkers) {
		if (te_lang(c, regel, "medewerker", v[KOLOM_MEDEWERKER],
			    MEDEWERKER_MAX_NUMMER)) {
			ok = false;
		} else if (eenheid_ok) {
			i = nieuwe_medewerker(c, v[KOLOM_MEDEWERKER],
					      b->eenheid);
			if (i < 0)
				c->nomem = true;
			b->medewerker = (uint32_t)(r->nmedewerkers + (size_t)i);
		}
	} else {
		mw_onbekend(c, regel, v[KOLOM_MEDEWERKER]);
		ok = false;
	}

	if (!v[KOLOM_GEMEENTE] || !*v[KOLOM_GEMEENTE]) {
		probleem(c, regel, "gemeente", "required",
			 "Vul de gemeente in (GM0358, 0358 of de naam).");
		ok = false;
	} else if ((i = strmap_get(&c->gemeenten, v[KOLOM_GEMEENTE])) < 0) {
		probleem(c, regel, "gemeente", "unknown-municipality",
			 "Gemeente '%.64s' is onbekend; schrijf de CBS-code "
			 "(GM0358), de vier cijfers (0358) of de naam.",
			 v[KOLOM_GEMEENTE]);
		ok = false;
	} else {
		b->gemeente = (uint32_t)i;
	}

	b->taakveld = leeg_null(v[KOLOM_TAAKVELD]);
	if (b->taakveld) {
		i = strmap_get(&c->taakvelden, b->taakveld);
		if (i < 0) {
			probleem(c, regel, "taakveld", "unknown-taakveld",
				 "Taakveld '%.16s' bestaat niet in de BBV.",
				 b->taakveld);
			ok = false;
		} else if (dag_ok) {
			const struct taakveld *t = &r->taakvelden[i];
			int y, m, d;

			date_to_ymd(telt_op(b), &y, &m, &d);
			if (!taakveld_geldig_in(t, y)) {
				if (t->eerste_jaar && y < t->eerste_jaar)
					probleem(c, regel, "taakveld",
						 "taakveld-not-valid",
						 "Taakveld %s geldt niet in "
						 "%d (pas vanaf %d).",
						 t->code, y, t->eerste_jaar);
				else
					probleem(c, regel, "taakveld",
						 "taakveld-not-valid",
						 "Taakveld %s geldt niet in "
						 "%d (tot en met %d).",
						 t->code, y, t->laatste_jaar);
				ok = false;
			}
			b->taakveld = t->code;
		}
	}

	b->product = leeg_null(v[KOLOM_PRODUCT]);
	if (te_lang(c, regel, "product", b->product, UREN_MAX_PRODUCT))
		ok = false;
	b->omschrijving = leeg_null(v[KOLOM_OMSCHRIJVING]);
	if (te_lang(c, regel, "omschrijving", b->omschrijving,
		    UREN_MAX_OMSCHRIJVING))
		ok = false;

	err_clear(&fe);
	if ((b->week ? uren_parse_weekuren : uren_parse_uren)(
		    v[KOLOM_UREN], "uren", &b->honderdsten, &fe)) {
		veld_probleem(c, regel, KOLOM_UREN, &fe);
		ok = false;
	}
	return ok;
}

static int
kolom_rang(const char *kolom)
{
	for (int k = 0; kolom && k < KOLOM_AANTAL; k++)
		if (strcmp(kolom, uren_kolom_naam(k)) == 0)
			return k;
	return KOLOM_AANTAL;
}

/* A row's problems in the order of the columns of the file format (they are
 * found in another order: the unit and day are needed first). */
static void
in_kolomvolgorde(struct uren_probleem *p, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct uren_probleem x = p[i];
		size_t j = i;

		while (j > 0 &&
		       kolom_rang(p[j - 1].kolom) > kolom_rang(x.kolom)) {
			p[j] = p[j - 1];
			j--;
		}
		p[j] = x;
	}
}

int
uren_cel_cmp(const void *pa, const void *pb)
{
	const struct uren_cel *a = pa, *b = pb;

	if (a->eenheid != b->eenheid)
		return a->eenheid < b->eenheid ? -1 : 1;
	if (a->gemeente != b->gemeente)
		return a->gemeente < b->gemeente ? -1 : 1;
	return (a->dag > b->dag) - (a->dag < b->dag);
}

/* Problems in line order, within a line in column order (stable). */
static void
op_regel(struct uren_probleem *p, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct uren_probleem x = p[i];
		size_t j = i;

		while (j > 0 &&
		       (p[j - 1].regel > x.regel ||
			(p[j - 1].regel == x.regel &&
			 kolom_rang(p[j - 1].kolom) > kolom_rang(x.kolom)))) {
			p[j] = p[j - 1];
			j--;
		}
		p[j] = x;
	}
}

/* Key of a person's day (or week) for the 24-hour rule. */
static uint64_t
dag_sleutel(const struct uren_boeking *b)
{
	return ((uint64_t)b->medewerker + 1) << 34 |
	       (uint64_t)(uint32_t)b->dag << 1 | (b->week ? 1u : 0u);
}

/* At most 24 hours per person per day (168 per week) over all rows. */
static void
per_dag_controleren(struct controle *c, const struct uren_register *r)
{
	struct uren_resultaat *o = c->out;
	struct telmap m;

	/* Rows per person-day are several: start smaller and grow. */
	if (!telmap_init(&m, c->a, o->nboekingen / 4)) {
		c->nomem = true;
		return;
	}
	for (size_t i = 0; i < o->nboekingen; i++) {
		size_t s;

		if (!telmap_ruimte(&m, c->a)) {
			c->nomem = true;
			return;
		}
		s = telmap_slot(&m, dag_sleutel(&o->boekingen[i]), (uint32_t)i);
		m.som[s] += o->boekingen[i].honderdsten;
	}
	/* Report each person-day over the limit once, at its first row,
	 * naming every row that adds to it. */
	for (size_t i = 0; i < o->nboekingen; i++) {
		const struct uren_boeking *b = &o->boekingen[i];
		size_t s = telmap_slot(&m, dag_sleutel(b), (uint32_t)i);
		int64_t max = b->week ? 7 * UREN_MAX_PER_DAG : UREN_MAX_PER_DAG;
		char regels[160], totaal[24], d[16];
		size_t len = 0, nregels = 0;
		const char *nummer;

		if (m.eerste[s] != i || m.som[s] <= max)
			continue;
		for (size_t j = i; j < o->nboekingen; j++) {
			const struct uren_boeking *bj = &o->boekingen[j];

			if (dag_sleutel(bj) != dag_sleutel(b))
				continue;
			if (len + 16 < sizeof(regels))
				len += (size_t)snprintf(
					regels + len, sizeof(regels) - len,
					"%s%" PRIu32, nregels ? ", " : "",
					bj->regel);
			nregels++;
		}
		uren_format(m.som[s], totaal, sizeof(totaal));
		datum_nl(b->dag, d, sizeof(d));
		nummer = b->medewerker < r->nmedewerkers
				 ? r->medewerkers[b->medewerker].nummer
				 : o->nieuw[b->medewerker - r->nmedewerkers];
		if (b->week)
			probleem(c, b->regel, "uren", "week-over-168",
				 "Medewerker %.32s heeft in de week van %s "
				 "samen %s uur (regels %s); meer dan 168 uur "
				 "in een week kan niet.",
				 nummer, d, totaal, regels);
		else
			probleem(c, b->regel, "uren", "day-over-24",
				 "Medewerker %.32s heeft op %s samen %s uur "
				 "(regels %s); meer dan 24 uur op een dag kan "
				 "niet.",
				 nummer, d, totaal, regels);
	}
}

/* Hours per unit, municipality and day, and the framework check. */
static void
cellen_maken(struct controle *c, const struct uren_register *r)
{
	struct uren_resultaat *o = c->out;
	struct telmap m;
	bool *mw, *gm;
	size_t nmw = r->nmedewerkers + o->nnieuw;

	mw = arena_calloc(c->a, nmw + 1, sizeof(*mw));
	gm = arena_calloc(c->a, r->ngemeenten + 1, sizeof(*gm));
	if (!mw || !gm || !telmap_init(&m, c->a, 4096)) {
		c->nomem = true;
		return;
	}
	o->van = o->tot = DATE_NONE;
	for (size_t i = 0; i < o->nboekingen; i++) {
		struct uren_boeking *b = &o->boekingen[i];
		uint64_t k = ((uint64_t)b->eenheid << 48) |
			     ((uint64_t)b->gemeente << 32) |
			     (uint64_t)(uint32_t)telt_op(b);
		size_t s;

		if (!telmap_ruimte(&m, c->a)) {
			c->nomem = true;
			return;
		}
		s = telmap_slot(&m, k + 1, (uint32_t)i);
		m.som[s] += b->honderdsten;
		if (m.eerste[s] == i) {
			struct uren_toets t;

			uren_toets(r, b->eenheid,
				   r->gemeenten[b->gemeente].code, telt_op(b),
				   &t);
			/* Remember the reason in the first row's slot. */
			b->afwijking = t.afwijking;
		} else {
			b->afwijking = o->boekingen[m.eerste[s]].afwijking;
		}
		if (b->afwijking != AFW_GEEN) {
			o->nafwijkingen++;
			o->afwijkende_honderdsten += b->honderdsten;
		}
		o->honderdsten += b->honderdsten;
		if (!mw[b->medewerker])
			o->nmedewerkers++;
		mw[b->medewerker] = true;
		if (!gm[b->gemeente])
			o->ngemeenten++;
		gm[b->gemeente] = true;
		if (o->van == DATE_NONE || b->dag < o->van)
			o->van = b->dag;
		if (o->tot == DATE_NONE || b->dag > o->tot)
			o->tot = b->dag;
	}
	o->cellen = arena_calloc(c->a, m.n + 1, sizeof(*o->cellen));
	if (!o->cellen) {
		c->nomem = true;
		return;
	}
	for (size_t j = 0; j < m.cap; j++) {
		struct uren_cel *cel;
		uint64_t k;

		if (!m.sleutel[j])
			continue;
		k = m.sleutel[j] - 1;
		cel = &o->cellen[o->ncellen++];
		cel->eenheid = (uint32_t)(k >> 48);
		cel->gemeente = (uint32_t)((k >> 32) & 0xffff);
		cel->dag = (day_t)(uint32_t)(k & 0xffffffffu);
		cel->honderdsten = m.som[j];
	}
	/* Rows per cell: a second pass over the sorted cells is cheaper
	 * than a third array in the map. */
	qsort(o->cellen, o->ncellen, sizeof(*o->cellen), uren_cel_cmp);
	for (size_t i = 0; i < o->nboekingen; i++) {
		const struct uren_boeking *b = &o->boekingen[i];
		struct uren_cel key = { .eenheid = b->eenheid,
					.gemeente = b->gemeente,
					.dag = telt_op(b) };
		struct uren_cel *cel =
			bsearch(&key, o->cellen, o->ncellen, sizeof(*o->cellen),
				uren_cel_cmp);

		if (cel)
			cel->rijen++;
	}
}

/* Each row as the reader reads it: checked and, when fine, kept. */
static bool
rij_van_lezer(void *ctx, const struct csv_rij *rij)
{
	struct controle *c = ctx;
	struct uren_resultaat *o = c->out;
	size_t eerder = o->nproblemen;
	struct uren_boeking *b;

	if (!c->kop_bekeken) {
		/* A header with problems: its rows are not worth checking. */
		c->kop_bekeken = true;
		c->kop_fout = !kop_goed(c->csv, c->e) ||
			      c->csv->aanwezig[KOLOM_DATUM] ==
				      c->csv->aanwezig[KOLOM_WEEK];
	}
	if (c->kop_fout)
		return false;
	if (o->nboekingen == c->geschat) {
		c->nomem = true; /* cannot happen: one row per line at most */
		return false;
	}
	b = &o->boekingen[o->nboekingen];
	if (rij_controleren(c, rij, c->opt, b)) {
		/* The row's text lives only during this call. */
		if ((b->product &&
		     !(b->product = arena_strdup(c->a, b->product))) ||
		    (b->omschrijving && !(b->omschrijving = arena_strdup(
						  c->a, b->omschrijving)))) {
			c->nomem = true;
			return false;
		}
		o->nboekingen++;
		if (c->opt && c->opt->rijen && (o->nboekingen & 0x3fff) == 0)
			c->opt->rijen(c->opt->rijen_ctx, o);
	}
	in_kolomvolgorde(o->problemen + eerder, o->nproblemen - eerder);
	c->gelezen++;
	if (c->opt && c->opt->voortgang && (c->gelezen & 0xffff) == 0)
		c->opt->voortgang(c->opt->ctx, c->gelezen, c->geschat);
	return !c->nomem;
}

struct hash_taak {
	const char *data;
	size_t n;
	unsigned char *digest;
};

static void *
hash_bereken(void *arg)
{
	struct hash_taak *t = arg;

	crypto_hash_sha256(t->digest, (const unsigned char *)t->data, t->n);
	return NULL;
}

static enum status controleer(struct controle *cc,
			      const struct uren_register *r, const char *data,
			      size_t n, const struct uren_opties *opt,
			      struct uren_resultaat *out, struct err *e);

enum status
uren_import_controleer(struct arena *a, const struct uren_register *r,
		       const char *data, size_t n,
		       const struct uren_opties *opt,
		       struct uren_resultaat *out, struct err *e)
{
	struct controle c = { .a = a, .r = r, .out = out };
	unsigned char digest[crypto_hash_sha256_BYTES];
	struct hash_taak hash_taak;
	pthread_t hash_thread;
	bool hash_draad;
	enum status st;

	memset(out, 0, sizeof(*out));
	/* The content hash is computed beside the checks, on the other
	 * core: for a year of hours it costs as much as reading the CSV. */
	hash_taak.data = data;
	hash_taak.n = n;
	hash_taak.digest = digest;
	hash_draad = pthread_create(&hash_thread, NULL, hash_bereken,
				    &hash_taak) == 0;
	if (!hash_draad)
		hash_bereken(&hash_taak);
	st = controleer(&c, r, data, n, opt, out, e);
	if (hash_draad)
		pthread_join(hash_thread, NULL);
	sodium_bin2hex(out->hash, sizeof(out->hash), digest, sizeof(digest));
	return st;
}

static enum status
controleer(struct controle *cc, const struct uren_register *r, const char *data,
	   size_t n, const struct uren_opties *opt, struct uren_resultaat *out,
	   struct err *e)
{
	struct controle c = *cc;
	struct csv_tabel csv = { 0 };
	struct arena *a = c.a;
	const char *text;
	size_t tn;
	enum status st;

	if (!maps_vullen(&c))
		return err_set(e, ST_TOO_LARGE, "Het bestand is te groot.");
	st = uren_tekst(a, data, n, &out->encoding, &text, &tn, e);
	if (st == ST_OK) {
		/* At most one row per line: room for all rows at once. */
		size_t regels = 1;

		for (const char *p = text, *end = text + tn;
		     (p = memchr(p, '\n', (size_t)(end - p))); p++)
			regels++;
		c.opt = opt;
		c.geschat = regels;
		/* Every kept row is written in full (rij_controleren). */
		out->boekingen =
			regels > SIZE_MAX / sizeof(*out->boekingen)
				? NULL
				: arena_alloc_raw(
					  a, regels * sizeof(*out->boekingen));
		if (!out->boekingen)
			return err_set(e, ST_TOO_LARGE,
				       "Het bestand is te groot.");
		c.e = e;
		c.csv = &csv;
		st = uren_csv_stroom(a, text, tn, rij_van_lezer, &c, &csv, e);
	}
	if (st == ST_TOO_LARGE || st == ST_NOMEM || st == ST_INTERNAL)
		return st;
	if (c.nomem)
		return err_set(e, ST_TOO_LARGE, "Het bestand is te groot.");
	if (st != ST_OK && !kop_goed(&csv, e)) {
		out->nproblemen = 0; /* no row problems under a bad header */
		problemen_van_err(&c, e);
		goto klaar;
	}
	out->separator = csv.separator;
	out->onbekende_kolommen = csv.onbekend;
	out->nonbekend = csv.nonbekend;
	if (c.nomem)
		return err_set(e, ST_TOO_LARGE, "Het bestand is te groot.");
	if (st != ST_OK)
		rijproblemen_erbij(&c, e); /* a row the reader refused */
	if (!c.samenwerking)
		uitgestelde_zonder_samenwerking(&c);
	/* The 24-hour rule over the rows that are fine in themselves, so
	 * that every problem of the file is listed at once. */
	per_dag_controleren(&c, r);
	/* Staff numbers put off and the day rule add problems to earlier
	 * lines. */
	if (out->nproblemen > 1)
		op_regel(out->problemen, out->nproblemen);
	if (out->nproblemen == 0 && out->nweggelaten == 0)
		cellen_maken(&c, r);
	if (opt && opt->voortgang)
		opt->voortgang(opt->ctx, csv.nrijen, csv.nrijen);
	if (c.nomem)
		return err_set(e, ST_TOO_LARGE, "Het bestand is te groot.");
klaar:
	if (out->nproblemen || out->nweggelaten) {
		size_t totaal = out->nproblemen + out->nweggelaten;

		out->nboekingen = 0;
		out->ncellen = 0;
		out->nnieuw = 0;
		e->status = ST_INVALID;
		snprintf(e->message, sizeof(e->message),
			 "Het bestand is niet ingelezen: %zu %s. Er is niets "
			 "opgeslagen.",
			 totaal, totaal == 1 ? "probleem" : "problemen");
		return ST_INVALID;
	}
	err_clear(e);
	return ST_OK;
}

/* ---- the conformance report ------------------------------------------- */

static bool
zelfde_situatie(const struct uren_afwijking_groep *g, const struct uren_cel *c,
		const struct uren_toets *t)
{
	return g->eenheid == c->eenheid && g->gemeente == c->gemeente &&
	       g->afwijking == t->afwijking && g->inrichting == t->inrichting &&
	       g->versie == t->versie;
}

enum status
uren_afwijkingen(struct arena *a, const struct uren_register *r,
		 const struct uren_cel *cellen, size_t n,
		 struct uren_afwijking_groep **out, size_t *nout, struct err *e)
{
	struct uren_afwijking_groep *g = NULL, *cur = NULL;
	size_t ng = 0, cap = 0;

	for (size_t i = 0; i < n; i++) {
		const struct uren_cel *c = &cellen[i];
		struct uren_toets t;

		if (c->eenheid >= r->neenheden || c->gemeente >= r->ngemeenten)
			return err_internal(e, "cell outside the register");
		uren_toets(r, c->eenheid, r->gemeenten[c->gemeente].code,
			   c->dag, &t);
		if (t.afwijking == AFW_GEEN) {
			cur = NULL;
			continue;
		}
		if (!cur || !zelfde_situatie(cur, c, &t)) {
			if (ng == cap) {
				size_t nc = cap ? 2 * cap : 16;
				struct uren_afwijking_groep *ng2 =
					arena_grow(a, g, ng, nc, sizeof(*g));

				if (!ng2)
					return err_set(e, ST_NOMEM,
						       "Te veel afwijkingen.");
				g = ng2;
				cap = nc;
			}
			cur = &g[ng++];
			cur->eenheid = c->eenheid;
			cur->gemeente = c->gemeente;
			cur->afwijking = t.afwijking;
			cur->inrichting = t.inrichting;
			cur->artikel = t.artikel;
			cur->versie = t.versie;
			cur->eerste = c->dag;
		}
		cur->laatste = c->dag;
		cur->dagen++;
		cur->honderdsten += c->honderdsten;
		cur->rijen += c->rijen;
	}
	*out = g;
	*nout = ng;
	return ST_OK;
}
