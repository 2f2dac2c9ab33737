/*
 * bericht.h - a message about an appointment, composed from the outbox
 * row (struct bericht, core/afspraak.h) when it is sent: the Dutch subject
 * and plain-text body in plain language, and an iCalendar (RFC 5545)
 * object made with libical that puts the appointment in the resident's
 * calendar (METHOD:REQUEST) or takes it out again (METHOD:CANCEL).
 *
 * Times are shown in Europe/Amsterdam ("maandag 7 december 2026 om
 * 09:30"); the calendar object carries its own VTIMEZONE (the EU rule:
 * summer time from the last Sunday of March to the last Sunday of
 * October), so no zone database is needed on either side. Nothing here
 * reads the clock: "now" (DTSTAMP) comes from the caller.
 */
#ifndef AMBT_PRESENT_BERICHT_H
#define AMBT_PRESENT_BERICHT_H

#include <stddef.h>
#include <stdint.h>

#include "../core/afspraak.h"
#include "../core/arena.h"
#include "../core/err.h"

/* What composing needs besides the outbox row. */
struct bericht_context {
	const char *gemeente_naam; /* "Aalsmeer" (NULL: the CBS code) */
	const char *afzender; /* the From address, the calendar's ORGANIZER */
	const char *domein; /* the right side of UIDs: "<REF>@ambt" */
	const char *wijzig_url; /* where residents change or cancel, or NULL */
	int64_t nu; /* the moment of composing (DTSTAMP), UTC */
};

/* A composed message; every text lives in the caller's arena. */
struct bericht_inhoud {
	const char *onderwerp; /* the subject, one line, UTF-8 */
	const char *tekst; /* the body: UTF-8 lines, each ending in "\n" */
	const char *ics; /* the iCalendar object, lines ending in CRLF;
			    NULL for an offer from the waiting list */
	const char *methode; /* "REQUEST" or "CANCEL" (text/calendar) */
	const char *bestandsnaam; /* "afspraak-ABCD2345.ics" */
	const char *uid; /* "ABCD2345@ambt": the same for every message */
};

/*
 * Compose message b. ST_INVALID (field "referentie", "domein" or
 * "afzender") when the appointment's reference code is not 1-16 letters
 * and digits, the domain is not a host name ([A-Za-z0-9.-], 1-253) or
 * there is no sender address;
 * ST_NOMEM when the arena is full; ST_INTERNAL when libical fails.
 */
enum status bericht_maak(const struct bericht *b,
			 const struct bericht_context *c, struct arena *a,
			 struct bericht_inhoud *out, struct err *e);

/* "maandag 7 december 2026 om 09:30": the Amsterdam time of an instant,
 * into buf (BERICHT_TIJD_LEN bytes). */
#define BERICHT_TIJD_LEN 64
void bericht_tijd_nl(int64_t utc, char *buf);

/*
 * The join link of a video appointment: the municipality's template with
 * every "{referentie}" replaced by the reference code; NULL without a
 * template (or when the arena is full).
 */
const char *bericht_videolink(const char *sjabloon, const char *referentie,
			      struct arena *a);

/*
 * When to try again after `pogingen` failed attempts (this one
 * included): 1, 5, 15 and 60 minutes after `nu`, then every hour; 0
 * after BERICHT_MAX_POGINGEN attempts: give up.
 */
#define BERICHT_MAX_POGINGEN 24
int64_t bericht_volgende_poging(int pogingen, int64_t nu);

#endif
