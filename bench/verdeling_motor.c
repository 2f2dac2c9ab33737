/*
 * verdeling_motor.c - how fast the contribution calculation engine is on
 * its own: reads an input document once, then times kv_bereken (no
 * database, no JSON output) for a number of rounds and prints the best
 * round as JSON: {"seconden": s, "bladen": n, "posten": n}.
 *
 * Usage: verdeling_motor DOCUMENT.json [ROUNDS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../src/core/kostenverdeling.h"
#include "../src/present/kostenverdeling.h"

static double
nu(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "gebruik: %s DOCUMENT.json [RONDES]\n",
			argv[0]);
		return 2;
	}
	int rondes = argc > 2 ? atoi(argv[2]) : 5;
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	static char buf[64 << 20];
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	struct arena a;
	struct err e;
	struct kv_invoer in;
	arena_init(&a, 1u << 30);
	if (kv_json_lees(buf, n, &a, &in, &e)) {
		fprintf(stderr, "ongeldig document: %s\n",
			e.nproblems ? e.problems[0].reason : e.message);
		return 1;
	}
	double beste = 1e9;
	size_t bladen = 0, posten = 0;
	for (int r = 0; r < rondes; r++) {
		struct arena ra;
		struct kv_uitkomst u;
		arena_init(&ra, 1u << 30);
		double t = nu();
		if (kv_bereken(&in, &ra, &u, &e)) {
			fprintf(stderr, "niet berekend: %s\n",
				e.nproblems ? e.problems[0].reason : e.message);
			return 1;
		}
		t = nu() - t;
		if (t < beste)
			beste = t;
		bladen = u.nbladen;
		posten = u.nposten;
		arena_free(&ra);
	}
	printf("{\"seconden\": %.4f, \"bladen\": %zu, \"posten\": %zu}\n",
	       beste, bladen, posten);
	arena_free(&a);
	return 0;
}
