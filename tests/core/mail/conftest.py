"""A case with clients that have e-mail addresses, and the office set up to send through a
server the test starts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from noticedesk.core.case import CaseStore, KeyringKeySource
from noticedesk.core.clients import Client
from noticedesk.core.mail.job import make_job
from noticedesk.core.office import OfficeProfile
from tests.helpers.cases import roster
from tests.helpers.converters import FakeConverter
from tests.helpers.documents import sample_incident, sample_office

CLIENTS = [
    Client(
        row=4,
        code="C0001",
        name="㈱髙橋製作所",
        address="東京都中野区中野3丁目5番13号",
        phone="03-6363-9779",
        contact_person="鈴木 一郎",
        email="soumu01@client01.example.jp",
    ),
    Client(
        row=5,
        code="C0002",
        name="有限会社山﨑商店",
        address="東京都杉並区高円寺南5丁目7番2号",
        phone="03-4712-2144",
        email="keiri@client02.example.jp; ｓｙａｃｈｏ＠client02.example.jp",
    ),
    Client(
        row=6,
        code="C0003",
        name="株式会社さくら運輸",
        address="福岡県福岡市中央区天神4丁目2番27号",
        phone="092-845-2013",
        email="",
        individual=True,
    ),
    Client(
        row=7,
        code="C0004",
        name="A&B商事",
        address="神奈川県横浜市西区みなとみらい1丁目8番2号",
        phone="045-000-0000",
        email="soumu@@client04",
    ),
    Client(
        row=8,
        code="C0005",
        name="佐藤＆太郎合同会社",
        address="大阪府大阪市北区梅田1丁目1番",
        phone="06-0000-0000",
        email="info@client05.example.jp, bad address",
    ),
]
KINDS = ["cover", "report", "individual"]


@pytest.fixture
def store(isolated_data_dir: Path) -> Iterator[CaseStore]:
    case, _code = CaseStore.create(isolated_data_dir, "メール送信のテスト", KeyringKeySource())
    case.import_roster(roster(CLIENTS))
    case.set_incident(sample_incident())
    yield case
    case.close()


def office_for(port: int, **values: str) -> OfficeProfile:
    return replace(
        sample_office(),
        smtp_host="127.0.0.1",
        smtp_port=str(port),
        smtp_security=values.pop("smtp_security", "none"),
        **values,
    )


def job_for(office: OfficeProfile, converter: FakeConverter | None = None):  # type: ignore[no-untyped-def]
    return make_job(office, sample_incident(), KINDS, converter=converter or FakeConverter())
