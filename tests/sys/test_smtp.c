/*
 * test_smtp.c - the e-mail as it goes over the wire: headers (the Date
 * from the caller's instant, RFC 2047 for text that is not ASCII), the
 * body in quoted-printable, the attachment in base64, what is refused
 * before anything is sent, and a server that is not there.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../test.h"
#include "../../src/core/arena.h"
#include "../../src/sys/smtp.h"

static int64_t
T(const char *iso)
{
	int64_t t = 0;

	if (date_parse_instant(iso, &t))
		fail_msg("bad instant literal in test: %s", iso);
	return t;
}

static struct smtp_bericht
bericht(void)
{
	return (struct smtp_bericht){
		.van = "afspraken@aalsmeer.nl",
		.van_naam = "Gemeente Aalsmeer",
		.aan = "jan@example.nl",
		.aan_naam = "Jan de Vries",
		.onderwerp = "Herinnering: uw afspraak",
		.tekst = "Beste Jan de Vries,\n\nTot morgen.\n",
		.message_id = "ABCD2345.7@ambt",
		.datum = T("2026-11-22T10:30:00+01:00"),
	};
}

static const char *
opmaak(const struct smtp_bericht *m, struct arena *a)
{
	const char *uit;
	size_t n;
	struct err e;

	err_clear(&e);
	if (smtp_opmaak(m, a, &uit, &n, &e))
		fail_msg("smtp_opmaak: %s (%s)", e.message,
			 e.nproblems ? e.problems[0].reason : "");
	assert_int_equal(strlen(uit), n);
	return uit;
}

static void
test_alleen_tekst(void **state)
{
	struct smtp_bericht m = bericht();
	struct arena a;

	(void)state;
	arena_init(&a, 1u << 20);
	assert_string_equal(
		opmaak(&m, &a),
		"Date: Sun, 22 Nov 2026 10:30:00 +0100\r\n"
		"From: Gemeente Aalsmeer <afspraken@aalsmeer.nl>\r\n"
		"To: Jan de Vries <jan@example.nl>\r\n"
		"Subject: Herinnering: uw afspraak\r\n"
		"Message-ID: <ABCD2345.7@ambt>\r\n"
		"MIME-Version: 1.0\r\n"
		"Auto-Submitted: auto-generated\r\n"
		"Content-Type: text/plain; charset=UTF-8\r\n"
		"Content-Transfer-Encoding: quoted-printable\r\n"
		"\r\n"
		"Beste Jan de Vries,\r\n"
		"\r\n"
		"Tot morgen.\r\n");
	arena_free(&a);
}

static void
test_met_bijlage(void **state)
{
	struct smtp_bericht m = bericht();
	struct arena a;

	(void)state;
	arena_init(&a, 1u << 20);
	m.bijlage = "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n";
	m.bijlage_methode = "CANCEL";
	m.bijlage_naam = "afspraak-ABCD2345.ics";
	m.aan_naam = NULL;
	assert_string_equal(
		opmaak(&m, &a),
		"Date: Sun, 22 Nov 2026 10:30:00 +0100\r\n"
		"From: Gemeente Aalsmeer <afspraken@aalsmeer.nl>\r\n"
		"To: <jan@example.nl>\r\n"
		"Subject: Herinnering: uw afspraak\r\n"
		"Message-ID: <ABCD2345.7@ambt>\r\n"
		"MIME-Version: 1.0\r\n"
		"Auto-Submitted: auto-generated\r\n"
		"Content-Type: multipart/mixed; "
		"boundary=\"=_ambt_bericht_7f3a\"\r\n"
		"\r\n"
		"--=_ambt_bericht_7f3a\r\n"
		"Content-Type: text/plain; charset=UTF-8\r\n"
		"Content-Transfer-Encoding: quoted-printable\r\n"
		"\r\n"
		"Beste Jan de Vries,\r\n"
		"\r\n"
		"Tot morgen.\r\n"
		"\r\n"
		"--=_ambt_bericht_7f3a\r\n"
		"Content-Type: text/calendar; charset=UTF-8; method=CANCEL;\r\n"
		" name=\"afspraak-ABCD2345.ics\"\r\n"
		"Content-Disposition: attachment; "
		"filename=\"afspraak-ABCD2345.ics\"\r\n"
		"Content-Transfer-Encoding: base64\r\n"
		"\r\n"
		/* base64 of the calendar text above, 76 to a line */
		"QkVHSU46VkNBTEVOREFSDQpNRVRIT0Q6Q0FOQ0VMDQpFTkQ6VkNBTEVOREFSDQo="
		"\r\n"
		"\r\n"
		"--=_ambt_bericht_7f3a--\r\n");
	arena_free(&a);
}

/* Names and subjects that are not plain atoms or ASCII. */
static void
test_koppen(void **state)
{
	struct smtp_bericht m = bericht();
	struct arena a;
	const char *u;

	(void)state;
	arena_init(&a, 1u << 20);
	m.aan_naam = "Vries, Jan \"Jantje\" de";
	m.van_naam = "Gemeente Súdwest-Fryslân";
	m.onderwerp = "Uw afspraak op maandag 7 december 2026 om 09:30 — "
		      "één keer";
	u = opmaak(&m, &a);
	assert_non_null(strstr(u, "\r\nTo: \"Vries, Jan \\\"Jantje\\\" de\" "
				  "<jan@example.nl>\r\n"));
	assert_non_null(strstr(u,
			       "\r\nFrom: =?UTF-8?Q?Gemeente_S=C3=BAdwest-"
			       "Frysl=C3=A2n?= <afspraken@aalsmeer.nl>\r\n"));
	/* Encoded words of at most 75 characters, a character never split,
	 * folded with CRLF and a space. */
	assert_non_null(
		strstr(u, "\r\nSubject: =?UTF-8?Q?Uw_afspraak_op_maandag_7_"
			  "december_2026_om_09=3A30_?=\r\n"
			  " =?UTF-8?Q?=E2=80=94_=C3=A9=C3=A9n_keer?=\r\n"));
	arena_free(&a);
}

static void
test_quoted_printable(void **state)
{
	struct smtp_bericht m = bericht();
	struct arena a;
	const char *u, *body;

	(void)state;
	arena_init(&a, 1u << 20);
	m.tekst = "a = b \n"
		  "tab\t\n"
		  "Één twee drie vier vijf zes zeven acht negen tien elf "
		  "twaalf dertien veertien\n"
		  ".punt\n"
		  "zonder regeleinde";
	u = opmaak(&m, &a);
	body = strstr(u, "\r\n\r\n");
	assert_non_null(body);
	assert_string_equal(body + 4,
			    "a =3D b=20\r\n"
			    "tab=09\r\n"
			    /* 75 characters and the soft break's "=" */
			    "=C3=89=C3=A9n twee drie vier vijf zes zeven acht "
			    "negen tien elf twaalf dert=\r\n"
			    "ien veertien\r\n"
			    ".punt\r\n"
			    "zonder regeleinde\r\n");
	arena_free(&a);
}

static void
test_datum(void **state)
{
	static const struct {
		const char *t, *want;
	} cases[] = {
		{ "2026-11-22T10:30:00+01:00",
		  "Sun, 22 Nov 2026 10:30:00 +0100" },
		{ "2026-03-29T00:59:59Z", "Sun, 29 Mar 2026 01:59:59 +0100" },
		{ "2026-03-29T01:00:00Z", "Sun, 29 Mar 2026 03:00:00 +0200" },
		{ "2026-10-25T00:59:59Z", "Sun, 25 Oct 2026 02:59:59 +0200" },
		{ "2026-10-25T01:00:00Z", "Sun, 25 Oct 2026 02:00:00 +0100" },
		{ "2028-02-29T23:30:00Z", "Wed, 01 Mar 2028 00:30:00 +0100" },
		{ "2026-12-31T23:00:00Z", "Fri, 01 Jan 2027 00:00:00 +0100" },
	};
	char buf[SMTP_DATUM_LEN];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		smtp_datum(T(cases[i].t), buf);
		assert_string_equal(buf, cases[i].want);
	}
}

/* What could break a header or is no address: refused, by field. */
static void
test_geweigerd(void **state)
{
	static const struct {
		const char *veld, *waarde, *probleem;
	} cases[] = {
		{ "aan", "jan@example.nl\r\nBcc: x@y.nl", "aan" },
		{ "aan", "jan example.nl", "aan" },
		{ "aan", "<jan@example.nl>", "aan" },
		{ "aan", "@example.nl", "aan" },
		{ "aan", "jan@", "aan" },
		{ "aan", "jé@example.nl", "aan" },
		{ "van", "", "van" },
		{ "aan_naam", "Jan\r\nBcc: x@y.nl", "aan_naam" },
		{ "van_naam", "Gemeente\nX", "van_naam" },
		{ "onderwerp", "Afspraak\r\nBcc: x@y.nl", "onderwerp" },
		{ "onderwerp", "", "onderwerp" },
		{ "onderwerp", "tab\tin", "onderwerp" },
		{ "onderwerp", "\xc3\x28", "onderwerp" },
		{ "message_id", "zonder-apenstaart", "message_id" },
		{ "message_id", "a@b>\r\nX: y", "message_id" },
		{ "tekst", "\xff", "tekst" },
	};
	struct arena a;

	(void)state;
	arena_init(&a, 1u << 20);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct smtp_bericht m = bericht();
		const char *uit = "x";
		size_t n = 1;
		struct err e;

		if (strcmp(cases[i].veld, "aan") == 0)
			m.aan = cases[i].waarde;
		else if (strcmp(cases[i].veld, "van") == 0)
			m.van = cases[i].waarde;
		else if (strcmp(cases[i].veld, "aan_naam") == 0)
			m.aan_naam = cases[i].waarde;
		else if (strcmp(cases[i].veld, "van_naam") == 0)
			m.van_naam = cases[i].waarde;
		else if (strcmp(cases[i].veld, "onderwerp") == 0)
			m.onderwerp = cases[i].waarde;
		else if (strcmp(cases[i].veld, "message_id") == 0)
			m.message_id = cases[i].waarde;
		else
			m.tekst = cases[i].waarde;
		err_clear(&e);
		assert_int_equal(smtp_opmaak(&m, &a, &uit, &n, &e), ST_INVALID);
		assert_only_problem(&e, cases[i].probleem, "format");
		assert_null(uit);
		assert_int_equal(n, 0);
	}
	arena_free(&a);
}

static void
test_config(void **state)
{
	static const struct {
		const char *url;
		enum status st;
		const char *code;
	} cases[] = {
		{ "smtp://127.0.0.1:2525", ST_OK, NULL },
		{ "smtps://mail.example.nl", ST_OK, NULL },
		{ "smtp://mail.example.nl:587/ambt.example.nl", ST_OK, NULL },
		{ NULL, ST_INVALID, "required" },
		{ "", ST_INVALID, "required" },
		{ "http://mail.example.nl", ST_INVALID, "format" },
		{ "file:///etc/passwd", ST_INVALID, "format" },
		{ "smtp://", ST_INVALID, "format" },
		{ "smtp://:25", ST_INVALID, "format" },
		{ "smtp://host\r\nx", ST_INVALID, "format" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct smtp_config c = { .url = cases[i].url };
		struct err e;

		err_clear(&e);
		assert_int_equal(smtp_config_check(&c, &e), cases[i].st);
		if (cases[i].code)
			assert_only_problem(&e, "AMBT_SMTP", cases[i].code);
	}
}

/* A port where nothing listens: not sent, and said so. */
static void
test_geen_server(void **state)
{
	struct sockaddr_in sa = { 0 };
	socklen_t len = sizeof(sa);
	struct smtp_bericht m = bericht();
	struct smtp_config c = { 0 };
	struct arena a;
	struct err e;
	char url[64];
	int fd;

	(void)state;
	fd = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(fd >= 0);
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&sa, &len), 0);
	close(fd); /* the port is free now: a connection is refused */
	snprintf(url, sizeof(url), "smtp://127.0.0.1:%u",
		 (unsigned)ntohs(sa.sin_port));
	c.url = url;
	c.verbind_timeout = 2;
	c.timeout = 5;
	arena_init(&a, 1u << 20);
	err_clear(&e);
	assert_int_equal(smtp_verstuur(&c, &m, &a, &e), ST_UNAVAILABLE);
	assert_non_null(strstr(e.message, "De mailserver is niet bereikt of "
					  "brak de verbinding af: "));
	/* A refused message is refused before any connection. */
	m.aan = "jan\r\n@example.nl";
	err_clear(&e);
	assert_int_equal(smtp_verstuur(&c, &m, &a, &e), ST_INVALID);
	assert_only_problem(&e, "aan", "format");
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alleen_tekst),
		cmocka_unit_test(test_met_bijlage),
		cmocka_unit_test(test_koppen),
		cmocka_unit_test(test_quoted_printable),
		cmocka_unit_test(test_datum),
		cmocka_unit_test(test_geweigerd),
		cmocka_unit_test(test_config),
		cmocka_unit_test(test_geen_server),
	};

	return RUN_TESTS(tests);
}
