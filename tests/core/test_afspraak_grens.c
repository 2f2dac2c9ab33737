/*
 * test_afspraak_grens.c - the pure rules of the front office's limits:
 * the fixed windows of the abuse counters, the network an address counts
 * under (IPv4 /24, IPv6 /56), the release of times in waves and the
 * retention boundary.
 */
#include <stdio.h>
#include <string.h>

#include "../test.h"
#include "../../src/core/afspraak.h"

static int64_t
T(const char *iso)
{
	int64_t t = 0;

	if (date_parse_instant(iso, &t) != 0)
		fail_msg("bad instant literal in test: %s", iso);
	return t;
}

static void
test_venster(void **state)
{
	int64_t t = T("2026-11-22T10:37:12Z");

	(void)state;
	/* A quarter: 10:30:00 to 10:45:00 UTC, 7 min 48 s left. */
	assert_int_equal(grens_venster(t, 900), T("2026-11-22T10:30:00Z"));
	assert_int_equal(grens_wacht(t, 900), 7 * 60 + 48);
	/* A day: from midnight UTC. */
	assert_int_equal(grens_venster(t, 86400), T("2026-11-22T00:00:00Z"));
	assert_int_equal(grens_wacht(t, 86400), 13 * 3600 + 22 * 60 + 48);
	/* The first instant of a window is its own start, a whole window
	 * left; the last is one second before the next. */
	assert_int_equal(grens_venster(T("2026-11-22T10:45:00Z"), 900),
			 T("2026-11-22T10:45:00Z"));
	assert_int_equal(grens_wacht(T("2026-11-22T10:45:00Z"), 900), 900);
	assert_int_equal(grens_venster(T("2026-11-22T10:44:59Z"), 900),
			 T("2026-11-22T10:30:00Z"));
	assert_int_equal(grens_wacht(T("2026-11-22T10:44:59Z"), 900), 1);
	/* Before 1970 too (a multiple of the length, not truncated to 0). */
	assert_int_equal(grens_venster(-1, 900), -900);
	assert_int_equal(grens_wacht(-1, 900), 1);
}

static void
test_netwerk(void **state)
{
	static const struct {
		const char *in, *uit;
	} cases[] = {
		{ "192.0.2.17", "192.0.2.0/24" },
		{ "192.0.2.255", "192.0.2.0/24" },
		{ "198.51.100.1", "198.51.100.0/24" },
		{ "::ffff:192.0.2.17", "192.0.2.0/24" },
		{ "2001:db8:1:2ff:aaaa::1", "2001:db8:1:200::/56" },
		{ "2001:DB8:1:200::", "2001:db8:1:200::/56" },
		{ "2001:0db8:0001:02ab:0000:0000:0000:0001",
		  "2001:db8:1:200::/56" },
		{ "2001:db8:1:300::1", "2001:db8:1:300::/56" },
		{ "::2", "::/56" },
	};
	char out[64];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_true(grens_netwerk(cases[i].in, out));
		assert_string_equal(out, cases[i].uit);
	}
	/* Not an address: no network (the command line's origin). */
	assert_false(grens_netwerk("opdrachtregel", out));
	assert_string_equal(out, "");
	assert_false(grens_netwerk("", out));
	assert_false(grens_netwerk(NULL, out));
	assert_false(grens_netwerk("192.0.2.0/24", out));
	assert_false(grens_netwerk("192.0.2.256", out));
	/* Loopback: a proxy on the same machine, not one network. */
	assert_false(grens_netwerk("127.0.0.1", out));
	assert_false(grens_netwerk("127.8.9.10", out));
	assert_false(grens_netwerk("::ffff:127.0.0.1", out));
	assert_false(grens_netwerk("::1", out));
	assert_true(grens_netwerk("128.0.0.1", out));
	assert_string_equal(out, "128.0.0.0/24");
}

static void
test_vrijgave(void **state)
{
	/* Times from 1 March released on 1 February 08:00, from 1 April on
	 * 1 March 08:00, from 1 May on 1 April 08:00. */
	const struct vrijgave r[] = {
		{ .vanaf = D("2027-04-01"),
		  .moment = T("2027-03-01T08:00:00+01:00") },
		{ .vanaf = D("2027-03-01"),
		  .moment = T("2027-02-01T08:00:00+01:00") },
		{ .vanaf = D("2027-05-01"),
		  .moment = T("2027-04-01T08:00:00+02:00") },
	};
	int64_t nu = T("2027-02-15T12:00:00+01:00");

	(void)state;
	/* Nothing held back without rules, or when all moments passed. */
	assert_int_equal(vrijgave_grens(r, 0, nu), DATE_NONE);
	assert_int_equal(vrijgave_grens(r, 3, T("2027-04-01T08:00:00+02:00")),
			 DATE_NONE);
	/* On 15 February: March is released, April and later not. */
	assert_int_equal(vrijgave_grens(r, 3, nu), D("2027-04-01"));
	assert_int_equal(vrijgave_moment(r, 3, D("2027-03-31"), nu), 0);
	assert_int_equal(vrijgave_moment(r, 3, D("2027-04-01"), nu),
			 T("2027-03-01T08:00:00+01:00"));
	/* May waits for the latest of the rules that reach it. */
	assert_int_equal(vrijgave_moment(r, 3, D("2027-05-02"), nu),
			 T("2027-04-01T08:00:00+02:00"));
	/* One second before the moment: not yet; at it: released. */
	assert_int_equal(vrijgave_grens(r, 3, T("2027-01-31T23:59:59Z")),
			 D("2027-03-01"));
	assert_int_equal(vrijgave_grens(r, 3, T("2027-02-01T07:00:00Z")),
			 D("2027-04-01"));
	assert_int_equal(vrijgave_moment(r, 3, D("2027-03-01"),
					 T("2027-02-01T06:59:59Z")),
			 T("2027-02-01T07:00:00Z"));
}

static void
test_aandeel(void **state)
{
	(void)state;
	/* Half of 60 rostered minutes: three visits of 10, not four. */
	assert_true(aandeel_past(60, 0, 10, 50));
	assert_true(aandeel_past(60, 20, 10, 50));
	assert_false(aandeel_past(60, 30, 10, 50));
	assert_false(aandeel_past(60, 25, 10, 50));
	/* Nothing rostered: no share for residents, unless it is all. */
	assert_false(aandeel_past(0, 0, 5, 99));
	assert_true(aandeel_past(0, 0, 5, 100));
	assert_true(aandeel_past(60, 600, 10, 100));
	/* Exactly at the share fits: 70% of 100 minutes is 70. */
	assert_true(aandeel_past(100, 60, 10, 70));
	assert_false(aandeel_past(100, 61, 10, 70));
}

static void
test_bewaar_grens(void **state)
{
	(void)state;
	assert_int_equal(bewaar_grens(T("2026-11-22T10:30:00+01:00"), 90),
			 T("2026-08-24T11:30:00+02:00"));
	assert_int_equal(bewaar_grens(1000000, 1), 1000000 - 86400);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_venster),
		cmocka_unit_test(test_netwerk),
		cmocka_unit_test(test_vrijgave),
		cmocka_unit_test(test_aandeel),
		cmocka_unit_test(test_bewaar_grens),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
