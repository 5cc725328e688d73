#!/usr/bin/env python3
"""A real SMTP server (Debian's python3-aiosmtpd) on 127.0.0.1 for the notifier tests.

Prints "port N" once it listens (port 0: an ephemeral one). Each message it accepts becomes
OUT/N.json: the envelope, whether TLS and AUTH were used, and the message as Python's e-mail
parser reads it (decoded subject, headers, each MIME part), so the tests check what a mail client
would see. Recipients starting with "tempfail" get 451, with "unknown" 550.
"""
import argparse
import asyncio
import email
import email.policy
import json
import pathlib
import ssl

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Sink:
    def __init__(self, out):
        self.out = out
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("tempfail"):
            return "451 4.3.0 Mailbox busy, try again later"
        if address.startswith("unknown"):
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        parts = [{"type": p.get_content_type(), "charset": p.get_content_charset(), "text": p.get_content()}
                 for p in message.walk() if not p.is_multipart()]
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": session.ssl is not None,
            "auth_login": login,
            "subject": str(message["Subject"]),
            "from": str(message["From"]),
            "to": str(message["To"]),
            "message_id": str(message["Message-ID"]),
            "auto_submitted": str(message["Auto-Submitted"]),
            "content_type": message.get_content_type(),
            "parts": parts,
            "raw": envelope.original_content.decode("ascii", "replace"),
        }
        tmp = self.out / f"{self.count}.tmp"
        tmp.write_text(json.dumps(record))
        tmp.rename(self.out / f"{self.count}.json")
        return "250 Message accepted for delivery"


class PostfixLikeSMTP(SMTP):
    # aiosmtpd asks "User Name\0" in AUTH LOGIN; Postfix, Exchange and the clients that talk to
    # them (Poco among them) use "Username:" and "Password:".
    AuthLoginUsernameChallenge = "Username:"
    AuthLoginPasswordChallenge = "Password:"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user", help="USER:PASSWORD accepted by AUTH")
    args = parser.parse_args()

    tls = None
    if args.cert:
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(args.cert, args.key)

    def authenticate(server, session, envelope, mechanism, auth_data):
        user, _, password = (args.user or "").partition(":")
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and \
            auth_data.password.decode() == password
        return AuthResult(success=ok, handled=False, auth_data=auth_data)

    handler = Sink(pathlib.Path(args.out))

    async def serve():
        def factory():
            return PostfixLikeSMTP(handler, hostname="sink.test", tls_context=tls, require_starttls=False,
                        authenticator=authenticate if args.user else None, auth_require_tls=True)
        server = await asyncio.get_running_loop().create_server(factory, "127.0.0.1", 0)
        print(f"port {server.sockets[0].getsockname()[1]}", flush=True)
        async with server:
            await server.serve_forever()

    asyncio.run(serve())


if __name__ == "__main__":
    main()
