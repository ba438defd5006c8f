"""Inputs and templates are checked before anything is rendered."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from docx import Document

from noticedesk.core.documents import (
    DOCUMENT_KINDS,
    ExportProblem,
    check_inputs,
    export_case,
    find_input_problems,
    template_path,
)
from tests.helpers.documents import client, sample_incident, sample_office


def test_sample_case_has_no_problems() -> None:
    assert check_inputs(sample_office(), sample_incident(), None, DOCUMENT_KINDS) == []


def test_missing_report_item_is_reported_before_rendering(tmp_path: Path) -> None:
    incident = sample_incident()
    incident.items["cause"] = "  "
    problems = check_inputs(sample_office(), incident, None, DOCUMENT_KINDS)
    assert any("原因" in p for p in problems)
    with pytest.raises(ExportProblem) as caught:
        export_case([client("株式会社テスト")], sample_office(), incident, tmp_path / "out")
    assert any("原因" in m for m in caught.value.messages())
    assert any("cause" in m for m in caught.value.messages("en"))
    assert not (tmp_path / "out").exists()


def test_missing_office_details_are_reported() -> None:
    office = dataclasses.replace(sample_office(), registration_number="", phone="")
    problems = check_inputs(office, sample_incident(), None, ["report"])
    assert any("登録番号" in p for p in problems)
    assert any("電話番号" in p for p in problems)


def write_template(path: Path, *paragraphs: str, header: str = "") -> None:
    doc = Document()
    if header:
        doc.sections[0].header.paragraphs[0].text = header
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(str(path))


COVER_OK = (
    "{{ dates.notice|seireki }}",
    "{{ client.name }} 御中",
    "{{ office.name }}",
    "{{ item.overview }}",
    "お問い合わせ先　電話 {{ office.phone }}",
)


def test_undefined_tag_is_reported_with_the_template_name(tmp_path: Path) -> None:
    write_template(
        tmp_path / "cover.docx",
        *COVER_OK,
        "FAX {{ client.fax }}",
        "{{ ofice.name }}",
        header="{{ office.nam }}",
    )
    problems = check_inputs(sample_office(), sample_incident(), tmp_path, ["cover"])
    assert len(problems) == 3
    assert all("cover.docx" in p for p in problems)
    assert any("client.fax" in p and "本文" in p for p in problems)
    assert any("ofice" in p for p in problems)
    assert any("office.nam" in p and "ヘッダー" in p for p in problems)


def test_loop_variables_are_checked_against_the_list_elements(tmp_path: Path) -> None:
    write_template(
        tmp_path / "cover.docx",
        *COVER_OK,
        "{%p for r in report_items %}",
        "{{ r.label }} {{ r.valeu }} {{ loop.index }}",
        "{%p endfor %}",
    )
    problems = check_inputs(sample_office(), sample_incident(), tmp_path, ["cover"])
    assert len(problems) == 1
    assert "report_items[].valeu" in problems[0]


def test_template_missing_a_required_item_is_reported(tmp_path: Path) -> None:
    shutil.copy(template_path("report"), tmp_path / "report.docx")
    assert check_inputs(sample_office(), sample_incident(), tmp_path, ["report"]) == []
    write_template(
        tmp_path / "report.docx",
        "{{ dates.notice|wareki }} {{ client.name }}",
        "{{ office.name }} {{ office.representative }} {{ office.registration_number }}",
        "{{ office.address }} {{ office.phone }}",
        *(
            f"{{{{ item.{key} }}}}"
            for key in (
                "overview",
                "data_items",
                "people",
                "secondary_damage",
                "response_to_individuals",
                "publication",
                "prevention",
                "other",
            )
        ),
    )
    problems = check_inputs(sample_office(), sample_incident(), tmp_path, ["report"])
    assert len(problems) == 1
    assert "report.docx" in problems[0] and "原因" in problems[0]


def test_malformed_tag_and_non_word_file_are_reported(tmp_path: Path) -> None:
    write_template(tmp_path / "cover.docx", *COVER_OK, "{{ client.name ")
    (tmp_path / "report.docx").write_bytes(b"not a zip")
    problems = find_input_problems(
        sample_office(), sample_incident(), tmp_path, ["cover", "report"]
    )
    assert len(problems) == 2
    assert "cover.docx" in problems[0].message and "誤り" in problems[0].message
    assert "report.docx" in problems[1].message and "Word" in problems[1].message
    assert "report.docx" in problems[1].message_en


def test_sandbox_refuses_python_internals(tmp_path: Path) -> None:
    write_template(tmp_path / "cover.docx", *COVER_OK, "{{ client.name.__class__.__mro__ }}")
    problems = check_inputs(sample_office(), sample_incident(), tmp_path, ["cover"])
    assert len(problems) == 1 and "cover.docx" in problems[0]


def test_missing_kinds_fall_back_to_bundled_templates(tmp_path: Path) -> None:
    write_template(tmp_path / "cover.docx", *COVER_OK, "独自の送付状")
    assert template_path("cover", tmp_path) == tmp_path / "cover.docx"
    assert template_path("report", tmp_path) == template_path("report")
    assert check_inputs(sample_office(), sample_incident(), tmp_path, DOCUMENT_KINDS) == []


def test_unknown_kind_and_missing_folder(tmp_path: Path) -> None:
    problems = check_inputs(sample_office(), sample_incident(), tmp_path / "none", ["letter"])
    assert any("letter" in p for p in problems)
    assert any("フォルダが見つかりません" in p for p in problems)
