"""A roster's own columns (担当税理士, 備考 …) reach an office's custom template."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from docx import Document

from noticedesk.core.bundled import templates_dir
from noticedesk.core.documents import check_inputs, render_document
from tests.helpers.documents import client, document_xml, sample_incident, sample_office


def _office_template(folder: Path) -> Path:
    """The bundled cover letter with one line added that prints a roster column."""
    folder.mkdir()
    for kind in ("cover", "internal", "report", "individual"):
        shutil.copy(templates_dir() / f"{kind}.docx", folder / f"{kind}.docx")
    doc = Document(str(folder / "cover.docx"))
    doc.add_paragraph('ご担当：{{ client.extra["担当税理士"] }}　{{ client.extra.備考 }}')
    doc.save(str(folder / "cover.docx"))
    return folder


def _text(data: bytes) -> str:
    return re.sub(r"<[^>]+>", "", document_xml(data))


def test_extra_roster_columns_print_in_a_custom_template(tmp_path: Path) -> None:
    folder = _office_template(tmp_path / "事務所テンプレート")
    office, incident = sample_office(), sample_incident()
    assert check_inputs(office, incident, folder, ["cover"]) == []

    with_columns = client(
        "株式会社列あり", extra={"担当税理士": "髙田 税理士", "備考": "要電話連絡"}
    )
    text = _text(render_document("cover", with_columns, office, incident, folder))
    assert "ご担当：髙田 税理士　要電話連絡" in text

    # A roster without those columns prints blanks instead of stopping the export.
    text = _text(render_document("cover", client("株式会社列なし"), office, incident, folder))
    assert "ご担当：　" in text


def test_a_misspelt_field_outside_extra_is_still_reported(tmp_path: Path) -> None:
    folder = _office_template(tmp_path / "t")
    doc = Document(str(folder / "cover.docx"))
    doc.add_paragraph("{{ client.nmae }}")
    doc.save(str(folder / "cover.docx"))
    problems = check_inputs(sample_office(), sample_incident(), folder, ["cover"])
    assert any("client.nmae" in p for p in problems)
