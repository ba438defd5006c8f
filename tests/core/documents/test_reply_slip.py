"""The reply slip, its reminder and what the cover letter says of silence, read back as text."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from noticedesk.core.case import CaseStore, KeyringKeySource
from noticedesk.core.case.answers import Answer, AnswerChoice, AnswerVia
from noticedesk.core.case.recorded_export import export_and_record
from noticedesk.core.documents import PPC_LIST_NAME, render_document
from noticedesk.core.documents import context as context_module
from noticedesk.core.documents.kinds import default_kinds
from noticedesk.core.documents.preview import client_documents
from noticedesk.core.incident import load_incident
from tests.helpers.cases import SAKURA, TAKAHASHI, YAMAZAKI, roster
from tests.helpers.documents import client, document_text, sample_incident, sample_office
from tests.helpers.paths import SAMPLE

CLIENT = client("㈱髙橋製作所", contact_person="")
OTHER = client("有限会社山﨑商店", row=5, code="C0002")


def slip(who: object = CLIENT, **incident_values: object) -> str:
    incident = dataclasses.replace(sample_incident(), **incident_values)
    return document_text(render_document("reply", who, sample_office(), incident))  # type: ignore[arg-type]


def test_the_slip_names_the_client_alone_offers_both_answers_and_where_to_send_it() -> None:
    text = slip()
    assert "株式会社髙橋製作所" in text  # the legal form written out
    assert "山﨑" not in text
    assert text.count("□") == 2
    assert "連名で行う報告（一括報告）に、当社を含めてください。" in text
    assert "当社が自ら個人情報保護委員会へ報告します" in text
    office = sample_office()
    assert f"ＦＡＸ　{office.fax}" in text and f"メール　{office.email}" in text
    assert f"{office.name}　御中" in text
    assert "ご回答期限：2023年8月10日" in text
    assert "回答日" in text and "ご署名（記名押印）" in text
    assert "ご回答のない場合は、さくら台社会保険労務士法人より一括して報告" in text


def test_a_slip_without_a_reply_by_date_prints_no_deadline() -> None:
    assert "ご回答期限" not in slip(reply_by=None)


def test_the_slip_speaks_in_the_clients_voice_and_the_offices_date_style() -> None:
    text = document_text(
        render_document(
            "reply",
            client("医療法人社団さくら会"),
            dataclasses.replace(sample_office(), date_style="wareki"),
            sample_incident(),
        )
    )
    assert "当法人を含めてください" in text
    assert "ご回答期限：令和5年8月10日" in text


def test_under_the_hold_rule_the_letters_say_silence_keeps_a_client_off_the_list() -> None:
    incident = dataclasses.replace(sample_incident(), silence_rule="hold")
    cover = document_text(render_document("cover", CLIENT, sample_office(), incident))
    assert "ご回答をいただくまでは、貴社を報告の一覧に記載いたしません" in cover
    assert "一括して報告させていただきます" not in cover


def test_the_cover_letter_asks_for_the_slip_by_the_date_and_says_what_silence_means() -> None:
    cover = document_text(render_document("cover", CLIENT, sample_office(), sample_incident()))
    assert "同封の「回答書」にご記入のうえ、2023年8月10日までにＦＡＸ又はメールにて" in cover
    assert "ご回答のない場合は、当法人より一括して報告させていただきます。" in cover


def test_the_reminder_is_dated_the_day_it_is_written_and_carries_the_slip_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(context_module, "today", lambda: dt.date(2023, 8, 14))
    text = document_text(render_document("reminder", CLIENT, sample_office(), sample_incident()))
    assert "2023年8月14日" in text
    assert "2023年8月10日のご回答期限を過ぎ" in text
    assert "回　答　書" in text and text.count("□") == 2


def test_an_export_of_reminders_writes_them_only_for_clients_still_silent(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    store, _ = CaseStore.create(isolated_data_dir, "回答", KeyringKeySource())
    try:
        store.import_roster(roster([TAKAHASHI, YAMAZAKI, SAKURA]))
        day = dt.date(2023, 8, 1)
        store.record_answers([YAMAZAKI.key], Answer(AnswerChoice.JOINT, day, AnswerVia.FAX, "高橋"))
        incident = load_incident(SAMPLE / "incident.toml")
        result = export_and_record(store, sample_office(), incident, tmp_path / "out", ["reminder"])
        written = result.documents_by_client()
        # SAKURA reports individually: its choice is known, no letter says it is awaited.
        assert set(written) == {TAKAHASHI.key}
        assert store.clients()[1].status("reminder").status.value == "not_yet"
        assert store.clients()[0].status("reminder").status.value == "exported"
    finally:
        store.close()


def test_the_hold_rule_leaves_silent_clients_off_the_regulators_list(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    store, _ = CaseStore.create(isolated_data_dir, "回答", KeyringKeySource())
    try:
        store.import_roster(roster([TAKAHASHI, YAMAZAKI, SAKURA]))
        day = dt.date(2023, 8, 1)
        store.record_answers([YAMAZAKI.key], Answer(AnswerChoice.JOINT, day, AnswerVia.FAX, "高橋"))
        incident = dataclasses.replace(load_incident(SAMPLE / "incident.toml"), silence_rule="hold")
        result = export_and_record(store, sample_office(), incident, tmp_path / "out", ["reply"])
        sheet = load_workbook(tmp_path / "out" / PPC_LIST_NAME).worksheets[0]
        names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]
        assert names == ["有限会社山﨑商店"]
        assert result.ppc_count == 1
    finally:
        store.close()


def test_without_a_reply_by_date_the_cover_letter_mentions_no_slip_but_still_explains_silence() -> (
    None
):
    incident = dataclasses.replace(sample_incident(), reply_by=None)
    cover = document_text(render_document("cover", CLIENT, sample_office(), incident))
    assert "回答書" not in cover
    assert "ご連絡のない場合は、当法人より一括して報告させていただきます。" in cover


def test_with_a_reply_by_date_the_slip_goes_with_every_export_and_preview() -> None:
    # The cover letter then asks for 「同封の回答書」 back by that date: the slip must be in
    # the envelope, unless the office chooses the documents itself.
    with_date = sample_incident()
    assert with_date.reply_by is not None
    assert "reply" in default_kinds(with_date)
    assert "同封の「回答書」" in document_text(
        render_document("cover", CLIENT, sample_office(), with_date)
    )
    shown = [d.kind for d in client_documents(CLIENT, sample_office(), with_date)]
    assert shown[-1] == "reply"

    without = dataclasses.replace(with_date, reply_by=None)
    assert "reply" not in default_kinds(without)
    assert "回答書" not in document_text(render_document("cover", CLIENT, sample_office(), without))
    assert "reply" not in [d.kind for d in client_documents(CLIENT, sample_office(), without)]
