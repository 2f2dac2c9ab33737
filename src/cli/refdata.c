/*
 * refdata.c - load the reference lists shipped with ambt (embedded at build
 * time from data/ref/): the CBS municipalities with their inhabitant
 * counts, and the BBV taakvelden with the book years each is valid.
 * CSV parsing is libcsv's; this file maps columns to the register.
 */
#include <stdlib.h>
#include <string.h>
#include <csv.h>

#include "cli.h"
#include "../core/text.h"
#include "embedded.h"
#include "../banned.h"

#define MAX_FIELDS 16

struct csv_rows {
	struct arena *a;
	const char *(*rows)[MAX_FIELDS];
	size_t *nfields;
	size_t nrows, cap;
	size_t field; /* fields in the current row */
	bool failed;
};

static void
on_field(void *data, size_t len, void *ctx)
{
	struct csv_rows *r = ctx;

	if (r->failed)
		return;
	if (r->nrows == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 64;
		r->rows = arena_grow(r->a, r->rows, r->cap, cap,
				     sizeof(*r->rows));
		r->nfields = arena_grow(r->a, r->nfields, r->cap, cap,
					sizeof(*r->nfields));
		if (!r->rows || !r->nfields) {
			r->failed = true;
			return;
		}
		r->cap = cap;
	}
	if (r->field < MAX_FIELDS)
		r->rows[r->nrows][r->field] = arena_strndup(r->a, data, len);
	r->field++;
}

static void
on_row(int c, void *ctx)
{
	struct csv_rows *r = ctx;

	(void)c;
	if (r->failed || r->field == 0)
		return;
	r->nfields[r->nrows] = r->field < MAX_FIELDS ? r->field : MAX_FIELDS;
	r->nrows++;
	r->field = 0;
}

/* Parse CSV text into rows of fields (the first row is the header). */
static enum status
parse_csv(struct arena *a, const unsigned char *text, size_t len,
	  struct csv_rows *out, struct err *e)
{
	struct csv_parser p;

	memset(out, 0, sizeof(*out));
	out->a = a;
	if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL) != 0)
		return err_internal(e, "csv_init failed");
	if (csv_parse(&p, text, len, on_field, on_row, out) != len ||
	    csv_fini(&p, on_field, on_row, out) != 0) {
		csv_free(&p);
		return err_internal(e, "reference CSV: %s",
				    csv_strerror(csv_error(&p)));
	}
	csv_free(&p);
	if (out->failed)
		return err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
	return ST_OK;
}

static long
column(const struct csv_rows *r, const char *name)
{
	for (size_t i = 0; r->nrows && i < r->nfields[0]; i++)
		if (strcmp(r->rows[0][i], name) == 0)
			return (long)i;
	return -1;
}

static const char *
cell(const struct csv_rows *r, size_t row, long col)
{
	if (col < 0 || (size_t)col >= r->nfields[row])
		return "";
	return r->rows[row][col];
}

static enum status
load_gemeenten(struct store *s, struct arena *a, day_t today, struct err *e)
{
	struct csv_rows r;
	long c_code, c_naam, c_prov, c_inw, c_peil, c_bron;
	enum status st;

	if ((st = parse_csv(a, embed_gemeenten_csv, embed_gemeenten_csv_len, &r,
			    e)))
		return st;
	c_code = column(&r, "cbs_code");
	c_naam = column(&r, "naam");
	c_prov = column(&r, "provincie");
	c_inw = column(&r, "inwoners");
	c_peil = column(&r, "peildatum");
	c_bron = column(&r, "bron_inwoners");
	if (c_code < 0 || c_naam < 0)
		return err_internal(e, "gemeenten.csv: missing columns");
	for (size_t i = 1; i < r.nrows; i++) {
		struct organisatie o = { 0 };
		struct inwonertal t = { 0 };
		char *end;

		o.soort = ORG_GEMEENTE;
		o.code = cell(&r, i, c_code);
		o.naam = cell(&r, i, c_naam);
		o.provincie = cell(&r, i, c_prov);
		o.inwoners = -1;
		o.inwoners_peildatum = DATE_NONE;
		if ((st = store_organisatie_add(s, &o, today, e)))
			return st;
		if (!*cell(&r, i, c_inw))
			continue;
		t.aantal = strtoll(cell(&r, i, c_inw), &end, 10);
		if (*end || date_parse(cell(&r, i, c_peil), &t.peildatum))
			return err_internal(e, "gemeenten.csv line %zu", i + 1);
		t.bron = cell(&r, i, c_bron);
		if ((st = store_inwonertal_add(s, o.code, &t, today, e)))
			return st;
	}
	return ST_OK;
}

/* "2017 (of eerder)" -> 0 (valid since the start of the record); a
 * year that is none is -1. */
static int
year_of(const char *s, bool first)
{
	char word[8];
	size_t n = strcspn(s, " ");
	int64_t y;

	if (!*s || (first && strstr(s, "eerder")))
		return 0;
	if (n >= sizeof(word))
		return -1;
	memcpy(word, s, n);
	word[n] = '\0';
	if (text_int_parse(word, DATE_JAAR_MIN, DATE_JAAR_MAX, &y))
		return -1;
	return (int)y; /* within the years */
}

static enum status
load_taakvelden(struct store *s, struct arena *a, struct err *e)
{
	struct csv_rows r;
	long c_code, c_naam, c_h, c_hn, c_first, c_last;
	enum status st;

	if ((st = parse_csv(a, embed_bbv_taakvelden_gemeenten_csv,
			    embed_bbv_taakvelden_gemeenten_csv_len, &r, e)))
		return st;
	c_code = column(&r, "code");
	c_naam = column(&r, "naam");
	c_h = column(&r, "hoofdtaakveld");
	c_hn = column(&r, "hoofdtaakveld_naam");
	c_first = column(&r, "eerste_boekjaar");
	c_last = column(&r, "laatste_boekjaar");
	if (c_code < 0 || c_naam < 0 || c_h < 0 || c_hn < 0)
		return err_internal(e, "taakvelden csv: missing columns");
	for (size_t i = 1; i < r.nrows; i++) {
		struct taakveld t = {
			.code = cell(&r, i, c_code),
			.naam = cell(&r, i, c_naam),
			.hoofdtaakveld = cell(&r, i, c_h),
			.hoofdtaakveld_naam = cell(&r, i, c_hn),
			.eerste_jaar = year_of(cell(&r, i, c_first), true),
			.laatste_jaar = year_of(cell(&r, i, c_last), false),
		};
		if (t.eerste_jaar < 0 || t.laatste_jaar < 0)
			return err_internal(e, "taakvelden csv line %zu: year",
					    i + 1);
		if ((st = store_taakveld_add(s, &t, e)))
			return st;
	}
	return ST_OK;
}

enum status
refdata_load(struct store *s, day_t today, struct err *e)
{
	struct arena a;
	enum status st;

	arena_init(&a, 8u << 20);
	if ((st = store_begin(s, e))) {
		arena_free(&a);
		return st;
	}
	st = load_gemeenten(s, &a, today, e);
	if (st == ST_OK)
		st = load_taakvelden(s, &a, e);
	if (st == ST_OK)
		st = store_commit(s, e);
	else
		store_rollback(s);
	arena_free(&a);
	return st;
}
