/*
 * test_bericht.c - the messages about an appointment: the exact subject
 * and body of each kind, and the iCalendar object read back with libical
 * (METHOD, UID, SEQUENCE, DTSTART in local time with its TZID, and the
 * instant that local time is by the VTIMEZONE the object carries), on
 * days either side of both summer-time Sundays.
 */
#include <stdio.h>
#include <stdlib.h>

#include <libical/ical.h>

#include "../test.h"
#include "../../src/core/afspraak.h"
#include "../../src/core/arena.h"
#include "../../src/present/bericht.h"

static int64_t
T(const char *iso)
{
	int64_t t = 0;

	if (date_parse_instant(iso, &t))
		fail_msg("bad instant literal in test: %s", iso);
	return t;
}

/* The fixed appointment: two products at the town hall of Aalsmeer. */
struct geval {
	struct afspraak_regel regels[2];
	struct bericht b;
	struct bericht_context c;
	struct arena a;
};

static void
geval_init(struct geval *g, enum bericht_soort soort)
{
	memset(g, 0, sizeof(*g));
	g->regels[0] = (struct afspraak_regel){
		.product = "paspoort",
		.naam = "Paspoort aanvragen",
		.personen = 2,
		.meenemen = "Uw oude paspoort en een pasfoto per persoon.",
	};
	g->regels[1] = (struct afspraak_regel){
		.product = "rijbewijs",
		.naam = "Rijbewijs verlengen",
		.personen = 1,
	};
	g->b.id = 7;
	g->b.soort = soort;
	g->b.volgnummer = 2;
	g->b.afspraak = (struct afspraak){
		.id = 3,
		.referentie = "ABCD2345",
		.gemeente = "GM0358",
		.vestiging = "aalsmeer-raadhuis",
		.vestiging_naam = "Raadhuis Aalsmeer",
		.kanaal = KANAAL_FYSIEK,
		.start = T("2026-12-07T09:30:00+01:00"),
		.eind = T("2026-12-07T09:50:00+01:00"),
		.status = AS_GEBOEKT,
		.naam = "Jan de Vries",
		.email = "jan@example.nl",
		.regels = g->regels,
		.nregels = 2,
		.volgnummer = 2,
	};
	g->b.vestiging = (struct vestiging){
		.gemeente = "GM0358",
		.code = "aalsmeer-raadhuis",
		.naam = "Raadhuis Aalsmeer",
		.kanaal = KANAAL_FYSIEK,
		.adres = "Raadhuisplein 1",
		.postcode = "1431 EH",
		.plaats = "Aalsmeer",
		.balies = 4,
		.raster = 10,
	};
	g->b.instelling = (struct afspraak_instelling){
		.gemeente = "GM0358",
		.afzender = "afspraken@aalsmeer.nl",
		.videolink = "https://video.aalsmeer.nl/gesprek/{referentie}",
		.herinnering = 24,
		.bewaartermijn = 90,
	};
	g->c = (struct bericht_context){
		.gemeente_naam = "Aalsmeer",
		.afzender = "afspraken@aalsmeer.nl",
		.domein = "ambt",
		.wijzig_url = "https://afspraken.aalsmeer.nl/wijzigen",
		.nu = T("2026-11-22T10:30:00+01:00"),
	};
	arena_init(&g->a, 1u << 20);
}

static void
maak(struct geval *g, struct bericht_inhoud *o)
{
	struct err e;

	err_clear(&e);
	if (bericht_maak(&g->b, &g->c, &g->a, o, &e) != ST_OK)
		fail_msg("bericht_maak: %s (%s)", e.message,
			 e.nproblems ? e.problems[0].reason : "");
}

/* The block of when, where, what for and the code. */
#define GEGEVENS                                                           \
	"Wanneer: maandag 7 december 2026 om 09:30 (tot ongeveer 09:50)\n" \
	"Waar: Raadhuis Aalsmeer, Raadhuisplein 1, 1431 EH Aalsmeer\n"     \
	"Waarvoor:\n"                                                      \
	"- Paspoort aanvragen (2 personen)\n"                              \
	"- Rijbewijs verlengen (1 persoon)\n"                              \
	"Afspraakcode: ABCD2345\n"
#define MEENEMEN        \
	"\nNeem mee:\n" \
	"- Paspoort aanvragen: Uw oude paspoort en een pasfoto per persoon.\n"
#define VERZETTEN                                                              \
	"\nWilt u de afspraak verzetten of afzeggen? Ga dan naar\n"            \
	"https://afspraken.aalsmeer.nl/wijzigen\n"                             \
	"U hebt daarvoor uw afspraakcode en uw e-mailadres nodig.\n"           \
	"\nKunt u niet komen? Zeg de afspraak dan af. Dan kan iemand anders\n" \
	"in uw plaats komen.\n"
#define GROET "\nMet vriendelijke groet,\nGemeente Aalsmeer\n"

static void
test_bevestiging(void **state)
{
	struct bericht_inhoud o;
	struct geval g;

	(void)state;
	geval_init(&g, BERICHT_BEVESTIGING);
	maak(&g, &o);
	assert_string_equal(o.onderwerp, "Bevestiging van uw afspraak op "
					 "maandag 7 december 2026 om 09:30");
	assert_string_equal(
		o.tekst,
		"Beste Jan de Vries,\n\n"
		"U hebt een afspraak gemaakt bij de gemeente "
		"Aalsmeer.\n"
		"Hieronder staan de gegevens van uw afspraak.\n\n" GEGEVENS
			MEENEMEN VERZETTEN GROET);
	assert_string_equal(o.methode, "REQUEST");
	assert_string_equal(o.bestandsnaam, "afspraak-ABCD2345.ics");
	assert_string_equal(o.uid, "ABCD2345@ambt");
	arena_free(&g.a);
}

static void
test_wijziging(void **state)
{
	struct bericht_inhoud o;
	struct geval g;

	(void)state;
	geval_init(&g, BERICHT_WIJZIGING);
	maak(&g, &o);
	assert_string_equal(o.onderwerp, "Uw afspraak is veranderd: nu op "
					 "maandag 7 december 2026 om 09:30");
	assert_string_equal(
		o.tekst,
		"Beste Jan de Vries,\n\n"
		"Uw afspraak bij de gemeente Aalsmeer is veranderd.\n"
		"Hieronder staan de nieuwe gegevens.\n\n" GEGEVENS MEENEMEN
			VERZETTEN GROET);
	assert_string_equal(o.methode, "REQUEST");
	arena_free(&g.a);
}

static void
test_annulering(void **state)
{
	struct bericht_inhoud o;
	struct geval g;

	(void)state;
	geval_init(&g, BERICHT_ANNULERING);
	g.b.afspraak.status = AS_GEANNULEERD;
	maak(&g, &o);
	assert_string_equal(o.onderwerp, "Uw afspraak op maandag 7 december "
					 "2026 om 09:30 is afgezegd");
	assert_string_equal(
		o.tekst,
		"Beste Jan de Vries,\n\n"
		"Uw afspraak bij de gemeente Aalsmeer is afgezegd.\n"
		"U hoeft niet te komen. Het ging om deze afspraak:\n\n" GEGEVENS
		"\nWilt u een nieuwe afspraak maken? Ga dan naar\n"
		"https://afspraken.aalsmeer.nl/wijzigen\n" GROET);
	assert_string_equal(o.methode, "CANCEL");
	arena_free(&g.a);
}

static void
test_herinnering(void **state)
{
	struct bericht_inhoud o;
	struct geval g;

	(void)state;
	geval_init(&g, BERICHT_HERINNERING);
	maak(&g, &o);
	assert_string_equal(o.onderwerp, "Herinnering: uw afspraak op "
					 "maandag 7 december 2026 om 09:30");
	assert_string_equal(
		o.tekst,
		"Beste Jan de Vries,\n\n"
		"U hebt binnenkort een afspraak bij de gemeente Aalsmeer.\n"
		"Hieronder staan de gegevens nog een keer.\n\n" GEGEVENS
			MEENEMEN VERZETTEN GROET);
	arena_free(&g.a);
}

/* One product, no name, no link to change, the municipality's own
 * closing text. */
static void
test_zonder_naam_en_url_met_slottekst(void **state)
{
	struct bericht_inhoud o;
	struct geval g;

	(void)state;
	geval_init(&g, BERICHT_BEVESTIGING);
	g.b.afspraak.nregels = 1;
	g.b.afspraak.naam = NULL;
	g.c.wijzig_url = NULL;
	g.b.instelling.slottekst = "Met vriendelijke groet,\n"
				   "Team Publiekszaken Aalsmeer";
	maak(&g, &o);
	assert_string_equal(
		o.tekst,
		"Beste meneer, mevrouw,\n\n"
		"U hebt een afspraak gemaakt bij de gemeente Aalsmeer.\n"
		"Hieronder staan de gegevens van uw afspraak.\n\n"
		"Wanneer: maandag 7 december 2026 om 09:30 (tot ongeveer "
		"09:50)\n"
		"Waar: Raadhuis Aalsmeer, Raadhuisplein 1, 1431 EH Aalsmeer\n"
		"Waarvoor: Paspoort aanvragen (2 personen)\n"
		"Afspraakcode: ABCD2345\n"
		"\nNeem mee:\n"
		"Uw oude paspoort en een pasfoto per persoon.\n"
		"\nWilt u de afspraak verzetten of afzeggen? Dat kan op de\n"
		"website van de gemeente Aalsmeer.\n"
		"U hebt daarvoor uw afspraakcode en uw e-mailadres nodig.\n"
		"\nKunt u niet komen? Zeg de afspraak dan af. Dan kan iemand "
		"anders\nin uw plaats komen.\n"
		"\nMet vriendelijke groet,\nTeam Publiekszaken Aalsmeer\n");
	arena_free(&g.a);
}

static void
video(struct geval *g)
{
	g->b.afspraak.kanaal = KANAAL_VIDEO;
	g->b.vestiging = (struct vestiging){
		.gemeente = "GM0358",
		.code = "aalsmeer-video",
		.naam = "Videobalie Aalsmeer",
		.kanaal = KANAAL_VIDEO,
		.balies = 2,
		.raster = 10,
	};
	g->b.afspraak.nregels = 1;
	g->regels[0].meenemen = NULL;
}

static void
test_video(void **state)
{
	struct bericht_inhoud o;
	struct geval g;

	(void)state;
	geval_init(&g, BERICHT_BEVESTIGING);
	video(&g);
	maak(&g, &o);
	assert_string_equal(
		o.tekst,
		"Beste Jan de Vries,\n\n"
		"U hebt een afspraak gemaakt bij de gemeente Aalsmeer.\n"
		"Hieronder staan de gegevens van uw afspraak.\n\n"
		"Wanneer: maandag 7 december 2026 om 09:30 (tot ongeveer "
		"09:50)\n"
		"Waar: online, in een videogesprek\n"
		"Link voor het gesprek: "
		"https://video.aalsmeer.nl/gesprek/ABCD2345\n"
		"Waarvoor: Paspoort aanvragen (2 personen)\n"
		"Afspraakcode: ABCD2345\n"
		"\nKlik op de link als het tijd is voor de afspraak. U hebt een "
		"computer,\ntablet of telefoon nodig met een camera en een "
		"microfoon.\n" VERZETTEN GROET);
	assert_non_null(strstr(o.ics, "\r\nURL:https://video.aalsmeer.nl/"
				      "gesprek/ABCD2345\r\n"));
	assert_non_null(strstr(o.ics, "\r\nLOCATION:https://video.aalsmeer.nl/"
				      "gesprek/ABCD2345\r\n"));
	assert_null(strstr(o.ics, "Raadhuisplein"));

	/* Without a template: no link, and whom to ask. */
	g.b.instelling.videolink = NULL;
	maak(&g, &o);
	assert_non_null(strstr(o.tekst,
			       "Waar: online, in een videogesprek\n"
			       "Waarvoor: Paspoort aanvragen (2 personen)\n"));
	assert_non_null(strstr(o.tekst,
			       "\nDe link voor het videogesprek krijgt u van "
			       "de gemeente Aalsmeer.\nHebt u de link niet? "
			       "Neem dan contact op met de gemeente.\n"));
	assert_null(strstr(o.ics, "\r\nURL:"));
	assert_non_null(strstr(o.ics, "\r\nLOCATION:Videogesprek\r\n"));

	/* A cancelled call: no link. */
	g.b.instelling.videolink = "https://video.aalsmeer.nl/{referentie}";
	g.b.soort = BERICHT_ANNULERING;
	maak(&g, &o);
	assert_null(strstr(o.tekst, "https://video"));
	assert_null(strstr(o.ics, "https://video"));
	arena_free(&g.a);
}

/* ---- the calendar object, read back ---- */

/* Every line ends in CRLF and holds at most 75 octets (RFC 5545 3.1). */
static void
assert_regels(const char *ics)
{
	size_t n = 0;

	for (const char *p = ics; *p;) {
		const char *eol = strstr(p, "\r\n");

		assert_non_null(eol);
		assert_true(eol - p <= 75);
		assert_null(memchr(p, '\n', (size_t)(eol - p)));
		p = eol + 2;
		n++;
	}
	assert_true(n > 20);
}

static icalproperty *
eigenschap(icalcomponent *c, icalproperty_kind k)
{
	icalproperty *p = icalcomponent_get_first_property(c, k);

	assert_non_null(p);
	return p;
}

struct terug {
	icalcomponent *cal, *ev;
};

static struct terug
lees(const char *ics)
{
	struct terug t;

	t.cal = icalparser_parse_string(ics);
	assert_non_null(t.cal);
	assert_int_equal(icalcomponent_isa(t.cal), ICAL_VCALENDAR_COMPONENT);
	t.ev = icalcomponent_get_first_component(t.cal, ICAL_VEVENT_COMPONENT);
	assert_non_null(t.ev);
	return t;
}

/* DTSTART or DTEND: local wall time w (HHMM), TZID Europe/Amsterdam,
 * the zone of the VTIMEZONE in the object, and the instant `utc`. */
static void
assert_lokaal(icalcomponent *cal, icalproperty *p, struct icaltimetype t, int y,
	      int m, int d, int hhmm, int64_t utc)
{
	icalparameter *tz =
		icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
	icaltimezone *eigen =
		icalcomponent_get_timezone(cal, "Europe/Amsterdam");

	assert_non_null(tz);
	assert_string_equal(icalparameter_get_tzid(tz), "Europe/Amsterdam");
	assert_false(icaltime_is_utc(t));
	assert_int_equal(t.year, y);
	assert_int_equal(t.month, m);
	assert_int_equal(t.day, d);
	assert_int_equal(t.hour * 100 + t.minute, hhmm);
	assert_int_equal(t.second, 0);
	/* Resolved through the object's own VTIMEZONE, not zone files. */
	assert_non_null(eigen);
	assert_ptr_equal(t.zone, eigen);
	assert_int_equal((int64_t)icaltime_as_timet_with_zone(t, t.zone), utc);
}

static void
assert_rrule(icalcomponent *c, const char *want)
{
	struct icalrecurrencetype r =
		icalproperty_get_rrule(eigenschap(c, ICAL_RRULE_PROPERTY));
	char *got = icalrecurrencetype_as_string_r(&r);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_ics_velden(void **state)
{
	struct bericht_inhoud o;
	struct geval g;
	struct terug t;
	icalcomponent *tz, *sub;
	icalproperty *p;
	struct icaltimetype stamp;

	(void)state;
	geval_init(&g, BERICHT_BEVESTIGING);
	maak(&g, &o);
	assert_regels(o.ics);
	assert_non_null(strstr(o.ics, "\r\nDTSTART;TZID=Europe/Amsterdam:"
				      "20261207T093000\r\n"));
	t = lees(o.ics);
	assert_int_equal(icalcomponent_get_method(t.cal), ICAL_METHOD_REQUEST);
	assert_string_equal(icalproperty_get_version(
				    eigenschap(t.cal, ICAL_VERSION_PROPERTY)),
			    "2.0");
	assert_string_equal(icalcomponent_get_uid(t.ev), "ABCD2345@ambt");
	assert_int_equal(icalcomponent_get_sequence(t.ev), 2);
	assert_int_equal(icalcomponent_get_status(t.ev), ICAL_STATUS_CONFIRMED);
	assert_string_equal(icalcomponent_get_summary(t.ev),
			    "Afspraak gemeente Aalsmeer: Paspoort aanvragen, "
			    "Rijbewijs verlengen");
	assert_string_equal(icalcomponent_get_location(t.ev),
			    "Raadhuis Aalsmeer, Raadhuisplein 1, 1431 EH "
			    "Aalsmeer");
	assert_string_equal(
		icalcomponent_get_description(t.ev),
		"Afspraakcode: ABCD2345\n"
		"Waarvoor: Paspoort aanvragen (2 personen), Rijbewijs "
		"verlengen (1 persoon)\n"
		"Neem mee (Paspoort aanvragen): Uw oude paspoort en een "
		"pasfoto per persoon.\n"
		"Verzetten of afzeggen: https://afspraken.aalsmeer.nl/wijzigen");
	assert_null(icalcomponent_get_first_property(t.ev, ICAL_URL_PROPERTY));
	stamp = icalproperty_get_dtstamp(
		eigenschap(t.ev, ICAL_DTSTAMP_PROPERTY));
	assert_true(icaltime_is_utc(stamp));
	assert_int_equal((int64_t)icaltime_as_timet(stamp), g.c.nu);
	p = eigenschap(t.ev, ICAL_ORGANIZER_PROPERTY);
	assert_string_equal(icalproperty_get_organizer(p),
			    "mailto:afspraken@aalsmeer.nl");
	assert_string_equal(
		icalparameter_get_cn(
			icalproperty_get_first_parameter(p, ICAL_CN_PARAMETER)),
		"Gemeente Aalsmeer");
	p = eigenschap(t.ev, ICAL_ATTENDEE_PROPERTY);
	assert_string_equal(icalproperty_get_attendee(p),
			    "mailto:jan@example.nl");
	assert_int_equal(
		icalparameter_get_rsvp(icalproperty_get_first_parameter(
			p, ICAL_RSVP_PARAMETER)),
		ICAL_RSVP_FALSE);
	assert_lokaal(t.cal, eigenschap(t.ev, ICAL_DTSTART_PROPERTY),
		      icalcomponent_get_dtstart(t.ev), 2026, 12, 7, 930,
		      g.b.afspraak.start);
	assert_lokaal(t.cal, eigenschap(t.ev, ICAL_DTEND_PROPERTY),
		      icalcomponent_get_dtend(t.ev), 2026, 12, 7, 950,
		      g.b.afspraak.eind);

	/* The zone: exactly the two EU rules. */
	tz = icalcomponent_get_first_component(t.cal, ICAL_VTIMEZONE_COMPONENT);
	assert_non_null(tz);
	assert_string_equal(
		icalproperty_get_tzid(eigenschap(tz, ICAL_TZID_PROPERTY)),
		"Europe/Amsterdam");
	sub = icalcomponent_get_first_component(tz, ICAL_XSTANDARD_COMPONENT);
	assert_non_null(sub);
	assert_int_equal(icalproperty_get_tzoffsetto(
				 eigenschap(sub, ICAL_TZOFFSETTO_PROPERTY)),
			 3600);
	assert_rrule(sub, "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10");
	assert_null(
		icalcomponent_get_next_component(tz, ICAL_XSTANDARD_COMPONENT));
	sub = icalcomponent_get_first_component(tz, ICAL_XDAYLIGHT_COMPONENT);
	assert_non_null(sub);
	assert_int_equal(icalproperty_get_tzoffsetto(
				 eigenschap(sub, ICAL_TZOFFSETTO_PROPERTY)),
			 7200);
	assert_rrule(sub, "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3");
	icalcomponent_free(t.cal);
	arena_free(&g.a);
}

static void
test_ics_annulering(void **state)
{
	struct bericht_inhoud o;
	struct geval g;
	struct terug t;

	(void)state;
	geval_init(&g, BERICHT_ANNULERING);
	g.b.volgnummer = 3;
	g.b.afspraak.volgnummer = 3;
	g.b.afspraak.status = AS_GEANNULEERD;
	maak(&g, &o);
	assert_regels(o.ics);
	t = lees(o.ics);
	assert_int_equal(icalcomponent_get_method(t.cal), ICAL_METHOD_CANCEL);
	assert_int_equal(icalcomponent_get_status(t.ev), ICAL_STATUS_CANCELLED);
	assert_string_equal(icalcomponent_get_uid(t.ev), "ABCD2345@ambt");
	assert_int_equal(icalcomponent_get_sequence(t.ev), 3);
	assert_lokaal(t.cal, eigenschap(t.ev, ICAL_DTSTART_PROPERTY),
		      icalcomponent_get_dtstart(t.ev), 2026, 12, 7, 930,
		      g.b.afspraak.start);
	icalcomponent_free(t.cal);
	arena_free(&g.a);
}

/*
 * Either side of both summer-time Sundays of 2026 (29 March, 25
 * October) and one of 2027 (28 March): the text shows the local time,
 * DTSTART carries it with the TZID, and the object's own zone turns it
 * back into the right instant. One visit spans the autumn change.
 */
static void
test_zomertijd(void **state)
{
	static const struct {
		const char *start, *eind;
		const char *tekst;
		int y, m, d, van, tot;
		const char *dtstart;
	} cases[] = {
		{ "2026-03-28T09:30:00+01:00", "2026-03-28T09:50:00+01:00",
		  "zaterdag 28 maart 2026 om 09:30", 2026, 3, 28, 930, 950,
		  "20260328T093000" },
		{ "2026-03-29T03:30:00+02:00", "2026-03-29T04:00:00+02:00",
		  "zondag 29 maart 2026 om 03:30", 2026, 3, 29, 330, 400,
		  "20260329T033000" },
		{ "2026-03-30T09:30:00+02:00", "2026-03-30T09:50:00+02:00",
		  "maandag 30 maart 2026 om 09:30", 2026, 3, 30, 930, 950,
		  "20260330T093000" },
		{ "2026-10-23T09:30:00+02:00", "2026-10-23T09:50:00+02:00",
		  "vrijdag 23 oktober 2026 om 09:30", 2026, 10, 23, 930, 950,
		  "20261023T093000" },
		{ "2026-10-25T01:30:00+02:00", "2026-10-25T03:30:00+01:00",
		  "zondag 25 oktober 2026 om 01:30", 2026, 10, 25, 130, 330,
		  "20261025T013000" },
		{ "2026-10-26T09:30:00+01:00", "2026-10-26T09:50:00+01:00",
		  "maandag 26 oktober 2026 om 09:30", 2026, 10, 26, 930, 950,
		  "20261026T093000" },
		{ "2027-03-27T16:45:00+01:00", "2027-03-27T17:00:00+01:00",
		  "zaterdag 27 maart 2027 om 16:45", 2027, 3, 27, 1645, 1700,
		  "20270327T164500" },
		{ "2027-03-29T08:00:00+02:00", "2027-03-29T08:30:00+02:00",
		  "maandag 29 maart 2027 om 08:00", 2027, 3, 29, 800, 830,
		  "20270329T080000" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct bericht_inhoud o;
		struct geval g;
		struct terug t;
		char tijd[BERICHT_TIJD_LEN], want[128];

		geval_init(&g, BERICHT_HERINNERING);
		g.b.afspraak.start = T(cases[i].start);
		g.b.afspraak.eind = T(cases[i].eind);
		bericht_tijd_nl(g.b.afspraak.start, tijd);
		assert_string_equal(tijd, cases[i].tekst);
		maak(&g, &o);
		snprintf(want, sizeof(want), "Herinnering: uw afspraak op %s",
			 cases[i].tekst);
		assert_string_equal(o.onderwerp, want);
		snprintf(want, sizeof(want),
			 "\nWanneer: %s (tot ongeveer %02d:%02d)\n",
			 cases[i].tekst, cases[i].tot / 100,
			 cases[i].tot % 100);
		assert_non_null(strstr(o.tekst, want));
		snprintf(want, sizeof(want),
			 "\r\nDTSTART;TZID=Europe/Amsterdam:%s\r\n",
			 cases[i].dtstart);
		assert_non_null(strstr(o.ics, want));
		t = lees(o.ics);
		assert_lokaal(t.cal, eigenschap(t.ev, ICAL_DTSTART_PROPERTY),
			      icalcomponent_get_dtstart(t.ev), cases[i].y,
			      cases[i].m, cases[i].d, cases[i].van,
			      g.b.afspraak.start);
		assert_lokaal(t.cal, eigenschap(t.ev, ICAL_DTEND_PROPERTY),
			      icalcomponent_get_dtend(t.ev), cases[i].y,
			      cases[i].m, cases[i].d, cases[i].tot,
			      g.b.afspraak.eind);
		icalcomponent_free(t.cal);
		arena_free(&g.a);
	}
}

/* ---- the rest ---- */

static void
test_volgende_poging(void **state)
{
	static const struct {
		int pogingen;
		int64_t na;
	} cases[] = {
		{ 1, 60 },   { 2, 300 },   { 3, 900 }, { 4, 3600 },
		{ 5, 3600 }, { 23, 3600 }, { 24, 0 },  { 25, 0 },
	};
	int64_t nu = T("2026-11-22T10:30:00+01:00");

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(bericht_volgende_poging(cases[i].pogingen, nu),
				 cases[i].na ? nu + cases[i].na : 0);
}

static void
test_videolink(void **state)
{
	struct arena a;

	(void)state;
	arena_init(&a, 1u << 16);
	assert_string_equal(
		bericht_videolink("https://v.nl/{referentie}?c={referentie}",
				  "ABCD2345", &a),
		"https://v.nl/ABCD2345?c=ABCD2345");
	assert_string_equal(
		bericht_videolink("https://v.nl/wacht", "ABCD2345", &a),
		"https://v.nl/wacht");
	assert_string_equal(bericht_videolink("{referentie}", "X", &a), "X");
	assert_string_equal(bericht_videolink("{referentie", "X", &a),
			    "{referentie");
	assert_null(bericht_videolink(NULL, "X", &a));
	assert_null(bericht_videolink("", "X", &a));
	arena_free(&a);
}

static void
test_geweigerd(void **state)
{
	struct bericht_inhoud o;
	struct geval g;
	struct err e;

	(void)state;
	geval_init(&g, BERICHT_BEVESTIGING);
	g.b.afspraak.referentie = "ABC 2345";
	g.c.domein = "ambt\r\nBcc: x";
	g.c.afzender = NULL;
	err_clear(&e);
	assert_int_equal(bericht_maak(&g.b, &g.c, &g.a, &o, &e), ST_INVALID);
	assert_int_equal(e.nproblems, 3);
	assert_true(has_problem(&e, "referentie", "required"));
	assert_true(has_problem(&e, "domein", "format"));
	assert_true(has_problem(&e, "afzender", "required"));
	assert_null(o.ics);

	geval_init(&g, BERICHT_BEVESTIGING);
	g.b.afspraak.referentie = "ABCDEFGHJKMNPQRST"; /* 17 */
	err_clear(&e);
	assert_int_equal(bericht_maak(&g.b, &g.c, &g.a, &o, &e), ST_INVALID);
	assert_only_problem(&e, "referentie", "required");
	arena_free(&g.a);

	/* An arena too small for the message. */
	geval_init(&g, BERICHT_BEVESTIGING);
	arena_free(&g.a);
	arena_init(&g.a, 1500);
	err_clear(&e);
	assert_int_equal(bericht_maak(&g.b, &g.c, &g.a, &o, &e), ST_NOMEM);
	arena_free(&g.a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bevestiging),
		cmocka_unit_test(test_wijziging),
		cmocka_unit_test(test_annulering),
		cmocka_unit_test(test_herinnering),
		cmocka_unit_test(test_zonder_naam_en_url_met_slottekst),
		cmocka_unit_test(test_video),
		cmocka_unit_test(test_ics_velden),
		cmocka_unit_test(test_ics_annulering),
		cmocka_unit_test(test_zomertijd),
		cmocka_unit_test(test_volgende_poging),
		cmocka_unit_test(test_videolink),
		cmocka_unit_test(test_geweigerd),
	};

	return RUN_TESTS(tests);
}
