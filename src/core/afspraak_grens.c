/*
 * afspraak_grens.c - the pure rules of the front office's limits: the
 * windows the abuse counters use, the network an address counts under,
 * the release of times in waves and the retention boundary.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "afspraak.h"
#include "../banned.h"

int64_t
grens_venster(int64_t now, int64_t lengte)
{
	int64_t r = now % lengte;

	if (r < 0)
		r += lengte;
	return now - r;
}

int64_t
grens_wacht(int64_t now, int64_t lengte)
{
	return grens_venster(now, lengte) + lengte - now;
}

bool
grens_netwerk(const char *herkomst, char out[64])
{
	static const unsigned char mapped[12] = { 0, 0, 0, 0, 0,    0,
						  0, 0, 0, 0, 0xff, 0xff };
	unsigned char raw[16];
	char text[INET6_ADDRSTRLEN];
	const char *h = herkomst ? herkomst : "";

	out[0] = '\0';
	if (inet_pton(AF_INET, h, raw) != 1) {
		if (inet_pton(AF_INET6, h, raw) != 1)
			return false;
		if (memcmp(raw, mapped, sizeof(mapped)) != 0) {
			static const unsigned char lus[16] = { [15] = 1 };

			if (memcmp(raw, lus, sizeof(lus)) == 0)
				return false;
			/* /56: the first seven bytes. */
			memset(raw + 7, 0, 9);
			inet_ntop(AF_INET6, raw, text, sizeof(text));
			snprintf(out, 64, "%s/56", text);
			return true;
		}
		memmove(raw, raw + 12, 4);
	}
	if (raw[0] == 127)
		return false;
	raw[3] = 0;
	inet_ntop(AF_INET, raw, text, sizeof(text));
	snprintf(out, 64, "%s/24", text);
	return true;
}

day_t
vrijgave_grens(const struct vrijgave *r, size_t n, int64_t now)
{
	day_t grens = DATE_NONE;

	for (size_t i = 0; i < n; i++)
		if (r[i].moment > now && r[i].vanaf != DATE_NONE &&
		    (grens == DATE_NONE || r[i].vanaf < grens))
			grens = r[i].vanaf;
	return grens;
}

int64_t
vrijgave_moment(const struct vrijgave *r, size_t n, day_t d, int64_t now)
{
	int64_t m = 0;

	for (size_t i = 0; i < n; i++)
		if (r[i].moment > now && r[i].vanaf != DATE_NONE &&
		    r[i].vanaf <= d && r[i].moment > m)
			m = r[i].moment;
	return m;
}

bool
aandeel_past(int64_t capaciteit, int64_t geboekt, int duur, int aandeel)
{
	if (aandeel >= 100)
		return true;
	return (geboekt + duur) * 100 <= capaciteit * aandeel;
}

int64_t
bewaar_grens(int64_t now, int dagen)
{
	return now - 86400 * (int64_t)dagen;
}
