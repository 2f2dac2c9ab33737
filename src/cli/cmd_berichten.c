/*
 * cmd_berichten.c - `ambt berichten verstuur`, and the sender of the
 * outbox it shares with `ambt server`; see berichten.h.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "berichten.h"
#include "cli.h"
#include "commands.h"
#include "../present/bericht.h"
#include "../store/store_afspraak.h"
#include "../sys/clock.h"
#include "../banned.h"

/* ---- configuration ---- */

static const char *
omgeving(const char *naam)
{
	const char *v = getenv(naam);

	return v && *v ? v : NULL;
}

int
verzender_config(struct verzender *v, const char *smtp_url, const char *naam)
{
	const char *tls = omgeving("AMBT_SMTP_STARTTLS");
	char host[64] = "ambt";
	struct err e;

	memset(v, 0, sizeof(*v));
	v->naam = naam;
	v->log = stderr;
	v->smtp.url = smtp_url && *smtp_url ? smtp_url : omgeving("AMBT_SMTP");
	if (!v->smtp.url)
		return -1;
	err_clear(&e);
	if (smtp_config_check(&v->smtp, &e)) {
		fprintf(stderr, "%s: %s\n", naam, e.problems[0].reason);
		return EXIT_USER;
	}
	if (tls && strcmp(tls, "ja") != 0 && strcmp(tls, "nee") != 0) {
		fprintf(stderr, "%s: AMBT_SMTP_STARTTLS is 'ja' of 'nee'.\n",
			naam);
		return EXIT_USER;
	}
	v->smtp.starttls = tls && strcmp(tls, "ja") == 0;
	v->smtp.gebruiker = omgeving("AMBT_SMTP_GEBRUIKER");
	v->smtp.wachtwoord = omgeving("AMBT_SMTP_WACHTWOORD");
	v->afzender = omgeving("AMBT_SMTP_AFZENDER");
	v->domein = omgeving("AMBT_SMTP_DOMEIN");
	if (!v->domein)
		v->domein = "ambt";
	v->wijzig_url = omgeving("AMBT_AFSPRAAK_URL");
	if (v->wijzig_url && (strlen(v->wijzig_url) > 500 ||
			      (strncmp(v->wijzig_url, "https://", 8) != 0 &&
			       strncmp(v->wijzig_url, "http://", 7) != 0) ||
			      strpbrk(v->wijzig_url, " \t\r\n"))) {
		fprintf(stderr,
			"%s: AMBT_AFSPRAAK_URL moet een http(s)-adres zijn "
			"(hoogstens 500 tekens, zonder spaties).\n",
			naam);
		return EXIT_USER;
	}
	gethostname(host, sizeof(host) - 1);
	host[sizeof(host) - 1] = '\0';
	snprintf(v->door, sizeof(v->door), "%s:%ld", host, (long)getpid());
	return 0;
}

/* ---- one message ---- */

/*
 * The error text with the recipient's address taken out (a server may
 * name it): what is noted in the outbox and the log holds no personal
 * data.
 */
static void
zonder_adres(const char *fout, const char *adres, char *buf, size_t n)
{
	size_t k = adres ? strlen(adres) : 0, j = 0;

	for (const char *p = fout; *p && j + 1 < n;) {
		if (k && strncasecmp(p, adres, k) == 0) {
			int w = snprintf(buf + j, n - j, "(ontvanger)");

			j += w > 0 && (size_t)w < n - j ? (size_t)w : 0;
			p += k;
			continue;
		}
		buf[j++] = *p++;
	}
	buf[j] = '\0';
}

static void logregel(const struct verzender *v, const struct bericht *b,
		     const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
logregel(const struct verzender *v, const struct bericht *b, const char *fmt,
	 ...)
{
	va_list ap;

	if (!v->log)
		return;
	fprintf(v->log, "%s: bericht %lld (%s %s) ", v->naam, (long long)b->id,
		bericht_soort_name(b->soort),
		b->afspraak.referentie ? b->afspraak.referentie : "?");
	va_start(ap, fmt);
	vfprintf(v->log, fmt, ap);
	va_end(ap);
	fputc('\n', v->log);
	fflush(v->log);
}

/* Why b is no longer to be sent, or NULL. */
static const char *
vervalt(const struct bericht *b, int64_t nu)
{
	const struct afspraak *f = &b->afspraak;

	if (!f->email || !*f->email)
		return "Er is geen e-mailadres (meer) bij de afspraak.";
	if (b->soort == BERICHT_AANBOD)
		return f->start <= nu ? "De vrijgekomen tijd is al voorbij; "
					"het aanbod is niet meer nodig."
				      : NULL;
	if (b->soort != BERICHT_ANNULERING && f->status == AS_GEANNULEERD)
		return "De afspraak is afgezegd; dit bericht is niet meer nodig.";
	if (b->soort == BERICHT_HERINNERING && f->start <= nu)
		return "De afspraak is al begonnen; een herinnering is niet "
		       "meer nodig.";
	return NULL;
}

/* Compose and send b; mark it. ST_OK unless the store failed. */
static enum status
verstuur_een(struct store *s, const struct verzender *v,
	     const struct bericht *b, int64_t nu, struct arena *a,
	     struct ronde *r, struct err *e)
{
	const struct afspraak *f = &b->afspraak;
	const char *reden = vervalt(b, nu);
	const char *codes[1] = { f->gemeente };
	const char **namen;
	struct bericht_context c = { 0 };
	struct bericht_inhoud inh;
	struct smtp_bericht m = { 0 };
	struct err fout;
	char tekst[sizeof(fout.message)], id[160], tijd[INSTANT_ISO_LEN];
	char van_naam[256];
	int64_t volgende;
	int poging = b->pogingen + 1;

	if (reden) {
		if (store_bericht_failed(s, b->id, reden, 0, e))
			return e->status;
		logregel(v, b, "vervalt: %s", reden);
		r->vervallen++;
		return ST_OK;
	}
	namen = store_organisatie_namen(s, a, codes, 1);
	c.gemeente_naam = namen ? namen[0] : f->gemeente;
	c.afzender = b->instelling.afzender && *b->instelling.afzender
			     ? b->instelling.afzender
			     : v->afzender;
	c.domein = v->domein;
	c.wijzig_url = v->wijzig_url;
	c.nu = nu;
	err_clear(&fout);
	if (bericht_maak(b, &c, a, &inh, &fout) == ST_OK) {
		snprintf(id, sizeof(id), "%s.%lld@%s", f->referentie,
			 (long long)b->id, v->domein);
		snprintf(van_naam, sizeof(van_naam), "Gemeente %s",
			 c.gemeente_naam);
		m.van = c.afzender;
		m.van_naam = van_naam;
		m.aan = f->email;
		m.aan_naam = f->naam;
		m.onderwerp = inh.onderwerp;
		m.tekst = inh.tekst;
		m.bijlage = inh.ics;
		m.bijlage_methode = inh.methode;
		m.bijlage_naam = inh.bestandsnaam;
		m.message_id = id;
		m.datum = nu;
		if (smtp_verstuur(&v->smtp, &m, a, &fout) == ST_OK) {
			if (store_bericht_sent(s, b->id, e)) {
				logregel(v, b,
					 "is verstuurd, maar niet als "
					 "verstuurd gemarkeerd: %s; het gaat "
					 "later nog een keer",
					 e->message);
				return e->status;
			}
			logregel(v, b, "verstuurd");
			r->verzonden++;
			return ST_OK;
		}
	}
	/* Refused by the composer or the mail server, or not reached. */
	if (fout.status == ST_INVALID && fout.nproblems)
		snprintf(tekst, sizeof(tekst), "%s: %s", fout.problems[0].name,
			 fout.problems[0].reason);
	else
		snprintf(tekst, sizeof(tekst), "%s", fout.message);
	{
		char schoon[sizeof(tekst) + 64];

		zonder_adres(tekst, f->email, schoon, sizeof(schoon));
		volgende = bericht_volgende_poging(poging, nu);
		if (store_bericht_failed(s, b->id, schoon, volgende, e))
			return e->status;
		if (volgende) {
			date_format_instant(volgende, tijd);
			logregel(v, b,
				 "niet verstuurd (poging %d); opnieuw vanaf "
				 "%s: %s",
				 poging, tijd, schoon);
			r->mislukt++;
		} else {
			logregel(v, b,
				 "niet verstuurd na %d pogingen; opgegeven: %s",
				 poging, schoon);
			r->opgegeven++;
		}
	}
	return ST_OK;
}

/* ---- rounds ---- */

static enum status
claim(struct store *s, const struct verzender *v, bool *gekregen, struct err *e)
{
	int64_t nu = clock_now();

	store_set_clock(s, nu);
	return store_bericht_claim(s, v->door, nu + VERZENDER_CLAIM, gekregen,
				   e);
}

enum status
verzender_ronde(struct store *s, const struct verzender *v, atomic_int *stop,
		struct ronde *r, struct err *e)
{
	struct bericht *b;
	struct arena a;
	bool gekregen = false;
	size_t n;
	enum status st;

	r->meer = false;
	if ((st = claim(s, v, &gekregen, e)))
		return st;
	if (!gekregen) {
		r->geen_claim = true;
		return ST_OK;
	}
	arena_init(&a, 64u << 20);
	st = store_bericht_due(s, VERZENDER_PER_RONDE, &a, &b, &n, e);
	r->meer = st == ST_OK && n == VERZENDER_PER_RONDE;
	for (size_t i = 0; st == ST_OK && i < n; i++) {
		struct arena per;

		if (stop && atomic_load(stop)) {
			r->meer = false;
			break;
		}
		/* Still ours, for at least the time one message may take. */
		if ((st = claim(s, v, &gekregen, e)))
			break;
		if (!gekregen) {
			r->geen_claim = true;
			r->meer = false;
			break;
		}
		arena_init(&per, 16u << 20);
		st = verstuur_een(s, v, &b[i], clock_now(), &per, r, e);
		arena_free(&per);
	}
	arena_free(&a);
	return st;
}

void
verzender_los(struct store *s, const struct verzender *v)
{
	struct err e;
	bool gekregen;
	int64_t nu = clock_now();

	/* Claimed until now: free for anyone from this moment on. */
	err_clear(&e);
	store_set_clock(s, nu);
	store_bericht_claim(s, v->door, nu, &gekregen, &e);
}

/* ---- ambt berichten verstuur ---- */

static atomic_int gestopt;

static void
on_signal(int sig)
{
	(void)sig;
	atomic_store(&gestopt, 1);
}

/* Sleep up to `sec` seconds, waking early when *stop. */
static void
wacht(int sec, atomic_int *stop)
{
	for (int i = 0; i < sec * 10 && !atomic_load(stop); i++) {
		struct timespec ts = { 0, 100 * 1000000L };

		nanosleep(&ts, NULL);
	}
}

void
verzender_lus(const char *db, const struct verzender *v, atomic_int *stop)
{
	struct store *s = NULL;
	bool fout_gemeld = false, claim_gemeld = false;

	while (!atomic_load(stop)) {
		struct ronde r = { 0 };
		struct err e;

		err_clear(&e);
		if (!s && store_open(db, STORE_EXISTING, &s, &e) == ST_OK)
			store_set_actor(s, "systeem:berichten",
					"verzender van berichten", v->door);
		if (s && verzender_ronde(s, v, stop, &r, &e) == ST_OK) {
			if (fout_gemeld && v->log)
				fprintf(v->log,
					"%s: de database is weer bereikbaar; "
					"berichten gaan weer uit.\n",
					v->naam);
			fout_gemeld = false;
			if (r.geen_claim && !claim_gemeld && v->log)
				fprintf(v->log,
					"%s: een ander proces verstuurt de "
					"berichten; dit proces wacht.\n",
					v->naam);
			claim_gemeld = r.geen_claim;
			if (r.meer)
				continue;
		} else {
			if (!fout_gemeld && v->log)
				fprintf(v->log,
					"%s: berichten versturen lukt nu "
					"niet: %s%s%s\n",
					v->naam,
					e.message[0] ? e.message : "fout",
					e.detail[0] ? " " : "", e.detail);
			fout_gemeld = true;
			if (e.status == ST_UNAVAILABLE) {
				store_close(s);
				s = NULL;
			}
		}
		wacht(VERZENDER_INTERVAL, stop);
	}
	if (s) {
		verzender_los(s, v);
		store_close(s);
	}
}

static const char usage_verstuur[] =
	"Gebruik: ambt berichten verstuur [--een-keer] [--smtp URL] "
	"[--db DATABASE]\n\n"
	"Verstuurt de berichten over afspraken (bevestiging, wijziging, "
	"afzegging,\nherinnering) per e-mail, elke paar seconden wat aan de "
	"beurt is, tot Ctrl-C of\nSIGTERM. Er verstuurt steeds één proces "
	"tegelijk; `ambt server` doet dit ook.\n\n"
	"  --een-keer   verstuur wat nu aan de beurt is en stop\n"
	"  --smtp URL   de mailserver (anders AMBT_SMTP), bijvoorbeeld\n"
	"               smtp://127.0.0.1:25 of smtps://mail.example.nl\n\n"
	"Verder uit de omgeving: AMBT_SMTP_STARTTLS=ja, AMBT_SMTP_GEBRUIKER "
	"en\nAMBT_SMTP_WACHTWOORD, AMBT_SMTP_AFZENDER (afzender als de "
	"gemeente er geen\nheeft), AMBT_SMTP_DOMEIN (standaard ambt) en "
	"AMBT_AFSPRAAK_URL (waar inwoners\nhun afspraak verzetten of "
	"afzeggen).\n";

static int
verstuur(int argc, char **argv)
{
	const char *smtp = NULL;
	bool een_keer = false;
	const struct opt opts[] = {
		{ "een-keer", NULL, &een_keer },
		{ "smtp", &smtp, NULL },
		{ NULL, NULL, NULL },
	};
	struct cli_common c = { 0 };
	struct verzender v;
	struct ronde r = { 0 };
	struct store *s;
	struct err e;
	const char *pos[1];
	size_t npos;
	int rc;

	if ((rc = cli_parse(argc, argv, opts, &c, pos, 0, &npos,
			    usage_verstuur)) ||
	    c.help)
		return rc;
	rc = verzender_config(&v, smtp, "ambt");
	if (rc < 0) {
		fputs("ambt: er is geen mailserver ingesteld (AMBT_SMTP="
		      "smtp://server:poort of --smtp); er is niets "
		      "verstuurd.\n",
		      stderr);
		return EXIT_USER;
	}
	if (rc)
		return rc;
	if (!een_keer) {
		struct sigaction sa = { 0 };

		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
		fprintf(stderr, "ambt: berichten worden verstuurd (stoppen met "
				"Ctrl-C).\n");
		verzender_lus(cli_db_path(&c), &v, &gestopt);
		return 0;
	}
	if ((rc = cli_open(&c, &s)))
		return rc;
	err_clear(&e);
	/* What is due now; a full batch may leave more. */
	for (int i = 0; i < 1000; i++) {
		if (verzender_ronde(s, &v, NULL, &r, &e)) {
			verzender_los(s, &v);
			store_close(s);
			return cli_fail_bij(&e, "de berichten zijn niet "
						"(allemaal) verstuurd");
		}
		if (!r.meer || r.geen_claim)
			break;
	}
	if (!r.geen_claim)
		verzender_los(s, &v);
	store_close(s);
	if (r.geen_claim && !r.verzonden && !r.mislukt && !r.opgegeven &&
	    !r.vervallen) {
		fputs("ambt: een ander proces verstuurt nu de berichten; "
		      "probeer het later opnieuw.\n",
		      stderr);
		return EXIT_USER;
	}
	printf("Verstuurd: %zu. Niet gelukt, later opnieuw: %zu. "
	       "Opgegeven: %zu. Niet meer nodig: %zu.\n",
	       r.verzonden, r.mislukt, r.opgegeven, r.vervallen);
	return 0;
}

static const char usage[] =
	"Gebruik: ambt berichten verstuur [--een-keer] [--smtp URL]\n\n"
	"De berichten over afspraken: bevestiging, wijziging, afzegging en "
	"herinnering,\nper e-mail met de afspraak als agenda-bijlage "
	"(iCalendar).\n";

int
cmd_berichten(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "verstuur", verstuur },
		{ NULL, NULL },
	};

	return cli_dispatch(argc, argv, subs, usage);
}
