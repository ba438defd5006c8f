"""Hazardous client names as data: escaping, sandboxing, XML-illegal characters, file names."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from noticedesk.core.documents import DOCUMENT_KINDS, export_case, plan_export, render_document
from noticedesk.core.documents.filenames import MAX_NAME_CHARS, safe_name, unique_names
from tests.helpers.documents import (
    HAZARD_NAMES,
    client,
    document_xml,
    sample_incident,
    sample_office,
)

FORBIDDEN = set('/\\:*?"<>|')
RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(10)),
    *(f"LPT{i}" for i in range(10)),
}


def all_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    parts.extend(p.text for p in doc.sections[0].header.paragraphs)
    return "\n".join(parts)


@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
@pytest.mark.parametrize("name", ["A&B商事", "<有限会社>", "{{ 7*7 }}", "{% for %}"])
def test_names_print_exactly_as_written(kind: str, name: str) -> None:
    data = render_document(kind, client(name, individual=True), sample_office(), sample_incident())
    text = all_text(data)
    assert name in text
    assert "49" not in text.replace("2023", "")  # {{ 7*7 }} was not evaluated


def test_ampersand_and_brackets_are_escaped_in_the_xml() -> None:
    data = render_document(
        "cover", client("A&B商事 <有限会社>"), sample_office(), sample_incident()
    )
    xml = document_xml(data)
    assert "A&amp;B商事 &lt;有限会社&gt;" in xml


def test_characters_xml_cannot_hold_are_dropped() -> None:
    name = "株式会社\x07ベル\x0b商会\x1f\ufffe"
    office = sample_office()
    data = render_document(
        "report", client(name, contact_person="担当\x0c者"), office, sample_incident()
    )
    text = all_text(data)  # python-docx parses it: the XML is well formed
    assert "株式会社ベル商会" in text
    assert "担当者" in text


def test_a_template_tag_in_incident_text_is_not_evaluated() -> None:
    incident = sample_incident()
    incident.items["cause"] = "原因は {{ office.__class__ }} {% raw %} です"
    data = render_document("report", client("株式会社テスト"), sample_office(), incident)
    assert "原因は {{ office.__class__ }} {% raw %} です" in all_text(data)


@pytest.mark.parametrize("name", HAZARD_NAMES)
def test_file_names_are_safe_on_windows(name: str) -> None:
    safe = safe_name(name)
    assert safe
    assert not FORBIDDEN & set(safe)
    assert all(ord(ch) >= 32 for ch in safe)
    assert not safe.endswith((".", " "))
    assert safe.split(".")[0].upper() not in RESERVED
    assert len(safe) <= MAX_NAME_CHARS + 1


def test_specific_file_name_rules() -> None:
    assert safe_name("a/b:c*?") == "a／b：c＊？"
    assert safe_name("CON") == "CON_"
    assert safe_name("nul.txt") == "nul_.txt"  # Windows reads "nul.txt_" as NUL too
    assert safe_name("株式会社ドット.") == "株式会社ドット"
    assert safe_name("...") == "名称なし"
    assert len(safe_name("長" * 300)) == MAX_NAME_CHARS
    assert unique_names(["同名", "同名", "ＡＢＣ", "abc", "同名"]) == [
        "同名",
        "同名 (2)",
        "ＡＢＣ",
        "abc (2)",
        "同名 (3)",
    ]


def test_export_of_hazardous_names_writes_distinct_openable_files(tmp_path: Path) -> None:
    clients = [client(name, row=5 + i) for i, name in enumerate(HAZARD_NAMES)]
    clients += [client("株式会社同名", row=20), client("株式会社同名", row=21, individual=True)]
    result = export_case(clients, sample_office(), sample_incident(), tmp_path / "out", workers=1)
    folders = [plan.folder for plan in result.clients]
    assert len({f.name.casefold() for f in folders}) == len(clients)
    written = [path for plan in result.clients for _kind, path in plan.documents]
    assert len(written) == len(set(written)) == result.count == 3 * len(clients) + 1
    for plan in result.clients:
        for _kind, path in plan.documents:
            assert path.is_file()
            assert path.parent == plan.folder
            assert len(str(path.relative_to(tmp_path / "out"))) < 120
    # Two clients of the same name: each folder holds that client's own documents.
    same = [plan for plan in result.clients if plan.client.name == "株式会社同名"]
    assert [p.folder.name for p in same] == ["株式会社同名", "株式会社同名 (2)"]
    assert len(same[0].documents) == 3 and len(same[1].documents) == 4
    reserved = next(p for p in result.clients if p.client.name == "CON")
    assert reserved.folder.name == "CON_"


def test_planned_paths_have_no_forbidden_characters(tmp_path: Path) -> None:
    plans = plan_export([client(n) for n in HAZARD_NAMES], tmp_path)
    for plan in plans:
        for _kind, path in plan.documents:
            relative = path.relative_to(tmp_path)
            for part in relative.parts:
                assert not FORBIDDEN & set(part)
                assert not part.endswith((".", " "))
