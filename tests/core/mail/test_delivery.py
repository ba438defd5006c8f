"""Sending through a real SMTP server started by the test: what arrives, what is recorded,
and what happens when the server says no, not now, or nothing at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticedesk.core.case import CaseStore, DocumentStatus
from noticedesk.core.case.mail_records import FAILED, SENDING, SENT
from noticedesk.core.mail.delivery import Pace, confirm_sent, send_plan
from noticedesk.core.mail.plan import Reason, plan_mail
from noticedesk.core.mail.settings import mail_settings, store_password
from noticedesk.core.mail.transport import SmtpTransport
from tests.core.mail.conftest import KINDS, job_for, office_for
from tests.helpers.converters import marker
from tests.helpers.smtp_server import MailServer

NO_WAIT = (0.0, 0.0, 0.0)


def _plan(store: CaseStore, resend: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    return plan_mail(store.clients(), store.mail_records(), KINDS, resend=resend)


def _run(store: CaseStore, server: MailServer, office, **options):  # type: ignore[no-untyped-def]
    settings = mail_settings(office)
    context = server.client_context() if server.cafile else None
    transport = SmtpTransport(settings, options.pop("password", None), ssl_context=context)
    return send_plan(
        store,
        options.pop("plan", None) or _plan(store),
        job_for(office),
        transport,
        per_minute=0,
        retry_delays=options.pop("retry_delays", NO_WAIT),
        **options,
    )


def test_messages_arrive_over_starttls_with_login_and_the_documents_as_pdf(
    store: CaseStore, tmp_path: Path
) -> None:
    with MailServer(tmp_path, tls=True, users={"office": "s3cret"}) as server:
        office = office_for(server.port, smtp_security="starttls", smtp_user="office")
        store_password(mail_settings(office), "s3cret")
        from noticedesk.core.mail.settings import mail_password

        result = _run(store, server, office, password=mail_password(mail_settings(office)))
    assert server.logins == ["office"]
    assert [o.state for o in result.outcomes] == ["sent", "sent", "sent"]
    by_to = {tuple(r.recipients): r.message for r in server.received}
    assert set(by_to) == {
        ("soumu01@client01.example.jp",),
        ("keiri@client02.example.jp", "syacho@client02.example.jp"),
        ("info@client05.example.jp",),
    }
    takahashi = by_to[("soumu01@client01.example.jp",)]
    assert takahashi["From"].addresses[0].display_name == "さくら台社会保険労務士法人"
    assert "通知文書の送付" in str(takahashi["Subject"])
    names = [part.get_filename() for part in takahashi.iter_attachments()]
    assert names == [
        "01_送付状_㈱髙橋製作所.pdf",
        "03_委託元への報告形式通知_㈱髙橋製作所.pdf",
    ]
    pdf = next(takahashi.iter_attachments()).get_content()
    assert pdf.startswith(b"%PDF")
    body = takahashi.get_body(("plain",)).get_content()
    assert "株式会社髙橋製作所" in body and "01_送付状_㈱髙橋製作所.pdf" in body


def test_the_sent_messages_are_recorded_per_client_and_document(
    store: CaseStore, tmp_path: Path
) -> None:
    with MailServer(tmp_path) as server:
        result = _run(store, server, office_for(server.port))
    records = store.mail_records()
    takahashi = store.clients()[0]
    record = records[takahashi.key]
    assert record.state == SENT
    assert record.message_id == server.received[0].message["Message-ID"]
    assert record.kinds == ("cover", "report")
    assert takahashi.status("cover").status is DocumentStatus.SENT
    assert takahashi.status("report").status is DocumentStatus.SENT
    actions = [e.action for e in store.audit_entries()]
    assert actions.count("mail_sending") == 3 and actions.count("mail_sent") == 3
    sent_entry = next(e for e in store.audit_entries() if e.action == "mail_sent")
    assert sent_entry.details["message_id"] == record.message_id
    assert "C0001" in sent_entry.summary()
    assert len(result.sent) == 3
    # A second run sends nothing: every client is sent already or cannot be sent to.
    assert _plan(store).to_send == []


def test_who_is_not_sent_to_and_why(store: CaseStore) -> None:
    plan = _plan(store)
    reasons = {e.client.code: e.reason for e in plan.entries}
    assert reasons == {
        "C0001": Reason.SEND,
        "C0002": Reason.SEND,
        "C0003": Reason.NO_ADDRESS,
        "C0004": Reason.INVALID_ADDRESS,
        "C0005": Reason.SEND,
    }
    sato = next(e for e in plan.entries if e.client.code == "C0005")
    assert sato.to == ("info@client05.example.jp",) and sato.invalid == ("bad", "address")


def test_421_and_451_are_retried_until_the_server_accepts(store: CaseStore, tmp_path: Path) -> None:
    answers = ["421 4.3.2 Service shutting down", "451 4.7.1 Greylisted, try again"]
    with MailServer(tmp_path, answers=answers) as server:
        result = _run(store, server, office_for(server.port))
    assert server.handler.attempts == 5  # two refused, then three accepted
    assert len(server.received) == 3
    assert [o.state for o in result.outcomes] == ["sent"] * 3
    # The retried message kept its one Message-ID.
    ids = [r.message["Message-ID"] for r in server.received]
    assert len(set(ids)) == 3


def test_a_connection_dropped_before_the_message_ends_is_retried(
    store: CaseStore, tmp_path: Path
) -> None:
    with MailServer(tmp_path, drop_at_rcpt=2) as server:
        result = _run(store, server, office_for(server.port))
    assert len(server.received) == 3
    assert [o.state for o in result.outcomes] == ["sent"] * 3


def test_temporary_failures_that_persist_end_as_failed_not_sent(
    store: CaseStore, tmp_path: Path
) -> None:
    with MailServer(tmp_path, answers=["451 4.3.0 try later"] * 4) as server:
        result = _run(store, server, office_for(server.port), retry_delays=(0.0, 0.0, 0.0))
    first = result.outcomes[0]
    assert first.state == "failed" and "451" in first.detail
    assert store.mail_records()[first.entry.key].state == FAILED
    # Nothing reached that client, so the next run plans it again.
    assert first.entry.key in {e.key for e in _plan(store).to_send}


def test_permanent_refusals_are_listed_and_the_rest_is_sent(
    store: CaseStore, tmp_path: Path
) -> None:
    with MailServer(tmp_path, refuse=["soumu01@client01.example.jp"]) as server:
        result = _run(store, server, office_for(server.port))
    assert [o.entry.client.code for o in result.failed] == ["C0001"]
    assert "550" in result.failed[0].detail
    assert len(server.received) == 2
    assert store.clients()[0].status("cover").status is not DocumentStatus.SENT


def test_an_address_refused_among_several_is_named_while_the_others_get_it(
    store: CaseStore, tmp_path: Path
) -> None:
    with MailServer(tmp_path, refuse=["syacho@client02.example.jp"]) as server:
        result = _run(store, server, office_for(server.port))
    yamazaki = next(o for o in result.outcomes if o.entry.client.code == "C0002")
    assert yamazaki.state == "sent"
    assert list(yamazaki.refused) == ["syacho@client02.example.jp"]
    assert "syacho@client02.example.jp" in store.mail_records()[yamazaki.entry.key].detail


def test_a_drop_after_the_whole_message_is_uncertain_and_never_resent_unasked(
    store: CaseStore, tmp_path: Path
) -> None:
    with MailServer(tmp_path, drop_after_data=1) as server:
        result = _run(store, server, office_for(server.port))
        assert len(server.received) == 3  # the server did get the first one
        uncertain = result.uncertain[0]
        assert store.mail_records()[uncertain.entry.key].state == SENDING
        plan = _plan(store)
        assert [e.reason for e in plan.entries if e.key == uncertain.entry.key] == [
            Reason.UNCERTAIN
        ]
        assert plan.to_send == []
        # Sent again only when the office says so, as the same message.
        again = _plan(store, resend=(uncertain.entry.key,))
        assert [e.key for e in again.to_send] == [uncertain.entry.key]
        _run(store, server, office_for(server.port), plan=again)
    assert len(server.received) == 4
    assert server.received[3].message["Message-ID"] == server.received[0].message["Message-ID"]
    assert server.received[3].message["Date"] == server.received[0].message["Date"]
    assert store.mail_records()[uncertain.entry.key].state == SENT


def test_an_uncertain_message_can_be_confirmed_as_sent_without_sending(
    store: CaseStore, tmp_path: Path
) -> None:
    with MailServer(tmp_path, drop_after_data=1) as server:
        result = _run(store, server, office_for(server.port))
    entry = next(e for e in _plan(store).entries if e.key == result.uncertain[0].entry.key)
    confirm_sent(store, entry)
    record = store.mail_records()[entry.key]
    assert record.state == SENT and record.message_id == result.uncertain[0].message_id
    assert store.audit_entries()[-1].action == "mail_confirmed"
    assert next(e for e in _plan(store).entries if e.key == entry.key).reason == (
        Reason.ALREADY_SENT
    )


def test_a_wrong_password_stops_the_run_before_anything_is_recorded(
    store: CaseStore, tmp_path: Path
) -> None:
    with MailServer(tmp_path, tls=True, users={"office": "s3cret"}) as server:
        office = office_for(server.port, smtp_security="starttls", smtp_user="office")
        result = _run(store, server, office, password="wrong")
    assert result.stopped is not None and "パスワード" in result.stopped.text("ja")
    assert result.outcomes == [] and server.received == []
    assert store.mail_records() == {}


def test_a_cancelled_run_stops_between_messages(store: CaseStore, tmp_path: Path) -> None:
    with MailServer(tmp_path) as server:
        result = _run(
            store, server, office_for(server.port), cancelled=lambda: len(server.received) >= 1
        )
    assert result.cancelled and len(server.received) == 1 and len(result.sent) == 1


def test_the_pace_waits_between_messages() -> None:
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    pace = Pace(30, clock=lambda: now[0], sleep=sleep)
    starts = []
    for _ in range(3):
        assert pace.next_slot(lambda: False)
        starts.append(now[0])
    assert starts == [0.0, pytest.approx(2.0), pytest.approx(4.0)]


def test_attachments_are_made_from_the_export_bytes(store: CaseStore, tmp_path: Path) -> None:
    from noticedesk.core.documents.rendering import render_document
    from tests.helpers.documents import sample_incident

    converter_job = job_for(office_for(1))
    entry = _plan(store).to_send[0]
    attachments = converter_job.maker.attachments(entry.client, entry.kinds)
    docx = render_document("cover", entry.client, converter_job.office, sample_incident())
    assert marker(docx).encode() in _pdf_text(attachments[0].data)


def _pdf_text(pdf: bytes) -> bytes:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return document[0].get_textpage().get_text_range().encode()
    finally:
        document.close()


def test_a_server_that_cannot_be_reached_stops_the_run_after_the_retries(
    store: CaseStore,
) -> None:
    from tests.helpers.smtp_server import free_port

    office = office_for(free_port())  # nothing listens there
    settings = mail_settings(office)
    result = send_plan(
        store,
        _plan(store),
        job_for(office),
        SmtpTransport(settings, None, timeout=5),
        per_minute=0,
        retry_delays=NO_WAIT,
    )
    assert result.stopped is not None and "接続できません" in result.stopped.text("ja")
    assert result.outcomes == [] and store.mail_records() == {}
