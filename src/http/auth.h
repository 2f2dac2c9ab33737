/*
 * auth.h - who is asking: API tokens (Authorization: Bearer), session
 * cookies, CSRF tokens for forms, and the login throttle.
 *
 * Secrets (session ids, tokens, CSRF values) are 32 random bytes from
 * libsodium, sent hex-encoded; only their SHA-256 is stored. Session
 * cookies are HttpOnly, Secure and SameSite=Strict; a session ends after
 * 30 minutes without use or 12 hours after login. A successful login
 * always starts a new session (no fixation).
 */
#ifndef AMBT_HTTP_AUTH_H
#define AMBT_HTTP_AUTH_H

#include "http.h"

#define SESSIE_IDLE (30 * 60)
#define SESSIE_MAX (12 * 60 * 60)
#define LOGIN_MAX_ACCOUNT 5 /* failures per account within the window */
#define LOGIN_MAX_NET 50 /* failures per network within the window */
#define LOGIN_WINDOW (15 * 60)
#define LOGIN_BLOCK (15 * 60)

/* Hex SHA-256 of a secret, in the arena. */
const char *auth_hash(struct arena *a, const char *secret);

/* A new random secret, hex, in the arena. */
const char *auth_secret(struct arena *a);

/*
 * Fill rq->who from a Bearer token or the session cookie. A Bearer token
 * that is not valid is ST_NOT_FOUND with a message (the caller answers
 * 401); a session cookie that is not valid leaves the request anonymous.
 */
enum status auth_identify(struct request *rq, int64_t now, struct err *e);

/*
 * For a state-changing request by session cookie: the X-CSRF-Token
 * header or the form field `csrf` must equal the session's token.
 * Requests by Bearer token need no CSRF token.
 */
bool auth_csrf_ok(struct request *rq, const char *form_value);

/*
 * Record a refusal in the audit trail (actie "geweigerd"): one entry for
 * a signed-in account, which can be held to account; for an anonymous
 * request bounded per origin network (store_audit_weigering), so that
 * nobody can fill the disk with bogus tokens or forbidden addresses.
 * Neither empties the response cache.
 */
void auth_audit_geweigerd(struct request *rq, int resultaat,
			  const char *resource, const char *weergave,
			  const char *toelichting);

/* Whether the principal holds `rol` (for `scope`, NULL: any scope). */
bool auth_has_role(const struct principal *p, enum rol rol, const char *scope);

/*
 * The route's declared need against the principal: ST_OK, or
 * ST_UNAUTHENTICATED (log in first), ST_FORBIDDEN (no role for this) or
 * ST_INTERNAL (the route declares nothing: refused).
 */
enum status authz_route(struct request *rq, unsigned flags, struct err *e);

/* Whether the principal meets the need declared in route flags `flags`
 * (the test of authz_route, without the read-only token rule): the main
 * menu offers exactly the pages this says yes to. */
bool auth_route_allowed(const struct principal *p, unsigned flags);

/*
 * May the principal change what belongs to this municipality (CBS code)?
 * A beheerder or that municipality's accounthouder. Refusals are
 * ST_FORBIDDEN and are recorded in the audit trail.
 */
enum status authz_gemeente(struct request *rq, const char *cbs, struct err *e);

/* The same for a cooperation: a beheerder or its controller. */
enum status authz_samenwerking(struct request *rq, const char *code,
			       struct err *e);

/*
 * Whether the principal plans the front office of this municipality (CBS
 * code): a beheerder, or that municipality's planner. No refusal is
 * recorded: the caller answers as if the object did not exist.
 */
bool authz_planner(const struct request *rq, const char *cbs);
/* The desk of municipality `cbs`: a planner of it (or the beheerder), or
 * a baliemedewerker of it. */
bool authz_balie(const struct request *rq, const char *cbs);

/* authz_balie, or a planner of that one location (authz_planner_vestiging):
 * the desk of location `vestiging`. */
bool authz_balie_vestiging(const struct request *rq, const char *cbs,
			   const char *vestiging);

/*
 * Whether the principal plans location `vestiging` (its code) of
 * municipality `cbs`: authz_planner, or a planner of that one location
 * (scope "GM0358/aalsmeer-raadhuis"). Not recorded, as authz_planner.
 */
bool authz_planner_vestiging(const struct request *rq, const char *cbs,
			     const char *vestiging);

/*
 * Whether the principal plans the municipality or at least one of its
 * locations: who may ask for a list of it, filtered with
 * authz_planner_vestiging.
 */
bool authz_planner_deels(const struct request *rq, const char *cbs);

/*
 * The municipality (CBS code, in the request's arena) of the principal's
 * first planner role, or with `balie` also baliemedewerker role: what a
 * list shows when none is asked for. NULL when there is none.
 */
const char *auth_eigen_gemeente(struct request *rq, bool balie);

/*
 * Reading the figures of a cooperation (hours: totals, deviations; costs:
 * pools, calculations, scenarios): a beheerder, its controller, or the
 * accounthouder or raadslid of a member municipality. Others are refused
 * (ST_FORBIDDEN, audited): the cooperation itself is public.
 */
enum status authz_uren_lezen(struct request *rq, const char *samenwerking,
			     struct err *e);
enum status authz_kosten_lezen(struct request *rq, const char *samenwerking,
			       struct err *e);

/*
 * Whether the principal reads the figures of cooperation `sw` (the rule
 * of authz_uren_lezen), without refusing.
 */
bool authz_cijfers_zichtbaar(struct request *rq, const char *sw);

/*
 * What the principal may see (struct zicht, core/access.h), worked out
 * once per request from its roles into rq->zicht, for the store
 * (store_set_zicht) and the checks here: a beheerder everything; an
 * accounthouder all decisions of its municipality; a controller its
 * cooperation's staff, hours and costs and all but the secret decisions
 * of its members; accounthouder and raadslid the figures of the
 * cooperations of their municipality.
 */
void auth_zicht(struct request *rq);

#endif
