"""A real SMTP server for the mail tests (aiosmtpd on a thread), with the ways servers fail.

``MailServer(...)`` runs on 127.0.0.1 at a free port. Options:

- ``tls``: STARTTLS offered and required, with a self-signed certificate for 127.0.0.1 and
  localhost made here (``cryptography``); ``cafile`` is that certificate, for the client;
- ``users``: AUTH required (PLAIN / LOGIN), only after STARTTLS when ``tls``;
- ``answers``: replies given to DATA instead of accepting, one per message in turn
  ("421 …", "451 …"), then it accepts;
- ``refuse``: recipients answered ``550`` at RCPT;
- ``drop_at_rcpt``: how many RCPTs are answered by closing the connection (before the data);
- ``drop_after_data``: how many messages are received whole and answered by closing the
  connection (the server has the message; the client cannot know);
- ``on_message``: called with each message accepted, before the answer is sent.

``received`` holds every message the server accepted (``Received``: envelope and parsed
message), across connections.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


@dataclass
class Received:
    sender: str
    recipients: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = message_from_bytes(self.data, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 / localhost and its key, as PEM files in ``folder``."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "server.pem", folder / "server.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class _Handler:
    answers: list[str] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    drop_at_rcpt: int = 0
    drop_after_data: int = 0
    on_message: Callable[[Received], None] | None = None
    received: list[Received] = field(default_factory=list)
    attempts: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if self.drop_at_rcpt > 0:
            self.drop_at_rcpt -= 1
            server.transport.close()
            return "250 never heard"
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self.attempts += 1
            if self.answers:
                return self.answers.pop(0)
            item = Received(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.content))
            self.received.append(item)
            drop = self.drop_after_data > 0
            if drop:
                self.drop_after_data -= 1
        if self.on_message is not None:
            self.on_message(item)
        if drop:
            server.transport.close()
            return "250 never heard"
        return "250 Message accepted for delivery"


class MailServer:
    def __init__(
        self,
        folder: Path,
        *,
        tls: bool = False,
        users: dict[str, str] | None = None,
        answers: Iterable[str] = (),
        refuse: Iterable[str] = (),
        drop_at_rcpt: int = 0,
        drop_after_data: int = 0,
        on_message: Callable[[Received], None] | None = None,
    ) -> None:
        self.handler = _Handler(
            list(answers), set(refuse), drop_at_rcpt, drop_after_data, on_message
        )
        self.users = dict(users or {})
        self.logins: list[str] = []
        self.port = free_port()
        self.cafile: Path | None = None
        options: dict[str, Any] = {}
        if tls:
            cert, key = self_signed(folder)
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(cert, key)
            options.update(tls_context=context, require_starttls=True)
            self.cafile = cert
        if users is not None:
            options.update(
                authenticator=self._authenticate, auth_required=True, auth_require_tls=tls
            )
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port, **options)

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        if not isinstance(data, LoginPassword):
            return AuthResult(success=False, handled=False)
        user, password = data.login.decode(), data.password.decode()
        ok = self.users.get(user) == password
        if ok:
            self.logins.append(user)
        return AuthResult(success=ok, handled=False)

    @property
    def received(self) -> list[Received]:
        return self.handler.received

    def client_context(self) -> ssl.SSLContext:
        assert self.cafile is not None
        return ssl.create_default_context(cafile=str(self.cafile))

    def __enter__(self) -> MailServer:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()
