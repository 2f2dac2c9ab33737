/*
 * smtp.h - sending one e-mail over SMTP (libcurl): a plain-text body and,
 * optionally, an iCalendar attachment, as a multipart/mixed MIME message.
 *
 * The message is built here (smtp_opmaak): the Date header from the
 * caller's instant (never the machine's clock), a Message-ID the caller
 * chooses (the same on every attempt at one message), the subject and
 * display names encoded per RFC 2047 when they are not plain ASCII, the
 * body as UTF-8 quoted-printable and the attachment as base64, every
 * line ending in CRLF. Text from outside that could break a header (a
 * line break, a control character) is refused, never sent.
 */
#ifndef AMBT_SYS_SMTP_H
#define AMBT_SYS_SMTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "../core/err.h"

/* Where and how to deliver. */
struct smtp_config {
	/* smtp://HOST[:PORT] (or smtps:// for TLS from the start); a path
	 * gives the name this side uses in EHLO: smtp://HOST:25/ambt.nl */
	const char *url;
	bool starttls; /* smtp://: require STARTTLS before anything is sent */
	const char *gebruiker, *wachtwoord; /* AUTH; NULL: none */
	long verbind_timeout; /* seconds to connect; 0: 10 */
	long timeout; /* seconds for the whole message; 0: 60 */
};

/* Whether c->url is an smtp:// or smtps:// URL with a host; ST_INVALID
 * (field "AMBT_SMTP") otherwise. */
enum status smtp_config_check(const struct smtp_config *c, struct err *e);

/* One message. */
struct smtp_bericht {
	const char *van; /* the sender's address (From, and the envelope) */
	const char *van_naam; /* its display name, or NULL */
	const char *aan; /* the one recipient's address */
	const char *aan_naam; /* display name, or NULL */
	const char *onderwerp; /* UTF-8 */
	const char *tekst; /* UTF-8, lines ending in "\n" */
	const char *bijlage; /* iCalendar text, or NULL: no attachment */
	const char *bijlage_methode; /* "REQUEST" or "CANCEL" */
	const char *bijlage_naam; /* "afspraak-ABCD2345.ics" */
	const char *message_id; /* "ABCD2345.7@ambt" (without < >) */
	int64_t datum; /* the Date header: this instant, Amsterdam time */
};

/*
 * The message as it goes over the wire (RFC 5322 with MIME), CRLF line
 * ends, in the arena: *uit (n bytes, NUL-terminated). ST_INVALID by field
 * ("van", "aan", "onderwerp", ...) for an address that is not one or a
 * header text with a line break or control character; ST_NOMEM.
 */
enum status smtp_opmaak(const struct smtp_bericht *m, struct arena *a,
			const char **uit, size_t *n, struct err *e);

/*
 * Send m to m->aan. ST_OK only once the server accepted the message
 * (its answer to the end of DATA); otherwise ST_UNAVAILABLE with a Dutch
 * message that names the server's answer or the network error (for the
 * outbox's note), or what smtp_opmaak refused.
 */
enum status smtp_verstuur(const struct smtp_config *c,
			  const struct smtp_bericht *m, struct arena *a,
			  struct err *e);

/* "Mon, 07 Dec 2026 09:30:00 +0100": an instant in Amsterdam time, as
 * RFC 5322 writes a date, into buf (SMTP_DATUM_LEN bytes). */
#define SMTP_DATUM_LEN 40
void smtp_datum(int64_t utc, char *buf);

#endif
