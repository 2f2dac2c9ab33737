/*
 * test.h - shared helpers for the cmocka suites: TAP output (so that the
 * test runner can count every case) and small assertions.
 */
#ifndef AMBT_TEST_H
#define AMBT_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../src/core/date.h"
#include "../src/core/err.h"

/* Run a group with TAP output; returns the number of failures. */
#define RUN_TESTS(tests)                           \
	(cmocka_set_message_output(CM_OUTPUT_TAP), \
	 cmocka_run_group_tests(tests, NULL, NULL))

/* A date from literal text; aborts the test on a typo. */
static inline day_t
D(const char *iso)
{
	day_t d = DATE_NONE;

	if (date_parse(iso, &d) != 0)
		fail_msg("bad date literal in test: %s", iso);
	return d;
}

/*
 * Text of exactly n characters into buf (at least 2n + 1 bytes): each is
 * 'é', two bytes in UTF-8, so that a test of a limit in characters would
 * fail if bytes were counted.
 */
static inline const char *
text_of(size_t n, char *buf)
{
	for (size_t i = 0; i < n; i++) {
		buf[2 * i] = (char)0xc3;
		buf[2 * i + 1] = (char)0xa9;
	}
	buf[2 * n] = '\0';
	return buf;
}

/* Whether `e` holds a problem with this field name and code. */
static inline int
has_problem(const struct err *e, const char *name, const char *code)
{
	for (size_t i = 0; i < e->nproblems; i++)
		if (strcmp(e->problems[i].name, name) == 0 &&
		    strcmp(e->problems[i].code, code) == 0)
			return 1;
	return 0;
}

/* Assert exactly one problem, with this name and code. */
#define assert_only_problem(e, want_name, want_code)                         \
	do {                                                                 \
		if ((e)->nproblems != 1 ||                                   \
		    !has_problem((e), (want_name), (want_code))) {           \
			for (size_t i_ = 0; i_ < (e)->nproblems; i_++)       \
				print_message("  got %s/%s: %s\n",           \
					      (e)->problems[i_].name,        \
					      (e)->problems[i_].code,        \
					      (e)->problems[i_].reason);     \
			fail_msg("expected only problem %s/%s", (want_name), \
				 (want_code));                               \
		}                                                            \
	} while (0)

#endif
