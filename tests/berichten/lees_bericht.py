#!/usr/bin/python3
"""lees_bericht.py - an e-mail as received, read with Python's email
package (strictly: any defect fails), printed as the test compares it:
the headers decoded, the structure, the text part decoded; the calendar
attachment is written to a file for ics_lees.

Usage: lees_bericht.py MESSAGE.eml ICS-OUT
"""
import email
import email.policy
import sys


def main():
    eml, ics_uit = sys.argv[1], sys.argv[2]
    with open(eml, "rb") as f:
        ruw = f.read()
    for regel in ruw.split(b"\r\n"):
        if len(regel) > 998 or b"\n" in regel or b"\r" in regel:
            sys.exit("regel niet goed: %r" % regel[:80])
    m = email.message_from_bytes(ruw, policy=email.policy.strict)
    for kop in ("Date", "From", "To", "Subject", "Message-ID",
                "MIME-Version", "Auto-Submitted"):
        print("%s: %s" % (kop, m[kop]))
    if m.get_content_type() != "multipart/mixed":
        sys.exit("geen multipart/mixed maar %s" % m.get_content_type())
    delen = list(m.iter_parts())
    print("Delen: %s" % ", ".join(d.get_content_type() for d in delen))
    tekst, agenda = delen
    if tekst.get_content_charset() != "utf-8":
        sys.exit("tekst niet in UTF-8")
    print("Tekst: %s" % tekst["Content-Transfer-Encoding"])
    print("Agenda: method=%s, bestand=%s, %s, %s" % (
        agenda.get_param("method"), agenda.get_filename(),
        agenda.get_content_disposition(),
        agenda["Content-Transfer-Encoding"]))
    for d in (m, tekst, agenda):
        if d.defects:
            sys.exit("gebreken: %s" % d.defects)
    with open(ics_uit, "wb") as f:
        f.write(agenda.get_payload(decode=True))
    print("--")
    sys.stdout.write(tekst.get_content().replace("\r\n", "\n"))


if __name__ == "__main__":
    main()
