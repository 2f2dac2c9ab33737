/*
 * afspraak_cli.c - opening hours and times as people type them, and the
 * standard catalogue (afspraak_cli.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "afspraak_cli.h"
#include "../present/afspraak.h"
#include "../banned.h"

#define MAX_OPEN 56 /* opening ranges of a week */

static const char *const dagen[7] = { "ma", "di", "wo", "do", "vr", "za", "zo" };

static int
dag_van(const char *s, size_t n)
{
	for (int i = 0; i < 7; i++)
		if (n == 2 && strncmp(s, dagen[i], 2) == 0)
			return i;
	return -1;
}

static int
fout(const char *wat, const char *stuk)
{
	return cli_usage_error("%s: '%.40s' kan ik niet lezen; schrijf "
			       "bijvoorbeeld 'ma-vr 08:30-12:30,13:30-16:00; "
			       "do 18:00-20:00'.",
			       wat, stuk);
}

/* "08:30-12:30" into [van, tot). */
static bool
bereik(const char *s, size_t n, int *van, int *tot)
{
	char a[8], b[8];
	const char *streep = memchr(s, '-', n);
	size_t la, lb;

	if (!streep)
		return false;
	la = (size_t)(streep - s);
	lb = n - la - 1;
	if (la == 0 || lb == 0 || la >= sizeof(a) || lb >= sizeof(b))
		return false;
	memcpy(a, s, la);
	a[la] = '\0';
	memcpy(b, streep + 1, lb);
	b[lb] = '\0';
	*van = present_minuut_parse(a);
	*tot = present_minuut_parse(b);
	return *van >= 0 && *van < 1440 && *tot > *van;
}

int
cli_openingstijden(const char *text, const char *wat, struct arena *a,
		   struct openingstijd **out, size_t *n)
{
	struct openingstijd *o = arena_calloc(a, MAX_OPEN + 1, sizeof(*o));
	const char *p = text;

	*n = 0;
	*out = o;
	if (!o)
		return EXIT_INTERNAL;
	while (p && *p) {
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *groep = arena_strndup(a, p, len), *g = groep, *sp;
		bool dag[7] = { false };

		p = end ? end + 1 : NULL;
		while (*g == ' ')
			g++;
		if (!*g)
			continue;
		sp = strchr(g, ' ');
		if (!sp)
			return fout(wat, g);
		*sp = '\0';
		/* days: "ma", "ma-vr", "ma,wo" */
		for (char *d = g; *d;) {
			char *komma = strchr(d, ',');
			size_t dl = komma ? (size_t)(komma - d) : strlen(d);
			int x, y;

			if (dl == 5 && d[2] == '-' &&
			    (x = dag_van(d, 2)) >= 0 &&
			    (y = dag_van(d + 3, 2)) >= x) {
				for (int k = x; k <= y; k++)
					dag[k] = true;
			} else if ((x = dag_van(d, dl)) >= 0) {
				dag[x] = true;
			} else {
				return fout(wat, g);
			}
			d = komma ? komma + 1 : d + dl;
		}
		/* ranges: "08:30-12:30,13:30-16:00" */
		for (char *r = sp + 1; *r;) {
			char *komma;
			size_t rl;
			int van, tot;

			while (*r == ' ')
				r++;
			komma = strchr(r, ',');
			rl = komma ? (size_t)(komma - r) : strlen(r);
			while (rl && r[rl - 1] == ' ')
				rl--;
			if (!bereik(r, rl, &van, &tot))
				return fout(wat, r);
			for (int k = 0; k < 7; k++) {
				if (!dag[k])
					continue;
				if (*n == MAX_OPEN)
					return cli_usage_error(
						"%s: hoogstens %d tijdvakken "
						"per week.",
						wat, MAX_OPEN);
				o[(*n)++] =
					(struct openingstijd){ k, van, tot };
			}
			r = komma ? komma + 1 : r + strlen(r);
		}
	}
	return 0;
}

const char *
cli_open_dag_a(struct arena *a, const struct openingstijd *o, size_t n,
	       int weekdag)
{
	char buf[512];
	size_t len = 0;
	int laatste = -1;

	buf[0] = '\0';
	for (;;) {
		int beste = -1;

		/* the next range of the day, in order of its start */
		for (size_t i = 0; i < n; i++)
			if (o[i].weekdag == weekdag && o[i].van > laatste &&
			    (beste < 0 || o[i].van < o[beste].van))
				beste = (int)i;
		if (beste < 0 || len + 16 >= sizeof(buf))
			break;
		{
			char v[PRESENT_MINUUT_LEN], t[PRESENT_MINUUT_LEN];

			present_minuut(o[beste].van, v);
			present_minuut(o[beste].tot, t);
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						"%s%s-%s", len ? ", " : "", v,
						t);
		}
		laatste = o[beste].van;
	}
	return arena_strdup(a, len ? buf : "gesloten");
}

int
cli_minuut(const char *text, const char *wat, int *out)
{
	int m = present_minuut_parse(text);

	if (m < 0)
		return cli_usage_error("%s: '%.20s' is geen tijd; schrijf "
				       "bijvoorbeeld 08:30.",
				       wat, text ? text : "");
	*out = m;
	return 0;
}

int
cli_tijdstip(const char *text, const char *wat, int64_t *utc)
{
	char datum[DATE_ISO_LEN];
	day_t d;
	int m;

	if (text && strlen(text) > 16 && text[10] == 'T' &&
	    (text[16] == ':' || text[16] == 'Z' || text[16] == '+' ||
	     text[16] == '-') &&
	    date_parse_instant(text, utc) == 0)
		return 0;
	if (text && strlen(text) == 16 &&
	    (text[10] == 'T' || text[10] == ' ')) {
		memcpy(datum, text, 10);
		datum[10] = '\0';
		if (date_parse(datum, &d) == 0 &&
		    (m = present_minuut_parse(text + 11)) >= 0 && m < 1440) {
			*utc = afspraak_utc(d, m);
			return 0;
		}
	}
	return cli_usage_error("%s: '%.40s' is geen tijdstip; schrijf "
			       "bijvoorbeeld 2026-12-07T09:30 (Nederlandse "
			       "tijd).",
			       wat, text ? text : "");
}

const char *
cli_klok_a(struct arena *a, int64_t utc)
{
	char buf[PRESENT_MINUUT_LEN];
	day_t d;
	int m;

	afspraak_lokaal(utc, &d, &m);
	present_minuut(m, buf);
	return arena_strdup(a, buf);
}

const char *
cli_tijd_a(struct arena *a, int64_t utc)
{
	char dag[64];
	day_t d;
	int m;

	afspraak_lokaal(utc, &d, &m);
	date_format_nl(d, dag, sizeof(dag));
	return fmt_a(a, "%s %s %02d:%02d", present_weekdag(date_weekday(d)),
		     dag, m / 60, m % 60);
}

int
cli_komma_lijst(struct arena *a, const char *text, const char *wat, size_t max,
		const char ***out)
{
	const char **l = arena_calloc(a, max + 1, sizeof(*l));
	const char *p = text;
	size_t n = 0;

	*out = l;
	if (!l)
		return -1;
	while (p) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (len == 0 || n == max) {
			cli_usage_error(len ? "%s: hoogstens %zu."
					    : "%s: een "
					      "lege "
					      "waarde.",
					wat, max);
			return -1;
		}
		l[n++] = arena_strndup(a, p, len);
		p = end ? end + 1 : NULL;
	}
	return (int)n;
}
