/*
 * berichten.h - the sender of the outbox: the messages about
 * appointments (confirmation, change, cancellation, reminder), composed
 * from the appointment when due (src/present/bericht.c) and sent by
 * e-mail (src/sys/smtp.c). `ambt berichten verstuur` runs it, and so
 * does a thread of `ambt server`; one process at a time sends, across
 * servers (store_bericht_claim).
 *
 * A message is marked sent only after the mail server accepted it; one
 * that fails is tried again 1, 5, 15 and 60 minutes later, then every
 * hour, and given up after BERICHT_MAX_POGINGEN attempts (the error
 * noted). When the process stops between the server's acceptance and
 * the mark, the message goes out once more: at least once, never lost.
 *
 * Configuration, from the environment:
 *   AMBT_SMTP            smtp://HOST[:PORT] or smtps://HOST[:PORT]; without
 *                        it nothing is sent
 *   AMBT_SMTP_STARTTLS   "ja": require STARTTLS on smtp://
 *   AMBT_SMTP_GEBRUIKER, AMBT_SMTP_WACHTWOORD   log in (AUTH)
 *   AMBT_SMTP_AFZENDER   From for a municipality that set none
 *   AMBT_SMTP_DOMEIN     the host in UIDs and Message-IDs (default "ambt")
 *   AMBT_AFSPRAAK_URL    where residents change or cancel (in the text)
 */
#ifndef AMBT_CLI_BERICHTEN_H
#define AMBT_CLI_BERICHTEN_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../core/err.h"
#include "../store/store.h"
#include "../sys/smtp.h"

/* Seconds a claim to send lasts; it is renewed before every message. */
#define VERZENDER_CLAIM 120
/* Seconds between rounds (ambt server, and verstuur without --een-keer). */
#define VERZENDER_INTERVAL 5
/* Messages fetched in one round. */
#define VERZENDER_PER_RONDE 50

struct verzender {
	struct smtp_config smtp;
	const char *afzender; /* NULL: only the municipalities' own */
	const char *domein;
	const char *wijzig_url;
	char door[128]; /* who claims: "HOST:PID" */
	FILE *log; /* a line per message; NULL: none */
	const char *naam; /* the log's prefix: "ambt server" */
};

/*
 * The configuration from the environment, `smtp_url` (an option) taking
 * the place of AMBT_SMTP when given. Returns 0; -1 when no mail server is
 * configured (nothing printed); EXIT_USER after printing what is wrong.
 */
int verzender_config(struct verzender *v, const char *smtp_url,
		     const char *naam);

struct ronde {
	size_t verzonden; /* accepted by the mail server, marked sent */
	size_t mislukt; /* to be tried again later */
	size_t opgegeven; /* failed the last time: given up */
	size_t vervallen; /* no longer to be sent (cancelled, no address) */
	bool geen_claim; /* another process sends now */
	bool meer; /* a full batch: more may be due */
};

/*
 * One round on s (with the clock from src/sys/clock.c): claim the right
 * to send, fetch what is due and send it, message by message, until done
 * or *stop. ST_OK also when messages failed (counted in r); an error
 * status when the store failed.
 */
enum status verzender_ronde(struct store *s, const struct verzender *v,
			    atomic_int *stop, struct ronde *r, struct err *e);

/* Give the claim up, so that another process may send at once. */
void verzender_los(struct store *s, const struct verzender *v);

/*
 * A round every VERZENDER_INTERVAL seconds (at once again after a full
 * batch) until *stop, on its own connection to the database `db` (made
 * anew after the database was unreachable); problems are logged once,
 * and again when they are over. Gives the claim up at the end.
 */
void verzender_lus(const char *db, const struct verzender *v, atomic_int *stop);

#endif
