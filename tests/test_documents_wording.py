"""Wording that must follow the client's choice: the office reports for it, or it reports itself."""

from __future__ import annotations

import re

from documents_fixtures import client, document_xml, sample_incident, sample_office

from noticedesk.core.documents import render_document


def _text(data: bytes) -> str:
    return re.sub(r"<[^>]+>", "", document_xml(data))


def test_report_notice_says_who_files_with_the_regulator() -> None:
    office, incident = sample_office(), sample_incident()
    joint = _text(render_document("report", client("株式会社共同"), office, incident))
    alone = _text(
        render_document("report", client("株式会社単独", individual=True), office, incident)
    )
    assert "貴社に代わって当法人が個人情報保護委員会へ報告する" in joint
    assert "個別に報告される際にご活用ください" not in joint
    assert "個別に報告される際にご活用ください" in alone
    assert "貴社に代わって当法人が" not in alone


def test_cover_letter_mentions_the_association_only_for_its_members() -> None:
    office, incident = sample_office(), sample_incident()
    member = _text(
        render_document(
            "cover", client("株式会社加入", association="福岡SR経営労務センター"), office, incident
        )
    )
    other = _text(render_document("cover", client("株式会社非加入"), office, incident))
    assert "福岡SR経営労務センター" in member
    assert incident.associations["福岡SR経営労務センター"] in member
    assert "労働保険事務組合" not in other
