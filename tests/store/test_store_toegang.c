/*
 * test_store_toegang.c - the store's accounts, roles, second factor,
 * sessions, API tokens, counted login attempts and the audit trail (who
 * reads which entries), on both engines (fixture.h). Every refusal
 * answers with its exact status and leaves the database unchanged.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIXTURE_DB "store_toegang_test"
#include "fixture.h"
#include "../../src/core/password.h"

static const char *
hash_of(const char *pw)
{
	static char h[PASSWORD_HASH_MAX];
	struct err e;

	err_clear(&e);
	if (password_hash(pw, h, &e))
		fail_msg("hashing failed");
	return h;
}

static void
test_accounts(void **state)
{
	struct fixture *f = *state;
	struct gebruiker g = { .gebruikersnaam = "a.nienhuis",
			       .naam = "A.C. Nienhuis",
			       .email = "a.nienhuis@example.nl" };
	struct gebruiker got, *list;
	struct roltoekenning ah = { ROL_ACCOUNTHOUDER, "GM0397" };
	struct roltoekenning ctl = { ROL_CONTROLLER, "HB" };
	const char *hash;
	size_t n;

	add_hb(f);
	OK(store_gebruiker_add(f->s, &g, hash_of("paard-batterij-nietje"),
			       &f->e));
	/* Same user name again; no name; a hash that is not Argon2id. */
	err_clear(&f->e);
	assert_int_equal(store_gebruiker_add(f->s, &g, hash_of("x"), &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "gebruikersnaam", "unique");
	g.gebruikersnaam = "iemand";
	g.naam = "";
	err_clear(&f->e);
	assert_int_equal(store_gebruiker_add(f->s, &g, hash_of("x"), &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "naam", "required");
	g.naam = "Iemand";
	err_clear(&f->e);
	assert_int_equal(store_gebruiker_add(f->s, &g, "plain", &f->e),
			 ST_INTERNAL);
	assert_int_equal(count(f, "gebruiker"), 1);

	OK(store_gebruiker_rol(f->s, "a.nienhuis", &ah, false, &f->e));
	OK(store_gebruiker_rol(f->s, "a.nienhuis", &ctl, false, &f->e));
	OK(store_gebruiker_rol(f->s, "a.nienhuis", &ah, false,
			       &f->e)); /* again */
	OK(store_gebruiker_get(f->s, &f->a, "a.nienhuis", &got, &hash, &f->e));
	assert_int_equal(got.nrollen, 2);
	assert_int_equal(got.rollen[0].rol, ROL_ACCOUNTHOUDER);
	assert_string_equal(got.rollen[0].scope, "GM0397");
	assert_true(password_verify(hash, "paard-batterij-nietje"));
	assert_null(got.ingetrokken);
	/* A role for a municipality or cooperation not in the register. */
	struct roltoekenning bad = { ROL_RAADSLID, "GM9999" };
	err_clear(&f->e);
	assert_int_equal(
		store_gebruiker_rol(f->s, "a.nienhuis", &bad, false, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "scope", "unknown");
	bad.rol = ROL_CONTROLLER;
	bad.scope = "XX";
	err_clear(&f->e);
	assert_int_equal(
		store_gebruiker_rol(f->s, "a.nienhuis", &bad, false, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "scope", "unknown");
	/* Withdraw a role; withdrawing one not held is not found. */
	OK(store_gebruiker_rol(f->s, "a.nienhuis", &ctl, true, &f->e));
	err_clear(&f->e);
	assert_int_equal(
		store_gebruiker_rol(f->s, "a.nienhuis", &ctl, true, &f->e),
		ST_NOT_FOUND);
	OK(store_gebruiker_wachtwoord(f->s, "a.nienhuis",
				      hash_of("nieuw-paard-nietje"), &f->e));
	OK(store_gebruiker_get(f->s, &f->a, "a.nienhuis", &got, &hash, &f->e));
	assert_true(password_verify(hash, "nieuw-paard-nietje"));
	assert_int_equal(got.nrollen, 1);
	/* Closing an account is for good. */
	OK(store_gebruiker_intrekken(f->s, "a.nienhuis", &f->e));
	err_clear(&f->e);
	assert_int_equal(store_gebruiker_intrekken(f->s, "a.nienhuis", &f->e),
			 ST_CONFLICT);
	err_clear(&f->e);
	assert_int_equal(
		store_gebruiker_rol(f->s, "a.nienhuis", &ah, false, &f->e),
		ST_CONFLICT);
	OK(store_gebruiker_list(f->s, &f->a, &list, &n, &f->e));
	assert_int_equal(n, 1);
	assert_non_null(list[0].ingetrokken);
	err_clear(&f->e);
	assert_int_equal(
		store_gebruiker_get(f->s, &f->a, "niemand", &got, NULL, &f->e),
		ST_NOT_FOUND);
}

/*
 * A TOTP code is accepted once: only a time step later than the last one
 * accepted for the account, decided by one statement, also between two
 * connections; undone with the login's transaction; forgotten with a new
 * secret.
 */
static void
test_totp_stap(void **state)
{
	struct fixture *f = *state;
	struct gebruiker g = { .gebruikersnaam = "a.nienhuis",
			       .naam = "A.C. Nienhuis" };
	struct store *other;
	struct err e;

	OK(store_gebruiker_add(f->s, &g, hash_of("paard-batterij-nietje"),
			       &f->e));
	OK(store_tweede_factor_zet(f->s, "a.nienhuis",
				   "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", NULL, 0,
				   &f->e));
	OK(store_totp_stap_gebruik(f->s, "a.nienhuis", 37037036, &f->e));
	/* The same step again, or an earlier one: refused. */
	err_clear(&f->e);
	assert_int_equal(
		store_totp_stap_gebruik(f->s, "a.nienhuis", 37037036, &f->e),
		ST_CONFLICT);
	err_clear(&f->e);
	assert_int_equal(
		store_totp_stap_gebruik(f->s, "a.nienhuis", 37037035, &f->e),
		ST_CONFLICT);
	OK(store_totp_stap_gebruik(f->s, "a.nienhuis", 37037037, &f->e));
	/* A login that is rolled back does not use up its step. */
	OK(store_begin(f->s, &f->e));
	OK(store_totp_stap_gebruik(f->s, "a.nienhuis", 37037038, &f->e));
	store_rollback(f->s);
	/* Of two connections with the same step, only the first. */
	err_clear(&e);
	assert_int_equal(store_open(f->path, STORE_EXISTING, &other, &e),
			 ST_OK);
	assert_int_equal(
		store_totp_stap_gebruik(other, "a.nienhuis", 37037038, &e),
		ST_OK);
	err_clear(&f->e);
	assert_int_equal(
		store_totp_stap_gebruik(f->s, "a.nienhuis", 37037038, &f->e),
		ST_CONFLICT);
	store_close(other);
	/* A new secret starts afresh; an unknown account is not found. */
	OK(store_tweede_factor_zet(f->s, "a.nienhuis",
				   "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", NULL, 0,
				   &f->e));
	OK(store_totp_stap_gebruik(f->s, "a.nienhuis", 37037038, &f->e));
	err_clear(&f->e);
	assert_int_equal(store_totp_stap_gebruik(f->s, "niemand", 1, &f->e),
			 ST_NOT_FOUND);
}

static void
test_audit_trail(void **state)
{
	struct fixture *f = *state;
	struct audit_entry *list;
	size_t n, total;
	int64_t checked, broken;
	struct gebruiker g = { .gebruikersnaam = "a.nienhuis",
			       .naam = "A.C. Nienhuis" };

	store_set_actor(f->s, "a.nienhuis", "A.C. Nienhuis", "192.0.2.7");
	add_hb(f); /* 3 organisations, 2 decisions, 1 cooperation, 2 members */
	OK(store_gebruiker_add(f->s, &g, hash_of("paard-batterij-nietje"),
			       &f->e));
	OK(store_audit_event(f->s, "login_mislukt", 401, "sessie", "a.nienhuis",
			     NULL, &f->e));
	assert_int_equal(count(f, "audit"), 10);
	OK(store_audit_list(f->s, &f->a, "besluit", NULL, 0, 0, &list, &n,
			    &total, &f->e));
	assert_int_equal(n, 2);
	assert_string_equal(list[0].resource_weergave, "GRIT-2021");
	assert_string_equal(list[0].actie, "create");
	assert_string_equal(list[0].gebruikers_id, "a.nienhuis");
	assert_string_equal(list[0].herkomst, "192.0.2.7");
	assert_non_null(
		strstr(list[0].nieuw, "\"identificatie\":\"GRIT-2021\""));
	/* The password never enters the trail, nor its hash. */
	OK(store_audit_list(f->s, &f->a, "gebruiker", NULL, 0, 0, &list, &n,
			    &total, &f->e));
	assert_int_equal(n, 1);
	assert_null(strstr(list[0].nieuw, "argon2"));
	assert_null(strstr(list[0].nieuw, "wachtwoord"));
	/* A refused write leaves no entry. */
	struct organisatie dup = { .soort = ORG_GEMEENTE,
				   .code = "GM0397",
				   .naam = "Dubbel",
				   .inwoners = -1,
				   .inwoners_peildatum = DATE_NONE };
	err_clear(&f->e);
	assert_int_equal(store_organisatie_add(f->s, &dup, TODAY, &f->e),
			 ST_CONFLICT);
	assert_int_equal(count(f, "audit"), 10);

	OK(store_audit_verify(f->s, &checked, &broken, &f->e));
	assert_int_equal(checked, 10);
	assert_int_equal(broken, 0);

	/* Append-only: the database itself refuses changes. */
	assert_int_equal(raw_exec(f, "UPDATE audit SET resultaat = 200 "
				     "WHERE id = 4"),
			 DB_CHECK);
	assert_int_equal(raw_exec(f, "DELETE FROM audit WHERE id = 4"),
			 DB_CHECK);
	if (pg)
		assert_int_equal(raw_exec(f, "TRUNCATE audit"), DB_CHECK);
	/* Someone who removes that guard and changes one byte is caught. */
	assert_int_equal(
		raw_exec(f, pg ? "ALTER TABLE audit DISABLE TRIGGER "
				 "audit_geen_wijziging; UPDATE audit SET "
				 "herkomst = '192.0.2.8' WHERE id = 4"
			       : "DROP TRIGGER audit_geen_wijziging; "
				 "UPDATE audit SET herkomst = "
				 "'192.0.2.8' WHERE id = 4"),
		DB_OK);
	OK(store_audit_verify(f->s, &checked, &broken, &f->e));
	assert_int_equal(broken, 4);
	assert_int_equal(checked, 4);
}

/* n anonymous refusals from `herkomst`, one a second from `t`. */
static void
weigeringen(struct fixture *f, const char *herkomst, int n, int64_t t)
{
	store_set_actor(f->s, "anoniem", "anonieme gebruiker", herkomst);
	for (int i = 0; i < n; i++)
		OK(store_audit_weigering(f->s, t + i, 401, "token", NULL,
					 "onbekend token", &f->e));
}

/* The entry that sums up a network's window, or fail. */
static const struct audit_entry *
samenvatting(struct fixture *f, const char *netwerk)
{
	struct audit_entry *list;
	size_t n, total;

	OK(store_audit_list(f->s, &f->a, "toegang", NULL, 0, 0, &list, &n,
			    &total, &f->e));
	for (size_t i = 0; i < n; i++)
		if (list[i].resultaat == 429 &&
		    strcmp(list[i].herkomst, netwerk) == 0)
			return &list[i];
	fail_msg("no summary for %s", netwerk);
	return NULL;
}

/*
 * Anonymous refusals: at most AUDIT_WEIGERING_MAX entries per network per
 * window, the rest summed up in one entry when the window has ended (at
 * the network's next refusal, or any network's); the chain stays intact
 * and none of it raises the generation, while a real write still does.
 */
static void
test_audit_weigering(void **state)
{
	struct fixture *f = *state;
	const int64_t t0 = 1700000000;
	const struct audit_entry *x;
	int64_t g0, g, checked, broken;
	long base = count(f, "audit");

	OK(store_generation(f->s, &g0, &f->e));
	weigeringen(f, "192.0.2.7", 25, t0);
	assert_int_equal(count(f, "audit"), base + 10);
	/* The same /24 shares the window; another /24 has its own. */
	weigeringen(f, "192.0.2.200", 1, t0 + 30);
	assert_int_equal(count(f, "audit"), base + 10);
	weigeringen(f, "198.51.100.1", 12, t0 + 30);
	assert_int_equal(count(f, "audit"), base + 20);
	/* 192.0.2.0/24's window has ended: 16 more in one entry. */
	weigeringen(f, "192.0.2.7", 1, t0 + 60);
	assert_int_equal(count(f, "audit"), base + 22);
	x = samenvatting(f, "192.0.2.0/24");
	assert_string_equal(x->resource_weergave, "192.0.2.0/24");
	assert_string_equal(x->gebruikers_id, "anoniem");
	assert_string_equal(x->nieuw, "{\"aantal\":\"16\",\"van\":\"2023-"
				      "11-14T22:13:20Z\",\"tot\":\"2023-11-"
				      "14T22:14:20Z\"}");
	/* Another network's refusal closes 198.51.100.0/24's window. */
	weigeringen(f, "203.0.113.5", 1, t0 + 100);
	assert_int_equal(count(f, "audit"), base + 24);
	x = samenvatting(f, "198.51.100.0/24");
	assert_non_null(strstr(x->nieuw, "\"aantal\":\"2\""));
	/* A window within the bound ends without a summary. */
	weigeringen(f, "203.0.113.5", 1, t0 + 200);
	assert_int_equal(count(f, "audit"), base + 25);
	assert_int_equal(count(f, "inlogpoging"), 1);
	OK(store_audit_verify(f->s, &checked, &broken, &f->e));
	assert_int_equal(checked, base + 25);
	assert_int_equal(broken, 0);
	/* None of it, nor other events or counted logins, moved the
	 * generation; a real write does, also with a refusal inside. */
	OK(store_audit_event(f->s, "login_mislukt", 401, "sessie", "x", NULL,
			     &f->e));
	OK(store_poging_mislukt(f->s, "account:x", t0, 5, 900, 900, &f->e));
	OK(store_generation(f->s, &g, &f->e));
	assert_int_equal(g, g0);
	OK(store_begin(f->s, &f->e));
	add_gemeente(f, "GM0358", "Aalsmeer");
	weigeringen(f, "203.0.113.5", 1, t0 + 201);
	OK(store_commit(f->s, &f->e));
	OK(store_generation(f->s, &g, &f->e));
	assert_int_equal(g, g0 + 1);
}

int
main(void)
{
	if (fixture_engine())
		return 0;

	const struct CMUnitTest tests[] = {
		TEST(test_accounts),
		TEST(test_totp_stap),
		TEST(test_audit_trail),
		TEST(test_audit_weigering),
	};
	return RUN_TESTS(tests);
}
