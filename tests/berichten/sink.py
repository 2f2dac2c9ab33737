#!/usr/bin/python3
"""sink.py - an SMTP server on 127.0.0.1 for the tests: every message it
accepts is written to a directory, one file per message (NNN.eml, the
bytes as received, and NNN.env with the envelope: MAIL FROM, then one
line per RCPT TO). With --weiger N it refuses the first N messages at the
end of DATA with 451 (a temporary failure, naming the recipient) and
counts them in the file 'geweigerd'. It listens on a free port and writes that port to
--poortbestand once it accepts connections; it stops on SIGTERM.

Usage: sink.py --map DIR --poortbestand FILE [--weiger N]
"""
import argparse
import asyncio
import os
import signal

from aiosmtpd.smtp import SMTP


class Bak:
    def __init__(self, map_, weiger):
        self.map = map_
        self.weiger = weiger
        self.geweigerd = 0
        self.n = len([f for f in os.listdir(map_) if f.endswith(".eml")])

    def schrijf(self, naam, data):
        tijdelijk = os.path.join(self.map, "." + naam)
        with open(tijdelijk, "wb") as f:
            f.write(data)
        os.rename(tijdelijk, os.path.join(self.map, naam))

    async def handle_DATA(self, server, session, envelope):
        if self.geweigerd < self.weiger:
            self.geweigerd += 1
            self.schrijf("geweigerd", b"%d\n" % self.geweigerd)
            # Naming the recipient, as real servers do.
            return "451 4.3.0 Even niet voor %s, probeer het later opnieuw" % (
                ", ".join(envelope.rcpt_tos))
        self.n += 1
        env = "\n".join([envelope.mail_from] + envelope.rcpt_tos) + "\n"
        self.schrijf("%03d.env" % self.n, env.encode())
        self.schrijf("%03d.eml" % self.n, envelope.original_content)
        return "250 2.0.0 Aangenomen"


async def main():
    p = argparse.ArgumentParser()
    p.add_argument("--map", required=True)
    p.add_argument("--poortbestand", required=True)
    p.add_argument("--weiger", type=int, default=0)
    a = p.parse_args()
    bak = Bak(a.map, a.weiger)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(bak, hostname="sink.test"), "127.0.0.1", 0
    )
    poort = server.sockets[0].getsockname()[1]
    with open(a.poortbestand + ".nieuw", "w") as f:
        f.write("%d\n" % poort)
    os.rename(a.poortbestand + ".nieuw", a.poortbestand)
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    await stop.wait()
    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
