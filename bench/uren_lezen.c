/*
 * uren_lezen.c - how fast an hours export is read: the encoding check and
 * the CSV reader (libcsv, row by row) over a whole file in memory, in MB/s.
 * Prints one JSON object. Usage: uren_lezen FILE [ROUNDS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../src/core/uren.h"
#include "../src/core/uren_csv.h"

static bool
tel(void *ctx, const struct csv_rij *rij)
{
	(void)rij;
	(*(size_t *)ctx)++;
	return true;
}

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
	FILE *f;
	char *data;
	long len;
	int rounds = argc > 2 ? (int)strtol(argv[2], NULL, 10) : 3;
	double best = 1e30;
	size_t rows = 0;

	if (argc < 2 || !(f = fopen(argv[1], "rb"))) {
		fprintf(stderr, "gebruik: uren_lezen BESTAND [RONDES]\n");
		return 2;
	}
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	data = malloc((size_t)len + 1);
	if (!data || fread(data, 1, (size_t)len, f) != (size_t)len)
		return 2;
	fclose(f);
	for (int r = 0; r < rounds; r++) {
		struct arena a;
		struct err e;
		struct csv_tabel csv;
		enum uren_encoding enc;
		const char *text;
		size_t tn;
		double t0 = nu(), t;

		arena_init(&a, 1u << 30);
		err_clear(&e);
		rows = 0;
		if (uren_tekst(&a, data, (size_t)len, &enc, &text, &tn, &e) ||
		    uren_csv_stroom(&a, text, tn, tel, &rows, &csv, &e)) {
			fprintf(stderr, "niet gelezen: %s\n", e.message);
			return 1;
		}
		t = nu() - t0;
		if (t < best)
			best = t;
		arena_free(&a);
	}
	printf("{\"bytes\": %ld, \"rijen\": %zu, \"seconden\": %.3f, "
	       "\"mb_per_s\": %.1f}\n",
	       len, rows, best, (double)len / 1e6 / best);
	free(data);
	return 0;
}
