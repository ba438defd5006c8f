"""Print files: per kind, one .docx holding every client's document, one section per client.

Every test exports real files with ``export_case`` (hazardous names as data) and reads the
merged file back with python-docx, section by section, as Word would show it.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docxcompose.composer import Composer
from lxml import etree

from noticedesk.cli.main import main
from noticedesk.core.clients import Client
from noticedesk.core.documents import (
    PRINT_FOLDER,
    ExportProblem,
    MergeError,
    export_case,
    merge_documents,
    print_file_name,
    render_document,
)
from noticedesk.core.legal_forms import expand_abbreviations
from tests.helpers.documents import client, sample_incident, sample_office

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

NAMES = ["㈱髙橋製作所", "A&B商事", "<有限会社>山﨑", "株式会社さくら運輸", "合同会社ミナト①"]
# As the documents print them: the roster's ㈱ written out in full.
PRINTED = [expand_abbreviations(name) for name in NAMES]


def roster() -> list[Client]:
    # The third and fifth report individually.
    return [
        client(name, row=4 + i, code=f"C{i + 1:04d}", individual=i in (2, 4))
        for i, name in enumerate(NAMES)
    ]


def open_docx(path: Path) -> DocxDocument:
    return Document(str(path))


def section_texts(document: DocxDocument) -> list[list[str]]:
    """The body's paragraph texts, split where a paragraph ends a section."""
    sections: list[list[str]] = [[]]
    for paragraph in document.paragraphs:
        sections[-1].append(paragraph.text)
        props = paragraph._p.pPr
        if props is not None and props.find(f"{W}sectPr") is not None:
            sections.append([])
    return sections


def header_and_footer(document: DocxDocument, index: int) -> str:
    section = document.sections[index]
    return "\n".join(p.text for p in (*section.header.paragraphs, *section.footer.paragraphs))


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("export") / "out"
    result = export_case(
        roster(), sample_office(), sample_incident(), out, workers=1, print_files=True
    )
    return result


def test_one_print_file_per_kind_in_its_own_folder(exported) -> None:  # type: ignore[no-untyped-def]
    folder = exported.out_dir / PRINT_FOLDER
    assert exported.print_files == {
        "cover": folder / "01_送付状_全顧問先.docx",
        "internal": folder / "02_従業員向け通知（社内掲示用）_全顧問先.docx",
        "report": folder / "03_委託元への報告形式通知_全顧問先.docx",
        "individual": folder / "04_個別報告のご案内_個別報告の顧問先.docx",
    }
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        p.name for p in exported.print_files.values()
    )
    assert exported.count == 3 * 5 + 2  # print files are not counted as client documents
    assert not [p for p in exported.out_dir.rglob("*") if p.name.startswith(".~nd-")]


@pytest.mark.parametrize("kind", ["cover", "internal", "report"])
def test_every_client_has_its_own_section_naming_it(exported, kind: str) -> None:  # type: ignore[no-untyped-def]
    document = open_docx(exported.print_files[kind])
    assert len(document.sections) == len(NAMES)
    for index, name in enumerate(PRINTED):
        # The cover and report name the client in the header, the internal notice in the footer.
        assert name in header_and_footer(document, index)
        others = [n for n in PRINTED if n != name]
        assert not any(other in header_and_footer(document, index) for other in others)


def test_the_own_report_guide_holds_only_the_clients_who_report_individually(exported) -> None:  # type: ignore[no-untyped-def]
    document = open_docx(exported.print_files["individual"])
    assert len(document.sections) == 2
    assert PRINTED[2] in header_and_footer(document, 0)
    assert PRINTED[4] in header_and_footer(document, 1)
    text = "\n".join(p.text for p in document.paragraphs)
    assert PRINTED[0] not in text and PRINTED[1] not in text


def test_each_section_is_the_clients_own_file_in_roster_order(exported) -> None:  # type: ignore[no-untyped-def]
    merged = section_texts(open_docx(exported.print_files["report"]))
    own = [
        [p.text for p in open_docx(path).paragraphs]
        for plan in exported.clients
        for kind, path in plan.documents
        if kind == "report"
    ]
    assert merged == own
    text = "\n".join("\n".join(section) for section in merged)
    positions = [text.find(name) for name in PRINTED]
    assert -1 not in positions and positions == sorted(positions)


def test_each_client_starts_on_a_new_page_numbered_from_one(exported) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(exported.print_files["cover"]) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    sections = list(body.iter(f"{W}sectPr"))
    assert len(sections) == len(NAMES)
    for sect_pr in sections:
        kind = sect_pr.find(f"{W}type")
        assert kind is None or kind.get(f"{W}val") in ("nextPage", "oddPage", "evenPage")
        assert sect_pr.find(f"{W}pgNumType").get(f"{W}start") == "1"


def test_off_by_default(tmp_path: Path) -> None:
    result = export_case(roster()[:2], sample_office(), sample_incident(), tmp_path, workers=1)
    assert result.print_files == {}
    assert not (tmp_path / PRINT_FOLDER).exists()


def test_an_existing_print_file_stops_the_export_before_anything_is_written(
    tmp_path: Path,
) -> None:
    folder = tmp_path / PRINT_FOLDER
    folder.mkdir()
    kept = folder / print_file_name("cover")
    kept.write_bytes(b"printed last week")
    with pytest.raises(ExportProblem) as caught:
        export_case(
            roster(), sample_office(), sample_incident(), tmp_path, workers=1, print_files=True
        )
    assert caught.value.conflicts == [kept]
    assert sorted(p.name for p in tmp_path.iterdir()) == [PRINT_FOLDER]  # nothing else written
    assert kept.read_bytes() == b"printed last week"

    result = export_case(
        roster(),
        sample_office(),
        sample_incident(),
        tmp_path,
        workers=1,
        print_files=True,
        force=True,
    )
    assert len(open_docx(result.print_files["cover"]).sections) == len(NAMES)


def test_a_file_where_the_print_folder_goes_is_a_conflict(tmp_path: Path) -> None:
    (tmp_path / PRINT_FOLDER).write_text("not a folder")
    with pytest.raises(ExportProblem) as caught:
        export_case(
            roster(), sample_office(), sample_incident(), tmp_path, workers=1, print_files=True
        )
    assert caught.value.conflicts == [tmp_path / PRINT_FOLDER]


def test_a_client_named_like_the_print_folder_gets_another_folder(tmp_path: Path) -> None:
    clients = [client("印刷用", row=4), client("株式会社青葉", row=5)]
    result = export_case(
        clients, sample_office(), sample_incident(), tmp_path, workers=1, print_files=True
    )
    assert result.clients[0].folder.name == "印刷用 (2)"
    assert len(open_docx(result.print_files["cover"]).sections) == 2


def test_progress_counts_the_print_files(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_case(
        roster()[:2],
        sample_office(),
        sample_incident(),
        tmp_path,
        kinds=["cover", "report"],
        workers=1,
        print_files=True,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen[0] == (0, 6) and seen[-1] == (6, 6)


def test_the_process_pool_export_makes_the_same_print_files(tmp_path: Path) -> None:
    clients = [client(f"株式会社顧問先{i:02d}", row=4 + i, code=f"C{i:04d}") for i in range(12)]
    one = export_case(
        clients,
        sample_office(),
        sample_incident(),
        tmp_path / "one",
        kinds=["cover"],
        workers=1,
        print_files=True,
    )
    two = export_case(
        clients,
        sample_office(),
        sample_incident(),
        tmp_path / "two",
        kinds=["cover"],
        workers=2,
        print_files=True,
    )
    assert one.print_files["cover"].read_bytes() == two.print_files["cover"].read_bytes()


# --- the merge on its own -----------------------------------------------------------------


def rendered(kind: str, names: list[str]) -> list[bytes]:
    office, incident = sample_office(), sample_incident()
    return [render_document(kind, client(n, individual=True), office, incident) for n in names]


def test_the_text_equals_a_docxcompose_merge_which_loses_the_headers() -> None:
    documents = rendered("cover", NAMES)
    ours = Document(io.BytesIO(merge_documents(documents)))
    composer = Composer(Document(io.BytesIO(documents[0])))
    for data in documents[1:]:
        composer.append(Document(io.BytesIO(data)))
    theirs = composer.doc
    assert [p.text for p in ours.paragraphs] == [p.text for p in theirs.paragraphs]
    # docxcompose keeps one section: every page would carry the first client's header.
    assert len(theirs.sections) == 1
    assert [PRINTED[i] in header_and_footer(ours, i) for i in range(len(NAMES))] == [True] * 5


def edited(data: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    """The .docx with one part changed, as an office's edit in Word would change it."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for member in source.namelist():
            part = source.read(member)
            target.writestr(member, change(part) if member == name else part)
    return out.getvalue()


def with_numbered_paragraph(data: bytes) -> bytes:
    """The document with its first paragraph in list 1 (direct numbering, as Word writes it)."""
    return edited(
        data,
        "word/document.xml",
        lambda part: re.sub(
            rb"<w:p>|<w:p ([^>]*)>(?!<w:pPr>)",
            lambda m: (
                m.group(0)
                + b'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            ),
            part,
            count=1,
        ),
    )


def test_numbered_lists_start_again_for_each_document() -> None:
    documents = [with_numbered_paragraph(d) for d in rendered("cover", NAMES[:3])]
    merged = zipfile.ZipFile(io.BytesIO(merge_documents(documents)))
    body = etree.fromstring(merged.read("word/document.xml"))
    used = [n.get(f"{W}val") for n in body.iter(f"{W}numId")]
    assert len(used) == 3 and len(set(used)) == 3 and used[0] == "1"
    numbering = etree.fromstring(merged.read("word/numbering.xml"))
    nums = {n.get(f"{W}numId"): n for n in numbering.iter(f"{W}num")}
    abstract = nums["1"].find(f"{W}abstractNumId").get(f"{W}val")
    for fresh in used[1:]:
        assert nums[fresh].find(f"{W}abstractNumId").get(f"{W}val") == abstract
        assert nums[fresh].find(f"{W}lvlOverride/{W}startOverride") is not None


def test_documents_from_different_templates_are_refused() -> None:
    first, second = rendered("cover", NAMES[:2])
    other_styles = edited(second, "word/styles.xml", lambda part: part.replace(b"<w:b/>", b""))
    assert other_styles != second
    with pytest.raises(MergeError, match="same template"):
        merge_documents([first, other_styles])
    with pytest.raises(MergeError):
        merge_documents([])
    with pytest.raises(MergeError):
        merge_documents([b"not a zip"])


def test_a_single_document_merges_to_itself_in_content() -> None:
    (data,) = rendered("report", NAMES[:1])
    merged = Document(io.BytesIO(merge_documents([data])))
    own = Document(io.BytesIO(data))
    assert [p.text for p in merged.paragraphs] == [p.text for p in own.paragraphs]
    assert PRINTED[0] in header_and_footer(merged, 0)


# --- the command line --------------------------------------------------------------------


def test_cli_print_files_on_the_demo_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code = main(["export", "--demo", "--out", str(out), "--print-files", "--json"])
    payload = json.loads(capsys.readouterr().out)
    assert code == 0
    folder = out / PRINT_FOLDER
    assert payload["print_files"] == {
        kind: str(folder / print_file_name(kind))
        for kind in ("cover", "internal", "report", "individual", "reply")  # reply: a reply-by date
    }
    opted = [c["name"] for c in payload["clients"] if c["individual"]]
    guide = open_docx(folder / print_file_name("individual"))
    assert len(guide.sections) == len(opted) == 6
    for index, name in enumerate(opted):
        assert expand_abbreviations(name) in header_and_footer(guide, index)
    assert len(open_docx(folder / print_file_name("cover")).sections) == 40

    # Again without --force: refused, exit 2, the print files named among the conflicts.
    code = main(["export", "--demo", "--out", str(out), "--print-files", "--json"])
    payload = json.loads(capsys.readouterr().out)
    assert code == 2
    assert str(folder / print_file_name("cover")) in payload["conflicts"]


def test_cli_without_the_option_makes_no_print_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["export", "--demo", "--out", str(tmp_path), "--kinds", "cover", "--json"])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["print_files"] == {}
    assert not (tmp_path / PRINT_FOLDER).exists()
