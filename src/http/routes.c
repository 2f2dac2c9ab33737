/*
 * routes.c - every path the server answers, in one table: the JSON API
 * under /api/v1 (documented in api/openapi.json; a test keeps the two
 * equal) and the web pages.
 */
#include "api.h"
#include "../banned.h"

/* Every route names what it needs (enum need in http.h). */
#define API(m, p, h, need)                                         \
	{                                                          \
		m, API_BASE p, (void (*)(void))h, ROUTE_API | need \
	}
#define GET(p, h) API(HTTP_GET, p, h, NEED_PUBLIC)
#define PAGE(p, h)                                                       \
	{                                                                \
		HTTP_GET, p, (void (*)(void))h, ROUTE_PAGE | NEED_PUBLIC \
	}

const struct route http_routes[] = {
	GET("", api_root),
	{ HTTP_GET, API_BASE "/openapi.json", (void (*)(void))api_openapi,
	  ROUTE_API | ROUTE_OPEN | NEED_PUBLIC },
	GET("/gemeenten", api_gemeenten_list),
	API(HTTP_POST, "/gemeenten", api_gemeenten_post, NEED_BEHEERDER),
	GET("/gemeenten/{code}", api_gemeenten_get),
	GET("/regelingen", api_regelingen_list),
	GET("/regelingen/{code}", api_regelingen_get),
	GET("/samenwerkingen", api_samenwerkingen_list),
	GET("/samenwerkingen/{code}", api_samenwerkingen_get),
	GET("/samenwerkingen/{code}/eenheden", api_samenwerking_eenheden),
	GET("/samenwerkingen/{code}/kaderartikelen", api_samenwerking_kader),
	GET("/eenheden", api_eenheden_list),
	GET("/eenheden/{code}", api_eenheden_get),
	GET("/eenheden/{code}/inrichtingen", api_inrichtingen_list),
	API(HTTP_POST, "/eenheden/{code}/inrichtingen", api_inrichtingen_post,
	    NEED_SAMENWERKING_SCHRIJF),
	GET("/werkstromen", api_werkstromen_list),
	GET("/taakvelden", api_taakvelden_list),
	GET("/besluiten", api_besluiten_list),
	API(HTTP_POST, "/besluiten", api_besluiten_post, NEED_GEMEENTE_SCHRIJF),
	GET("/besluiten/{identificatie}", api_besluiten_get),
	API(HTTP_PATCH, "/besluiten/{identificatie}", api_besluiten_patch,
	    NEED_GEMEENTE_SCHRIJF),
	API(HTTP_DELETE, "/besluiten/{identificatie}", api_besluiten_delete,
	    NEED_GEMEENTE_SCHRIJF),
	GET("/besluiten/{identificatie}/statussen", api_statussen_list),
	API(HTTP_POST, "/besluiten/{identificatie}/statussen",
	    api_statussen_post, NEED_GEMEENTE_SCHRIJF),
	GET("/besluiten/{identificatie}/wijzigingen", api_wijzigingen_list),

	API(HTTP_GET, "/medewerkers", api_medewerkers_list,
	    NEED_SAMENWERKING_SCHRIJF),
	API(HTTP_POST, "/medewerkers", api_medewerkers_post,
	    NEED_SAMENWERKING_SCHRIJF),
	API(HTTP_GET, "/medewerkers/{nummer}", api_medewerkers_get,
	    NEED_SAMENWERKING_SCHRIJF),
	API(HTTP_PATCH, "/medewerkers/{nummer}", api_medewerkers_patch,
	    NEED_SAMENWERKING_SCHRIJF),
	API(HTTP_GET, "/uren/importen", api_uren_importen_list,
	    NEED_SAMENWERKING_SCHRIJF),
	API(HTTP_POST, "/uren/importen", api_uren_importen_post,
	    NEED_SAMENWERKING_SCHRIJF | ROUTE_UPLOAD),
	API(HTTP_GET, "/uren/importen/{batch}", api_uren_importen_get,
	    NEED_SAMENWERKING_SCHRIJF),
	API(HTTP_GET, "/uren/totalen", api_uren_totalen, NEED_INGELOGD),
	API(HTTP_GET, "/uren/afwijkingen", api_uren_afwijkingen, NEED_INGELOGD),

	API(HTTP_GET, "/kostenposten", api_kostenposten_list, NEED_INGELOGD),
	API(HTTP_POST, "/kostenposten", api_kostenposten_post,
	    NEED_SAMENWERKING_SCHRIJF | ROUTE_UPLOAD),
	API(HTTP_GET, "/scenarios", api_scenarios_list, NEED_INGELOGD),
	API(HTTP_POST, "/scenarios", api_scenarios_post,
	    NEED_SAMENWERKING_SCHRIJF),
	API(HTTP_GET, "/kostenverdelingen", api_kostenverdelingen_list,
	    NEED_INGELOGD),
	API(HTTP_POST, "/kostenverdelingen", api_kostenverdelingen_post,
	    NEED_SAMENWERKING_SCHRIJF),
	API(HTTP_GET, "/kostenverdelingen/{nummer}", api_kostenverdelingen_get,
	    NEED_INGELOGD),
	API(HTTP_POST, "/kostenverdelingen/{nummer}/vaststelling",
	    api_kostenverdelingen_vaststelling, NEED_SAMENWERKING_SCHRIJF),
	API(HTTP_GET, "/kostenverdelingen/{nummer}/vergelijking",
	    api_kostenverdelingen_vergelijking, NEED_INGELOGD),

	API(HTTP_GET, "/auditregels", api_audit_list, NEED_INGELOGD),

	PAGE("/", page_home),
	PAGE("/samenwerkingen/{code}", page_samenwerking),
	PAGE("/eenheden/{code}", page_eenheid),
	PAGE("/besluiten", page_besluiten),
	PAGE("/besluiten/{identificatie}", page_besluit),
	PAGE("/werkstromen", page_werkstromen),
	PAGE("/toegankelijkheid", page_toegankelijkheid),
	PAGE("/inloggen", page_login_form),
	{ HTTP_GET, "/audit", (void (*)(void))page_audit,
	  ROUTE_PAGE | NEED_INGELOGD },
	{ HTTP_GET, "/uren", (void (*)(void))page_uren,
	  ROUTE_PAGE | NEED_SAMENWERKING_SCHRIJF },
	{ HTTP_POST, "/uren/importen", (void (*)(void))page_uren_import,
	  ROUTE_PAGE | NEED_SAMENWERKING_SCHRIJF | ROUTE_UPLOAD },
	{ HTTP_GET, "/samenwerkingen/{code}/uren",
	  (void (*)(void))page_urenverdeling, ROUTE_PAGE | NEED_INGELOGD },
	{ HTTP_GET, "/samenwerkingen/{code}/afwijkingen",
	  (void (*)(void))page_afwijkingen, ROUTE_PAGE | NEED_INGELOGD },
	{ HTTP_GET, "/samenwerkingen/{code}/kostenverdelingen",
	  (void (*)(void))page_kostenverdelingen, ROUTE_PAGE | NEED_INGELOGD },
	{ HTTP_POST, "/samenwerkingen/{code}/kostenverdelingen",
	  (void (*)(void))page_kostenverdelingen_post,
	  ROUTE_PAGE | NEED_SAMENWERKING_SCHRIJF },
	{ HTTP_GET, "/kostenverdelingen/{nummer}",
	  (void (*)(void))page_kostenverdeling, ROUTE_PAGE | NEED_INGELOGD },
	{ HTTP_POST, "/kostenverdelingen/{nummer}",
	  (void (*)(void))page_kostenverdeling_post,
	  ROUTE_PAGE | NEED_SAMENWERKING_SCHRIJF },
	{ HTTP_GET, "/kostenverdelingen/{nummer}/gemeenten/{gemeente}",
	  (void (*)(void))page_kostenverdeling_uitleg,
	  ROUTE_PAGE | NEED_INGELOGD },
	{ HTTP_GET, "/kostenverdelingen/{nummer}/vergelijking",
	  (void (*)(void))page_kostenverdeling_vergelijking,
	  ROUTE_PAGE | NEED_INGELOGD },
	{ HTTP_GET, "/medewerkers", (void (*)(void))page_medewerkers,
	  ROUTE_PAGE | NEED_SAMENWERKING_SCHRIJF },
	{ HTTP_GET, "/medewerkers/{nummer}", (void (*)(void))page_medewerker,
	  ROUTE_PAGE | NEED_SAMENWERKING_SCHRIJF },
	{ HTTP_POST, "/medewerkers/{nummer}",
	  (void (*)(void))page_medewerker_post,
	  ROUTE_PAGE | NEED_SAMENWERKING_SCHRIJF },
	{ HTTP_POST, "/inloggen", (void (*)(void))page_login,
	  ROUTE_PAGE | NEED_PUBLIC },
	{ HTTP_POST, "/uitloggen", (void (*)(void))page_logout,
	  ROUTE_PAGE | NEED_PUBLIC },
	{ HTTP_GET, "/static/{bestand}", (void (*)(void))page_static,
	  ROUTE_STATIC | NEED_PUBLIC },
};

const size_t http_nroutes = sizeof(http_routes) / sizeof(http_routes[0]);
