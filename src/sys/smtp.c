/*
 * smtp.c - building a MIME message and handing it to an SMTP server with
 * libcurl; see smtp.h.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <curl/curl.h>

#include "smtp.h"
#include "../core/date.h"
#include "../core/strbuf.h"
#include "../core/text.h"
#include "../banned.h"

/* The boundary starts with "=_": neither quoted-printable (which writes
 * every '=' as "=3D") nor base64 can contain that. */
#define GRENS "=_ambt_bericht_7f3a"

/* ---- text in the arena (core/strbuf.h) ---- */

static void
tb_ch(struct strbuf *t, char c)
{
	strbuf_add(t, &c, 1);
}

static void
tb_hex(struct strbuf *t, unsigned char c)
{
	static const char hex[] = "0123456789ABCDEF";
	char b[3] = { '=', hex[c >> 4], hex[c & 15] };

	strbuf_add(t, b, 3);
}

/* ---- what may go into a header ---- */

static bool
ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/* Well-formed UTF-8 without control characters (tab included). */
static bool
kop_tekst(const char *s)
{
	if (!text_utf8_valid(s, strlen(s)))
		return false;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

/*
 * An address as this module sends to: local@domain, printable ASCII
 * without spaces or the characters that end or quote one, at most 254.
 */
static bool
adres(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	const char *at = s ? strrchr(s, '@') : NULL;

	if (n < 3 || n > 254 || !at || at == s || !at[1])
		return false;
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c <= 0x20 || c >= 0x7f || strchr("<>()[]\\,;:\"", c))
			return false;
	}
	return true;
}

/* Characters that may stand as they are in an encoded word (RFC 2047
 * 5(3), the strictest place: a phrase). */
static bool
q_vrij(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '!' || c == '*' || c == '+' ||
	       c == '-' || c == '/';
}

/*
 * s as encoded words "=?UTF-8?Q?...?=", each at most 75 characters and
 * never splitting a character, separated by CRLF and a space (folding).
 */
static void
rfc2047(struct strbuf *t, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t lijn = 0;
	bool open = false;

	while (*p) {
		size_t len = 1, w;

		if (*p >= 0xf0)
			len = 4;
		else if (*p >= 0xe0)
			len = 3;
		else if (*p >= 0xc0)
			len = 2;
		w = 0;
		for (size_t i = 0; i < len && p[i]; i++)
			w += q_vrij(p[i]) || p[i] == ' ' ? 1 : 3;
		if (open && lijn + w > 50) {
			strbuf_puts(t, "?=\r\n ");
			open = false;
		}
		if (!open) {
			strbuf_puts(t, "=?UTF-8?Q?");
			open = true;
			lijn = 0;
		}
		for (size_t i = 0; i < len && *p; i++, p++) {
			if (*p == ' ')
				tb_ch(t, '_');
			else if (q_vrij(*p))
				tb_ch(t, (char)*p);
			else
				tb_hex(t, *p);
		}
		lijn += w;
	}
	if (open)
		strbuf_puts(t, "?=");
}

/* An unstructured header value (the subject). */
static void
ongestructureerd(struct strbuf *t, const char *s)
{
	if (ascii(s) && strlen(s) <= 900)
		strbuf_puts(t, s);
	else
		rfc2047(t, s);
}

/* "Name <address>": the name as atoms, a quoted string or encoded. */
static void
naam_adres(struct strbuf *t, const char *naam, const char *adr)
{
	if (naam && *naam) {
		bool atomen = true;

		for (const char *p = naam; *p; p++)
			if (!((*p >= 'a' && *p <= 'z') ||
			      (*p >= 'A' && *p <= 'Z') ||
			      (*p >= '0' && *p <= '9') || *p == ' ' ||
			      strchr("!#$%&'*+-/=?^_`{|}~", *p)))
				atomen = false;
		if (atomen) {
			strbuf_puts(t, naam);
		} else if (ascii(naam)) {
			tb_ch(t, '"');
			for (const char *p = naam; *p; p++) {
				if (*p == '"' || *p == '\\')
					tb_ch(t, '\\');
				tb_ch(t, *p);
			}
			tb_ch(t, '"');
		} else {
			rfc2047(t, naam);
		}
		tb_ch(t, ' ');
	}
	tb_ch(t, '<');
	strbuf_puts(t, adr);
	tb_ch(t, '>');
}

/* ---- bodies ---- */

/*
 * UTF-8 text as quoted-printable: "\n" becomes CRLF, lines of at most 76
 * characters (soft breaks "="), '=' and everything outside printable
 * ASCII encoded, and a space or tab at the end of a line too.
 */
static void
quoted_printable(struct strbuf *t, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t kol = 0;

	while (*p) {
		unsigned char c = *p;
		bool eind = p[1] == '\n' || p[1] == '\0' ||
			    (p[1] == '\r' && p[2] == '\n');
		size_t w;

		if (c == '\n') {
			strbuf_puts(t, "\r\n");
			kol = 0;
			p++;
			continue;
		}
		if (c == '\r' && p[1] == '\n') {
			p++;
			continue;
		}
		w = (c >= 33 && c <= 126 && c != '=') ||
				    ((c == ' ' || c == '\t') && !eind)
			    ? 1
			    : 3;
		/* Keep a soft break's "=" within 76 columns. */
		if (kol + w > 75) {
			strbuf_puts(t, "=\r\n");
			kol = 0;
		}
		if (w == 1)
			tb_ch(t, (char)c);
		else
			tb_hex(t, c);
		kol += w;
		p++;
	}
	if (kol)
		strbuf_puts(t, "\r\n");
}

static void
base64(struct strbuf *t, const char *s)
{
	static const char b64[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		"0123456789+/";
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), kol = 0;

	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16;
		char q[4];

		if (i + 1 < n)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		q[0] = b64[v >> 18 & 63];
		q[1] = b64[v >> 12 & 63];
		q[2] = i + 1 < n ? b64[v >> 6 & 63] : '=';
		q[3] = i + 2 < n ? b64[v & 63] : '=';
		strbuf_add(t, q, 4);
		kol += 4;
		if (kol == 76) {
			strbuf_puts(t, "\r\n");
			kol = 0;
		}
	}
	if (kol)
		strbuf_puts(t, "\r\n");
}

/* ---- the message ---- */

void
smtp_datum(int64_t utc, char *buf)
{
	static const char *const dag[] = { "Mon", "Tue", "Wed", "Thu",
					   "Fri", "Sat", "Sun" };
	static const char *const maand[] = { "Jan", "Feb", "Mar", "Apr",
					     "May", "Jun", "Jul", "Aug",
					     "Sep", "Oct", "Nov", "Dec" };
	int off = date_amsterdam_offset(utc);
	int64_t l = utc + off;
	int64_t d = l >= 0 ? l / 86400 : -((-l + 86399) / 86400);
	unsigned s = (unsigned)(l - d * 86400);
	int y, m, dd;

	date_to_ymd((day_t)d, &y, &m, &dd);
	snprintf(buf, SMTP_DATUM_LEN, "%s, %02d %s %04d %02u:%02u:%02u +%02d00",
		 dag[date_weekday((day_t)d)], dd, maand[(m - 1) % 12],
		 y % 10000, s / 3600 % 24, s / 60 % 60, s % 60,
		 off / 3600 % 24);
}

static bool
leeg(const char *s)
{
	return !s || !*s;
}

/* A token of a MIME parameter or Message-ID: printable ASCII without
 * spaces, quotes, angle brackets or backslashes, 1-200 characters. */
static bool
teken_reeks(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n < 1 || n > 200)
		return false;
	for (; *s; s++)
		if ((unsigned char)*s <= 0x20 || (unsigned char)*s >= 0x7f ||
		    strchr("\"<>\\;", *s))
			return false;
	return true;
}

enum status
smtp_opmaak(const struct smtp_bericht *m, struct arena *a, const char **uit,
	    size_t *n, struct err *e)
{
	char datum[SMTP_DATUM_LEN];
	struct strbuf t;

	*uit = NULL;
	*n = 0;
	if (!adres(m->van))
		err_invalid(e, "van", "format",
			    "Het adres van de afzender is geen e-mailadres.");
	if (!adres(m->aan))
		err_invalid(e, "aan", "format",
			    "Het adres van de ontvanger is geen e-mailadres.");
	if (m->van_naam && !kop_tekst(m->van_naam))
		err_invalid(e, "van_naam", "format",
			    "De naam van de afzender bevat een regeleinde of "
			    "een stuurteken.");
	if (m->aan_naam && !kop_tekst(m->aan_naam))
		err_invalid(e, "aan_naam", "format",
			    "De naam van de ontvanger bevat een regeleinde of "
			    "een stuurteken.");
	if (leeg(m->onderwerp) || !kop_tekst(m->onderwerp))
		err_invalid(e, "onderwerp", "format",
			    "Het onderwerp is leeg of bevat een regeleinde of "
			    "een stuurteken.");
	if (!m->tekst || !text_utf8_valid(m->tekst, strlen(m->tekst)))
		err_invalid(e, "tekst", "format",
			    "De tekst is geen geldige UTF-8.");
	if (!teken_reeks(m->message_id) || !strchr(m->message_id, '@'))
		err_invalid(e, "message_id", "format",
			    "De Message-ID heeft niet de vorm deel@domein.");
	if (m->bijlage &&
	    (!text_utf8_valid(m->bijlage, strlen(m->bijlage)) ||
	     !teken_reeks(m->bijlage_methode) || !teken_reeks(m->bijlage_naam)))
		err_invalid(e, "bijlage", "format",
			    "De bijlage heeft geen geldige naam, methode of "
			    "tekst.");
	if (err_has_problems(e))
		return ST_INVALID;

	smtp_datum(m->datum, datum);
	strbuf_init(&t, a);
	strbuf_puts(&t, "Date: ");
	strbuf_puts(&t, datum);
	strbuf_puts(&t, "\r\nFrom: ");
	naam_adres(&t, m->van_naam, m->van);
	strbuf_puts(&t, "\r\nTo: ");
	naam_adres(&t, m->aan_naam, m->aan);
	strbuf_puts(&t, "\r\nSubject: ");
	ongestructureerd(&t, m->onderwerp);
	strbuf_puts(&t, "\r\nMessage-ID: <");
	strbuf_puts(&t, m->message_id);
	strbuf_puts(&t, ">\r\nMIME-Version: 1.0\r\n"
			"Auto-Submitted: auto-generated\r\n");
	if (m->bijlage)
		strbuf_puts(&t,
			    "Content-Type: multipart/mixed; boundary=\"" GRENS
			    "\"\r\n\r\n"
			    "--" GRENS "\r\n");
	strbuf_puts(&t, "Content-Type: text/plain; charset=UTF-8\r\n"
			"Content-Transfer-Encoding: quoted-printable\r\n\r\n");
	quoted_printable(&t, m->tekst);
	if (m->bijlage) {
		strbuf_puts(&t, "\r\n--" GRENS "\r\n"
				"Content-Type: text/calendar; charset=UTF-8; "
				"method=");
		strbuf_puts(&t, m->bijlage_methode);
		strbuf_puts(&t, ";\r\n name=\"");
		strbuf_puts(&t, m->bijlage_naam);
		strbuf_puts(&t, "\"\r\nContent-Disposition: attachment; "
				"filename=\"");
		strbuf_puts(&t, m->bijlage_naam);
		strbuf_puts(&t,
			    "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n");
		base64(&t, m->bijlage);
		strbuf_puts(&t, "\r\n--" GRENS "--\r\n");
	}
	if (t.vol)
		return err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
	*uit = t.p;
	*n = t.n;
	return ST_OK;
}

/* ---- sending ---- */

static pthread_once_t curl_eenmaal = PTHREAD_ONCE_INIT;
static CURLcode curl_init_uitkomst;

static void
curl_start(void)
{
	curl_init_uitkomst = curl_global_init(CURL_GLOBAL_DEFAULT);
}

enum status
smtp_config_check(const struct smtp_config *c, struct err *e)
{
	const char *url = c ? c->url : NULL;
	const char *host;

	if (!url || !*url)
		return err_invalid(
			e, "AMBT_SMTP", "required",
			"Geef de mailserver als smtp://server:poort.");
	if (strncmp(url, "smtp://", 7) == 0)
		host = url + 7;
	else if (strncmp(url, "smtps://", 8) == 0)
		host = url + 8;
	else
		return err_invalid(e, "AMBT_SMTP", "format",
				   "De mailserver moet een smtp://- of "
				   "smtps://-adres zijn.");
	if (!*host || *host == '/' || *host == ':' || strlen(url) > 1000 ||
	    !kop_tekst(url))
		return err_invalid(e, "AMBT_SMTP", "format",
				   "In het adres van de mailserver ontbreekt "
				   "de server.");
	return ST_OK;
}

struct lezer {
	const char *p;
	size_t over;
};

static size_t
lees(char *buf, size_t size, size_t nitems, void *arg)
{
	struct lezer *l = arg;
	size_t n = size * nitems;

	if (n > l->over)
		n = l->over;
	memcpy(buf, l->p, n);
	l->p += n;
	l->over -= n;
	return n;
}

/* The server's last answer line (libcurl hands SMTP replies to the
 * header callback), without its line end. */
struct antwoord {
	char regel[200];
};

static size_t
kop(char *buf, size_t size, size_t nitems, void *arg)
{
	struct antwoord *an = arg;
	size_t n = size * nitems, k = n;

	while (k && (buf[k - 1] == '\n' || buf[k - 1] == '\r'))
		k--;
	if (k >= 3 && buf[0] >= '2' && buf[0] <= '5') {
		if (k >= sizeof(an->regel))
			k = sizeof(an->regel) - 1;
		memcpy(an->regel, buf, k);
		an->regel[k] = '\0';
		/* Only printable ASCII goes into a note or the log. */
		for (size_t i = 0; i < k; i++)
			if ((unsigned char)an->regel[i] < 0x20 ||
			    (unsigned char)an->regel[i] >= 0x7f)
				an->regel[i] = '?';
	}
	return n;
}

/* "<adres>" in a fixed buffer (adres() allows at most 254). */
static void
hoek(char *buf, size_t n, const char *adr)
{
	snprintf(buf, n, "<%s>", adr);
}

enum status
smtp_verstuur(const struct smtp_config *c, const struct smtp_bericht *m,
	      struct arena *a, struct err *e)
{
	char fout[CURL_ERROR_SIZE] = "", van[260], aan[260];
	struct curl_slist *rcpt = NULL;
	struct lezer l;
	struct antwoord an = { "" };
	const char *tekst;
	long code = 0;
	CURLcode rc;
	CURL *h;
	size_t n;
	enum status st;

	if (smtp_config_check(c, e))
		return e->status;
	if ((st = smtp_opmaak(m, a, &tekst, &n, e)))
		return st;
	pthread_once(&curl_eenmaal, curl_start);
	if (curl_init_uitkomst != CURLE_OK)
		return err_internal(e, "curl_global_init: %s",
				    curl_easy_strerror(curl_init_uitkomst));
	h = curl_easy_init();
	if (!h)
		return err_internal(e, "curl_easy_init faalde");
	hoek(van, sizeof(van), m->van);
	hoek(aan, sizeof(aan), m->aan);
	rcpt = curl_slist_append(NULL, aan);
	if (!rcpt) {
		curl_easy_cleanup(h);
		return err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
	}
	l.p = tekst;
	l.over = n;
	curl_easy_setopt(h, CURLOPT_URL, c->url);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(h, CURLOPT_MAIL_FROM, van);
	curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, lees);
	curl_easy_setopt(h, CURLOPT_READDATA, &l);
	curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, fout);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, kop);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, &an);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT,
			 c->verbind_timeout > 0 ? c->verbind_timeout : 10L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, c->timeout > 0 ? c->timeout : 60L);
	if (c->starttls)
		curl_easy_setopt(h, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	if (c->gebruiker && *c->gebruiker) {
		curl_easy_setopt(h, CURLOPT_USERNAME, c->gebruiker);
		curl_easy_setopt(h, CURLOPT_PASSWORD,
				 c->wachtwoord ? c->wachtwoord : "");
	}
	rc = curl_easy_perform(h);
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(h);
	if (rc == CURLE_OK)
		return ST_OK;
	if (!fout[0])
		snprintf(fout, sizeof(fout), "%s", curl_easy_strerror(rc));
	if (code >= 400 && an.regel[0])
		return err_set(e, ST_UNAVAILABLE,
			       "De mailserver nam het bericht niet aan: %s",
			       an.regel);
	if (code >= 400)
		return err_set(e, ST_UNAVAILABLE,
			       "De mailserver nam het bericht niet aan "
			       "(antwoord %ld): %.200s",
			       code, fout);
	return err_set(e, ST_UNAVAILABLE,
		       "De mailserver is niet bereikt of brak de verbinding "
		       "af: %.200s",
		       fout);
}
