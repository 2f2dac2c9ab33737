/*
 * store_qmatic.c - the keys of the Qmatic calendar surface.
 */
#include <ctype.h>
#include <string.h>

#include "store_afspraak_intern.h"
#include "store_qmatic.h"
#include "../banned.h"

static bool
hash_geldig(const char *h)
{
	if (!h || strlen(h) != QMATIC_HASH_LEN)
		return false;
	for (const char *p = h; *p; p++)
		if (!isxdigit((unsigned char)*p) || isupper((unsigned char)*p))
			return false;
	return true;
}

enum status
store_qmatic_sleutel_set(struct store *s, const char *gemeente,
			 const char *hash, struct err *e)
{
	struct db_stmt *st;
	const char *oud = NULL;
	char nu[32];
	enum status rc;
	int64_t gid;
	int r;

	if (!hash_geldig(hash))
		return err_set(e, ST_INTERNAL,
			       "De sleutel kon niet worden opgeslagen.");
	if ((rc = tx_begin(s, e)))
		return rc;
	if (!org_id(s, gemeente, ORG_GEMEENTE, "gemeente", &gid, e) &&
	    (st = stmt(s, Q_QMATIC_SLEUTEL_BESTAAT, e))) {
		bind_int(st, 1, gid);
		if ((r = next_row(s, st, e)) == 1)
			oud = jobj(&s->scratch, "gemeente", gemeente, "sleutel",
				   "vervangen", NULL);
		db_reset(st);
	}
	if (!e->status && (st = stmt(s, Q_QMATIC_SLEUTEL_UPSERT, e))) {
		bind_int(st, 1, gid);
		bind_text(st, 2, hash);
		bind_int(st, 3, s->now);
		run(s, st, e);
	}
	if (!e->status) {
		utc_now(s, nu, sizeof(nu));
		s->scope = gemeente;
		/* Neither the key nor its hash enters the audit trail. */
		audit_append(s, oud ? "update" : "create", 200, "qmaticsleutel",
			     scratch_tekst(s, "gemeenten/%s/qmatic-sleutel",
					   gemeente),
			     gemeente, "sleutel voor de Qmatic-koppeling", oud,
			     jobj(&s->scratch, "gemeente", gemeente,
				  "aangemaakt", nu, NULL),
			     e);
	}
	return tx_end(s, e->status, e);
}

enum status
store_qmatic_gemeente(struct store *s, const char *hash, struct arena *a,
		      const char **gemeente, struct err *e)
{
	struct db_stmt *st;
	int r;

	*gemeente = NULL;
	if (!hash_geldig(hash))
		return err_set(e, ST_NOT_FOUND, "Onbekende sleutel.");
	if (!(st = stmt(s, Q_QMATIC_SLEUTEL_GET, e)))
		return e->status;
	bind_text(st, 1, hash);
	if ((r = next_row(s, st, e)) == 1)
		*gemeente = col_text(a, st, 0);
	db_reset(st);
	if (r < 0)
		return e->status;
	if (!*gemeente)
		return err_set(e, ST_NOT_FOUND, "Onbekende sleutel.");
	return ST_OK;
}
