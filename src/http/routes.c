/*
 * routes.c - every path the server answers, in one table: the JSON API
 * under /api/v1 (documented in api/openapi.json; a test keeps the two
 * equal) and the web pages.
 */
#include "api.h"
#include "../banned.h"

#define API(m, p, h)                                        \
	{                                                   \
		m, API_BASE p, (void (*)(void))h, ROUTE_API \
	}
#define PAGE(p, h)                                         \
	{                                                  \
		HTTP_GET, p, (void (*)(void))h, ROUTE_PAGE \
	}

const struct route http_routes[] = {
	API(HTTP_GET, "", api_root),
	{ HTTP_GET, API_BASE "/openapi.json", (void (*)(void))api_openapi,
	  ROUTE_API | ROUTE_OPEN },
	API(HTTP_GET, "/gemeenten", api_gemeenten_list),
	API(HTTP_POST, "/gemeenten", api_gemeenten_post),
	API(HTTP_GET, "/gemeenten/{code}", api_gemeenten_get),
	API(HTTP_GET, "/regelingen", api_regelingen_list),
	API(HTTP_GET, "/regelingen/{code}", api_regelingen_get),
	API(HTTP_GET, "/samenwerkingen", api_samenwerkingen_list),
	API(HTTP_GET, "/samenwerkingen/{code}", api_samenwerkingen_get),
	API(HTTP_GET, "/samenwerkingen/{code}/eenheden",
	    api_samenwerking_eenheden),
	API(HTTP_GET, "/samenwerkingen/{code}/kaderartikelen",
	    api_samenwerking_kader),
	API(HTTP_GET, "/eenheden", api_eenheden_list),
	API(HTTP_GET, "/eenheden/{code}", api_eenheden_get),
	API(HTTP_GET, "/eenheden/{code}/inrichtingen", api_inrichtingen_list),
	API(HTTP_POST, "/eenheden/{code}/inrichtingen", api_inrichtingen_post),
	API(HTTP_GET, "/werkstromen", api_werkstromen_list),
	API(HTTP_GET, "/taakvelden", api_taakvelden_list),
	API(HTTP_GET, "/besluiten", api_besluiten_list),
	API(HTTP_POST, "/besluiten", api_besluiten_post),
	API(HTTP_GET, "/besluiten/{identificatie}", api_besluiten_get),
	API(HTTP_PATCH, "/besluiten/{identificatie}", api_besluiten_patch),
	API(HTTP_DELETE, "/besluiten/{identificatie}", api_besluiten_delete),
	API(HTTP_GET, "/besluiten/{identificatie}/statussen",
	    api_statussen_list),
	API(HTTP_POST, "/besluiten/{identificatie}/statussen",
	    api_statussen_post),
	API(HTTP_GET, "/besluiten/{identificatie}/wijzigingen",
	    api_wijzigingen_list),

	PAGE("/", page_home),
	PAGE("/samenwerkingen/{code}", page_samenwerking),
	PAGE("/eenheden/{code}", page_eenheid),
	PAGE("/besluiten", page_besluiten),
	PAGE("/besluiten/{identificatie}", page_besluit),
	PAGE("/werkstromen", page_werkstromen),
	PAGE("/toegankelijkheid", page_toegankelijkheid),
	{ HTTP_GET, "/static/{bestand}", (void (*)(void))page_static,
	  ROUTE_STATIC },
};

const size_t http_nroutes = sizeof(http_routes) / sizeof(http_routes[0]);
