"""One client's e-mail as it is sent (or saved as a draft): ``email.message.EmailMessage``.

Decisions:
- **Encoding.** UTF-8 throughout: the subject and the sender's name as RFC 2047 encoded words
  (``email`` splits them between characters, never inside one), the body as UTF-8 in base64, so
  no server on the way has to pass 8-bit text. Line ends are CRLF (``policy.SMTP``).
- **Attachment names** in the RFC 2231 form (``filename*=utf-8''01_%E9%80%81…``, split into
  numbered parts when long), which Outlook, Thunderbird and webmail read; the same name is also
  given as Content-Type's ``name``, which some readers look at instead.
- **Message-ID** is made here, with the sender's domain, and recorded before sending; a message
  sent again after an interrupted run keeps its first Message-ID and Date, so a receiving system
  that drops duplicates by Message-ID can see it is the same message.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from noticedesk.core.mail.addresses import domain_of
from noticedesk.core.mail.attachments import Attachment
from noticedesk.core.mail.settings import MailSettings
from noticedesk.core.mail.template import MailText


def new_message_id(settings: MailSettings) -> str:
    """``<random hex@sender's domain>``: short enough that the header is never folded (some
    systems read a folded Message-ID with a leading space)."""
    return f"<{uuid.uuid4().hex}@{domain_of(settings.sender)}>"


def build_message(
    settings: MailSettings,
    to: Sequence[str],
    text: MailText,
    attachments: Sequence[Attachment],
    *,
    message_id: str,
    date: dt.datetime,
    draft: bool = False,
) -> EmailMessage:
    """The message for one client. ``draft``: an unsent message for Outlook or Thunderbird
    (``X-Unsent: 1``), which opens ready to send."""
    msg = EmailMessage(policy=policy.SMTP)
    msg["Subject"] = text.subject
    msg["From"] = Address(display_name=settings.sender_name, addr_spec=settings.sender)
    msg["To"] = ", ".join(to)
    if settings.cc_office and settings.office_address.lower() not in (a.lower() for a in to):
        msg["Cc"] = settings.office_address
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = message_id
    if draft:
        msg["X-Unsent"] = "1"
    msg.set_content(text.body, charset="utf-8", cte="base64")
    for attachment in attachments:
        msg.add_attachment(
            attachment.data,
            maintype=attachment.maintype,
            subtype=attachment.subtype,
            filename=attachment.filename,
        )
        part = list(msg.iter_attachments())[-1]
        assert isinstance(part, EmailMessage)
        part.set_param("name", attachment.filename)
    return msg


def recipients_of(msg: EmailMessage) -> list[str]:
    """Every address the message goes to (To and Cc), as the SMTP envelope needs them."""
    out: list[str] = []
    for field in ("To", "Cc"):
        header = msg.get(field)
        if header is not None:
            out += [a.addr_spec for a in header.addresses]
    return out


def readable(msg: EmailMessage) -> str:
    """The message as a person reads it (headers decoded, the body, the attachments): what the
    send dialog and ``noticedesk mail --show`` print."""
    lines = [
        f"{name}: {msg[name]}" for name in ("From", "To", "Cc", "Subject", "Date") if msg[name]
    ]
    body = msg.get_body(("plain",))
    text = body.get_content() if isinstance(body, EmailMessage) else ""
    lines += ["", text.replace("\r\n", "\n").rstrip(), ""]
    for part in msg.iter_attachments():
        size = len(part.get_payload(decode=True) or b"")
        lines.append(f"添付 / attachment: {part.get_filename()} ({max(1, size // 1024):,} KB)")
    return "\n".join(lines)


__all__ = ["build_message", "new_message_id", "readable", "recipients_of"]
