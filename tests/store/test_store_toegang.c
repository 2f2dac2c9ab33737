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

	OK(store_generation(f->s, STORE_FAMILIE_ALGEMEEN, &g0, &f->e));
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
	OK(store_generation(f->s, STORE_FAMILIE_ALGEMEEN, &g, &f->e));
	assert_int_equal(g, g0);
	OK(store_begin(f->s, &f->e));
	add_gemeente(f, "GM0358", "Aalsmeer");
	weigeringen(f, "203.0.113.5", 1, t0 + 201);
	OK(store_commit(f->s, &f->e));
	OK(store_generation(f->s, STORE_FAMILIE_ALGEMEEN, &g, &f->e));
	assert_int_equal(g, g0 + 1);
}

/* Two Argon2id hashes as libsodium writes them (the store keeps them as
 * they are; it never sees a password). */
#define HASH_A                            \
	"$argon2id$v=19$m=65536,t=2,p=1$" \
	"YWFhYWFhYWFhYWFhYWFhYQ$"         \
	"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
#define HASH_B                            \
	"$argon2id$v=19$m=65536,t=2,p=1$" \
	"YmJiYmJiYmJiYmJiYmJiYg$"         \
	"BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"

#define DAG INT64_C(86400)

static void
add_gebruiker(struct fixture *f, const char *naam, const char *weergave)
{
	struct gebruiker g = { .gebruikersnaam = naam, .naam = weergave };

	OK(store_gebruiker_add(f->s, &g, HASH_A, &f->e));
}

static void
geef_rol(struct fixture *f, const char *naam, enum rol rol, const char *scope)
{
	struct roltoekenning t = { rol, scope };

	OK(store_gebruiker_rol(f->s, naam, &t, false, &f->e));
}

/* Every audit entry, newest first, as the command line reads them. */
static struct audit_entry *
alle_audit(struct fixture *f, size_t *n)
{
	struct audit_entry *list;
	size_t total;

	OK(store_audit_list(f->s, &f->a, NULL, NULL, 0, 0, &list, n, &total,
			    &f->e));
	assert_int_equal(total, *n);
	return list;
}

/* Whether any audit entry holds `text` in any of its texts. */
static int
audit_bevat(struct fixture *f, const char *text)
{
	size_t n;
	struct audit_entry *x = alle_audit(f, &n);

	for (size_t i = 0; i < n; i++) {
		const char *v[] = { x[i].resource_weergave, x[i].toelichting,
				    x[i].oud, x[i].nieuw };

		for (size_t j = 0; j < 4; j++)
			if (v[j] && strstr(v[j], text))
				return 1;
	}
	return 0;
}

/* Accounts read back field by field, one and all, with their roles. */
static void
test_gebruiker_velden(void **state)
{
	struct fixture *f = *state;
	struct gebruiker b = { .gebruikersnaam = "b.bakker",
			       .naam = "B. Bakker" };
	struct gebruiker a = { .gebruikersnaam = "a.nienhuis",
			       .naam = "A.C. Nienhuis",
			       .email = "a.nienhuis@example.nl" };
	struct gebruiker got, *list;
	const char *hash;
	size_t n;

	add_hb(f);
	OK(store_gebruiker_add(f->s, &b, HASH_A, &f->e));
	OK(store_gebruiker_add(f->s, &a, HASH_B, &f->e));
	geef_rol(f, "a.nienhuis", ROL_CONTROLLER, "HB");
	geef_rol(f, "a.nienhuis", ROL_ACCOUNTHOUDER, "GM0397");
	geef_rol(f, "b.bakker", ROL_BEHEERDER, NULL);

	OK(store_gebruiker_get(f->s, &f->a, "a.nienhuis", &got, &hash, &f->e));
	assert_string_equal(got.gebruikersnaam, "a.nienhuis");
	assert_string_equal(got.naam, "A.C. Nienhuis");
	assert_string_equal(got.email, "a.nienhuis@example.nl");
	assert_string_equal(got.aangemaakt, NOW_ISO);
	assert_null(got.ingetrokken);
	assert_false(got.tweede_factor);
	assert_null(got.totp_geheim);
	assert_string_equal(hash, HASH_B);
	/* Roles by name: accounthouder before controller. */
	assert_int_equal(got.nrollen, 2);
	assert_int_equal(got.rollen[0].rol, ROL_ACCOUNTHOUDER);
	assert_string_equal(got.rollen[0].scope, "GM0397");
	assert_int_equal(got.rollen[1].rol, ROL_CONTROLLER);
	assert_string_equal(got.rollen[1].scope, "HB");
	OK(store_gebruiker_get(f->s, &f->a, "b.bakker", &got, NULL, &f->e));
	assert_null(got.email);
	assert_int_equal(got.nrollen, 1);
	assert_int_equal(got.rollen[0].rol, ROL_BEHEERDER);
	assert_null(got.rollen[0].scope); /* none, not "" */

	/* The list: by user name, with roles, never a secret. */
	OK(store_tweede_factor_zet(f->s, "a.nienhuis", "JBSWY3DPEHPK3PXP", NULL,
				   0, &f->e));
	OK(store_gebruiker_get(f->s, &f->a, "a.nienhuis", &got, NULL, &f->e));
	assert_true(got.tweede_factor);
	assert_string_equal(got.totp_geheim, "JBSWY3DPEHPK3PXP");
	OK(store_gebruiker_list(f->s, &f->a, &list, &n, &f->e));
	assert_int_equal(n, 2);
	assert_string_equal(list[0].gebruikersnaam, "a.nienhuis");
	assert_string_equal(list[1].gebruikersnaam, "b.bakker");
	assert_int_equal(list[0].nrollen, 2);
	assert_int_equal(list[1].nrollen, 1);
	assert_string_equal(list[0].aangemaakt, NOW_ISO);
	assert_null(list[0].totp_geheim);
	assert_null(list[1].totp_geheim);
	assert_false(list[1].tweede_factor);
	assert_true(list[0].tweede_factor);
}

/* Refused account changes: the exact status, and nothing changed. */
static void
test_gebruiker_geweigerd(void **state)
{
	struct fixture *f = *state;
	struct gebruiker g = { .gebruikersnaam = "A.Nienhuis",
			       .naam = "A.C. Nienhuis" };
	struct roltoekenning zonder = { ROL_CONTROLLER, NULL };
	struct roltoekenning met = { ROL_BEHEERDER, "HB" };
	struct roltoekenning ah = { ROL_ACCOUNTHOUDER, "GM0397" };
	char lang[2 * 256 + 1], lang2[2 * 256 + 1];

	add_hb(f);
	add_gebruiker(f, "a.nienhuis", "A.C. Nienhuis");
	REFUSED(store_gebruiker_add(f->s, &g, HASH_A, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "gebruikersnaam", "format");
	/* Limits in characters: 254 for an e-mail address, 200 a name. */
	g.gebruikersnaam = "c.claes";
	g.email = text_of(255, lang);
	REFUSED(store_gebruiker_add(f->s, &g, HASH_A, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "email", "too-long");
	g.email = NULL;
	g.naam = text_of(201, lang);
	REFUSED(store_gebruiker_add(f->s, &g, HASH_A, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "naam", "too-long");
	g.naam = text_of(200, lang);
	g.email = text_of(254, lang2);
	OK(store_gebruiker_add(f->s, &g, HASH_A, &f->e));

	REFUSED(store_gebruiker_wachtwoord(f->s, "niemand", HASH_B, &f->e),
		ST_NOT_FOUND);
	assert_string_equal(f->e.message, "Gebruiker niemand bestaat niet.");
	REFUSED(store_gebruiker_wachtwoord(f->s, "a.nienhuis", "geheim", &f->e),
		ST_INTERNAL);
	REFUSED(store_gebruiker_rol(f->s, "a.nienhuis", &zonder, false, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "scope", "required");
	REFUSED(store_gebruiker_rol(f->s, "a.nienhuis", &met, false, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "scope", "not-allowed");
	REFUSED(store_gebruiker_rol(f->s, "niemand", &ah, false, &f->e),
		ST_NOT_FOUND);
	REFUSED(store_gebruiker_intrekken(f->s, "niemand", &f->e),
		ST_NOT_FOUND);
	REFUSED(store_tweede_factor_zet(f->s, "niemand", "JBSWY3DPEHPK3PXP",
					NULL, 0, &f->e),
		ST_NOT_FOUND);

	/* A closed account takes no new password, role or second factor. */
	OK(store_gebruiker_intrekken(f->s, "a.nienhuis", &f->e));
	REFUSED(store_gebruiker_wachtwoord(f->s, "a.nienhuis", HASH_B, &f->e),
		ST_CONFLICT);
	assert_string_equal(f->e.message,
			    "Het account van a.nienhuis is ingetrokken.");
	REFUSED(store_gebruiker_rol(f->s, "a.nienhuis", &ah, false, &f->e),
		ST_CONFLICT);
	REFUSED(store_tweede_factor_zet(f->s, "a.nienhuis", "JBSWY3DPEHPK3PXP",
					NULL, 0, &f->e),
		ST_CONFLICT);
	{
		struct gebruiker got;

		OK(store_gebruiker_get(f->s, &f->a, "a.nienhuis", &got, NULL,
				       &f->e));
		assert_string_equal(got.ingetrokken, NOW_ISO);
	}
}

/*
 * Recovery codes: each works once, only for its own account, and a new
 * second factor replaces every earlier code; the trail says that it
 * happened, never the secret or a code.
 */
static void
test_herstelcodes(void **state)
{
	struct fixture *f = *state;
	const char *codes[] = {
		"1111111111111111111111111111111111111111111111111111111111111111",
		"2222222222222222222222222222222222222222222222222222222222222222",
	};
	const char *ander[] = {
		"3333333333333333333333333333333333333333333333333333333333333333",
	};
	const char *nieuw[] = {
		"4444444444444444444444444444444444444444444444444444444444444444",
	};
	size_t n;
	struct audit_entry *x;

	add_gebruiker(f, "a.nienhuis", "A.C. Nienhuis");
	add_gebruiker(f, "b.bakker", "B. Bakker");
	OK(store_tweede_factor_zet(f->s, "a.nienhuis", "JBSWY3DPEHPK3PXP",
				   codes, 2, &f->e));
	OK(store_tweede_factor_zet(f->s, "b.bakker", "GEZDGNBVGY3TQOJQ", ander,
				   1, &f->e));
	assert_int_equal(count(f, "herstelcode"), 3);

	OK(store_herstelcode_gebruik(f->s, "a.nienhuis", codes[0], NOW + 7,
				     &f->e));
	assert_int_equal(raw_int(f, "SELECT gebruikt FROM herstelcode WHERE "
				    "hash LIKE '1111%'"),
			 NOW + 7);
	x = alle_audit(f, &n);
	assert_string_equal(x[0].actie, "partial_update");
	assert_string_equal(x[0].resource, "gebruiker");
	assert_string_equal(x[0].resource_weergave, "a.nienhuis");
	assert_string_equal(x[0].toelichting, "herstelcode gebruikt");
	REFUSED(store_herstelcode_gebruik(f->s, "a.nienhuis", codes[0], NOW,
					  &f->e),
		ST_NOT_FOUND);
	assert_string_equal(f->e.message, "Onbekende of gebruikte code.");
	/* Another account's code, an unknown one, an unknown account. */
	REFUSED(store_herstelcode_gebruik(f->s, "a.nienhuis", ander[0], NOW,
					  &f->e),
		ST_NOT_FOUND);
	REFUSED(store_herstelcode_gebruik(f->s, "a.nienhuis", "abc", NOW,
					  &f->e),
		ST_NOT_FOUND);
	REFUSED(store_herstelcode_gebruik(f->s, "niemand", codes[1], NOW,
					  &f->e),
		ST_NOT_FOUND);

	/* New codes: the unused old one stops working. */
	OK(store_tweede_factor_zet(f->s, "a.nienhuis", "MFRGGZDFMZTWQ2LK",
				   nieuw, 1, &f->e));
	assert_int_equal(count(f, "herstelcode"), 2);
	REFUSED(store_herstelcode_gebruik(f->s, "a.nienhuis", codes[1], NOW,
					  &f->e),
		ST_NOT_FOUND);
	OK(store_herstelcode_gebruik(f->s, "a.nienhuis", nieuw[0], NOW, &f->e));
	OK(store_herstelcode_gebruik(f->s, "b.bakker", ander[0], NOW, &f->e));
	x = alle_audit(f, &n);
	assert_string_equal(x[2].toelichting, "tweede factor ingesteld");
	assert_null(x[2].nieuw);
	assert_false(audit_bevat(f, "JBSWY3DPEHPK3PXP"));
	assert_false(audit_bevat(f, "MFRGGZDFMZTWQ2LK"));
	assert_false(audit_bevat(f, "1111111111"));
	assert_false(audit_bevat(f, "4444444444"));
}

/*
 * What the account pages read and do: an account's tokens, oldest first,
 * revoked and narrowed ones as they are (never a secret); wiping the
 * second factor with its recovery codes, once, audited without a secret;
 * the last login from the audit trail in the list of accounts.
 */
static void
test_tokens_en_tweede_factor_wis(void **state)
{
	struct fixture *f = *state;
	const int64_t t0 = NOW;
	struct roltoekenning ctl = { ROL_CONTROLLER, "HB" };
	struct token_scope smal = { &ctl, true };
	const char *codes[] = {
		"5555555555555555555555555555555555555555555555555555555555555555",
	};
	struct token_info *t;
	struct gebruiker *g;
	struct audit_entry *x;
	size_t n;
	int64_t id1, id2;

	add_hb(f);
	add_gebruiker(f, "a.nienhuis", "A.C. Nienhuis");
	add_gebruiker(f, "b.bakker", "B. Bakker");
	geef_rol(f, "a.nienhuis", ROL_CONTROLLER, "HB");
	OK(store_token_list(f->s, &f->a, "a.nienhuis", &t, &n, &f->e));
	assert_int_equal(n, 0);
	OK(store_token_add(f->s, "a.nienhuis", "Rapportage", "tl1", t0,
			   t0 + 30 * DAG, NULL, &id1, &f->e));
	OK(store_token_add(f->s, "a.nienhuis", "Planning", "tl2", t0,
			   t0 + 2 * DAG, &smal, &id2, &f->e));
	OK(store_token_add(f->s, "b.bakker", "Ander", "tl3", t0, t0 + DAG, NULL,
			   &id1, &f->e));
	OK(store_token_intrekken(f->s, "a.nienhuis", id2, t0 + 9, &f->e));
	OK(store_token_list(f->s, &f->a, "a.nienhuis", &t, &n, &f->e));
	assert_int_equal(n, 2);
	assert_string_equal(t[0].naam, "Rapportage");
	assert_int_equal(t[0].aangemaakt, t0);
	assert_int_equal(t[0].verloopt, t0 + 30 * DAG);
	assert_int_equal(t[0].ingetrokken, 0);
	assert_null(t[0].rol);
	assert_null(t[0].scope);
	assert_false(t[0].alleen_lezen);
	assert_int_equal(t[1].id, id2);
	assert_int_equal(t[1].ingetrokken, t0 + 9);
	assert_string_equal(t[1].rol, "controller");
	assert_string_equal(t[1].scope, "HB");
	assert_true(t[1].alleen_lezen);
	REFUSED(store_token_list(f->s, &f->a, "niemand", &t, &n, &f->e),
		ST_NOT_FOUND);

	/* No second factor to wipe; then one, wiped once. */
	REFUSED(store_tweede_factor_wis(f->s, "a.nienhuis", &f->e),
		ST_CONFLICT);
	OK(store_tweede_factor_zet(f->s, "a.nienhuis", "JBSWY3DPEHPK3PXP",
				   codes, 1, &f->e));
	OK(store_tweede_factor_zet(f->s, "b.bakker", "GEZDGNBVGY3TQOJQ", codes,
				   1, &f->e));
	OK(store_tweede_factor_wis(f->s, "a.nienhuis", &f->e));
	assert_int_equal(raw_int(f, "SELECT count(*) FROM gebruiker WHERE "
				    "totp_geheim IS NULL AND gebruikersnaam = "
				    "'a.nienhuis'"),
			 1);
	assert_int_equal(count(f, "herstelcode"), 1); /* b.bakker's */
	REFUSED(store_herstelcode_gebruik(f->s, "a.nienhuis", codes[0], NOW,
					  &f->e),
		ST_NOT_FOUND);
	x = alle_audit(f, &n);
	assert_string_equal(x[0].resource_weergave, "a.nienhuis");
	assert_string_equal(x[0].toelichting, "tweede factor gewist");
	assert_null(x[0].nieuw);
	REFUSED(store_tweede_factor_wis(f->s, "a.nienhuis", &f->e),
		ST_CONFLICT);
	REFUSED(store_tweede_factor_wis(f->s, "niemand", &f->e), ST_NOT_FOUND);
	OK(store_gebruiker_intrekken(f->s, "b.bakker", &f->e));
	REFUSED(store_tweede_factor_wis(f->s, "b.bakker", &f->e), ST_CONFLICT);
	assert_false(audit_bevat(f, "JBSWY3DPEHPK3PXP"));

	/* The last login: the newest, of that account only. */
	OK(store_gebruiker_list(f->s, &f->a, &g, &n, &f->e));
	assert_int_equal(n, 2);
	assert_null(g[0].laatste_login);
	OK(store_sessie_add(f->s, "sh1", "a.nienhuis", "c1", t0, "192.0.2.1",
			    &f->e));
	OK(store_gebruiker_list(f->s, &f->a, &g, &n, &f->e));
	assert_string_equal(g[0].gebruikersnaam, "a.nienhuis");
	assert_non_null(g[0].laatste_login);
	assert_null(g[1].laatste_login);
}

#define IDLE 1800
#define ABSOLUUT 43200

/*
 * Sessions: found by hash with the account and its roles, touched at
 * most once a minute, ended after IDLE seconds unused or ABSOLUUT
 * seconds in all (each bound itself still valid), and removed with the
 * account.
 */
static void
test_sessies(void **state)
{
	struct fixture *f = *state;
	const int64_t t0 = NOW;
	struct gebruiker u;
	const char *csrf = NULL;
	size_t n;
	struct audit_entry *x;

	add_hb(f);
	add_gebruiker(f, "a.nienhuis", "A.C. Nienhuis");
	geef_rol(f, "a.nienhuis", ROL_ACCOUNTHOUDER, "GM0397");
	OK(store_sessie_add(f->s, "s1", "a.nienhuis", "csrf-1", t0, "192.0.2.7",
			    &f->e));
	assert_int_equal(count(f, "sessie"), 1);
	assert_int_equal(raw_int(f, "SELECT aangemaakt FROM sessie"), t0);
	assert_int_equal(raw_int(f, "SELECT laatst_gebruikt FROM sessie"), t0);
	x = alle_audit(f, &n);
	assert_string_equal(x[0].actie, "login");
	assert_string_equal(x[0].resource, "sessie");
	assert_string_equal(x[0].resource_weergave, "a.nienhuis");
	assert_int_equal(x[0].resultaat, 200);

	OK(store_sessie_get(f->s, &f->a, "s1", t0 + 59, IDLE, ABSOLUUT, &u,
			    &csrf, &f->e));
	assert_string_equal(u.gebruikersnaam, "a.nienhuis");
	assert_int_equal(u.nrollen, 1);
	assert_int_equal(u.rollen[0].rol, ROL_ACCOUNTHOUDER);
	assert_string_equal(csrf, "csrf-1");
	/* Not touched within the minute, touched from then on. */
	assert_int_equal(raw_int(f, "SELECT laatst_gebruikt FROM sessie"), t0);
	OK(store_sessie_get(f->s, &f->a, "s1", t0 + 60, IDLE, ABSOLUUT, &u,
			    &csrf, &f->e));
	assert_int_equal(raw_int(f, "SELECT laatst_gebruikt FROM sessie"),
			 t0 + 60);
	/* Exactly IDLE seconds unused is still valid; one more is not, and
	 * the session is gone. */
	OK(store_sessie_get(f->s, &f->a, "s1", t0 + 60 + IDLE, IDLE, ABSOLUUT,
			    &u, &csrf, &f->e));
	err_clear(&f->e);
	assert_int_equal(store_sessie_get(f->s, &f->a, "s1",
					  t0 + 60 + 2 * IDLE + 1, IDLE,
					  ABSOLUUT, &u, &csrf, &f->e),
			 ST_NOT_FOUND);
	assert_string_equal(f->e.message,
			    "De sessie is verlopen; log opnieuw in.");
	assert_int_equal(count(f, "sessie"), 0);

	/* Used all the time, it still ends ABSOLUUT seconds after login. */
	OK(store_sessie_add(f->s, "s2", "a.nienhuis", "csrf-2", t0, "192.0.2.7",
			    &f->e));
	for (int64_t t = t0 + 1000; t < t0 + ABSOLUUT; t += 1000)
		OK(store_sessie_get(f->s, &f->a, "s2", t, IDLE, ABSOLUUT, &u,
				    &csrf, &f->e));
	OK(store_sessie_get(f->s, &f->a, "s2", t0 + ABSOLUUT, IDLE, ABSOLUUT,
			    &u, &csrf, &f->e));
	err_clear(&f->e);
	assert_int_equal(store_sessie_get(f->s, &f->a, "s2", t0 + ABSOLUUT + 1,
					  IDLE, ABSOLUUT, &u, &csrf, &f->e),
			 ST_NOT_FOUND);
	assert_int_equal(count(f, "sessie"), 0);

	/* Unknown; unknown account; logged out. */
	REFUSED(store_sessie_get(f->s, &f->a, "s9", t0, IDLE, ABSOLUUT, &u,
				 &csrf, &f->e),
		ST_NOT_FOUND);
	assert_string_equal(f->e.message, "Geen sessie.");
	REFUSED(store_sessie_add(f->s, "s3", "niemand", "c", t0, "192.0.2.7",
				 &f->e),
		ST_NOT_FOUND);
	OK(store_sessie_add(f->s, "s3", "a.nienhuis", "csrf-3", t0, "192.0.2.7",
			    &f->e));
	OK(store_sessie_add(f->s, "s4", "a.nienhuis", "csrf-4", t0, "192.0.2.7",
			    &f->e));
	OK(store_sessie_delete(f->s, "s3", &f->e));
	assert_int_equal(count(f, "sessie"), 1);
	REFUSED(store_sessie_get(f->s, &f->a, "s3", t0, IDLE, ABSOLUUT, &u,
				 &csrf, &f->e),
		ST_NOT_FOUND);
	{
		/* Logging out twice changes nothing the second time. */
		struct stand voor = stand_van(f);

		OK(store_sessie_delete(f->s, "s3", &f->e));
		assert_ongewijzigd(f, &voor);
	}

	/* Closing the account ends its sessions and refuses new ones. */
	OK(store_gebruiker_intrekken(f->s, "a.nienhuis", &f->e));
	assert_int_equal(count(f, "sessie"), 0);
	REFUSED(store_sessie_add(f->s, "s5", "a.nienhuis", "c", t0, "192.0.2.7",
				 &f->e),
		ST_CONFLICT);
	assert_string_equal(f->e.message, "Dit account is ingetrokken.");
	/* A session of a closed account that is still there (written
	 * around the store) is not valid, and is removed. */
	assert_int_equal(
		raw_exec(f, "INSERT INTO sessie (hash, gebruiker_id, csrf, "
			    "aangemaakt, laatst_gebruikt, herkomst) SELECT "
			    "'s6', id, 'c', 1795339800, 1795339800, 'x' FROM "
			    "gebruiker WHERE gebruikersnaam = 'a.nienhuis'"),
		DB_OK);
	err_clear(&f->e);
	assert_int_equal(store_sessie_get(f->s, &f->a, "s6", t0, IDLE, ABSOLUUT,
					  &u, &csrf, &f->e),
			 ST_NOT_FOUND);
	assert_int_equal(count(f, "sessie"), 0);
}

/*
 * API tokens: valid until (not at) their end, for an open account,
 * narrowed to one role it holds and/or to reading; revoked by number by
 * their own account only; the secret's hash never in the trail.
 */
static void
test_tokens(void **state)
{
	struct fixture *f = *state;
	const int64_t t0 = NOW;
	struct roltoekenning ctl = { ROL_CONTROLLER, "HB" };
	struct roltoekenning beh = { ROL_BEHEERDER, NULL };
	struct roltoekenning ah_ander = { ROL_ACCOUNTHOUDER, "GM0377" };
	struct token_scope smal = { &ctl, true };
	struct token_scope lezen = { NULL, true };
	struct token_scope niet = { &beh, false };
	struct gebruiker u;
	bool ro = true;
	int64_t id1, id2, id3, id;
	char lang[2 * 201 + 1];

	add_hb(f);
	add_gebruiker(f, "a.nienhuis", "A.C. Nienhuis");
	add_gebruiker(f, "b.bakker", "B. Bakker");
	geef_rol(f, "a.nienhuis", ROL_ACCOUNTHOUDER, "GM0397");
	geef_rol(f, "a.nienhuis", ROL_CONTROLLER, "HB");

	OK(store_token_add(f->s, "a.nienhuis", "Rapportage", "th1", t0,
			   t0 + 30 * DAG, NULL, &id1, &f->e));
	OK(store_token_add(f->s, "a.nienhuis", "Planning", "th2", t0,
			   t0 + 30 * DAG, &smal, &id2, &f->e));
	OK(store_token_add(f->s, "a.nienhuis", "Lezer", "th3", t0,
			   t0 + 400 * DAG, &lezen, &id3, &f->e));
	assert_true(id1 > 0);
	assert_true(id2 > id1);
	assert_true(id3 > id2);
	assert_int_equal(raw_int(f, "SELECT alleen_lezen FROM token WHERE "
				    "hash = 'th2'"),
			 1);

	OK(store_token_get(f->s, &f->a, "th1", t0, &u, &ro, &f->e));
	assert_string_equal(u.gebruikersnaam, "a.nienhuis");
	assert_int_equal(u.nrollen, 2);
	assert_false(ro);
	OK(store_token_get(f->s, &f->a, "th2", t0, &u, &ro, &f->e));
	assert_int_equal(u.nrollen, 1);
	assert_int_equal(u.rollen[0].rol, ROL_CONTROLLER);
	assert_string_equal(u.rollen[0].scope, "HB");
	assert_true(ro);
	OK(store_token_get(f->s, &f->a, "th3", t0, &u, &ro, &f->e));
	assert_int_equal(u.nrollen, 2);
	assert_true(ro);
	/* Valid until one second before its end. */
	OK(store_token_get(f->s, &f->a, "th1", t0 + 30 * DAG - 1, &u, &ro,
			   &f->e));
	REFUSED(store_token_get(f->s, &f->a, "th1", t0 + 30 * DAG, &u, &ro,
				&f->e),
		ST_NOT_FOUND);
	assert_string_equal(f->e.message,
			    "Het token is onbekend, verlopen of ingetrokken.");
	REFUSED(store_token_get(f->s, &f->a, "th9", t0, &u, &ro, &f->e),
		ST_NOT_FOUND);

	/* What a new token may be: 1 to 400 days, a name, a role held. */
	REFUSED(store_token_add(f->s, "a.nienhuis", "X", "th4", t0, t0, NULL,
				&id, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "geldig", "range");
	REFUSED(store_token_add(f->s, "a.nienhuis", "X", "th4", t0,
				t0 + 400 * DAG + 1, NULL, &id, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "geldig", "range");
	REFUSED(store_token_add(f->s, "a.nienhuis", "", "th4", t0, t0 + DAG,
				NULL, &id, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "naam", "required");
	REFUSED(store_token_add(f->s, "a.nienhuis", text_of(201, lang), "th4",
				t0, t0 + DAG, NULL, &id, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "naam", "too-long");
	REFUSED(store_token_add(f->s, "a.nienhuis", "X", "th4", t0, t0 + DAG,
				&niet, &id, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "rol", "not-held");
	niet.rol = &ah_ander; /* held, but for another municipality */
	REFUSED(store_token_add(f->s, "a.nienhuis", "X", "th4", t0, t0 + DAG,
				&niet, &id, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "rol", "not-held");
	REFUSED(store_token_add(f->s, "niemand", "X", "th4", t0, t0 + DAG, NULL,
				&id, &f->e),
		ST_NOT_FOUND);

	/* Revoking: only by its own account, once. */
	REFUSED(store_token_intrekken(f->s, "b.bakker", id1, t0, &f->e),
		ST_NOT_FOUND);
	REFUSED(store_token_intrekken(f->s, "niemand", id1, t0, &f->e),
		ST_NOT_FOUND);
	OK(store_token_intrekken(f->s, "a.nienhuis", id1, t0 + 5, &f->e));
	assert_int_equal(raw_int(f, "SELECT ingetrokken FROM token WHERE "
				    "hash = 'th1'"),
			 t0 + 5);
	REFUSED(store_token_get(f->s, &f->a, "th1", t0 + 6, &u, &ro, &f->e),
		ST_NOT_FOUND);
	REFUSED(store_token_intrekken(f->s, "a.nienhuis", id1, t0 + 6, &f->e),
		ST_NOT_FOUND);

	/* A narrowed token of a role withdrawn since grants nothing. */
	OK(store_gebruiker_rol(f->s, "a.nienhuis", &ctl, true, &f->e));
	OK(store_token_get(f->s, &f->a, "th2", t0, &u, &ro, &f->e));
	assert_int_equal(u.nrollen, 0);
	assert_true(ro);
	assert_false(audit_bevat(f, "th2"));

	/* A closed account's tokens are not valid, nor new ones made. */
	OK(store_gebruiker_intrekken(f->s, "a.nienhuis", &f->e));
	REFUSED(store_token_get(f->s, &f->a, "th3", t0, &u, &ro, &f->e),
		ST_NOT_FOUND);
	REFUSED(store_token_add(f->s, "a.nienhuis", "X", "th4", t0, t0 + DAG,
				NULL, &id, &f->e),
		ST_CONFLICT);
}

/*
 * Failed logins per key: counted within a window from the first failure
 * (its last second included), blocking from `max` on for `block`
 * seconds (until, not at, its end), forgotten on request; counting never
 * raises the generation.
 */
static void
test_pogingen(void **state)
{
	struct fixture *f = *state;
	const char *k = "account:a.nienhuis";
	const int64_t t0 = NOW;
	int64_t tot, g0, g;

	OK(store_generation(f->s, STORE_FAMILIE_ALGEMEEN, &g0, &f->e));
	OK(store_poging_stand(f->s, k, t0, &tot, &f->e));
	assert_int_equal(tot, 0);
	OK(store_poging_mislukt(f->s, k, t0, 3, 900, 600, &f->e));
	OK(store_poging_mislukt(f->s, k, t0 + 10, 3, 900, 600, &f->e));
	OK(store_poging_stand(f->s, k, t0 + 10, &tot, &f->e));
	assert_int_equal(tot, 0);
	assert_int_equal(raw_int(f, "SELECT mislukt FROM inlogpoging"), 2);
	assert_int_equal(raw_int(f, "SELECT sinds FROM inlogpoging"), t0);
	OK(store_poging_mislukt(f->s, k, t0 + 20, 3, 900, 600, &f->e));
	OK(store_poging_stand(f->s, k, t0 + 20, &tot, &f->e));
	assert_int_equal(tot, t0 + 620);
	OK(store_poging_stand(f->s, k, t0 + 619, &tot, &f->e));
	assert_int_equal(tot, t0 + 620);
	OK(store_poging_stand(f->s, k, t0 + 620, &tot, &f->e));
	assert_int_equal(tot, 0);
	/* Another key counts apart. */
	OK(store_poging_stand(f->s, "net:192.0.2.0/24", t0 + 20, &tot, &f->e));
	assert_int_equal(tot, 0);

	/* The window's last second still counts; the next starts anew. */
	k = "account:b.bakker";
	OK(store_poging_mislukt(f->s, k, t0, 3, 900, 600, &f->e));
	OK(store_poging_mislukt(f->s, k, t0 + 900, 3, 900, 600, &f->e));
	assert_int_equal(raw_int(f, "SELECT mislukt FROM inlogpoging WHERE "
				    "sleutel = 'account:b.bakker'"),
			 2);
	OK(store_poging_mislukt(f->s, k, t0 + 901, 3, 900, 600, &f->e));
	assert_int_equal(raw_int(f, "SELECT mislukt FROM inlogpoging WHERE "
				    "sleutel = 'account:b.bakker'"),
			 1);
	assert_int_equal(raw_int(f, "SELECT sinds FROM inlogpoging WHERE "
				    "sleutel = 'account:b.bakker'"),
			 t0 + 901);
	OK(store_poging_stand(f->s, k, t0 + 901, &tot, &f->e));
	assert_int_equal(tot, 0);

	OK(store_generation(f->s, STORE_FAMILIE_ALGEMEEN, &g, &f->e));
	assert_int_equal(g, g0);
	assert_int_equal(count(f, "audit"), 0);

	/* Forgetting: the key is free again; an unknown key is no error. */
	OK(store_poging_wis(f->s, "account:a.nienhuis", &f->e));
	OK(store_poging_stand(f->s, "account:a.nienhuis", t0 + 21, &tot,
			      &f->e));
	assert_int_equal(tot, 0);
	assert_int_equal(count(f, "inlogpoging"), 1);
	OK(store_poging_wis(f->s, "account:niemand", &f->e));
	assert_int_equal(count(f, "inlogpoging"), 1);
}

/*
 * A key blocked stays blocked for `block` seconds, also when a failure
 * after the window of its first failure comes in meanwhile (the login
 * page counts the refused attempts of a blocked key too).
 */
static void
test_poging_blok_blijft(void **state)
{
	struct fixture *f = *state;
	const char *k = "account:a.nienhuis";
	const int64_t t0 = NOW;
	int64_t tot;

	OK(store_poging_mislukt(f->s, k, t0, 3, 900, 900, &f->e));
	OK(store_poging_mislukt(f->s, k, t0 + 800, 3, 900, 900, &f->e));
	OK(store_poging_mislukt(f->s, k, t0 + 850, 3, 900, 900, &f->e));
	OK(store_poging_stand(f->s, k, t0 + 900, &tot, &f->e));
	assert_int_equal(tot, t0 + 1750);
	OK(store_poging_mislukt(f->s, k, t0 + 901, 3, 900, 900, &f->e));
	OK(store_poging_stand(f->s, k, t0 + 902, &tot, &f->e));
	assert_int_equal(tot, t0 + 1750);
}

/*
 * The trail as read: newest first, filtered by resource and by actor,
 * paged with the total of all that match; each entry with who (or
 * "onbekend" before store_set_actor), when (store_set_clock), what, and
 * chained to the one before.
 */
static void
test_audit_lijst(void **state)
{
	struct fixture *f = *state;
	struct audit_entry *x;
	size_t n, total;

	add_gemeente(f, "GM0358", "Aalsmeer");
	store_set_actor(f->s, "a.nienhuis", "A.C. Nienhuis", "192.0.2.7");
	store_set_clock(f->s, NOW + 3600);
	add_gemeente(f, "GM0362", "Amstelveen");
	store_set_actor(f->s, "opdrachtregel:root", "root", "opdrachtregel");
	add_gemeente(f, "GM0363", "Amsterdam");
	add_gemeente(f, "GM0344", "Utrecht");

	x = alle_audit(f, &n);
	assert_int_equal(n, 4);
	assert_string_equal(x[0].resource_weergave, "GM0344");
	assert_string_equal(x[1].resource_weergave, "GM0363");
	assert_string_equal(x[2].resource_weergave, "GM0362");
	assert_string_equal(x[3].resource_weergave, "GM0358");
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(x[i].id, 4 - (int64_t)i);
	assert_string_equal(x[3].gebruikers_id, "onbekend");
	assert_string_equal(x[3].gebruikers_weergave, "onbekend");
	assert_string_equal(x[3].herkomst, "onbekend");
	assert_string_equal(x[3].aanmaakdatum, NOW_ISO);
	assert_string_equal(x[2].aanmaakdatum, "2026-11-22T10:30:00Z");
	assert_string_equal(x[2].gebruikers_id, "a.nienhuis");
	assert_string_equal(x[2].gebruikers_weergave, "A.C. Nienhuis");
	assert_string_equal(x[2].herkomst, "192.0.2.7");
	assert_string_equal(x[2].actie, "create");
	assert_string_equal(x[2].actie_weergave, "Object aangemaakt");
	assert_int_equal(x[2].resultaat, 201);
	assert_string_equal(x[2].resource, "gemeente");
	assert_string_equal(x[2].scope, "GM0362");
	assert_null(x[2].oud);
	assert_string_equal(x[2].nieuw, "{\"code\":\"GM0362\",\"naam\":"
					"\"Amstelveen\",\"provincie\":null,"
					"\"taak\":null}");
	assert_int_equal(strlen(x[2].uuid), 36);
	assert_int_equal(x[2].uuid[14], '4');
	assert_string_not_equal(x[2].uuid, x[3].uuid);
	assert_string_equal(x[3].vorige_hash, audit_genesis);
	assert_string_equal(x[2].vorige_hash, x[3].hash);
	assert_string_equal(x[0].vorige_hash, x[1].hash);

	OK(store_audit_list(f->s, &f->a, NULL, "a.nienhuis", 0, 0, &x, &n,
			    &total, &f->e));
	assert_int_equal(n, 1);
	assert_int_equal(total, 1);
	assert_string_equal(x[0].resource_weergave, "GM0362");
	OK(store_audit_list(f->s, &f->a, "gemeente", "opdrachtregel:root", 0, 0,
			    &x, &n, &total, &f->e));
	assert_int_equal(n, 2);
	assert_int_equal(total, 2);
	OK(store_audit_list(f->s, &f->a, "besluit", NULL, 0, 0, &x, &n, &total,
			    &f->e));
	assert_int_equal(n, 0);
	assert_int_equal(total, 0);
	OK(store_audit_list(f->s, &f->a, NULL, NULL, 1, 2, &x, &n, &total,
			    &f->e));
	assert_int_equal(n, 2);
	assert_int_equal(total, 4);
	assert_string_equal(x[0].resource_weergave, "GM0363");
	assert_string_equal(x[1].resource_weergave, "GM0362");
	OK(store_audit_list(f->s, &f->a, NULL, NULL, 4, 10, &x, &n, &total,
			    &f->e));
	assert_int_equal(n, 0);
	assert_int_equal(total, 4);
}

/* The resource names (resource_weergave) of the entries `z` reads, in
 * the order read, joined by spaces; checks the total too. */
static const char *
gezien(struct fixture *f, const struct zicht *z)
{
	struct audit_entry *x;
	size_t n, total;
	char buf[1024] = "";

	store_set_zicht(f->s, z);
	OK(store_audit_list(f->s, &f->a, NULL, NULL, 0, 0, &x, &n, &total,
			    &f->e));
	store_set_zicht(f->s, &zicht_alles);
	assert_int_equal(total, n);
	for (size_t i = n; i-- > 0;)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
			 "%s%s:%s", *buf ? " " : "", x[i].resource,
			 x[i].resource_weergave);
	return arena_strdup(&f->a, buf);
}

/*
 * Who reads which entries: everything (zicht.alles); else what they made
 * themselves and what is about their scopes, an entry about a decision
 * only when they may read that decision; a decision named inside an
 * entry they may read otherwise is left out of it.
 */
static void
test_audit_zicht(void **state)
{
	struct fixture *f = *state;
	static const char *const gm0397[] = { "GM0397" };
	struct zicht niemand = { .zelf = NULL };
	struct zicht zelf = { .zelf = "c.jansen" };
	struct zicht volledig = { .zelf = "x",
				  .volledig = gm0397,
				  .nvolledig = 1,
				  .scopes = gm0397,
				  .nscopes = 1 };
	struct zicht intern = { .zelf = "x",
				.intern = gm0397,
				.nintern = 1,
				.scopes = gm0397,
				.nscopes = 1 };
	struct zicht scope = { .zelf = "x", .scopes = gm0397, .nscopes = 1 };
	struct lidmaatschap l = { .gemeente = "GM0397",
				  .periode = { D("2024-01-01"), DATE_NONE },
				  .besluit = "GEHEIM-1" };
	struct audit_entry *x;
	size_t n, total;

	add_hb(f);
	add_besluit_als(f, "GEHEIM-1", "GM0397", "2023-06-01", OPENBAAR_GEHEIM);
	add_besluit_als(f, "INTERN-1", "GM0397", "2023-07-01",
			OPENBAAR_PASSIEF);
	OK(store_regeling_lid_add(f->s, "GRIT", &l, &f->e));
	store_set_actor(f->s, "c.jansen", "C. Jansen", "192.0.2.9");
	add_gemeente(f, "GM0358", "Aalsmeer");

	assert_string_equal(gezien(f, &niemand), "");
	assert_string_equal(gezien(f, NULL), "");
	assert_string_equal(gezien(f, &zelf), "gemeente:GM0358");
	assert_string_equal(gezien(f, &volledig),
			    "gemeente:GM0397 besluit:START besluit:GRIT-2021 "
			    "lidmaatschap:GM0397 besluit:GEHEIM-1 "
			    "besluit:INTERN-1 lidmaatschap:GM0397");
	assert_string_equal(gezien(f, &intern),
			    "gemeente:GM0397 besluit:START besluit:GRIT-2021 "
			    "lidmaatschap:GM0397 besluit:INTERN-1 "
			    "lidmaatschap:GM0397");
	assert_string_equal(gezien(f, &scope),
			    "gemeente:GM0397 besluit:START besluit:GRIT-2021 "
			    "lidmaatschap:GM0397 lidmaatschap:GM0397");
	assert_string_equal(gezien(f, &zicht_alles),
			    "gemeente:GM0397 gemeente:GM0377 regeling:GRIT "
			    "besluit:START besluit:GRIT-2021 samenwerking:HB "
			    "lidmaatschap:GM0397 lidmaatschap:GM0377 "
			    "besluit:GEHEIM-1 besluit:INTERN-1 "
			    "lidmaatschap:GM0397 gemeente:GM0358");

	/* The membership named the secret decision: whoever reads the
	 * entry but not the decision reads it without it. */
	store_set_zicht(f->s, &intern);
	OK(store_audit_list(f->s, &f->a, "lidmaatschap", NULL, 0, 1, &x, &n,
			    &total, &f->e));
	store_set_zicht(f->s, &zicht_alles);
	assert_int_equal(n, 1);
	assert_int_equal(total, 2);
	assert_string_equal(x[0].nieuw, "{\"gemeente\":\"GM0397\",\"van\":"
					"\"2024-01-01\",\"tot\":null,"
					"\"besluit\":null}");
	assert_int_equal(x[0].besluit, 0);
	OK(store_audit_list(f->s, &f->a, "lidmaatschap", NULL, 0, 1, &x, &n,
			    &total, &f->e));
	assert_string_equal(x[0].nieuw, "{\"gemeente\":\"GM0397\",\"van\":"
					"\"2024-01-01\",\"tot\":null,"
					"\"besluit\":\"GEHEIM-1\"}");
	assert_int_equal(x[0].besluit, besluit_nr(f, "GEHEIM-1", NULL));
}

/*
 * An event on its own (a failed login): one entry as given, its texts cut
 * to AUDIT_MAX_TEKST characters and "…", the generation left alone.
 */
static void
test_audit_event(void **state)
{
	struct fixture *f = *state;
	char lang[2 * 300 + 1], kort[2 * AUDIT_MAX_TEKST + 1];
	struct audit_entry *x;
	size_t n;
	int64_t g0, g;

	OK(store_generation(f->s, STORE_FAMILIE_ALGEMEEN, &g0, &f->e));
	store_set_actor(f->s, "anoniem", "anonieme gebruiker", "192.0.2.7");
	OK(store_audit_event(f->s, "login_mislukt", 401, "sessie", "a.nienhuis",
			     "geblokkeerd", &f->e));
	OK(store_audit_event(f->s, "geweigerd", 403, "sessie",
			     text_of(300, lang), text_of(AUDIT_MAX_TEKST, kort),
			     &f->e));
	OK(store_generation(f->s, STORE_FAMILIE_ALGEMEEN, &g, &f->e));
	assert_int_equal(g, g0);
	x = alle_audit(f, &n);
	assert_int_equal(n, 2);
	assert_string_equal(x[1].actie, "login_mislukt");
	assert_string_equal(x[1].actie_weergave, "Inloggen mislukt");
	assert_int_equal(x[1].resultaat, 401);
	assert_string_equal(x[1].resource, "sessie");
	assert_string_equal(x[1].resource_weergave, "a.nienhuis");
	assert_string_equal(x[1].toelichting, "geblokkeerd");
	assert_string_equal(x[1].gebruikers_id, "anoniem");
	assert_null(x[1].oud);
	assert_null(x[1].nieuw);
	assert_null(x[1].scope);
	assert_int_equal(x[1].besluit, 0);
	/* 200 characters stay; 300 become 200 and an ellipsis. */
	assert_string_equal(x[0].toelichting, kort);
	assert_int_equal(strlen(x[0].resource_weergave),
			 2 * AUDIT_MAX_TEKST + strlen("\u2026"));
	assert_int_equal(
		strncmp(x[0].resource_weergave, lang, 2 * AUDIT_MAX_TEKST), 0);
	assert_string_equal(x[0].resource_weergave + 2 * AUDIT_MAX_TEKST,
			    "\u2026");
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
		TEST(test_gebruiker_velden),
		TEST(test_gebruiker_geweigerd),
		TEST(test_herstelcodes),
		TEST(test_sessies),
		TEST(test_tokens),
		TEST(test_tokens_en_tweede_factor_wis),
		TEST(test_pogingen),
		TEST(test_poging_blok_blijft),
		TEST(test_audit_lijst),
		TEST(test_audit_zicht),
		TEST(test_audit_event),
	};
	return RUN_TESTS(tests);
}
