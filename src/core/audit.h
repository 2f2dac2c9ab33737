/*
 * audit.h - the audit trail: one entry per change, login, failed login or
 * refusal, with the fields of the ZGW AuditTrail plus the origin, chained
 * by hashes so that any change to a stored entry shows.
 *
 * Each entry's hash is SHA-256 over the previous entry's hash and every
 * field of the entry, each written as <length>:<bytes>; (so no two
 * different entries serialise alike). The first entry's previous hash is
 * 64 zeros. Pure: no I/O.
 */
#ifndef AMBT_CORE_AUDIT_H
#define AMBT_CORE_AUDIT_H

#include <stddef.h>
#include <stdint.h>

#define AUDIT_HASH_HEX 65 /* 64 hex digits and NUL */
/*
 * What an entry says about its object and why (resource_weergave,
 * toelichting) is kept to this many characters, with "…" after what is
 * cut off: a refusal may quote what someone sent (a user name of a
 * megabyte), and the trail is shown fifty entries to a page.
 */
#define AUDIT_MAX_TEKST 200

struct audit_entry {
	int64_t id;
	const char *uuid;
	const char *aanmaakdatum; /* UTC, "2026-11-22T08:00:00Z" */
	const char *gebruikers_id; /* user name, or "anoniem", "cli:..." */
	const char *gebruikers_weergave;
	const char *actie; /* create, update, partial_update,
					   destroy, login, login_mislukt,
					   geweigerd, logout */
	const char *actie_weergave; /* Dutch */
	int resultaat; /* HTTP-style status code */
	const char *resource; /* "besluit" */
	const char *resource_url;
	const char *resource_weergave; /* "830016" */
	const char *toelichting;
	const char *herkomst; /* origin IP, or "opdrachtregel" */
	const char *oud; /* JSON text or NULL */
	const char *nieuw; /* JSON text or NULL */
	const char *scope; /* CBS or cooperation code, or NULL; hashed only
			      when present */
	/* The store's number of the decision the entry names (the one it
	 * is about, or that a change or adoption named), 0 when none;
	 * hashed only when present. Whoever may not read that decision
	 * reads the entry without it. */
	int64_t besluit;
	char vorige_hash[AUDIT_HASH_HEX];
	char hash[AUDIT_HASH_HEX];
};

/* The hash of entry `a` after `prev_hex`, written to out (65 bytes). */
void audit_hash(const struct audit_entry *a, const char *prev_hex, char *out);

/* The previous hash of the very first entry: 64 zeros. */
extern const char audit_genesis[AUDIT_HASH_HEX];

#endif
