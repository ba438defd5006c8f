"""The message as bytes on the wire: encoded Japanese, RFC 2231 attachment names, the text
template's escaping, and what a hostile roster value cannot do to the headers."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest

from noticedesk.core.documents.context import build_context
from noticedesk.core.mail.addresses import recipients
from noticedesk.core.mail.attachments import Attachment
from noticedesk.core.mail.message import build_message, new_message_id
from noticedesk.core.mail.settings import MailSettingsError, mail_settings
from noticedesk.core.mail.template import MailTemplate, MailTemplateProblem, MailText
from tests.core.mail.conftest import CLIENTS, office_for
from tests.helpers.documents import sample_incident, sample_office

SUBJECT = (
    "【ご報告】利用システムへの不正アクセスに関する通知文書の送付（さくら台社会保険労務士法人）"
)
NAME = "01_送付状_㈱髙橋製作所.pdf"


def _message(text: MailText | None = None, **settings: str) -> EmailMessage:
    office = office_for(25, **settings)
    s = mail_settings(office)
    return build_message(
        s,
        ["soumu01@client01.example.jp"],
        text or MailText(SUBJECT, "本文です。\n"),
        [Attachment("cover", NAME, b"%PDF-1.7 test", "application", "pdf")],
        message_id=new_message_id(s),
        date=dt.datetime(2023, 7, 28, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=9))),
    )


def _wire(msg: EmailMessage) -> bytes:
    return msg.as_bytes()


def test_the_japanese_subject_is_encoded_and_reads_back_whole() -> None:
    wire = _wire(_message())
    head = wire.split(b"\r\n\r\n", 1)[0]
    assert head.isascii() and b"=?utf-8?b?" in head
    assert all(len(line) <= 78 for line in head.split(b"\r\n"))
    parsed = message_from_bytes(wire, policy=policy.default)
    assert parsed["Subject"] == SUBJECT
    assert parsed["From"].addresses[0].display_name == "さくら台社会保険労務士法人"
    assert parsed["Date"] == "Fri, 28 Jul 2023 10:00:00 +0900"


def test_attachment_names_are_written_as_rfc_2231_and_read_back() -> None:
    wire = _wire(_message())
    assert b"filename*0*=utf-8''01_%E9%80%81%E4%BB%98%E7%8A%B6" in wire
    assert b"name*0*=utf-8''" in wire  # Content-Type's name says the same
    parsed = message_from_bytes(wire, policy=policy.default)
    part = next(parsed.iter_attachments())
    assert part.get_filename() == NAME and part.get_content_type() == "application/pdf"
    assert part.get_content() == b"%PDF-1.7 test"


def test_the_office_gets_a_copy_when_it_asks_for_one() -> None:
    assert _message()["Cc"] is None
    copied = _message(mail_cc_office="yes")
    assert str(copied["Cc"]) == "info@sakuradai-sr.example.jp"


def test_the_text_template_prints_names_as_written_not_html_escaped() -> None:
    template = MailTemplate.load()
    hostile = replace(CLIENTS[3], name="A&B<商事>\r\nBcc: victim@example.com {{ 7*7 }}\u202e")
    context = build_context(hostile, sample_office(), sample_incident())
    context["attachments"] = ["x.pdf"]
    text = template.render(context)
    assert "A&B<商事>" in text.body and "&amp;" not in text.body
    assert "{{ 7*7 }}" in text.body and "49" not in text.body
    assert "\u202e" not in text.body and "\r" not in text.body
    subject = MailTemplate("{{ client.name }} 様\n\n本文\n").render(context).subject
    assert subject.startswith("A&B<商事> Bcc:")
    msg = _message(MailText(subject, text.body))
    parsed = message_from_bytes(_wire(msg), policy=policy.default)
    assert parsed["Bcc"] is None  # a value cannot add a header


def test_the_bundled_template_speaks_to_the_client_and_lists_the_attachments() -> None:
    context = build_context(CLIENTS[0], sample_office(), sample_incident())
    context["attachments"] = [NAME, "03_委託元への報告形式通知_㈱髙橋製作所.pdf"]
    text = MailTemplate.load().render(context)
    assert text.subject.startswith("【ご報告】") and "\n" not in text.subject
    assert text.body.startswith("株式会社髙橋製作所\n鈴木 一郎 様\n")
    assert f"・{NAME}\n・03_委託元" in text.body
    assert "\n\n\n" not in text.body


def test_a_broken_template_is_named_with_its_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "mail.txt").write_text("件名\n\n本文 {{ client.name \n", "utf-8")
    with pytest.raises(MailTemplateProblem) as caught:
        MailTemplate.load(tmp_path)
    assert "mail.txt" in caught.value.text("ja") and "3 行目" in caught.value.text("ja")
    (tmp_path / "mail.txt").write_text("件名だけ\n本文\n", "utf-8")
    with pytest.raises(MailTemplateProblem):
        MailTemplate.load(tmp_path)
    (tmp_path / "mail.txt").write_text("{{ client.nam }}\n\n本文\n", "utf-8")
    context = build_context(CLIENTS[0], sample_office(), sample_incident())
    with pytest.raises(MailTemplateProblem) as caught:
        MailTemplate.load(tmp_path).render(context)
    assert "mail.txt" in caught.value.text("ja")


def test_several_addresses_in_one_cell_and_the_invalid_ones() -> None:
    found = recipients(
        "keiri@a.example.jp; ｓｙａｃｈｏ＠a.example.jp、KEIRI@a.example.jp bad@ x@y"
    )
    assert found.valid == ("keiri@a.example.jp", "syacho@a.example.jp")
    assert found.invalid == ("bad@", "x@y")
    assert recipients("総務@例え.jp").valid == ()


def test_mail_settings_name_what_is_missing() -> None:
    with pytest.raises(MailSettingsError) as caught:
        mail_settings(sample_office())
    assert "smtp_host" in caught.value.text("ja")
    settings = mail_settings(replace(sample_office(), smtp_host="smtp.example.jp"))
    assert (settings.port, settings.security) == (587, "starttls")
    assert mail_settings(replace(sample_office(), smtp_host="h", smtp_security="ssl")).port == 465
