/*
 * cmd_serve.c - `ambt server`: start the web server, and beside it the
 * sender of the messages about appointments (berichten.h) when a mail
 * server is configured.
 */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "berichten.h"
#include "cli.h"
#include "commands.h"
#include "../http/http.h"
#include "../http/server.h"
#include "../banned.h"

static const char usage[] =
	"Gebruik: ambt server [--poort 8080] [--adres 127.0.0.1] [--db DATABASE]\n"
	"                    [--cors HERKOMST,...] [--max-body BYTES] "
	"[--max-upload BYTES]\n                    [--stil]\n\n"
	"Start de webserver: de pagina's en de API onder /api/v1. Stoppen "
	"met Ctrl-C\nof SIGTERM; lopende verzoeken worden eerst afgemaakt.\n\n"
	"  --poort N        poort (standaard 8080; 0 kiest een vrije poort)\n"
	"  --adres A        IPv4-adres om op te luisteren (standaard "
	"127.0.0.1)\n"
	"  --cors LIJST     herkomsten die de API vanuit een browser mogen "
	"gebruiken,\n"
	"                   bijvoorbeeld https://intranet.gemeente.nl\n"
	"  --max-body N     grootste toegestane verzoek in bytes (standaard "
	"1048576)\n"
	"  --max-upload N   grootste urenbestand dat via de API of de pagina "
	"mag\n"
	"                   worden ingelezen, in bytes (standaard 134217728)\n"
	"  --stil           geen toegangslog (anders één JSON-regel per "
	"verzoek op stderr)\n"
	"  --routes         toon alle routes met wat ze vereisen en stop\n\n"
	"Met AMBT_SMTP=smtp://server:poort verstuurt de server ook de "
	"berichten over\nafspraken (zie 'ambt berichten verstuur --help').\n"
	"Eens per dag wist de server de persoonsgegevens van afspraken na de\n"
	"bewaartermijn (zie 'ambt afspraken --help'); van meerdere servers op "
	"één\ndatabase doet één dat.\n";

/* The sender's thread: its configuration, and when to stop. */
struct zender {
	const char *db;
	struct verzender v;
	atomic_int stop;
	pthread_t draad;
	bool klaar; /* configured: a mail server is set */
	bool loopt;
};

static void *
zender_draad(void *arg)
{
	struct zender *z = arg;

	verzender_lus(z->db, &z->v, &z->stop);
	return NULL;
}

/*
 * Configure the sender, or say once (in *melding) why there is none. It
 * logs to standard output after "Ambt draait op ..." (which callers read
 * as the first line): standard error is the access log, one JSON object
 * a line.
 */
static int
zender_config(struct zender *z, const char *db, const char **melding)
{
	int rc;

	z->db = db;
	atomic_init(&z->stop, 0);
	z->loopt = false;
	z->klaar = false;
	rc = verzender_config(&z->v, NULL, "ambt server");
	if (rc < 0) {
		*melding = "ambt server: er is geen mailserver ingesteld "
			   "(AMBT_SMTP); berichten over afspraken worden niet "
			   "verstuurd.";
		return 0;
	}
	if (rc)
		return rc;
	z->v.log = stdout;
	z->klaar = true;
	return 0;
}

/*
 * Start the configured sender beside the server. Its thread takes no
 * SIGINT or SIGTERM: server_run waits for those.
 */
static void
zender_start(struct zender *z)
{
	sigset_t sigs, oud;

	if (!z->klaar)
		return;
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &sigs, &oud);
	if (pthread_create(&z->draad, NULL, zender_draad, z) == 0)
		z->loopt = true;
	else
		fputs("ambt server: de verzender van berichten start niet.\n",
		      stderr);
	pthread_sigmask(SIG_SETMASK, &oud, NULL);
}

/* Stop the sender: the message being sent is finished first. */
static void
zender_stop(struct zender *z)
{
	if (!z->loopt)
		return;
	atomic_store(&z->stop, 1);
	pthread_join(z->draad, NULL);
	z->loopt = false;
}

/*
 * The eraser's thread: every minute it looks whether a day has passed
 * since this process erased and anything is past its retention period
 * (reading only); then it claims the lease for a day (so that of several
 * servers on one database one erases, once a day) and erases what each
 * municipality's retention period no longer allows.
 */
struct opschoner {
	const char *db;
	char door[64];
	atomic_int stop;
	pthread_t draad;
	bool loopt;
};

#define OPSCHONER_DAG 86400
#define OPSCHONER_INTERVAL 60 /* seconds between looks */
#define OPSCHONER_EERST 2 /* seconds before the first */

static void
opschoner_ronde(struct opschoner *o, struct store *s, int64_t *volgende)
{
	struct opschoning *r;
	struct arena a;
	struct err e;
	int64_t nu = clock_now();
	bool ja = false;
	size_t n;

	if (nu < *volgende)
		return;
	err_clear(&e);
	store_set_clock(s, nu);
	/* Nothing due: nothing written, not even the lease. */
	if (store_afspraak_opschonen_nodig(s, &ja, &e) || !ja) {
		*volgende = nu + OPSCHONER_INTERVAL;
		return;
	}
	if (store_opschoner_claim(s, o->door, nu + OPSCHONER_DAG, &ja, &e) ||
	    !ja) {
		/* Another process has it (or the database is away): look
		 * again later. */
		*volgende = nu + OPSCHONER_INTERVAL;
		return;
	}
	*volgende = nu + OPSCHONER_DAG;
	arena_init(&a, 16u << 20);
	if (store_afspraak_opschonen(s, NULL, &a, &r, &n, &e)) {
		fprintf(stderr,
			"ambt server: persoonsgegevens wissen lukte niet: %s "
			"%s\n",
			e.message, e.detail);
		/* Free the lease, so that it is tried again soon. */
		err_clear(&e);
		store_opschoner_claim(s, o->door, nu, &ja, &e);
		*volgende = nu + OPSCHONER_INTERVAL;
	}
	for (size_t i = 0; i < n; i++)
		if (r[i].afspraken)
			fprintf(stderr,
				"ambt server: %s: persoonsgegevens van %zu "
				"afspraken gewist (bewaartermijn %d dagen).\n",
				r[i].gemeente, r[i].afspraken,
				r[i].bewaartermijn);
	arena_free(&a);
}

static void *
opschoner_draad(void *arg)
{
	struct opschoner *o = arg;
	struct store *s = NULL;
	int64_t volgende = 0;
	/* The first look after a few seconds: the server says where it
	 * listens first. */
	int wacht = OPSCHONER_EERST;

	while (!atomic_load(&o->stop)) {
		struct err e;

		for (int i = 0; i < wacht * 10 && !atomic_load(&o->stop); i++) {
			struct timespec ts = { 0, 100 * 1000000L };

			nanosleep(&ts, NULL);
		}
		wacht = OPSCHONER_INTERVAL;
		if (atomic_load(&o->stop))
			break;
		err_clear(&e);
		if (!s && store_open(o->db, STORE_EXISTING, &s, &e) == ST_OK)
			store_set_actor(s, "systeem:opschonen", "bewaartermijn",
					o->door);
		if (s)
			opschoner_ronde(o, s, &volgende);
	}
	if (s)
		store_close(s);
	return NULL;
}

static void
opschoner_start(struct opschoner *o, const char *db)
{
	sigset_t sigs, oud;

	memset(o, 0, sizeof(*o));
	o->db = db;
	snprintf(o->door, sizeof(o->door), "ambt server %ld", (long)getpid());
	atomic_store(&o->stop, 0);
	sigfillset(&sigs);
	pthread_sigmask(SIG_BLOCK, &sigs, &oud);
	o->loopt = pthread_create(&o->draad, NULL, opschoner_draad, o) == 0;
	pthread_sigmask(SIG_SETMASK, &oud, NULL);
}

static void
opschoner_stop(struct opschoner *o)
{
	if (!o->loopt)
		return;
	atomic_store(&o->stop, 1);
	pthread_join(o->draad, NULL);
	o->loopt = false;
}

/* What runs beside the server, started once its address is printed. */
struct achter {
	struct zender *z;
	struct opschoner *o;
	const char *db;
};

static void
achter_start(void *arg)
{
	struct achter *a = arg;

	zender_start(a->z);
	opschoner_start(a->o, a->db);
}

/* A size or port option into *out (left alone when not given). */
static int
number(const char *text, const char *option, unsigned long max,
       unsigned long *out)
{
	int64_t v;
	int rc = cli_int(text, option, 0, (int64_t)max, &v);

	if (text && !rc)
		*out = (unsigned long)v; /* within 0 and max */
	return rc;
}

int
cmd_serve(int argc, char **argv)
{
	struct cli_common c = { 0 };
	const char *poort = NULL, *adres = NULL, *cors = NULL, *max = NULL,
		   *max_up = NULL;
	bool stil = false, routes = false;
	const struct opt opts[] = {
		{ "poort", &poort, NULL },	 { "adres", &adres, NULL },
		{ "cors", &cors, NULL },	 { "max-body", &max, NULL },
		{ "max-upload", &max_up, NULL }, { "stil", NULL, &stil },
		{ "routes", NULL, &routes },	 { NULL, NULL, NULL },
	};
	struct server_config cfg = { 0 };
	struct zender z;
	struct opschoner o;
	struct achter achter;
	const char *pos[1];
	unsigned long port = 8080, max_body = 1u << 20,
		      max_upload = 128ul << 20;
	size_t npos;
	int rc;

	if ((rc = cli_parse(argc, argv, opts, &c, pos, 0, &npos, usage)) ||
	    c.help)
		return rc;
	if (routes) {
		for (size_t i = 0; i < http_nroutes; i++) {
			unsigned f = http_routes[i].flags;
			printf("%s\t%s\t%s\n",
			       http_method_name(http_routes[i].method),
			       http_routes[i].pattern,
			       f & NEED_PUBLIC		       ? "openbaar"
			       : f & NEED_INGELOGD	       ? "ingelogd"
			       : f & NEED_BEHEERDER	       ? "beheerder"
			       : f & NEED_GEMEENTE_SCHRIJF     ? "gemeente"
			       : f & NEED_SAMENWERKING_SCHRIJF ? "samenwerking"
			       : f & NEED_PLANNER	       ? "planner"
			       : f & NEED_BALIE		       ? "balie"
							       : "niets");
		}
		return 0;
	}
	if ((rc = number(poort, "--poort", 65535, &port)) ||
	    (rc = number(max, "--max-body", 64ul << 20, &max_body)) ||
	    (rc = number(max_up, "--max-upload", 1ul << 30, &max_upload)))
		return rc;
	cfg.db_path = cli_db_path(&c);
	cfg.address = adres ? adres : "127.0.0.1";
	cfg.port = (uint16_t)port;
	cfg.cors = cors;
	cfg.max_body = max_body;
	cfg.max_upload = max_upload;
	cfg.access_log = stil ? NULL : stderr;
	if ((rc = zender_config(&z, cfg.db_path, &cfg.melding)))
		return rc;
	memset(&o, 0, sizeof(o));
	achter = (struct achter){ &z, &o, cfg.db_path };
	cfg.luistert = achter_start;
	cfg.luistert_arg = &achter;
	rc = server_run(&cfg) ? EXIT_USER : 0;
	opschoner_stop(&o);
	zender_stop(&z);
	return rc;
}
