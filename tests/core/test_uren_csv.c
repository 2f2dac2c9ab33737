/*
 * test_uren_csv.c - reading an hours export into rows: header, quoting,
 * line numbers and every way the file itself can be wrong.
 */
#include <string.h>

#include "../test.h"
#include "../../src/core/arena.h"
#include "../../src/core/uren_csv.h"

struct gelezen {
	struct arena a;
	struct csv_tabel csv;
	struct err e;
	enum status st;
};

static void
lees(struct gelezen *g, const char *text)
{
	arena_init(&g->a, 1 << 20);
	err_clear(&g->e);
	g->st = uren_csv_lees(&g->a, text, strlen(text), &g->csv, &g->e);
}

static void
klaar(struct gelezen *g)
{
	arena_free(&g->a);
}

#define assert_veld(rij, kolom, want) \
	assert_string_equal((rij)->veld[kolom], (want))

static void
test_plain_file(void **state)
{
	struct gelezen g;

	(void)state;
	lees(&g, "medewerker;datum;gemeente;eenheid;uren\n"
		 "M-001;5-3-2024;0362;Burgerzaken;7,5\n"
		 "M-002;2024-03-06;Aalsmeer;Belastingen;8\n");
	assert_int_equal(g.st, ST_OK);
	assert_int_equal(g.csv.separator, ';');
	assert_int_equal(g.csv.nrijen, 2);
	assert_int_equal(g.csv.nonbekend, 0);
	assert_int_equal(g.csv.rijen[0].regel, 2);
	assert_veld(&g.csv.rijen[0], KOLOM_MEDEWERKER, "M-001");
	assert_veld(&g.csv.rijen[0], KOLOM_DATUM, "5-3-2024");
	assert_veld(&g.csv.rijen[0], KOLOM_GEMEENTE, "0362");
	assert_veld(&g.csv.rijen[0], KOLOM_EENHEID, "Burgerzaken");
	assert_veld(&g.csv.rijen[0], KOLOM_UREN, "7,5");
	assert_null(g.csv.rijen[0].veld[KOLOM_WEEK]);
	assert_null(g.csv.rijen[0].veld[KOLOM_TAAKVELD]);
	assert_int_equal(g.csv.rijen[1].regel, 3);
	assert_veld(&g.csv.rijen[1], KOLOM_GEMEENTE, "Aalsmeer");
	klaar(&g);
}

static void
test_header_any_order_and_case_with_unknown_columns(void **state)
{
	struct gelezen g;

	(void)state;
	lees(&g,
	     "Uren,GEMEENTE, Week ,Opmerking,eenheid,Medewerker,kostenplaats"
	     ",Opmerking\r\n"
	     "\"7,5\",0384,2024-W10,iets,ICT,M-9,4711,\r\n");
	assert_int_equal(g.st, ST_OK);
	assert_int_equal(g.csv.separator, ',');
	assert_int_equal(g.csv.nrijen, 1);
	assert_veld(&g.csv.rijen[0], KOLOM_UREN, "7,5");
	assert_veld(&g.csv.rijen[0], KOLOM_WEEK, "2024-W10");
	assert_veld(&g.csv.rijen[0], KOLOM_MEDEWERKER, "M-9");
	assert_veld(&g.csv.rijen[0], KOLOM_EENHEID, "ICT");
	/* Unknown columns are listed by their header name, once each. */
	assert_int_equal(g.csv.nonbekend, 2);
	assert_string_equal(g.csv.onbekend[0], "Opmerking");
	assert_string_equal(g.csv.onbekend[1], "kostenplaats");
	klaar(&g);
}

static void
test_quotes_separators_and_newlines_inside(void **state)
{
	struct gelezen g;

	(void)state;
	lees(&g, "medewerker;week;gemeente;eenheid;uren;omschrijving\n"
		 "M-1;2024-W01;0362;ICT;8;\"overleg; daarna\n"
		 "verslag \"\"kort\"\"\"\n"
		 "\n"
		 "M-2;2024-W01;0362;ICT;4;\n");
	assert_int_equal(g.st, ST_OK);
	assert_int_equal(g.csv.nrijen, 2);
	assert_veld(&g.csv.rijen[0], KOLOM_OMSCHRIJVING,
		    "overleg; daarna\nverslag \"kort\"");
	assert_int_equal(g.csv.rijen[0].regel, 2);
	/* The blank line 4 is skipped; the second row is on line 5. */
	assert_int_equal(g.csv.rijen[1].regel, 5);
	assert_veld(&g.csv.rijen[1], KOLOM_OMSCHRIJVING, "");
	klaar(&g);
}

static void
test_short_row_has_empty_fields(void **state)
{
	struct gelezen g;

	(void)state;
	lees(&g, "medewerker;datum;gemeente;eenheid;uren\n"
		 "M-1;1-1-2024\n");
	assert_int_equal(g.st, ST_OK);
	assert_veld(&g.csv.rijen[0], KOLOM_DATUM, "1-1-2024");
	assert_veld(&g.csv.rijen[0], KOLOM_GEMEENTE, "");
	assert_veld(&g.csv.rijen[0], KOLOM_UREN, "");
	klaar(&g);
}

static void
test_file_problems(void **state)
{
	static const struct {
		const char *text, *name, *code;
	} cases[] = {
		{ "", "bestand", "empty" },
		{ "\r\n\n", "bestand", "empty" },
		{ "medewerker;datum;gemeente;eenheid;uren\n", "bestand",
		  "empty" },
		{ "%PDF-1.4 binary stuff", "regel 1", "no-header" },
		{ "medewerker;datum;gemeente;eenheid\nM;1-1-2024;0362;ICT\n",
		  "regel 1", "missing-column" },
		{ "medewerker;gemeente;eenheid;uren\nM;0362;ICT;8\n", "regel 1",
		  "missing-column" },
		{ "medewerker;datum;week;gemeente;eenheid;uren\n"
		  "M;1-1-2024;;0362;ICT;8\n",
		  "regel 1", "both-columns" },
		{ "medewerker;datum;gemeente;eenheid;uren;Uren\n"
		  "M;1-1-2024;0362;ICT;8;8\n",
		  "regel 1", "duplicate-column" },
		{ "medewerker;datum;gemeente;eenheid;uren\n"
		  "M;1-1-2024;0362;ICT;8\n"
		  "M;1-1-2024;0362;ICT;8;extra\n",
		  "regel 3", "too-many-fields" },
		{ "medewerker;datum;gemeente;eenheid;uren\n"
		  "M;1-1-2024;0362;ICT;8\n"
		  "M;1-1-2024;0362;I\"CT;8\n",
		  "regel 3", "csv" },
		{ "medewerker;datum;gemeente;eenheid;uren\n"
		  "M;1-1-2024;0362;ICT;8\n"
		  "M;1-1-2024;0362;\"ICT;8\n"
		  "M;1-1-2024;0362;ICT;8\n",
		  "regel 3", "csv" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct gelezen g;

		print_message("# case %zu\n", i);
		lees(&g, cases[i].text);
		assert_int_equal(g.st, ST_INVALID);
		assert_only_problem(&g.e, cases[i].name, cases[i].code);
		klaar(&g);
	}
}

static void
test_every_missing_column_named(void **state)
{
	struct gelezen g;

	(void)state;
	lees(&g, "Medewerker;naam;dag\nx;y;z\n");
	assert_int_equal(g.st, ST_INVALID);
	/* gemeente, eenheid, uren and datum-or-week. */
	assert_int_equal(g.e.nproblems, 4);
	assert_true(has_problem(&g.e, "regel 1", "missing-column"));
	assert_int_equal(g.csv.nonbekend, 2);
	klaar(&g);

	/* Not one known column: one problem, not a list of all. */
	lees(&g, "naam;dag\nx;y\n");
	assert_int_equal(g.st, ST_INVALID);
	assert_only_problem(&g.e, "regel 1", "no-header");
	klaar(&g);
}

static void
test_no_trailing_newline_and_crlf(void **state)
{
	struct gelezen g;

	(void)state;
	lees(&g, "medewerker;datum;gemeente;eenheid;uren\r\n"
		 "M-1;1-1-2024;0362;ICT;8\r\n"
		 "M-2;2-1-2024;0362;ICT;\"6,5\"");
	assert_int_equal(g.st, ST_OK);
	assert_int_equal(g.csv.nrijen, 2);
	assert_veld(&g.csv.rijen[0], KOLOM_UREN, "8");
	assert_veld(&g.csv.rijen[1], KOLOM_UREN, "6,5");
	assert_int_equal(g.csv.rijen[1].regel, 3);
	klaar(&g);
}

static void
test_lone_cr_ends_a_line(void **state)
{
	struct gelezen g;

	(void)state;
	/* Old Mac files end lines in CR alone: each is its own line. */
	lees(&g, "medewerker;datum;gemeente;eenheid;uren\r"
		 "M-1;1-1-2024;0362;ICT;8\r"
		 "\r"
		 "M-2;2-1-2024;0362;ICT;6\r");
	assert_int_equal(g.st, ST_OK);
	assert_int_equal(g.csv.nrijen, 2);
	assert_int_equal(g.csv.rijen[0].regel, 2);
	assert_int_equal(g.csv.rijen[1].regel, 4);
	assert_veld(&g.csv.rijen[1], KOLOM_MEDEWERKER, "M-2");
	klaar(&g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_file),
		cmocka_unit_test(
			test_header_any_order_and_case_with_unknown_columns),
		cmocka_unit_test(test_quotes_separators_and_newlines_inside),
		cmocka_unit_test(test_short_row_has_empty_fields),
		cmocka_unit_test(test_file_problems),
		cmocka_unit_test(test_every_missing_column_named),
		cmocka_unit_test(test_no_trailing_newline_and_crlf),
		cmocka_unit_test(test_lone_cr_ends_a_line),
	};
	return RUN_TESTS(tests);
}
