/*
 * fuzz.h - what every fuzz target shares: the libFuzzer entry point and a
 * check that, unlike assert(), stays on with NDEBUG and names the failing
 * condition before it aborts (libFuzzer and replay.c both treat the abort
 * as a crash).
 */
#ifndef AMBT_FUZZ_H
#define AMBT_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                       \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
				__LINE__, #cond);                              \
			abort();                                               \
		}                                                              \
	} while (0)

#endif
