/*
 * clock.h - the program's one clock. Everything that needs "now" (the
 * server per request, the command line per run) asks here and passes the
 * instant on; src/core and src/store never read the clock.
 *
 * $AMBT_NU fixes the clock, for tests and reproducible examples: an
 * instant ("2026-11-22T10:30:00+01:00", "2026-11-22T09:30:00Z") or a day
 * ("2026-11-22", noon in Amsterdam). A value that cannot be read is
 * ignored with a warning on stderr, once.
 */
#ifndef AMBT_SYS_CLOCK_H
#define AMBT_SYS_CLOCK_H

#include <stdint.h>

#include "../core/date.h"

/* The current instant in Unix seconds (UTC). */
int64_t clock_now(void);

/* The Europe/Amsterdam calendar date of clock_now(). */
day_t clock_today(void);

#endif
