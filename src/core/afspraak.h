/*
 * afspraak.h - the front office by appointment, as pure rules: public
 * holidays, local time in Europe/Amsterdam, opening hours, the free-slot
 * engine, and the checks of what residents and planners enter. No I/O,
 * no clock: "now" and randomness come from the caller.
 *
 * Instants are Unix seconds (UTC); times of day are minutes after local
 * midnight (0..1440); dates are day_t (date.h), Amsterdam calendar dates.
 */
#ifndef AMBT_CORE_AFSPRAAK_H
#define AMBT_CORE_AFSPRAAK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "date.h"
#include "err.h"

/* Limits, in characters (text.h) or units as named. */
#define AFSPRAAK_MAX_CODE 64 /* a location's or product's code */
#define AFSPRAAK_MAX_NAAM 200 /* a location, product or resident's name */
#define AFSPRAAK_MAX_TEKST 2000 /* what to bring, a closing text */
#define AFSPRAAK_MAX_TELEFOON 20 /* as typed: digits, +, spaces, - */
#define AFSPRAAK_MAX_VAARDIGHEDEN 64 /* distinct skills in one search */
#define AFSPRAAK_MAX_PRODUCTEN 5 /* products in one visit */
#define AFSPRAAK_MAX_PERSONEN 10 /* persons per product in one visit */
#define AFSPRAAK_MAX_DAGEN 93 /* days one search may span */
#define AFSPRAAK_MAX_DUUR 1440 /* minutes of one visit */
#define AFSPRAAK_MAX_BUFFER 120 /* minutes held after a visit */
#define AFSPRAAK_MAX_BALIES 200 /* desks of one location */
#define AFSPRAAK_MAX_EMAIL 254 /* characters of an e-mail address */
#define AFSPRAAK_CEL 300 /* seconds: the cells that hold a booking */
#define AFSPRAAK_REFERENTIE_LEN 8 /* characters of a reference code */

/* ---- public holidays (feestdagen_regels.csv) ---- */

enum feestdag {
	FD_NIEUWJAARSDAG,
	FD_GOEDE_VRIJDAG,
	FD_EERSTE_PAASDAG,
	FD_TWEEDE_PAASDAG,
	FD_KONINGSDAG,
	FD_BEVRIJDINGSDAG,
	FD_HEMELVAARTSDAG,
	FD_EERSTE_PINKSTERDAG,
	FD_TWEEDE_PINKSTERDAG,
	FD_EERSTE_KERSTDAG,
	FD_TWEEDE_KERSTDAG,
};
#define FEESTDAG_COUNT 11

/* "koningsdag", as the id column of the reference data. */
const char *feestdag_code(enum feestdag f);
/* "Koningsdag". */
const char *feestdag_naam(enum feestdag f);
/* Easter Sunday of `jaar` (Gregorian computus), 1583..9999. */
day_t feestdag_pasen(int jaar);
/* The date of holiday f in `jaar` (Koningsdag on the 26th when the 27th
 * is a Sunday; the rule of 2014 on, for any year), DATE_NONE outside
 * 1583..9999. */
day_t feestdag_datum(enum feestdag f, int jaar);
/*
 * Whether a location is closed on `d` for a holiday: every national
 * holiday closes it; Goede Vrijdag and 5 May only when the location says
 * so. Returns true and sets *f (may be NULL) to the first in the order of
 * enum feestdag that closes it (Hemelvaartsdag on 5 May 2016 is
 * FD_BEVRIJDINGSDAG only when 5 May closes), or false.
 */
bool feestdag_sluit(day_t d, bool goede_vrijdag, bool bevrijdingsdag,
		    enum feestdag *f);

/* ---- local time ---- */

/*
 * The instant of local time `minuut` (0..1440) on Amsterdam date d. A
 * time in the spring gap (02:00-03:00 on the last Sunday of March) is
 * taken an hour later; a time the autumn Sunday has twice (02:00-03:00)
 * is its first, summer-time, occurrence. 1440 is the next midnight.
 */
int64_t afspraak_utc(day_t d, int minuut);
/* The Amsterdam date and minute of the day of an instant. */
void afspraak_lokaal(int64_t utc, day_t *d, int *minuut);
#define AFSPRAAK_TIJD_LEN 26 /* "2026-03-29T08:30:00+02:00" and NUL */
/* An instant as local ISO 8601 with its offset. */
void afspraak_format_tijd(int64_t utc, char *buf);

/* ---- what a location, product and roster are, for the engine ---- */

struct openingstijd {
	int weekdag; /* 0 = Monday */
	int van, tot; /* local minutes, van < tot <= 1440 */
};

struct sluiting {
	day_t van, tot; /* both included */
};

struct slot_vestiging {
	int64_t id;
	int balies; /* desks (video: calls at once), 1..AFSPRAAK_MAX_BALIES */
	int raster; /* minutes between starts: 5, 10, 15, 20, 30 or 60 */
	bool goede_vrijdag, bevrijdingsdag; /* closed on those days */
	const struct openingstijd *open; /* any order */
	size_t nopen;
	const struct sluiting *sluitingen;
	size_t nsluitingen;
};

/* A staff member rostered at a location, [van, tot) UTC. */
struct slot_dienst {
	int64_t medewerker;
	int64_t vestiging;
	int64_t van, tot;
	uint64_t vaardigheden; /* bits, see vaardigheden_bits() */
};

/* What a booked appointment holds, [van, tot) UTC, its buffer included. */
struct slot_bezet {
	int64_t medewerker;
	int64_t vestiging;
	int balie; /* 1..balies */
	int64_t van, tot;
};

struct slot_vraag {
	int64_t van, tot; /* the window searched: starts in [van, tot) */
	int64_t vroegst; /* now + the notice: no start before */
	int64_t laatst; /* now + the horizon: no start from */
	int duur; /* minutes of the visit (every product x persons) */
	int buffer; /* minutes held after it */
	uint64_t vaardigheden; /* needed: every bit */
};

/* A free time, with whom and at which desk it would be booked. */
struct slot {
	int64_t vestiging;
	int64_t start, eind; /* UTC; eind without the buffer */
	int64_t medewerker;
	int balie;
};

/*
 * The open intervals of location v between dates van and tot (both
 * included, at most AFSPRAAK_MAX_DAGEN dates), in UTC, ascending: its
 * opening hours on each weekday, less closures and the holidays that
 * close it. A date's ranges that overlap or touch are one interval;
 * intervals of different dates stay apart (a visit does not run past
 * midnight). A range's ends in the spring gap are taken an hour later
 * (afspraak_utc), so a range wholly inside the gap is none. Problems by
 * field (balies, raster, open[i], sluitingen[i], van, tot): ST_INVALID.
 */
enum status slot_open_intervallen(const struct slot_vestiging *v, day_t van,
				  day_t tot, struct arena *a,
				  int64_t (**uit)[2], size_t *n, struct err *e);

/*
 * Every free time for the request q at the locations v[0..nv): a start on
 * the location's grid (from the start of each opening interval of
 * slot_open_intervallen; as the grid divides an hour, the local grid
 * across both summer-time changes), inside the window, not before
 * q->vroegst and before q->laatst, whose visit [start, start + duur) lies
 * in one opening interval and in one roster entry of a staff member at
 * that location having every needed skill, such that neither that staff
 * member (booked at any location) nor one desk holds anything in
 * [start, start + duur + buffer): the buffer must be free but may run
 * past closing time and the roster entry. The staff member is the one
 * free there with the fewest bookings at that location starting on the
 * start's local date (ties: lowest id), the desk the lowest free number.
 * Ordered by start, then by location in the order of v. Arrays need not
 * be sorted; an entry or booking with tot <= van holds nothing, and a
 * booking at a desk above the location's number holds only its staff
 * member.
 *
 * Problems by field (ST_INVALID, nothing found): duur 5..AFSPRAAK_MAX_DUUR
 * and buffer 0..AFSPRAAK_MAX_BUFFER, both in steps of 5; van and tot
 * within years DATE_JAAR_MIN..MAX, van < tot, touching at most
 * AFSPRAAK_MAX_DAGEN local dates; each location as slot_open_intervallen
 * ("vestigingen[i].raster"), and not twice ("vestigingen[i]"). Sorts the roster and bookings once, then
 * sweeps each location's starts with binary searches:
 * O((nd + nb) log nb + starts x (staff + desks) x log nb).
 */
enum status slot_zoek(const struct slot_vestiging *v, size_t nv,
		      const struct slot_dienst *d, size_t nd,
		      const struct slot_bezet *b, size_t nb,
		      const struct slot_vraag *q, struct arena *a,
		      struct slot **uit, size_t *n, struct err *e);

/*
 * Skills as bits: each comma-separated code of `lijst` (NULL or "": none;
 * empty items and spaces are skipped) gets its bit from the dictionary
 * names[0..*nnames), codes not there are added (at most
 * AFSPRAAK_MAX_VAARDIGHEDEN; ST_INVALID beyond, *bits 0). Names are
 * borrowed: an added name points into `lijst`, so a name is read up to
 * the next ',', ' ' or NUL, and `lijst` must live as long as `names`.
 */
enum status vaardigheden_bits(const char *lijst, const char **names,
			      size_t *nnames, uint64_t *bits, struct err *e);

/* ---- the records the store keeps and returns ---- */

enum kanaal { KANAAL_FYSIEK, KANAAL_VIDEO };
const char *kanaal_name(enum kanaal k); /* "fysiek", "video" */
int kanaal_parse(const char *s, enum kanaal *out);

enum afspraak_status {
	AS_GEBOEKT,
	AS_GEANNULEERD,
	AS_AANWEZIG,
	AS_GEHOLPEN,
	AS_NIET_VERSCHENEN,
};
const char *afspraak_status_name(enum afspraak_status s); /* "geboekt" */
/*
 * Whether the desk may set an appointment from status `van` to `naar`
 * on local date `vandaag`, given its start (UTC) and "now": NULL when
 * it may, else the Dutch reason. From its day on: booked -> arrived,
 * served or (once begun) no-show; arrived -> served, or back to booked;
 * served -> back to arrived (undone); no-show -> arrived, or back to
 * booked. A cancelled appointment stays cancelled.
 */
const char *afspraak_status_overgang(enum afspraak_status van,
				     enum afspraak_status naar, int64_t start,
				     int64_t nu);
/* Hundredths of an hour for `minuten` minutes, rounded half up. */
int64_t afspraak_honderdsten(int64_t minuten);
int afspraak_status_parse(const char *s, enum afspraak_status *out);

struct vestiging {
	int64_t id;
	const char *gemeente; /* CBS code */
	const char *code; /* "aalsmeer-raadhuis", unique */
	const char *naam;
	enum kanaal kanaal;
	const char *adres, *postcode, *plaats; /* NULL for video */
	int balies;
	int raster;
	bool goede_vrijdag_dicht, bevrijdingsdag_dicht;
	struct openingstijd *open;
	size_t nopen;
	struct sluiting *sluitingen; /* from today on, when listed */
	size_t nsluitingen;
};

struct balieproduct {
	int64_t id;
	const char *gemeente;
	const char *code; /* "paspoort", unique per municipality */
	const char *naam;
	const char *upl_uri; /* may be NULL */
	int duur; /* minutes per person, multiple of 5 */
	bool fysiek, video; /* channels */
	const char *vaardigheden; /* comma-separated, may be "" */
	int voorbereiding; /* minutes of notice */
	int horizon; /* days ahead one may book */
	int buffer; /* minutes after a visit */
	int max_personen;
	const char *meenemen; /* may be NULL */
	bool actief;
};

struct dienst {
	int64_t id;
	const char *medewerker; /* staff number */
	const char *medewerker_naam; /* may be NULL */
	const char *samenwerking; /* the staff member's cooperation */
	const char *vestiging; /* code */
	const char *gemeente; /* the location's CBS code */
	day_t datum;
	int van, tot; /* local minutes */
	const char *vaardigheden;
	int64_t reeks; /* 0: a single day */
};

/* One product of a visit. */
struct afspraak_regel {
	const char *product; /* code */
	const char *naam; /* the product's name (output) */
	int personen;
	const char *meenemen; /* what to bring for it (output), or NULL */
};

struct afspraak {
	int64_t id;
	const char *referentie;
	const char *gemeente;
	const char *vestiging; /* code */
	const char *vestiging_naam;
	enum kanaal kanaal;
	int64_t start, eind; /* UTC */
	const char *medewerker; /* staff number; NULL for residents */
	int balie;
	enum afspraak_status status;
	const char *naam, *email, *telefoon; /* NULL when erased or absent */
	struct afspraak_regel *regels;
	size_t nregels;
	int volgnummer; /* raised at every change (iCalendar SEQUENCE) */
	const char *aangemaakt, *gewijzigd; /* UTC ISO 8601 */
	bool inloop; /* made at the desk for now */
	int64_t status_tijd; /* UTC: status last set at the desk; 0: never */
};

/* ---- what people enter ---- */

/*
 * A reference code from 5 random bytes: AFSPRAAK_REFERENTIE_LEN
 * characters of 5 bits each (40 bits, the first byte's top bits first),
 * from the 32 characters 2-9 and A-Z without I and O (no 0, O, 1 or I;
 * L stays, as nothing left reads like it), into buf
 * (AFSPRAAK_REFERENTIE_LEN + 1).
 */
void afspraak_referentie(const uint8_t rnd[5], char *buf);
/* Whether s has the form of a reference code (any case). */
bool afspraak_referentie_geldig(const char *s);

/*
 * Problems under the field's name, in Dutch, each ST_INVALID. NULL or ""
 * is "required" (call them for what was given). An e-mail address: at
 * most AFSPRAAK_MAX_EMAIL characters ("too-long"), one @ with something
 * before it, a dot in the domain (not first or last, no two together),
 * no spaces, control characters or ()<>[]\,;:" ("format"). A telephone
 * number: at most AFSPRAAK_MAX_TELEFOON characters ("too-long"), digits,
 * spaces, - and a leading + only ("format"), 10 to 15 digits ("digits").
 */
enum status afspraak_check_email(const char *s, const char *field,
				 struct err *e);
enum status afspraak_check_telefoon(const char *s, const char *field,
				    struct err *e);
/* A skill list: comma-separated codes [a-z0-9_-], 1-32 characters
 * ("format"), at most AFSPRAAK_MAX_VAARDIGHEDEN distinct ("too-many");
 * NULL and "" are no skills. */
enum status afspraak_check_vaardigheden(const char *s, const char *field,
					struct err *e);
/* A code of a location or product: [a-z0-9_-], 1-64 characters. */
enum status afspraak_check_code(const char *s, const char *field,
				struct err *e);
/*
 * Whether the contact given (an e-mail address, any case, or a telephone
 * number, compared by its digits with +31 and 0031 read as 0) is the
 * appointment's. Spaces around it are ignored; nothing given is false.
 */
bool afspraak_contact_past(const char *gegeven, const char *email,
			   const char *telefoon);

/* ---- messages about appointments (composed in src/present/bericht.c) ---- */

/* A municipality's settings for its appointments and their messages. */
struct afspraak_instelling {
	const char *gemeente;
	const char *afzender; /* From address; NULL: the installation's */
	const char *videolink; /* "https://.../{referentie}", or NULL */
	int herinnering; /* hours before; 0: no reminder */
	int bewaartermijn; /* days personal data is kept after the visit */
	const char *slottekst; /* closing text of messages, or NULL */
	int max_open; /* open appointments per e-mail address; 0 on update:
			 GRENS_MAX_OPEN */
	int max_per_dag; /* bookings per e-mail address per day (UTC); 0 on
			    update: GRENS_EMAIL_MAX */
	int web_aandeel; /* percent (1..100) of a location-day's rostered
			    time residents may book themselves; 0 on update:
			    100, no reserve */
};

enum bericht_soort {
	BERICHT_BEVESTIGING,
	BERICHT_WIJZIGING,
	BERICHT_ANNULERING,
	BERICHT_HERINNERING,
	BERICHT_AANBOD, /* a freed time offered to the waiting list */
};

/* A message due, with what composing it needs. An offer (BERICHT_AANBOD)
 * is about the time an appointment freed: `afspraak` then holds that
 * time (start, eind) at its location, addressed to the waiting entry
 * (naam, email, and its own code as referentie), with the entry's
 * product as its one line. */
struct bericht {
	int64_t id;
	enum bericht_soort soort;
	int volgnummer; /* of the appointment when queued */
	int pogingen;
	struct afspraak afspraak;
	struct vestiging vestiging;
	struct afspraak_instelling instelling;
};

/* ---- the waiting list ---- */

/*
 * A place on a product's waiting list (docs/design/appointments.md, "De
 * wachtlijst"): who waits (name and e-mail address, nothing else), since
 * when, and once a time was offered, which one. Its code (made like an
 * appointment's) lets the resident leave the list.
 */
struct wachtplaats {
	const char *referentie;
	const char *gemeente; /* CBS code */
	const char *product; /* code */
	const char *product_naam; /* output */
	const char *naam;
	const char *email;
	int64_t aangemeld; /* UTC */
	const char *aanbod_vestiging; /* output, NULL until offered */
	int64_t aanbod_start, aanbod_eind, aangeboden; /* 0 until offered */
};
#define WACHTLIJST_MAX_PER_ADRES 5 /* products one address waits for */

/* ---- limits: abuse, retention and release in waves (afspraak_grens.c) ---- */

/*
 * The abuse limits (docs/design/appointments.md, "Grenzen"): counted per
 * key in fixed windows of the given length in seconds, a window starting
 * at a multiple of its length (UTC).
 */
#define GRENS_CODE_MAX 5 /* wrong contacts per reference code */
#define GRENS_CODE_VENSTER 900
#define GRENS_NETFOUT_MAX 100 /* wrong codes or contacts per network */
#define GRENS_NETFOUT_VENSTER 3600
#define GRENS_EMAIL_MAX 10 /* bookings per e-mail address (default) */
#define GRENS_EMAIL_MAX_MAX 1000
#define GRENS_EMAIL_VENSTER 86400
#define GRENS_NET_MAX 300 /* bookings per network */
#define GRENS_NET_VENSTER 3600
#define GRENS_MAX_OPEN 3 /* open appointments per address (default) */
#define GRENS_MAX_OPEN_MAX 50

/* The first instant of the window of length `lengte` (> 0) that holds
 * `now`, and how many seconds (1..lengte) are left of it. */
int64_t grens_venster(int64_t now, int64_t lengte);
int64_t grens_wacht(int64_t now, int64_t lengte);

/*
 * The network an origin address counts under for the abuse limits:
 * "192.0.2.0/24" for IPv4 (an IPv4-mapped IPv6 address too),
 * "2001:db8:1:200::/56" for IPv6, however the address was written; false
 * (out "") for anything else (the command line's origin) and for the
 * loopback addresses (127.0.0.0/8, ::1: a proxy on the same machine
 * would put a whole town in one network), which no network limit applies
 * to. out: ACCESS_NETWERK_LEN (64).
 */
bool grens_netwerk(const char *herkomst, char out[64]);

/* A rule of release in waves: times on local dates from `vanaf` on (of
 * every location and product of the municipality, or of one) become
 * bookable at `moment` (UTC). */
struct vrijgave {
	int64_t id;
	const char *gemeente;
	const char *vestiging; /* code, or NULL: every location */
	const char *product; /* code, or NULL: every product */
	day_t vanaf;
	int64_t moment;
};

/*
 * The first date not yet released at `now` by the rules r[0..n) that
 * apply (the caller picks them by location and product): the earliest
 * `vanaf` of a rule whose moment is after now; DATE_NONE when every date
 * is released. A start on that local date or later is not offered nor
 * bookable.
 */
day_t vrijgave_grens(const struct vrijgave *r, size_t n, int64_t now);
/* When a start on date d becomes bookable by those rules: the latest
 * moment after now of a rule whose vanaf is d or before; 0 when it is
 * bookable now. */
int64_t vrijgave_moment(const struct vrijgave *r, size_t n, day_t d,
			int64_t now);

/*
 * Whether a resident's booking of `duur` minutes still fits the web share
 * `aandeel` (percent) of a location-day whose roster holds `capaciteit`
 * minutes, of which residents booked `geboekt` already:
 * (geboekt + duur) x 100 <= capaciteit x aandeel. At 100 always: then the
 * engine alone decides.
 */
bool aandeel_past(int64_t capaciteit, int64_t geboekt, int duur, int aandeel);

/* The end (UTC) before which appointments are erased at `now`, for a
 * retention period of `dagen` days: now - dagen x 86400. */
int64_t bewaar_grens(int64_t now, int dagen);

#endif
