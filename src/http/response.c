/*
 * response.c - the status -> HTTP table, problem+json, and the helpers
 * handlers use to read requests and write responses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http.h"
#include "auth.h"
#include "template.h"
#include "../core/afspraak.h"
#include "../core/medewerker.h"
#include "../core/register.h"
#include "../core/text.h"
#include "../core/uren_import.h"
#include "../present/json.h"
#include "../banned.h"

unsigned
http_status_of(enum status st)
{
	switch (st) {
	case ST_OK:
		return 200;
	case ST_INVALID:
		return 400;
	case ST_NOT_FOUND:
		return 404;
	case ST_CONFLICT:
		return 409;
	case ST_TOO_LARGE:
		return 413;
	case ST_UNSUPPORTED:
		return 415;
	case ST_UNAUTHENTICATED:
		return 401;
	case ST_FORBIDDEN:
		return 403;
	case ST_TOO_MANY:
		return 429;
	case ST_UNAVAILABLE:
	case ST_RETRY:
		return 503;
	case ST_NOMEM:
	case ST_INTERNAL:
		return 500;
	}
	return 500;
}

const char *
http_status_title(unsigned status)
{
	switch (status) {
	case 200:
		return "OK";
	case 201:
		return "Aangemaakt";
	case 400:
		return "Ongeldige invoer";
	case 401:
		return "Niet ingelogd";
	case 403:
		return "Geen toegang";
	case 404:
		return "Niet gevonden";
	case 405:
		return "Methode niet toegestaan";
	case 406:
		return "Niet aanvaardbaar";
	case 409:
		return "Conflict";
	case 413:
		return "Verzoek te groot";
	case 414:
		return "Adres te lang";
	case 415:
		return "Niet-ondersteund mediatype";
	case 422:
		return "Niet te verwerken";
	case 429:
		return "Te veel verzoeken";
	case 500:
		return "Interne fout";
	case 503:
		return "Dienst niet beschikbaar";
	}
	return "Fout";
}

char *
problem_json(struct arena *a, unsigned status, const char *detail,
	     const struct err *e, const char *instance, size_t *len)
{
	json_t *j = json_object();
	char type[96], *text, *out;

	snprintf(type, sizeof(type),
		 "https://developer.overheid.nl/problems/%u", status);
	json_object_set_new(j, "type", json_string(type));
	json_object_set_new(j, "title", json_string(http_status_title(status)));
	json_object_set_new(j, "status", json_integer(status));
	json_object_set_new(j, "detail", jstr(detail));
	if (instance)
		json_object_set_new(j, "instance", jstr(instance));
	if (e && e->status == ST_INVALID && e->nproblems) {
		json_t *arr = json_array();
		for (size_t i = 0; i < e->nproblems; i++) {
			json_t *p = json_object();
			json_object_set_new(p, "name",
					    jstr(e->problems[i].name));
			json_object_set_new(p, "code",
					    jstr(e->problems[i].code));
			json_object_set_new(p, "reason",
					    jstr(e->problems[i].reason));
			json_array_append_new(arr, p);
		}
		json_object_set_new(j, "invalidParams", arr);
	}
	text = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	if (!text)
		return NULL;
	*len = strlen(text);
	out = arena_strndup(a, text, *len);
	free(text);
	return out;
}

const char *
req_param(struct request *rq, const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 0; i < rq->match.nparams; i++)
		if (rq->match.params[i].name_len == n &&
		    memcmp(rq->match.params[i].name, name, n) == 0)
			return arena_strndup(&rq->a, rq->match.params[i].value,
					     rq->match.params[i].value_len);
	return NULL;
}

const char *
req_familie(struct request *rq, unsigned flags, char *buf, size_t n)
{
	const char *code;
	struct err ignore;
	int k;

	if (!(flags & ROUTE_AFSPRAKEN))
		k = snprintf(buf, n, "%s", STORE_FAMILIE_ALGEMEEN);
	else {
		code = req_param(rq, "gemeente");
		err_clear(&ignore);
		/* A booking page names its municipality by slug. */
		if (code && (flags & ROUTE_PAGE) && rq->store &&
		    reg_check_cbs_code(code, "gemeente", &ignore))
			code = page_afspraak_gemeente(rq, code);
		else if (!code)
			code = kv_get(&rq->query, "gemeente");
		err_clear(&ignore);
		if (!code || reg_check_cbs_code(code, "gemeente", &ignore))
			return NULL;
		k = snprintf(buf, n, "%s%s", STORE_FAMILIE_AFSPRAKEN, code);
	}
	return k > 0 && (size_t)k < n ? buf : NULL;
}

/*
 * The longest value of each query parameter that names something by its
 * code (the register's limits) or is a file name; every other parameter
 * (free text such as zoek; dates, numbers and choices, which are refused
 * anyway when they are not one) has QUERY_MAX_TEKST characters. The
 * OpenAPI document states the same.
 */
static const struct {
	const char *naam;
	size_t max;
} query_max[] = {
	{ "samenwerking", REG_MAX_SHORT_CODE },
	{ "verantwoordelijkeOrganisatie", REG_CBS_CODE_LEN },
	{ "gemeente", REG_CBS_CODE_LEN },
	{ "bestand", UREN_MAX_BESTAND },
	{ "vestiging", AFSPRAAK_MAX_CODE },
	{ "product", AFSPRAAK_MAX_CODE },
	{ "medewerker", MEDEWERKER_MAX_NUMMER },
};

/* The limit of a query parameter's value, in characters. */
static size_t
query_limiet(const char *naam)
{
	for (size_t i = 0; i < sizeof(query_max) / sizeof(query_max[0]); i++)
		if (strcmp(query_max[i].naam, naam) == 0)
			return query_max[i].max;
	return QUERY_MAX_TEKST;
}

/* Whether `k` is among the NULL-terminated `list` (which may be NULL). */
static bool
in_lijst(const char *const *list, const char *k)
{
	for (; list && *list; list++)
		if (strcmp(*list, k) == 0)
			return true;
	return false;
}

enum status
req_check_query(struct request *rq, const char *const *allowed, struct err *e)
{
	return req_check_query_lijst(rq, allowed, NULL, e);
}

enum status
req_check_query_lijst(struct request *rq, const char *const *allowed,
		      const char *const *herhaalbaar, struct err *e)
{
	for (size_t i = 0; i < rq->query.n; i++) {
		const char *k = rq->query.items[i].key;
		const char *const *a;

		for (a = allowed; a && *a; a++)
			if (strcmp(*a, k) == 0)
				break;
		if (!a || !*a)
			err_invalid(e, k, "unknown-parameter",
				    "Onbekende parameter '%.40s'.", k);
		else if (text_check_max(rq->query.items[i].value, k,
					query_limiet(k), e))
			continue;
		else if (kv_count(&rq->query, k) > 1 &&
			 !in_lijst(herhaalbaar, k)) {
			bool first = true;
			for (size_t j = 0; j < i; j++)
				if (strcmp(rq->query.items[j].key, k) == 0)
					first = false;
			if (first)
				err_invalid(e, k, "repeated",
					    "Parameter '%.40s' komt meer dan "
					    "één keer voor.",
					    k);
		}
	}
	return e->status;
}

/* The year a request asks about, as every form and query names it. */
enum status
req_jaar(const char *text, int *jaar, struct err *e)
{
	int64_t v;

	if (!text)
		return ST_OK;
	if (text_int_parse(text, DATE_JAAR_MIN, DATE_JAAR_MAX, &v))
		return err_invalid(e, "jaar", "year",
				   "Noem een jaar, bijvoorbeeld 2024.");
	*jaar = (int)v; /* within DATE_JAAR_MIN and DATE_JAAR_MAX */
	return ST_OK;
}

/* One whole number from a request, by the one rule of text_int_parse. */
enum status
req_int(const char *text, const char *name, int64_t min, int64_t max,
	int64_t *out, struct err *e)
{
	switch (text ? text_int_parse(text, min, max, out) : TEXT_INT_OK) {
	case TEXT_INT_OK:
		return ST_OK;
	case TEXT_INT_FORMAT:
		return text_int_problem(name, "integer", min, max, e);
	case TEXT_INT_RANGE:
		break;
	}
	return text_int_problem(name, "range", min, max, e);
}

enum status
req_query_date(struct request *rq, const char *key, day_t *out, struct err *e)
{
	const char *v = kv_get(&rq->query, key);

	*out = DATE_NONE;
	if (!v)
		return ST_OK;
	if (date_parse(v, out))
		return err_invalid(e, key, "date",
				   "'%.20s' is geen geldige datum; schrijf "
				   "JJJJ-MM-DD.",
				   v);
	return ST_OK;
}

/* page and pageSize, each named when it is wrong. */
enum status
req_page(struct request *rq, size_t *page, size_t *page_size, struct err *e)
{
	const char *p = kv_get(&rq->query, "page");
	const char *ps = kv_get(&rq->query, "pageSize");
	int64_t v;

	*page = 1;
	*page_size = PAGE_SIZE_DEFAULT;
	if (p && text_int_parse(p, 1, PAGE_MAX, &v))
		err_invalid(e, "page", "range",
			    "page is een geheel getal van 1 tot en met "
			    "1.000.000.");
	else if (p)
		*page = (size_t)v;
	if (ps && text_int_parse(ps, 1, PAGE_SIZE_MAX, &v))
		err_invalid(e, "pageSize", "range",
			    "pageSize is een geheel getal van 1 tot en met "
			    "%d.",
			    PAGE_SIZE_MAX);
	else if (ps)
		*page_size = (size_t)v;
	return e->status;
}

static bool
media_is(const char *ct, const char *want)
{
	size_t n = ct ? strcspn(ct, ";") : 0;

	while (n && ct[n - 1] == ' ')
		n--;
	return ct && n == strlen(want) && strncasecmp(ct, want, n) == 0;
}

static enum status
json_body(struct request *rq, bool patch, json_t **out, struct err *e)
{
	json_error_t je;

	*out = NULL;
	if (!media_is(rq->content_type, "application/json") &&
	    !(patch &&
	      media_is(rq->content_type, "application/merge-patch+json")))
		return err_set(
			e, ST_UNSUPPORTED,
			patch ? "Stuur de wijzigingen als JSON met "
				"Content-Type: application/merge-patch+json."
			      : "Stuur de gegevens als JSON met "
				"Content-Type: application/json.");
	*out = json_loadb(rq->body ? rq->body : "", rq->body_len,
			  JSON_REJECT_DUPLICATES, &je);
	if (!*out)
		return err_invalid(e, "body", "json",
				   "Geen geldige JSON (regel %d, kolom %d): %s",
				   je.line, je.column, je.text);
	if (!json_is_object(*out)) {
		json_decref(*out);
		*out = NULL;
		return err_invalid(e, "body", "json",
				   "De gegevens moeten een JSON-object zijn.");
	}
	return ST_OK;
}

enum status
req_json_body(struct request *rq, json_t **out, struct err *e)
{
	return json_body(rq, false, out, e);
}

enum status
req_json_patch(struct request *rq, json_t **out, struct err *e)
{
	return json_body(rq, true, out, e);
}

enum status
resp_json(struct request *rq, struct response *rs, unsigned status,
	  json_t *body)
{
	char *text = json_dumps(body, JSON_COMPACT | JSON_PRESERVE_ORDER);

	json_decref(body);
	if (!text)
		return ST_NOMEM;
	rs->len = strlen(text);
	rs->body = arena_strndup(&rq->a, text, rs->len);
	free(text);
	if (!rs->body)
		return ST_NOMEM;
	rs->status = status;
	rs->content_type = "application/json";
	return ST_OK;
}

/* The current URL with page=N, for next/previous links. */
static json_t *
page_link(struct request *rq, size_t page)
{
	char *buf;
	size_t cap = 64 + strlen(rq->path), o;

	for (size_t i = 0; i < rq->query.n; i++)
		cap += 3 * (strlen(rq->query.items[i].key) +
			    strlen(rq->query.items[i].value)) +
		       2;
	buf = arena_alloc(&rq->a, cap);
	if (!buf)
		return json_null();
	o = (size_t)snprintf(buf, cap, "%s?page=%zu", rq->path, page);
	for (size_t i = 0; i < rq->query.n && o < cap; i++) {
		if (strcmp(rq->query.items[i].key, "page") == 0)
			continue;
		buf[o++] = '&';
		o += urlenc_encode(rq->query.items[i].key, buf + o, cap - o);
		if (o < cap)
			buf[o++] = '=';
		o += urlenc_encode(rq->query.items[i].value, buf + o, cap - o);
	}
	return json_string(buf);
}

enum status
resp_page(struct request *rq, struct response *rs, json_t *results,
	  size_t total, size_t page, size_t page_size)
{
	json_t *j = json_object();
	size_t pages = (total + page_size - 1) / page_size;

	json_object_set_new(j, "count", json_integer((json_int_t)total));
	json_object_set_new(j, "page", json_integer((json_int_t)page));
	json_object_set_new(j, "pageSize", json_integer((json_int_t)page_size));
	json_object_set_new(j, "next",
			    page < pages ? page_link(rq, page + 1)
					 : json_null());
	json_object_set_new(j, "previous",
			    page > 1 ? page_link(rq, page - 1) : json_null());
	json_object_set_new(j, "results", results);
	return resp_json(rq, rs, 200, j);
}

enum status
resp_list(struct request *rq, struct response *rs, json_t *all, struct err *e)
{
	size_t page, size, total = json_array_size(all), from;
	json_t *results;

	if (req_page(rq, &page, &size, e)) {
		json_decref(all);
		return e->status;
	}
	results = json_array();
	from = (page - 1) * size;
	for (size_t i = from; i < total && i < from + size; i++)
		json_array_append(results, json_array_get(all, i));
	json_decref(all);
	return resp_page(rq, rs, results, total, page, size);
}

/* The main menu: the pages of the header, in this order. */
static const struct {
	const char *pad, *label;
} nav_items[] = {
	{ "/", "Samenwerkingen" },
	{ "/besluiten", "Besluiten" },
	{ "/werkstromen", "Werkstromen" },
	{ "/uren", "Uren" },
	{ "/medewerkers", "Medewerkers" },
	{ "/rooster", "Rooster" },
	{ "/balie", "Balie" },
	{ "/afspraakstatistiek", "Afspraakcijfers" },
	{ "/audit", "Auditspoor" },
	{ "/gebruikers", "Accounts" },
	{ "/account", "Mijn account" },
};

/* The flags of the GET route of exactly `pad`, 0 when there is none. */
static unsigned
get_route_flags(const char *pad)
{
	for (size_t i = 0; i < http_nroutes; i++)
		if (http_routes[i].method == HTTP_GET &&
		    strcmp(http_routes[i].pattern, pad) == 0)
			return http_routes[i].flags;
	return 0;
}

static bool
nav_current(const struct request *rq, json_t *data, const char *pad)
{
	size_t n = strlen(pad);

	if (strcmp(pad, "/") == 0)
		return json_is_true(json_object_get(
			json_object_get(data, "menu"), "samenwerkingen"));
	return rq->path && strncmp(rq->path, pad, n) == 0 &&
	       (rq->path[n] == '\0' || rq->path[n] == '/');
}

bool
resp_terug_ok(const char *t)
{
	size_t n;

	if (!t || t[0] != '/' || t[1] == '/' || t[1] == '\\')
		return false;
	n = strlen(t);
	if (n > TERUG_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (t[i] == '\\' || (unsigned char)t[i] < 0x20 ||
		    (unsigned char)t[i] == 0x7f)
			return false;
	return true;
}

/* Whether `c` may stand as itself in a query value (RFC 3986: pchar, "/"
 * and "?", less "&", "=" and "+", which a form decoder reads otherwise). */
static bool
query_plain(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || strchr("-._~/?:@!$'()*,;", c);
}

/* "/inloggen?terug=..." for the page asked for now (a GET of a page other
 * than the login page itself), otherwise "/inloggen". The path stays
 * readable: only what a query value cannot hold is percent-encoded. */
static json_t *
login_link(struct request *rq)
{
	static const char hex[] = "0123456789ABCDEF";
	const char *uri = rq->raw_uri;
	size_t cap, o = 16;
	char *buf;

	if ((rq->method != HTTP_GET && rq->method != HTTP_HEAD) || !uri ||
	    !resp_terug_ok(uri) || strcmp(uri, "/") == 0 ||
	    strncmp(uri, "/inloggen", 9) == 0)
		return json_string("/inloggen");
	cap = 16 + 3 * strlen(uri) + 1;
	buf = arena_alloc(&rq->a, cap);
	if (!buf)
		return json_string("/inloggen");
	memcpy(buf, "/inloggen?terug=", 16);
	for (const unsigned char *p = (const unsigned char *)uri; *p; p++) {
		if (*p && query_plain(*p)) {
			buf[o++] = (char)*p;
		} else {
			buf[o++] = '%';
			buf[o++] = hex[*p >> 4];
			buf[o++] = hex[*p & 15];
		}
	}
	buf[o] = '\0';
	return json_string(buf);
}

void
resp_kop(struct request *rq, struct response *rs, json_t *data)
{
	json_t *nav;

	if (!json_is_object(data))
		return;
	if (rq->who.ingelogd) {
		json_t *u = json_object();
		json_object_set_new(u, "naam", jstr(rq->who.user.naam));
		json_object_set_new(u, "gebruikersnaam",
				    jstr(rq->who.user.gebruikersnaam));
		json_object_set_new(u, "csrf", jstr(rq->who.csrf));
		json_object_set_new(data, "ingelogd", u);
		/* The menu of a signed-in person belongs to this visitor
		 * alone: such a page is never kept for others. */
		rs->personal = true;
	} else if (!json_object_get(data, "inloggenHref")) {
		json_object_set_new(data, "inloggenHref", login_link(rq));
	}
	/* The menu offers a page only to whom its route lets in. */
	nav = json_array();
	for (size_t i = 0; i < sizeof(nav_items) / sizeof(nav_items[0]); i++) {
		unsigned flags = get_route_flags(nav_items[i].pad);
		json_t *item;

		if (!auth_route_allowed(&rq->who, flags))
			continue;
		item = json_object();
		json_object_set_new(item, "pad", json_string(nav_items[i].pad));
		json_object_set_new(item, "label",
				    json_string(nav_items[i].label));
		if (nav_current(rq, data, nav_items[i].pad))
			json_object_set_new(item, "huidig", json_true());
		json_array_append_new(nav, item);
	}
	json_object_set_new(data, "nav", nav);
}

enum status
resp_page_html(struct request *rq, struct response *rs, const char *name,
	       json_t *data, struct err *e)
{
	char *out;
	size_t len;
	enum status st;

	resp_kop(rq, rs, data);
	/* A form token belongs to this visitor alone: such a page is never
	 * kept for others. */
	if (json_is_string(json_object_get(data, "formCsrf")))
		rs->personal = true;
	st = tmpl_render(rq->templates, name, data, &rq->a, PAGE_HTML_MAX, &out,
			 &len, e);
	json_decref(data);
	if (st)
		return st;
	rs->status = 200;
	rs->content_type = "text/html; charset=utf-8";
	rs->body = out;
	rs->len = len;
	return ST_OK;
}
