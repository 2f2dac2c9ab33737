/*
 * store_bericht.c - the outbox of messages about appointments
 * (docs/design/appointments.md): a row per message to send (queued by
 * the booking, cancelling and moving in store_afspraak.c, in their own
 * transaction), composed by the sender when it is sent from the
 * appointment as it is then; and the one lease that lets a single
 * sender at a time work through it, across processes.
 *
 * Sending is bookkeeping: it changes nothing a page shows, so these
 * writes leave the generation alone (tx_begin_stil). A sent or failed
 * message is audited without the error text, which may name an address;
 * the lease is not (it is renewed every few seconds).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "store_afspraak_intern.h"
#include "../core/text.h"
#include "../banned.h"

#define BERICHT_MAX_FOUT 1000 /* characters of an error kept */
#define BERICHT_MAX_DUE 1000

static const char *const soorten[] = {
	[BERICHT_BEVESTIGING] = "bevestiging",
	[BERICHT_WIJZIGING] = "wijziging",
	[BERICHT_ANNULERING] = "annulering",
	[BERICHT_HERINNERING] = "herinnering",
	[BERICHT_AANBOD] = "aanbod",
};

const char *
bericht_soort_name(enum bericht_soort s)
{
	if ((unsigned)s >= sizeof(soorten) / sizeof(soorten[0]))
		return "?";
	return soorten[s];
}

static enum bericht_soort
soort_van(const char *t)
{
	for (size_t i = 0; t && i < sizeof(soorten) / sizeof(soorten[0]); i++)
		if (strcmp(soorten[i], t) == 0)
			return (enum bericht_soort)i;
	return BERICHT_BEVESTIGING;
}

struct db_stmt *
bericht_queue_send(struct store *s, int64_t afspraak, enum bericht_soort soort,
		   int volgnummer, int64_t volgende, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_BERICHT_INSERT, e);

	if (!st)
		return NULL;
	bind_int(st, 1, afspraak);
	bind_text(st, 2, bericht_soort_name(soort));
	bind_int(st, 3, volgnummer);
	bind_int(st, 4, s->now);
	bind_int(st, 5, volgende);
	db_send(st);
	return st;
}

enum status
bericht_queue(struct store *s, int64_t afspraak, enum bericht_soort soort,
	      int volgnummer, int64_t volgende, struct err *e)
{
	struct db_stmt *st =
		bericht_queue_send(s, afspraak, soort, volgnummer, volgende, e);

	return st ? run(s, st, e) : e->status;
}

enum status
store_bericht_claim(struct store *s, const char *door, int64_t tot,
		    bool *gekregen, struct err *e)
{
	return lease_claim(s, Q_ZENDER_CLAIM, door, tot, "verzendt",
			   "verzenden", gekregen, e);
}

/* Column of Q_BERICHT_DUE after the appointment's columns. */
#define NA_AFSPRAAK (4 + AFSPRAAK_NKOLOMMEN)

static void
lees_bericht(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct bericht *b = elem;
	struct afspraak_rij r;
	struct vestiging *v = &b->vestiging;
	struct afspraak_instelling *i = &b->instelling;
	int c = NA_AFSPRAAK;

	b->id = db_col_int(st, 0);
	b->soort = soort_van(db_col_text(st, 1));
	b->volgnummer = (int)db_col_int(st, 2);
	b->pogingen = (int)db_col_int(st, 3);
	afspraak_rij_lees(a, st, 4, &r);
	b->afspraak = r.a;
	v->id = r.vestiging_id;
	v->gemeente = r.a.gemeente;
	v->code = r.a.vestiging;
	v->naam = r.a.vestiging_naam;
	v->kanaal = r.a.kanaal;
	v->adres = col_text(a, st, c);
	v->postcode = col_text(a, st, c + 1);
	v->plaats = col_text(a, st, c + 2);
	v->balies = (int)db_col_int(st, c + 3);
	v->raster = (int)db_col_int(st, c + 4);
	v->goede_vrijdag_dicht = db_col_int(st, c + 5) != 0;
	v->bevrijdingsdag_dicht = db_col_int(st, c + 6) != 0;
	i->gemeente = r.a.gemeente;
	i->afzender = col_text(a, st, c + 7);
	i->videolink = col_text(a, st, c + 8);
	/* A municipality that never set them: the schema's defaults. */
	i->herinnering = db_col_null(st, c + 9) ? HERINNERING_STANDAARD
						: (int)db_col_int(st, c + 9);
	i->bewaartermijn = db_col_null(st, c + 10)
				   ? BEWAARTERMIJN_STANDAARD
				   : (int)db_col_int(st, c + 10);
	i->slottekst = col_text(a, st, c + 11);
	/* An offer: the freed time, addressed to the waiting entry. */
	if (b->soort == BERICHT_AANBOD && !db_col_null(st, c + 12)) {
		struct afspraak *f = &b->afspraak;
		struct afspraak_regel *rg = arena_alloc(a, sizeof(*rg));

		f->referentie = col_text(a, st, c + 12);
		f->naam = col_text(a, st, c + 13);
		f->email = col_text(a, st, c + 14);
		f->telefoon = NULL;
		f->start = db_col_int(st, c + 15);
		f->eind = db_col_int(st, c + 16);
		if (rg) {
			memset(rg, 0, sizeof(*rg));
			rg->product = col_text(a, st, c + 17);
			rg->naam = col_text(a, st, c + 18);
			rg->personen = 1;
		}
		f->regels = rg;
		f->nregels = rg ? 1 : 0;
	}
}

enum status
store_bericht_due(struct store *s, size_t max, struct arena *a,
		  struct bericht **out, size_t *n, struct err *e)
{
	struct db_stmt *st;
	void *arr;

	*out = NULL;
	*n = 0;
	if (max < 1 || max > BERICHT_MAX_DUE)
		return text_check_int((int64_t)max, "max", 1, BERICHT_MAX_DUE,
				      e);
	if (!(st = stmt(s, Q_BERICHT_DUE, e)))
		return e->status;
	bind_int(st, 1, s->now);
	bind_int(st, 2, (int64_t)max);
	if (rows_read(s, a, st, sizeof(**out), lees_bericht, &arr, n, e))
		return e->status;
	*out = arr;
	for (size_t i = 0; i < *n; i++)
		if ((*out)[i].soort != BERICHT_AANBOD &&
		    afspraak_regels_lees(s, a, &(*out)[i].afspraak, e))
			return e->status;
	return ST_OK;
}

/*
 * Message `id`, not sent yet: its kind, appointment and municipality (in
 * the scratch arena), or ST_NOT_FOUND.
 */
static enum status
bericht_lees(struct store *s, int64_t id, const char **soort,
	     const char **referentie, const char **gemeente, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_BERICHT_GET, e);
	int r;

	if (!st)
		return e->status;
	bind_int(st, 1, id);
	if ((r = next_row(s, st, e)) == 1) {
		*soort = col_text(&s->scratch, st, 0);
		*referentie = col_text(&s->scratch, st, 1);
		*gemeente = col_text(&s->scratch, st, 2);
	}
	db_reset(st);
	if (r == 0)
		return err_set(e, ST_NOT_FOUND,
			       "Bericht %" PRId64 " bestaat niet of is al "
			       "verzonden.",
			       id);
	return e->status;
}

enum status
store_bericht_sent(struct store *s, int64_t id, struct err *e)
{
	const char *soort = NULL, *ref = NULL, *gemeente = NULL;
	char nu[32];
	struct db_stmt *st;
	enum status rc;

	if ((rc = tx_begin_stil(s, e)))
		return rc;
	if (!bericht_lees(s, id, &soort, &ref, &gemeente, e) &&
	    (st = stmt(s, Q_BERICHT_SENT, e))) {
		bind_int(st, 1, id);
		bind_int(st, 2, s->now);
		run(s, st, e);
	}
	utc_now(s, nu, sizeof(nu));
	if (!e->status) {
		char url[64];

		snprintf(url, sizeof(url), "afspraken/%s", ref);
		s->scope = gemeente;
		audit_append(s, "update", 200, "bericht", url, ref,
			     "bericht verzonden", NULL,
			     jobj(&s->scratch, "soort", soort, "verzonden", nu,
				  NULL),
			     e);
	}
	return tx_end(s, e->status, e);
}

enum status
store_bericht_failed(struct store *s, int64_t id, const char *fout,
		     int64_t volgende, struct err *e)
{
	const char *soort = NULL, *ref = NULL, *gemeente = NULL;
	char kort[4 * BERICHT_MAX_FOUT + 1], wanneer[32];
	struct db_stmt *st;
	enum status rc;

	if (!fout || !*fout)
		return err_invalid(e, "fout", "required",
				   "Noem wat er mis ging.");
	snprintf(kort, sizeof(kort), "%.*s",
		 (int)text_prefix(fout, BERICHT_MAX_FOUT), fout);
	if ((rc = tx_begin_stil(s, e)))
		return rc;
	if (!bericht_lees(s, id, &soort, &ref, &gemeente, e) &&
	    (st = stmt(s, Q_BERICHT_FAILED, e))) {
		bind_int(st, 1, id);
		bind_text(st, 2, kort);
		bind_int(st, 3, volgende);
		run(s, st, e);
	}
	date_format_instant(volgende, wanneer);
	if (!e->status) {
		char url[64];

		snprintf(url, sizeof(url), "afspraken/%s", ref);
		s->scope = gemeente;
		/* volgende 0: given up, not tried again. */
		audit_append(s, "update", 200, "bericht", url, ref,
			     volgende ? "verzenden mislukt"
				      : "verzenden opgegeven",
			     NULL,
			     volgende ? jobj(&s->scratch, "soort", soort,
					     "volgende", wanneer, NULL)
				      : jobj(&s->scratch, "soort", soort, NULL),
			     e);
	}
	return tx_end(s, e->status, e);
}
