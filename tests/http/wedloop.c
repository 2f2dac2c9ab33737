/*
 * wedloop.c - a race over HTTP: N clients fire their requests at the same
 * moment, round after round, and the answers are counted per status.
 * Built on libcurl's multi interface: each client is an easy handle with
 * a connection of its own (kept open between rounds); a round sets up
 * every client's request, adds all handles and only then drives them in
 * one multi_perform loop, so the requests leave within a fraction of a
 * millisecond of each other. With --vrij there are no rounds: each
 * client sends its next request as soon as its previous one is answered
 * (the load of clients booking as fast as they can).
 *
 *   wedloop [OPTIES] URL [URL...]
 *
 * Client k talks to URL number k modulo the number of URLs (clients
 * split over several servers). What each request is:
 *
 *   -m, --methode M       GET, POST, PUT, PATCH or DELETE (default POST
 *                         with a body, GET without)
 *   -b, --body JSON       the same body for every request
 *   -f, --bodies FILE     a body per line: request g (counted from 0 over
 *                         all rounds and clients, round by round) takes
 *                         line g; with --per-ronde every client of round
 *                         r takes line r
 *   -v, --verzoeken FILE  per line "METHOD PATH [BODY]": PATH (starting
 *                         with /) is appended to the client's URL; lines
 *                         taken as with --bodies
 *   --herhaal             start the file again when it is used up
 *                         (otherwise too short a file is refused, or
 *                         with --vrij ends the run)
 *   -H, --header 'N: V'   an extra request header (at most 16); a body
 *                         is sent as application/json unless one names
 *                         Content-Type
 *
 * How many: -c/--clients N (1..1000, default 1), -r/--rondes R (1..10^6,
 * default 1; with --vrij: requests per client), --duur S (with --vrij:
 * stop sending after S seconds, 1..3600), --timeout S (per request,
 * 1..600, default 60), --opwarmen PATH (first each client opens its
 * connection with a GET of its URL + PATH, not counted).
 *
 * Output on stdout: per round "ronde R: 201=1 409=19" (statuses in
 * ascending order; "fout=N" for requests that got no answer), and at the
 * end "totaal: ..." in the same form. With --tijden also
 * "verzoeken: N in S s, X per s; p50 A ms, p99 B ms, max C ms" over
 * every request, and in rounds of more than one client "spreiding: p50
 * A ms, max B ms": how far apart the requests of one round were sent. --log FILE writes a line per
 * request: round, client, line (from 1; 0 without a file), status (0: no
 * answer), microseconds and the answer's body (newlines as spaces), tab
 * separated.
 *
 * Exit status: 0 when every request was answered, 1 when one was not
 * (a connection refused, a timeout), 2 for a bad argument or a failed
 * setup. Messages in Dutch, on stderr.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <curl/curl.h>

#define MAX_CLIENTS 1000
#define MAX_RONDES 1000000L
#define MAX_VERZOEKEN 50000000L /* requests in one run, all told */
#define MAX_DUUR 3600
#define MAX_TIMEOUT 600
#define MAX_HEADERS 16
#define MAX_URLS 64
#define MAX_BESTAND (512L << 20) /* bytes of a file of bodies */
#define MAX_REGEL (1L << 20) /* bytes of one line */
#define MAX_URL 2048
#define MAX_ANTWOORD (64u << 10) /* bytes of an answer kept for --log */
#define STATUS_MAX 600

static const char *const methoden[] = { "GET", "POST", "PUT", "PATCH",
					"DELETE" };

/* One request as read from the arguments or a line of a file. */
struct verzoek {
	const char *methode; /* NULL: the run's */
	const char *pad; /* appended to the client's URL, or NULL */
	const char *body; /* NULL: none */
	size_t len;
};

struct client {
	CURL *h;
	const char *url; /* its server */
	char volledig[MAX_URL + 1]; /* URL + path of the request */
	long nummer; /* from 0 */
	long ronde, regel; /* of the request in flight; regel from 1 */
	long verzonden; /* requests sent, for --vrij */
	bool bezig;
	char *antwoord; /* for --log */
	size_t nantwoord;
	char fout[CURL_ERROR_SIZE];
};

struct run {
	const char *urls[MAX_URLS];
	size_t nurls;
	const char *methode;
	struct verzoek enkel; /* -b, or nothing */
	struct verzoek *regels; /* -f or -v */
	long nregels;
	bool verzoeken; /* the file is of requests, not bodies */
	bool per_ronde, herhaal, vrij, tijden;
	long clients, rondes, duur, timeout;
	const char *opwarmen;
	const char *headers[MAX_HEADERS];
	size_t nheaders;
	struct curl_slist *lijst;
	FILE *log;
	/* counts */
	long status[STATUS_MAX];
	long fouten;
	long ronde_status[STATUS_MAX];
	long ronde_fouten;
	uint32_t *lat; /* microseconds, every request */
	size_t nlat, caplat;
	uint32_t *spreiding; /* microseconds, per round */
	size_t nspreiding;
	long volgende; /* the next line, for sequential use */
	bool op; /* the file was used up (--vrij) */
};

static double
nu(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int
gebruik(void)
{
	fputs("gebruik: wedloop [-m METHODE] [-b JSON | -f BESTAND | "
	      "-v BESTAND] [--per-ronde] [--herhaal]\n"
	      "               [-H 'Naam: waarde']... [-c CLIENTS] "
	      "[-r RONDES] [--vrij [--duur SECONDEN]]\n"
	      "               [--timeout SECONDEN] [--opwarmen PAD] "
	      "[--tijden] [--log BESTAND] URL [URL...]\n",
	      stderr);
	return 2;
}

/* A whole number from min to max, or a message naming the option. */
static bool
getal(const char *optie, const char *s, long min, long max, long *uit)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < min || v > max) {
		fprintf(stderr,
			"wedloop: %s moet een geheel getal van %ld tot en met "
			"%ld zijn, niet '%s'\n",
			optie, min, max, s);
		return false;
	}
	*uit = v;
	return true;
}

static const char *
methode_van(const char *s)
{
	for (size_t i = 0; i < sizeof(methoden) / sizeof(methoden[0]); i++)
		if (!strcmp(s, methoden[i]))
			return methoden[i];
	return NULL;
}

/* The whole file into memory, NUL-terminated. */
static char *
lees_bestand(const char *pad, long *len)
{
	FILE *f = fopen(pad, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, r;

	if (!f) {
		fprintf(stderr, "wedloop: %s kan niet worden geopend: %s\n",
			pad, strerror(errno));
		return NULL;
	}
	for (;;) {
		if (cap - n < 65536) {
			char *nb;

			if (cap >= (size_t)MAX_BESTAND) {
				fprintf(stderr,
					"wedloop: %s is groter dan %ld MiB\n",
					pad, MAX_BESTAND >> 20);
				free(buf);
				fclose(f);
				return NULL;
			}
			cap = cap ? cap * 2 : 1u << 20;
			if (!(nb = realloc(buf, cap + 1))) {
				fprintf(stderr, "wedloop: geen geheugen\n");
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0)
			break;
	}
	if (ferror(f)) {
		fprintf(stderr, "wedloop: %s kan niet worden gelezen\n", pad);
		free(buf);
		fclose(f);
		return NULL;
	}
	fclose(f);
	buf[n] = '\0';
	*len = (long)n;
	return buf;
}

/*
 * Split the file into lines (a CR before the LF is dropped); each is a
 * body, or with `verzoeken` "METHOD PATH [BODY]". Empty lines and a NUL
 * byte are refused with the line's number.
 */
static bool
lees_regels(struct run *r, const char *pad, char *buf, long len)
{
	long n = 0, cap = 0;
	char *p = buf, *eind = buf + len;

	while (p < eind) {
		char *nl = memchr(p, '\n', (size_t)(eind - p));
		char *e = nl ? nl : eind;
		struct verzoek v = { 0 };

		if (e > p && e[-1] == '\r')
			e--;
		*e = '\0';
		n++;
		if (e == p) {
			fprintf(stderr, "wedloop: %s regel %ld is leeg\n", pad,
				n);
			return false;
		}
		if (strlen(p) != (size_t)(e - p) || e - p > MAX_REGEL) {
			fprintf(stderr,
				"wedloop: %s regel %ld: langer dan %ld bytes "
				"of met een NUL-byte\n",
				pad, n, MAX_REGEL);
			return false;
		}
		if (r->verzoeken) {
			char *sp = strchr(p, ' ');
			char *sp2;

			if (sp)
				*sp = '\0';
			if (!(v.methode = methode_van(p))) {
				fprintf(stderr,
					"wedloop: %s regel %ld: geen methode "
					"(GET, POST, PUT, PATCH of DELETE) "
					"vooraan\n",
					pad, n);
				return false;
			}
			v.pad = sp ? sp + 1 : "";
			if (v.pad[0] != '/') {
				fprintf(stderr,
					"wedloop: %s regel %ld: het pad moet "
					"met / beginnen\n",
					pad, n);
				return false;
			}
			if ((sp2 = strchr(v.pad, ' '))) {
				*sp2 = '\0';
				v.body = sp2 + 1;
				v.len = strlen(v.body);
			}
			if (strlen(v.pad) > MAX_URL / 2) {
				fprintf(stderr,
					"wedloop: %s regel %ld: het pad is "
					"langer dan %d tekens\n",
					pad, n, MAX_URL / 2);
				return false;
			}
		} else {
			v.body = p;
			v.len = (size_t)(e - p);
		}
		if (n > cap) {
			struct verzoek *nr;

			cap = cap ? cap * 2 : 1024;
			nr = realloc(r->regels, (size_t)cap * sizeof(*nr));
			if (!nr) {
				fprintf(stderr, "wedloop: geen geheugen\n");
				return false;
			}
			r->regels = nr;
		}
		r->regels[n - 1] = v;
		p = nl ? nl + 1 : eind;
	}
	if (n == 0) {
		fprintf(stderr, "wedloop: %s is leeg\n", pad);
		return false;
	}
	r->nregels = n;
	return true;
}

static size_t
bewaar(char *data, size_t size, size_t n, void *ctx)
{
	struct client *c = ctx;
	size_t len = size * n, ruimte;

	if (!c->antwoord)
		return len;
	ruimte = MAX_ANTWOORD - c->nantwoord;
	if (ruimte) {
		size_t k = len < ruimte ? len : ruimte;

		memcpy(c->antwoord + c->nantwoord, data, k);
		c->nantwoord += k;
	}
	return len;
}

/*
 * The line request number g (from 0) of round `ronde` takes, or -1 when
 * the file is used up; 0 when there is no file. Lines count from 1.
 */
static long
regel_voor(struct run *r, long ronde, long g)
{
	long i;

	if (!r->regels)
		return 0;
	i = r->per_ronde ? ronde - 1 : g;
	if (i >= r->nregels) {
		if (!r->herhaal)
			return -1;
		i %= r->nregels;
	}
	return i + 1;
}

/* Set up client c's handle for the request of line `regel`. */
static bool
zet_op(struct run *r, struct client *c, long ronde, long regel,
       const char *pad_opwarmen)
{
	const struct verzoek *v = regel ? &r->regels[regel - 1] : &r->enkel;
	const char *methode = v->methode ? v->methode : r->methode;
	const char *pad = pad_opwarmen ? pad_opwarmen : v->pad ? v->pad : "";
	CURL *h = c->h;

	if (pad_opwarmen)
		methode = "GET";
	/* "http://host/" and "/pad" make "http://host/pad". */
	if (pad[0] == '/' && c->url[0] && c->url[strlen(c->url) - 1] == '/')
		pad++;
	if ((size_t)snprintf(c->volledig, sizeof(c->volledig), "%s%s", c->url,
			     pad) >= sizeof(c->volledig)) {
		fprintf(stderr, "wedloop: URL langer dan %d tekens\n", MAX_URL);
		return false;
	}
	c->ronde = ronde;
	c->regel = regel;
	c->nantwoord = 0;
	c->fout[0] = '\0';
	curl_easy_reset(h);
	curl_easy_setopt(h, CURLOPT_URL, c->volledig);
	curl_easy_setopt(h, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_1_1);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, r->timeout);
	curl_easy_setopt(h, CURLOPT_TCP_NODELAY, 1L);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, r->lijst);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, bewaar);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, c);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, c->fout);
	curl_easy_setopt(h, CURLOPT_PRIVATE, c);
	if (!pad_opwarmen && v->body) {
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, v->body);
		curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE,
				 (curl_off_t)v->len);
		if (strcmp(methode, "POST"))
			curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, methode);
	} else if (!strcmp(methode, "GET")) {
		curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
	} else {
		curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, methode);
		if (!strcmp(methode, "POST") || !strcmp(methode, "PUT") ||
		    !strcmp(methode, "PATCH")) {
			curl_easy_setopt(h, CURLOPT_POSTFIELDS, "");
			curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE,
					 (curl_off_t)0);
		}
	}
	return true;
}

/* Record a finished request of client c. */
static bool
tel(struct run *r, struct client *c, CURLcode res)
{
	long status = 0;
	curl_off_t us = 0;

	if (res == CURLE_OK)
		curl_easy_getinfo(c->h, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_getinfo(c->h, CURLINFO_TOTAL_TIME_T, &us);
	if (status > 0 && status < STATUS_MAX) {
		r->status[status]++;
		r->ronde_status[status]++;
	} else {
		status = 0;
		r->fouten++;
		r->ronde_fouten++;
	}
	if (r->nlat == r->caplat) {
		size_t cap = r->caplat ? r->caplat * 2 : 4096;
		uint32_t *n = realloc(r->lat, cap * sizeof(*n));

		if (!n) {
			fprintf(stderr, "wedloop: geen geheugen\n");
			return false;
		}
		r->lat = n;
		r->caplat = cap;
	}
	r->lat[r->nlat++] = us > UINT32_MAX ? UINT32_MAX : (uint32_t)us;
	if (!r->log)
		return true;
	fprintf(r->log, "%ld\t%ld\t%ld\t%ld\t%ld\t", c->ronde, c->nummer,
		c->regel, status, (long)us);
	if (status == 0) {
		fputs(c->fout[0] ? c->fout : curl_easy_strerror(res), r->log);
	} else {
		for (size_t i = 0; i < c->nantwoord; i++) {
			char ch = c->antwoord[i];

			fputc(ch == '\n' || ch == '\r' || ch == '\t' ? ' ' : ch,
			      r->log);
		}
	}
	fputc('\n', r->log);
	return true;
}

static void
print_telling(const char *kop, const long *status, long fouten)
{
	printf("%s:", kop);
	for (int s = 0; s < STATUS_MAX; s++)
		if (status[s])
			printf(" %d=%ld", s, status[s]);
	if (fouten)
		printf(" fout=%ld", fouten);
	putchar('\n');
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* The nearest-rank percentile p (0..100) of sorted v[0..n). */
static double
percentiel_ms(const uint32_t *v, size_t n, int p)
{
	size_t k;

	if (!n)
		return 0;
	k = ((size_t)p * n + 99) / 100;
	if (k < 1)
		k = 1;
	return v[k - 1] / 1000.0;
}

/*
 * Drive the multi handle until `klaar` of the handles in it are done (in
 * rounds: all of them), calling `na` for each finished one.
 */
typedef bool (*na_fn)(struct run *r, CURLM *m, struct client *c, CURLcode res,
		      void *ctx);

static bool
draai(struct run *r, CURLM *m, long *actief, na_fn na, void *ctx)
{
	int running = 0;

	while (*actief > 0) {
		CURLMsg *msg;
		int left;
		CURLMcode mc = curl_multi_perform(m, &running);

		if (mc != CURLM_OK) {
			fprintf(stderr, "wedloop: %s\n",
				curl_multi_strerror(mc));
			return false;
		}
		while ((msg = curl_multi_info_read(m, &left))) {
			struct client *c = NULL;

			if (msg->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE,
					  (char **)&c);
			curl_multi_remove_handle(m, c->h);
			c->bezig = false;
			(*actief)--;
			if (!na(r, m, c, msg->data.result, ctx))
				return false;
		}
		if (*actief > 0 && running > 0 &&
		    (mc = curl_multi_poll(m, NULL, 0, 1000, NULL)) !=
			    CURLM_OK) {
			fprintf(stderr, "wedloop: %s\n",
				curl_multi_strerror(mc));
			return false;
		}
	}
	return true;
}

static bool
start(CURLM *m, struct client *c, long *actief)
{
	CURLMcode mc = curl_multi_add_handle(m, c->h);

	if (mc != CURLM_OK) {
		fprintf(stderr, "wedloop: %s\n", curl_multi_strerror(mc));
		return false;
	}
	c->bezig = true;
	(*actief)++;
	return true;
}

/* ---- warming up: one GET per client, not counted ---- */

static bool
na_opwarmen(struct run *r, CURLM *m, struct client *c, CURLcode res, void *ctx)
{
	(void)r;
	(void)m;
	(void)ctx;
	if (res != CURLE_OK) {
		fprintf(stderr, "wedloop: opwarmen: %s: %s\n", c->volledig,
			c->fout[0] ? c->fout : curl_easy_strerror(res));
		return false;
	}
	return true;
}

/* ---- rounds ---- */

struct ronde_ctx {
	curl_off_t min, max; /* when the requests were sent, microseconds */
};

static bool
na_ronde(struct run *r, CURLM *m, struct client *c, CURLcode res, void *ctx)
{
	struct ronde_ctx *rc = ctx;
	curl_off_t t = 0;

	(void)m;
	if (curl_easy_getinfo(c->h, CURLINFO_PRETRANSFER_TIME_T, &t) ==
		    CURLE_OK &&
	    res == CURLE_OK) {
		if (t < rc->min)
			rc->min = t;
		if (t > rc->max)
			rc->max = t;
	}
	return tel(r, c, res);
}

static bool
rondes(struct run *r, CURLM *m, struct client *cl)
{
	long actief = 0;

	r->spreiding = calloc((size_t)r->rondes, sizeof(*r->spreiding));
	if (!r->spreiding) {
		fprintf(stderr, "wedloop: geen geheugen\n");
		return false;
	}
	for (long ronde = 1; ronde <= r->rondes; ronde++) {
		struct ronde_ctx rc = { INT64_MAX, 0 };
		char kop[32];

		memset(r->ronde_status, 0, sizeof(r->ronde_status));
		r->ronde_fouten = 0;
		/* Every request is made ready first, then all leave. */
		for (long k = 0; k < r->clients; k++) {
			long g = (ronde - 1) * r->clients + k;

			if (!zet_op(r, &cl[k], ronde, regel_voor(r, ronde, g),
				    NULL))
				return false;
		}
		for (long k = 0; k < r->clients; k++)
			if (!start(m, &cl[k], &actief))
				return false;
		if (!draai(r, m, &actief, na_ronde, &rc))
			return false;
		if (rc.max >= rc.min)
			r->spreiding[r->nspreiding++] =
				(uint32_t)(rc.max - rc.min);
		snprintf(kop, sizeof(kop), "ronde %ld", ronde);
		print_telling(kop, r->ronde_status, r->ronde_fouten);
	}
	return true;
}

/* ---- free running: each client sends again as soon as answered ---- */

struct vrij_ctx {
	double tot; /* stop sending from this moment; 0: never */
	long g; /* the next line, over all clients */
};

static bool
volgende(struct run *r, CURLM *m, struct client *c, struct vrij_ctx *vc,
	 long *actief)
{
	long regel;

	if (c->verzonden >= r->rondes || (vc->tot > 0 && nu() >= vc->tot))
		return true;
	regel = regel_voor(r, 0, vc->g);
	if (regel < 0) {
		r->op = true;
		return true;
	}
	vc->g++;
	c->verzonden++;
	return zet_op(r, c, c->verzonden, regel, NULL) && start(m, c, actief);
}

struct vrij_na {
	struct vrij_ctx *vc;
	long *actief;
};

static bool
na_vrij(struct run *r, CURLM *m, struct client *c, CURLcode res, void *ctx)
{
	struct vrij_na *vn = ctx;

	return tel(r, c, res) && volgende(r, m, c, vn->vc, vn->actief);
}

static bool
vrij(struct run *r, CURLM *m, struct client *cl)
{
	struct vrij_ctx vc = { r->duur ? nu() + (double)r->duur : 0, 0 };
	long actief = 0;
	struct vrij_na vn = { &vc, &actief };

	for (long k = 0; k < r->clients; k++)
		if (!volgende(r, m, &cl[k], &vc, &actief))
			return false;
	return draai(r, m, &actief, na_vrij, &vn);
}

/* ---- arguments ---- */

static bool
optie_waarde(int argc, char **argv, int *i, const char **uit)
{
	if (*i + 1 >= argc) {
		fprintf(stderr, "wedloop: %s vraagt een waarde\n", argv[*i]);
		return false;
	}
	*uit = argv[++*i];
	return true;
}

static bool
is(const char *a, const char *kort, const char *lang)
{
	return (kort && !strcmp(a, kort)) || !strcmp(a, lang);
}

static int
lees_argumenten(int argc, char **argv, struct run *r, const char **bestand,
		const char **logpad)
{
	const char *w;
	bool heeft_r = false;

	r->clients = 1;
	r->rondes = 1;
	r->timeout = 60;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (is(a, "-m", "--methode")) {
			if (!optie_waarde(argc, argv, &i, &w))
				return 2;
			if (!(r->methode = methode_van(w))) {
				fprintf(stderr,
					"wedloop: --methode is GET, POST, "
					"PUT, PATCH of DELETE, niet '%s'\n",
					w);
				return 2;
			}
		} else if (is(a, "-b", "--body") || is(a, "-f", "--bodies") ||
			   is(a, "-v", "--verzoeken")) {
			if (r->enkel.body || *bestand) {
				fprintf(stderr, "wedloop: -b, -f en -v "
						"sluiten elkaar uit\n");
				return 2;
			}
			if (!optie_waarde(argc, argv, &i, &w))
				return 2;
			if (is(a, "-b", "--body")) {
				r->enkel.body = w;
				r->enkel.len = strlen(w);
			} else {
				*bestand = w;
				r->verzoeken = is(a, "-v", "--verzoeken");
			}
		} else if (is(a, "-H", "--header")) {
			if (!optie_waarde(argc, argv, &i, &w))
				return 2;
			if (r->nheaders == MAX_HEADERS || !strchr(w, ':') ||
			    strlen(w) > 4096 || strpbrk(w, "\r\n")) {
				fprintf(stderr,
					"wedloop: --header is 'Naam: "
					"waarde' op een regel, ten hoogste "
					"%d keer\n",
					MAX_HEADERS);
				return 2;
			}
			r->headers[r->nheaders++] = w;
		} else if (is(a, "-c", "--clients")) {
			if (!optie_waarde(argc, argv, &i, &w) ||
			    !getal("--clients", w, 1, MAX_CLIENTS, &r->clients))
				return 2;
		} else if (is(a, "-r", "--rondes")) {
			if (!optie_waarde(argc, argv, &i, &w) ||
			    !getal("--rondes", w, 1, MAX_RONDES, &r->rondes))
				return 2;
			heeft_r = true;
		} else if (is(a, NULL, "--duur")) {
			if (!optie_waarde(argc, argv, &i, &w) ||
			    !getal("--duur", w, 1, MAX_DUUR, &r->duur))
				return 2;
		} else if (is(a, NULL, "--timeout")) {
			if (!optie_waarde(argc, argv, &i, &w) ||
			    !getal("--timeout", w, 1, MAX_TIMEOUT, &r->timeout))
				return 2;
		} else if (is(a, NULL, "--opwarmen")) {
			if (!optie_waarde(argc, argv, &i, &r->opwarmen))
				return 2;
			if (r->opwarmen[0] != '/' ||
			    strlen(r->opwarmen) > MAX_URL / 2) {
				fprintf(stderr, "wedloop: --opwarmen is een "
						"pad dat met / begint\n");
				return 2;
			}
		} else if (is(a, NULL, "--log")) {
			if (!optie_waarde(argc, argv, &i, logpad))
				return 2;
		} else if (is(a, NULL, "--per-ronde")) {
			r->per_ronde = true;
		} else if (is(a, NULL, "--herhaal")) {
			r->herhaal = true;
		} else if (is(a, NULL, "--vrij")) {
			r->vrij = true;
		} else if (is(a, NULL, "--tijden")) {
			r->tijden = true;
		} else if (is(a, "-h", "--help")) {
			return gebruik();
		} else if (a[0] == '-') {
			fprintf(stderr, "wedloop: onbekende optie %s\n", a);
			return gebruik();
		} else {
			if (r->nurls == MAX_URLS) {
				fprintf(stderr,
					"wedloop: ten hoogste %d URL's\n",
					MAX_URLS);
				return 2;
			}
			if ((strncmp(a, "http://", 7) &&
			     strncmp(a, "https://", 8)) ||
			    strlen(a) > MAX_URL / 2) {
				fprintf(stderr,
					"wedloop: '%s' is geen URL (http:// "
					"of https://, ten hoogste %d "
					"tekens)\n",
					a, MAX_URL / 2);
				return 2;
			}
			r->urls[r->nurls++] = a;
		}
	}
	if (!r->nurls)
		return gebruik();
	if (r->verzoeken && r->methode) {
		fprintf(stderr, "wedloop: met -v staat de methode op elke "
				"regel; -m past daar niet bij\n");
		return 2;
	}
	if ((r->per_ronde || r->herhaal) && !*bestand) {
		fprintf(stderr, "wedloop: --per-ronde en --herhaal gaan over "
				"een bestand (-f of -v)\n");
		return 2;
	}
	if (r->per_ronde && r->vrij) {
		fprintf(stderr, "wedloop: --vrij kent geen rondes; "
				"--per-ronde past daar niet bij\n");
		return 2;
	}
	if (r->duur && !r->vrij) {
		fprintf(stderr, "wedloop: --duur hoort bij --vrij\n");
		return 2;
	}
	if (r->duur && !heeft_r)
		r->rondes = MAX_VERZOEKEN / r->clients;
	if (r->rondes * r->clients > MAX_VERZOEKEN) {
		fprintf(stderr,
			"wedloop: %ld rondes van %ld clients is meer dan %ld "
			"verzoeken\n",
			r->rondes, r->clients, MAX_VERZOEKEN);
		return 2;
	}
	if (!r->methode)
		r->methode = r->enkel.body || (*bestand && !r->verzoeken)
				     ? "POST"
				     : "GET";
	return 0;
}

static bool
maak_headers(struct run *r)
{
	bool type = false;
	struct curl_slist *l = NULL, *n;

	for (size_t i = 0; i < r->nheaders; i++) {
		if (!strncasecmp(r->headers[i], "content-type:", 13))
			type = true;
		if (!(n = curl_slist_append(l, r->headers[i])))
			goto geen;
		l = n;
	}
	if (!type && !(n = curl_slist_append(l, "Content-Type: "
						"application/json")))
		goto geen;
	l = n;
	/* No "Expect: 100-continue": the body leaves with the request. */
	if (!(n = curl_slist_append(l, "Expect:")))
		goto geen;
	r->lijst = n;
	return true;
geen:
	curl_slist_free_all(l);
	fprintf(stderr, "wedloop: geen geheugen\n");
	return false;
}

int
main(int argc, char **argv)
{
	static struct run r;
	const char *bestand = NULL, *logpad = NULL;
	char *inhoud = NULL;
	struct client *cl = NULL;
	CURLM *m = NULL;
	long actief = 0;
	double t0, t;
	int rc;

	if ((rc = lees_argumenten(argc, argv, &r, &bestand, &logpad)))
		return rc;
	if (bestand) {
		long len;

		if (!(inhoud = lees_bestand(bestand, &len)) ||
		    !lees_regels(&r, bestand, inhoud, len))
			return 2;
		if (!r.herhaal && !r.vrij &&
		    r.nregels <
			    (r.per_ronde ? r.rondes : r.rondes * r.clients)) {
			fprintf(stderr,
				"wedloop: %s heeft %ld regels; %ld rondes "
				"van %ld clients vragen er %ld\n",
				bestand, r.nregels, r.rondes, r.clients,
				r.per_ronde ? r.rondes : r.rondes * r.clients);
			return 2;
		}
	}
	if (logpad && !(r.log = fopen(logpad, "w"))) {
		fprintf(stderr, "wedloop: %s kan niet worden geschreven: %s\n",
			logpad, strerror(errno));
		return 2;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) || !maak_headers(&r) ||
	    !(m = curl_multi_init()) ||
	    !(cl = calloc((size_t)r.clients, sizeof(*cl)))) {
		fprintf(stderr, "wedloop: libcurl start niet\n");
		return 2;
	}
	/* One connection per client, kept between rounds. */
	curl_multi_setopt(m, CURLMOPT_MAXCONNECTS, r.clients);
	curl_multi_setopt(m, CURLMOPT_MAX_HOST_CONNECTIONS, 0L);
	for (long k = 0; k < r.clients; k++) {
		cl[k].nummer = k;
		cl[k].url = r.urls[(size_t)k % r.nurls];
		if (!(cl[k].h = curl_easy_init()) ||
		    (r.log && !(cl[k].antwoord = malloc(MAX_ANTWOORD)))) {
			fprintf(stderr, "wedloop: geen geheugen\n");
			return 2;
		}
	}
	if (r.opwarmen) {
		for (long k = 0; k < r.clients; k++)
			if (!zet_op(&r, &cl[k], 0, 0, r.opwarmen) ||
			    !start(m, &cl[k], &actief))
				return 2;
		if (!draai(&r, m, &actief, na_opwarmen, NULL))
			return 2;
	}
	t0 = nu();
	if (!(r.vrij ? vrij(&r, m, cl) : rondes(&r, m, cl)))
		return 2;
	t = nu() - t0;
	print_telling("totaal", r.status, r.fouten);
	if (r.op)
		fprintf(stderr, "wedloop: %s was op na %zu verzoeken\n",
			bestand, r.nlat);
	if (r.tijden) {
		qsort(r.lat, r.nlat, sizeof(*r.lat), cmp_u32);
		printf("verzoeken: %zu in %.3f s, %.1f per s; p50 %.3f ms, "
		       "p99 %.3f ms, max %.3f ms\n",
		       r.nlat, t, t > 0 ? (double)r.nlat / t : 0.0,
		       percentiel_ms(r.lat, r.nlat, 50),
		       percentiel_ms(r.lat, r.nlat, 99),
		       percentiel_ms(r.lat, r.nlat, 100));
		if (r.nspreiding && r.clients > 1) {
			qsort(r.spreiding, r.nspreiding, sizeof(*r.spreiding),
			      cmp_u32);
			printf("spreiding: p50 %.3f ms, max %.3f ms\n",
			       percentiel_ms(r.spreiding, r.nspreiding, 50),
			       percentiel_ms(r.spreiding, r.nspreiding, 100));
		}
	}
	if (r.log && fclose(r.log)) {
		fprintf(stderr, "wedloop: %s kan niet worden geschreven\n",
			logpad);
		return 2;
	}
	for (long k = 0; k < r.clients; k++) {
		curl_easy_cleanup(cl[k].h);
		free(cl[k].antwoord);
	}
	curl_multi_cleanup(m);
	curl_slist_free_all(r.lijst);
	curl_global_cleanup();
	free(cl);
	free(r.regels);
	free(r.lat);
	free(r.spreiding);
	free(inhoud);
	return r.fouten ? 1 : 0;
}
