"""The office's outgoing mail settings: kept with the office profile, the password apart.

Decisions:
- **Where they live.** Host, port, security, user, sender address and the copy-to-office choice
  are fields of the office profile (``office.toml``): they describe the office, not a case, and
  they are no secret. The password is kept only in the OS credential store through
  ``core.secrets`` (never in the profile, a case or the log), under a name that carries the
  user and host, so changing either asks for the password again instead of sending a stale one.
- **Security.** STARTTLS (port 587) unless the office chooses SSL (implicit TLS, port 465) or
  ``none``. Certificates are always checked against the system's trusted authorities; ``none``
  sends the password and the letters unencrypted and is only for a relay on the office's own
  network, so every face asks for an explicit confirmation before saving it.
- **Sender.** ``mail_from`` when set, else the office's own e-mail; the display name is the
  office's name.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from noticedesk.core.mail.addresses import parse_address
from noticedesk.core.office import OfficeProfile, ProfileError
from noticedesk.core.secrets import SecretStore

STARTTLS = "starttls"
SSL = "ssl"
PLAIN = "none"
SECURITIES: tuple[str, ...] = (STARTTLS, SSL, PLAIN)
DEFAULT_PORTS = {STARTTLS: 587, SSL: 465, PLAIN: 25}

# The profile's mail keys, as ``noticedesk office set`` names them.
MAIL_KEYS: tuple[str, ...] = (
    "smtp_host",
    "smtp_port",
    "smtp_security",
    "smtp_user",
    "mail_from",
    "mail_cc_office",
)
ENV_PASSWORD = "NOTICEDESK_MAIL_PASSWORD"
_YES = frozenset(("yes", "true", "1", "on", "はい"))


class MailSettingsError(ProfileError):
    """The mail settings cannot be used as they are; one sentence says which and why."""


@dataclass(frozen=True, slots=True)
class MailSettings:
    host: str
    port: int
    security: str
    user: str
    sender: str  # the address messages are sent from
    sender_name: str  # the display name (the office's name)
    office_address: str  # the office's own address (the copy, the test message)
    cc_office: bool

    @property
    def password_name(self) -> str:
        """The credential store's name for this account's password."""
        return f"mail-password:{self.user}@{self.host}"


def check_field(key: str, value: str) -> None:
    """Raise MailSettingsError for a mail value that must not be saved (others pass)."""
    text = value.strip()
    if key == "smtp_port" and text and (not text.isdigit() or not 0 < int(text) < 65536):
        raise MailSettingsError(
            f"ポート番号「{text}」は 1〜65535 の数字で指定してください",
            f"The port “{text}” must be a number from 1 to 65535",
        )
    if key == "smtp_security" and text and text not in SECURITIES:
        raise MailSettingsError(
            f"暗号化の方式「{text}」は starttls、ssl、none のいずれかで指定してください",
            f"The security “{text}” must be starttls, ssl or none",
        )
    if key == "mail_from" and text and parse_address(text) is None:
        raise MailSettingsError(
            f"差出人のメールアドレス「{text}」の形式が正しくありません",
            f"The sender address “{text}” is not a valid e-mail address",
        )
    if key == "mail_cc_office" and text and text.lower() not in (*_YES, "no", "false", "0", "off"):
        raise MailSettingsError(
            f"事務所への写し「{text}」は yes か no で指定してください",
            f"The copy to the office “{text}” must be yes or no",
        )


def mail_settings(office: OfficeProfile) -> MailSettings:
    """The settings to send with; MailSettingsError names the first thing missing or wrong."""
    for key in MAIL_KEYS:
        check_field(key, getattr(office, key))
    host = office.smtp_host.strip()
    if not host:
        raise MailSettingsError(
            "送信サーバー (SMTP) が設定されていません（事務所情報の smtp_host）",
            "No outgoing mail server is set (smtp_host in the office profile)",
        )
    security = office.smtp_security.strip() or STARTTLS
    port = int(office.smtp_port) if office.smtp_port.strip() else DEFAULT_PORTS[security]
    sender = office.mail_from.strip() or office.email.strip()
    if parse_address(sender) is None:
        raise MailSettingsError(
            "差出人のメールアドレスがありません（事務所情報の mail_from か email）",
            "No sender address is set (mail_from or email in the office profile)",
        )
    office_address = office.email.strip() or sender
    return MailSettings(
        host=host,
        port=port,
        security=security,
        user=office.smtp_user.strip(),
        sender=sender,
        sender_name=office.name.strip(),
        office_address=office_address if parse_address(office_address) else sender,
        cc_office=office.mail_cc_office.strip().lower() in _YES,
    )


def store_password(settings: MailSettings, password: str, store: SecretStore | None = None) -> None:
    """Keep the password in the credential store (SecretStoreUnavailable when there is none)."""
    (store or SecretStore()).set(settings.password_name, password)


def mail_password(settings: MailSettings, store: SecretStore | None = None) -> str | None:
    """The password to log in with: ``NOTICEDESK_MAIL_PASSWORD`` for scripts, else the
    credential store; None when the account needs none (no user) or none is stored."""
    if not settings.user:
        return None
    from_env = os.environ.get(ENV_PASSWORD)
    if from_env:
        return from_env
    return (store or SecretStore()).get(settings.password_name)


__all__ = [
    "DEFAULT_PORTS",
    "ENV_PASSWORD",
    "MAIL_KEYS",
    "PLAIN",
    "SECURITIES",
    "SSL",
    "STARTTLS",
    "MailSettings",
    "MailSettingsError",
    "check_field",
    "mail_password",
    "mail_settings",
    "store_password",
]
