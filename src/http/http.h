/*
 * http.h - what request handlers see: the request (with its own arena and
 * a database connection), the response they fill, and helpers for both.
 *
 * A handler returns ST_OK after filling the response, or an error status
 * with `e` filled; the server turns errors into responses in one place
 * (problem+json for the API, a Dutch error page for pages), using the
 * status -> HTTP table in response.c.
 */
#ifndef AMBT_HTTP_H
#define AMBT_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "route.h"
#include "urlencoded.h"
#include "../core/arena.h"
#include "../core/date.h"
#include "../core/err.h"
#include "../store/store.h"

#define API_VERSION "1.11.0"
#define API_BASE "/api/v1"
/* Where the Qmatic calendar surface is served (docs/design/qmatic.md). */
#define QMATIC_BASE "/qmatic/calendar-backend/public/api"
#define PAGE_SIZE_DEFAULT 100
#define PAGE_SIZE_MAX 500
#define PAGE_MAX 1000000 /* pages of a list */
/*
 * The largest HTML page. Every field has a limit and every long list on a
 * page is shown a page at a time, so a page stays far below this; it is
 * the last guard, with room for the lists that are not paged (a year's
 * deviations, a cooperation's scenarios). The request's arena (64 MiB)
 * holds the output while it doubles.
 */
#define PAGE_HTML_MAX (16u << 20)
/* A query parameter's value with no limit of its own (req_check_query). */
#define QUERY_MAX_TEKST 200
/* Ids (batches, calculations) are positive and within int64. */
#define ID_MAX INT64_MAX

struct server;
struct tmpl_set;

enum route_kind {
	ROUTE_API = 1, /* JSON, problem+json errors */
	ROUTE_PAGE = 2, /* HTML pages */
	ROUTE_STATIC = 4, /* embedded assets */
	ROUTE_OPEN = 8, /* CORS for everyone (openapi.json) */
	ROUTE_UPLOAD = 16, /* takes a file: bodies up to max_upload */
	/* Its answers show one municipality's appointment data: kept in
	 * the response cache in that family (req_familie). */
	ROUTE_AFSPRAKEN = 32,
	/* The Qmatic calendar surface (qmatic.c): JSON, errors as a status
	 * and an error_message header, matrix parameters (rq->matrix). */
	ROUTE_QMATIC = 64,
};

/*
 * What a route needs, declared in its flags and checked by the server
 * before the handler runs. A route that declares none is refused: deny by
 * default. Handlers of writes check the object's municipality or
 * cooperation themselves with authz_gemeente / authz_samenwerking.
 */
enum need {
	NEED_PUBLIC = 1 << 8, /* anyone; what is shown is filtered */
	NEED_BEHEERDER = 1 << 9, /* beheerder only */
	NEED_GEMEENTE_SCHRIJF = 1 << 10, /* beheerder or an accounthouder */
	NEED_SAMENWERKING_SCHRIJF = 1 << 11, /* beheerder or a controller */
	NEED_INGELOGD = 1 << 12, /* any account; what is shown is scoped */
	NEED_PLANNER = 1 << 13, /* beheerder or a planner (front office) */
	NEED_BALIE = 1 << 14, /* beheerder, a planner or a baliemedewerker */
};

#define NEED_MASK                                                   \
	(NEED_PUBLIC | NEED_BEHEERDER | NEED_GEMEENTE_SCHRIJF |     \
	 NEED_SAMENWERKING_SCHRIJF | NEED_INGELOGD | NEED_PLANNER | \
	 NEED_BALIE)

/* Who is asking: anonymous, or an account by session or token. */
struct principal {
	bool ingelogd;
	bool via_token;
	bool alleen_lezen; /* a read-only token */
	struct gebruiker user; /* when ingelogd */
	const char *sessie_hash; /* when logged in by cookie */
	const char *csrf; /* the session's form token */
};

struct request {
	struct arena a;
	struct principal who;
	struct zicht zicht; /* what `who` may see (auth_zicht) */
	const char *cookie_sessie; /* value of the ambt_sessie cookie */
	const char *cookie_csrf; /* value of the ambt_csrf cookie */
	const char *header_csrf; /* X-CSRF-Token */
	const char *authorization;
	const char *idempotency_key; /* Idempotency-Key */
	const char *contact; /* Afspraak-Contact: a resident's e-mail or phone */
	const char *herkomst; /* client IP */
	const char *qmatic_sleutel; /* X-Api-Key (the Qmatic surface) */
	/* The matrix parameters of the last path segment (";k=v;k=v"),
	 * taken off the path of the Qmatic surface before routing. */
	struct kvlist matrix;
	enum http_method method;
	const char *method_text;
	const char *path; /* percent-decoded, without query */
	const char *raw_uri; /* as received, with query string */
	struct kvlist query;
	const char *content_type;
	const char *origin;
	char *body;
	size_t body_len;
	/* A multipart/form-data form (routes that take a file): its text
	 * fields, and the bytes and name of the file field "bestand". */
	struct kvlist form;
	char *upload;
	size_t upload_len;
	const char *upload_name;
	bool multipart;
	struct route_match match;
	struct store *store;
	const struct tmpl_set *templates;
	int64_t now; /* the request's instant (src/sys/clock.h) */
	day_t today; /* its Amsterdam date */
};

struct response {
	unsigned status;
	const char *content_type;
	const char *body;
	size_t len;
	const char *allow; /* for 405 */
	const char *location; /* for 201 and 303 */
	const char *cookies[2]; /* Set-Cookie values */
	bool immutable; /* static asset: may be cached */
	bool personal; /* carries a token of this visitor: never shared */
	bool vluchtig; /* depends on the moment, not only the data: never
			  kept (free times: the notice counts from now) */
	int retry_after; /* 429: seconds for Retry-After */
	const char *fout_melding; /* the Qmatic surface: error_message */
	const char *bestand; /* a download: its file name (attachment) */
	const char *csp; /* a page's own Content-Security-Policy */
};

typedef enum status (*handler_fn)(struct request *rq, struct response *rs,
				  struct err *e);

/* The route table of the server (routes.c). */
extern const struct route http_routes[];
extern const size_t http_nroutes;

/* A path parameter by name ("code"), NUL-terminated in the arena. */
const char *req_param(struct request *rq, const char *name);

/*
 * The family of data (store.h) a GET answer of route flags `flags`
 * shows, under which the response cache keeps it: STORE_FAMILIE_ALGEMEEN,
 * unless the route is flagged ROUTE_AFSPRAKEN; then "afspraken:" and the
 * CBS code of the municipality the request names, by the path parameter
 * {gemeente}, else the query parameter gemeente. NULL, so that the
 * answer is not kept, when such a request names no valid code (the
 * handler refuses it) or the route shows the appointment data of no one
 * municipality: a route whose answers show appointment data must carry
 * ROUTE_AFSPRAKEN, or its answers would stay in the cache after a
 * booking. The name is written in buf (n bytes, at least
 * STORE_FAMILIE_MAX + 1).
 */
const char *req_familie(struct request *rq, unsigned flags, char *buf,
			size_t n);

/* The CBS code of the municipality a booking page's {gemeente} names
 * (its slug or code), or NULL (pages_afspraak.c): for req_familie. */
const char *page_afspraak_gemeente(struct request *rq, const char *param);

/*
 * Refuse query keys not in `allowed` (NULL-terminated), repeated keys, and
 * values longer than their parameter's limit (one table in response.c:
 * codes as long as the register allows, a file name 255, everything else
 * QUERY_MAX_TEKST characters): ST_INVALID with a problem per key.
 */
enum status req_check_query(struct request *rq, const char *const *allowed,
			    struct err *e);
/* The same, but the keys of `herhaalbaar` (NULL-terminated) may come more
 * than once (product=a&product=b). */
enum status req_check_query_lijst(struct request *rq,
				  const char *const *allowed,
				  const char *const *herhaalbaar,
				  struct err *e);

/*
 * A year (DATE_JAAR_MIN to DATE_JAAR_MAX) from `text`, which may be NULL
 * (then *jaar is left alone); a problem named "jaar" otherwise.
 */
enum status req_jaar(const char *text, int *jaar, struct err *e);

/*
 * A whole number from a query parameter, a path parameter or a form field
 * named `name`: `text` may be NULL (then *out is left alone and ST_OK);
 * otherwise decimal digits within [min, max], else a problem under
 * `name` ("integer" when it is no number, "range" when it is one outside
 * the range, with the range in the message). Never cut short.
 */
enum status req_int(const char *text, const char *name, int64_t min,
		    int64_t max, int64_t *out, struct err *e);

/* An optional date query parameter; problems named after the key. */
enum status req_query_date(struct request *rq, const char *key, day_t *out,
			   struct err *e);

/* page (1 to PAGE_MAX) and pageSize (1 to PAGE_SIZE_MAX) with defaults. */
enum status req_page(struct request *rq, size_t *page, size_t *page_size,
		     struct err *e);

/*
 * The request body as a JSON object: 415 unless the content type is
 * application/json, 400 (ST_INVALID) for malformed JSON, duplicate keys,
 * or anything but an object. The caller owns the returned reference.
 */
enum status req_json_body(struct request *rq, json_t **out, struct err *e);

/* The same for PATCH: application/merge-patch+json is accepted too. */
enum status req_json_patch(struct request *rq, json_t **out, struct err *e);

/* Set a JSON body (takes the reference) with status `status`. */
enum status resp_json(struct request *rq, struct response *rs, unsigned status,
		      json_t *body);

/* A paginated list: {count, page, pageSize, next, previous, results}. */
enum status resp_page(struct request *rq, struct response *rs, json_t *results,
		      size_t total, size_t page, size_t page_size);

/* A page of an in-memory list (takes `all`), after page/pageSize. */
enum status resp_list(struct request *rq, struct response *rs, json_t *all,
		      struct err *e);

/* Set an HTML body rendered from template `name` with `data` (taken). */
enum status resp_page_html(struct request *rq, struct response *rs,
			   const char *name, json_t *data, struct err *e);

/*
 * What the header of every page needs, added to a page's `data`: who is
 * logged in (name, the form token for logging out), the main menu "nav"
 * (the pages whose routes let this person in, the current one marked) and,
 * for a visitor, the login link that leads back to this page.
 */
void resp_kop(struct request *rq, struct response *rs, json_t *data);

/* The longest path (with query) that a login may lead back to. */
#define TERUG_MAX 500

/*
 * Whether `t` is a path on this site to go back to after logging in: it
 * starts with one "/" (not "//", no scheme, no backslash, no control
 * characters) and has at most TERUG_MAX bytes.
 */
bool resp_terug_ok(const char *t);

/* The HTTP status for an error status (the one table). */
unsigned http_status_of(enum status st);

/* The Dutch title of an HTTP status, for problem+json and error pages. */
const char *http_status_title(unsigned status);

/*
 * A problem+json body (RFC 9457) for `status`, listing e's problems as
 * invalidParams; never carries e->detail.
 */
char *problem_json(struct arena *a, unsigned status, const char *detail,
		   const struct err *e, const char *instance, size_t *len);

#endif
