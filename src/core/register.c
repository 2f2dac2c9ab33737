/*
 * register.c - rules of the cooperation register (pure).
 */
#include <stdio.h>
#include <string.h>

#include "register.h"
#include "text.h"
#include "../banned.h"

struct name_entry {
	int value;
	const char *name;
};

static const struct name_entry vorm_names[] = {
	{ VORM_GEDEELD, "gedeeld" },
	{ VORM_EIGEN, "eigen" },
	{ VORM_ONDERGEBRACHT, "ondergebracht" },
};

static const struct name_entry eenheid_soort_names[] = {
	{ EENHEID_AFDELING, "afdeling" },
	{ EENHEID_TEAM, "team" },
	{ EENHEID_TAAK, "taak" },
};

static const struct name_entry mijlpaal_names[] = {
	{ MIJLPAAL_GEPLAND, "gepland" },
	{ MIJLPAAL_GEREED, "gereed" },
	{ MIJLPAAL_UITGESTELD, "uitgesteld" },
	{ MIJLPAAL_VERVALLEN, "vervallen" },
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const char *
name_of(const struct name_entry *t, size_t n, int v)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].value == v)
			return t[i].name;
	return "?";
}

static int
parse_name(const struct name_entry *t, size_t n, const char *s, int *out)
{
	if (!s)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(t[i].name, s) == 0) {
			*out = t[i].value;
			return 0;
		}
	return -1;
}

const char *
vorm_name(enum vorm v)
{
	return name_of(vorm_names, NELEM(vorm_names), (int)v);
}

int
vorm_parse(const char *s, enum vorm *out)
{
	int v;

	if (parse_name(vorm_names, NELEM(vorm_names), s, &v))
		return -1;
	*out = (enum vorm)v;
	return 0;
}

const char *
eenheid_soort_name(enum eenheid_soort s)
{
	return name_of(eenheid_soort_names, NELEM(eenheid_soort_names), (int)s);
}

int
eenheid_soort_parse(const char *s, enum eenheid_soort *out)
{
	int v;

	if (parse_name(eenheid_soort_names, NELEM(eenheid_soort_names), s, &v))
		return -1;
	*out = (enum eenheid_soort)v;
	return 0;
}

const char *
mijlpaal_status_name(enum mijlpaal_status s)
{
	return name_of(mijlpaal_names, NELEM(mijlpaal_names), (int)s);
}

int
mijlpaal_status_parse(const char *s, enum mijlpaal_status *out)
{
	int v;

	if (parse_name(mijlpaal_names, NELEM(mijlpaal_names), s, &v))
		return -1;
	*out = (enum mijlpaal_status)v;
	return 0;
}

const char *
org_soort_name(enum org_soort s)
{
	return s == ORG_GEMEENTE ? "gemeente" : "gemeenschappelijke_regeling";
}

static int
is_empty(const char *s)
{
	return !s || !*s;
}

enum status
reg_check_cbs_code(const char *code, const char *field, struct err *e)
{
	if (is_empty(code))
		return err_invalid(e, field, "required",
				   "Vul de CBS-code van de gemeente in, "
				   "bijvoorbeeld GM0358.");
	if (strlen(code) != REG_CBS_CODE_LEN || code[0] != 'G' ||
	    code[1] != 'M' || strspn(code + 2, "0123456789") != 4)
		return err_invalid(e, field, "format",
				   "'%.20s' is geen CBS-code; een CBS-code is "
				   "GM gevolgd door vier cijfers, bijvoorbeeld "
				   "GM0358.",
				   code);
	return ST_OK;
}

enum status
reg_check_short_code(const char *code, const char *field, struct err *e)
{
	size_t n;

	if (is_empty(code))
		return err_invalid(e, field, "required", "Vul een code in.");
	n = strlen(code);
	if (n < 2 || n > REG_MAX_SHORT_CODE ||
	    strspn(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != n)
		return err_invalid(
			e, field, "format",
			"Een code bestaat uit 2 tot 16 hoofdletters, "
			"cijfers of streepjes, bijvoorbeeld GRIT.");
	return ST_OK;
}

enum status
reg_check_unit_code(const char *code, const char *field, struct err *e)
{
	size_t n;

	if (is_empty(code))
		return err_invalid(e, field, "required", "Vul een code in.");
	n = strlen(code);
	if (n < 2 || n > REG_MAX_UNIT_CODE ||
	    strspn(code, "abcdefghijklmnopqrstuvwxyz0123456789-") != n ||
	    code[0] == '-' || code[n - 1] == '-')
		return err_invalid(
			e, field, "format",
			"Een code bestaat uit 2 tot 64 kleine "
			"letters, cijfers of streepjes, bijvoorbeeld "
			"hb-informatisering.");
	return ST_OK;
}

bool
period_contains(struct period p, day_t day)
{
	return day >= p.van && (p.tot == DATE_NONE || day < p.tot);
}

static bool
periods_overlap(struct period a, struct period b)
{
	bool a_before_b_ends = b.tot == DATE_NONE || a.van < b.tot;
	bool b_before_a_ends = a.tot == DATE_NONE || b.van < a.tot;

	return a_before_b_ends && b_before_a_ends;
}

enum status
reg_check_organisatie(const struct organisatie *o, day_t today, struct err *e)
{
	char d[32];

	if (o->soort == ORG_GEMEENTE)
		reg_check_cbs_code(o->code, "code", e);
	else
		reg_check_short_code(o->code, "code", e);
	if (is_empty(o->naam))
		err_invalid(e, "naam", "required", "Vul de naam in.");
	else
		text_check_max(o->naam, "naam", REG_MAX_NAAM, e);
	text_check_max(o->provincie, "provincie", REG_MAX_NAAM, e);
	text_check_max(o->taak, "taak", REG_MAX_NAAM, e);
	if (o->inwoners >= 0 || o->inwoners_peildatum != DATE_NONE) {
		if (o->inwoners < 0)
			err_invalid(e, "inwoners", "required",
				    "Vul het aantal inwoners in bij de "
				    "peildatum.");
		else
			text_check_int(o->inwoners, "inwoners", 0,
				       REG_MAX_INWONERS, e);
		if (o->inwoners_peildatum == DATE_NONE)
			err_invalid(e, "peildatum", "required",
				    "Vul de peildatum van het aantal inwoners "
				    "in.");
		else if (o->inwoners_peildatum > today) {
			date_format_nl(today, d, sizeof(d));
			err_invalid(e, "peildatum", "future-date",
				    "De peildatum ligt na vandaag (%s).", d);
		}
	}
	return e && e->status == ST_INVALID ? ST_INVALID : ST_OK;
}

/* The rules of one inhabitant count, before it is stored. */
enum status
reg_check_inwonertal(const struct inwonertal *t, day_t today, struct err *e)
{
	char d[32];

	text_check_int(t->aantal, "inwoners", 0, REG_MAX_INWONERS, e);
	if (t->peildatum == DATE_NONE)
		err_invalid(e, "peildatum", "required", "Vul de peildatum in.");
	else if (t->peildatum > today) {
		date_format_nl(today, d, sizeof(d));
		err_invalid(e, "peildatum", "future-date",
			    "De peildatum ligt na vandaag (%s).", d);
	}
	text_check_max(t->bron, "bron", REG_MAX_NAAM, e);
	return e && e->status == ST_INVALID ? ST_INVALID : ST_OK;
}

/* A name that must be given and fit REG_MAX_NAAM. */
static void
check_naam(const char *naam, const char *field, struct err *e)
{
	if (is_empty(naam))
		err_invalid(e, field, "required", "Vul de naam in.");
	else
		text_check_max(naam, field, REG_MAX_NAAM, e);
}

/* A cooperation's own fields; its members are checked separately. */
enum status
reg_check_samenwerking(const struct samenwerking *sw, struct err *e)
{
	reg_check_short_code(sw->code, "code", e);
	check_naam(sw->naam, "naam", e);
	if (sw->sinds == DATE_NONE)
		err_invalid(e, "sinds", "required",
			    "Vul de datum in waarop de samenwerking begon.");
	text_check_max(sw->omschrijving, "omschrijving", REG_MAX_OMSCHRIJVING,
		       e);
	return e && e->status == ST_INVALID ? ST_INVALID : ST_OK;
}

/* A unit's own fields; its arrangement is reg_check_inrichting. */
enum status
reg_check_eenheid(const struct eenheid *u, struct err *e)
{
	reg_check_unit_code(u->code, "code", e);
	check_naam(u->naam, "naam", e);
	text_check_max(u->omschrijving, "omschrijving", REG_MAX_OMSCHRIJVING,
		       e);
	return e && e->status == ST_INVALID ? ST_INVALID : ST_OK;
}

/* An article: its number, title and versions. */
enum status
reg_check_kader_artikel(const struct kader_artikel *k, struct err *e)
{
	text_check_int(k->nummer, "nummer", 1, REG_MAX_ARTIKEL, e);
	text_check_max(k->titel, "titel", REG_MAX_NAAM, e);
	if (k->nversies == 0)
		err_invalid(e, "versies", "required",
			    "Een artikel heeft ten minste één versie.");
	reg_check_kader_versies(k->versies, k->nversies, "versies", e);
	return e && e->status == ST_INVALID ? ST_INVALID : ST_OK;
}

/* A workstream's fields and its milestones. */
enum status
reg_check_werkstroom(const struct werkstroom *w, struct err *e)
{
	char prefix[48];

	reg_check_unit_code(w->code, "code", e);
	check_naam(w->naam, "naam", e);
	text_check_max(w->eigenaar, "eigenaar", REG_MAX_NAAM, e);
	text_check_max(w->omschrijving, "omschrijving", REG_MAX_OMSCHRIJVING,
		       e);
	for (size_t i = 0; i < w->nmijlpalen; i++) {
		snprintf(prefix, sizeof(prefix), "mijlpalen[%zu]", i);
		reg_check_mijlpaal(&w->mijlpalen[i], prefix, e);
	}
	return e && e->status == ST_INVALID ? ST_INVALID : ST_OK;
}

enum status
reg_check_leden(const struct lidmaatschap *leden, size_t n, const char *prefix,
		struct err *e)
{
	char field[64];
	enum status st = ST_OK;

	for (size_t i = 0; i < n; i++) {
		const struct lidmaatschap *l = &leden[i];

		snprintf(field, sizeof(field), "%s[%zu].gemeente", prefix, i);
		if (reg_check_cbs_code(l->gemeente, field, e))
			st = ST_INVALID;
		snprintf(field, sizeof(field), "%s[%zu].van", prefix, i);
		if (l->periode.van == DATE_NONE) {
			st = err_invalid(e, field, "required",
					 "Vul de datum van toetreding in.");
			continue;
		}
		snprintf(field, sizeof(field), "%s[%zu].tot", prefix, i);
		if (l->periode.tot != DATE_NONE &&
		    l->periode.tot <= l->periode.van) {
			st = err_invalid(e, field, "before-start",
					 "De datum van uittreding ligt niet na "
					 "de datum van toetreding.");
			continue;
		}
		for (size_t j = 0; j < i; j++) {
			if (!leden[j].gemeente || !l->gemeente ||
			    strcmp(leden[j].gemeente, l->gemeente) != 0 ||
			    leden[j].periode.van == DATE_NONE)
				continue;
			if (periods_overlap(leden[j].periode, l->periode)) {
				snprintf(field, sizeof(field), "%s[%zu].van",
					 prefix, i);
				st = err_invalid(e, field, "overlap",
						 "Gemeente %s is in deze "
						 "periode al lid.",
						 l->gemeente);
			}
		}
	}
	return st;
}

/*
 * Consecutive periods: sorted, each next `van` equal to the previous
 * `tot`, only the last open. Periods are reached through a stride so that
 * both arrangements and article versions can be checked in place.
 */
static enum status
check_consecutive(const void *base, size_t n, size_t stride, size_t offset,
		  const char *prefix, struct err *e)
{
	enum status st = ST_OK;
	char field[64], a[32], b[32];
	const unsigned char *p = base;

	for (size_t i = 0; i < n; i++) {
		const struct period *cur =
			(const void *)(p + i * stride + offset);

		snprintf(field, sizeof(field), "%s[%zu].van", prefix, i);
		if (cur->van == DATE_NONE) {
			st = err_invalid(e, field, "required",
					 "Vul de begindatum (van) in.");
			continue;
		}
		if (cur->tot != DATE_NONE && cur->tot <= cur->van) {
			snprintf(field, sizeof(field), "%s[%zu].tot", prefix,
				 i);
			st = err_invalid(e, field, "before-start",
					 "De einddatum (tot) ligt niet na de "
					 "begindatum (van).");
		}
		if (i == 0)
			continue;
		const struct period *prev =
			(const void *)(p + (i - 1) * stride + offset);
		if (prev->van == DATE_NONE)
			continue;
		if (cur->van <= prev->van) {
			st = err_invalid(e, field, "order",
					 "Deze periode begint niet na de "
					 "vorige periode.");
		} else if (prev->tot == DATE_NONE) {
			date_format_nl(cur->van, a, sizeof(a));
			st = err_invalid(e, field, "overlap",
					 "Deze periode overlapt met de vorige, "
					 "die geen einddatum heeft; laat die "
					 "eindigen op %s.",
					 a);
		} else if (prev->tot > cur->van) {
			date_format_nl(prev->tot, a, sizeof(a));
			st = err_invalid(e, field, "overlap",
					 "Deze periode overlapt met de vorige, "
					 "die loopt tot %s.",
					 a);
		} else if (prev->tot < cur->van) {
			date_format_nl(prev->tot, a, sizeof(a));
			date_format_nl(cur->van, b, sizeof(b));
			st = err_invalid(
				e, field, "gap",
				"Van %s tot %s is niets geregeld; "
				"perioden moeten op elkaar aansluiten.",
				a, b);
		}
	}
	return st;
}

static const struct lidmaatschap *
member_on(const struct lidmaatschap *leden, size_t n, const char *gemeente,
	  day_t day)
{
	for (size_t i = 0; i < n; i++)
		if (leden[i].gemeente &&
		    strcmp(leden[i].gemeente, gemeente) == 0 &&
		    period_contains(leden[i].periode, day))
			return &leden[i];
	return NULL;
}

enum status
reg_check_inrichting(const struct inrichting *p, size_t n,
		     const struct lidmaatschap *leden, size_t nleden,
		     day_t sinds, struct err *e)
{
	enum status st;
	char field[64], d[32];

	st = check_consecutive(p, n, sizeof(*p),
			       offsetof(struct inrichting, periode),
			       "inrichting", e);
	for (size_t i = 0; i < n; i++) {
		const struct inrichting *r = &p[i];

		if (i == 0 && sinds != DATE_NONE &&
		    r->periode.van != DATE_NONE && r->periode.van < sinds) {
			snprintf(field, sizeof(field), "inrichting[%zu].van",
				 i);
			date_format_nl(sinds, d, sizeof(d));
			st = err_invalid(e, field, "before-cooperation",
					 "De samenwerking bestaat pas sinds "
					 "%s.",
					 d);
		}
		snprintf(field, sizeof(field), "inrichting[%zu].besluit", i);
		if (is_empty(r->besluit))
			st = err_invalid(e, field, "required",
					 "Noem het besluit dat deze inrichting "
					 "regelt.");
		switch (r->vorm) {
		case VORM_GEDEELD:
			if (!is_empty(r->gemeente) || !is_empty(r->regeling)) {
				snprintf(field, sizeof(field),
					 "inrichting[%zu].vorm", i);
				st = err_invalid(
					e, field, "not-allowed",
					"Een gedeelde eenheid werkt voor "
					"alle leden; noem geen gemeente "
					"of regeling.");
			}
			break;
		case VORM_EIGEN:
			snprintf(field, sizeof(field),
				 "inrichting[%zu].gemeente", i);
			if (is_empty(r->gemeente))
				st = err_invalid(
					e, field, "required",
					"Noem de gemeente waarvoor deze "
					"eenheid werkt.");
			else if (r->periode.van != DATE_NONE &&
				 !member_on(leden, nleden, r->gemeente,
					    r->periode.van)) {
				date_format_nl(r->periode.van, d, sizeof(d));
				st = err_invalid(
					e, field, "not-a-member",
					"Gemeente %s is op %s geen lid "
					"van de samenwerking.",
					r->gemeente, d);
			}
			if (!is_empty(r->regeling)) {
				snprintf(field, sizeof(field),
					 "inrichting[%zu].regeling", i);
				st = err_invalid(
					e, field, "not-allowed",
					"Een eigen eenheid is niet "
					"ondergebracht in een regeling.");
			}
			break;
		case VORM_ONDERGEBRACHT:
			snprintf(field, sizeof(field),
				 "inrichting[%zu].regeling", i);
			if (is_empty(r->regeling))
				st = err_invalid(e, field, "required",
						 "Noem de gemeenschappelijke "
						 "regeling waarin deze eenheid "
						 "is ondergebracht.");
			if (!is_empty(r->gemeente)) {
				snprintf(field, sizeof(field),
					 "inrichting[%zu].gemeente", i);
				st = err_invalid(
					e, field, "not-allowed",
					"Een ondergebrachte eenheid "
					"werkt niet voor één gemeente.");
			}
			break;
		default:
			snprintf(field, sizeof(field), "inrichting[%zu].vorm",
				 i);
			st = err_invalid(
				e, field, "enum",
				"Kies gedeeld, eigen of ondergebracht.");
		}
	}
	return st;
}

enum status
reg_check_kader_versies(const struct kader_versie *v, size_t n,
			const char *prefix, struct err *e)
{
	enum status st;
	char field[64];

	st = check_consecutive(v, n, sizeof(*v),
			       offsetof(struct kader_versie, periode), prefix,
			       e);
	for (size_t i = 0; i < n; i++) {
		snprintf(field, sizeof(field), "%s[%zu].tekst", prefix, i);
		if (is_empty(v[i].tekst))
			st = err_invalid(e, field, "required",
					 "Vul de tekst van het artikel in.");
		else if (text_check_max(v[i].tekst, field, REG_MAX_TEKST, e))
			st = ST_INVALID;
		if (is_empty(v[i].besluit)) {
			snprintf(field, sizeof(field), "%s[%zu].besluit",
				 prefix, i);
			st = err_invalid(e, field, "required",
					 "Noem het besluit dat deze versie "
					 "vaststelde.");
		}
	}
	return st;
}

enum status
reg_check_mijlpaal(const struct mijlpaal *m, const char *prefix, struct err *e)
{
	char field[64];
	enum status st = ST_OK;

	snprintf(field, sizeof(field), "%s.naam", prefix);
	if (is_empty(m->naam))
		st = err_invalid(e, field, "required",
				 "Vul de naam van de mijlpaal in.");
	else if (text_check_max(m->naam, field, REG_MAX_NAAM, e))
		st = ST_INVALID;
	snprintf(field, sizeof(field), "%s.uitkomst", prefix);
	if (text_check_max(m->uitkomst, field, REG_MAX_OMSCHRIJVING, e))
		st = ST_INVALID;
	if (m->gepland == DATE_NONE) {
		snprintf(field, sizeof(field), "%s.gepland", prefix);
		st = err_invalid(e, field, "required",
				 "Vul de geplande datum in.");
	}
	return st;
}

long
reg_inrichting_op(const struct inrichting *p, size_t n, day_t day)
{
	for (size_t i = 0; i < n; i++)
		if (period_contains(p[i].periode, day))
			return (long)i;
	return -1;
}

bool
taakveld_geldig_in(const struct taakveld *t, int jaar)
{
	if (t->eerste_jaar && jaar < t->eerste_jaar)
		return false;
	if (t->laatste_jaar && jaar > t->laatste_jaar)
		return false;
	return true;
}
