"""Handing one message to the office's SMTP server, and telling apart how it can go wrong.

Three outcomes besides success, because they call for different actions:

- ``TemporaryFailure``: the server answered 4xx, or the connection dropped (or could not be
  made) **before the end of the message was sent**. The server cannot have accepted the
  message, so trying again later cannot make a duplicate.
- ``PermanentFailure``: the server answered 5xx (no such mailbox, refused as spam…). Trying
  again would fail the same way; the failure is listed for the office.
- ``UncertainDelivery``: the end of the message was sent and the connection dropped before the
  server answered. The server may have accepted it (RFC 5321 section 4.1.1.4 describes the
  duplicates this causes), so it is **not** sent again automatically: it is handled like a
  message interrupted by a crash (``core.mail.plan``).

The SMTP dialogue is smtplib's, with the DATA step written out so that the moment the end of
the message leaves is known. Certificates are checked against the system's authorities
(``ssl.create_default_context``) and the server's name.
"""

from __future__ import annotations

import re
import smtplib
import socket
import ssl
from collections.abc import Sequence

from noticedesk.core.mail.settings import SSL, STARTTLS, MailSettings
from noticedesk.core.user_error import UserError

TIMEOUT = 60.0
_DROPPED = (smtplib.SMTPServerDisconnected, ConnectionError, socket.timeout, TimeoutError)


class DeliveryProblem(UserError):
    """Base of the outcomes below; ``reply`` is the server's own words (or the error's)."""

    def __init__(self, message: str, message_en: str, reply: str = "") -> None:
        super().__init__(message, message_en)
        self.reply = reply


class TemporaryFailure(DeliveryProblem):
    pass


class PermanentFailure(DeliveryProblem):
    pass


class UncertainDelivery(DeliveryProblem):
    pass


class ServerRefusedLogin(UserError):
    """The server refused the user or password (or the connection's security): stop the run."""


class ServerUnreachable(UserError):
    """The server could not be reached even after the retries: stop the run."""


def _reply(code: int, text: bytes | str) -> str:
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{code} {words}".strip()


def failure_for(code: int, text: bytes | str, what: str, what_en: str) -> DeliveryProblem:
    reply = _reply(code, text)
    if 400 <= code < 500:
        return TemporaryFailure(
            f"{what}が一時的に受け付けられませんでした（{reply}）",
            f"The server temporarily refused {what_en} ({reply})",
            reply,
        )
    return PermanentFailure(
        f"{what}が拒否されました（{reply}）", f"The server refused {what_en} ({reply})", reply
    )


def _dropped(exc: BaseException, *, after_end: bool) -> DeliveryProblem:
    reply = f"{type(exc).__name__}: {exc}"
    if after_end:
        return UncertainDelivery(
            "メッセージを送り終えた直後にサーバーとの接続が切れ、受け付けられたか分かりません"
            f"（{reply}）",
            f"The connection dropped right after the message was sent; the server may or "
            f"may not have accepted it ({reply})",
            reply,
        )
    return TemporaryFailure(
        f"サーバーとの接続が切れました（{reply}）", f"The connection dropped ({reply})", reply
    )


def quoted(data: bytes) -> bytes:
    """The message as DATA carries it: CRLF line ends, a leading dot doubled (RFC 5321
    4.5.2), ending in CRLF, without the final dot line."""
    data = re.sub(rb"(?:\r\n|\n|\r(?!\n))", b"\r\n", data)
    data = re.sub(rb"(?m)^\.", b"..", data)
    return data if data.endswith(b"\r\n") else data + b"\r\n"


class SmtpTransport:
    """One connection to the server, made when first needed and made again after a drop."""

    def __init__(
        self,
        settings: MailSettings,
        password: str | None,
        *,
        ssl_context: ssl.SSLContext | None = None,
        timeout: float = TIMEOUT,
    ) -> None:
        self.settings = settings
        self.password = password
        self.ssl_context = ssl_context
        self.timeout = timeout
        self._conn: smtplib.SMTP | None = None

    def _context(self) -> ssl.SSLContext:
        return self.ssl_context or ssl.create_default_context()

    def connect(self) -> None:
        """Connect and log in unless connected. TemporaryFailure when the server cannot be
        reached or answers 4xx; ServerRefusedLogin when it refuses the login or the TLS."""
        if self._conn is not None:
            return
        s = self.settings
        try:
            if s.security == SSL:
                conn: smtplib.SMTP = smtplib.SMTP_SSL(
                    s.host, s.port, timeout=self.timeout, context=self._context()
                )
            else:
                conn = smtplib.SMTP(s.host, s.port, timeout=self.timeout)
            try:
                conn.ehlo()
                if s.security == STARTTLS:
                    if not conn.has_extn("starttls"):
                        raise ServerRefusedLogin(
                            f"送信サーバー {s.host} は STARTTLS に対応していません",
                            f"The server {s.host} does not offer STARTTLS",
                        )
                    conn.starttls(context=self._context())
                    conn.ehlo()
                if s.user:
                    conn.login(s.user, self.password or "")
            except BaseException:
                conn.close()
                raise
        except smtplib.SMTPAuthenticationError as exc:
            raise ServerRefusedLogin(
                f"送信サーバー {s.host} がユーザー名かパスワードを受け付けませんでした"
                f"（{_reply(exc.smtp_code, exc.smtp_error)}）",
                f"The server {s.host} refused the user name or password "
                f"({_reply(exc.smtp_code, exc.smtp_error)})",
            ) from None
        except ssl.SSLError as exc:
            raise ServerRefusedLogin(
                f"送信サーバー {s.host} との暗号化通信を確立できません（{exc}）",
                f"No encrypted connection to {s.host} could be made ({exc})",
            ) from None
        except smtplib.SMTPNotSupportedError as exc:
            raise ServerRefusedLogin(
                f"送信サーバー {s.host} はログイン (AUTH) に対応していません（{exc}）",
                f"The server {s.host} does not offer a login (AUTH) ({exc})",
            ) from None
        except smtplib.SMTPResponseException as exc:
            problem = failure_for(exc.smtp_code, exc.smtp_error, "接続", "the connection")
            if isinstance(problem, TemporaryFailure):
                raise problem from None
            raise ServerRefusedLogin(problem.message, problem.message_en) from None
        except (OSError, smtplib.SMTPException) as exc:
            raise TemporaryFailure(
                f"送信サーバー {s.host}:{s.port} に接続できません（{exc}）",
                f"Cannot connect to the server {s.host}:{s.port} ({exc})",
                str(exc),
            ) from None
        self._conn = conn

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.quit()
            except (OSError, smtplib.SMTPException):
                conn.close()

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()

    def send(self, sender: str, recipients: Sequence[str], data: bytes) -> dict[str, str]:
        """Hand one message over; returns the recipients the server refused for good (each
        with its reply) while it accepted the others. Raises the failures of the module."""
        self.connect()
        conn = self._conn
        assert conn is not None
        try:
            return self._transaction(conn, sender, recipients, data)
        except DeliveryProblem as exc:
            if isinstance(exc, TemporaryFailure | UncertainDelivery) or "421" in exc.reply[:3]:
                self._drop()
            else:
                self._reset(conn)
            raise

    def _reset(self, conn: smtplib.SMTP) -> None:
        try:
            conn.rset()
        except (OSError, smtplib.SMTPException):
            self._drop()

    def _transaction(
        self, conn: smtplib.SMTP, sender: str, recipients: Sequence[str], data: bytes
    ) -> dict[str, str]:
        try:
            code, text = conn.mail(sender)
            if code != 250:
                raise failure_for(code, text, "差出人", "the sender")
            refused: dict[str, str] = {}
            temporary: list[tuple[int, bytes]] = []
            for address in recipients:
                code, text = conn.rcpt(address)
                if code not in (250, 251):
                    refused[address] = _reply(code, text)
                    if 400 <= code < 500:
                        temporary.append((code, text))
            if temporary:
                raise failure_for(*temporary[0], "宛先", "a recipient")
            if len(refused) == len(recipients):
                first = next(iter(refused.values()))
                raise PermanentFailure(
                    f"すべての宛先が拒否されました（{first}）",
                    f"The server refused every recipient ({first})",
                    first,
                )
            conn.putcmd("data")
            code, text = conn.getreply()
            if code != 354:
                raise failure_for(code, text, "メッセージ", "the message")
            conn.send(quoted(data))
        except _DROPPED as exc:
            raise _dropped(exc, after_end=False) from None
        try:
            conn.send(b".\r\n")
            code, text = conn.getreply()
        except _DROPPED as exc:
            raise _dropped(exc, after_end=True) from None
        if code != 250:
            raise failure_for(code, text, "メッセージ", "the message")
        return refused


__all__ = [
    "DeliveryProblem",
    "PermanentFailure",
    "ServerRefusedLogin",
    "ServerUnreachable",
    "SmtpTransport",
    "TemporaryFailure",
    "UncertainDelivery",
    "failure_for",
    "quoted",
]
