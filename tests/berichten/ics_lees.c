/*
 * ics_lees.c - an iCalendar object read back with libical, for the shell
 * tests: prints what a calendar takes from it, one field a line, with
 * DTSTART and DTEND as the local time and TZID written and as the instant
 * that is by the VTIMEZONE in the object itself (never zone files).
 *
 *   ics_lees FILE
 *
 * Exit 0, or 1 when the object is not one VCALENDAR with one VEVENT, a
 * line is longer than 75 octets or does not end in CRLF, or a time is not
 * in the object's own zone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "../../src/core/date.h"

static char *
lees_bestand(const char *pad)
{
	FILE *f = fopen(pad, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, k;

	if (!f)
		return NULL;
	do {
		if (n + 4096 + 1 > cap) {
			char *nb;

			cap = cap ? cap * 2 : 8192;
			nb = realloc(buf, cap);
			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		k = fread(buf + n, 1, 4096, f);
		n += k;
	} while (k > 0);
	fclose(f);
	if (!buf)
		return NULL;
	buf[n] = '\0';
	return buf;
}

static int
regels_goed(const char *t)
{
	for (const char *p = t; *p;) {
		const char *eol = strstr(p, "\r\n");

		if (!eol || eol - p > 75 ||
		    memchr(p, '\n', (size_t)(eol - p))) {
			fprintf(stderr, "ics_lees: regel niet goed: %.80s\n",
				p);
			return 0;
		}
		p = eol + 2;
	}
	return 1;
}

static int
tijd(icalcomponent *cal, icalcomponent *ev, icalproperty_kind k,
     const char *naam)
{
	icalproperty *p = icalcomponent_get_first_property(ev, k);
	icalparameter *tz;
	struct icaltimetype t;
	char iso[INSTANT_ISO_LEN];

	if (!p)
		return 0;
	tz = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
	t = k == ICAL_DTSTART_PROPERTY ? icalcomponent_get_dtstart(ev)
				       : icalcomponent_get_dtend(ev);
	if (!tz || !t.zone ||
	    t.zone != icalcomponent_get_timezone(cal,
						 icalparameter_get_tzid(tz))) {
		fprintf(stderr, "ics_lees: %s niet in de eigen tijdzone\n",
			naam);
		return 0;
	}
	date_format_instant((int64_t)icaltime_as_timet_with_zone(t, t.zone),
			    iso);
	printf("%s: %04d-%02d-%02d %02d:%02d %s = %s\n", naam, t.year, t.month,
	       t.day, t.hour, t.minute, icalparameter_get_tzid(tz), iso);
	return 1;
}

int
main(int argc, char **argv)
{
	char *tekst;
	icalcomponent *cal, *ev;
	icalproperty *p;
	int ok = 1;

	if (argc != 2 || !(tekst = lees_bestand(argv[1]))) {
		fputs("gebruik: ics_lees BESTAND\n", stderr);
		return 2;
	}
	if (!regels_goed(tekst)) {
		free(tekst);
		return 1;
	}
	cal = icalparser_parse_string(tekst);
	free(tekst);
	if (!cal || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT ||
	    icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT) != 1 ||
	    icalcomponent_count_components(cal, ICAL_VTIMEZONE_COMPONENT) !=
		    1) {
		fputs("ics_lees: geen VCALENDAR met één VEVENT en één "
		      "VTIMEZONE\n",
		      stderr);
		if (cal)
			icalcomponent_free(cal);
		return 1;
	}
	ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	printf("METHOD: %s\n",
	       icalproperty_method_to_string(icalcomponent_get_method(cal)));
	printf("UID: %s\n", icalcomponent_get_uid(ev));
	printf("SEQUENCE: %d\n", icalcomponent_get_sequence(ev));
	printf("STATUS: %s\n",
	       icalproperty_status_to_string(icalcomponent_get_status(ev)));
	ok &= tijd(cal, ev, ICAL_DTSTART_PROPERTY, "DTSTART");
	ok &= tijd(cal, ev, ICAL_DTEND_PROPERTY, "DTEND");
	printf("SUMMARY: %s\n", icalcomponent_get_summary(ev));
	printf("LOCATION: %s\n", icalcomponent_get_location(ev));
	p = icalcomponent_get_first_property(ev, ICAL_URL_PROPERTY);
	if (p)
		printf("URL: %s\n", icalproperty_get_url(p));
	p = icalcomponent_get_first_property(ev, ICAL_ORGANIZER_PROPERTY);
	if (p)
		printf("ORGANIZER: %s\n", icalproperty_get_organizer(p));
	p = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY);
	if (p)
		printf("ATTENDEE: %s\n", icalproperty_get_attendee(p));
	icalcomponent_free(cal);
	return ok ? 0 : 1;
}
