"""A message's PDF attachments made by the real converter: each is its own client's document,
text searchable, and named as Outlook shows it."""

from __future__ import annotations

import re
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from noticedesk.core.case import CaseStore, KeyringKeySource
from noticedesk.core.documents.pages import page_count, page_text
from noticedesk.core.documents.pdf import LibreOfficeConverter
from noticedesk.core.mail.delivery import compose
from noticedesk.core.mail.job import make_job
from noticedesk.core.mail.plan import plan_mail
from tests.core.mail.conftest import CLIENTS, KINDS, office_for
from tests.helpers.cases import roster
from tests.helpers.converters import require_soffice
from tests.helpers.documents import sample_incident

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]


def test_each_client_gets_pdfs_of_its_own_documents(
    tmp_path: Path, isolated_data_dir: Path
) -> None:
    converter = LibreOfficeConverter(require_soffice(), profile_dir=tmp_path / "profile")
    store, _code = CaseStore.create(isolated_data_dir, "PDF 添付", KeyringKeySource())
    with store:
        store.import_roster(roster(CLIENTS[:2]))
        store.set_incident(sample_incident())
        plan = plan_mail(store.clients(), store.mail_records(), KINDS)
        job = make_job(office_for(25), sample_incident(), KINDS, converter=converter)
        job.maker.prepare([(e.client, e.kinds) for e in plan.to_send])  # one converter call
        messages = [compose(job, entry).message for entry in plan.to_send]
    names = ["株式会社髙橋製作所", "有限会社山﨑商店"]
    for message, name in zip(messages, names, strict=True):
        parsed = message_from_bytes(message.as_bytes(), policy=policy.default)
        parts = list(parsed.iter_attachments())
        assert [p.get_filename()[:6] for p in parts] == ["01_送付状", "03_委託元"]
        for part in parts:
            pdf = part.get_content()
            text = re.sub(r"\s+", "", "".join(page_text(pdf, i) for i in range(page_count(pdf))))
            assert name in text
            assert not any(other in text for other in names if other != name)
