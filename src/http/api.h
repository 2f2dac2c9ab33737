/*
 * api.h - the handlers of the JSON API under /api/v1 (one file per
 * resource area) and of the pages; the route table in routes.c maps
 * paths to them.
 */
#ifndef AMBT_HTTP_API_H
#define AMBT_HTTP_API_H

#include "http.h"

/* api_register.c */
enum status api_gemeenten_list(struct request *, struct response *,
			       struct err *);
enum status api_gemeenten_get(struct request *, struct response *,
			      struct err *);
enum status api_gemeenten_post(struct request *, struct response *,
			       struct err *);
enum status api_regelingen_list(struct request *, struct response *,
				struct err *);
enum status api_regelingen_get(struct request *, struct response *,
			       struct err *);
enum status api_samenwerkingen_list(struct request *, struct response *,
				    struct err *);
enum status api_samenwerkingen_get(struct request *, struct response *,
				   struct err *);
enum status api_samenwerking_eenheden(struct request *, struct response *,
				      struct err *);
enum status api_samenwerking_kader(struct request *, struct response *,
				   struct err *);
enum status api_eenheden_list(struct request *, struct response *,
			      struct err *);
enum status api_eenheden_get(struct request *, struct response *, struct err *);
enum status api_inrichtingen_list(struct request *, struct response *,
				  struct err *);
enum status api_inrichtingen_post(struct request *, struct response *,
				  struct err *);
enum status api_werkstromen_list(struct request *, struct response *,
				 struct err *);
enum status api_taakvelden_list(struct request *, struct response *,
				struct err *);

/* api_besluiten.c */
enum status api_besluiten_list(struct request *, struct response *,
			       struct err *);
enum status api_besluiten_get(struct request *, struct response *,
			      struct err *);
enum status api_besluiten_post(struct request *, struct response *,
			       struct err *);
enum status api_besluiten_patch(struct request *, struct response *,
				struct err *);
enum status api_besluiten_delete(struct request *, struct response *,
				 struct err *);
enum status api_statussen_list(struct request *, struct response *,
			       struct err *);
enum status api_statussen_post(struct request *, struct response *,
			       struct err *);
enum status api_wijzigingen_list(struct request *, struct response *,
				 struct err *);

/* api_uren.c */
enum status api_medewerkers_list(struct request *, struct response *,
				 struct err *);
enum status api_medewerkers_get(struct request *, struct response *,
				struct err *);
enum status api_medewerkers_post(struct request *, struct response *,
				 struct err *);
enum status api_medewerkers_importen(struct request *, struct response *,
				     struct err *);
enum status api_medewerkers_patch(struct request *, struct response *,
				  struct err *);
enum status api_uren_importen_post(struct request *, struct response *,
				   struct err *);
enum status api_uren_importen_list(struct request *, struct response *,
				   struct err *);
enum status api_uren_importen_get(struct request *, struct response *,
				  struct err *);
enum status api_uren_totalen(struct request *, struct response *, struct err *);
enum status api_uren_afwijkingen(struct request *, struct response *,
				 struct err *);

/* pages.c: the data every page has, its title and current menu item. */
json_t *page_data(const char *titel, const char *menu);
/* After a form that worked: 303 See Other to `loc` (a path of this site,
 * copied), so that reloading the page does not send the form again. */
enum status page_see_other(struct request *rq, struct response *rs,
			   const char *loc);
/* Choices of a form's select (pages.c): {"code", "naam"} each. */
void keuze_add(json_t *arr, const char *code, const char *naam);
json_t *keuze_eenheden(const struct eenheid_op *eh, size_t n);
json_t *keuze_leden(const struct lidmaatschap *l, size_t n);
json_t *keuze_grondslagen(void);
/* A copy of the choices `keuzes` with "gekozen" true on the one whose code
 * is `waarde` (a form shown again keeps what was chosen). */
json_t *keuze_kies(const json_t *keuzes, const char *waarde);
json_t *form_problemen_json(struct err *e,
			    void (*zin)(const struct problem *p, char *buf,
					size_t n, const char **veld));

/* pages_uren.c */
enum status page_uren(struct request *, struct response *, struct err *);
enum status page_uren_import(struct request *, struct response *, struct err *);
enum status page_urenverdeling(struct request *, struct response *,
			       struct err *);
enum status page_afwijkingen(struct request *, struct response *, struct err *);
enum status page_medewerkers(struct request *, struct response *, struct err *);
enum status page_medewerkers_import(struct request *, struct response *,
				    struct err *);
enum status page_medewerker(struct request *, struct response *, struct err *);
enum status page_medewerker_post(struct request *, struct response *,
				 struct err *);

/* What the API and the pages share for importing hours. */
struct uren_import_keuze {
	bool proef; /* check only */
	bool nieuwe_medewerkers;
	int64_t vervang; /* batch to replace, or 0 */
};

struct uren_import_uitkomst {
	struct arena a; /* holds res; free with arena_free */
	struct uren_resultaat res;
	bool gecontroleerd; /* the file passed the checks */
	struct uren_batch batch; /* when stored (or stored before: al) */
	bool al;
};

/* Whether a Content-Type is text/csv (with or without parameters). */
bool media_csv(const char *content_type);

/* ---- the contribution calculation (api_kosten.c, pages_kosten.c) ---- */
enum status api_kostenposten_list(struct request *, struct response *,
				  struct err *);
enum status api_kostenposten_put(struct request *, struct response *,
				 struct err *);
enum status api_kostenposten_delete(struct request *, struct response *,
				    struct err *);
enum status api_kostenposten_post(struct request *, struct response *,
				  struct err *);
enum status api_scenarios_list(struct request *, struct response *,
			       struct err *);
enum status api_scenarios_post(struct request *, struct response *,
			       struct err *);
enum status api_scenarios_delete(struct request *, struct response *,
				 struct err *);
enum status api_kostenverdelingen_list(struct request *, struct response *,
				       struct err *);
enum status api_kostenverdelingen_post(struct request *, struct response *,
				       struct err *);
enum status api_kostenverdelingen_get(struct request *, struct response *,
				      struct err *);
enum status api_kostenverdelingen_vaststelling(struct request *,
					       struct response *, struct err *);
enum status api_kostenverdelingen_vergelijking(struct request *,
					       struct response *, struct err *);
enum status page_kostenverdelingen(struct request *, struct response *,
				   struct err *);
enum status page_kostenverdelingen_post(struct request *, struct response *,
					struct err *);
enum status api_verdeelsleutels_get(struct request *, struct response *,
				    struct err *);
enum status api_verdeelsleutels_patch(struct request *, struct response *,
				      struct err *);
enum status page_scenarios(struct request *, struct response *, struct err *);
enum status page_scenarios_post(struct request *, struct response *,
				struct err *);
/* A scenario for a page: its changes in words (pages_scenario.c). */
json_t *scenario_page_json(const struct scenario *sc);
enum status page_verdeelsleutels(struct request *, struct response *,
				 struct err *);
enum status page_verdeelsleutels_post(struct request *, struct response *,
				      struct err *);
enum status page_kostenposten(struct request *, struct response *,
			      struct err *);
enum status page_kostenposten_post(struct request *, struct response *,
				   struct err *);
enum status page_kostenposten_bestand(struct request *, struct response *,
				      struct err *);
enum status page_kostenverdeling(struct request *, struct response *,
				 struct err *);
enum status page_kostenverdeling_post(struct request *, struct response *,
				      struct err *);
enum status page_kostenverdeling_uitleg(struct request *, struct response *,
					struct err *);
enum status page_kostenverdeling_vergelijking(struct request *,
					      struct response *, struct err *);

/*
 * Calculation `id_tekst`, with the right to read it, recomputed from its
 * stored input and checked byte for byte (ST_INTERNAL when it is not).
 */
enum status kostenverdeling_van(struct request *rq, const char *id_tekst,
				struct kostenverdeling *k,
				struct kv_uitkomst *u, struct err *e);

/* Compute a cooperation's year (or scenario) and store it (controller or
 * beheerder); its number in *id. */
enum status kostenverdeling_bereken(struct request *rq, const char *sw,
				    int jaar, const char *scenario, int64_t *id,
				    bool *bestond, struct err *e);

/*
 * The staff member a request names by `nummer` (and its query parameter
 * samenwerking) among those the principal keeps: 404 alike for staff of
 * others and for numbers that do not exist.
 */
enum status medewerker_van(struct request *rq, const char *nummer,
			   struct medewerker *m, struct err *e);

/*
 * May the principal write what belongs to unit `eenheid`: a beheerder, or
 * the controller of its cooperation (403 otherwise). An unknown unit is
 * left to the write, which names it.
 */
enum status authz_eenheid_schrijven(struct request *rq, const char *eenheid,
				    struct err *e);

/*
 * Check (and unless k->proef store) an hours file for the principal: a
 * controller may only book the units of their cooperations. ST_INVALID
 * with u->gecontroleerd false: u->res.problemen says why.
 */
/* Import a staff file for the principal (api_uren.c): the units must be
 * the principal's; all or nothing, nothing kept with `proef`. */
enum status medewerkers_import_verzoek(struct request *rq, const char *data,
				       size_t n, bool proef, size_t *nieuw,
				       size_t *gewijzigd, struct err *e);
enum status uren_import_verzoek(struct request *rq, const char *data, size_t n,
				const char *bestand,
				const struct uren_import_keuze *k,
				struct uren_import_uitkomst *u, struct err *e);

/*
 * The month totals of a cooperation for *jaar and the year before (*jaar
 * 0: the latest year with hours, or this year when there are none).
 */
enum status uren_maanden_van(struct request *rq, const char *sw, int *jaar,
			     struct uren_maand **m, size_t *n, struct err *e);

/* The framework deviations of a cooperation in [van, tot). */
enum status uren_afwijkingen_van(struct request *rq, const char *sw, day_t van,
				 day_t tot, struct uren_register *reg,
				 struct uren_afwijking_groep **g, size_t *ng,
				 struct err *e);

/* api_afspraken.c: the front office by appointment */
enum status api_vestigingen_list(struct request *, struct response *,
				 struct err *);
enum status api_vestigingen_get(struct request *, struct response *,
				struct err *);
enum status api_vestigingen_post(struct request *, struct response *,
				 struct err *);
enum status api_vestigingen_patch(struct request *, struct response *,
				  struct err *);
enum status api_sluitingen_post(struct request *, struct response *,
				struct err *);
enum status api_sluitingen_delete(struct request *, struct response *,
				  struct err *);
enum status api_producten_list(struct request *, struct response *,
			       struct err *);
enum status api_producten_get(struct request *, struct response *,
			      struct err *);
enum status api_producten_post(struct request *, struct response *,
			       struct err *);
enum status api_producten_patch(struct request *, struct response *,
				struct err *);
enum status api_roosterdiensten_list(struct request *, struct response *,
				     struct err *);
enum status api_roosterdiensten_post(struct request *, struct response *,
				     struct err *);
enum status api_roosterdiensten_delete(struct request *, struct response *,
				       struct err *);
enum status api_vrije_tijden(struct request *, struct response *, struct err *);
/* The desk (api_balie.c). */
enum status api_balie_list(struct request *, struct response *, struct err *);
enum status api_balie_vestiging(struct request *, struct response *,
				struct err *);
enum status api_balie_inloop(struct request *, struct response *, struct err *);
enum status api_afspraken_status(struct request *, struct response *,
				 struct err *);
enum status api_afspraakstatistiek(struct request *, struct response *,
				   struct err *);
enum status api_afspraken_list(struct request *, struct response *,
			       struct err *);
enum status api_afspraken_post(struct request *, struct response *,
			       struct err *);
enum status api_afspraken_get(struct request *, struct response *,
			      struct err *);
enum status api_afspraken_delete(struct request *, struct response *,
				 struct err *);
enum status api_afspraken_patch(struct request *, struct response *,
				struct err *);
/* api_grenzen.c: the release of times in waves */
enum status api_wachtlijst_post(struct request *, struct response *,
				struct err *);
enum status api_wachtlijst_delete(struct request *, struct response *,
				  struct err *);
enum status api_wachtlijst_list(struct request *, struct response *,
				struct err *);
enum status api_vrijgaven_list(struct request *, struct response *,
			       struct err *);
enum status api_vrijgaven_post(struct request *, struct response *,
			       struct err *);
enum status api_vrijgaven_delete(struct request *, struct response *,
				 struct err *);

/* pages_rooster.c: the planner's roster of the front office */
enum status page_rooster(struct request *, struct response *, struct err *);
/* The desk's pages (pages_balie.c). */
enum status page_balie(struct request *, struct response *, struct err *);
enum status page_balie_vestiging(struct request *, struct response *,
				 struct err *);
enum status page_balie_post(struct request *, struct response *, struct err *);
enum status page_afspraakstatistiek(struct request *, struct response *,
				    struct err *);
enum status page_rooster_post(struct request *, struct response *,
			      struct err *);
enum status page_rooster_dienst(struct request *, struct response *,
				struct err *);
enum status page_rooster_dienst_post(struct request *, struct response *,
				     struct err *);

/* pages_afspraak.c: the residents' booking pages of a municipality */
enum status page_afspraak_start(struct request *, struct response *,
				struct err *);
enum status page_afspraak_tijden(struct request *, struct response *,
				 struct err *);
enum status page_afspraak_gegevens(struct request *, struct response *,
				   struct err *);
enum status page_afspraak_boek(struct request *, struct response *,
			       struct err *);
enum status page_afspraak_agenda(struct request *, struct response *,
				 struct err *);
enum status page_afspraak_wijzigen(struct request *, struct response *,
				   struct err *);
enum status page_afspraak_zoek(struct request *, struct response *,
			       struct err *);
enum status page_afspraak_verzet(struct request *, struct response *,
				 struct err *);
enum status page_afspraak_wachtlijst(struct request *, struct response *,
				     struct err *);
enum status page_afspraak_wachtlijst_post(struct request *, struct response *,
					  struct err *);
enum status page_afspraak_annuleer(struct request *, struct response *,
				   struct err *);

/* api_gebruikers.c: accounts (beheerder) and one's own account */
enum status api_gebruikers_list(struct request *, struct response *,
				struct err *);
enum status api_gebruikers_post(struct request *, struct response *,
				struct err *);
enum status api_gebruikers_get(struct request *, struct response *,
			       struct err *);
enum status api_gebruikers_rol_post(struct request *, struct response *,
				    struct err *);
enum status api_gebruikers_rol_delete(struct request *, struct response *,
				      struct err *);
enum status api_gebruikers_intrekking(struct request *, struct response *,
				      struct err *);
enum status api_gebruikers_tweede_factor_delete(struct request *,
						struct response *,
						struct err *);
enum status api_gebruikers_token_post(struct request *, struct response *,
				      struct err *);
enum status api_gebruikers_token_delete(struct request *, struct response *,
					struct err *);
enum status api_account_get(struct request *, struct response *, struct err *);
enum status api_account_wachtwoord(struct request *, struct response *,
				   struct err *);
enum status api_account_tweede_factor_voorstel(struct request *,
					       struct response *, struct err *);
enum status api_account_tweede_factor(struct request *, struct response *,
				      struct err *);
enum status api_account_token_post(struct request *, struct response *,
				   struct err *);
enum status api_account_token_delete(struct request *, struct response *,
				     struct err *);

/* pages_gebruikers.c */
enum status page_gebruikers(struct request *, struct response *, struct err *);
enum status page_gebruikers_post(struct request *, struct response *,
				 struct err *);
enum status page_gebruiker(struct request *, struct response *, struct err *);
enum status page_gebruiker_post(struct request *, struct response *,
				struct err *);
enum status page_account(struct request *, struct response *, struct err *);
enum status page_account_post(struct request *, struct response *,
			      struct err *);

/* What the API and the pages share for accounts (api_gebruikers.c). */
#define GEBRUIKER_WACHTWOORD_LEN 32 /* a generated password and NUL */
#define HERSTELCODES 10 /* recovery codes of a second factor */
json_t *gebruiker_json(const struct gebruiker *g);
json_t *gebruiker_rollen_json(const struct gebruiker *g);
json_t *token_json(const struct token_info *t, int64_t now);
/* An account with its tokens; 404 when there is none. */
enum status gebruiker_account_json(struct request *rq,
				   const char *gebruikersnaam, json_t **out,
				   struct err *e);
/* A new account with a generated password (into pw, shown once) and
 * optionally a first role, in one transaction. */
enum status gebruiker_maak(struct request *rq, const char *gebruikersnaam,
			   const char *naam, const char *email, const char *rol,
			   const char *scope, char *pw, size_t pwn,
			   struct err *e);
/* Grant or (weg) withdraw a role; a beheerder keeps their own. */
enum status gebruiker_rol_wijzig(struct request *rq, const char *gebruikersnaam,
				 const char *rol, const char *scope, bool weg,
				 struct err *e);
/* Close an account for good (not one's own). */
enum status gebruiker_intrek(struct request *rq, const char *gebruikersnaam,
			     struct err *e);
/* A new token (secret into secret[65], shown once); `zelf`: the asker's
 * own, made by a token only for one of that token's roles. */
enum status token_maak(struct request *rq, const char *gebruikersnaam,
		       const char *naam, int64_t dagen, const char *rol,
		       const char *scope, bool alleen_lezen, bool zelf,
		       char *secret, int64_t *id, struct err *e);
/* One's own password: the current one, and the new one (twice, unless
 * `nogmaals` is NULL). */
enum status wachtwoord_wijzig(struct request *rq, const char *huidig,
			      const char *nieuw, const char *nogmaals,
			      struct err *e);
/* The otpauth URI of a secret for the asker's authenticator app. */
const char *tweede_factor_uri(struct request *rq, const char *geheim);
/* Set the asker's second factor once a code proves the app has `geheim`;
 * the ncodes recovery codes (shown once) into codes. */
enum status tweede_factor_zet(struct request *rq, const char *geheim,
			      const char *code, char codes[][16], size_t ncodes,
			      struct err *e);

/* api_meta.c */
enum status api_root(struct request *, struct response *, struct err *);
enum status api_openapi(struct request *, struct response *, struct err *);

/* pages.c */
enum status page_home(struct request *, struct response *, struct err *);
enum status page_samenwerking(struct request *, struct response *,
			      struct err *);
enum status page_eenheid(struct request *, struct response *, struct err *);
enum status page_besluiten(struct request *, struct response *, struct err *);
enum status page_besluit(struct request *, struct response *, struct err *);
enum status page_werkstromen(struct request *, struct response *, struct err *);
enum status page_api(struct request *, struct response *, struct err *);
enum status page_toegankelijkheid(struct request *, struct response *,
				  struct err *);
enum status page_login_form(struct request *, struct response *, struct err *);
enum status page_login(struct request *, struct response *, struct err *);
enum status page_logout(struct request *, struct response *, struct err *);
enum status api_audit_list(struct request *, struct response *, struct err *);
enum status page_audit(struct request *, struct response *, struct err *);
enum status page_static(struct request *, struct response *, struct err *);

/*
 * Shared by API and pages: a cooperation as of a date, with its members,
 * its units as arranged then, and the framework articles in force.
 */
enum status build_samenwerking_op(struct request *rq, const char *code,
				  day_t op, json_t **out, struct err *e);

/*
 * The decision a request names by `id` (and its query parameter
 * verantwoordelijkeOrganisatie), as the principal may see it: 404 alike
 * when there is none and when it may not be read; 400 when several
 * organisations the principal reads have one with that number.
 */
enum status besluit_van(struct request *rq, const char *id, struct besluit *b,
			struct err *e);

/* A decision with its history and the register changes it enacted. */
enum status build_besluit(struct request *rq, const struct besluit *b,
			  json_t **out, struct err *e);

/* A unit with its arrangement history. */
enum status build_eenheid(struct request *rq, const char *code, json_t **out,
			  struct err *e);

#endif
