/*
 * test_arena_err.c - the region allocator and the problem list.
 */
#include <stdint.h>

#include "../test.h"
#include "../../src/core/arena.h"

static void
test_arena_basic(void **state)
{
	struct arena a;
	char *s;
	int *v;

	(void)state;
	arena_init(&a, 1 << 20);
	s = arena_strdup(&a, "Heemstede");
	assert_string_equal(s, "Heemstede");
	assert_null(arena_strdup(&a, NULL));
	s = arena_strndup(&a, "Bloemendaal", 5);
	assert_string_equal(s, "Bloem");
	v = arena_calloc(&a, 4, sizeof(int));
	assert_non_null(v);
	assert_int_equal(v[3], 0);
	assert_int_equal((uintptr_t)v % _Alignof(max_align_t), 0);
	v[0] = 7;
	v = arena_grow(&a, v, 4, 100, sizeof(int));
	assert_int_equal(v[0], 7);
	assert_int_equal(v[99], 0);
	/* A block larger than a chunk. */
	assert_non_null(arena_alloc(&a, 100000));
	arena_free(&a);
	assert_null(a.head);
	assert_int_equal(a.used, 0);
}

static void
test_arena_limit(void **state)
{
	struct arena a;
	size_t got = 0;

	(void)state;
	arena_init(&a, 64 * 1024);
	while (arena_alloc(&a, 1000))
		got++;
	assert_true(got > 30 && got < 66);
	assert_true(a.used <= 64 * 1024);
	assert_null(arena_calloc(&a, SIZE_MAX / 2, 4)); /* overflow */
	arena_free(&a);
}

static void
test_err(void **state)
{
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(e.status, ST_OK);
	assert_false(err_has_problems(&e));
	assert_int_equal(
		err_invalid(&e, "datum", "required", "Vul %s in.", "de datum"),
		ST_INVALID);
	assert_true(err_has_problems(&e));
	assert_string_equal(e.message, "datum: Vul de datum in.");
	err_invalid(&e, "datum", "required", "nogmaals");
	err_invalid(&e, "naam", "required", "x");
	err_dedupe(&e);
	assert_int_equal(e.nproblems, 2);
	assert_string_equal(e.problems[1].name, "naam");
	for (int i = 0; i < 40; i++)
		err_invalid(&e, "veld", "code", "%d", i);
	assert_int_equal(e.nproblems, ERR_MAX_PROBLEMS);
	assert_int_equal(e.ndropped, 42 - ERR_MAX_PROBLEMS);

	err_clear(&e);
	assert_int_equal(err_internal(&e, "sqlite: %s", "disk I/O error"),
			 ST_INTERNAL);
	assert_string_equal(e.detail, "sqlite: disk I/O error");
	/* The message for people never carries the detail. */
	assert_null(strstr(e.message, "sqlite"));
	assert_string_equal(status_name(ST_NOT_FOUND), "not-found");
	/* NULL is allowed everywhere. */
	err_clear(NULL);
	assert_int_equal(err_invalid(NULL, "a", "b", "c"), ST_INVALID);
	assert_int_equal(err_set(NULL, ST_CONFLICT, "x"), ST_CONFLICT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arena_basic),
		cmocka_unit_test(test_arena_limit),
		cmocka_unit_test(test_err),
	};
	return RUN_TESTS(tests);
}
