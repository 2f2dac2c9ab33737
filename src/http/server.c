/*
 * server.c - libmicrohttpd glue: per-request context and arena, body
 * limits, routing, the one place where errors become HTTP responses,
 * security and CORS headers, the access log, and graceful shutdown.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "api.h"
#include "auth.h"
#include "cache.h"
#include "embedded.h"
#include "http.h"
#include "qmatic.h"
#include "server.h"
#include "template.h"
#include "../core/text.h"
#include "../sys/clock.h"
#include "../banned.h"

#define MAX_URI 2048

struct server {
	const struct server_config *cfg;
	struct MHD_Daemon *d;
	struct store **pool;
	bool *busy;
	size_t npool;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct tmpl_set *templates;
	struct cache *cache;
	char **cors;
	size_t ncors;
	atomic_int inflight;
	pthread_mutex_t log_mu;
};

struct conn {
	struct request rq;
	struct server *srv;
	bool started, uri_too_long, too_large;
	size_t body_cap;
	size_t max_body; /* for this request's route */
	struct timespec start;
	unsigned status;
	size_t bytes;
	char method[16];
};

/* ---- store pool: one connection per worker ---- */

static struct store *
pool_acquire(struct server *s)
{
	struct store *st = NULL;

	pthread_mutex_lock(&s->mu);
	for (;;) {
		for (size_t i = 0; i < s->npool; i++)
			if (!s->busy[i]) {
				s->busy[i] = true;
				st = s->pool[i];
				break;
			}
		if (st)
			break;
		pthread_cond_wait(&s->cv, &s->mu);
	}
	pthread_mutex_unlock(&s->mu);
	return st;
}

static void
pool_release(struct server *s, struct store *st)
{
	store_set_zicht(st, NULL); /* the request's lists go with it */
	pthread_mutex_lock(&s->mu);
	for (size_t i = 0; i < s->npool; i++)
		if (s->pool[i] == st)
			s->busy[i] = false;
	pthread_cond_signal(&s->cv);
	pthread_mutex_unlock(&s->mu);
}

/* ---- callbacks ---- */

static void *
on_uri(void *cls, const char *uri, struct MHD_Connection *con)
{
	struct server *s = cls;
	struct conn *c = calloc(1, sizeof(*c));

	(void)con;
	if (!c)
		return NULL;
	c->srv = s;
	clock_gettime(CLOCK_MONOTONIC, &c->start);
	arena_init(&c->rq.a, 64u << 20);
	if (strlen(uri) > MAX_URI)
		c->uri_too_long = true;
	else
		c->rq.raw_uri = arena_strdup(&c->rq.a, uri);
	atomic_fetch_add(&s->inflight, 1);
	return c;
}

static void
log_request(struct server *s, struct conn *c)
{
	struct timespec end;
	char ts[INSTANT_ISO_LEN];
	double ms;
	char path[256];

	if (!s->cfg->access_log)
		return;
	clock_gettime(CLOCK_MONOTONIC, &end);
	ms = (double)(end.tv_sec - c->start.tv_sec) * 1e3 +
	     (double)(end.tv_nsec - c->start.tv_nsec) / 1e6;
	date_format_instant(c->rq.now ? c->rq.now : clock_now(), ts);
	/* Never the query string: it could carry personal data. */
	html_escape(c->rq.path ? c->rq.path : "-", path, sizeof(path));
	for (char *p = path; *p; p++)
		if (*p == '\\' || (unsigned char)*p < 0x20)
			*p = '_';
	pthread_mutex_lock(&s->log_mu);
	fprintf(s->cfg->access_log,
		"{\"time\":\"%s\",\"method\":\"%s\",\"path\":\"%s\","
		"\"status\":%u,\"bytes\":%zu,\"duration_ms\":%.3f}\n",
		ts, c->method[0] ? c->method : "-", path, c->status, c->bytes,
		ms);
	fflush(s->cfg->access_log);
	pthread_mutex_unlock(&s->log_mu);
}

static void
on_completed(void *cls, struct MHD_Connection *con, void **con_cls,
	     enum MHD_RequestTerminationCode toe)
{
	struct server *s = cls;
	struct conn *c = *con_cls;

	(void)con;
	(void)toe;
	if (!c)
		return;
	log_request(s, c);
	arena_free(&c->rq.a);
	free(c);
	*con_cls = NULL;
	atomic_fetch_sub(&s->inflight, 1);
}

/* ---- headers and responses ---- */

static bool
cors_allowed(struct server *s, const char *origin)
{
	for (size_t i = 0; origin && i < s->ncors; i++)
		if (strcmp(s->cors[i], origin) == 0)
			return true;
	return false;
}

static void
add_headers(struct server *s, struct conn *c, struct MHD_Response *r,
	    unsigned kind, const struct response *rs)
{
	bool api = kind & ROUTE_API;

	MHD_add_response_header(r, "API-Version", API_VERSION);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "Strict-Transport-Security",
				"max-age=31536000; includeSubDomains");
	if (rs->csp)
		MHD_add_response_header(r, "Content-Security-Policy", rs->csp);
	else if (api || !(kind & (ROUTE_PAGE | ROUTE_STATIC)))
		MHD_add_response_header(r, "Content-Security-Policy",
					"default-src 'none'; "
					"frame-ancestors 'none'");
	else
		MHD_add_response_header(r, "Content-Security-Policy",
					"default-src 'self'; img-src 'self' "
					"data:; style-src 'self'; font-src "
					"'self'; form-action 'self'; "
					"base-uri 'none'; object-src 'none'; "
					"frame-ancestors 'none'");
	MHD_add_response_header(r, "Cache-Control",
				rs->immutable ? "public, max-age=300"
					      : "no-store");
	if (rs->content_type)
		MHD_add_response_header(r, "Content-Type", rs->content_type);
	if (rs->allow)
		MHD_add_response_header(r, "Allow", rs->allow);
	/* The database is away: ask to come back in half a minute. */
	if (rs->status == 503)
		MHD_add_response_header(r, "Retry-After", "30");
	/* Over a limit of attempts: when it may be tried again. */
	if (rs->status == 429) {
		char wacht[24];

		snprintf(wacht, sizeof(wacht), "%d",
			 rs->retry_after > 0 ? rs->retry_after : 60);
		MHD_add_response_header(r, "Retry-After", wacht);
	}
	if (rs->location)
		MHD_add_response_header(r, "Location", rs->location);
	if (rs->fout_melding)
		MHD_add_response_header(r, "error_message", rs->fout_melding);
	if (rs->bestand) {
		char disp[160];

		snprintf(disp, sizeof(disp), "attachment; filename=\"%s\"",
			 rs->bestand);
		MHD_add_response_header(r, "Content-Disposition", disp);
	}
	for (size_t i = 0; i < 2; i++)
		if (rs->cookies[i])
			MHD_add_response_header(r, "Set-Cookie",
						rs->cookies[i]);
	if (rs->status == 401 && (kind & ROUTE_API))
		MHD_add_response_header(r, "WWW-Authenticate",
					"Bearer realm=\"ambt\"");
	if (kind & ROUTE_OPEN) {
		MHD_add_response_header(r, "Access-Control-Allow-Origin", "*");
	} else if (api && cors_allowed(s, c->rq.origin)) {
		MHD_add_response_header(r, "Access-Control-Allow-Origin",
					c->rq.origin);
		MHD_add_response_header(r, "Vary", "Origin");
	}
}

static enum MHD_Result
send_response(struct conn *c, struct MHD_Connection *con, unsigned kind,
	      const struct response *rs)
{
	struct MHD_Response *r;
	enum MHD_Result ret;

	r = MHD_create_response_from_buffer(rs->len, (void *)rs->body,
					    MHD_RESPMEM_PERSISTENT);
	if (!r)
		return MHD_NO;
	add_headers(c->srv, c, r, kind, rs);
	c->status = rs->status;
	c->bytes = rs->len;
	ret = MHD_queue_response(con, rs->status, r);
	MHD_destroy_response(r);
	return ret;
}

/* An error page or problem+json for `status` with the problems in `e`. */
static void
error_response(struct conn *c, unsigned kind, unsigned status,
	       const struct err *e, struct response *rs)
{
	struct request *rq = &c->rq;
	const char *detail =
		e && e->message[0] ? e->message : http_status_title(status);

	if (status >= 500 && e && e->detail[0]) {
		fprintf(stderr, "ambt server: %s %s: %s\n", c->method,
			rq->path ? rq->path : "-", e->detail);
		/* The log has the detail; people get the store's own words
		 * when the database is away (they say when to try again). */
		if (status != 503 || !e->message[0])
			detail = "Er ging intern iets mis. Probeer het later "
				 "opnieuw.";
	}
	rs->status = status;
	rs->retry_after = e ? e->retry_after : 0;
	if (kind & ROUTE_QMATIC) {
		qmatic_fout(rq, rs, status, detail, e);
		return;
	}
	if (kind & ROUTE_PAGE) {
		json_t *d = json_object();
		json_t *list = json_array();
		struct err ignore;
		char *html;
		size_t len;

		json_object_set_new(d, "titel",
				    json_string(http_status_title(status)));
		json_object_set_new(d, "status", json_integer(status));
		json_object_set_new(d, "melding", json_string(detail));
		for (size_t i = 0;
		     e && e->status == ST_INVALID && i < e->nproblems; i++) {
			json_t *p = json_object();
			json_object_set_new(p, "veld",
					    json_string(e->problems[i].name));
			json_object_set_new(p, "reden",
					    json_string(e->problems[i].reason));
			json_array_append_new(list, p);
		}
		json_object_set_new(d, "problemen", list);
		/* The same header as every page: who is logged in, the
		 * menu, the way back after logging in. */
		resp_kop(rq, rs, d);
		if (status == 401 && !rq->who.ingelogd)
			json_object_set_new(d, "teInloggen", json_true());
		err_clear(&ignore);
		if (tmpl_render(rq->templates, "fout.html", d, &rq->a, 1u << 20,
				&html, &len, &ignore) == ST_OK) {
			json_decref(d);
			rs->content_type = "text/html; charset=utf-8";
			rs->body = html;
			rs->len = len;
			return;
		}
		json_decref(d);
	}
	rs->content_type = "application/problem+json";
	rs->body = problem_json(&rq->a, status, detail, e, rq->path, &rs->len);
	if (!rs->body) {
		rs->body = "";
		rs->len = 0;
	}
}

/* Whether the path is of the API (for the error format of 404s). */
static unsigned
kind_of_path(const char *path)
{
	if (path && strncmp(path, API_BASE, strlen(API_BASE)) == 0)
		return ROUTE_API;
	if (path &&
	    strncmp(path, QMATIC_BASE "/", strlen(QMATIC_BASE) + 1) == 0)
		return ROUTE_QMATIC;
	return ROUTE_PAGE;
}

/* The client's IP address as text (in the request's arena). */
static const char *
client_address(struct MHD_Connection *con, struct conn *c)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(
		con, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char buf[INET6_ADDRSTRLEN] = "onbekend";

	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET)
			inet_ntop(
				AF_INET,
				&((const struct sockaddr_in *)(const void *)sa)
					 ->sin_addr,
				buf, sizeof(buf));
		else if (sa->sa_family == AF_INET6)
			inet_ntop(
				AF_INET6,
				&((const struct sockaddr_in6 *)(const void *)sa)
					 ->sin6_addr,
				buf, sizeof(buf));
	}
	return arena_strdup(&c->rq.a, buf);
}

/* ---- multipart forms (a file upload from a page) ---- */

struct deel {
	struct request *rq;
	size_t cap_velden, cap_upload;
	bool fout;
};

static enum MHD_Result
multipart_veld(void *cls, enum MHD_ValueKind kind, const char *key,
	       const char *filename, const char *content_type,
	       const char *transfer_encoding, const char *data, uint64_t off,
	       size_t size)
{
	struct deel *d = cls;
	struct request *rq = d->rq;

	(void)kind;
	(void)content_type;
	(void)transfer_encoding;
	if (!key)
		return MHD_YES;
	if (strcmp(key, "bestand") == 0) {
		if (filename && !rq->upload_name)
			rq->upload_name = arena_strdup(&rq->a, filename);
		if (rq->upload_len + size + 1 > d->cap_upload) {
			size_t cap = 2 * (rq->upload_len + size + 1) + 4096;
			char *nb = arena_grow(&rq->a, rq->upload,
					      rq->upload_len, cap, 1);

			if (!nb) {
				d->fout = true;
				return MHD_NO;
			}
			rq->upload = nb;
			d->cap_upload = cap;
		}
		memcpy(rq->upload + rq->upload_len, data, size);
		rq->upload_len += size;
		rq->upload[rq->upload_len] = '\0';
		return MHD_YES;
	}
	/* A text field: the first chunk starts it, later ones extend it. */
	if (off == 0 || rq->form.n == 0 ||
	    strcmp(rq->form.items[rq->form.n - 1].key, key) != 0) {
		if (rq->form.n == d->cap_velden) {
			size_t cap = d->cap_velden ? 2 * d->cap_velden : 8;
			struct kv *nk =
				arena_grow(&rq->a, rq->form.items, rq->form.n,
					   cap, sizeof(*nk));

			if (!nk) {
				d->fout = true;
				return MHD_NO;
			}
			rq->form.items = nk;
			d->cap_velden = cap;
		}
		rq->form.items[rq->form.n].key = arena_strdup(&rq->a, key);
		rq->form.items[rq->form.n].value =
			arena_strndup(&rq->a, data, size);
		rq->form.n++;
	} else {
		struct kv *v = &rq->form.items[rq->form.n - 1];
		size_t len = strlen(v->value);
		char *nv = arena_alloc(&rq->a, len + size + 1);

		if (!nv) {
			d->fout = true;
			return MHD_NO;
		}
		memcpy(nv, v->value, len);
		memcpy(nv + len, data, size);
		nv[len + size] = '\0';
		v->value = nv;
	}
	return MHD_YES;
}

/* Read a multipart/form-data body with libmicrohttpd's post processor. */
static void
multipart_lezen(struct request *rq, struct MHD_Connection *con)
{
	struct deel d = { .rq = rq };
	struct MHD_PostProcessor *pp;

	if (!rq->content_type ||
	    strncasecmp(rq->content_type, "multipart/form-data", 19) != 0)
		return;
	pp = MHD_create_post_processor(con, 64 * 1024, multipart_veld, &d);
	if (!pp)
		return;
	rq->multipart = true;
	if (rq->body_len &&
	    MHD_post_process(pp, rq->body, rq->body_len) != MHD_YES)
		d.fout = true;
	MHD_destroy_post_processor(pp);
	if (d.fout)
		rq->multipart = false; /* unreadable: treated as no form */
}

/* The CSRF token from the header, or from an urlencoded form body. */
static bool
csrf_ok(struct request *rq)
{
	struct kvlist form = { 0 };
	struct err ignore;

	if (rq->multipart)
		return auth_csrf_ok(rq, kv_get(&rq->form, "csrf"));
	err_clear(&ignore);
	if (!rq->header_csrf && rq->content_type &&
	    strncasecmp(rq->content_type, "application/x-www-form-urlencoded",
			33) == 0)
		urlenc_parse(&rq->a, rq->body ? rq->body : "", rq->body_len,
			     "formulier", &form, &ignore);
	return auth_csrf_ok(rq, kv_get(&form, "csrf"));
}

/* GET (and HEAD) of API data and pages may come from the cache. */
static bool
cacheable(const struct request *rq, unsigned kind)
{
	return (rq->method == HTTP_GET || rq->method == HTTP_HEAD) &&
	       (kind & (ROUTE_API | ROUTE_PAGE)) && !(kind & ROUTE_OPEN);
}

/*
 * Whether a response may be kept and given to other anonymous visitors:
 * decided from the response itself, never from its URL. A 200 with a
 * body, that sets no cookie and carries no token of this visitor (the
 * login form's CSRF token), and that does not depend on the moment it
 * was made (free times: what is free starts after now plus the notice).
 */
static bool
shareable(const struct response *rs)
{
	return rs->status == 200 && rs->content_type && !rs->cookies[0] &&
	       !rs->cookies[1] && !rs->personal && !rs->vluchtig;
}

/* "GET <uri as received> <today>": today is part of every answer. */
static const char *
cache_key(struct request *rq)
{
	char today[DATE_ISO_LEN];
	size_t n;
	char *k;

	date_format_iso(rq->today, today);
	n = strlen(rq->raw_uri) + sizeof(today) + 8;
	k = arena_alloc(&rq->a, n);
	if (k)
		snprintf(k, n, "GET %s %s", rq->raw_uri, today);
	return k;
}

static enum MHD_Result
dispatch(struct conn *c, struct MHD_Connection *con, const char *url)
{
	struct server *s = c->srv;
	struct request *rq = &c->rq;
	struct response rs = { 0 }, rs0;
	struct err e;
	unsigned kind;
	char allow[96];
	const char *q, *key = NULL, *familie = NULL;
	char fam[STORE_FAMILIE_MAX + 1];
	enum status st;
	int64_t gen = 0;

	err_clear(&e);
	rq->templates = s->templates;
	rq->now = clock_now();
	rq->today = date_amsterdam_today(rq->now);
	rq->path = arena_strdup(&rq->a, url ? url : "/");
	kind = kind_of_path(rq->path);
	if (c->uri_too_long) {
		err_set(&e, ST_INVALID, "Het adres is langer dan %d tekens.",
			MAX_URI);
		error_response(c, kind, 414, &e, &rs);
		return send_response(c, con, kind, &rs);
	}
	if (c->too_large) {
		err_set(&e, ST_TOO_LARGE,
			"De meegestuurde gegevens zijn groter dan %zu bytes.",
			c->max_body);
		error_response(c, kind, 413, &e, &rs);
		return send_response(c, con, kind, &rs);
	}
	if (!text_utf8_valid(rq->path, strlen(rq->path))) {
		err_invalid(&e, "pad", "encoding",
			    "Het adres is geen geldige UTF-8-tekst.");
		error_response(c, kind, 400, &e, &rs);
		return send_response(c, con, kind, &rs);
	}
	q = rq->raw_uri ? strchr(rq->raw_uri, '?') : NULL;
	if (q && urlenc_parse(&rq->a, q + 1, strlen(q + 1), "query", &rq->query,
			      &e)) {
		error_response(c, kind, http_status_of(e.status), &e, &rs);
		return send_response(c, con, kind, &rs);
	}
	rq->content_type = MHD_lookup_connection_value(
		con, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	rq->origin =
		MHD_lookup_connection_value(con, MHD_HEADER_KIND, "Origin");
	rq->authorization = MHD_lookup_connection_value(
		con, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
	rq->header_csrf = MHD_lookup_connection_value(con, MHD_HEADER_KIND,
						      "X-CSRF-Token");
	rq->idempotency_key = MHD_lookup_connection_value(con, MHD_HEADER_KIND,
							  "Idempotency-Key");
	rq->contact = MHD_lookup_connection_value(con, MHD_HEADER_KIND,
						  "Afspraak-Contact");
	rq->cookie_sessie = MHD_lookup_connection_value(con, MHD_COOKIE_KIND,
							"ambt_sessie");
	rq->cookie_csrf =
		MHD_lookup_connection_value(con, MHD_COOKIE_KIND, "ambt_csrf");
	rq->herkomst = client_address(con, c);
	rq->qmatic_sleutel =
		MHD_lookup_connection_value(con, MHD_HEADER_KIND, "X-Api-Key");
	if ((kind & ROUTE_QMATIC) && qmatic_matrix(rq, &e)) {
		error_response(c, kind, http_status_of(e.status), &e, &rs);
		return send_response(c, con, kind, &rs);
	}

	route_match(http_routes, http_nroutes, rq->method, rq->path,
		    &rq->match);
	if (rq->method == HTTP_OPTIONS && rq->match.allowed) {
		/* CORS preflight: answer for allowed origins only. */
		http_allow_header(rq->match.allowed | HTTP_OPTIONS, allow,
				  sizeof(allow));
		rs.status = 204;
		rs.allow = arena_strdup(&rq->a, allow);
		rs.body = "";
		struct MHD_Response *r = MHD_create_response_from_buffer(
			0, (void *)"", MHD_RESPMEM_PERSISTENT);
		if (!r)
			return MHD_NO;
		add_headers(s, c, r, kind, &rs);
		if (kind & ROUTE_API && cors_allowed(s, rq->origin)) {
			MHD_add_response_header(
				r, "Access-Control-Allow-Methods", allow);
			MHD_add_response_header(r,
						"Access-Control-Allow-Headers",
						"Content-Type, Authorization, "
						"Idempotency-Key, "
						"Afspraak-Contact");
			MHD_add_response_header(r, "Access-Control-Max-Age",
						"600");
		}
		c->status = 204;
		enum MHD_Result ret = MHD_queue_response(con, 204, r);
		MHD_destroy_response(r);
		return ret;
	}
	if (!rq->match.route) {
		/* A page that is not there still shows who is logged in. */
		if (kind & ROUTE_PAGE &&
		    (rq->cookie_sessie || rq->authorization)) {
			struct err ignore;

			err_clear(&ignore);
			rq->store = pool_acquire(s);
			store_set_clock(rq->store, rq->now);
			if (auth_identify(rq, rq->now, &ignore) != ST_OK)
				memset(&rq->who, 0, sizeof(rq->who));
			pool_release(s, rq->store);
			rq->store = NULL;
		}
		if (rq->match.allowed) {
			http_allow_header(rq->match.allowed, allow,
					  sizeof(allow));
			err_set(&e, ST_INVALID,
				"De methode %s is hier niet toegestaan.",
				c->method);
			error_response(c, kind, 405, &e, &rs);
			rs.allow = arena_strdup(&rq->a, allow);
		} else {
			err_set(&e, ST_NOT_FOUND, "Er is niets op dit adres.");
			error_response(c, kind, 404, &e, &rs);
		}
		return send_response(c, con, kind, &rs);
	}
	kind = rq->match.route->flags;
	if (kind & ROUTE_UPLOAD)
		multipart_lezen(rq, con);
	rq->store = pool_acquire(s);
	store_set_clock(rq->store, rq->now);
	if ((st = auth_identify(rq, rq->now, &e)) != ST_OK &&
	    st != ST_NOT_FOUND) {
		/* Who is asking cannot be told now (the database). */
		pool_release(s, rq->store);
		rq->store = NULL;
		error_response(c, kind, http_status_of(st), &e, &rs);
		return send_response(c, con, kind, &rs);
	}
	if (st != ST_OK) {
		store_set_actor(rq->store, "anoniem", "anonieme gebruiker",
				rq->herkomst);
		auth_audit_geweigerd(rq, 401, "token", NULL,
				     "onbekend, verlopen of ingetrokken token");
		pool_release(s, rq->store);
		rq->store = NULL;
		error_response(c, kind, 401, &e, &rs);
		return send_response(c, con, kind, &rs);
	}
	/* From here on the store shows only what this principal may see. */
	auth_zicht(rq);
	store_set_zicht(rq->store, &rq->zicht);
	if (rq->who.ingelogd)
		store_set_actor(rq->store, rq->who.user.gebruikersnaam,
				rq->who.user.naam, rq->herkomst);
	else
		store_set_actor(rq->store, "anoniem", "anonieme gebruiker",
				rq->herkomst);
	/* A session may change nothing without its CSRF token. Logging in
	 * again has the login form's own check instead (its token cookie):
	 * a login form opened before logging in in another tab carries no
	 * session token. */
	if (rq->who.sessie_hash && rq->method != HTTP_GET &&
	    rq->method != HTTP_HEAD &&
	    rq->match.route->handler != (void (*)(void))page_login &&
	    !csrf_ok(rq)) {
		auth_audit_geweigerd(rq, 403, "sessie",
				     rq->who.user.gebruikersnaam,
				     "verzoek zonder geldig CSRF-token");
		pool_release(s, rq->store);
		rq->store = NULL;
		err_set(&e, ST_CONFLICT,
			"Dit verzoek mist een geldig CSRF-token; laad de "
			"pagina opnieuw.");
		error_response(c, kind, 403, &e, &rs);
		return send_response(c, con, kind, &rs);
	}
	/* What the route needs, checked here for every route. */
	if ((st = authz_route(rq, kind, &e)) != ST_OK) {
		if (st == ST_FORBIDDEN)
			auth_audit_geweigerd(rq, 403, "toegang",
					     rq->who.user.gebruikersnaam,
					     rq->path);
		pool_release(s, rq->store);
		rq->store = NULL;
		error_response(c, kind, http_status_of(st), &e, &rs);
		return send_response(c, con, kind, &rs);
	}
	if (s->cache && !rq->who.ingelogd && cacheable(rq, kind) &&
	    (familie = req_familie(rq, kind, fam, sizeof(fam)))) {
		struct err ignore;

		err_clear(&ignore);
		if (store_generation(rq->store, familie, &gen, &ignore) ==
		    ST_OK) {
			key = cache_key(rq);
			if (key &&
			    cache_get(s->cache, key, familie, gen, &rq->a,
				      &rs.body, &rs.len, &rs.content_type)) {
				pool_release(s, rq->store);
				rq->store = NULL;
				rs.status = 200;
				return send_response(c, con, kind, &rs);
			}
		}
	}
	/* A write that collided with another (PostgreSQL: a serialisation
	 * failure or deadlock) was undone whole: run it again, twice at
	 * most, before answering 503. */
	rs0 = rs;
	for (int poging = 1;; poging++) {
		st = ((handler_fn)rq->match.route->handler)(rq, &rs, &e);
		if (st != ST_RETRY || poging == 3)
			break;
		rs = rs0;
		err_clear(&e);
	}
	pool_release(s, rq->store);
	if (st == ST_OK && key && shareable(&rs))
		cache_put(s->cache, key, familie, gen, rs.body, rs.len,
			  rs.content_type);
	else if (key)
		cache_forget(s->cache, key);
	rq->store = NULL;
	if (st != ST_OK) {
		if (e.status == ST_OK)
			e.status = st;
		error_response(c, kind, http_status_of(st), &e, &rs);
	}
	return send_response(c, con, kind, &rs);
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *con, const char *url,
	   const char *method, const char *version, const char *upload_data,
	   size_t *upload_data_size, void **con_cls)
{
	struct server *s = cls;
	struct conn *c = *con_cls;

	(void)version;
	if (!c)
		return MHD_NO;
	if (!c->started) {
		const char *cl = MHD_lookup_connection_value(
			con, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);

		c->started = true;
		snprintf(c->method, sizeof(c->method), "%s", method);
		c->rq.method = http_method_parse(method);
		c->rq.method_text = c->method;
		c->max_body = s->cfg->max_body;
		if (s->cfg->max_upload > c->max_body) {
			/* A route that takes a file may take a larger body;
			 * its arena grows with it. */
			struct route_match m;

			if (route_match(http_routes, http_nroutes, c->rq.method,
					url ? url : "/", &m) &&
			    (m.route->flags & ROUTE_UPLOAD)) {
				c->max_body = s->cfg->max_upload;
				c->rq.a.limit += c->max_body;
			}
		}
		if (cl && strtoull(cl, NULL, 10) > c->max_body)
			c->too_large = true;
		return MHD_YES;
	}
	if (*upload_data_size) {
		size_t n = *upload_data_size;

		*upload_data_size = 0;
		if (c->too_large || c->rq.body_len + n > c->max_body) {
			c->too_large = true;
			return MHD_YES;
		}
		if (c->rq.body_len + n + 1 > c->body_cap) {
			size_t cap = c->body_cap ? c->body_cap : 4096;
			char *nb;

			while (cap < c->rq.body_len + n + 1)
				cap *= 2;
			nb = arena_grow(&c->rq.a, c->rq.body, c->rq.body_len,
					cap, 1);
			if (!nb) {
				c->too_large = true;
				return MHD_YES;
			}
			c->rq.body = nb;
			c->body_cap = cap;
		}
		memcpy(c->rq.body + c->rq.body_len, upload_data, n);
		c->rq.body_len += n;
		c->rq.body[c->rq.body_len] = '\0';
		return MHD_YES;
	}
	return dispatch(c, con, url);
}

/* ---- start and stop ---- */

static enum status
load_templates(struct server *s, struct err *e)
{
	s->templates = tmpl_set_new();
	if (!s->templates)
		return err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
	for (const struct embedded_file *f = embedded_files; f->name; f++) {
		if (strncmp(f->name, "templates/", 10) != 0)
			continue;
		if (tmpl_add(s->templates, f->name + 10, (const char *)f->data,
			     f->len, e))
			return e->status;
	}
	return ST_OK;
}

static void
split_cors(struct server *s, const char *list)
{
	const char *p = list;

	while (p && *p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char **nc;

		while (n && *p == ' ') {
			p++;
			n--;
		}
		if (n) {
			nc = realloc(s->cors, (s->ncors + 1) * sizeof(*nc));
			if (!nc)
				return;
			s->cors = nc;
			s->cors[s->ncors] = strndup(p, n);
			if (s->cors[s->ncors])
				s->ncors++;
		}
		p = end ? end + 1 : NULL;
	}
}

static void
server_free(struct server *s)
{
	for (size_t i = 0; i < s->npool; i++)
		store_close(s->pool[i]);
	free(s->pool);
	free(s->busy);
	tmpl_set_free(s->templates);
	cache_free(s->cache);
	for (size_t i = 0; i < s->ncors; i++)
		free(s->cors[i]);
	free(s->cors);
	pthread_mutex_destroy(&s->mu);
	pthread_cond_destroy(&s->cv);
	pthread_mutex_destroy(&s->log_mu);
}

int
server_run(const struct server_config *cfg)
{
	struct server s = { .cfg = cfg };
	struct sockaddr_in addr = { 0 };
	struct err e;
	sigset_t sigs;
	int sig = 0;
	const union MHD_DaemonInfo *info;
	unsigned threads = cfg->threads;

	err_clear(&e);
	pthread_mutex_init(&s.mu, NULL);
	pthread_cond_init(&s.cv, NULL);
	pthread_mutex_init(&s.log_mu, NULL);
	atomic_init(&s.inflight, 0);
	if (!threads) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		threads = n > 0 && n < 64 ? (unsigned)n : 2;
	}
	split_cors(&s, cfg->cors);
	s.cache = cache_new(32u << 20);
	if (load_templates(&s, &e)) {
		fprintf(stderr, "ambt server: %s\n", e.message);
		server_free(&s);
		return 1;
	}
	s.npool = threads;
	s.pool = calloc(threads, sizeof(*s.pool));
	s.busy = calloc(threads, sizeof(*s.busy));
	if (!s.pool || !s.busy) {
		server_free(&s);
		return 1;
	}
	for (size_t i = 0; i < s.npool; i++)
		if (store_open(cfg->db_path, STORE_EXISTING, &s.pool[i], &e)) {
			fprintf(stderr, "ambt: %s\n", e.message);
			server_free(&s);
			return 1;
		}
	addr.sin_family = AF_INET;
	addr.sin_port = htons(cfg->port);
	if (inet_pton(AF_INET, cfg->address ? cfg->address : "127.0.0.1",
		      &addr.sin_addr) != 1) {
		fprintf(stderr, "ambt: '%s' is geen IPv4-adres.\n",
			cfg->address);
		server_free(&s);
		return 1;
	}
	/* Worker threads inherit this mask: only this thread takes signals. */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);

	/* poll(), not epoll: with libmicrohttpd 0.9.75 (Debian 12) on epoll,
	 * a kept-alive connection whose next request arrived just as its
	 * last answer went out now and then stayed unread until the idle
	 * timeout (30 s), with the request in the socket; seen with 200
	 * clients booking at once (tests/http/wedloop.sh). poll() looks at
	 * every connection on every pass, so none is missed. */
	s.d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL | MHD_USE_ITC,
		cfg->port, NULL, NULL, on_request, &s, MHD_OPTION_SOCK_ADDR,
		&addr, MHD_OPTION_THREAD_POOL_SIZE, threads,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(32 * 1024),
		MHD_OPTION_CONNECTION_LIMIT, 1000u,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, 200u,
		MHD_OPTION_CONNECTION_TIMEOUT, 30u, MHD_OPTION_URI_LOG_CALLBACK,
		on_uri, &s, MHD_OPTION_NOTIFY_COMPLETED, on_completed, &s,
		MHD_OPTION_END);
	if (!s.d) {
		fprintf(stderr,
			"ambt: de server kan niet starten op %s:%u (%s).\n",
			cfg->address ? cfg->address : "127.0.0.1",
			(unsigned)cfg->port, strerror(errno));
		server_free(&s);
		return 1;
	}
	info = MHD_get_daemon_info(s.d, MHD_DAEMON_INFO_BIND_PORT);
	printf("Ambt draait op http://%s:%u/ (stoppen met Ctrl-C)\n",
	       cfg->address ? cfg->address : "127.0.0.1",
	       info ? (unsigned)info->port : (unsigned)cfg->port);
	if (cfg->melding)
		printf("%s\n", cfg->melding);
	fflush(stdout);
	if (cfg->luistert)
		cfg->luistert(cfg->luistert_arg);

	sigwait(&sigs, &sig);
	/* Graceful: stop accepting, let requests in flight finish. */
	int fd = (int)MHD_quiesce_daemon(s.d);
	if (fd >= 0)
		close(fd);
	for (int i = 0; i < 1000 && atomic_load(&s.inflight) > 0; i++) {
		struct timespec ts = { 0, 10 * 1000000L };
		nanosleep(&ts, NULL);
	}
	MHD_stop_daemon(s.d);
	server_free(&s);
	fprintf(stderr, "ambt: server gestopt.\n");
	return 0;
}
