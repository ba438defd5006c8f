"""A test message to the office's own address: proves host, port, security, user and password
before a real run (the office dialog's button)."""

from __future__ import annotations

from noticedesk.core.case.records import now
from noticedesk.core.mail.message import build_message, new_message_id
from noticedesk.core.mail.settings import MailSettings
from noticedesk.core.mail.template import MailText
from noticedesk.core.mail.transport import SmtpTransport

SUBJECT = "NoticeDesk 送信テスト / test message"
BODY = (
    "NoticeDesk からの送信テストです。このメールが届いていれば、送信サーバーの設定は正しく"
    "使えます。\n\nThis is a test message from NoticeDesk: the outgoing mail settings work.\n"
)


def send_trial_message(settings: MailSettings, transport: SmtpTransport) -> str:
    """Send the test message to the office's own address; returns its Message-ID. Raises the
    transport's failures (``ServerRefusedLogin``, ``TemporaryFailure``…) as they are."""
    message_id = new_message_id(settings)
    message = build_message(
        settings,
        [settings.office_address],
        MailText(SUBJECT, BODY),
        [],
        message_id=message_id,
        date=now(),
    )
    del message["Cc"]
    try:
        transport.send(settings.sender, [settings.office_address], message.as_bytes())
    finally:
        transport.close()
    return message_id


__all__ = ["send_trial_message"]
