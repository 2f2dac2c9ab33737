/*
 * access.c - roles, scopes, user names and password strength.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "access.h"
#include "afspraak.h"
#include "register.h"
#include "../banned.h"

static const char *const rol_names[ROL_COUNT] = {
	"beheerder", "controller",	"accounthouder",
	"planner",   "baliemedewerker", "raadslid",
};

const char *
rol_name(enum rol r)
{
	return (unsigned)r < ROL_COUNT ? rol_names[r] : "?";
}

int
rol_parse(const char *s, enum rol *out)
{
	for (int i = 0; s && i < ROL_COUNT; i++)
		if (strcmp(rol_names[i], s) == 0) {
			*out = (enum rol)i;
			return 0;
		}
	return -1;
}

enum scope_soort
rol_scope_soort(enum rol r)
{
	switch (r) {
	case ROL_BEHEERDER:
		return SCOPE_INSTALLATIE;
	case ROL_CONTROLLER:
		return SCOPE_SAMENWERKING;
	default:
		return SCOPE_GEMEENTE;
	}
}

bool
rol_tweede_factor(enum rol r)
{
	return r == ROL_BEHEERDER || r == ROL_CONTROLLER;
}

enum status
access_check_rol(const struct roltoekenning *t, struct err *e)
{
	if ((unsigned)t->rol >= ROL_COUNT)
		return err_invalid(e, "rol", "enum",
				   "Kies beheerder, controller, accounthouder, "
				   "planner, baliemedewerker of raadslid.");
	switch (rol_scope_soort(t->rol)) {
	case SCOPE_INSTALLATIE:
		if (t->scope && *t->scope)
			return err_invalid(e, "scope", "not-allowed",
					   "Een beheerder beheert de hele "
					   "installatie; noem geen gemeente of "
					   "samenwerking.");
		return ST_OK;
	case SCOPE_SAMENWERKING:
		if (!t->scope || !*t->scope)
			return err_invalid(e, "scope", "required",
					   "Noem de samenwerking van de "
					   "controller, bijvoorbeeld HB.");
		return reg_check_short_code(t->scope, "scope", e);
	case SCOPE_GEMEENTE: {
		char cbs[REG_CBS_CODE_LEN + 1];
		const char *vestiging = NULL;

		if (!t->scope || !*t->scope)
			return err_invalid(
				e, "scope", "required",
				"Noem de gemeente (CBS-code) waarvoor "
				"deze rol geldt.");
		if (!strchr(t->scope, ACCESS_SCOPE_VESTIGING))
			return reg_check_cbs_code(t->scope, "scope", e);
		if (t->rol != ROL_PLANNER)
			return err_invalid(e, "scope", "format",
					   "Alleen een planner kan bij een "
					   "vestiging horen; noem voor de rol "
					   "%s alleen de gemeente (CBS-code).",
					   rol_name(t->rol));
		if (!access_scope_split(t->scope, cbs, sizeof(cbs),
					&vestiging) ||
		    reg_check_cbs_code(cbs, "scope", NULL) != ST_OK ||
		    afspraak_check_code(vestiging, "scope", NULL) != ST_OK)
			return err_invalid(e, "scope", "format",
					   "Noem de gemeente, of de gemeente "
					   "en een vestiging, zoals GM0358 of "
					   "GM0358/aalsmeer-raadhuis.");
		return ST_OK;
	}
	}
	return ST_OK;
}

bool
access_scope_split(const char *scope, char *cbs, size_t n,
		   const char **vestiging)
{
	const char *slash =
		scope ? strchr(scope, ACCESS_SCOPE_VESTIGING) : NULL;
	size_t len = !scope  ? 0
		     : slash ? (size_t)(slash - scope)
			     : strlen(scope);

	*vestiging = slash ? slash + 1 : NULL;
	if (!scope || len >= n)
		return false;
	memcpy(cbs, scope, len);
	cbs[len] = '\0';
	return true;
}

enum status
access_check_gebruikersnaam(const char *s, struct err *e)
{
	size_t n = s ? strlen(s) : 0;

	if (n == 0)
		return err_invalid(e, "gebruikersnaam", "required",
				   "Vul een gebruikersnaam in.");
	if (n < 3 || n > 64 || !(s[0] >= 'a' && s[0] <= 'z') ||
	    strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789._-") != n)
		return err_invalid(e, "gebruikersnaam", "format",
				   "Een gebruikersnaam heeft 3 tot 64 kleine "
				   "letters, cijfers, punten, streepjes of "
				   "lage streepjes en begint met een letter.");
	return ST_OK;
}

/* The most common passwords (lowercase), after the public breach lists. */
static const char *const common[] = {
	"123456789012", "password",  "wachtwoord", "qwertyuiop",    "welkom",
	"welkom01",	"iloveyou",  "admin",	   "administrator", "letmein",
	"zomer",	"winter",    "voorjaar",   "najaar",	    "gemeente",
	"ambtenaar",	"qwerty",    "abc123",	   "monkey",	    "dragon",
	"football",	"baseball",  "sunshine",   "princess",	    "passw0rd",
	"wachtw00rd",	"geheim",    "azerty",	   "1q2w3e4r5t6y",  "trustno1",
	"welcome",	"changeme",  "veranderen", "nederland",	    "amsterdam",
	"ajax",		"feyenoord", "psv",
};

/* Lowercased password without trailing digits and punctuation. */
static void
stem(const char *pw, char *out, size_t n)
{
	size_t len = strlen(pw), i;

	if (len >= n)
		len = n - 1;
	for (i = 0; i < len; i++)
		out[i] = (char)tolower((unsigned char)pw[i]);
	out[len] = '\0';
	while (len > 0 && (isdigit((unsigned char)out[len - 1]) ||
			   ispunct((unsigned char)out[len - 1])))
		out[--len] = '\0';
}

enum status
access_check_wachtwoord(const char *pw, const char *gebruikersnaam,
			struct err *e)
{
	char s[160], lower[160];
	size_t n = pw ? strlen(pw) : 0, distinct = 0;
	bool seen[256] = { false };

	if (n < 12)
		return err_invalid(e, "wachtwoord", "too-short",
				   "Een wachtwoord heeft ten minste 12 tekens; "
				   "een zin van een paar woorden is sterk en "
				   "goed te onthouden.");
	if (n > 128)
		return err_invalid(
			e, "wachtwoord", "too-long",
			"Een wachtwoord heeft hoogstens 128 tekens.");
	for (size_t i = 0; i < n; i++)
		if (!seen[(unsigned char)pw[i]]) {
			seen[(unsigned char)pw[i]] = true;
			distinct++;
		}
	if (distinct < 5)
		return err_invalid(e, "wachtwoord", "too-simple",
				   "Dit wachtwoord herhaalt te weinig "
				   "verschillende tekens.");
	stem(pw, s, sizeof(s));
	for (size_t i = 0; i < sizeof(common) / sizeof(common[0]); i++)
		if (strcmp(s, common[i]) == 0)
			return err_invalid(e, "wachtwoord", "common",
					   "Dit wachtwoord staat in de lijsten "
					   "van veelgebruikte wachtwoorden; "
					   "kies een ander.");
	for (size_t i = 0; i < n && i < sizeof(lower) - 1; i++)
		lower[i] = (char)tolower((unsigned char)pw[i]);
	lower[n < sizeof(lower) - 1 ? n : sizeof(lower) - 1] = '\0';
	if (gebruikersnaam && strlen(gebruikersnaam) >= 3 &&
	    strstr(lower, gebruikersnaam))
		return err_invalid(e, "wachtwoord", "contains-name",
				   "Het wachtwoord bevat de gebruikersnaam.");
	return ST_OK;
}

const struct zicht zicht_alles = { .alles = true };

bool
zicht_heeft(const char *const *list, size_t n, const char *code)
{
	for (size_t i = 0; code && i < n; i++)
		if (list[i] && strcmp(list[i], code) == 0)
			return true;
	return false;
}

bool
zicht_besluit(const struct zicht *z, const char *org, enum openbaarheid o,
	      enum besluit_status st)
{
	if (o == OPENBAAR_ACTIEF &&
	    (st == BESLUIT_VASTGESTELD || st == BESLUIT_INGETROKKEN))
		return true;
	if (!z)
		return false;
	return z->alles || zicht_heeft(z->volledig, z->nvolledig, org) ||
	       (o != OPENBAAR_GEHEIM &&
		zicht_heeft(z->intern, z->nintern, org));
}

bool
zicht_beheert(const struct zicht *z, const char *samenwerking)
{
	return z &&
	       (z->alles || zicht_heeft(z->beheer, z->nbeheer, samenwerking));
}

bool
zicht_cijfers(const struct zicht *z, const char *samenwerking,
	      const char *const *leden, size_t nleden)
{
	if (zicht_beheert(z, samenwerking))
		return true;
	for (size_t i = 0; z && i < nleden; i++)
		if (zicht_heeft(z->lezen, z->nlezen, leden[i]))
			return true;
	return false;
}

/*
 * Mask an address to its /24 (IPv4, also written as an IPv4-mapped IPv6
 * address) or /64 (IPv6) and write it as CIDR.
 */
void
access_netwerk(const char *herkomst, char *out)
{
	static const unsigned char mapped[12] = { 0, 0, 0, 0, 0,    0,
						  0, 0, 0, 0, 0xff, 0xff };
	unsigned char raw[16];
	char text[INET6_ADDRSTRLEN];
	const char *h = herkomst ? herkomst : "";
	bool v4 = inet_pton(AF_INET, h, raw) == 1;

	if (!v4 && inet_pton(AF_INET6, h, raw) == 1 &&
	    memcmp(raw, mapped, sizeof(mapped)) == 0) {
		memmove(raw, raw + 12, 4);
		v4 = true;
	}
	if (v4) {
		raw[3] = 0;
		inet_ntop(AF_INET, raw, text, sizeof(text));
		snprintf(out, ACCESS_NETWERK_LEN, "%s/24", text);
	} else if (inet_pton(AF_INET6, h, raw) == 1) {
		memset(raw + 8, 0, 8);
		inet_ntop(AF_INET6, raw, text, sizeof(text));
		snprintf(out, ACCESS_NETWERK_LEN, "%s/64", text);
	} else {
		snprintf(out, ACCESS_NETWERK_LEN, "%s", h);
	}
}
