/*
 * queries.h - every SQL statement of the store, by name.
 *
 * The text is in queries.c, in the dialect both SQLite and PostgreSQL
 * accept where possible (parameters are written $1, $2, ... which both
 * understand). Backends prepare them by id.
 */
#ifndef AMBT_STORE_QUERIES_H
#define AMBT_STORE_QUERIES_H

#include "db.h"

/*
 * Every table that holds data, parents before children (the order a copy
 * fills them in), with the key that orders its rows and the column, if
 * any, that names another row of the same table (filled in afterwards).
 * schema_version and generatie belong to the database, not its content.
 */
#define STORE_TABELLEN(X)                                             \
	X(organisatie, "id", NULL)                                    \
	X(inwonertal, "organisatie_id, peildatum", NULL)              \
	X(samenwerking, "id", NULL)                                   \
	X(eenheid, "id", NULL)                                        \
	X(medewerker, "id", NULL)                                     \
	X(kader_artikel, "id", NULL)                                  \
	X(werkstroom, "id", NULL)                                     \
	X(mijlpaal, "id", NULL)                                       \
	X(taakveld, "code", NULL)                                     \
	X(besluit_volgnummer, "jaar", NULL)                           \
	X(gebruiker, "id", NULL)                                      \
	X(gebruiker_rol, "gebruiker_id, rol, scope", NULL)            \
	X(audit, "id", NULL)                                          \
	X(sessie, "hash", NULL)                                       \
	X(token, "id", NULL)                                          \
	X(inlogpoging, "sleutel", NULL)                               \
	X(herstelcode, "gebruiker_id, hash", NULL)                    \
	X(uren_batch, "id", "vervangen_door")                         \
	X(uren, "id", NULL)                                           \
	X(uren_cel, "batch_id, eenheid_id, gemeente_id, datum", NULL) \
	X(kostenpost, "id", NULL)                                     \
	X(kostenrol, "eenheid_id, jaar", NULL)                        \
	X(kostenlevering, "van_id, aan_id, jaar", NULL)               \
	X(kostengewicht, "eenheid_id, gemeente_id, jaar", NULL)       \
	X(maatwerk, "eenheid_id, gemeente_id, jaar", NULL)            \
	X(voorschot, "samenwerking_id, jaar, gemeente_id", NULL)      \
	X(kostenmethode, "samenwerking_id, jaar", NULL)               \
	X(scenario, "id", NULL)                                       \
	X(scenario_wijziging, "id", NULL)                             \
	X(besluit, "id", NULL)                                        \
	X(besluit_stap, "besluit_id, volgnummer", NULL)               \
	X(regeling_lid, "id", NULL)                                   \
	X(samenwerking_lid, "id", NULL)                               \
	X(inrichting, "id", NULL)                                     \
	X(kader_versie, "id", NULL)                                   \
	X(kader_eenheid, "versie_id, eenheid_id", NULL)               \
	X(kostenverdeling, "id", NULL)                                \
	X(vestiging, "id", NULL)                                      \
	X(openingstijd, "vestiging_id, weekdag, van", NULL)           \
	X(sluiting, "id", NULL)                                       \
	X(balieproduct, "id", NULL)                                   \
	X(dienst, "id", NULL)                                         \
	X(afspraak, "id", NULL)                                       \
	X(afspraak_product, "afspraak_id, product_id", NULL)          \
	X(afspraak_cel, "medewerker_id, cel", NULL)                   \
	X(afspraak_instelling, "gemeente_id", NULL)                   \
	X(wachtlijst, "id", NULL)                                     \
	X(bericht, "id", NULL)                                        \
	X(bericht_zender, "id", NULL)                                 \
	X(qmatic_sleutel, "gemeente_id", NULL)                        \
	X(afspraak_teller, "sleutel, venster", NULL)                  \
	X(afspraak_opschoner, "id", NULL)                             \
	X(afspraak_vrijgave, "id", NULL)

enum query {
	Q_SCHEMA_TABEL,
	Q_FK_CHECK,
	Q_INTEGRITY,
	Q_SCHEMA_VERSION_GET,
	Q_SCHEMA_VERSION_SET,
	Q_GENERATIE_GET,
	Q_GENERATIE_BUMP,
	Q_GENERATIE_FAMILIE_BUMP,
	Q_ORG_INSERT,
	Q_ORG_ID,
	Q_ORG_GET,
	Q_ORG_LIST,
	Q_INWONERTAL_UPSERT,
	Q_INWONERTAL_LIST,
	Q_REGELING_LID_INSERT,
	Q_REGELING_LEDEN,
	Q_BESLUIT_INSERT,
	Q_BESLUIT_KANDIDATEN,
	Q_BESLUIT_ZOEK,
	Q_BESLUIT_BESTAAT,
	Q_BESLUIT_NEXT_NUMMER,
	Q_BESLUIT_GET,
	Q_BESLUIT_LIST,
	Q_BESLUIT_COUNT,
	Q_BESLUIT_SET_STATUS,
	Q_BESLUIT_UPDATE,
	Q_BESLUIT_LINKS,
	Q_BESLUIT_DELETE_STAPPEN,
	Q_BESLUIT_DELETE,
	Q_BESLUIT_STAP_INSERT,
	Q_BESLUIT_STAPPEN,
	Q_BESLUIT_WIJZIGINGEN,
	Q_SW_INSERT,
	Q_SW_ID,
	Q_SW_GET,
	Q_SW_LIST,
	Q_SW_LID_INSERT,
	Q_SW_LEDEN,
	Q_EENHEID_INSERT,
	Q_EENHEID_ID,
	Q_EENHEID_GET,
	Q_EENHEID_LIST,
	Q_EENHEID_LIST_ALL,
	Q_INRICHTING_INSERT,
	Q_INRICHTING_HIST,
	Q_INRICHTING_CLOSE,
	Q_INRICHTING_OP,
	Q_KADER_ARTIKEL_INSERT,
	Q_KADER_VERSIE_INSERT,
	Q_KADER_EENHEID_INSERT,
	Q_KADER_ARTIKELEN,
	Q_KADER_VERSIES,
	Q_KADER_EENHEDEN,
	Q_WERKSTROOM_INSERT,
	Q_WERKSTROOM_LIST,
	Q_WERKSTROOM_LIST_ALL,
	Q_MIJLPAAL_INSERT,
	Q_MIJLPALEN,
	Q_TAAKVELD_INSERT,
	Q_TAAKVELD_LIST,
	Q_AUDIT_LAST,
	Q_AUDIT_INSERT,
	Q_AUDIT_ALL,
	Q_AUDIT_LIST,
	Q_AUDIT_COUNT,
	Q_GEBRUIKER_INSERT,
	Q_GEBRUIKER_GET,
	Q_GEBRUIKER_LIST,
	Q_GEBRUIKER_ROLLEN,
	Q_GEBRUIKER_ROL_INSERT,
	Q_GEBRUIKER_ROL_DELETE,
	Q_GEBRUIKER_INTREKKEN,
	Q_GEBRUIKER_WACHTWOORD,
	Q_SESSIE_INSERT,
	Q_SESSIE_GET,
	Q_SESSIE_TOUCH,
	Q_SESSIE_DELETE,
	Q_SESSIE_DELETE_GEBRUIKER,
	Q_TOKEN_INSERT,
	Q_TOKEN_GET,
	Q_TOKEN_REVOKE,
	Q_TOKEN_LIST,
	Q_GEBRUIKER_LAATSTE_LOGIN,
	Q_POGING_GET,
	Q_POGING_UPSERT,
	Q_POGING_DELETE,
	Q_WEIGERING_AFGELOPEN,
	Q_TOTP_SET,
	Q_TOTP_WIS,
	Q_TOTP_STAP,
	Q_HERSTEL_DELETE,
	Q_HERSTEL_INSERT,
	Q_HERSTEL_USE,
	Q_MW_INSERT,
	Q_MW_BESTAAT,
	Q_MW_UPDATE,
	Q_MW_LIST,
	Q_UREN_BATCH_BY_HASH,
	Q_UREN_BATCH_INSERT,
	Q_UREN_BATCH_AFRONDEN,
	Q_UREN_BATCH_LIST,
	Q_UREN_BATCH_VERVANG,
	Q_UREN_DELETE_RANGE,
	Q_UREN_CEL_DELETE,
	Q_UREN_MAX_ID,
	Q_UREN_CEL_INSERT,
	Q_UREN_OVERLAP,
	Q_UREN_DAG_OVER,
	Q_UREN_MAANDEN,
	Q_UREN_LAATSTE_JAAR,
	Q_UREN_CELLEN,
	Q_KP_LIST,
	Q_KP_DELETE,
	Q_KP_INSERT,
	Q_KP_UPSERT,
	Q_KP_DELETE_ONE,
	Q_KP_VASTGESTELD,
	Q_KR_LIST,
	Q_KR_UPSERT,
	Q_KL_LIST,
	Q_KL_UPSERT,
	Q_KL_DELETE,
	Q_KG_LIST,
	Q_KG_UPSERT,
	Q_KG_DELETE,
	Q_MW_KV_LIST,
	Q_MW_KV_UPSERT,
	Q_MW_KV_DELETE,
	Q_VS_LIST,
	Q_VS_UPSERT,
	Q_VS_DELETE,
	Q_KM_GET,
	Q_KM_UPSERT,
	Q_SC_LIST,
	Q_SC_INSERT,
	Q_SC_DELETE,
	Q_SCW_LIST,
	Q_SCW_INSERT,
	Q_SCW_DELETE,
	Q_KV_INSERT,
	Q_KV_ZELFDE,
	Q_KV_LIST,
	Q_KV_VASTSTELLEN,
	/* ---- appointments (store_afspraak.c, store_bericht.c) ---- */
	Q_VEST_INSERT,
	Q_VEST_UPDATE,
	Q_VEST_ID,
	Q_VEST_LIST,
	Q_VEST_BALIE_MAX,
	Q_OPEN_LIST,
	Q_OPEN_DELETE,
	Q_OPEN_INSERT,
	Q_SLUITING_LIST,
	Q_SLUITING_INSERT,
	Q_SLUITING_GET,
	Q_SLUITING_DELETE,
	Q_BP_INSERT,
	Q_BP_UPDATE,
	Q_BP_LIST,
	Q_DIENST_MW,
	Q_DIENST_OVERLAP,
	Q_DIENST_INSERT,
	Q_DIENST_REEKS,
	Q_DIENST_GET,
	Q_DIENST_GEBOEKT,
	Q_DIENST_DELETE,
	Q_DIENST_LIST,
	Q_DIENST_ZOEK,
	Q_AFSPRAAK_BEZET,
	Q_AFSPRAAK_BEZET_START,
	Q_AFSPRAAK_TELLEN,
	Q_AFSPRAAK_GET,
	Q_AFSPRAAK_SLEUTEL,
	Q_AFSPRAAK_PRODUCTEN,
	Q_AFSPRAAK_LIST,
	Q_AFSPRAAK_LIST_PRODUCTEN,
	Q_AFSPRAAK_INSERT,
	Q_AFSPRAAK_PRODUCT_INSERT,
	Q_AFSPRAAK_STATUS,
	Q_AFSPRAAK_VERPLAATS,
	Q_CEL_INSERT,
	Q_CEL_DELETE,
	Q_INSTELLING_GET,
	Q_INSTELLING_UPSERT,
	Q_BERICHT_INSERT,
	Q_BERICHT_VERVAL,
	Q_BERICHT_DUE,
	Q_BERICHT_GET,
	Q_BERICHT_SENT,
	Q_BERICHT_FAILED,
	Q_ZENDER_CLAIM,
	/* ---- limits of appointments (store_grens.c) ---- */
	Q_TELLER_GET,
	Q_TELLER_TEL,
	Q_TELLER_SNOEI,
	Q_AFSPRAAK_OPEN_EMAIL,
	Q_OPSCHONER_CLAIM,
	Q_OPSCHOON_GEMEENTEN,
	Q_OPSCHOON_NODIG,
	Q_OPSCHOON_KORTSTE,
	Q_OPSCHOON_BERICHT,
	Q_OPSCHOON_FOUT,
	Q_OPSCHOON_AFSPRAAK,
	Q_VRIJGAVE_INSERT,
	Q_VRIJGAVE_LIST,
	Q_VRIJGAVE_DELETE,
	Q_WACHTLIJST_INSERT,
	Q_WACHTLIJST_PER_ADRES,
	Q_WACHTLIJST_LIST,
	Q_WACHTLIJST_GET,
	Q_WACHTLIJST_DELETE,
	Q_WACHTLIJST_AANBIED,
	Q_BERICHT_AANBOD_INSERT,
	Q_OPSCHOON_WACHTLIJST_BERICHT,
	Q_OPSCHOON_WACHTLIJST,
	Q_AANDEEL_ROOSTER,
	Q_AANDEEL_WEB,
	Q_QMATIC_SLEUTEL_UPSERT,
	Q_QMATIC_SLEUTEL_GET,
	Q_QMATIC_SLEUTEL_BESTAAT,
	/* ---- the desk (store_balie.c) ---- */
	Q_BALIE_STATUS,
	Q_BALIE_MW,
	Q_BALIE_BATCH,
	Q_BALIE_BATCH_INSERT,
	Q_BALIE_BATCH_BRON,
	Q_BALIE_BATCH_TEL,
	Q_BALIE_DAG_BESTAND,
	Q_BALIE_DAG_BALIE,
	Q_BALIE_UREN_INSERT,
	Q_BALIE_UREN_GET,
	Q_BALIE_UREN_DELETE,
	Q_BALIE_CEL_PLUS,
	Q_BALIE_CEL_MIN,
	Q_BALIE_CEL_LEEG,
	Q_BALIE_STAT,
	Q_BALIE_STAT_PRODUCTEN,
	Q_KOPIE_VOLGENDE_ID,
	Q_KOPIE_VERVANGEN_DOOR,
#define Q_TABEL(t, k, z) Q_TABEL_##t,
	STORE_TABELLEN(Q_TABEL)
#undef Q_TABEL
		Q__COUNT
};

/* The SQL text of a statement for an engine. */
const char *query_text(enum query q, enum db_dialect d);

#endif
