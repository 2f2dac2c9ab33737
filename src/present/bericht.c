/*
 * bericht.c - composing a message about an appointment; see bericht.h.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "bericht.h"
#include "../core/date.h"
#include "../core/strbuf.h"
#include "../banned.h"

#define TZID "Europe/Amsterdam"

static const char *const weekdag_nl[] = {
	"maandag", "dinsdag",  "woensdag", "donderdag",
	"vrijdag", "zaterdag", "zondag",
};

static bool
leeg(const char *s)
{
	return !s || !*s;
}

/* ---- times ---- */

/* The Amsterdam date and minute of the day of an instant. */
static void
lokaal(int64_t utc, day_t *d, int *minuut)
{
	int64_t l = utc + date_amsterdam_offset(utc);
	int64_t dag = l >= 0 ? l / 86400 : -((-l + 86399) / 86400);

	*d = (day_t)dag;
	*minuut = (int)((l - dag * 86400) / 60);
}

void
bericht_tijd_nl(int64_t utc, char *buf)
{
	char datum[32];
	day_t d;
	int m;

	lokaal(utc, &d, &m);
	date_format_nl(d, datum, sizeof(datum));
	snprintf(buf, BERICHT_TIJD_LEN, "%s %s om %02u:%02u",
		 weekdag_nl[date_weekday(d)], datum, (unsigned)m / 60 % 24,
		 (unsigned)m % 60);
}

static void
klok_nl(int64_t utc, char *buf, size_t n)
{
	day_t d;
	int m;

	lokaal(utc, &d, &m);
	snprintf(buf, n, "%02u:%02u", (unsigned)m / 60 % 24, (unsigned)m % 60);
}

/* ---- the outbox's timing ---- */

int64_t
bericht_volgende_poging(int pogingen, int64_t nu)
{
	static const int minuten[] = { 1, 5, 15, 60 };

	if (pogingen >= BERICHT_MAX_POGINGEN)
		return 0;
	if (pogingen < 1)
		pogingen = 1;
	return nu + 60 * (int64_t)(pogingen <= 4 ? minuten[pogingen - 1] : 60);
}

const char *
bericht_videolink(const char *sjabloon, const char *referentie, struct arena *a)
{
	static const char plek[] = "{referentie}";
	struct strbuf t;

	if (leeg(sjabloon))
		return NULL;
	strbuf_init(&t, a);
	for (const char *p = sjabloon; *p;) {
		const char *q = strstr(p, plek);

		if (!q) {
			strbuf_puts(&t, p);
			break;
		}
		strbuf_add(&t, p, (size_t)(q - p));
		strbuf_puts(&t, referentie ? referentie : "");
		p = q + sizeof(plek) - 1;
	}
	return strbuf_text(&t);
}

/* ---- what the appointment is ---- */

static const char *
product_naam(const struct afspraak_regel *r)
{
	return leeg(r->naam) ? (r->product ? r->product : "") : r->naam;
}

/* "Raadhuis Aalsmeer, Raadhuisplein 1, 1431 EH Aalsmeer". */
static void
plaats(struct strbuf *t, const struct bericht *b)
{
	const struct vestiging *v = &b->vestiging;
	const char *naam = !leeg(v->naam) ? v->naam
			   : !leeg(b->afspraak.vestiging_naam)
				   ? b->afspraak.vestiging_naam
				   : b->afspraak.vestiging;

	strbuf_puts(t, naam ? naam : "");
	if (!leeg(v->adres))
		strbuf_printf(t, ", %s", v->adres);
	if (!leeg(v->postcode) || !leeg(v->plaats)) {
		strbuf_puts(t, ", ");
		if (!leeg(v->postcode))
			strbuf_printf(t, "%s%s", v->postcode,
				      leeg(v->plaats) ? "" : " ");
		if (!leeg(v->plaats))
			strbuf_puts(t, v->plaats);
	}
}

static bool
is_video(const struct bericht *b)
{
	return b->afspraak.kanaal == KANAAL_VIDEO ||
	       b->vestiging.kanaal == KANAAL_VIDEO;
}

static void
regel_tekst(struct strbuf *t, const struct afspraak_regel *r)
{
	strbuf_printf(t, "%s (%d %s)", product_naam(r), r->personen,
		      r->personen == 1 ? "persoon" : "personen");
}

/* The lines every message has: when, where, what for, the code. */
static void
gegevens(struct strbuf *t, const struct bericht *b, const char *link)
{
	const struct afspraak *f = &b->afspraak;
	char tijd[BERICHT_TIJD_LEN], eind[8];

	bericht_tijd_nl(f->start, tijd);
	klok_nl(f->eind, eind, sizeof(eind));
	strbuf_printf(t, "Wanneer: %s (tot ongeveer %s)\n", tijd, eind);
	if (is_video(b)) {
		strbuf_puts(t, "Waar: online, in een videogesprek\n");
		if (link)
			strbuf_printf(t, "Link voor het gesprek: %s\n", link);
	} else {
		strbuf_puts(t, "Waar: ");
		plaats(t, b);
		strbuf_puts(t, "\n");
	}
	if (f->nregels == 1) {
		strbuf_puts(t, "Waarvoor: ");
		regel_tekst(t, &f->regels[0]);
		strbuf_puts(t, "\n");
	} else if (f->nregels > 1) {
		strbuf_puts(t, "Waarvoor:\n");
		for (size_t i = 0; i < f->nregels; i++) {
			strbuf_puts(t, "- ");
			regel_tekst(t, &f->regels[i]);
			strbuf_puts(t, "\n");
		}
	}
	strbuf_printf(t, "Afspraakcode: %s\n", f->referentie);
}

/* What to bring, per product that says so; nothing when none does. */
static void
meenemen(struct strbuf *t, const struct afspraak *f)
{
	size_t n = 0;

	for (size_t i = 0; i < f->nregels; i++)
		n += !leeg(f->regels[i].meenemen);
	if (!n)
		return;
	strbuf_puts(t, "\nNeem mee:\n");
	for (size_t i = 0; i < f->nregels; i++) {
		const char *m = f->regels[i].meenemen;
		size_t len;

		if (leeg(m))
			continue;
		if (f->nregels > 1)
			strbuf_printf(t, "- %s: ", product_naam(&f->regels[i]));
		strbuf_puts(t, m);
		len = strlen(m);
		if (m[len - 1] != '\n')
			strbuf_puts(t, "\n");
	}
}

static void
video_uitleg(struct strbuf *t, const char *link, const char *gemeente)
{
	if (link)
		strbuf_puts(
			t,
			"\nKlik op de link als het tijd is voor de afspraak. "
			"U hebt een computer,\ntablet of telefoon nodig "
			"met een camera en een microfoon.\n");
	else
		strbuf_printf(t,
			      "\nDe link voor het videogesprek krijgt u van de "
			      "gemeente %s.\nHebt u de link niet? Neem dan "
			      "contact op met de gemeente.\n",
			      gemeente);
}

static void
verzetten(struct strbuf *t, const struct bericht_context *c,
	  const char *gemeente)
{
	strbuf_puts(t, "\nWilt u de afspraak verzetten of afzeggen? ");
	if (!leeg(c->wijzig_url))
		strbuf_printf(t, "Ga dan naar\n%s\n", c->wijzig_url);
	else
		strbuf_printf(t, "Dat kan op de\nwebsite van de gemeente %s.\n",
			      gemeente);
	strbuf_puts(t, "U hebt daarvoor uw afspraakcode en uw e-mailadres "
		       "nodig.\n\nKunt u niet komen? Zeg de afspraak dan af. "
		       "Dan kan iemand anders\nin uw plaats komen.\n");
}

static void
slot(struct strbuf *t, const struct afspraak_instelling *i,
     const char *gemeente)
{
	strbuf_puts(t, "\n");
	if (!leeg(i->slottekst)) {
		size_t len = strlen(i->slottekst);

		strbuf_puts(t, i->slottekst);
		if (i->slottekst[len - 1] != '\n')
			strbuf_puts(t, "\n");
	} else {
		strbuf_printf(t, "Met vriendelijke groet,\nGemeente %s\n",
			      gemeente);
	}
}

static const char *
onderwerp(const struct bericht *b, struct arena *a)
{
	char tijd[BERICHT_TIJD_LEN];
	struct strbuf t;

	bericht_tijd_nl(b->afspraak.start, tijd);
	strbuf_init(&t, a);
	switch (b->soort) {
	case BERICHT_BEVESTIGING:
		strbuf_printf(&t, "Bevestiging van uw afspraak op %s", tijd);
		break;
	case BERICHT_WIJZIGING:
		strbuf_printf(&t, "Uw afspraak is veranderd: nu op %s", tijd);
		break;
	case BERICHT_ANNULERING:
		strbuf_printf(&t, "Uw afspraak op %s is afgezegd", tijd);
		break;
	case BERICHT_HERINNERING:
		strbuf_printf(&t, "Herinnering: uw afspraak op %s", tijd);
		break;
	case BERICHT_AANBOD:
		strbuf_printf(&t, "Er is een tijd vrijgekomen: %s", tijd);
		break;
	}
	return strbuf_text(&t);
}

/* An offer from the waiting list: the freed time, where and what for,
 * that it is not held, and where to book it. */
static const char *
aanbod_tekst(const struct bericht *b, const struct bericht_context *c,
	     const char *gemeente, struct arena *a)
{
	const struct afspraak *f = &b->afspraak;
	const char *product = f->nregels ? product_naam(&f->regels[0]) : "";
	char tijd[BERICHT_TIJD_LEN], eind[8];
	struct strbuf t;

	strbuf_init(&t, a);
	if (!leeg(f->naam))
		strbuf_printf(&t, "Beste %s,\n\n", f->naam);
	else
		strbuf_puts(&t, "Beste meneer, mevrouw,\n\n");
	strbuf_printf(&t,
		      "U staat op de wachtlijst voor %s bij de gemeente %s.\n"
		      "Er is een tijd vrijgekomen:\n\n",
		      product, gemeente);
	bericht_tijd_nl(f->start, tijd);
	klok_nl(f->eind, eind, sizeof(eind));
	strbuf_printf(&t, "Wanneer: %s (tot ongeveer %s)\n", tijd, eind);
	if (is_video(b))
		strbuf_puts(&t, "Waar: online, in een videogesprek\n");
	else {
		strbuf_puts(&t, "Waar: ");
		plaats(&t, b);
		strbuf_puts(&t, "\n");
	}
	strbuf_puts(&t, "\nWe houden deze tijd niet voor u vast: wie het "
			"eerst boekt, krijgt hem.\nWilt u deze tijd? Maak "
			"de afspraak dan zo snel mogelijk");
	if (!leeg(c->wijzig_url))
		strbuf_printf(&t, " via\n%s\n", c->wijzig_url);
	else
		strbuf_printf(&t, " op de\nwebsite van de gemeente %s.\n",
			      gemeente);
	strbuf_puts(&t, "\nU staat nu niet meer op de wachtlijst. Past deze "
			"tijd niet, of is hij al\nweg? Dan kunt u zich "
			"opnieuw aanmelden.\n");
	slot(&t, &b->instelling, gemeente);
	return strbuf_text(&t);
}

static const char *
tekst(const struct bericht *b, const struct bericht_context *c,
      const char *gemeente, const char *link, struct arena *a)
{
	const struct afspraak *f = &b->afspraak;
	struct strbuf t;

	strbuf_init(&t, a);
	if (!leeg(f->naam))
		strbuf_printf(&t, "Beste %s,\n\n", f->naam);
	else
		strbuf_puts(&t, "Beste meneer, mevrouw,\n\n");
	switch (b->soort) {
	case BERICHT_BEVESTIGING:
		strbuf_printf(
			&t,
			"U hebt een afspraak gemaakt bij de gemeente %s.\n"
			"Hieronder staan de gegevens van uw afspraak.\n\n",
			gemeente);
		break;
	case BERICHT_WIJZIGING:
		strbuf_printf(&t,
			      "Uw afspraak bij de gemeente %s is veranderd.\n"
			      "Hieronder staan de nieuwe gegevens.\n\n",
			      gemeente);
		break;
	case BERICHT_ANNULERING:
		strbuf_printf(&t,
			      "Uw afspraak bij de gemeente %s is afgezegd.\n"
			      "U hoeft niet te komen. Het ging om deze "
			      "afspraak:\n\n",
			      gemeente);
		break;
	case BERICHT_HERINNERING:
		strbuf_printf(
			&t,
			"U hebt binnenkort een afspraak bij de gemeente "
			"%s.\nHieronder staan de gegevens nog een keer.\n\n",
			gemeente);
		break;
	case BERICHT_AANBOD: /* aanbod_tekst */
		break;
	}
	gegevens(&t, b, link);
	if (b->soort == BERICHT_ANNULERING) {
		strbuf_puts(&t, "\nWilt u een nieuwe afspraak maken? ");
		if (!leeg(c->wijzig_url))
			strbuf_printf(&t, "Ga dan naar\n%s\n", c->wijzig_url);
		else
			strbuf_printf(&t,
				      "Dat kan op de\nwebsite van de gemeente "
				      "%s.\n",
				      gemeente);
	} else {
		if (is_video(b))
			video_uitleg(&t, link, gemeente);
		meenemen(&t, f);
		verzetten(&t, c, gemeente);
	}
	slot(&t, &b->instelling, gemeente);
	return strbuf_text(&t);
}

/* ---- the calendar object ---- */

static struct icaltimetype
ical_lokaal(int64_t utc)
{
	struct icaltimetype t = icaltime_null_time();
	int y, mo, d, minuut;
	day_t dag;

	lokaal(utc, &dag, &minuut);
	date_to_ymd(dag, &y, &mo, &d);
	t.year = y;
	t.month = mo;
	t.day = d;
	t.hour = minuut / 60;
	t.minute = minuut % 60;
	t.second = 0;
	t.is_date = 0;
	return t;
}

static icalproperty *
lokale_tijd(icalproperty *p)
{
	icalproperty_add_parameter(p, icalparameter_new_tzid(TZID));
	return p;
}

/* One rule of the zone: its first onset (1970), offsets, name, month. */
static icalcomponent *
regel(icalcomponent *c, int maand, int dag, int uur, int van, int naar,
      const char *naam, const char *rrule)
{
	struct icaltimetype t = icaltime_null_time();

	t.year = 1970;
	t.month = maand;
	t.day = dag;
	t.hour = uur;
	t.is_date = 0;
	icalcomponent_add_property(c, icalproperty_new_dtstart(t));
	icalcomponent_add_property(c, icalproperty_new_tzoffsetfrom(van));
	icalcomponent_add_property(c, icalproperty_new_tzoffsetto(naar));
	icalcomponent_add_property(c, icalproperty_new_tzname(naam));
	icalcomponent_add_property(
		c,
		icalproperty_new_rrule(icalrecurrencetype_from_string(rrule)));
	return c;
}

/*
 * Europe/Amsterdam as the EU rule: winter time (CET, +01:00) from the
 * last Sunday of October 03:00, summer time (CEST, +02:00) from the last
 * Sunday of March 02:00, local time. 25 October and 29 March 1970 were
 * such Sundays.
 */
static icalcomponent *
vtimezone(void)
{
	icalcomponent *tz = icalcomponent_new_vtimezone();

	icalcomponent_add_property(tz, icalproperty_new_tzid(TZID));
	icalcomponent_add_component(
		tz, regel(icalcomponent_new_xstandard(), 10, 25, 3, 7200, 3600,
			  "CET", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"));
	icalcomponent_add_component(
		tz, regel(icalcomponent_new_xdaylight(), 3, 29, 2, 3600, 7200,
			  "CEST", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
	return tz;
}

static const char *
mailto(const char *adres, struct arena *a)
{
	struct strbuf t;

	strbuf_init(&t, a);
	strbuf_printf(&t, "mailto:%s", adres);
	return strbuf_text(&t);
}

/* The description in the calendar: the code, what for, link, bring. */
static const char *
ics_beschrijving(const struct bericht *b, const struct bericht_context *c,
		 const char *link, struct arena *a)
{
	const struct afspraak *f = &b->afspraak;
	struct strbuf t;

	strbuf_init(&t, a);
	strbuf_printf(&t, "Afspraakcode: %s\n", f->referentie);
	for (size_t i = 0; i < f->nregels; i++) {
		strbuf_puts(&t, i ? ", " : "Waarvoor: ");
		regel_tekst(&t, &f->regels[i]);
	}
	if (f->nregels)
		strbuf_puts(&t, "\n");
	if (link)
		strbuf_printf(&t, "Link voor het videogesprek: %s\n", link);
	for (size_t i = 0; i < f->nregels; i++)
		if (!leeg(f->regels[i].meenemen))
			strbuf_printf(&t, "Neem mee (%s): %s\n",
				      product_naam(&f->regels[i]),
				      f->regels[i].meenemen);
	if (!leeg(c->wijzig_url))
		strbuf_printf(&t, "Verzetten of afzeggen: %s\n", c->wijzig_url);
	/* No line break at the end. */
	if (t.p && t.n && t.p[t.n - 1] == '\n')
		t.p[--t.n] = '\0';
	return strbuf_text(&t);
}

static const char *
ics(const struct bericht *b, const struct bericht_context *c,
    const char *gemeente, const char *link, const char *uid, struct arena *a,
    struct err *e)
{
	const struct afspraak *f = &b->afspraak;
	bool annuleer = b->soort == BERICHT_ANNULERING;
	icalcomponent *cal, *ev;
	icalproperty *p;
	const char *beschrijving, *organizer, *attendee = NULL, *locatie;
	struct strbuf t;
	char *txt, *uit;

	beschrijving = ics_beschrijving(b, c, link, a);
	organizer = mailto(c->afzender, a);
	if (!leeg(f->email))
		attendee = mailto(f->email, a);
	strbuf_init(&t, a);
	if (is_video(b))
		strbuf_puts(&t, link ? link : "Videogesprek");
	else
		plaats(&t, b);
	locatie = strbuf_text(&t);
	strbuf_init(&t, a);
	strbuf_printf(&t, "Afspraak gemeente %s", gemeente);
	for (size_t i = 0; i < f->nregels; i++)
		strbuf_printf(&t, "%s%s", i ? ", " : ": ",
			      product_naam(&f->regels[i]));
	if (!beschrijving || !organizer || (!leeg(f->email) && !attendee) ||
	    !locatie || !strbuf_text(&t)) {
		err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
		return NULL;
	}

	cal = icalcomponent_new_vcalendar();
	icalcomponent_add_property(
		cal, icalproperty_new_prodid("-//Ambt//Afspraken//NL"));
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_property(
		cal, icalproperty_new_method(annuleer ? ICAL_METHOD_CANCEL
						      : ICAL_METHOD_REQUEST));
	icalcomponent_add_component(cal, vtimezone());

	ev = icalcomponent_new_vevent();
	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
	icalcomponent_add_property(
		ev,
		icalproperty_new_dtstamp(icaltime_from_timet_with_zone(
			(time_t)c->nu, 0, icaltimezone_get_utc_timezone())));
	icalcomponent_add_property(
		ev, icalproperty_new_sequence(b->volgnummer > f->volgnummer
						      ? b->volgnummer
						      : f->volgnummer));
	icalcomponent_add_property(ev, lokale_tijd(icalproperty_new_dtstart(
					       ical_lokaal(f->start))));
	icalcomponent_add_property(
		ev, lokale_tijd(icalproperty_new_dtend(ical_lokaal(f->eind))));
	icalcomponent_add_property(ev,
				   icalproperty_new_summary(strbuf_text(&t)));
	icalcomponent_add_property(ev, icalproperty_new_location(locatie));
	icalcomponent_add_property(ev,
				   icalproperty_new_description(beschrijving));
	if (link)
		icalcomponent_add_property(ev, icalproperty_new_url(link));
	icalcomponent_add_property(
		ev, icalproperty_new_status(annuleer ? ICAL_STATUS_CANCELLED
						     : ICAL_STATUS_CONFIRMED));
	icalcomponent_add_property(ev,
				   icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
	p = icalproperty_new_organizer(organizer);
	strbuf_init(&t, a);
	strbuf_printf(&t, "Gemeente %s", gemeente);
	if (strbuf_text(&t))
		icalproperty_add_parameter(
			p, icalparameter_new_cn(strbuf_text(&t)));
	icalcomponent_add_property(ev, p);
	if (attendee) {
		p = icalproperty_new_attendee(attendee);
		icalproperty_add_parameter(
			p, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
		if (!annuleer)
			icalproperty_add_parameter(
				p, icalparameter_new_partstat(
					   ICAL_PARTSTAT_ACCEPTED));
		icalproperty_add_parameter(
			p, icalparameter_new_rsvp(ICAL_RSVP_FALSE));
		icalcomponent_add_property(ev, p);
	}
	icalcomponent_add_component(cal, ev);

	txt = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	if (!txt) {
		err_internal(e, "libical: %s", icalerror_strerror(icalerrno));
		return NULL;
	}
	uit = arena_strdup(a, txt);
	free(txt);
	if (!uit)
		err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
	return uit;
}

/* ---- the whole message ---- */

/* A reference code as it goes into a UID, a file name and a Message-ID:
 * 1-16 letters and digits. */
static bool
code_vorm(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n < 1 || n > 16)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= '0' && s[i] <= '9')))
			return false;
	return true;
}

static bool
host_naam(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n < 1 || n > 253)
		return false;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];

		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		      (ch >= '0' && ch <= '9') || ch == '.' || ch == '-'))
			return false;
	}
	return true;
}

enum status
bericht_maak(const struct bericht *b, const struct bericht_context *c,
	     struct arena *a, struct bericht_inhoud *out, struct err *e)
{
	const struct afspraak *f = &b->afspraak;
	const char *gemeente = !leeg(c->gemeente_naam) ? c->gemeente_naam
			       : f->gemeente	       ? f->gemeente
						       : "";
	const char *link = NULL;
	struct strbuf t;

	memset(out, 0, sizeof(*out));
	if (!code_vorm(f->referentie))
		err_invalid(e, "referentie", "required",
			    "De afspraak heeft geen geldige afspraakcode.");
	if (!host_naam(c->domein))
		err_invalid(e, "domein", "format",
			    "Geef als domein een hostnaam (letters, cijfers, "
			    "punten en streepjes).");
	if (leeg(c->afzender))
		err_invalid(e, "afzender", "required",
			    "Er is geen afzender ingesteld: geef de gemeente "
			    "een afzender, of de installatie een.");
	if (err_has_problems(e))
		return ST_INVALID;
	/* An offer: a text alone, no calendar object (nothing is booked). */
	if (b->soort == BERICHT_AANBOD) {
		out->onderwerp = onderwerp(b, a);
		out->tekst = aanbod_tekst(b, c, gemeente, a);
		strbuf_init(&t, a);
		strbuf_printf(&t, "%s@%s", f->referentie, c->domein);
		out->uid = strbuf_text(&t);
		if (!out->onderwerp || !out->tekst || !out->uid)
			return err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
		return ST_OK;
	}
	/* A cancelled call needs no link. */
	if (is_video(b) && b->soort != BERICHT_ANNULERING &&
	    !leeg(b->instelling.videolink)) {
		link = bericht_videolink(b->instelling.videolink, f->referentie,
					 a);
		if (!link)
			return err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
	}
	strbuf_init(&t, a);
	strbuf_printf(&t, "%s@%s", f->referentie, c->domein);
	out->uid = strbuf_text(&t);
	strbuf_init(&t, a);
	strbuf_printf(&t, "afspraak-%s.ics", f->referentie);
	out->bestandsnaam = strbuf_text(&t);
	out->methode = b->soort == BERICHT_ANNULERING ? "CANCEL" : "REQUEST";
	out->onderwerp = onderwerp(b, a);
	out->tekst = tekst(b, c, gemeente, link, a);
	if (!out->uid || !out->bestandsnaam || !out->onderwerp || !out->tekst)
		return err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
	out->ics = ics(b, c, gemeente, link, out->uid, a, e);
	return out->ics ? ST_OK : e->status;
}
