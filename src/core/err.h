/*
 * err.h - status codes and the problem list every layer reports through.
 *
 * A function that can fail returns an enum status (ST_OK = 0) and, when the
 * caller passes a struct err, fills it: for ST_INVALID a list of problems
 * (field name, machine code, Dutch reason) so that a form or an API answer
 * can name *every* problem at once; for other statuses a one-line Dutch
 * message. Internal details (SQL errors, ...) go into `detail`, which is
 * meant for the log and never shown to a user.
 *
 * struct err is a plain value with fixed-size buffers: no allocation, so it
 * can live on the stack and never leaks.
 */
#ifndef AMBT_CORE_ERR_H
#define AMBT_CORE_ERR_H

#include <stddef.h>

enum status {
	ST_OK = 0,
	ST_INVALID, /* input breaks a rule; problems[] says which */
	ST_NOT_FOUND, /* a named thing does not exist */
	ST_CONFLICT, /* exists already, or the current state forbids it */
	ST_NOMEM, /* out of memory or over a configured size limit */
	ST_INTERNAL, /* storage or programming error; see detail */
	ST_TOO_LARGE, /* input larger than accepted */
	ST_UNSUPPORTED, /* input in a form (media type) not accepted */
	ST_UNAUTHENTICATED, /* who is asking is not known (log in first) */
	ST_FORBIDDEN, /* known, but not allowed to do this */
	ST_UNAVAILABLE, /* the database cannot be reached now; try later */
	ST_RETRY, /* a write collided with another; the whole request may be
		     tried again (at most a few times) */
	ST_TOO_MANY, /* over a limit of attempts; retry_after says when to
			try again */
};

#define ERR_MAX_PROBLEMS 32

struct problem {
	char name[64]; /* field, as the user named it ("datum", "leden[1].tot") */
	char code[32]; /* stable machine code ("required", "future-date") */
	char reason[256]; /* Dutch sentence for people */
};

struct err {
	enum status status;
	size_t nproblems;
	size_t ndropped; /* problems beyond ERR_MAX_PROBLEMS, counted only */
	struct problem problems[ERR_MAX_PROBLEMS];
	char message[400]; /* Dutch, for people; set for every non-OK status */
	char detail[256]; /* for the log only */
	int retry_after; /* ST_TOO_MANY: seconds until it may be tried */
};

/* Reset to ST_OK with no problems. `e` may be NULL. */
void err_clear(struct err *e);

/*
 * Add a problem with field `name` and machine `code`; the Dutch reason is
 * printf-formatted. Sets status to ST_INVALID. Returns ST_INVALID so that
 * `return err_invalid(...)` reads naturally. `e` may be NULL.
 */
enum status err_invalid(struct err *e, const char *name, const char *code,
			const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * Set a non-problem status with a Dutch message for people. Returns `st`.
 * For ST_INTERNAL prefer err_internal. `e` may be NULL.
 */
enum status err_set(struct err *e, enum status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Record an internal failure: the user sees a generic Dutch message, the
 * printf-formatted detail is for the log. Returns ST_INTERNAL.
 */
enum status err_internal(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Drop problems that repeat an earlier one's name and code. */
void err_dedupe(struct err *e);

/* Whether any problem has been recorded (status ST_INVALID). */
int err_has_problems(const struct err *e);

/* Stable English name of a status, for logs and tests ("invalid"). */
const char *status_name(enum status st);

#endif
