/*
 * clock.c - the current instant, from the system clock or $AMBT_NU.
 */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "clock.h"
#include "../banned.h"

int64_t
clock_now(void)
{
	static atomic_int warned;
	const char *env = getenv("AMBT_NU");
	int64_t t;

	if (env && *env) {
		if (date_parse_instant(env, &t) == 0)
			return t;
		if (!atomic_exchange(&warned, 1))
			fprintf(stderr,
				"ambt: AMBT_NU='%.40s' is geen tijdstip "
				"(JJJJ-MM-DDTUU:MM:SS+01:00 of JJJJ-MM-DD); de "
				"klok van de computer geldt.\n",
				env);
	}
	return (int64_t)time(NULL);
}

day_t
clock_today(void)
{
	return date_amsterdam_today(clock_now());
}
