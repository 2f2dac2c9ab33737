/*
 * qmatic.c - the Qmatic calendar surface (Open Formulieren's Qmatic
 * plugin) over the front office: branches are locations, services are
 * products, free dates and times come from the same search as
 * /api/v1/vrije-tijden, and a booking goes through store_afspraak_add, the
 * one booking path (docs/design/qmatic.md). The X-Api-Key header names
 * one municipality and everything is scoped to it.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "auth.h"
#include "qmatic.h"
#include "../core/afspraak.h"
#include "../core/text.h"
#include "../present/json.h"
#include "../store/store_afspraak.h"
#include "../store/store_qmatic.h"
#include "../banned.h"

#define QM_SLEUTEL_MAX 256 /* characters of an API key we look at */
#define QM_POGINGEN 8 /* fresh reference codes drawn before giving up */
#define QM_TEKST_MAX 2000 /* title, notes: read, never kept */
#define QM_KLANTEN_MAX 100 /* customer records in one booking body */
#define QM_TIJDZONE "Europe/Amsterdam"

/* A formatted text in the request's arena ("" when out of memory). */
static const char *qm_fmt(struct request *rq_a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static const char *
qm_fmt(struct request *rq, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	const char *t;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	t = arena_strdup(&rq->a, buf);
	return t ? t : "";
}

/* ---- matrix parameters and errors ---- */

enum status
qmatic_matrix(struct request *rq, struct err *e)
{
	char *pad = (char *)rq->path, *slash, *semi, *tekst;
	size_t n;

	slash = strrchr(pad, '/');
	semi = slash ? strchr(slash, ';') : NULL;
	if (!semi)
		return ST_OK;
	*semi = '\0';
	tekst = arena_strdup(&rq->a, semi + 1);
	if (!tekst)
		return err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
	n = strlen(tekst);
	for (size_t i = 0; i < n; i++)
		if (tekst[i] == ';')
			tekst[i] = '&';
	if (urlenc_parse(&rq->a, tekst, n, "matrix", &rq->matrix, e))
		return e->status;
	return ST_OK;
}

void
qmatic_fout(struct request *rq, struct response *rs, unsigned status,
	    const char *detail, const struct err *e)
{
	char melding[600];
	size_t o = 0;
	json_t *j;
	char *t;

	melding[0] = '\0';
	if (e && e->status == ST_INVALID && e->nproblems) {
		for (size_t i = 0; i < e->nproblems && o < sizeof(melding); i++)
			o += (size_t)snprintf(melding + o, sizeof(melding) - o,
					      "%s%s: %s", i ? "; " : "",
					      e->problems[i].name,
					      e->problems[i].reason);
	} else {
		snprintf(melding, sizeof(melding), "%s", detail);
	}
	/* A header carries one line. */
	for (char *p = melding; *p; p++)
		if (*p == '\r' || *p == '\n')
			*p = ' ';
	rs->status = status;
	rs->fout_melding = arena_strdup(&rq->a, melding);
	j = json_object();
	json_object_set_new(j, "code", json_integer(status));
	json_object_set_new(j, "msg", json_string(melding));
	rs->content_type = "application/json";
	t = json_dumps(j, JSON_COMPACT);
	rs->body = t ? arena_strdup(&rq->a, t) : NULL;
	free(t);
	json_decref(j);
	if (!rs->body)
		rs->body = "";
	rs->len = strlen(rs->body);
}

/* ---- who asks: the key names the municipality ---- */

static enum status
qm_gemeente(struct request *rq, const char **gemeente, struct err *e)
{
	const char *k = rq->qmatic_sleutel, *hash;
	struct err probe;
	enum status st;

	if (!k || !*k)
		return err_set(
			e, ST_UNAUTHENTICATED,
			"De API-sleutel ontbreekt (kopregel X-Api-Key).");
	err_clear(&probe);
	if (strlen(k) > QM_SLEUTEL_MAX || !(hash = auth_hash(&rq->a, k)))
		st = ST_NOT_FOUND;
	else
		st = store_qmatic_gemeente(rq->store, hash, &rq->a, gemeente,
					   &probe);
	if (st == ST_NOT_FOUND) {
		auth_audit_geweigerd(rq, 401, "qmatic", NULL,
				     "onbekende sleutel voor de "
				     "Qmatic-koppeling");
		return err_set(e, ST_UNAUTHENTICATED,
			       "De API-sleutel is onbekend.");
	}
	if (st) {
		*e = probe;
		return st;
	}
	store_set_actor(rq->store, qm_fmt(rq, "qmatic:%s", *gemeente),
			qm_fmt(rq, "Qmatic-koppeling %s", *gemeente),
			rq->herkomst);
	return ST_OK;
}

/* The key, no query string, and only the matrix parameters allowed. */
static enum status
qm_begin(struct request *rq, bool met_matrix, const char **gemeente,
	 struct err *e)
{
	if (qm_gemeente(rq, gemeente, e))
		return e->status;
	if (rq->query.n)
		return err_set(e, ST_INVALID,
			       "Dit adres kent geen queryparameters.");
	for (size_t i = 0; i < rq->matrix.n; i++) {
		const char *k = rq->matrix.items[i].key;

		if (!met_matrix || (strcmp(k, "servicePublicId") != 0 &&
				    strcmp(k, "numberOfCustomers") != 0))
			return err_set(e, ST_INVALID,
				       "Onbekende parameter '%.40s'.", k);
	}
	return ST_OK;
}

/* A publicId as one of our codes (any case): NULL when it cannot be. */
static const char *
qm_code(struct request *rq, const char *id)
{
	struct err probe;
	char *c;

	if (!id || strlen(id) > AFSPRAAK_MAX_CODE)
		return NULL;
	if (!(c = arena_strdup(&rq->a, id)))
		return NULL;
	for (char *p = c; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	err_clear(&probe);
	return afspraak_check_code(c, "code", &probe) == ST_OK ? c : NULL;
}

/* Branch `id` of the municipality; otherwise 404. */
static enum status
qm_vestiging(struct request *rq, const char *gemeente, const char *id,
	     struct vestiging *v, struct err *e)
{
	const char *code = qm_code(rq, id);
	struct err probe;

	err_clear(&probe);
	if (!code ||
	    store_vestiging_get(rq->store, code, rq->today, &rq->a, v,
				&probe) != ST_OK ||
	    strcmp(v->gemeente, gemeente) != 0 || v->kanaal != KANAAL_FYSIEK) {
		if (probe.status && probe.status != ST_NOT_FOUND) {
			*e = probe;
			return e->status;
		}
		return err_set(e, ST_NOT_FOUND, "Onbekende vestiging '%.64s'.",
			       id ? id : "");
	}
	return ST_OK;
}

/*
 * Open Formulieren books a visit at a desk with an address (it drops a
 * branch without a postcode): the surface shows the physical locations
 * only, and a product where it is offered at the desk.
 */
static bool
qm_aangeboden(const struct balieproduct *p, const struct vestiging *v)
{
	return p->actief && p->fysiek && v->kanaal == KANAAL_FYSIEK;
}

/* Service `id` of the municipality (active; when v is given, offered on
 * its channel); otherwise 404. */
static enum status
qm_product(struct request *rq, const char *gemeente, const char *id,
	   const struct vestiging *v, struct balieproduct *p, struct err *e)
{
	const char *code = qm_code(rq, id);
	struct err probe;

	err_clear(&probe);
	if (!code ||
	    store_balieproduct_get(rq->store, gemeente, code, &rq->a, p,
				   &probe) != ST_OK ||
	    !p->actief) {
		if (probe.status && probe.status != ST_NOT_FOUND) {
			*e = probe;
			return e->status;
		}
		return err_set(e, ST_NOT_FOUND, "Onbekende dienst '%.64s'.",
			       id ? id : "");
	}
	if (v && !qm_aangeboden(p, v))
		return err_set(e, ST_NOT_FOUND,
			       "Dienst '%.64s' is er niet op vestiging "
			       "'%.64s'.",
			       id, v->code);
	return ST_OK;
}

/* ---- the JSON of the surface ---- */

static json_t *
jtekst(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *
qm_meta(size_t totaal, json_t *argumenten)
{
	json_t *m = json_object();

	json_object_set_new(m, "start", json_string(""));
	json_object_set_new(m, "end", json_string(""));
	json_object_set_new(m, "totalResults",
			    json_integer((json_int_t)totaal));
	json_object_set_new(m, "offset", json_null());
	json_object_set_new(m, "limit", json_null());
	json_object_set_new(m, "fields", json_string(""));
	json_object_set_new(m, "arguments",
			    argumenten ? argumenten : json_object());
	return m;
}

/* {key: arr, meta, notifications}. */
static enum status
qm_lijst(struct request *rq, struct response *rs, const char *key, json_t *arr,
	 json_t *argumenten)
{
	json_t *j = json_object();

	json_object_set_new(j, "meta",
			    qm_meta(json_array_size(arr), argumenten));
	json_object_set_new(j, key, arr);
	json_object_set_new(j, "notifications", json_array());
	rs->vluchtig = true;
	return resp_json(rq, rs, 200, j);
}

/* The matrix parameters as the surface echoes them: "[a, b]". */
static json_t *
qm_argumenten(struct request *rq)
{
	static const char *const keys[] = { "servicePublicId",
					    "numberOfCustomers" };
	json_t *j = json_object();

	for (size_t k = 0; k < 2; k++) {
		const char *t = "";
		bool er = false;

		for (size_t i = 0; i < rq->matrix.n; i++)
			if (strcmp(rq->matrix.items[i].key, keys[k]) == 0) {
				t = qm_fmt(rq, "%s%s%s", t, er ? ", " : "",
					   rq->matrix.items[i].value);
				er = true;
			}
		if (er)
			json_object_set_new(j, keys[k],
					    json_string(qm_fmt(rq, "[%s]", t)));
	}
	return j;
}

static json_t *
qm_branch(const struct vestiging *v)
{
	json_t *b = json_object();

	json_object_set_new(b, "publicId", json_string(v->code));
	json_object_set_new(b, "name", json_string(v->naam));
	json_object_set_new(b, "addressLine1", jtekst(v->adres));
	json_object_set_new(b, "addressLine2", json_null());
	json_object_set_new(b, "addressZip", jtekst(v->postcode));
	json_object_set_new(b, "addressCity", jtekst(v->plaats));
	json_object_set_new(b, "addressState", json_null());
	json_object_set_new(b, "addressCountry", json_null());
	json_object_set_new(b, "timeZone", json_string(QM_TIJDZONE));
	json_object_set_new(b, "fullTimeZone", json_string(QM_TIJDZONE));
	json_object_set_new(b, "phone", json_null());
	json_object_set_new(b, "email", json_null());
	json_object_set_new(b, "latitude", json_null());
	json_object_set_new(b, "longitude", json_null());
	json_object_set_new(b, "custom", json_null());
	json_object_set_new(b, "branchPrefix", json_null());
	/* We keep no such moments of a location. */
	json_object_set_new(b, "created", json_integer(0));
	json_object_set_new(b, "updated", json_integer(0));
	return b;
}

/* "custom": what to bring, as the JSON text Qmatic puts there. */
static json_t *
qm_custom(const struct balieproduct *p)
{
	json_t *c = json_object();
	char *t;
	json_t *s;

	json_object_set_new(c, "infoText",
			    json_string(p->meenemen ? p->meenemen : ""));
	t = json_dumps(c, JSON_COMPACT);
	json_decref(c);
	s = json_string(t ? t : "{}");
	free(t);
	return s;
}

static json_t *
qm_service_kort(const struct balieproduct *p)
{
	json_t *s = json_object();

	json_object_set_new(s, "publicId", json_string(p->code));
	json_object_set_new(s, "name", json_string(p->naam));
	json_object_set_new(s, "duration", json_integer(p->duur));
	json_object_set_new(s, "additionalCustomerDuration",
			    json_integer(p->duur));
	json_object_set_new(s, "custom", qm_custom(p));
	return s;
}

static json_t *
qm_service(const struct balieproduct *p)
{
	json_t *s = qm_service_kort(p);

	json_object_set_new(s, "publicEnabled", json_true());
	json_object_set_new(s, "active", json_boolean(p->actief));
	json_object_set_new(s, "created", json_integer(0));
	json_object_set_new(s, "updated", json_integer(0));
	return s;
}

/* ---- services and branches ---- */

static enum status
qm_producten(struct request *rq, const char *gemeente, struct balieproduct **p,
	     size_t *n, struct err *e)
{
	return store_balieproduct_list(rq->store, gemeente, false, &rq->a, p, n,
				       e);
}

enum status
qmatic_services(struct request *rq, struct response *rs, struct err *e)
{
	const char *g;
	struct balieproduct *p;
	size_t n;
	json_t *arr;

	if (qm_begin(rq, false, &g, e) || qm_producten(rq, g, &p, &n, e))
		return e->status;
	arr = json_array();
	for (size_t i = 0; i < n; i++)
		if (p[i].actief)
			json_array_append_new(arr, qm_service(&p[i]));
	return qm_lijst(rq, rs, "serviceList", arr, NULL);
}

enum status
qmatic_branch_services(struct request *rq, struct response *rs, struct err *e)
{
	const char *g;
	struct vestiging v;
	struct balieproduct *p;
	size_t n;
	json_t *arr;

	if (qm_begin(rq, false, &g, e) ||
	    qm_vestiging(rq, g, req_param(rq, "branch"), &v, e) ||
	    qm_producten(rq, g, &p, &n, e))
		return e->status;
	arr = json_array();
	for (size_t i = 0; i < n; i++)
		if (qm_aangeboden(&p[i], &v))
			json_array_append_new(arr, qm_service(&p[i]));
	return qm_lijst(rq, rs, "serviceList", arr, NULL);
}

enum status
qmatic_branches(struct request *rq, struct response *rs, struct err *e)
{
	const char *g;
	struct vestiging *v;
	size_t n;
	json_t *arr;

	if (qm_begin(rq, false, &g, e) ||
	    store_vestiging_list(rq->store, g, rq->today, &rq->a, &v, &n, e))
		return e->status;
	arr = json_array();
	for (size_t i = 0; i < n; i++)
		if (v[i].kanaal == KANAAL_FYSIEK)
			json_array_append_new(arr, qm_branch(&v[i]));
	return qm_lijst(rq, rs, "branchList", arr, NULL);
}

enum status
qmatic_branch(struct request *rq, struct response *rs, struct err *e)
{
	const char *g;
	struct vestiging v;
	json_t *j;

	if (qm_begin(rq, false, &g, e) ||
	    qm_vestiging(rq, g, req_param(rq, "branch"), &v, e))
		return e->status;
	j = json_object();
	json_object_set_new(j, "meta", qm_meta(1, NULL));
	json_object_set_new(j, "branch", qm_branch(&v));
	json_object_set_new(j, "notifications", json_array());
	return resp_json(rq, rs, 200, j);
}

enum status
qmatic_service_branches(struct request *rq, struct response *rs, struct err *e)
{
	const char *g;
	struct balieproduct p;
	struct vestiging *v;
	size_t n;
	json_t *arr;

	if (qm_begin(rq, false, &g, e) ||
	    qm_product(rq, g, req_param(rq, "service"), NULL, &p, e) ||
	    store_vestiging_list(rq->store, g, rq->today, &rq->a, &v, &n, e))
		return e->status;
	arr = json_array();
	for (size_t i = 0; i < n; i++)
		if (qm_aangeboden(&p, &v[i]))
			json_array_append_new(arr, qm_branch(&v[i]));
	return qm_lijst(rq, rs, "branchList", arr, NULL);
}

/* ---- what is asked: services and persons (the n - 1 rule) ---- */

struct qm_vraag {
	struct balieproduct p[AFSPRAAK_MAX_PRODUCTEN];
	struct afspraak_regel regels[AFSPRAAK_MAX_PRODUCTEN];
	size_t np;
	int personen; /* 1 + numberOfCustomers */
	bool te_veel; /* more persons than a product allows: nothing free */
};

/* The services of the matrix parameters (at least one when `nodig`),
 * each of the municipality and, when v is given, offered there. */
static enum status
qm_diensten(struct request *rq, const char *g, const struct vestiging *v,
	    bool nodig, struct qm_vraag *q, struct err *e)
{
	int64_t extra = 0;
	const char *t;

	memset(q, 0, sizeof(*q));
	if (kv_count(&rq->matrix, "numberOfCustomers") > 1)
		return err_set(e, ST_INVALID,
			       "Noem numberOfCustomers hoogstens een keer.");
	t = kv_get(&rq->matrix, "numberOfCustomers");
	if (t && req_int(t, "numberOfCustomers", 0, 100000, &extra, e))
		return e->status;
	q->personen = (int)extra + 1;
	for (size_t i = 0; i < rq->matrix.n; i++) {
		const struct kv *kv = &rq->matrix.items[i];

		if (strcmp(kv->key, "servicePublicId") != 0)
			continue;
		if (q->np == AFSPRAAK_MAX_PRODUCTEN)
			return err_set(e, ST_INVALID,
				       "Noem hoogstens %d diensten.",
				       AFSPRAAK_MAX_PRODUCTEN);
		if (qm_product(rq, g, kv->value, v, &q->p[q->np], e))
			return e->status;
		q->regels[q->np] =
			(struct afspraak_regel){ .product = q->p[q->np].code,
						 .personen = q->personen };
		if (q->personen > AFSPRAAK_MAX_PERSONEN ||
		    q->personen > q->p[q->np].max_personen)
			q->te_veel = true;
		q->np++;
	}
	if (nodig && q->np == 0)
		return err_set(e, ST_INVALID,
			       "Noem de dienst als matrixparameter "
			       ";servicePublicId=...");
	return ST_OK;
}

/* The free times of the visit q at v from `van` to `tot`. */
static enum status
qm_vrij(struct request *rq, const char *g, const struct vestiging *v,
	struct qm_vraag *q, day_t van, day_t tot, struct slot **s, size_t *n,
	struct err *e)
{
	struct afspraak_vraag vraag = { .gemeente = g,
					.regels = q->regels,
					.nregels = q->np,
					.kanaal = v->kanaal,
					.vestiging = v->code };

	*s = NULL;
	*n = 0;
	if (q->te_veel)
		return ST_OK;
	return store_vrije_tijden(rq->store, &vraag, van, tot, &rq->a, s, n, e);
}

enum status
qmatic_dates(struct request *rq, struct response *rs, struct err *e)
{
	const char *g;
	struct vestiging v;
	struct qm_vraag q;
	struct slot *s;
	size_t n;
	int horizon = 0;
	day_t laatst = DATE_NONE;
	json_t *arr;

	if (qm_begin(rq, true, &g, e) ||
	    qm_vestiging(rq, g, req_param(rq, "branch"), &v, e) ||
	    qm_diensten(rq, g, &v, true, &q, e))
		return e->status;
	for (size_t i = 0; i < q.np; i++)
		if (q.p[i].horizon > horizon)
			horizon = q.p[i].horizon;
	if (horizon > AFSPRAAK_MAX_DAGEN - 1)
		horizon = AFSPRAAK_MAX_DAGEN - 1;
	if (qm_vrij(rq, g, &v, &q, rq->today, rq->today + horizon, &s, &n, e))
		return e->status;
	arr = json_array();
	for (size_t i = 0; i < n; i++) {
		char iso[DATE_ISO_LEN];
		day_t d;
		int m;

		afspraak_lokaal(s[i].start, &d, &m);
		if (d == laatst)
			continue;
		laatst = d;
		date_format_iso(d, iso);
		json_array_append_new(
			arr, json_string(qm_fmt(rq, "%sT00:00:00", iso)));
	}
	return qm_lijst(rq, rs, "dates", arr, qm_argumenten(rq));
}

static enum status
qm_datum(struct request *rq, day_t *d, struct err *e)
{
	const char *t = req_param(rq, "date");

	if (!t || strlen(t) != 10 || date_parse(t, d) != 0)
		return err_set(e, ST_INVALID,
			       "Ongeldige datum '%.20s': schrijf JJJJ-MM-DD.",
			       t ? t : "");
	return ST_OK;
}

enum status
qmatic_times(struct request *rq, struct response *rs, struct err *e)
{
	const char *g;
	struct vestiging v;
	struct qm_vraag q;
	struct slot *s;
	size_t n;
	day_t d;
	int laatst = -1;
	json_t *arr;

	if (qm_begin(rq, true, &g, e) ||
	    qm_vestiging(rq, g, req_param(rq, "branch"), &v, e) ||
	    qm_datum(rq, &d, e) || qm_diensten(rq, g, &v, true, &q, e) ||
	    qm_vrij(rq, g, &v, &q, d, d, &s, &n, e))
		return e->status;
	arr = json_array();
	for (size_t i = 0; i < n; i++) {
		day_t sd;
		int m;

		afspraak_lokaal(s[i].start, &sd, &m);
		if (sd != d || m == laatst)
			continue;
		laatst = m;
		json_array_append_new(arr, json_string(qm_fmt(rq, "%02d:%02d",
							      m / 60, m % 60)));
	}
	return qm_lijst(rq, rs, "times", arr, qm_argumenten(rq));
}

enum status
qmatic_branch_groups(struct request *rq, struct response *rs, struct err *e)
{
	const char *g;
	struct vestiging v;
	struct qm_vraag q;
	struct balieproduct *p;
	size_t n;
	json_t *arr, *groep, *diensten;

	if (qm_begin(rq, true, &g, e) ||
	    qm_vestiging(rq, g, req_param(rq, "branch"), &v, e) ||
	    qm_diensten(rq, g, &v, false, &q, e) ||
	    qm_producten(rq, g, &p, &n, e))
		return e->status;
	diensten = json_array();
	for (size_t i = 0; i < n; i++) {
		bool al = false;

		for (size_t k = 0; k < q.np; k++)
			al = al || strcmp(q.p[k].code, p[i].code) == 0;
		if (!al && q.np < AFSPRAAK_MAX_PRODUCTEN &&
		    qm_aangeboden(&p[i], &v))
			json_array_append_new(diensten, qm_service_kort(&p[i]));
	}
	arr = json_array();
	groep = json_object();
	json_object_set_new(groep, "services", diensten);
	json_array_append_new(arr, groep);
	rs->vluchtig = true;
	return resp_json(rq, rs, 200, arr);
}

enum status
qmatic_services_groups(struct request *rq, struct response *rs, struct err *e)
{
	const char *g;
	struct qm_vraag q;
	struct balieproduct *p;
	struct vestiging *v;
	size_t n, nv;
	json_t *arr;

	if (qm_begin(rq, true, &g, e) ||
	    qm_diensten(rq, g, NULL, false, &q, e) ||
	    qm_producten(rq, g, &p, &n, e) ||
	    store_vestiging_list(rq->store, g, rq->today, &rq->a, &v, &nv, e))
		return e->status;
	arr = json_array();
	for (size_t b = 0; b < nv; b++) {
		json_t *tak, *groepen, *groep, *diensten;
		bool alle = true;

		for (size_t k = 0; k < q.np; k++)
			alle = alle && qm_aangeboden(&q.p[k], &v[b]);
		if (!alle || v[b].kanaal != KANAAL_FYSIEK)
			continue;
		diensten = json_array();
		for (size_t i = 0; i < n; i++) {
			bool al = false;

			for (size_t k = 0; k < q.np; k++)
				al = al || strcmp(q.p[k].code, p[i].code) == 0;
			if (!al && q.np < AFSPRAAK_MAX_PRODUCTEN &&
			    qm_aangeboden(&p[i], &v[b]))
				json_array_append_new(diensten,
						      qm_service_kort(&p[i]));
		}
		groep = json_object();
		json_object_set_new(groep, "services", diensten);
		groepen = json_array();
		json_array_append_new(groepen, groep);
		tak = json_object();
		json_object_set_new(tak, "branchPublicId",
				    json_string(v[b].code));
		json_object_set_new(tak, "branchName", json_string(v[b].naam));
		json_object_set_new(tak, "serviceGroups", groepen);
		json_array_append_new(arr, tak);
	}
	rs->vluchtig = true;
	return resp_json(rq, rs, 200, arr);
}

/* ---- appointments ---- */

/* Milliseconds since 1970 of a UTC ISO 8601 text (0 when unreadable). */
static json_int_t
qm_ms(const char *iso)
{
	int64_t t;

	if (!iso || date_parse_instant(iso, &t) != 0)
		return 0;
	return (json_int_t)t * 1000;
}

static json_t *
qm_tijd(int64_t utc)
{
	char t[AFSPRAAK_TIJD_LEN];

	afspraak_format_tijd(utc, t);
	return json_string(t);
}

/* An appointment as the surface shows it: only name, e-mail address and
 * telephone number of the resident are kept, so the rest is null. */
static enum status
qm_appointment(struct request *rq, const struct afspraak *a, json_t **out,
	       struct err *e)
{
	static const char *const leeg[] = {
		"addressCountry",
		"addressZip",
		"addressState",
		"addressLine1",
		"addressLine2",
		"addressCity",
		"custom",
		"externalId",
		"dateOfBirth",
		"dateOfBirthWithoutTime",
		"consentTimestamp",
		"consentIdentifier",
		"identificationNumber",
		"firstName",
		"updated",
	};
	struct afspraak_instelling inst;
	struct vestiging v;
	json_t *j, *diensten, *klant, *klanten, *bron;
	const char *titel = "Afspraak";
	int personen = 1;

	if (store_vestiging_get(rq->store, a->vestiging, rq->today, &rq->a, &v,
				e) ||
	    store_afspraak_instelling_get(rq->store, a->gemeente, &rq->a, &inst,
					  e))
		return e->status;
	diensten = json_array();
	for (size_t i = 0; i < a->nregels; i++) {
		struct balieproduct p;

		if (store_balieproduct_get(rq->store, a->gemeente,
					   a->regels[i].product, &rq->a, &p,
					   e)) {
			json_decref(diensten);
			return e->status;
		}
		json_array_append_new(diensten, qm_service(&p));
		titel = qm_fmt(rq, "%s%s %s", titel, i ? "," : ":", p.naam);
		if (a->regels[i].personen > personen)
			personen = a->regels[i].personen;
	}
	klant = json_object();
	for (size_t i = 0; i < sizeof(leeg) / sizeof(leeg[0]); i++)
		json_object_set_new(klant, leeg[i], json_null());
	json_object_set_new(klant, "publicId", json_string(a->referentie));
	json_object_set_new(klant, "name", jtekst(a->naam));
	json_object_set_new(klant, "lastName", jtekst(a->naam));
	json_object_set_new(klant, "email", jtekst(a->email));
	json_object_set_new(klant, "phone", jtekst(a->telefoon));
	json_object_set_new(klant, "created",
			    json_integer(qm_ms(a->aangemaakt)));
	json_object_set_new(klant, "lastInteractionTimestamp",
			    json_string(a->gewijzigd ? a->gewijzigd : ""));
	json_object_set_new(
		klant, "deletionTimestamp",
		qm_tijd(a->eind + (int64_t)inst.bewaartermijn * 86400));
	json_object_set_new(
		klant, "retentionPolicy",
		json_string(qm_fmt(rq, "gewist %d dagen na de afspraak",
				   inst.bewaartermijn)));
	klanten = json_array();
	json_array_append_new(klanten, klant);
	bron = json_object();
	json_object_set_new(bron, "name",
			    json_string(qm_fmt(rq, "Balie %d", a->balie)));
	json_object_set_new(bron, "custom", json_string("{}"));

	j = json_object();
	json_object_set_new(j, "publicId", json_string(a->referentie));
	json_object_set_new(j, "title", json_string(titel));
	json_object_set_new(j, "notes", json_string(""));
	json_object_set_new(j, "start", qm_tijd(a->start));
	json_object_set_new(j, "end", qm_tijd(a->eind));
	json_object_set_new(j, "allDay", json_false());
	json_object_set_new(j, "blocking", json_false());
	json_object_set_new(j, "customSlotLength", json_null());
	json_object_set_new(j, "custom", json_null());
	/* Qmatic's 20 is a booked appointment. */
	json_object_set_new(j, "status", json_integer(20));
	json_object_set_new(j, "numberOfCustomers", json_integer(personen));
	json_object_set_new(j, "created", json_integer(qm_ms(a->aangemaakt)));
	json_object_set_new(j, "updated", json_integer(qm_ms(a->gewijzigd)));
	json_object_set_new(j, "resource", bron);
	json_object_set_new(j, "services", diensten);
	json_object_set_new(j, "branch", qm_branch(&v));
	json_object_set_new(j, "customers", klanten);
	*out = j;
	return ST_OK;
}

/* A text member of a customer record, bounded; NULL when absent. */
static const char *
qm_veld(json_t *o, const char *k, size_t max, struct err *e)
{
	json_t *v = json_object_get(o, k);
	const char *s;

	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		err_invalid(e, k, "type", "%s is geen tekst.", k);
		return NULL;
	}
	s = json_string_value(v);
	text_check_max(s, k, max, e);
	while (*s == ' ')
		s++;
	return *s ? s : NULL;
}

enum status
qmatic_book(struct request *rq, struct response *rs, struct err *e)
{
	const char *g, *tijd = req_param(rq, "time"), *voornaam, *achternaam,
		       *naam;
	struct afspraak_boeking b = { 0 };
	struct qm_vraag q;
	struct vestiging v;
	struct afspraak a;
	bool opnieuw = false;
	json_t *body, *klanten, *diensten, *k0, *out;
	char ref[AFSPRAAK_REFERENTIE_LEN + 1];
	day_t d, d2;
	int uur, min, m2;
	size_t nk;

	if (qm_begin(rq, false, &g, e) ||
	    qm_vestiging(rq, g, req_param(rq, "branch"), &v, e) ||
	    qm_datum(rq, &d, e))
		return e->status;
	if (!tijd || strlen(tijd) != 5 || !isdigit((unsigned char)tijd[0]) ||
	    !isdigit((unsigned char)tijd[1]) || tijd[2] != ':' ||
	    !isdigit((unsigned char)tijd[3]) ||
	    !isdigit((unsigned char)tijd[4]) ||
	    (uur = (tijd[0] - '0') * 10 + tijd[1] - '0') > 23 ||
	    (min = (tijd[3] - '0') * 10 + tijd[4] - '0') > 59)
		return err_set(e, ST_INVALID,
			       "Ongeldige tijd '%.10s': schrijf UU:MM.",
			       tijd ? tijd : "");
	b.start = afspraak_utc(d, uur * 60 + min);
	afspraak_lokaal(b.start, &d2, &m2);
	if (d2 != d || m2 != uur * 60 + min)
		return err_set(e, ST_INVALID,
			       "%s bestaat niet op %s (zomertijd).", tijd,
			       req_param(rq, "date"));
	if (req_json_body(rq, &body, e))
		return e->status;
	klanten = json_object_get(body, "customers");
	diensten = json_object_get(body, "services");
	if (!json_is_array(klanten) || (nk = json_array_size(klanten)) == 0 ||
	    nk > QM_KLANTEN_MAX ||
	    !json_is_object(k0 = json_array_get(klanten, 0))) {
		json_decref(body);
		return err_set(e, ST_INVALID,
			       "Geef de klant op in customers (een lijst "
			       "met ten minste een klant).");
	}
	for (size_t i = 0; i < nk; i++)
		if (!json_is_object(json_array_get(klanten, i))) {
			json_decref(body);
			return err_set(e, ST_INVALID,
				       "Elke klant in customers is een "
				       "object.");
		}
	if (!json_is_array(diensten) || json_array_size(diensten) == 0 ||
	    json_array_size(diensten) > AFSPRAAK_MAX_PRODUCTEN) {
		json_decref(body);
		return err_set(e, ST_INVALID,
			       "Geef 1 tot en met %d diensten op in services.",
			       AFSPRAAK_MAX_PRODUCTEN);
	}
	/* The persons are the customer records (the one resident's record,
	 * repeated for each); the services come from the body. */
	memset(&q, 0, sizeof(q));
	q.personen = (int)nk;
	for (size_t i = 0; i < json_array_size(diensten); i++) {
		json_t *s = json_array_get(diensten, i);
		const char *id =
			json_string_value(json_object_get(s, "publicId"));

		if (!json_is_object(s) || !id) {
			json_decref(body);
			return err_set(e, ST_INVALID,
				       "Elke dienst in services heeft een "
				       "publicId.");
		}
		if (qm_product(rq, g, id, &v, &q.p[q.np], e)) {
			json_decref(body);
			return e->status;
		}
		q.regels[q.np] =
			(struct afspraak_regel){ .product = q.p[q.np].code,
						 .personen = q.personen };
		q.np++;
	}
	/* Only name, e-mail address and telephone number are kept; the
	 * address, date of birth, identification number (BSN) and notes
	 * are not read. */
	voornaam = qm_veld(k0, "firstName", AFSPRAAK_MAX_NAAM, e);
	achternaam = qm_veld(k0, "lastName", AFSPRAAK_MAX_NAAM, e);
	b.email = qm_veld(k0, "email", AFSPRAAK_MAX_EMAIL, e);
	b.telefoon = qm_veld(k0, "phone", AFSPRAAK_MAX_TELEFOON, e);
	naam = voornaam && achternaam
		       ? qm_fmt(rq, "%s %s", voornaam, achternaam)
		       : (voornaam ? voornaam : achternaam);
	if (!e->status && !naam)
		err_invalid(e, "lastName", "required",
			    "Vul de naam van de klant in.");
	else if (!e->status)
		text_check_max(naam, "naam", AFSPRAAK_MAX_NAAM, e);
	if (b.email)
		afspraak_check_email(b.email, "email", e);
	if (b.telefoon)
		afspraak_check_telefoon(b.telefoon, "phone", e);
	if (!e->status && !b.email && !b.telefoon)
		err_invalid(e, "email", "required",
			    "Vul een e-mailadres of telefoonnummer van de "
			    "klant in.");
	b.naam = naam ? arena_strdup(&rq->a, naam) : NULL;
	b.email = b.email ? arena_strdup(&rq->a, b.email) : NULL;
	b.telefoon = b.telefoon ? arena_strdup(&rq->a, b.telefoon) : NULL;
	json_decref(body);
	if (e->status)
		return e->status;
	for (size_t i = 0; i < q.np; i++)
		if (q.personen > AFSPRAAK_MAX_PERSONEN ||
		    q.personen > q.p[i].max_personen)
			return err_set(e, ST_INVALID,
				       "Voor %s kunnen hoogstens %d personen "
				       "tegelijk komen.",
				       q.p[i].naam,
				       q.p[i].max_personen <
						       AFSPRAAK_MAX_PERSONEN
					       ? q.p[i].max_personen
					       : AFSPRAAK_MAX_PERSONEN);
	b.vraag = (struct afspraak_vraag){ .gemeente = g,
					   .regels = q.regels,
					   .nregels = q.np,
					   .kanaal = v.kanaal,
					   .vestiging = v.code };
	for (int poging = 0;; poging++) {
		uint8_t rnd[5];

		randombytes_buf(rnd, sizeof(rnd));
		afspraak_referentie(rnd, ref);
		b.referentie = ref;
		if (store_afspraak_add(rq->store, &b, &rq->a, &a, &opnieuw,
				       e) == ST_OK)
			break;
		/* A code in use already: draw another. */
		if (e->status != ST_CONFLICT || e->nproblems == 0 ||
		    strcmp(e->problems[0].name, "referentie") != 0 ||
		    poging + 1 == QM_POGINGEN)
			break;
		err_clear(e);
	}
	if (e->status == ST_CONFLICT) {
		err_clear(e);
		return err_set(e, ST_CONFLICT,
			       "Deze tijd is niet meer vrij; kies een andere "
			       "tijd.");
	}
	if (e->status)
		return e->status;
	if (qm_appointment(rq, &a, &out, e))
		return e->status;
	/* The real server answers 202; the client takes any 2xx. */
	return resp_json(rq, rs, 202, out);
}

/* The appointment `id` of the municipality, booked; otherwise 404. */
static enum status
qm_afspraak(struct request *rq, const char *g, struct afspraak *a,
	    struct err *e)
{
	const char *id = req_param(rq, "id");
	struct err probe;
	char ref[AFSPRAAK_REFERENTIE_LEN + 1];
	enum status st = ST_NOT_FOUND;

	err_clear(&probe);
	if (id && strlen(id) == AFSPRAAK_REFERENTIE_LEN &&
	    afspraak_referentie_geldig(id)) {
		for (size_t i = 0; i <= AFSPRAAK_REFERENTIE_LEN; i++)
			ref[i] = (char)toupper((unsigned char)id[i]);
		st = store_afspraak_get(rq->store, ref, NULL, &rq->a, a,
					&probe);
	}
	if (st && st != ST_NOT_FOUND) {
		*e = probe;
		return st;
	}
	if (st || strcmp(a->gemeente, g) != 0 || a->status == AS_GEANNULEERD)
		return err_set(e, ST_NOT_FOUND, "Onbekende afspraak '%.64s'.",
			       id ? id : "");
	return ST_OK;
}

enum status
qmatic_appointment_get(struct request *rq, struct response *rs, struct err *e)
{
	const char *g;
	struct afspraak a;
	json_t *j, *x;

	if (qm_begin(rq, false, &g, e) || qm_afspraak(rq, g, &a, e) ||
	    qm_appointment(rq, &a, &x, e))
		return e->status;
	j = json_object();
	json_object_set_new(j, "meta", qm_meta(1, NULL));
	json_object_set_new(j, "appointment", x);
	json_object_set_new(j, "notifications", json_array());
	rs->vluchtig = true;
	return resp_json(rq, rs, 200, j);
}

enum status
qmatic_appointment_delete(struct request *rq, struct response *rs,
			  struct err *e)
{
	const char *g;
	struct afspraak a;

	if (qm_begin(rq, false, &g, e) || qm_afspraak(rq, g, &a, e))
		return e->status;
	if (store_afspraak_cancel(rq->store, a.referentie, NULL, &rq->a, &a,
				  e)) {
		if (e->status == ST_NOT_FOUND) {
			err_clear(e);
			return err_set(e, ST_NOT_FOUND,
				       "Onbekende afspraak '%.64s'.",
				       a.referentie);
		}
		return e->status;
	}
	rs->status = 204;
	rs->body = "";
	rs->len = 0;
	return ST_OK;
}
