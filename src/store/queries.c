/*
 * queries.c - the SQL text of every statement the store runs.
 *
 * Parameters only ($n), never string-built SQL. Dates are ISO text so that
 * text comparison is date comparison.
 */
#include <stddef.h>

#include "queries.h"
#include "../banned.h"

/*
 * `kolom` is one of the codes in parameter `p`: a text of codes each
 * between commas (",GM0358,GM0362,"; NULL: none), made by the store.
 * Codes hold no comma, '%' or '_', so LIKE finds exactly them; both
 * engines read it the same.
 */
#define IN_LIJST(kolom, p) \
	"coalesce(CAST(" p " AS TEXT), '') LIKE '%,' || " kolom " || ',%'"

/*
 * The decision filters: a NULL parameter means "any". $7 is a search
 * phrase matched case-insensitively (ASCII) in onderwerp, toelichting and
 * identificatie.
 */
#define BESLUIT_FILTER                                                  \
	"WHERE (CAST($1 AS TEXT) IS NULL OR o.code = $1) "              \
	"AND (CAST($2 AS TEXT) IS NULL OR b.bestuursorgaan = $2) "      \
	"AND (CAST($3 AS TEXT) IS NULL OR b.status = $3) "              \
	"AND (CAST($4 AS TEXT) IS NULL OR b.openbaarheid = $4) "        \
	"AND (CAST($5 AS TEXT) IS NULL OR b.datum >= $5) "              \
	"AND (CAST($6 AS TEXT) IS NULL OR b.datum < $6) "               \
	"AND (CAST($7 AS TEXT) IS NULL OR lower(b.onderwerp || ' ' || " \
	"coalesce(b.toelichting, '') || ' ' || b.identificatie) "       \
	"LIKE '%' || lower(CAST($7 AS TEXT)) || '%' ESCAPE '!') "       \
	"AND ($8 = 1 OR (b.openbaarheid = 'actief_openbaar' AND "       \
	"b.status IN ('vastgesteld', 'ingetrokken')) OR "               \
	"" IN_LIJST("o.code", "$9") " OR "                              \
				    "(b.openbaarheid <> 'geheim' AND "  \
				    "" IN_LIJST("o.code", "$10") "))"

/*
 * Which audit entries a reader may see: $3 = 1 for all; otherwise those
 * the reader made ($4) and those about the scopes in the list $5 — an
 * entry about a decision only when the reader may read that decision
 * (the visibility of BESLUIT_FILTER: $6 the municipalities whose
 * decisions they read in full, $7 all but the secret ones), or of a
 * decision no longer there when it was of a municipality in $6.
 */
#define BESLUIT_LEESBAAR                                               \
	"((b.openbaarheid = 'actief_openbaar' AND "                    \
	"b.status IN ('vastgesteld', 'ingetrokken')) OR "              \
	"" IN_LIJST("o.code", "$6") " OR "                             \
				    "(b.openbaarheid <> 'geheim' AND " \
				    "" IN_LIJST("o.code", "$7") "))"
/* The decision an entry names may be read ($3-$7 as AUDIT_ZICHT). */
#define AUDIT_BESLUIT_LEESBAAR                           \
	"EXISTS (SELECT 1 FROM besluit b "               \
	"JOIN organisatie o ON o.id = b.organisatie_id " \
	"WHERE b.id = audit.besluit_id AND " BESLUIT_LEESBAAR ")"
#define AUDIT_ZICHT                                                                                   \
	"AND ($3 = 1 OR gebruikers_id = $4 OR "                                                       \
	"(" IN_LIJST(                                                                                 \
		"scope",                                                                              \
		"$5") " AND "                                                                         \
		      "(resource <> 'besluit' OR "                                                    \
		      "" IN_LIJST(                                                                    \
			      "scope",                                                                \
			      "$6") " OR "                                                            \
				    "(besluit_id IS NOT NULL AND " AUDIT_BESLUIT_LEESBAAR             \
				    ") OR "                                                           \
				    "(besluit_id IS NULL AND EXISTS (SELECT 1 FROM besluit b "        \
				    "JOIN organisatie o ON o.id = b.organisatie_id "                  \
				    "WHERE o.code = audit.scope AND "                                 \
				    "b.identificatie = audit.resource_weergave AND " BESLUIT_LEESBAAR \
				    "))))) "

/*
 * A reference to a decision from the row alias `b` (LEFT JOINed): the
 * five columns read_besluit_ref() reads, so that the store can leave out
 * what the reader may not see. Needs "LEFT JOIN organisatie bo ON bo.id =
 * b.organisatie_id".
 */
#define BESLUIT_REF \
	"b.identificatie, bo.code, b.openbaarheid, b.status, b.onderwerp"
#define BESLUIT_REF_JOIN \
	" LEFT JOIN organisatie bo ON bo.id = b.organisatie_id "

/*
 * Every person-day of batch $1 in [$2, $3] that is over 24 hours (a
 * week's row over 168) with the other current batches: the first row,
 * the staff number, the day, whether a week, the sum, and the other
 * batches as a list (`lijst`, spelled per engine).
 */
#define UREN_DAG_OVER(lijst)                                               \
	"SELECT min(CASE WHEN u.batch_id = $1 THEN u.regel END), "         \
	"m.nummer, u.datum, u.week, sum(u.honderdsten), " lijst " "        \
	"FROM uren u "                                                     \
	"JOIN uren_batch b ON b.id = u.batch_id AND b.vervangen_door IS "  \
	"NULL "                                                            \
	"JOIN medewerker m ON m.id = u.medewerker_id "                     \
	"WHERE u.datum BETWEEN $2 AND $3 "                                 \
	"GROUP BY u.medewerker_id, m.nummer, u.datum, u.week "             \
	"HAVING sum(CASE WHEN u.batch_id = $1 THEN 1 ELSE 0 END) > 0 AND " \
	"sum(u.honderdsten) > CASE WHEN u.week <> 0 THEN 16800 ELSE 2400 " \
	"END ORDER BY 1 LIMIT 33"

/*
 * A new row's id: one more than the highest, as SQLite gives a rowid, and
 * so on PostgreSQL too (its sequences skip the numbers of refused
 * writes). Safe because a write transaction holds the writers' lock
 * (BEGIN IMMEDIATE; pg_advisory_xact_lock), and the same on both engines:
 * a batch, a calculation or a token has the same number wherever it is
 * stored.
 */
#define NIEUW_ID(t) "(SELECT coalesce(max(id), 0) + 1 FROM " t "), "

/*
 * Appointments. A roster entry or a booking lasts at most a local day
 * (25 hours on the autumn Sunday) and its buffer (2 hours): whatever
 * overlaps an instant T started after T minus this many seconds, which
 * bounds each range on the indexes on (..., start_utc) from both sides.
 */
#define AFSPRAAK_LENGSTE "97200"

/* Locations of municipality $1 (code), code $2, channel $3 (NULL: any). */
#define VEST_FILTER                                            \
	"JOIN organisatie g ON g.id = v.gemeente_id "          \
	"WHERE (CAST($1 AS TEXT) IS NULL OR g.code = $1) AND " \
	"(CAST($2 AS TEXT) IS NULL OR v.code = $2) AND "       \
	"(CAST($3 AS TEXT) IS NULL OR v.kanaal = $3) "

/* A roster entry as read (store_dienst_get, store_dienst_list). */
#define DIENST_KOLOMMEN                                                    \
	"d.id, m.nummer, m.naam, s.code, v.code, g.code, d.datum, d.van, " \
	"d.tot, d.vaardigheden, d.reeks_id FROM dienst d "                 \
	"JOIN medewerker m ON m.id = d.medewerker_id "                     \
	"JOIN samenwerking s ON s.id = m.samenwerking_id "                 \
	"JOIN vestiging v ON v.id = d.vestiging_id "                       \
	"JOIN organisatie g ON g.id = v.gemeente_id"

/* The locations a search covers: municipality $1 (id), channel $2, and
 * location $3 (id; NULL: all of them). */
#define ZOEK_VESTIGING                              \
	"v.gemeente_id = $1 AND v.kanaal = $2 AND " \
	"(CAST($3 AS BIGINT) IS NULL OR v.id = $3)"

/* The roster at those locations overlapping [$4, $5). */
#define DIENST_ZOEK                                                                     \
	"FROM dienst d JOIN vestiging v ON v.id = d.vestiging_id WHERE " ZOEK_VESTIGING \
	" AND d.start_utc > CAST($4 AS BIGINT) - " AFSPRAAK_LENGSTE                     \
	" AND d.start_utc < $5 AND d.eind_utc > $4 "

/* What a booking holds: its staff member, location, desk and
 * [start, end + buffer). */
#define BEZET_KOLOMMEN                                            \
	"a.medewerker_id, a.vestiging_id, a.balie, a.start_utc, " \
	"a.eind_utc + 60 * a.buffer"
#define BEZET_TIJD                                                     \
	"a.status <> 'geannuleerd' AND a.id <> $6 AND "                \
	"a.start_utc > CAST($4 AS BIGINT) - " AFSPRAAK_LENGSTE " AND " \
	"a.start_utc < $5 AND a.eind_utc + 60 * a.buffer > $4"

/* An appointment as read (afspraak_lees in store_afspraak.c). */
#define AFSPRAAK_KOLOMMEN                                                     \
	"a.id, a.referentie, g.code, v.code, v.naam, v.kanaal, a.start_utc, " \
	"a.eind_utc, m.nummer, a.balie, a.status, a.naam, a.email, "          \
	"a.telefoon, a.volgnummer, a.aangemaakt, a.gewijzigd, "               \
	"a.gemeente_id, a.vestiging_id, a.medewerker_id, a.buffer, "          \
	"a.inloop, a.status_utc, a.uren_id"
#define AFSPRAAK_VAN                                                   \
	" FROM afspraak a JOIN organisatie g ON g.id = a.gemeente_id " \
	"JOIN vestiging v ON v.id = a.vestiging_id "                   \
	"LEFT JOIN medewerker m ON m.id = a.medewerker_id "
#define AFSPRAAK_DAG                                             \
	"a.gemeente_id = $1 AND (CAST($2 AS BIGINT) IS NULL OR " \
	"a.vestiging_id = $2) AND a.start_utc >= $3 AND a.start_utc < $4 "

static const char *const texts[Q__COUNT] = {
	[Q_SCHEMA_TABEL] = "SELECT count(*) FROM sqlite_master WHERE type = "
			   "'table' AND name = 'schema_version'",
	[Q_FK_CHECK] = "PRAGMA foreign_key_check",
	[Q_INTEGRITY] = "PRAGMA integrity_check",
	[Q_SCHEMA_VERSION_GET] = "SELECT version FROM schema_version",
	[Q_SCHEMA_VERSION_SET] = "UPDATE schema_version SET version = $1",
	/* A family's generation includes 'algemeen' (store.h). */
	[Q_GENERATIE_GET] = "SELECT CAST(coalesce(sum(n), 0) AS BIGINT) FROM "
			    "generatie WHERE familie IN ('algemeen', $1)",
	[Q_GENERATIE_BUMP] = "UPDATE generatie SET n = n + 1 "
			     "WHERE familie = 'algemeen'",
	[Q_GENERATIE_FAMILIE_BUMP] =
		"INSERT INTO generatie (familie, n) VALUES ($1, 1) "
		"ON CONFLICT (familie) DO UPDATE SET n = generatie.n + 1",

	[Q_ORG_INSERT] =
		"INSERT INTO organisatie (id, soort, code, naam, provincie, taak, "
		"verzonnen) VALUES (" NIEUW_ID(
			"organisatie") "$1, $2, $3, $4, $5, $6)",
	[Q_ORG_ID] = "SELECT id, soort FROM organisatie WHERE code = $1",
	[Q_ORG_GET] =
		"SELECT o.id, o.soort, o.code, o.naam, o.provincie, o.taak, "
		"o.verzonnen, i.aantal, i.peildatum FROM organisatie o "
		"LEFT JOIN inwonertal i ON i.organisatie_id = o.id AND "
		"i.peildatum = (SELECT max(peildatum) FROM inwonertal "
		"WHERE organisatie_id = o.id) WHERE o.code = $1",
	[Q_ORG_LIST] =
		"SELECT o.id, o.soort, o.code, o.naam, o.provincie, o.taak, "
		"o.verzonnen, i.aantal, i.peildatum FROM organisatie o "
		"LEFT JOIN inwonertal i ON i.organisatie_id = o.id AND "
		"i.peildatum = (SELECT max(peildatum) FROM inwonertal "
		"WHERE organisatie_id = o.id) WHERE o.soort = $1 "
		"ORDER BY o.naam, o.code",
	[Q_INWONERTAL_UPSERT] =
		"INSERT INTO inwonertal (organisatie_id, peildatum, aantal, bron) "
		"VALUES ($1, $2, $3, $4) ON CONFLICT (organisatie_id, peildatum) "
		"DO UPDATE SET aantal = excluded.aantal, bron = excluded.bron",
	[Q_INWONERTAL_LIST] = "SELECT peildatum, aantal, bron FROM inwonertal "
			      "WHERE organisatie_id = $1 ORDER BY peildatum",
	[Q_REGELING_LID_INSERT] =
		"INSERT INTO regeling_lid (id, regeling_id, gemeente_id, van, tot, "
		"besluit_id) VALUES (" NIEUW_ID(
			"regeling_lid") "$1, $2, $3, $4, $5)",
	[Q_REGELING_LEDEN] =
		"SELECT l.id, g.code, g.naam, l.van, l.tot, " BESLUIT_REF " "
		"FROM regeling_lid l JOIN organisatie g ON g.id = l.gemeente_id "
		"LEFT JOIN besluit b ON b.id = l.besluit_id " BESLUIT_REF_JOIN
		"WHERE l.regeling_id = $1 ORDER BY l.van, g.naam, l.id",

	[Q_BESLUIT_INSERT] =
		"INSERT INTO besluit (id, identificatie, organisatie_id, "
		"bestuursorgaan, datum, ingangsdatum, vervaldatum, vervalreden, "
		"publicatiedatum, onderwerp, toelichting, portefeuillehouder, "
		"afdeling, openbaarheid, geheim_tot, status, gegenereerd_jaar, "
		"gegenereerd_nummer, verzonnen) VALUES (" NIEUW_ID(
			"besluit") "$1, $2, $3, $4, $5, $6, "
				   "$7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id",
	/* The decisions with identificatie $1 (of organisation $2) that a
	 * register change may name: those of the members of cooperation $3
	 * and the joint bodies they are in, and of organisations $4, $5. */
	[Q_BESLUIT_KANDIDATEN] =
		"SELECT b.id, o.code, b.openbaarheid, b.status FROM besluit b "
		"JOIN organisatie o ON o.id = b.organisatie_id "
		"WHERE b.identificatie = $1 AND (CAST($2 AS TEXT) IS NULL OR o.code = $2) "
		"AND ((CAST($3 AS BIGINT) IS NULL AND CAST($4 AS TEXT) IS NULL) OR o.code IN ($4, $5) OR "
		"b.organisatie_id IN ("
		"SELECT gemeente_id FROM samenwerking_lid WHERE samenwerking_id = $3 "
		"UNION SELECT r.regeling_id FROM regeling_lid r "
		"JOIN samenwerking_lid l ON l.gemeente_id = r.gemeente_id "
		"WHERE l.samenwerking_id = $3)) ORDER BY b.id",
	[Q_BESLUIT_NEXT_NUMMER] =
		"INSERT INTO besluit_volgnummer (jaar, laatste) VALUES ($1, 1) "
		"ON CONFLICT (jaar) DO UPDATE SET laatste = "
		"besluit_volgnummer.laatste + 1 "
		"RETURNING laatste",
	[Q_BESLUIT_GET] =
		"SELECT b.id, b.identificatie, o.code, o.naam, b.bestuursorgaan, "
		"b.datum, b.ingangsdatum, b.vervaldatum, b.vervalreden, "
		"b.publicatiedatum, b.onderwerp, b.toelichting, "
		"b.portefeuillehouder, b.afdeling, b.openbaarheid, b.geheim_tot, "
		"b.status, b.verzonnen FROM besluit b "
		"JOIN organisatie o ON o.id = b.organisatie_id "
		"WHERE b.id = $1",
	[Q_BESLUIT_ZOEK] =
		"SELECT b.id, b.identificatie, o.code, o.naam, b.bestuursorgaan, "
		"b.datum, b.ingangsdatum, b.vervaldatum, b.vervalreden, "
		"b.publicatiedatum, b.onderwerp, b.toelichting, "
		"b.portefeuillehouder, b.afdeling, b.openbaarheid, b.geheim_tot, "
		"b.status, b.verzonnen FROM besluit b "
		"JOIN organisatie o ON o.id = b.organisatie_id "
		"WHERE b.identificatie = $1 AND (CAST($2 AS TEXT) IS NULL OR o.code = $2) "
		"ORDER BY o.code",
	[Q_BESLUIT_BESTAAT] =
		"SELECT 1 FROM besluit WHERE organisatie_id = $1 AND "
		"identificatie = $2",
	[Q_BESLUIT_LIST] =
		"SELECT b.id, b.identificatie, o.code, o.naam, b.bestuursorgaan, "
		"b.datum, b.ingangsdatum, b.vervaldatum, b.vervalreden, "
		"b.publicatiedatum, b.onderwerp, b.toelichting, "
		"b.portefeuillehouder, b.afdeling, b.openbaarheid, b.geheim_tot, "
		"b.status, b.verzonnen FROM besluit b "
		"JOIN organisatie o ON o.id = b.organisatie_id " BESLUIT_FILTER
		" "
		"ORDER BY b.datum DESC, b.identificatie, b.id LIMIT $11 OFFSET $12",
	[Q_BESLUIT_COUNT] =
		"SELECT count(*) FROM besluit b "
		"JOIN organisatie o ON o.id = b.organisatie_id "
		"WHERE (CAST($1 AS TEXT) IS NULL OR o.code = $1) "
		"AND (CAST($2 AS TEXT) IS NULL OR b.bestuursorgaan = $2) "
		"AND (CAST($3 AS TEXT) IS NULL OR b.status = $3) "
		"AND (CAST($4 AS TEXT) IS NULL OR b.openbaarheid = $4) "
		"AND (CAST($5 AS TEXT) IS NULL OR b.datum >= $5) "
		"AND (CAST($6 AS TEXT) IS NULL OR b.datum < $6) "
		"AND (CAST($7 AS TEXT) IS NULL OR lower(b.onderwerp || ' ' || "
		"coalesce(b.toelichting, '') || ' ' || b.identificatie) "
		"LIKE '%' || lower(CAST($7 AS TEXT)) || '%' ESCAPE '!') "
		"AND ($8 = 1 OR (b.openbaarheid = 'actief_openbaar' AND "
		"b.status IN ('vastgesteld', 'ingetrokken')) OR "
		"" IN_LIJST("o.code", "$9") " OR "
					    "(b.openbaarheid <> 'geheim' AND "
					    "" IN_LIJST("o.code", "$10") "))",
	[Q_BESLUIT_SET_STATUS] =
		"UPDATE besluit SET status = $2, datum = coalesce($3, datum) "
		"WHERE id = $1",
	[Q_BESLUIT_UPDATE] =
		"UPDATE besluit SET ingangsdatum = $2, vervaldatum = $3, "
		"vervalreden = $4, publicatiedatum = $5, onderwerp = $6, "
		"toelichting = $7, portefeuillehouder = $8, afdeling = $9, "
		"openbaarheid = $10, geheim_tot = $11 WHERE id = $1",
	[Q_BESLUIT_LINKS] =
		"SELECT (SELECT count(*) FROM inrichting WHERE besluit_id = $1) + "
		"(SELECT count(*) FROM samenwerking_lid WHERE besluit_id = $1) + "
		"(SELECT count(*) FROM regeling_lid WHERE besluit_id = $1) + "
		"(SELECT count(*) FROM kader_versie WHERE besluit_id = $1)",
	[Q_BESLUIT_DELETE_STAPPEN] =
		"DELETE FROM besluit_stap WHERE besluit_id = $1",
	[Q_BESLUIT_DELETE] = "DELETE FROM besluit WHERE id = $1",
	[Q_BESLUIT_STAP_INSERT] =
		"INSERT INTO besluit_stap (besluit_id, volgnummer, status, datum, "
		"toelichting) VALUES ($1, $2, $3, $4, $5)",
	[Q_BESLUIT_STAPPEN] =
		"SELECT status, datum, toelichting FROM besluit_stap "
		"WHERE besluit_id = $1 ORDER BY volgnummer",
	[Q_BESLUIT_WIJZIGINGEN] =
		"SELECT 'inrichting', s.code, e.code, e.naam, i.vorm, "
		"coalesce(g.naam, r.naam), i.van FROM inrichting i "
		"JOIN eenheid e ON e.id = i.eenheid_id "
		"JOIN samenwerking s ON s.id = e.samenwerking_id "
		"LEFT JOIN organisatie g ON g.id = i.gemeente_id "
		"LEFT JOIN organisatie r ON r.id = i.regeling_id "
		"WHERE i.besluit_id = $1 "
		"UNION ALL SELECT 'lidmaatschap', s.code, g.code, g.naam, NULL, "
		"NULL, l.van FROM samenwerking_lid l "
		"JOIN samenwerking s ON s.id = l.samenwerking_id "
		"JOIN organisatie g ON g.id = l.gemeente_id WHERE l.besluit_id = $1 "
		"UNION ALL SELECT 'kaderartikel', s.code, "
		"CAST(k.nummer AS TEXT), k.titel, NULL, NULL, v.van "
		"FROM kader_versie v JOIN kader_artikel k ON k.id = v.artikel_id "
		"JOIN samenwerking s ON s.id = k.samenwerking_id "
		"WHERE v.besluit_id = $1 ORDER BY 7, 1, 2, 3, 4",

	[Q_SW_INSERT] =
		"INSERT INTO samenwerking (id, code, naam, sinds, centrumgemeente_id, "
		"omschrijving) VALUES (" NIEUW_ID(
			"samenwerking") "$1, $2, $3, $4, $5)",
	[Q_SW_ID] = "SELECT id, sinds FROM samenwerking WHERE code = $1",
	[Q_SW_GET] = "SELECT s.id, s.code, s.naam, s.sinds, g.code, g.naam, "
		     "s.omschrijving FROM samenwerking s "
		     "LEFT JOIN organisatie g ON g.id = s.centrumgemeente_id "
		     "WHERE s.code = $1",
	[Q_SW_LIST] = "SELECT s.id, s.code, s.naam, s.sinds, g.code, g.naam, "
		      "s.omschrijving FROM samenwerking s "
		      "LEFT JOIN organisatie g ON g.id = s.centrumgemeente_id "
		      "ORDER BY s.code",
	[Q_SW_LID_INSERT] =
		"INSERT INTO samenwerking_lid (id, samenwerking_id, gemeente_id, van, "
		"tot, besluit_id) VALUES (" NIEUW_ID(
			"samenwerking_lid") "$1, $2, $3, $4, $5)",
	[Q_SW_LEDEN] =
		"SELECT l.id, g.code, g.naam, l.van, l.tot, " BESLUIT_REF " "
		"FROM samenwerking_lid l JOIN organisatie g ON g.id = l.gemeente_id "
		"LEFT JOIN besluit b ON b.id = l.besluit_id " BESLUIT_REF_JOIN
		"WHERE l.samenwerking_id = $1 ORDER BY l.van, g.naam, l.id",

	[Q_EENHEID_INSERT] =
		"INSERT INTO eenheid (id, samenwerking_id, code, naam, soort, "
		"omschrijving, verzonnen) VALUES (" NIEUW_ID(
			"eenheid") "$1, $2, $3, $4, $5, $6) RETURNING id",
	[Q_EENHEID_ID] =
		"SELECT e.id, s.code FROM eenheid e "
		"JOIN samenwerking s ON s.id = e.samenwerking_id WHERE e.code = $1",
	[Q_EENHEID_GET] =
		"SELECT e.id, e.code, e.naam, e.soort, s.code, e.omschrijving, "
		"e.verzonnen FROM eenheid e "
		"JOIN samenwerking s ON s.id = e.samenwerking_id WHERE e.code = $1",
	[Q_EENHEID_LIST] =
		"SELECT e.id, e.code, e.naam, e.soort, s.code, e.omschrijving, "
		"e.verzonnen FROM eenheid e "
		"JOIN samenwerking s ON s.id = e.samenwerking_id "
		"WHERE s.code = $1 ORDER BY e.naam, e.code",
	[Q_EENHEID_LIST_ALL] =
		"SELECT e.id, e.code, e.naam, e.soort, s.code, e.omschrijving, "
		"e.verzonnen FROM eenheid e "
		"JOIN samenwerking s ON s.id = e.samenwerking_id "
		"ORDER BY s.code, e.naam, e.code",
	[Q_INRICHTING_INSERT] =
		"INSERT INTO inrichting (id, eenheid_id, van, tot, vorm, gemeente_id, "
		"regeling_id, besluit_id) VALUES (" NIEUW_ID(
			"inrichting") "$1, $2, $3, $4, $5, $6, $7)",
	[Q_INRICHTING_HIST] =
		"SELECT i.id, i.van, i.tot, i.vorm, g.code, g.naam, r.code, "
		"r.naam, " BESLUIT_REF " FROM inrichting i "
		"LEFT JOIN organisatie g ON g.id = i.gemeente_id "
		"LEFT JOIN organisatie r ON r.id = i.regeling_id "
		"LEFT JOIN besluit b ON b.id = i.besluit_id " BESLUIT_REF_JOIN
		"WHERE i.eenheid_id = $1 ORDER BY i.van, i.id",
	[Q_INRICHTING_CLOSE] = "UPDATE inrichting SET tot = $2 WHERE id = $1",
	[Q_INRICHTING_OP] =
		"SELECT e.id, e.code, e.naam, e.soort, s.code, e.omschrijving, "
		"e.verzonnen, i.id, i.van, i.tot, i.vorm, g.code, g.naam, r.code, "
		"r.naam, " BESLUIT_REF " FROM eenheid e "
		"JOIN samenwerking s ON s.id = e.samenwerking_id "
		"LEFT JOIN inrichting i ON i.eenheid_id = e.id AND i.van <= $2 "
		"AND (i.tot IS NULL OR i.tot > $2) "
		"LEFT JOIN organisatie g ON g.id = i.gemeente_id "
		"LEFT JOIN organisatie r ON r.id = i.regeling_id "
		"LEFT JOIN besluit b ON b.id = i.besluit_id " BESLUIT_REF_JOIN
		"WHERE s.code = $1 ORDER BY e.naam, e.code",

	[Q_KADER_ARTIKEL_INSERT] =
		"INSERT INTO kader_artikel (id, samenwerking_id, nummer, titel) "
		"VALUES (" NIEUW_ID("kader_artikel") "$1, $2, $3) RETURNING id",
	[Q_KADER_VERSIE_INSERT] =
		"INSERT INTO kader_versie (id, artikel_id, van, tot, tekst, besluit_id) "
		"VALUES (" NIEUW_ID(
			"kader_versie") "$1, $2, $3, $4, $5) RETURNING id",
	[Q_KADER_EENHEID_INSERT] =
		"INSERT INTO kader_eenheid (versie_id, eenheid_id) VALUES ($1, $2)",
	[Q_KADER_ARTIKELEN] =
		"SELECT k.id, k.nummer, k.titel FROM kader_artikel k "
		"JOIN samenwerking s ON s.id = k.samenwerking_id "
		"WHERE s.code = $1 ORDER BY k.nummer",
	[Q_KADER_VERSIES] =
		"SELECT v.id, v.van, v.tot, v.tekst, " BESLUIT_REF " "
		"FROM kader_versie v LEFT JOIN besluit b ON b.id = v.besluit_id " BESLUIT_REF_JOIN
		"WHERE v.artikel_id = $1 AND (CAST($2 AS TEXT) IS NULL OR (v.van <= $2 AND "
		"(v.tot IS NULL OR v.tot > $2))) ORDER BY v.van, v.id",
	[Q_KADER_EENHEDEN] =
		"SELECT e.code FROM kader_eenheid ke "
		"JOIN eenheid e ON e.id = ke.eenheid_id WHERE ke.versie_id = $1 "
		"ORDER BY e.code",

	[Q_WERKSTROOM_INSERT] =
		"INSERT INTO werkstroom (id, samenwerking_id, code, naam, eigenaar, "
		"omschrijving) VALUES (" NIEUW_ID(
			"werkstroom") "$1, $2, $3, $4, $5) RETURNING id",
	[Q_WERKSTROOM_LIST] =
		"SELECT w.id, w.code, w.naam, w.eigenaar, w.omschrijving, s.code "
		"FROM werkstroom w JOIN samenwerking s ON s.id = w.samenwerking_id "
		"WHERE s.code = $1 ORDER BY w.id",
	[Q_WERKSTROOM_LIST_ALL] =
		"SELECT w.id, w.code, w.naam, w.eigenaar, w.omschrijving, s.code "
		"FROM werkstroom w JOIN samenwerking s ON s.id = w.samenwerking_id "
		"ORDER BY s.code, w.id",
	[Q_MIJLPAAL_INSERT] =
		"INSERT INTO mijlpaal (id, werkstroom_id, naam, gepland, status, "
		"uitkomst, verzonnen) VALUES (" NIEUW_ID(
			"mijlpaal") "$1, $2, $3, $4, $5, $6)",
	[Q_MIJLPALEN] =
		"SELECT id, naam, gepland, status, uitkomst, verzonnen "
		"FROM mijlpaal WHERE werkstroom_id = $1 ORDER BY gepland, id",

	[Q_TAAKVELD_INSERT] =
		"INSERT INTO taakveld (code, volgorde, naam, hoofdtaakveld, "
		"hoofdtaakveld_naam, eerste_jaar, laatste_jaar) "
		"VALUES ($1, (SELECT coalesce(max(volgorde), 0) + 1 FROM taakveld), "
		"$2, $3, $4, $5, $6)",
	[Q_TAAKVELD_LIST] =
		"SELECT code, naam, hoofdtaakveld, hoofdtaakveld_naam, "
		"eerste_jaar, laatste_jaar FROM taakveld "
		"WHERE CAST($1 AS BIGINT) IS NULL OR ((eerste_jaar IS NULL OR eerste_jaar <= $1) "
		"AND (laatste_jaar IS NULL OR laatste_jaar >= $1)) "
		"ORDER BY volgorde",

	[Q_AUDIT_LAST] = "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
	[Q_AUDIT_INSERT] =
		"INSERT INTO audit (id, uuid, aanmaakdatum, gebruikers_id, "
		"gebruikers_weergave, actie, actie_weergave, resultaat, resource, "
		"resource_url, resource_weergave, toelichting, herkomst, oud, "
		"nieuw, vorige_hash, hash, scope, besluit_id) VALUES ($1, $2, $3, "
		"$4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
		"$18, $19)",
#define AUDIT_COLUMNS                                                         \
	"id, uuid, aanmaakdatum, gebruikers_id, gebruikers_weergave, actie, " \
	"actie_weergave, resultaat, resource, resource_url, "                 \
	"resource_weergave, toelichting, herkomst, oud, nieuw, "              \
	"vorige_hash, hash, scope, besluit_id"
	[Q_AUDIT_ALL] = "SELECT " AUDIT_COLUMNS " FROM audit ORDER BY id",
	/* The last column: whether the reader may read the decision the
	 * entry names (else it is shown without it). */
	[Q_AUDIT_LIST] =
		"SELECT " AUDIT_COLUMNS ", CASE WHEN besluit_id IS "
		"NULL OR $3 = 1 OR gebruikers_id = $4 OR " AUDIT_BESLUIT_LEESBAAR
		" THEN 1 ELSE 0 END FROM audit "
		"WHERE (CAST($1 AS TEXT) IS NULL OR resource = $1) "
		"AND (CAST($2 AS TEXT) IS NULL OR gebruikers_id = $2) " AUDIT_ZICHT
		"ORDER BY id DESC LIMIT $8 OFFSET $9",
	[Q_AUDIT_COUNT] =
		"SELECT count(*) FROM audit "
		"WHERE (CAST($1 AS TEXT) IS NULL OR resource = $1) "
		"AND (CAST($2 AS TEXT) IS NULL OR gebruikers_id = $2) " AUDIT_ZICHT,
	[Q_GEBRUIKER_INSERT] =
		"INSERT INTO gebruiker (id, gebruikersnaam, naam, email, "
		"wachtwoord_hash, aangemaakt) VALUES (" NIEUW_ID(
			"gebruiker") "$1, $2, $3, $4, $5)",
	[Q_GEBRUIKER_GET] =
		"SELECT id, gebruikersnaam, naam, email, aangemaakt, ingetrokken, "
		"wachtwoord_hash, totp_geheim FROM gebruiker "
		"WHERE gebruikersnaam = $1",
	[Q_GEBRUIKER_LIST] =
		"SELECT id, gebruikersnaam, naam, email, aangemaakt, ingetrokken, "
		"NULL, CASE WHEN totp_geheim IS NULL THEN 0 ELSE 1 END FROM gebruiker "
		"ORDER BY gebruikersnaam",
	[Q_GEBRUIKER_ROLLEN] = "SELECT rol, scope FROM gebruiker_rol "
			       "WHERE gebruiker_id = $1 ORDER BY rol, scope",
	[Q_GEBRUIKER_ROL_INSERT] =
		"INSERT INTO gebruiker_rol (gebruiker_id, rol, scope) "
		"VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
	[Q_GEBRUIKER_ROL_DELETE] = "DELETE FROM gebruiker_rol WHERE "
				   "gebruiker_id = $1 AND rol = $2 AND "
				   "scope = $3",
	[Q_GEBRUIKER_INTREKKEN] =
		"UPDATE gebruiker SET ingetrokken = $2 WHERE id = $1 AND "
		"ingetrokken IS NULL",
	[Q_GEBRUIKER_WACHTWOORD] =
		"UPDATE gebruiker SET wachtwoord_hash = $2 WHERE id = $1",
	[Q_SESSIE_INSERT] =
		"INSERT INTO sessie (hash, gebruiker_id, csrf, aangemaakt, "
		"laatst_gebruikt, herkomst) VALUES ($1, $2, $3, $4, $4, $5)",
	[Q_SESSIE_GET] =
		"SELECT g.gebruikersnaam, s.csrf, s.aangemaakt, "
		"s.laatst_gebruikt, g.ingetrokken FROM sessie s "
		"JOIN gebruiker g ON g.id = s.gebruiker_id WHERE s.hash = $1",
	[Q_SESSIE_TOUCH] = "UPDATE sessie SET laatst_gebruikt = $2 "
			   "WHERE hash = $1",
	[Q_SESSIE_DELETE] = "DELETE FROM sessie WHERE hash = $1",
	[Q_SESSIE_DELETE_GEBRUIKER] =
		"DELETE FROM sessie WHERE gebruiker_id = $1",
	[Q_TOKEN_INSERT] =
		"INSERT INTO token (id, hash, gebruiker_id, naam, aangemaakt, "
		"verloopt, rol, scope, alleen_lezen) VALUES (" NIEUW_ID(
			"token") "$1, $2, $3, $4, $5, "
				 "$6, $7, $8) RETURNING id",
	[Q_TOKEN_GET] =
		"SELECT g.gebruikersnaam, t.rol, t.scope, t.alleen_lezen "
		"FROM token t "
		"JOIN gebruiker g ON g.id = t.gebruiker_id WHERE t.hash = $1 "
		"AND t.ingetrokken IS NULL AND t.verloopt > $2 "
		"AND g.ingetrokken IS NULL",
	[Q_TOKEN_REVOKE] =
		"UPDATE token SET ingetrokken = $3 WHERE id = $2 AND "
		"gebruiker_id = $1 AND ingetrokken IS NULL",
	[Q_TOKEN_LIST] =
		"SELECT t.id, t.naam, t.aangemaakt, t.verloopt, t.ingetrokken, "
		"t.rol, t.scope, t.alleen_lezen FROM token t "
		"JOIN gebruiker g ON g.id = t.gebruiker_id "
		"WHERE g.gebruikersnaam = $1 ORDER BY t.id",
	[Q_GEBRUIKER_LAATSTE_LOGIN] =
		"SELECT MAX(aanmaakdatum) FROM audit WHERE resource = 'sessie' "
		"AND resource_weergave = $1 AND actie = 'login'",
	[Q_POGING_GET] = "SELECT mislukt, sinds, geblokkeerd_tot FROM "
			 "inlogpoging WHERE sleutel = $1",
	[Q_POGING_UPSERT] =
		"INSERT INTO inlogpoging (sleutel, mislukt, sinds, "
		"geblokkeerd_tot) VALUES ($1, $2, $3, $4) ON CONFLICT (sleutel) "
		"DO UPDATE SET mislukt = excluded.mislukt, sinds = "
		"excluded.sinds, geblokkeerd_tot = excluded.geblokkeerd_tot",
	[Q_POGING_DELETE] = "DELETE FROM inlogpoging WHERE sleutel = $1",
	/* Ended windows of refusals counted per network, other than $2
	 * ("weigering:" up to "weigering;" is that prefix, on the key). */
	[Q_WEIGERING_AFGELOPEN] =
		"SELECT sleutel, mislukt, sinds FROM inlogpoging WHERE "
		"sleutel >= 'weigering:' AND sleutel < 'weigering;' AND "
		"sinds <= $1 AND sleutel <> $2 ORDER BY sleutel LIMIT 32",
	[Q_TOTP_SET] = "UPDATE gebruiker SET totp_geheim = $2, totp_stap = "
		       "NULL WHERE id = $1",
	[Q_TOTP_WIS] = "UPDATE gebruiker SET totp_geheim = NULL, totp_stap = "
		       "NULL WHERE id = $1 AND totp_geheim IS NOT NULL",
	[Q_TOTP_STAP] = "UPDATE gebruiker SET totp_stap = $2 WHERE id = $1 AND "
			"(totp_stap IS NULL OR totp_stap < $2)",
	[Q_HERSTEL_DELETE] = "DELETE FROM herstelcode WHERE gebruiker_id = $1",
	[Q_HERSTEL_INSERT] =
		"INSERT INTO herstelcode (gebruiker_id, hash) VALUES ($1, $2)",
	[Q_HERSTEL_USE] =
		"UPDATE herstelcode SET gebruikt = $3 WHERE gebruiker_id = $1 AND "
		"hash = $2 AND gebruikt IS NULL",
	/* ---- staff and hours ---- */
	[Q_MW_INSERT] =
		"INSERT INTO medewerker (id, nummer, naam, werkgever_id, eenheid_id, "
		"standplaats, fte, van, tot, bron_batch_id, samenwerking_id) "
		"VALUES (" NIEUW_ID(
			"medewerker") "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
	[Q_MW_BESTAAT] = "SELECT 1 FROM medewerker WHERE samenwerking_id = $1 "
			 "AND nummer = $2",
	[Q_MW_UPDATE] =
		"UPDATE medewerker SET naam = $2, werkgever_id = $3, eenheid_id "
		"= $4, standplaats = $5, fte = $6, van = $7, tot = $8, "
		"bron_batch_id = $9 WHERE nummer = $1 AND samenwerking_id = $10",
	/* Staff of cooperation $1 (NULL: all), matching $2, number $3, that
	 * the reader keeps ($4 = 1: all; else the cooperations in $5). */
	[Q_MW_LIST] =
		"SELECT m.id, m.nummer, m.naam, w.code, w.naam, e.code, e.naam, "
		"m.standplaats, m.fte, m.van, m.tot, m.bron_batch_id, sw.code "
		"FROM medewerker m "
		"JOIN samenwerking sw ON sw.id = m.samenwerking_id "
		"LEFT JOIN organisatie w ON w.id = m.werkgever_id "
		"LEFT JOIN eenheid e ON e.id = m.eenheid_id "
		"WHERE (CAST($1 AS TEXT) IS NULL OR sw.code = $1) "
		"AND (CAST($2 AS TEXT) IS NULL OR lower(m.nummer) LIKE '%' || "
		"lower(CAST($2 AS TEXT)) || '%' ESCAPE '!' OR lower(m.naam) LIKE "
		"'%' || lower(CAST($2 AS TEXT)) || '%' ESCAPE '!') "
		"AND (CAST($3 AS TEXT) IS NULL OR m.nummer = $3) "
		"AND ($4 = 1 OR " IN_LIJST("sw.code",
					   "$5") ") "
						 "ORDER BY m.nummer, sw.code",
	[Q_UREN_BATCH_BY_HASH] =
		"SELECT id FROM uren_batch WHERE hash = $1 AND samenwerking_id = "
		"$2 AND vervangen_door IS NULL",
	[Q_UREN_BATCH_INSERT] =
		"INSERT INTO uren_batch (id, hash, bestand, ingelezen, door, rijen, "
		"honderdsten, medewerkers, gemeenten, afwijkingen, van, tot) "
		"VALUES (" NIEUW_ID(
			"uren_batch") "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
	[Q_UREN_BATCH_AFRONDEN] =
		"UPDATE uren_batch SET hash = $2, rijen = $3, honderdsten = $4, "
		"medewerkers = $5, gemeenten = $6, afwijkingen = $7, van = $8, "
		"tot = $9, eerste_id = $10, laatste_id = $11, samenwerking_id = "
		"$12 WHERE id = $1",
	/* Batch $1 (NULL: all) that the reader keeps ($2 = 1: all; else the
	 * cooperations in $3). */
	[Q_UREN_BATCH_LIST] =
		"SELECT b.id, b.hash, b.bestand, b.ingelezen, b.door, b.rijen, "
		"b.honderdsten, b.medewerkers, b.gemeenten, b.afwijkingen, b.van, "
		"b.tot, b.vervangen_door, b.eerste_id, b.laatste_id, sw.code, "
		"b.bron FROM uren_batch b LEFT JOIN samenwerking sw ON sw.id = "
		"b.samenwerking_id WHERE (CAST($1 AS BIGINT) IS NULL OR b.id = $1) "
		"AND ($2 = 1 OR " IN_LIJST("sw.code",
					   "$3") ") "
						 "ORDER BY b.id DESC",
	[Q_UREN_BATCH_VERVANG] =
		"UPDATE uren_batch SET vervangen_door = $2 WHERE id = $1",
	[Q_UREN_DELETE_RANGE] = "DELETE FROM uren WHERE id BETWEEN $1 AND $2",
	[Q_UREN_CEL_DELETE] = "DELETE FROM uren_cel WHERE batch_id = $1",
	[Q_UREN_MAX_ID] = "SELECT coalesce(max(id), 0) FROM uren",
	[Q_UREN_CEL_INSERT] =
		"INSERT INTO uren_cel (batch_id, eenheid_id, gemeente_id, datum, "
		"honderdsten, rijen) VALUES ($1, $2, $3, $4, $5, $6)",
	[Q_UREN_OVERLAP] =
		"SELECT count(*) FROM uren_batch WHERE vervangen_door IS NULL AND "
		"id <> $1 AND van <= $3 AND tot >= $2",
	[Q_UREN_DAG_OVER] = UREN_DAG_OVER("group_concat(DISTINCT CASE WHEN "
					  "u.batch_id <> $1 THEN u.batch_id "
					  "END)"),
	[Q_UREN_MAANDEN] =
		"SELECT g.code, g.naam, e.code, e.naam, "
		"CAST(substr(c.datum, 1, 4) AS INTEGER), "
		"CAST(substr(c.datum, 6, 2) AS INTEGER), sum(c.honderdsten), "
		"sum(c.rijen) FROM uren_cel c "
		"JOIN uren_batch b ON b.id = c.batch_id AND b.vervangen_door IS "
		"NULL "
		"JOIN eenheid e ON e.id = c.eenheid_id "
		"JOIN samenwerking sw ON sw.id = e.samenwerking_id "
		"JOIN organisatie g ON g.id = c.gemeente_id "
		"WHERE (CAST($1 AS TEXT) IS NULL OR sw.code = $1) AND c.datum >= $2 AND "
		"c.datum < $3 "
		"GROUP BY g.code, g.naam, e.code, e.naam, "
		"CAST(substr(c.datum, 1, 4) AS INTEGER), "
		"CAST(substr(c.datum, 6, 2) AS INTEGER) "
		"ORDER BY g.code, e.code, 5, 6",
	[Q_UREN_LAATSTE_JAAR] =
		"SELECT max(CAST(substr(c.datum, 1, 4) AS INTEGER)) FROM uren_cel c "
		"JOIN uren_batch b ON b.id = c.batch_id AND b.vervangen_door IS "
		"NULL "
		"JOIN eenheid e ON e.id = c.eenheid_id "
		"JOIN samenwerking sw ON sw.id = e.samenwerking_id "
		"WHERE CAST($1 AS TEXT) IS NULL OR sw.code = $1",
	[Q_UREN_CELLEN] =
		"SELECT c.eenheid_id, c.gemeente_id, c.datum, sum(c.honderdsten), "
		"sum(c.rijen) FROM uren_cel c "
		"JOIN uren_batch b ON b.id = c.batch_id AND b.vervangen_door IS "
		"NULL "
		"JOIN eenheid e ON e.id = c.eenheid_id "
		"JOIN samenwerking sw ON sw.id = e.samenwerking_id "
		"WHERE (CAST($1 AS TEXT) IS NULL OR sw.code = $1) AND c.datum >= $2 AND "
		"(CAST($3 AS TEXT) IS NULL OR c.datum < $3) "
		"GROUP BY c.eenheid_id, c.gemeente_id, c.datum",
	/* ---- the contribution calculation (store_kosten.c) ---- */
	[Q_KP_LIST] =
		"SELECT kp.code, e.code, kp.kostensoort, kp.taakveld, kp.bedrag, "
		"kp.datum FROM kostenpost kp "
		"JOIN eenheid e ON e.id = kp.eenheid_id "
		"JOIN samenwerking sw ON sw.id = kp.samenwerking_id "
		"WHERE sw.code = $1 AND kp.jaar = $2 ORDER BY kp.code",
	[Q_KP_DELETE] =
		"DELETE FROM kostenpost WHERE samenwerking_id = $1 AND jaar = $2",
	[Q_KP_INSERT] =
		"INSERT INTO kostenpost (id, samenwerking_id, jaar, code, eenheid_id, "
		"kostensoort, taakveld, bedrag, datum) "
		"VALUES (" NIEUW_ID(
			"kostenpost") "$1, $2, $3, $4, $5, $6, $7, $8)",
	[Q_KP_UPSERT] =
		"INSERT INTO kostenpost (id, samenwerking_id, jaar, code, eenheid_id, "
		"kostensoort, taakveld, bedrag, datum) "
		"VALUES (" NIEUW_ID(
			"kostenpost") "$1, $2, $3, $4, $5, $6, $7, $8) "
				      "ON CONFLICT (samenwerking_id, jaar, code) DO UPDATE SET "
				      "eenheid_id = excluded.eenheid_id, "
				      "kostensoort = excluded.kostensoort, "
				      "taakveld = excluded.taakveld, bedrag = excluded.bedrag, "
				      "datum = excluded.datum",
	[Q_KP_DELETE_ONE] =
		"DELETE FROM kostenpost WHERE samenwerking_id = $1 AND jaar = $2 "
		"AND code = $3",
	[Q_KP_VASTGESTELD] =
		"SELECT id FROM kostenverdeling WHERE samenwerking_id = $1 "
		"AND jaar = $2 AND vastgesteld IS NOT NULL ORDER BY id LIMIT 1",
	[Q_KR_LIST] =
		"SELECT e.code, r.ondersteunend, r.grondslag, r.taakveld, "
		"r.volgorde FROM kostenrol r JOIN eenheid e ON e.id = r.eenheid_id "
		"JOIN samenwerking sw ON sw.id = e.samenwerking_id "
		"WHERE sw.code = $1 AND r.jaar = $2 ORDER BY e.code",
	[Q_KR_UPSERT] =
		"INSERT INTO kostenrol (eenheid_id, jaar, ondersteunend, "
		"grondslag, taakveld, volgorde) VALUES ($1, $2, $3, $4, $5, $6) "
		"ON CONFLICT (eenheid_id, jaar) DO UPDATE SET "
		"ondersteunend = excluded.ondersteunend, "
		"grondslag = excluded.grondslag, taakveld = excluded.taakveld, "
		"volgorde = excluded.volgorde",
	[Q_KL_LIST] =
		"SELECT v.code, a.code, l.gewicht FROM kostenlevering l "
		"JOIN eenheid v ON v.id = l.van_id "
		"JOIN eenheid a ON a.id = l.aan_id "
		"JOIN samenwerking sw ON sw.id = v.samenwerking_id "
		"WHERE sw.code = $1 AND l.jaar = $2 ORDER BY v.code, a.code",
	[Q_KL_UPSERT] =
		"INSERT INTO kostenlevering (van_id, aan_id, jaar, gewicht) "
		"VALUES ($1, $2, $3, $4) ON CONFLICT (van_id, aan_id, jaar) "
		"DO UPDATE SET gewicht = excluded.gewicht",
	[Q_KL_DELETE] = "DELETE FROM kostenlevering WHERE van_id = $1 "
			"AND aan_id = $2 AND jaar = $3",
	[Q_KG_LIST] =
		"SELECT e.code, o.code, g.gewicht FROM kostengewicht g "
		"JOIN eenheid e ON e.id = g.eenheid_id "
		"JOIN organisatie o ON o.id = g.gemeente_id "
		"JOIN samenwerking sw ON sw.id = e.samenwerking_id "
		"WHERE sw.code = $1 AND g.jaar = $2 ORDER BY e.code, o.code",
	[Q_KG_UPSERT] =
		"INSERT INTO kostengewicht (eenheid_id, gemeente_id, jaar, "
		"gewicht) VALUES ($1, $2, $3, $4) "
		"ON CONFLICT (eenheid_id, gemeente_id, jaar) "
		"DO UPDATE SET gewicht = excluded.gewicht",
	[Q_KG_DELETE] = "DELETE FROM kostengewicht WHERE eenheid_id = $1 "
			"AND gemeente_id = $2 AND jaar = $3",
	[Q_MW_KV_LIST] =
		"SELECT o.code, e.code, m.honderdsten, m.tarief FROM maatwerk m "
		"JOIN eenheid e ON e.id = m.eenheid_id "
		"JOIN organisatie o ON o.id = m.gemeente_id "
		"JOIN samenwerking sw ON sw.id = e.samenwerking_id "
		"WHERE sw.code = $1 AND m.jaar = $2 ORDER BY e.code, o.code",
	[Q_MW_KV_UPSERT] =
		"INSERT INTO maatwerk (eenheid_id, gemeente_id, jaar, honderdsten, "
		"tarief) VALUES ($1, $2, $3, $4, $5) "
		"ON CONFLICT (eenheid_id, gemeente_id, jaar) "
		"DO UPDATE SET honderdsten = excluded.honderdsten, "
		"tarief = excluded.tarief",
	[Q_MW_KV_DELETE] = "DELETE FROM maatwerk WHERE eenheid_id = $1 "
			   "AND gemeente_id = $2 AND jaar = $3",
	[Q_VS_LIST] = "SELECT o.code, v.bedrag FROM voorschot v "
		      "JOIN organisatie o ON o.id = v.gemeente_id "
		      "JOIN samenwerking sw ON sw.id = v.samenwerking_id "
		      "WHERE sw.code = $1 AND v.jaar = $2 ORDER BY o.code",
	[Q_VS_UPSERT] =
		"INSERT INTO voorschot (samenwerking_id, jaar, gemeente_id, "
		"bedrag) VALUES ($1, $2, $3, $4) "
		"ON CONFLICT (samenwerking_id, jaar, gemeente_id) "
		"DO UPDATE SET bedrag = excluded.bedrag",
	[Q_VS_DELETE] = "DELETE FROM voorschot WHERE samenwerking_id = $1 "
			"AND gemeente_id = $2 AND jaar = $3",
	[Q_KM_GET] = "SELECT m.methode FROM kostenmethode m "
		     "JOIN samenwerking sw ON sw.id = m.samenwerking_id "
		     "WHERE sw.code = $1 AND m.jaar = $2",
	[Q_KM_UPSERT] =
		"INSERT INTO kostenmethode (samenwerking_id, jaar, methode) "
		"VALUES ($1, $2, $3) ON CONFLICT (samenwerking_id, jaar) "
		"DO UPDATE SET methode = excluded.methode",
	[Q_SC_LIST] =
		"SELECT s.id, sw.code, s.jaar, s.naam, s.omschrijving "
		"FROM scenario s JOIN samenwerking sw ON sw.id = s.samenwerking_id "
		"WHERE (CAST($1 AS TEXT) IS NULL OR sw.code = $1) AND (CAST($2 AS BIGINT) IS NULL OR s.jaar = $2) "
		"AND (CAST($3 AS TEXT) IS NULL OR s.naam = $3) ORDER BY sw.code, s.jaar, s.naam",
	[Q_SC_INSERT] =
		"INSERT INTO scenario (id, samenwerking_id, jaar, naam, omschrijving) "
		"VALUES (" NIEUW_ID("scenario") "$1, $2, $3, $4) RETURNING id",
	[Q_SC_DELETE] = "DELETE FROM scenario WHERE id = $1",
	[Q_SCW_LIST] = "SELECT w.soort, e.code, o.code, w.vanaf, w.grondslag, "
		       "w.kostenpost, w.bedrag FROM scenario_wijziging w "
		       "LEFT JOIN eenheid e ON e.id = w.eenheid_id "
		       "LEFT JOIN organisatie o ON o.id = w.gemeente_id "
		       "WHERE w.scenario_id = $1 ORDER BY w.id",
	[Q_SCW_INSERT] =
		"INSERT INTO scenario_wijziging (id, scenario_id, soort, eenheid_id, "
		"gemeente_id, vanaf, grondslag, kostenpost, bedrag) "
		"VALUES (" NIEUW_ID(
			"scenario_wijziging") "$1, $2, $3, $4, $5, $6, $7, $8)",
	[Q_SCW_DELETE] =
		"DELETE FROM scenario_wijziging WHERE scenario_id = $1",
	[Q_KV_INSERT] =
		"INSERT INTO kostenverdeling (id, samenwerking_id, jaar, scenario, "
		"invoer, sha256, uitkomst, totaal, berekend, door) "
		"VALUES (" NIEUW_ID(
			"kostenverdeling") "$1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
	/* The oldest calculation of cooperation $1, year $2 and scenario $3
	 * (none: NULL) with input hash $4. */
	[Q_KV_ZELFDE] =
		"SELECT id FROM kostenverdeling WHERE samenwerking_id = $1 AND "
		"jaar = $2 AND coalesce(scenario, '') = coalesce(CAST($3 AS "
		"TEXT), '') AND sha256 = $4 ORDER BY id LIMIT 1",
	[Q_KV_LIST] =
		"SELECT k.id, sw.code, k.jaar, k.scenario, k.sha256, k.totaal, "
		"k.berekend, k.door, k.besluit_id, k.vastgesteld, "
		"CASE WHEN CAST($3 AS BIGINT) IS NULL THEN NULL ELSE k.invoer END, "
		"CASE WHEN CAST($3 AS BIGINT) IS NULL THEN NULL ELSE k.uitkomst END, " BESLUIT_REF
		" FROM kostenverdeling k "
		"JOIN samenwerking sw ON sw.id = k.samenwerking_id "
		"LEFT JOIN besluit b ON b.id = k.besluit_id " BESLUIT_REF_JOIN
		"WHERE (CAST($1 AS TEXT) IS NULL OR sw.code = $1) AND (CAST($2 AS BIGINT) IS NULL OR k.jaar = $2) "
		"AND (CAST($3 AS BIGINT) IS NULL OR k.id = $3) ORDER BY k.id DESC",
	[Q_KV_VASTSTELLEN] =
		"UPDATE kostenverdeling SET besluit_id = $2, vastgesteld = $3 "
		"WHERE id = $1 AND vastgesteld IS NULL",
	/* ---- appointments (store_afspraak.c, store_bericht.c) ---- */
	[Q_VEST_INSERT] =
		"INSERT INTO vestiging (id, gemeente_id, code, naam, kanaal, "
		"adres, postcode, plaats, balies, raster, goede_vrijdag_dicht, "
		"bevrijdingsdag_dicht) VALUES (" NIEUW_ID(
			"vestiging") "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
				     "$11) RETURNING id",
	[Q_VEST_UPDATE] =
		"UPDATE vestiging SET naam = $2, adres = $3, postcode = $4, "
		"plaats = $5, balies = $6, raster = $7, goede_vrijdag_dicht = $8, "
		"bevrijdingsdag_dicht = $9 WHERE id = $1",
	[Q_VEST_ID] = "SELECT v.id, v.gemeente_id, g.code, v.kanaal, v.balies "
		      "FROM vestiging v JOIN organisatie g ON g.id = "
		      "v.gemeente_id WHERE v.code = $1",
	[Q_VEST_LIST] = "SELECT v.id, g.code, v.code, v.naam, v.kanaal, "
			"v.adres, v.postcode, v.plaats, v.balies, v.raster, "
			"v.goede_vrijdag_dicht, v.bevrijdingsdag_dicht "
			"FROM vestiging v " VEST_FILTER "ORDER BY v.code",
	/* The highest desk a booking still holds (now $2 or later). */
	[Q_VEST_BALIE_MAX] =
		"SELECT coalesce(max(balie), 0) FROM afspraak WHERE "
		"vestiging_id = $1 AND status <> 'geannuleerd' AND "
		"start_utc > CAST($2 AS BIGINT) - " AFSPRAAK_LENGSTE " AND "
		"eind_utc + 60 * buffer > $2",
	[Q_OPEN_LIST] = "SELECT o.vestiging_id, o.weekdag, o.van, o.tot "
			"FROM openingstijd o JOIN vestiging v ON v.id = "
			"o.vestiging_id " VEST_FILTER
			"ORDER BY o.vestiging_id, o.weekdag, o.van",
	[Q_OPEN_DELETE] = "DELETE FROM openingstijd WHERE vestiging_id = $1",
	[Q_OPEN_INSERT] = "INSERT INTO openingstijd (vestiging_id, weekdag, "
			  "van, tot) VALUES ($1, $2, $3, $4)",
	/* Closures ending on $4 or later (and starting by $5). */
	[Q_SLUITING_LIST] =
		"SELECT s.vestiging_id, s.id, s.van, s.tot, s.reden "
		"FROM sluiting s JOIN vestiging v ON v.id = "
		"s.vestiging_id " VEST_FILTER "AND s.tot >= $4 AND "
		"(CAST($5 AS TEXT) IS NULL OR s.van <= $5) "
		"ORDER BY s.vestiging_id, s.van, s.id",
	[Q_SLUITING_INSERT] =
		"INSERT INTO sluiting (id, vestiging_id, van, tot, reden) "
		"VALUES (" NIEUW_ID("sluiting") "$1, $2, $3, $4) RETURNING id",
	[Q_SLUITING_GET] = "SELECT van, tot, reden FROM sluiting WHERE id = $1 "
			   "AND vestiging_id = $2",
	[Q_SLUITING_DELETE] =
		"DELETE FROM sluiting WHERE id = $1 AND vestiging_id = $2",
	[Q_BP_INSERT] =
		"INSERT INTO balieproduct (id, gemeente_id, code, naam, upl_uri, "
		"duur, fysiek, video, vaardigheden, voorbereiding, horizon, "
		"buffer, max_personen, meenemen, actief) VALUES (" NIEUW_ID(
			"balieproduct") "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
					"$11, $12, $13, $14) RETURNING id",
	[Q_BP_UPDATE] =
		"UPDATE balieproduct SET naam = $3, upl_uri = $4, duur = $5, "
		"fysiek = $6, video = $7, vaardigheden = $8, voorbereiding = $9, "
		"horizon = $10, buffer = $11, max_personen = $12, meenemen = $13, "
		"actief = $14 WHERE gemeente_id = $1 AND code = $2",
	[Q_BP_LIST] =
		"SELECT p.id, g.code, p.code, p.naam, p.upl_uri, p.duur, "
		"p.fysiek, p.video, p.vaardigheden, p.voorbereiding, p.horizon, "
		"p.buffer, p.max_personen, p.meenemen, p.actief "
		"FROM balieproduct p JOIN organisatie g ON g.id = p.gemeente_id "
		"WHERE p.gemeente_id = $1 AND (CAST($2 AS TEXT) IS NULL OR "
		"p.code = $2) AND ($3 = 1 OR p.actief = 1) ORDER BY p.code",
	/* Staff number $1 (of cooperation $2) in a cooperation that
	 * municipality $3 is a member of from date $4 to date $5. */
	[Q_DIENST_MW] =
		"SELECT m.id, s.code, m.naam FROM medewerker m "
		"JOIN samenwerking s ON s.id = m.samenwerking_id "
		"WHERE m.nummer = $1 AND (CAST($2 AS TEXT) IS NULL OR "
		"s.code = $2) AND m.samenwerking_id IN (SELECT l.samenwerking_id "
		"FROM samenwerking_lid l WHERE l.gemeente_id = $3 AND "
		"l.van <= $4 AND (l.tot IS NULL OR l.tot > $5)) ORDER BY s.code",
	/* Staff member $1's roster overlapping [$2, $3). */
	[Q_DIENST_OVERLAP] =
		"SELECT d.start_utc, d.eind_utc, d.datum, d.van, d.tot, v.code "
		"FROM dienst d JOIN vestiging v ON v.id = d.vestiging_id "
		"WHERE d.medewerker_id = $1 AND d.start_utc > CAST($2 AS BIGINT) "
		"- " AFSPRAAK_LENGSTE " AND d.start_utc < $3 AND "
		"d.eind_utc > $2 ORDER BY d.start_utc",
	[Q_DIENST_INSERT] =
		"INSERT INTO dienst (id, medewerker_id, vestiging_id, datum, van, "
		"tot, start_utc, eind_utc, vaardigheden, reeks_id) VALUES (" NIEUW_ID(
			"dienst") "$1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
	[Q_DIENST_REEKS] = "UPDATE dienst SET reeks_id = $1 WHERE id = $1",
	[Q_DIENST_GET] = "SELECT " DIENST_KOLOMMEN " WHERE d.id = $1",
	/* The booked appointments that roster entry $1 (or with series $2,
	 * every entry of it from date $3 on) is there for. */
	[Q_DIENST_GEBOEKT] =
		"SELECT a.start_utc FROM dienst d JOIN afspraak a ON "
		"a.medewerker_id = d.medewerker_id AND a.vestiging_id = "
		"d.vestiging_id AND a.start_utc >= d.start_utc AND a.start_utc < "
		"d.eind_utc WHERE (d.id = $1 OR (CAST($2 AS BIGINT) IS NOT NULL "
		"AND d.reeks_id = $2 AND d.datum >= $3)) AND a.status IN "
		"('geboekt', 'aanwezig') ORDER BY a.start_utc",
	[Q_DIENST_DELETE] =
		"DELETE FROM dienst WHERE id = $1 OR (CAST($2 AS BIGINT) IS NOT "
		"NULL AND reeks_id = $2 AND datum >= $3)",
	[Q_DIENST_LIST] =
		"SELECT " DIENST_KOLOMMEN " WHERE d.start_utc >= $1 AND "
		"d.start_utc < $2 AND (CAST($3 AS TEXT) IS NULL OR v.code = $3) "
		"AND (CAST($4 AS TEXT) IS NULL OR g.code = $4) AND "
		"(CAST($5 AS TEXT) IS NULL OR m.nummer = $5) AND "
		"(CAST($6 AS TEXT) IS NULL OR s.code = $6) "
		"ORDER BY d.datum, d.van, v.code, m.nummer, d.id",
	/* The roster a search reads: $1..$3 as ZOEK_VESTIGING, [$4, $5). */
	[Q_DIENST_ZOEK] =
		"SELECT d.medewerker_id, d.vestiging_id, d.start_utc, "
		"d.eind_utc, d.vaardigheden " DIENST_ZOEK "ORDER BY d.id",
	/* What holds staff or desks in [$4, $5): the bookings at the
	 * locations searched, and those the staff rostered there have at
	 * other locations; not appointment $6. The two parts are disjoint
	 * (by location), so UNION ALL: nothing to sort out twice. Both come
	 * from the index alone (0016); the engine needs no order. */
	[Q_AFSPRAAK_BEZET] =
		"SELECT " BEZET_KOLOMMEN " FROM afspraak a JOIN vestiging v ON "
		"v.id = a.vestiging_id WHERE " ZOEK_VESTIGING " AND " BEZET_TIJD
		" UNION ALL SELECT " BEZET_KOLOMMEN " FROM afspraak a WHERE "
		"a.medewerker_id IN (SELECT d.medewerker_id " DIENST_ZOEK
		") AND a.vestiging_id NOT IN (SELECT v.id FROM vestiging v "
		"WHERE " ZOEK_VESTIGING ") AND " BEZET_TIJD,
	/* What a booking of one start needs to know (tijd_kiezen in
	 * store_boeking.c), reading far less than Q_AFSPRAAK_BEZET: the
	 * bookings at location $3 starting in [$4, $5) in full (the engine
	 * counts them per staff member), and what else holds a cell in
	 * [$7, $8) (the start's visit and buffer) of a staff member rostered
	 * there ($1..$5 as DIENST_ZOEK) or of one of the location's $9
	 * desks, from afspraak_cel's two keys alone instead of a scan of
	 * the day: per appointment the cells it holds there. A booking
	 * holds one unbroken run of cells, so one that also holds the cell
	 * before midnight ($4) began the day before: it is given from that
	 * cell, which the engine does not count among the day's; the
	 * location's others are in the first part already. Not
	 * appointment $6. */
	[Q_AFSPRAAK_BEZET_START] =
		"WITH RECURSIVE b (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM "
		"b WHERE n < CAST($9 AS INTEGER)), m (id) AS (SELECT "
		"d.medewerker_id " DIENST_ZOEK "), k (afspraak_id, "
		"medewerker_id, vestiging_id, balie, cel) AS (SELECT "
		"c.afspraak_id, c.medewerker_id, c.vestiging_id, c.balie, c.cel "
		"FROM afspraak_cel c WHERE c.medewerker_id IN (SELECT id FROM m) "
		"AND c.cel >= $7 AND c.cel < $8 UNION SELECT c.afspraak_id, "
		"c.medewerker_id, c.vestiging_id, c.balie, c.cel FROM "
		"afspraak_cel c WHERE c.medewerker_id IN (SELECT id FROM m) AND "
		"c.cel = CAST($4 AS BIGINT) / 300 - 1 UNION SELECT "
		"c.afspraak_id, c.medewerker_id, c.vestiging_id, c.balie, c.cel "
		"FROM b JOIN afspraak_cel c ON c.vestiging_id = $3 AND c.balie = "
		"b.n AND c.cel >= $7 AND c.cel < $8 UNION SELECT c.afspraak_id, "
		"c.medewerker_id, c.vestiging_id, c.balie, c.cel FROM b JOIN "
		"afspraak_cel c ON c.vestiging_id = $3 AND c.balie = b.n AND "
		"c.cel = CAST($4 AS BIGINT) / 300 - 1) "
		"SELECT " BEZET_KOLOMMEN
		" FROM afspraak a WHERE a.vestiging_id "
		"= $3 AND a.status <> 'geannuleerd' AND a.id <> $6 AND "
		"a.start_utc >= $4 AND a.start_utc < $5 UNION ALL SELECT "
		"medewerker_id, vestiging_id, balie, 300 * min(cel), "
		"300 * (max(cel) + 1) FROM k WHERE afspraak_id <> $6 GROUP BY "
		"afspraak_id, medewerker_id, vestiging_id, balie HAVING "
		"max(cel) >= $7 AND (vestiging_id <> $3 OR min(cel) < $7)",
	/* Booked appointments at location $1 starting in [$2, $3). */
	[Q_AFSPRAAK_TELLEN] =
		"SELECT count(*), min(start_utc) FROM afspraak WHERE "
		"vestiging_id = $1 AND status IN ('geboekt', 'aanwezig') AND "
		"start_utc >= $2 AND start_utc < $3",
	[Q_AFSPRAAK_GET] = "SELECT " AFSPRAAK_KOLOMMEN AFSPRAAK_VAN
			   "WHERE a.referentie = $1",
	[Q_AFSPRAAK_SLEUTEL] = "SELECT referentie, verzoek_hash FROM afspraak "
			       "WHERE gemeente_id = $1 AND sleutel = $2",
	[Q_AFSPRAAK_PRODUCTEN] =
		"SELECT ap.afspraak_id, p.code, p.naam, ap.personen, p.meenemen "
		"FROM afspraak_product ap JOIN balieproduct p ON p.id = "
		"ap.product_id WHERE ap.afspraak_id = $1 ORDER BY p.code",
	/* Municipality $1's appointments (at location $2) starting in
	 * [$3, $4). */
	[Q_AFSPRAAK_LIST] =
		"SELECT " AFSPRAAK_KOLOMMEN AFSPRAAK_VAN "WHERE " AFSPRAAK_DAG
		"ORDER BY a.start_utc, v.code, a.id",
	[Q_AFSPRAAK_LIST_PRODUCTEN] =
		"SELECT ap.afspraak_id, p.code, p.naam, ap.personen, p.meenemen "
		"FROM afspraak_product ap JOIN balieproduct p ON p.id = "
		"ap.product_id JOIN afspraak a ON a.id = ap.afspraak_id "
		"WHERE " AFSPRAAK_DAG "ORDER BY ap.afspraak_id, p.code",
	[Q_AFSPRAAK_INSERT] =
		"INSERT INTO afspraak (id, referentie, gemeente_id, vestiging_id, "
		"medewerker_id, balie, start_utc, eind_utc, buffer, status, naam, "
		"email, telefoon, sleutel, verzoek_hash, volgnummer, aangemaakt, "
		"gewijzigd, geboekt_utc, eerste_vrij_utc, inloop, geboekt_via) "
		"VALUES (" NIEUW_ID(
			"afspraak") "$1, $2, $3, $4, $5, $6, $7, $8, 'geboekt', "
				    "$9, $10, $11, $12, $13, 0, $14, $14, $15, "
				    "$16, $17, $18) "
				    "RETURNING id, (SELECT nummer FROM "
				    "medewerker WHERE id = $4)",
	[Q_AFSPRAAK_PRODUCT_INSERT] =
		"INSERT INTO afspraak_product (afspraak_id, product_id, "
		"personen) VALUES ($1, $2, $3)",
	[Q_AFSPRAAK_STATUS] =
		"UPDATE afspraak SET status = $2, volgnummer = volgnummer + 1, "
		"gewijzigd = $3 WHERE id = $1",
	[Q_AFSPRAAK_VERPLAATS] =
		"UPDATE afspraak SET vestiging_id = $2, medewerker_id = $3, "
		"balie = $4, start_utc = $5, eind_utc = $6, buffer = $7, "
		"volgnummer = volgnummer + 1, gewijzigd = $8 WHERE id = $1",
	/* The cells [$2, $3) of appointment $1: staff member $4 at
	 * location $5, desk $6. Both keys of afspraak_cel refuse a cell
	 * held already. */
	[Q_CEL_INSERT] =
		"WITH RECURSIVE c (n) AS (SELECT CAST($2 AS BIGINT) UNION ALL "
		"SELECT n + 1 FROM c WHERE n + 1 < CAST($3 AS BIGINT)) "
		"INSERT INTO afspraak_cel (afspraak_id, cel, medewerker_id, "
		"vestiging_id, balie) SELECT CAST($1 AS BIGINT), n, "
		"CAST($4 AS BIGINT), CAST($5 AS BIGINT), CAST($6 AS INTEGER) "
		"FROM c",
	[Q_CEL_DELETE] = "DELETE FROM afspraak_cel WHERE afspraak_id = $1",
	[Q_INSTELLING_GET] =
		"SELECT afzender, videolink, herinnering, bewaartermijn, "
		"slottekst, max_open, max_per_dag, web_aandeel FROM "
		"afspraak_instelling WHERE "
		"gemeente_id = $1",
	[Q_INSTELLING_UPSERT] =
		"INSERT INTO afspraak_instelling (gemeente_id, afzender, "
		"videolink, herinnering, bewaartermijn, slottekst, max_open, "
		"max_per_dag, web_aandeel) VALUES ($1, $2, $3, $4, $5, $6, $7, "
		"$8, $9) ON CONFLICT (gemeente_id) "
		"DO UPDATE SET afzender = excluded.afzender, videolink = "
		"excluded.videolink, herinnering = excluded.herinnering, "
		"bewaartermijn = excluded.bewaartermijn, slottekst = "
		"excluded.slottekst, max_open = excluded.max_open, "
		"max_per_dag = excluded.max_per_dag, web_aandeel = "
		"excluded.web_aandeel",
	[Q_BERICHT_INSERT] =
		"INSERT INTO bericht (id, afspraak_id, soort, volgnummer, "
		"aangemaakt_utc, volgende_utc) VALUES (" NIEUW_ID(
			"bericht") "$1, $2, $3, $4, $5)",
	[Q_BERICHT_VERVAL] =
		"UPDATE bericht SET vervallen = 1 WHERE afspraak_id = $1 AND "
		"soort = 'herinnering' AND verzonden_utc IS NULL AND "
		"vervallen = 0",
	/* At most $2 messages due at $1, oldest first (bericht_wachtrij). */
	[Q_BERICHT_DUE] =
		"SELECT b.id, b.soort, b.volgnummer, b.pogingen, " AFSPRAAK_KOLOMMEN
		", v.adres, v.postcode, v.plaats, v.balies, v.raster, "
		"v.goede_vrijdag_dicht, v.bevrijdingsdag_dicht, i.afzender, "
		"i.videolink, i.herinnering, i.bewaartermijn, i.slottekst, "
		"w.referentie, w.naam, w.email, w.aanbod_start, w.aanbod_eind, "
		"wp.code, wp.naam FROM bericht b JOIN afspraak a ON a.id = "
		"b.afspraak_id LEFT JOIN wachtlijst w ON w.id = b.wachtlijst_id "
		"LEFT JOIN balieproduct wp ON wp.id = w.product_id "
		"JOIN organisatie g ON g.id = a.gemeente_id JOIN vestiging v ON "
		"v.id = coalesce(w.aanbod_vestiging_id, a.vestiging_id) LEFT "
		"JOIN medewerker m ON m.id = "
		"a.medewerker_id LEFT JOIN afspraak_instelling i ON "
		"i.gemeente_id = a.gemeente_id WHERE b.verzonden_utc IS NULL AND "
		"b.vervallen = 0 AND b.volgende_utc <= $1 "
		"ORDER BY b.volgende_utc, b.id LIMIT $2",
	[Q_BERICHT_GET] =
		"SELECT b.soort, a.referentie, g.code FROM bericht b "
		"JOIN afspraak a ON a.id = b.afspraak_id JOIN organisatie g ON "
		"g.id = a.gemeente_id WHERE b.id = $1 AND b.verzonden_utc IS NULL",
	[Q_BERICHT_SENT] =
		"UPDATE bericht SET verzonden_utc = $2, pogingen = pogingen + 1 "
		"WHERE id = $1 AND verzonden_utc IS NULL",
	[Q_BERICHT_FAILED] =
		"UPDATE bericht SET pogingen = pogingen + 1, laatste_fout = $2, "
		"volgende_utc = $3, vervallen = CASE WHEN CAST($3 AS BIGINT) = 0 "
		"THEN 1 ELSE 0 END WHERE id = $1 AND verzonden_utc IS NULL",
	/* The sender's lease: taken by $1 until $2 when free at $3 (or
	 * $1's already); no row changed when another holds it. */
	[Q_ZENDER_CLAIM] =
		"INSERT INTO bericht_zender (id, door, tot_utc) VALUES (1, $1, "
		"$2) ON CONFLICT (id) DO UPDATE SET door = excluded.door, "
		"tot_utc = excluded.tot_utc WHERE bericht_zender.door = "
		"excluded.door OR bericht_zender.tot_utc <= $3",
	/* ---- limits of appointments (store_grens.c) ---- */
	[Q_TELLER_GET] = "SELECT aantal FROM afspraak_teller WHERE sleutel = "
			 "$1 AND venster = $2",
	[Q_TELLER_TEL] =
		"INSERT INTO afspraak_teller (sleutel, venster, aantal) VALUES "
		"($1, $2, 1) ON CONFLICT (sleutel, venster) DO UPDATE SET "
		"aantal = afspraak_teller.aantal + 1",
	[Q_TELLER_SNOEI] = "DELETE FROM afspraak_teller WHERE venster < $1",
	/* The open appointments of address $2 at municipality $1 at $3
	 * (afspraak_email). */
	[Q_AFSPRAAK_OPEN_EMAIL] =
		"SELECT count(*) FROM afspraak WHERE gemeente_id = $1 AND "
		"email IS NOT NULL AND lower(email) = lower($2) AND status = "
		"'geboekt' AND start_utc > $3",
	/* The eraser's lease, as Q_ZENDER_CLAIM. */
	[Q_OPSCHONER_CLAIM] =
		"INSERT INTO afspraak_opschoner (id, door, tot_utc) VALUES (1, "
		"$1, $2) ON CONFLICT (id) DO UPDATE SET door = excluded.door, "
		"tot_utc = excluded.tot_utc WHERE afspraak_opschoner.door = "
		"excluded.door OR afspraak_opschoner.tot_utc <= $3",
	/* The municipalities (all, or $1) with appointments not erased,
	 * with their retention period. */
	[Q_OPSCHOON_GEMEENTEN] =
		"SELECT g.id, g.code, coalesce(i.bewaartermijn, 90) FROM "
		"organisatie g LEFT JOIN afspraak_instelling i ON "
		"i.gemeente_id = g.id WHERE g.soort = 'gemeente' AND "
		"(CAST($1 AS TEXT) IS NULL OR g.code = $1) AND (EXISTS (SELECT "
		"1 FROM afspraak a WHERE a.gemeente_id = g.id AND a.gewist IS "
		"NULL) OR EXISTS (SELECT 1 FROM wachtlijst w WHERE "
		"w.gemeente_id = g.id)) ORDER BY g.code",
	/* Whether any appointment is past its municipality's retention
	 * period at $2 ($1: now less the shortest period; afspraak_te_wissen). */
	[Q_OPSCHOON_NODIG] =
		"SELECT 1 WHERE EXISTS (SELECT 1 FROM afspraak a WHERE a.gewist "
		"IS NULL AND a.eind_utc < $1 AND a.eind_utc < $2 - 86400 * "
		"coalesce((SELECT i.bewaartermijn FROM afspraak_instelling i "
		"WHERE i.gemeente_id = a.gemeente_id), 90)) OR EXISTS (SELECT 1 "
		"FROM wachtlijst w WHERE w.aangemeld_utc < $1 AND "
		"w.aangemeld_utc < $2 - 86400 * coalesce((SELECT "
		"i.bewaartermijn FROM afspraak_instelling i WHERE i.gemeente_id "
		"= w.gemeente_id), 90))",
	[Q_OPSCHOON_KORTSTE] =
		"SELECT min(bewaartermijn) FROM afspraak_instelling",
#define TE_WISSEN                                                       \
	"SELECT id FROM afspraak WHERE gemeente_id = $1 AND gewist IS " \
	"NULL AND eind_utc < $2"
	[Q_OPSCHOON_BERICHT] =
		"UPDATE bericht SET vervallen = 1 WHERE verzonden_utc IS NULL "
		"AND vervallen = 0 AND afspraak_id IN (" TE_WISSEN ")",
	/* An error noted may name the address. */
	[Q_OPSCHOON_FOUT] = "UPDATE bericht SET laatste_fout = NULL WHERE "
			    "laatste_fout IS NOT NULL AND afspraak_id IN "
			    "(" TE_WISSEN ")",
#undef TE_WISSEN
	[Q_OPSCHOON_AFSPRAAK] =
		"UPDATE afspraak SET naam = NULL, email = NULL, telefoon = "
		"NULL, sleutel = NULL, verzoek_hash = NULL, gewist = $3 WHERE "
		"gemeente_id = $1 AND gewist IS NULL AND eind_utc < $2",
	[Q_VRIJGAVE_INSERT] =
		"INSERT INTO afspraak_vrijgave (gemeente_id, vestiging_id, "
		"product_id, vanaf, moment_utc) VALUES ($1, $2, $3, $4, $5) "
		"RETURNING id",
	[Q_VRIJGAVE_LIST] =
		"SELECT r.id, g.code, v.code, p.code, r.vanaf, r.moment_utc, "
		"r.vestiging_id, r.product_id FROM afspraak_vrijgave r JOIN "
		"organisatie g ON g.id = r.gemeente_id LEFT JOIN vestiging v ON "
		"v.id = r.vestiging_id LEFT JOIN balieproduct p ON p.id = "
		"r.product_id WHERE r.gemeente_id = $1 ORDER BY r.vanaf, "
		"r.moment_utc, r.id",
	[Q_VRIJGAVE_DELETE] = "DELETE FROM afspraak_vrijgave WHERE id = $1 AND "
			      "gemeente_id = $2",
	/* The waiting list (store_wachtlijst.c). */
	[Q_WACHTLIJST_INSERT] =
		"INSERT INTO wachtlijst (id, referentie, gemeente_id, "
		"product_id, naam, email, aangemeld_utc) VALUES (" NIEUW_ID(
			"wachtlijst") "$1, $2, $3, $4, $5, $6)",
	/* Places address $2 holds, still waiting, at municipality $1; and
	 * whether one of them is for product $3. */
	[Q_WACHTLIJST_PER_ADRES] =
		"SELECT count(*), coalesce(sum(CASE WHEN product_id = $3 THEN 1 "
		"ELSE 0 END), 0) FROM wachtlijst WHERE gemeente_id = $1 AND "
		"lower(email) = lower($2) AND aangeboden_utc IS NULL",
	/* Municipality $1's list, waiting first in order of coming, then
	 * those offered a time, the latest first. */
	[Q_WACHTLIJST_LIST] =
		"SELECT w.referentie, g.code, p.code, p.naam, w.naam, w.email, "
		"w.aangemeld_utc, v.code, w.aanbod_start, w.aanbod_eind, "
		"w.aangeboden_utc FROM wachtlijst w JOIN organisatie g ON g.id "
		"= w.gemeente_id JOIN balieproduct p ON p.id = w.product_id "
		"LEFT JOIN vestiging v ON v.id = w.aanbod_vestiging_id WHERE "
		"w.gemeente_id = $1 ORDER BY w.aangeboden_utc IS NOT NULL, "
		"w.aangeboden_utc DESC, w.id",
	/* The entry with code $1 and address $2 (in any case), still
	 * waiting. */
	[Q_WACHTLIJST_GET] =
		"SELECT w.id, g.code, p.code FROM wachtlijst w JOIN organisatie "
		"g ON g.id = w.gemeente_id JOIN balieproduct p ON p.id = "
		"w.product_id WHERE w.referentie = $1 AND lower(w.email) = "
		"lower($2) AND w.aangeboden_utc IS NULL",
	[Q_WACHTLIJST_DELETE] = "DELETE FROM wachtlijst WHERE id = $1",
	/* The time appointment $1 freed (location $2, $3 to $4) offered at
	 * $5 to the first still waiting for one of its products. */
	[Q_WACHTLIJST_AANBIED] =
		"UPDATE wachtlijst SET aanbod_vestiging_id = $2, aanbod_start = "
		"$3, aanbod_eind = $4, aangeboden_utc = $5 WHERE id = (SELECT "
		"w.id FROM wachtlijst w JOIN afspraak a ON a.id = $1 WHERE "
		"w.gemeente_id = a.gemeente_id AND w.aangeboden_utc IS NULL AND "
		"w.product_id IN (SELECT product_id FROM afspraak_product WHERE "
		"afspraak_id = $1) ORDER BY w.id LIMIT 1) RETURNING id",
	[Q_BERICHT_AANBOD_INSERT] =
		"INSERT INTO bericht (id, afspraak_id, soort, volgnummer, "
		"aangemaakt_utc, volgende_utc, wachtlijst_id) VALUES (" NIEUW_ID(
			"bericht") "$1, 'aanbod', 0, $2, $2, $3)",
	/* Retention: entries of municipality $1 that came before $2, and
	 * their offers. */
	[Q_OPSCHOON_WACHTLIJST_BERICHT] =
		"DELETE FROM bericht WHERE wachtlijst_id IN (SELECT id FROM "
		"wachtlijst WHERE gemeente_id = $1 AND aangemeld_utc < $2)",
	[Q_OPSCHOON_WACHTLIJST] =
		"DELETE FROM wachtlijst WHERE gemeente_id = $1 AND "
		"aangemeld_utc < $2",
	/* The rostered minutes per location of municipality $1 and date
	 * from $2 to $3. */
	[Q_AANDEEL_ROOSTER] =
		"SELECT d.vestiging_id, d.datum, sum(d.tot - d.van) FROM dienst "
		"d JOIN vestiging v ON v.id = d.vestiging_id WHERE "
		"v.gemeente_id = $1 AND d.datum >= $2 AND d.datum <= $3 GROUP "
		"BY d.vestiging_id, d.datum",
	/* What residents booked themselves at municipality $1's locations
	 * starting from $2 to $3, but appointment $4. */
	[Q_AANDEEL_WEB] =
		"SELECT vestiging_id, start_utc, eind_utc FROM afspraak WHERE "
		"vestiging_id IN (SELECT id FROM vestiging WHERE gemeente_id = "
		"$1) AND start_utc >= $2 AND start_utc < $3 AND status <> "
		"'geannuleerd' AND geboekt_via = 'web' AND id <> $4",
	/* ---- the Qmatic surface's keys (0017) ---- */
	[Q_QMATIC_SLEUTEL_UPSERT] =
		"INSERT INTO qmatic_sleutel (gemeente_id, hash, aangemaakt_utc) "
		"VALUES ($1, $2, $3) ON CONFLICT (gemeente_id) DO UPDATE SET "
		"hash = excluded.hash, aangemaakt_utc = excluded.aangemaakt_utc",
	[Q_QMATIC_SLEUTEL_GET] =
		"SELECT g.code FROM qmatic_sleutel k JOIN organisatie g ON "
		"g.id = k.gemeente_id WHERE k.hash = $1",
	[Q_QMATIC_SLEUTEL_BESTAAT] =
		"SELECT aangemaakt_utc FROM qmatic_sleutel WHERE gemeente_id = $1",
	/* ---- the desk (store_balie.c) ---- */
	[Q_BALIE_STATUS] =
		"UPDATE afspraak SET status = $2, status_utc = $3, uren_id = $4, "
		"gewijzigd = $5 WHERE id = $1",
	[Q_BALIE_MW] =
		"SELECT m.nummer, m.eenheid_id, e.code, m.samenwerking_id, "
		"sw.code FROM medewerker m LEFT JOIN eenheid e ON e.id = "
		"m.eenheid_id LEFT JOIN samenwerking sw ON sw.id = "
		"m.samenwerking_id WHERE m.id = $1",
	/* The desk's current batch of cooperation $1. */
	[Q_BALIE_BATCH] = "SELECT id FROM uren_batch WHERE bron = 'balie' AND "
			  "samenwerking_id = $1 AND vervangen_door IS NULL",
	[Q_BALIE_BATCH_INSERT] =
		"INSERT INTO uren_batch (id, hash, bestand, ingelezen, door, rijen, "
		"honderdsten, medewerkers, gemeenten, afwijkingen, samenwerking_id, "
		"bron) VALUES (" NIEUW_ID(
			"uren_batch") "'balie', 'balie', $1, NULL, 0, 0, 0, 0, 0, $2, "
				      "'balie') RETURNING id",
	[Q_BALIE_BATCH_BRON] = "SELECT bron FROM uren_batch WHERE id = $1",
	/* Batch $1 after a row of $3 hundredths ($2 = 1 or -1 rows, $4
	 * deviating rows) on date $5. */
	[Q_BALIE_BATCH_TEL] =
		"UPDATE uren_batch SET rijen = rijen + $2, honderdsten = "
		"honderdsten + $3, afwijkingen = afwijkingen + $4, "
		"van = CASE WHEN van IS NULL OR van > $5 THEN $5 ELSE van END, "
		"tot = CASE WHEN tot IS NULL OR tot < $5 THEN $5 ELSE tot END, "
		"medewerkers = (SELECT count(DISTINCT a.medewerker_id) FROM "
		"afspraak a JOIN uren u ON u.id = a.uren_id WHERE u.batch_id = "
		"$1), gemeenten = (SELECT count(DISTINCT c.gemeente_id) FROM "
		"uren_cel c WHERE c.batch_id = $1) WHERE id = $1",
	/* Staff member $1's day hours on date $2 in current imported
	 * batches: only the rows of the batches whose days span $2, by
	 * their id ranges. */
	[Q_BALIE_DAG_BESTAND] =
		"SELECT coalesce(sum(u.honderdsten), 0) FROM uren_batch b JOIN "
		"uren u ON u.id BETWEEN b.eerste_id AND b.laatste_id WHERE "
		"b.vervangen_door IS NULL AND b.bron = 'bestand' AND b.van <= $2 "
		"AND b.tot >= $2 AND u.medewerker_id = $1 AND u.datum = $2 AND "
		"u.week = 0",
	/* ... and served at the desk (appointments starting in [$3, $4)). */
	[Q_BALIE_DAG_BALIE] =
		"SELECT coalesce(sum(u.honderdsten), 0) FROM afspraak a JOIN uren "
		"u ON u.id = a.uren_id WHERE a.medewerker_id = $1 AND u.datum = "
		"$2 AND a.start_utc >= $3 AND a.start_utc < $4",
	[Q_BALIE_UREN_INSERT] =
		"INSERT INTO uren (id, batch_id, regel, medewerker_id, datum, week, "
		"gemeente_id, eenheid_id, taakveld, product, honderdsten, "
		"omschrijving) VALUES (" NIEUW_ID(
			"uren") "$1, $2, $3, $4, 0, $5, $6, NULL, $7, $8, $9) "
				"RETURNING id",
	[Q_BALIE_UREN_GET] =
		"SELECT batch_id, eenheid_id, gemeente_id, datum, honderdsten "
		"FROM uren WHERE id = $1",
	[Q_BALIE_UREN_DELETE] = "DELETE FROM uren WHERE id = $1",
	[Q_BALIE_CEL_PLUS] =
		"INSERT INTO uren_cel (batch_id, eenheid_id, gemeente_id, datum, "
		"honderdsten, rijen) VALUES ($1, $2, $3, $4, $5, 1) ON CONFLICT "
		"(batch_id, eenheid_id, gemeente_id, datum) DO UPDATE SET "
		"honderdsten = uren_cel.honderdsten + excluded.honderdsten, "
		"rijen = uren_cel.rijen + 1",
	[Q_BALIE_CEL_MIN] =
		"UPDATE uren_cel SET honderdsten = honderdsten - $5, rijen = "
		"rijen - 1 WHERE batch_id = $1 AND eenheid_id = $2 AND "
		"gemeente_id = $3 AND datum = $4",
	[Q_BALIE_CEL_LEEG] =
		"DELETE FROM uren_cel WHERE batch_id = $1 AND rijen <= 0",
	/* Municipality $1's appointments starting in [$2, $3). */
	[Q_BALIE_STAT] =
		"SELECT a.id, v.code, v.naam, v.kanaal, a.status, a.inloop, "
		"a.geboekt_utc, a.eerste_vrij_utc FROM afspraak a JOIN vestiging "
		"v ON v.id = a.vestiging_id WHERE a.gemeente_id = $1 AND "
		"a.start_utc >= $2 AND a.start_utc < $3 ORDER BY a.id",
	[Q_BALIE_STAT_PRODUCTEN] =
		"SELECT ap.afspraak_id, p.code FROM afspraak_product ap JOIN "
		"balieproduct p ON p.id = ap.product_id JOIN afspraak a ON a.id "
		"= ap.afspraak_id WHERE a.gemeente_id = $1 AND a.start_utc >= $2 "
		"AND a.start_utc < $3 ORDER BY ap.afspraak_id, p.code",
	/* ---- whole tables, for the content check and copies ---- */
	/* After a copy, new rows of table $1 get ids from $2 on. SQLite
	 * needs nothing (an INTEGER PRIMARY KEY continues past the
	 * highest id by itself): its text does nothing. */
	[Q_KOPIE_VOLGENDE_ID] =
		"SELECT CAST($1 AS TEXT), CAST($2 AS INTEGER) WHERE 0",
	/* The self-reference a copy fills in after all rows are there. */
	[Q_KOPIE_VERVANGEN_DOOR] =
		"UPDATE uren_batch SET vervangen_door = $2 WHERE id = $1",
#define Q_TABEL(t, k, z) [Q_TABEL_##t] = "SELECT * FROM " #t " ORDER BY " k,
	STORE_TABELLEN(Q_TABEL)
#undef Q_TABEL
};

/*
 * The few statements PostgreSQL spells otherwise; the rest is the same
 * text for both engines.
 */
static const char *const pg_texts[Q__COUNT] = {
	[Q_SCHEMA_TABEL] =
		"SELECT count(*) FROM information_schema.tables WHERE "
		"table_schema = current_schema() AND table_name = "
		"'schema_version'",
	[Q_FK_CHECK] = "SELECT 1 WHERE false",
	[Q_INTEGRITY] = "SELECT 'ok'",
	[Q_KOPIE_VOLGENDE_ID] =
		"SELECT setval(pg_get_serial_sequence($1, 'id'), $2, false)",
	[Q_UREN_DAG_OVER] = UREN_DAG_OVER("string_agg(DISTINCT CAST(CASE WHEN "
					  "u.batch_id <> $1 THEN u.batch_id "
					  "END AS TEXT), ',')"),
};

const char *
query_text(enum query q, enum db_dialect d)
{
	if ((unsigned)q >= Q__COUNT)
		return NULL;
	return d == DB_POSTGRES && pg_texts[q] ? pg_texts[q] : texts[q];
}
