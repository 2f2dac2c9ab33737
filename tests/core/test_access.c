/*
 * test_access.c - roles and scopes, user names, password strength,
 * Argon2id hashing and the audit hash chain.
 */
#include <string.h>

#include "../test.h"
#include "../../src/core/access.h"
#include "../../src/core/audit.h"
#include "../../src/core/password.h"
#include "../../src/core/register.h"
#include "../../src/core/totp.h"

static void
test_roles(void **state)
{
	static const struct {
		const char *rol, *scope, *problem;
	} cases[] = {
		{ "beheerder", NULL, NULL },
		{ "beheerder", "GM0358", "not-allowed" },
		{ "controller", "HB", NULL },
		{ "controller", NULL, "required" },
		{ "controller", "hb", "format" },
		{ "accounthouder", "GM0358", NULL },
		{ "accounthouder", "HB", "format" },
		{ "planner", "GM0397", NULL },
		{ "planner", "GM0358/aalsmeer-raadhuis", NULL },
		{ "planner", "GM0358/", "format" },
		{ "planner", "GM358/aalsmeer-raadhuis", "format" },
		{ "planner", "GM0358/Raadhuis", "format" },
		{ "planner", "GM0358/a/b", "format" },
		{ "accounthouder", "GM0358/aalsmeer-raadhuis", "format" },
		{ "baliemedewerker", "GM0358/aalsmeer-raadhuis", "format" },
		{ "baliemedewerker", "", "required" },
		{ "raadslid", "GM0377", NULL },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct roltoekenning t = { .scope = cases[i].scope };
		struct err e;

		print_message("# %s %s\n", cases[i].rol,
			      cases[i].scope ? cases[i].scope : "-");
		assert_int_equal(rol_parse(cases[i].rol, &t.rol), 0);
		assert_string_equal(rol_name(t.rol), cases[i].rol);
		err_clear(&e);
		if (!cases[i].problem) {
			assert_int_equal(access_check_rol(&t, &e), ST_OK);
		} else {
			assert_int_equal(access_check_rol(&t, &e), ST_INVALID);
			assert_only_problem(&e, "scope", cases[i].problem);
		}
	}
	assert_true(rol_tweede_factor(ROL_BEHEERDER));
	assert_true(rol_tweede_factor(ROL_CONTROLLER));
	assert_false(rol_tweede_factor(ROL_RAADSLID));
	assert_int_equal(rol_scope_soort(ROL_PLANNER), SCOPE_GEMEENTE);
	enum rol r;
	assert_int_equal(rol_parse("wethouder", &r), -1);
}

static void
test_scope_split(void **state)
{
	char cbs[REG_CBS_CODE_LEN + 1];
	const char *v = "x";

	(void)state;
	assert_true(access_scope_split("GM0358", cbs, sizeof(cbs), &v));
	assert_string_equal(cbs, "GM0358");
	assert_null(v);
	assert_true(access_scope_split("GM0358/aalsmeer-raadhuis", cbs,
				       sizeof(cbs), &v));
	assert_string_equal(cbs, "GM0358");
	assert_string_equal(v, "aalsmeer-raadhuis");
	assert_false(access_scope_split("GM03580/x", cbs, sizeof(cbs), &v));
	assert_false(access_scope_split(NULL, cbs, sizeof(cbs), &v));
	assert_null(v);
}

static void
test_names(void **state)
{
	static const struct {
		const char *name;
		int ok;
	} cases[] = {
		{ "a.nienhuis", 1 }, { "jan_de-vries2", 1 },
		{ "ab", 0 },	     { "1jan", 0 },
		{ "Jan", 0 },	     { "jan de vries", 0 },
		{ "", 0 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct err e;

		err_clear(&e);
		assert_int_equal(access_check_gebruikersnaam(cases[i].name, &e),
				 cases[i].ok ? ST_OK : ST_INVALID);
	}
}

static void
test_passwords(void **state)
{
	static const struct {
		const char *pw, *problem;
	} cases[] = {
		{ "paard-batterij-nietje", NULL },
		{ "Kort1!", "too-short" },
		{ "aaaaaaaaaaaaaaaa", "too-simple" },
		{ "abababababab1212", "too-simple" },
		{ "Wachtwoord2024!", "common" },
		{ "welkom01welkom01", NULL },
		{ "Gemeente123456", "common" },
		{ "jan.devries-zomerhuis", "contains-name" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct err e;

		print_message("# %s\n", cases[i].pw);
		err_clear(&e);
		if (!cases[i].problem) {
			assert_int_equal(access_check_wachtwoord(cases[i].pw,
								 "jan.devries",
								 &e),
					 ST_OK);
		} else {
			assert_int_equal(access_check_wachtwoord(cases[i].pw,
								 "jan.devries",
								 &e),
					 ST_INVALID);
			assert_only_problem(&e, "wachtwoord", cases[i].problem);
			/* The message never repeats the password. */
			assert_null(strstr(e.problems[0].reason, cases[i].pw));
		}
	}
}

static void
test_hashing(void **state)
{
	char h1[PASSWORD_HASH_MAX], h2[PASSWORD_HASH_MAX], gen[32];
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(password_hash("paard-batterij-nietje", h1, &e), ST_OK);
	assert_int_equal(password_hash("paard-batterij-nietje", h2, &e), ST_OK);
	assert_int_equal(strncmp(h1, "$argon2id$", 10), 0);
	assert_string_not_equal(h1, h2); /* salted */
	assert_true(password_verify(h1, "paard-batterij-nietje"));
	assert_false(password_verify(h1, "paard-batterij-nietjes"));
	assert_false(password_verify("$argon2id$kapot", "x"));
	password_generate(gen, sizeof(gen));
	assert_int_equal(strlen(gen), 23);
	assert_int_equal(gen[5], '-');
	/* The generator never uses i, l or o, so this name cannot occur in
	 * it by chance. */
	err_clear(&e);
	assert_int_equal(access_check_wachtwoord(gen, "lilo", &e), ST_OK);
}

/* RFC 6238, appendix B (SHA-1), last six digits. */
static void
test_totp(void **state)
{
	const char *secret =
		"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; /* "1234567890"x2 */
	char code[8], fresh[TOTP_SECRET_B32];

	(void)state;
	assert_true(totp_code(secret, 59, code));
	assert_string_equal(code, "287082");
	assert_true(totp_code(secret, 1111111109, code));
	assert_string_equal(code, "081804");
	assert_true(totp_code(secret, 2000000000, code));
	assert_string_equal(code, "279037");
	assert_true(totp_check(secret, 1111111109, "081804"));
	/* One step of drift either way, not two. */
	assert_true(totp_check(secret, 1111111109 + 30, "081804"));
	assert_true(totp_check(secret, 1111111109 - 30, "081804"));
	assert_false(totp_check(secret, 1111111109 + 90, "081804"));
	assert_false(totp_check(secret, 1111111109, "081805"));
	assert_false(totp_check(secret, 1111111109, "81804"));
	assert_false(totp_check(secret, 1111111109, "08180a"));
	assert_false(totp_check(NULL, 1111111109, "081804"));
	/* The step a code belongs to, also when it is one step off. */
	int64_t stap = 0;
	assert_true(totp_check_stap(secret, 1111111109, "081804", &stap));
	assert_int_equal(stap, 37037036);
	stap = 0;
	assert_true(totp_check_stap(secret, 1111111109 + 30, "081804", &stap));
	assert_int_equal(stap, 37037036);
	stap = 0;
	assert_true(totp_check_stap(secret, 1111111109 - 30, "081804", &stap));
	assert_int_equal(stap, 37037036);
	assert_true(totp_code(secret, 1111111109 + 30, code));
	assert_true(totp_check_stap(secret, 1111111109, code, &stap));
	assert_int_equal(stap, 37037037);
	totp_new_secret(fresh);
	assert_int_equal(strlen(fresh), 32);
	assert_true(totp_code(fresh, 1700000000, code));
	assert_true(totp_check(fresh, 1700000000, code));
}

/* Counting per network: /24 and /64, however the address is written. */
static void
test_netwerk(void **state)
{
	char out[ACCESS_NETWERK_LEN];

	(void)state;
	access_netwerk("192.0.2.77", out);
	assert_string_equal(out, "192.0.2.0/24");
	access_netwerk("::ffff:192.0.2.77", out);
	assert_string_equal(out, "192.0.2.0/24");
	access_netwerk("2001:db8:1:2:3:4:5:6", out);
	assert_string_equal(out, "2001:db8:1:2::/64");
	access_netwerk("2001:db8:1:2::9", out);
	assert_string_equal(out, "2001:db8:1:2::/64");
	access_netwerk("2001:db8::1", out);
	assert_string_equal(out, "2001:db8::/64");
	access_netwerk("opdrachtregel", out);
	assert_string_equal(out, "opdrachtregel");
	access_netwerk(NULL, out);
	assert_string_equal(out, "");
}

static void
test_audit_chain(void **state)
{
	struct audit_entry a = {
		.id = 1,
		.uuid = "6f1c0c2e-0000-4000-8000-000000000001",
		.aanmaakdatum = "2026-11-22T08:00:00Z",
		.gebruikers_id = "a.nienhuis",
		.gebruikers_weergave = "A.C. Nienhuis",
		.actie = "create",
		.actie_weergave = "Object aangemaakt",
		.resultaat = 201,
		.resource = "besluit",
		.resource_weergave = "830016",
		.herkomst = "127.0.0.1",
		.nieuw = "{\"status\":\"vastgesteld\"}",
	};
	char h1[AUDIT_HASH_HEX], h2[AUDIT_HASH_HEX], h3[AUDIT_HASH_HEX];

	(void)state;
	audit_hash(&a, audit_genesis, h1);
	assert_int_equal(strlen(h1), 64);
	audit_hash(&a, audit_genesis, h2);
	assert_string_equal(h1, h2); /* deterministic */
	/* Every field counts: one changed byte, another hash. */
	a.nieuw = "{\"status\":\"vastgesteld \"}";
	audit_hash(&a, audit_genesis, h3);
	assert_string_not_equal(h1, h3);
	a.nieuw = "{\"status\":\"vastgesteld\"}";
	a.resultaat = 200;
	audit_hash(&a, audit_genesis, h3);
	assert_string_not_equal(h1, h3);
	a.resultaat = 201;
	/* The previous hash counts. */
	audit_hash(&a, h1, h3);
	assert_string_not_equal(h1, h3);
	/* NULL and "" are different. */
	a.toelichting = "";
	audit_hash(&a, audit_genesis, h3);
	assert_string_not_equal(h1, h3);
	/* Moving bytes between fields changes the hash. */
	struct audit_entry b = a, c = a;
	b.toelichting = NULL;
	b.resource = "besluit";
	b.resource_weergave = "830016";
	c.toelichting = NULL;
	c.resource = "besluit8";
	c.resource_weergave = "30016";
	audit_hash(&b, audit_genesis, h2);
	audit_hash(&c, audit_genesis, h3);
	assert_string_not_equal(h2, h3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_scope_split),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_passwords),
		cmocka_unit_test(test_hashing),
		cmocka_unit_test(test_totp),
		cmocka_unit_test(test_netwerk),
		cmocka_unit_test(test_audit_chain),
	};
	return RUN_TESTS(tests);
}
