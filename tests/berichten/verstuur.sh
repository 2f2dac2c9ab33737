#!/bin/sh
# verstuur.sh - the messages about appointments, sent by the real binary
# to an SMTP sink on 127.0.0.1 (sink.py): `ambt berichten verstuur
# --een-keer` sends the confirmation of a booking, which arrives with the
# exact headers and text and a calendar object that reads back to the
# right local time; a refused delivery (451) and a mail server that is
# away are tried again and arrive exactly once; a cancellation carries
# METHOD:CANCEL with the same UID; the reminder comes the day before;
# `ambt serve` sends by itself and holds the sender's role while it runs.
# Runs on SQLite and, with AMBT_TEST_ENGINE=postgresql, on PostgreSQL
# (tests/lib/db.sh). TAP output.
#
# Usage: verstuur.sh AMBT AFSPRAAK_MAAK ICS_LEES
set -u
AMBT=$(realpath "$1")
MAAK=$(realpath "$2")
ICS_LEES=$(realpath "$3")
HIER=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-berichten-XXXXXX")
NU=2026-11-22T10:30:00+01:00
export AMBT_NU=$NU
export AMBT_AFSPRAAK_URL=https://afspraken.aalsmeer.nl/wijzigen
unset AMBT_DB AMBT_SMTP AMBT_SMTP_STARTTLS AMBT_SMTP_GEBRUIKER \
	AMBT_SMTP_WACHTWOORD AMBT_SMTP_AFZENDER AMBT_SMTP_DOMEIN
DB_PREFIX=bericht
. "$HIER/../lib/db.sh"
. "$HIER/../lib/tap.sh"
. "$HIER/../lib/serve.sh"
db_engine_of_test

# Debian's python3 has aiosmtpd (python3-aiosmtpd); another python3
# first on the PATH may not.
PY=
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import aiosmtpd' 2>/dev/null; then
		PY=$p
		break
	fi
done
if [ -z "$PY" ]; then
	echo "1..0 # SKIP no python3 with aiosmtpd (Debian: python3-aiosmtpd)"
	rm -rf "$WORK"
	exit 0
fi

SINKS=
# sink_start NAME [--weiger N]: a sink writing to $WORK/NAME; sets SMTP_NAME.
sink_start() {
	naam=$1
	shift
	mkdir -p "$WORK/$naam"
	"$PY" "$HIER/sink.py" --map "$WORK/$naam" \
		--poortbestand "$WORK/$naam.poort" "$@" 2>"$WORK/$naam.log" &
	SINKS="$SINKS $!"
	eval "PID_$naam=$!"
	for _ in $(seq 1 100); do
		[ -s "$WORK/$naam.poort" ] && break
		sleep 0.05
	done
	if [ ! -s "$WORK/$naam.poort" ]; then
		echo "Bail out! sink $naam did not start"
		cat "$WORK/$naam.log"
		exit 1
	fi
	eval "SMTP_$naam=smtp://127.0.0.1:$(cat "$WORK/$naam.poort")"
}
sink_stop() {
	for p in $SINKS; do kill "$p" 2>/dev/null; done
	for p in $SINKS; do wait "$p" 2>/dev/null; done
}
# servers_stop: stop the servers started and wait for them.
servers_stop() {
	serve_stop
	for p in $PIDS; do wait "$p" 2>/dev/null; done
	PIDS=
}
trap 'serve_stop; sink_stop; rm -rf "$WORK"' EXIT

# aantal NAME: how many messages sink NAME accepted.
aantal() {
	find "$WORK/$1" -name '*.eml' | wc -l | tr -d ' '
}
# verstuur SMTP [NU]: one run of the command at instant NU; its stdout in
# $WORK/uit, stderr in $WORK/fout (and added to $WORK/logboek), exit code
# in $rc.
verstuur() {
	AMBT_NU=${2:-$NU} "$AMBT" berichten verstuur --een-keer --smtp "$1" \
		--db "$DB" >"$WORK/uit" 2>"$WORK/fout"
	rc=$?
	cat "$WORK/fout" >>"$WORK/logboek"
}
# telling V M O N: the summary line of a run.
telling() {
	echo "Verstuurd: $1. Niet gelukt, later opnieuw: $2. Opgegeven: $3. Niet meer nodig: $4."
}
# is NAME: ok when $WORK/NAME.verwacht and $WORK/NAME.kreeg are equal.
is() {
	if cmp -s "$WORK/$1.verwacht" "$WORK/$1.kreeg"; then
		ok "$2"
	else
		not_ok "$2" "$(diff "$WORK/$1.verwacht" "$WORK/$1.kreeg" | head -30)"
	fi
}
# lees SINK NR NAME: message NR of SINK read back: headers and text in
# $WORK/NAME.kreeg (the Message-ID's outbox number as N), the calendar
# object in $WORK/NAME.ics.kreeg.
lees() {
	"$PY" "$HIER/lees_bericht.py" "$WORK/$1/$2.eml" "$WORK/$3.ics" \
		>"$WORK/$3.ruw" 2>"$WORK/$3.fout" &&
		sed 's/^\(Message-ID: <[A-Z0-9]*\.\)[0-9]*\(@ambt>\)$/\1N\2/' \
			"$WORK/$3.ruw" >"$WORK/$3.kreeg" &&
		"$ICS_LEES" "$WORK/$3.ics" >"$WORK/$3.ics.kreeg" 2>>"$WORK/$3.fout"
}

DB=$(db_url db)
# The register of the demo and two staff members of AA, without the
# demo's own front office (whose bookings would wait in the outbox too).
if [ "$DB_ENGINE" = postgresql ]; then
	psql -X -q "$(db_beheer)" -c "DROP DATABASE IF EXISTS ${DB##*/}" ||
		{ echo "Bail out! drop"; exit 1; }
else
	rm -f "$DB" "$DB-wal" "$DB-shm"
fi
"$AMBT" init --db "$DB" --register "$HIER/../../data/demo.json" >/dev/null &&
	for nr in 1 2; do
		"$AMBT" medewerker toevoegen --db "$DB" --nummer AA-00$nr \
			--naam "Baliemedewerker $nr" --werkgever GM0362 \
			--eenheid aa-loketten --fte 1 --van 2020-01-01 >/dev/null ||
			exit 1
	done || { echo "Bail out! register"; exit 1; }
"$MAAK" "$DB" inrichten || { echo "Bail out! inrichten"; exit 1; }
"$MAAK" "$DB" boek ABCD2345 2026-12-07T09:30:00+01:00 || { echo "Bail out! boek"; exit 1; }

# ---- no mail server: nothing is sent, and it says so ----
"$AMBT" berichten verstuur --een-keer --db "$DB" >"$WORK/uit" 2>"$WORK/fout"
rc=$?
echo "ambt: er is geen mailserver ingesteld (AMBT_SMTP=smtp://server:poort of --smtp); er is niets verstuurd." >"$WORK/geen.verwacht"
cp "$WORK/fout" "$WORK/geen.kreeg"
[ "$rc" = 1 ] && [ ! -s "$WORK/uit" ] && ok "without AMBT_SMTP: exit 1" ||
	not_ok "without AMBT_SMTP: exit 1" "rc $rc"
is geen "without AMBT_SMTP: the message"
AMBT_SMTP=ftp://x "$AMBT" berichten verstuur --een-keer --db "$DB" >/dev/null 2>"$WORK/fout"
rc=$?
[ "$rc" = 1 ] && grep -q "smtp://- of smtps://-adres" "$WORK/fout" &&
	ok "AMBT_SMTP that is no smtp:// URL: refused" ||
	not_ok "AMBT_SMTP that is no smtp:// URL: refused" "rc $rc" "$(cat "$WORK/fout")"

# ---- the confirmation ----
sink_start A
verstuur "$SMTP_A"
telling 1 0 0 0 >"$WORK/een.verwacht"
cp "$WORK/uit" "$WORK/een.kreeg"
[ "$rc" = 0 ] && ok "verstuur --een-keer: exit 0" || not_ok "verstuur --een-keer: exit 0" "rc $rc" "$(cat "$WORK/fout")"
is een "one message sent"
grep -Eq '^ambt: bericht [0-9]+ \(bevestiging ABCD2345\) verstuurd$' "$WORK/fout" &&
	ok "the log names the message without personal data" ||
	not_ok "the log names the message without personal data" "$(cat "$WORK/fout")"
[ "$(aantal A)" = 1 ] && ok "one message arrived" || not_ok "one message arrived" "$(aantal A)"
printf 'afspraken@aalsmeer.nl\nj.de.vries@example.nl\n' >"$WORK/env.verwacht"
cp "$WORK/A/001.env" "$WORK/env.kreeg"
is env "envelope: from the municipality's address to the resident's"

if lees A 001 bev; then ok "the message reads back (email package, libical)"; else
	not_ok "the message reads back (email package, libical)" "$(cat "$WORK/bev.fout")"; fi
cat >"$WORK/bev.verwacht" <<'EOF'
Date: Sun, 22 Nov 2026 10:30:00 +0100
From: Gemeente Aalsmeer <afspraken@aalsmeer.nl>
To: Jan de Vries <j.de.vries@example.nl>
Subject: Bevestiging van uw afspraak op maandag 7 december 2026 om 09:30
Message-ID: <ABCD2345.N@ambt>
MIME-Version: 1.0
Auto-Submitted: auto-generated
Delen: text/plain, text/calendar
Tekst: quoted-printable
Agenda: method=REQUEST, bestand=afspraak-ABCD2345.ics, attachment, base64
--
Beste Jan de Vries,

U hebt een afspraak gemaakt bij de gemeente Aalsmeer.
Hieronder staan de gegevens van uw afspraak.

Wanneer: maandag 7 december 2026 om 09:30 (tot ongeveer 09:50)
Waar: Raadhuis Aalsmeer, Raadhuisplein 1, 1431 EH Aalsmeer
Waarvoor: Paspoort aanvragen (2 personen)
Afspraakcode: ABCD2345

Neem mee:
Uw oude paspoort en een pasfoto per persoon.

Wilt u de afspraak verzetten of afzeggen? Ga dan naar
https://afspraken.aalsmeer.nl/wijzigen
U hebt daarvoor uw afspraakcode en uw e-mailadres nodig.

Kunt u niet komen? Zeg de afspraak dan af. Dan kan iemand anders
in uw plaats komen.

Met vriendelijke groet,
Gemeente Aalsmeer
EOF
is bev "the confirmation: headers, parts and text exactly"
cat >"$WORK/bev.ics.verwacht" <<'EOF'
METHOD: REQUEST
UID: ABCD2345@ambt
SEQUENCE: 0
STATUS: CONFIRMED
DTSTART: 2026-12-07 09:30 Europe/Amsterdam = 2026-12-07T08:30:00Z
DTEND: 2026-12-07 09:50 Europe/Amsterdam = 2026-12-07T08:50:00Z
SUMMARY: Afspraak gemeente Aalsmeer: Paspoort aanvragen
LOCATION: Raadhuis Aalsmeer, Raadhuisplein 1, 1431 EH Aalsmeer
ORGANIZER: mailto:afspraken@aalsmeer.nl
ATTENDEE: mailto:j.de.vries@example.nl
EOF
is bev.ics "the confirmation's calendar object"

verstuur "$SMTP_A"
telling 0 0 0 0 >"$WORK/nogeens.verwacht"
cp "$WORK/uit" "$WORK/nogeens.kreeg"
is nogeens "run again: nothing is due"
[ "$(aantal A)" = 1 ] && ok "and nothing more arrived" || not_ok "and nothing more arrived" "$(aantal A)"

# ---- refused once (451): tried again a minute later, arrives once ----
"$MAAK" "$DB" boek BCDE3456 2026-12-08T10:00:00+01:00 video || echo "# boek BCDE3456 failed"
sink_start B --weiger 1
verstuur "$SMTP_B"
telling 0 1 0 0 >"$WORK/weiger.verwacht"
cp "$WORK/uit" "$WORK/weiger.kreeg"
is weiger "refused with 451: not sent, to be tried again"
grep -Eq '^ambt: bericht [0-9]+ \(bevestiging BCDE3456\) niet verstuurd \(poging 1\); opnieuw vanaf 2026-11-22T09:31:00Z: De mailserver nam het bericht niet aan: 451 4\.3\.0 Even niet voor \(ontvanger\), probeer het later opnieuw$' "$WORK/fout" &&
	ok "the log: attempt 1, again in a minute, the server's answer" ||
	not_ok "the log: attempt 1, again in a minute, the server's answer" "$(cat "$WORK/fout")"
[ "$(aantal B)" = 0 ] && [ "$(cat "$WORK/B/geweigerd")" = 1 ] &&
	ok "the sink refused one and holds none" || not_ok "the sink refused one and holds none"
verstuur "$SMTP_B" 2026-11-22T10:30:59+01:00
telling 0 0 0 0 >"$WORK/vroeg.verwacht"
cp "$WORK/uit" "$WORK/vroeg.kreeg"
is vroeg "59 seconds later it is not due yet"
verstuur "$SMTP_B" 2026-11-22T10:31:00+01:00
telling 1 0 0 0 >"$WORK/later.verwacht"
cp "$WORK/uit" "$WORK/later.kreeg"
is later "a minute later it is sent"
verstuur "$SMTP_B" 2026-11-22T10:45:00+01:00
n_bcde=$(grep -l 'BCDE3456' "$WORK"/A/*.eml "$WORK"/B/*.eml 2>/dev/null | wc -l | tr -d ' ')
[ "$(aantal B)" = 1 ] && [ "$n_bcde" = 1 ] && [ "$(cat "$WORK/B/geweigerd")" = 1 ] &&
	ok "it arrived exactly once" || not_ok "it arrived exactly once" "B $(aantal B), BCDE3456 in $n_bcde"

if lees B 001 video; then ok "the video confirmation reads back"; else
	not_ok "the video confirmation reads back" "$(cat "$WORK/video.fout")"; fi
grep -q '^Waar: online, in een videogesprek$' "$WORK/video.kreeg" &&
	grep -q '^Link voor het gesprek: https://video.aalsmeer.nl/gesprek/BCDE3456$' "$WORK/video.kreeg" &&
	! grep -q Raadhuisplein "$WORK/video.kreeg" &&
	ok "the video confirmation has the join link and no address" ||
	not_ok "the video confirmation has the join link and no address" "$(cat "$WORK/video.kreeg")"
grep -q '^URL: https://video.aalsmeer.nl/gesprek/BCDE3456$' "$WORK/video.ics.kreeg" &&
	grep -q '^DTSTART: 2026-12-08 10:00 Europe/Amsterdam = 2026-12-08T09:00:00Z$' "$WORK/video.ics.kreeg" &&
	ok "its calendar object has the link as URL" ||
	not_ok "its calendar object has the link as URL" "$(cat "$WORK/video.ics.kreeg")"

# ---- the mail server away: tried again, arrives once it is back ----
AMBT_NU=2026-11-22T10:50:00+01:00 "$MAAK" "$DB" boek CDEF4567 2026-12-09T09:00:00+01:00 ||
	echo "# boek CDEF4567 failed"
sink_start C
weg=$SMTP_C
kill "$PID_C"
wait "$PID_C" 2>/dev/null
verstuur "$weg" 2026-11-22T11:00:00+01:00
telling 0 1 0 0 >"$WORK/weg.verwacht"
cp "$WORK/uit" "$WORK/weg.kreeg"
is weg "no mail server: not sent, to be tried again"
grep -q 'niet verstuurd (poging 1); opnieuw vanaf 2026-11-22T10:01:00Z: De mailserver is niet bereikt' "$WORK/fout" &&
	ok "the log says the server was not reached" || not_ok "the log says the server was not reached" "$(cat "$WORK/fout")"
verstuur "$SMTP_A" 2026-11-22T11:01:00+01:00
telling 1 0 0 0 >"$WORK/terug.verwacht"
cp "$WORK/uit" "$WORK/terug.kreeg"
is terug "the server back: sent"
[ "$(grep -l CDEF4567 "$WORK"/A/*.eml | wc -l | tr -d ' ')" = 1 ] &&
	ok "it arrived exactly once" || not_ok "it arrived exactly once"

# ---- the cancellation: METHOD:CANCEL, the same UID ----
AMBT_NU=2026-11-22T11:30:00+01:00 "$MAAK" "$DB" annuleer ABCD2345 || echo "# annuleer failed"
voor=$(aantal A)
verstuur "$SMTP_A" 2026-11-22T12:00:00+01:00
telling 1 0 0 0 >"$WORK/ann.verwacht"
cp "$WORK/uit" "$WORK/ann.kreeg"
is ann "the cancellation sent"
nr=$(printf '%03d' "$((voor + 1))")
if lees A "$nr" annul; then ok "the cancellation reads back"; else
	not_ok "the cancellation reads back" "$(cat "$WORK/annul.fout")"; fi
sed -n '1,12p' "$WORK/annul.kreeg" >"$WORK/annulkop.kreeg"
cat >"$WORK/annulkop.verwacht" <<'EOF'
Date: Sun, 22 Nov 2026 12:00:00 +0100
From: Gemeente Aalsmeer <afspraken@aalsmeer.nl>
To: Jan de Vries <j.de.vries@example.nl>
Subject: Uw afspraak op maandag 7 december 2026 om 09:30 is afgezegd
Message-ID: <ABCD2345.N@ambt>
MIME-Version: 1.0
Auto-Submitted: auto-generated
Delen: text/plain, text/calendar
Tekst: quoted-printable
Agenda: method=CANCEL, bestand=afspraak-ABCD2345.ics, attachment, base64
--
Beste Jan de Vries,
EOF
is annulkop "the cancellation's headers"
sed -n '1,4p' "$WORK/annul.ics.kreeg" | sed 's/^SEQUENCE: [1-9][0-9]*$/SEQUENCE: >0/' >"$WORK/annulics.kreeg"
cat >"$WORK/annulics.verwacht" <<'EOF'
METHOD: CANCEL
UID: ABCD2345@ambt
SEQUENCE: >0
STATUS: CANCELLED
EOF
is annulics "its calendar object cancels the same event, a later SEQUENCE"

# ---- the reminder: the day before, not for the cancelled one ----
voor=$(aantal A)
verstuur "$SMTP_A" 2026-12-07T10:00:00+01:00
telling 1 0 0 0 >"$WORK/her.verwacht"
cp "$WORK/uit" "$WORK/her.kreeg"
is her "the reminder of the 8 December appointment, 24 hours before"
nr=$(printf '%03d' "$((voor + 1))")
lees A "$nr" herin &&
	grep -q '^Subject: Herinnering: uw afspraak op dinsdag 8 december 2026 om 10:00$' "$WORK/herin.kreeg" &&
	grep -q '^Link voor het gesprek: https://video.aalsmeer.nl/gesprek/BCDE3456$' "$WORK/herin.kreeg" &&
	ok "its subject and link" || not_ok "its subject and link" "$(head -5 "$WORK/herin.kreeg" 2>/dev/null)"
[ "$(grep -l ABCD2345 "$WORK"/A/*.eml | wc -l | tr -d ' ')" = 2 ] &&
	ok "the cancelled appointment got no reminder" || not_ok "the cancelled appointment got no reminder"

# ---- the 24th failed attempt: given up, the error kept ----
AMBT_NU=2026-12-07T11:00:00+01:00 "$MAAK" "$DB" boek EFGH6789 2026-12-11T10:00:00+01:00 ||
	echo "# boek EFGH6789 failed"
# (around the program on purpose: as if 23 attempts had failed)
db_sql "$DB" "UPDATE bericht SET pogingen = 23 WHERE soort = 'bevestiging' AND afspraak_id = (SELECT id FROM afspraak WHERE referentie = 'EFGH6789')" >/dev/null
sink_start E --weiger 1
verstuur "$SMTP_E" 2026-12-07T11:00:00+01:00
telling 0 0 1 0 >"$WORK/op.verwacht"
cp "$WORK/uit" "$WORK/op.kreeg"
is op "the 24th failure: given up"
grep -Eq '^ambt: bericht [0-9]+ \(bevestiging EFGH6789\) niet verstuurd na 24 pogingen; opgegeven: De mailserver nam het bericht niet aan: 451 ' "$WORK/fout" &&
	ok "the log says so" || not_ok "the log says so" "$(cat "$WORK/fout")"
rij=$(db_sql "$DB" "SELECT b.pogingen || ' ' || b.vervallen || ' ' || b.laatste_fout FROM bericht b JOIN afspraak a ON a.id = b.afspraak_id WHERE a.referentie = 'EFGH6789' AND b.soort = 'bevestiging'")
[ "$rij" = "24 1 De mailserver nam het bericht niet aan: 451 4.3.0 Even niet voor (ontvanger), probeer het later opnieuw" ] &&
	ok "the outbox keeps it as given up, with the error" || not_ok "the outbox keeps it as given up, with the error" "$rij"
verstuur "$SMTP_E" 2026-12-07T11:20:00+01:00
telling 0 0 0 0 >"$WORK/op2.verwacht"
cp "$WORK/uit" "$WORK/op2.kreeg"
is op2 "and it is not tried again"
[ "$(aantal E)" = 0 ] && ok "nothing arrived" || not_ok "nothing arrived" "$(aantal E)"

# ---- cancelled before its confirmation went: only the cancellation ----
AMBT_NU=2026-12-07T11:30:00+01:00 "$MAAK" "$DB" boek FGHJ7892 2026-12-11T11:00:00+01:00 ||
	echo "# boek FGHJ7892 failed"
AMBT_NU=2026-12-07T11:31:00+01:00 "$MAAK" "$DB" annuleer FGHJ7892 || echo "# annuleer FGHJ7892 failed"
voor=$(aantal A)
verstuur "$SMTP_A" 2026-12-07T11:32:00+01:00
telling 1 0 0 1 >"$WORK/nietnodig.verwacht"
cp "$WORK/uit" "$WORK/nietnodig.kreeg"
is nietnodig "the confirmation is no longer needed; the cancellation goes"
grep -Eq '^ambt: bericht [0-9]+ \(bevestiging FGHJ7892\) vervalt: De afspraak is afgezegd; dit bericht is niet meer nodig\.$' "$WORK/fout" &&
	ok "the log says why" || not_ok "the log says why" "$(cat "$WORK/fout")"
nr=$(printf '%03d' "$((voor + 1))")
[ "$(aantal A)" = "$((voor + 1))" ] && grep -q '^Subject: Uw afspraak op vrijdag 11 december 2026 om 11:00 is afgezegd' "$WORK/A/$nr.eml" &&
	ok "one message arrived: the cancellation" || not_ok "one message arrived: the cancellation" "$(aantal A)"

# ---- no personal data in the log or the outbox's notes ----
if [ "$(grep -c '^ambt: bericht ' "$WORK/logboek")" -lt 8 ] ||
	grep -q 'j.de.vries@example.nl' "$WORK/logboek"; then
	not_ok "no e-mail address in the log"
else
	ok "no e-mail address in the log"
fi
fouten=$(db_sql "$DB" "SELECT count(*) FROM bericht WHERE laatste_fout LIKE '%example.nl%'")
[ "$fouten" = 0 ] && ok "no e-mail address in the outbox's notes" || not_ok "no e-mail address in the outbox's notes" "$fouten"

# ---- ambt serve: without a mail server it says so once ----
serve_start S "$DB"
servers_stop
[ "$(grep -c 'er is geen mailserver ingesteld (AMBT_SMTP)' "$WORK/serve-S.out")" = 1 ] &&
	ok "serve without AMBT_SMTP: said once" || not_ok "serve without AMBT_SMTP: said once" "$(cat "$WORK/serve-S.out")"

# ---- ambt serve sends by itself, and holds the sender's role ----
sink_start D
# (later than every run before: the clock never goes back)
export AMBT_NU=2026-12-07T12:00:00+01:00
"$MAAK" "$DB" boek DEFG5678 2026-12-10T11:00:00+01:00 || echo "# boek DEFG5678 failed"
export AMBT_SMTP="$SMTP_D"
serve_start V "$DB"
unset AMBT_SMTP
for _ in $(seq 1 150); do
	[ "$(aantal D)" -ge 1 ] && break
	sleep 0.1
done
[ "$(aantal D)" = 1 ] && grep -q 'DEFG5678' "$WORK/D/001.eml" &&
	ok "serve sent the confirmation by itself" || not_ok "serve sent the confirmation by itself" "$(cat "$WORK/serve-V.out")"
grep -Eq '^ambt server: bericht [0-9]+ \(bevestiging DEFG5678\) verstuurd$' "$WORK/serve-V.out" &&
	ok "serve's log names it" || not_ok "serve's log names it" "$(cat "$WORK/serve-V.out")"
verstuur "$SMTP_D" "$AMBT_NU"
[ "$rc" = 1 ] && grep -q 'een ander proces verstuurt nu de berichten' "$WORK/fout" &&
	ok "meanwhile the command may not send (one sender)" ||
	not_ok "meanwhile the command may not send (one sender)" "rc $rc" "$(cat "$WORK/fout")"
servers_stop
grep -q 'server gestopt' "$WORK/serve-V.out" && ok "serve stopped" || not_ok "serve stopped" "$(cat "$WORK/serve-V.out")"
verstuur "$SMTP_D" "$AMBT_NU"
telling 0 0 0 0 >"$WORK/na.verwacht"
cp "$WORK/uit" "$WORK/na.kreeg"
[ "$rc" = 0 ] && ok "once serve stopped, the command may send at once" ||
	not_ok "once serve stopped, the command may send at once" "rc $rc" "$(cat "$WORK/fout")"
is na "and nothing was left to send"
[ "$(aantal D)" = 1 ] && ok "serve's message arrived exactly once" || not_ok "serve's message arrived exactly once" "$(aantal D)"

tap_end
