"""Rosters built directly as the importer would return them, for the case tests, and the
bundled roster as a file with answers changed."""

from __future__ import annotations

import hashlib
from pathlib import Path

from noticedesk.core.bundled import sample_dir
from noticedesk.core.clients import Client, Issue, Roster, RosterSource

# Names with the characters that break naive encodings (㈱, 髙, 﨑, ＆).
TAKAHASHI = Client(
    row=4,
    code="C0001",
    name="㈱髙橋製作所",
    postal_code="164-0001",
    address="東京都中野区中野3丁目5番13号",
    phone="03-6363-9779",
    contact_person="鈴木 一郎",
    email="soumu01@client01.example.jp",
)
YAMAZAKI = Client(
    row=5,
    code="C0002",
    name="有限会社山﨑商店",
    address="東京都杉並区高円寺南5丁目7番2号",
    phone="03-4712-2144",
)
SAKURA = Client(
    row=6,
    code="C0003",
    name="株式会社さくら運輸",
    address="福岡県福岡市中央区天神4丁目2番27号",
    phone="092-845-2013",
    association="福岡SR経営労務センター",
    individual=True,
)
NO_CODE = Client(
    row=7, name="佐藤＆太郎合同会社", address="神奈川県横浜市西区みなとみらい1丁目8番2号"
)


def roster(
    clients: list[Client], name: str = "顧問先一覧.csv", issues: list[Issue] | None = None
) -> Roster:
    digest = hashlib.sha256(repr(clients).encode()).hexdigest()
    source = RosterSource(Path(name), digest, "csv", "cp932", None, 3)
    return Roster(source=source, clients=list(clients), issues=list(issues or []))


INDIVIDUAL_COLUMN = 13  # 個別報告希望 in the bundled roster


def sample_roster_file(path: Path, answers: dict[str, str] | None = None) -> Path:
    """The bundled roster as Excel saves it (CP932), with the 個別報告希望 answer of the
    clients named by code replaced (``{"C0001": "はい(確認中)"}``)."""
    lines = (sample_dir() / "roster.csv").read_bytes().decode("cp932").splitlines()
    for i, line in enumerate(lines):
        cells = line.split(",")
        if answers and cells[0] in answers:
            cells[INDIVIDUAL_COLUMN] = answers[cells[0]]
            lines[i] = ",".join(cells)
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp932"))
    return path


def many(n: int) -> Roster:
    clients = [
        Client(
            row=i + 4,
            code=f"K{i:05d}",
            name=f"株式会社テスト{i:05d}",
            address=f"東京都千代田区{i}番地",
            phone=f"03-0000-{i % 10000:04d}",
        )
        for i in range(n)
    ]
    return roster(clients)
