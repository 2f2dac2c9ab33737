/*
 * test_queries.c - every statement of the store (queries.c) prepares on
 * a fresh database of the engine the suite runs on: a SQLite file, or
 * with AMBT_TEST_ENGINE=postgresql a database "queries_test" in the
 * cluster AMBT_TEST_PG names (skipped when that is not set). So a
 * statement that only one engine reads fails here, not in a user's hands.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../test.h"
#include "../test_db.h"
#include "../../src/store/db.h"
#include "../../src/store/queries.h"
#include "../../src/store/store.h"

/* Prepare every statement on the database at `doel` (migrated). */
static void
alle_voorbereiden(const char *doel)
{
	struct store *s;
	struct db *db;
	struct err e;
	char melding[400];
	int fout = 0, gedaan = 0;

	err_clear(&e);
	assert_int_equal(store_open(doel, STORE_CREATE, &s, &e), ST_OK);
	store_close(s);
	assert_int_equal(db_open(doel, false, &db, melding, sizeof(melding)),
			 DB_OK);
	for (int q = 0; q < Q__COUNT; q++) {
		const char *sql = query_text((enum query)q, db_dialect(db));

		assert_non_null(sql); /* every statement has a text */
		if (!db_stmt(db, q, sql)) {
			print_message("# %d: %s\n#   %s\n", q, db_errmsg(db),
				      sql);
			fout++;
		}
		gedaan++;
	}
	db_close(db);
	assert_int_equal(fout, 0);
	assert_int_equal(gedaan, Q__COUNT);
	assert_true(gedaan > 150);
}

/* The cluster's URL when the suite runs on PostgreSQL, else NULL. */
static const char *pg;

static void
test_alle(void **state)
{
	char dir[256], path[300];
	struct err e;

	(void)state;
	assert_int_equal(test_db_make(dir, sizeof(dir), path, sizeof(path),
				      "ambt-queries"),
			 0);
	if (pg) {
		snprintf(path, sizeof(path), "%.*s/queries_test",
			 (int)(strrchr(pg, '/') - pg), pg);
		err_clear(&e);
		assert_int_equal(store_wis(path, &e), ST_OK);
	}
	alle_voorbereiden(path);
	if (!pg)
		test_db_remove(dir, path);
	else
		rmdir(dir);
}

int
main(void)
{
	const char *engine = getenv("AMBT_TEST_ENGINE");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alle),
	};

	if (engine && strcmp(engine, "postgresql") == 0) {
		pg = getenv("AMBT_TEST_PG");
		if (!pg || !*pg || !strrchr(pg, '/')) {
			printf("1..0 # SKIP no PostgreSQL cluster "
			       "(AMBT_TEST_PG is not set)\n");
			return 0;
		}
	}
	return RUN_TESTS(tests);
}
