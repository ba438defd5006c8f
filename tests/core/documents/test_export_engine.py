"""export_case: layout, no overwriting, the same bytes as the preview, the process pool."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from noticedesk.core.clients import Client
from noticedesk.core.documents import (
    PPC_LIST_NAME,
    ExportProblem,
    export_case,
    render_document,
)
from noticedesk.core.documents.output_folder import is_temporary_name
from tests.helpers.documents import client, document_xml, sample_incident, sample_office


def clients(count: int) -> list[Client]:
    return [
        client(
            f"株式会社顧問先{i:03d}",
            row=4 + i,
            code=f"C{i:04d}",
            individual=i % 4 == 0,
            association="東京SR経営労務センター" if i % 5 == 0 else "",
            employees=str(i),
        )
        for i in range(1, count + 1)
    ]


def test_layout_one_folder_per_client_in_envelope_order(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = export_case(clients(4), sample_office(), sample_incident(), out, workers=1)
    assert result.ppc_list == out / PPC_LIST_NAME
    assert result.count == 3 * 4 + 1 and result.ppc_count == 3
    folder = out / "C0004_株式会社顧問先004"
    assert sorted(p.name for p in folder.iterdir()) == [
        "01_送付状_株式会社顧問先004.docx",
        "02_従業員向け通知（社内掲示用）_株式会社顧問先004.docx",
        "03_委託元への報告形式通知_株式会社顧問先004.docx",
        "04_個別報告のご案内_株式会社顧問先004.docx",
    ]
    assert len(list((out / "C0001_株式会社顧問先001").iterdir())) == 3
    assert result.files["code:C0004"] == sorted(folder.iterdir())
    # no temporary files left behind
    assert not [p for p in out.rglob("*") if is_temporary_name(p.name)]


def test_exported_files_are_the_previewed_bytes(tmp_path: Path) -> None:
    office, incident = sample_office(), sample_incident()
    some = clients(4)
    result = export_case(some, office, incident, tmp_path, kinds=["cover", "individual"], workers=1)
    for plan in result.clients:
        for kind, path in plan.documents:
            assert path.read_bytes() == render_document(kind, plan.client, office, incident)
    assert [k for k, _ in result.clients[3].documents] == ["cover", "individual"]
    assert [k for k, _ in result.clients[0].documents] == ["cover"]


def test_refuses_before_writing_when_a_file_exists(tmp_path: Path) -> None:
    office, incident = sample_office(), sample_incident()
    some = clients(3)
    first = export_case(some, office, incident, tmp_path, workers=1)
    victim = first.clients[1].documents[0][1]
    victim.write_bytes(b"edited by staff")
    (
        tmp_path
        / "C0002_株式会社顧問先002"
        / "02_従業員向け通知（社内掲示用）_株式会社顧問先002.docx"
    ).unlink()
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}
    with pytest.raises(ExportProblem) as caught:
        export_case(some, office, incident, tmp_path, workers=1)
    assert victim in caught.value.conflicts
    assert tmp_path / PPC_LIST_NAME in caught.value.conflicts
    assert "上書き" in caught.value.messages()[0]
    assert victim.read_bytes() == b"edited by staff"
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")} == before  # nothing written

    again = export_case(some, office, incident, tmp_path, workers=1, force=True)
    assert victim.read_bytes() == render_document("cover", some[1], office, incident)
    assert again.count == 9


def test_process_pool_writes_the_same_files_and_reports_progress(tmp_path: Path) -> None:
    office, incident = sample_office(), sample_incident()
    many = clients(90)
    calls: list[tuple[int, int]] = []
    pooled = export_case(
        many,
        office,
        incident,
        tmp_path / "pool",
        workers=2,
        progress=lambda done, total: calls.append((done, total)),
    )
    single = export_case(many, office, incident, tmp_path / "one", workers=1)
    assert pooled.count == single.count == 3 * 90 + 22
    for a, b in zip(pooled.clients, single.clients, strict=True):
        for (_k, pa), (_k2, pb) in zip(a.documents, b.documents, strict=True):
            assert pa.read_bytes() == pb.read_bytes()
    assert calls[0] == (0, pooled.count) and calls[-1] == (pooled.count, pooled.count)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    sheet = load_workbook(pooled.ppc_list).active
    assert sheet is not None and sheet.max_row == 1 + 90 - 22


def test_no_clients_and_output_that_is_a_file(tmp_path: Path) -> None:
    with pytest.raises(ExportProblem):
        export_case([], sample_office(), sample_incident(), tmp_path / "out")
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    with pytest.raises(ExportProblem) as caught:
        export_case(clients(1), sample_office(), sample_incident(), a_file)
    assert "フォルダではありません" in caught.value.messages()[0]


def test_cover_letter_association_paragraph(tmp_path: Path) -> None:
    office, incident = sample_office(), sample_incident()
    known = document_xml(
        render_document(
            "cover", client("甲", association="福岡SR経営労務センター"), office, incident
        )
    )
    unknown = document_xml(
        render_document("cover", client("乙", association="大阪SR"), office, incident)
    )
    none = document_xml(render_document("cover", client("丙"), office, incident))
    assert "電子申請は2023年8月下旬の復旧見込み" in known
    assert "大阪SRが利用するシステムの復旧状況につきましては" in unknown
    assert "労働保険事務組合にご加入" not in none
    assert "労働保険事務組合にご加入" in known and "労働保険事務組合にご加入" in unknown


def test_a_document_that_fails_for_one_client_names_it(tmp_path: Path) -> None:
    from docx import Document

    templates = tmp_path / "templates"
    templates.mkdir()
    doc = Document()
    for text in (
        "{{ dates.notice|seireki }}",
        "{{ client.name }} 御中",
        "{{ office.name }}",
        "{{ item.overview }}",
        "お問い合わせ先　電話 {{ office.phone }}",
        "六文字目は{{ client.name[5] }}",
    ):
        doc.add_paragraph(text)
    doc.save(str(templates / "cover.docx"))
    some = [client("株式会社長い名前"), client("A社")]
    with pytest.raises(ExportProblem) as caught:
        export_case(
            some,
            sample_office(),
            sample_incident(),
            tmp_path / "out",
            kinds=["cover"],
            templates_dir=templates,
            workers=1,
        )
    message = caught.value.messages()[0]
    assert "A社" in message and "cover.docx" in message
    assert "A社" in caught.value.messages("en")[0]


def test_a_document_locked_by_word_gives_a_sentence_not_an_errno(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Windows refuses to replace a .docx that Word has open; here the refusal is simulated.
    from noticedesk.core.documents.output_folder import OutputFolder

    def locked(_output: OutputFolder, target: Path, data: bytes, *, overwrite: bool) -> None:
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(OutputFolder, "write_bytes", locked)
    with pytest.raises(ExportProblem) as caught:
        export_case(clients(2), sample_office(), sample_incident(), tmp_path / "out", workers=1)
    message = caught.value.problems[0]
    assert "Word で開いていないか" in message.message
    assert "株式会社顧問先001" in message.message  # which file
    assert "Errno" not in message.message
