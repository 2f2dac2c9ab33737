/*
 * test_queries.c - every statement of the store (queries.c) prepares on
 * a fresh database of each engine: SQLite always, PostgreSQL when
 * AMBT_TEST_PG names a database (the test suite starts a cluster). So a
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
	int fout = 0;

	err_clear(&e);
	assert_int_equal(store_open(doel, STORE_CREATE, &s, &e), ST_OK);
	store_close(s);
	assert_int_equal(db_open(doel, false, &db, melding, sizeof(melding)),
			 DB_OK);
	for (int q = 0; q < Q__COUNT; q++) {
		const char *sql = query_text((enum query)q, db_dialect(db));

		if (!sql)
			continue;
		if (!db_stmt(db, q, sql)) {
			print_message("# %d: %s\n#   %s\n", q, db_errmsg(db),
				      sql);
			fout++;
		}
	}
	db_close(db);
	assert_int_equal(fout, 0);
}

static void
test_sqlite(void **state)
{
	char dir[256], path[300];

	(void)state;
	assert_int_equal(test_db_make(dir, sizeof(dir), path, sizeof(path),
				      "ambt-queries"),
			 0);
	alle_voorbereiden(path);
	test_db_remove(dir, path);
}

static void
test_postgres(void **state)
{
	const char *url = getenv("AMBT_TEST_PG");
	struct err e;

	(void)state;
	if (!url || !*url) {
		print_message(
			"# AMBT_TEST_PG not set: PostgreSQL not tested\n");
		skip();
	}
	err_clear(&e);
	assert_int_equal(store_wis(url, &e), ST_OK);
	alle_voorbereiden(url);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sqlite),
		cmocka_unit_test(test_postgres),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
