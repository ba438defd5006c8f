"""Whoever copies the data folder finds no client's name, address or phone in any file."""

from __future__ import annotations

import contextlib
from pathlib import Path

from noticedesk.core.bundled import sample_dir
from noticedesk.core.case import CaseStore, DocumentStatus, KeyringKeySource
from noticedesk.core.incident import load_incident
from tests.helpers.cases import NO_CODE, SAKURA, TAKAHASHI, YAMAZAKI, roster

SECRETS = [
    TAKAHASHI.name,
    "髙橋製作所",
    YAMAZAKI.name,
    "山﨑商店",
    NO_CODE.name,
    TAKAHASHI.address,
    "中野3丁目",
    TAKAHASHI.phone,
    TAKAHASHI.email,
    TAKAHASHI.contact_person,
    "顧問先一覧",  # the roster's file name
    "ランサムウェア",  # the incident's text
]


def encodings(text: str) -> list[bytes]:
    out = [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]
    with contextlib.suppress(UnicodeEncodeError):  # ㈱ and 髙 are in CP932; others may not be
        out.append(text.encode("cp932"))
    return out


def readable_hits(folder: Path) -> list[str]:
    hits = []
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert files
    for path in files:
        data = path.read_bytes()
        for text in SECRETS:
            if any(form in data for form in encodings(text)):
                hits.append(f"{path.name}: {text}")
    return hits


def test_no_client_data_is_readable_in_the_data_folder(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    store, _ = CaseStore.create(isolated_data_dir, "2023年6月 システム障害", KeyringKeySource())
    store.import_roster(roster([TAKAHASHI, YAMAZAKI, SAKURA, NO_CODE]))
    store.set_incident(load_incident(sample_dir() / "incident.toml"))
    store.set_individual([TAKAHASHI.key, NO_CODE.key], True)
    store.set_status([YAMAZAKI.key], "employee_notice", DocumentStatus.PRINTED)
    store.record_export(
        {TAKAHASHI.key: [("client_report", tmp_path / "C0001_㈱髙橋製作所_通知.docx")]}, None
    )
    # Open: the -wal and -shm files are there too, and are searched as well.
    assert any(p.name.endswith("-wal") for p in (isolated_data_dir / "cases").iterdir())
    assert readable_hits(isolated_data_dir) == []
    store.close()
    assert readable_hits(isolated_data_dir) == []


def test_the_search_does_find_plain_text(isolated_data_dir: Path) -> None:
    # The detector itself works: a CP932 copy of the roster in the folder is caught.
    (isolated_data_dir / "roster.csv").write_bytes(f"C0001,{TAKAHASHI.name}\r\n".encode("cp932"))
    assert readable_hits(isolated_data_dir) == [
        "roster.csv: ㈱髙橋製作所",
        "roster.csv: 髙橋製作所",
    ]
