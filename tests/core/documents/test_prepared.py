"""The prepared-template renderer must equal docxtpl's own render and save, part by part."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm
from docxtpl import DocxTemplate

from noticedesk.core.documents import DOCUMENT_KINDS, build_context, template_path
from noticedesk.core.documents.environment import make_environment
from noticedesk.core.documents.prepared import PreparedTemplate
from tests.helpers.documents import client, sample_incident, sample_office, zip_parts


def docxtpl_render(path: Path, context: dict[str, object]) -> bytes:
    """What docxtpl itself writes: a fresh DocxTemplate, our environment, render, save."""
    template = DocxTemplate(str(path))
    template.render(context, jinja_env=make_environment())
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def assert_same_parts(ours: bytes, theirs: bytes) -> None:
    our_parts, their_parts = zip_parts(ours), zip_parts(theirs)
    assert sorted(our_parts) == sorted(their_parts)
    for name in their_parts:
        assert our_parts[name] == their_parts[name], f"part {name} differs"


CLIENTS = [
    client(
        "A&B商事 <有限会社> \"引用\" 'x'",
        code="C1",
        individual=True,
        employees="12",
        association="東京SR経営労務センター",
    ),
    client("{{ 7*7 }} {% for %}", association="どこかのSRセンター", email="a@example.jp"),
    client("株式会社　髙橋﨑①㈱", contact_person="", phone="", employees="約30名"),
]


@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
def test_bundled_templates_equal_docxtpl(kind: str) -> None:
    path = template_path(kind)
    prepared = PreparedTemplate(path, make_environment())
    office, incident = sample_office(), sample_incident()
    # Several clients through the same prepared object: reuse must not leak one into the next.
    for each in CLIENTS:
        context = build_context(each, office, incident)
        assert_same_parts(prepared.render(context), docxtpl_render(path, context))


def custom_template(path: Path) -> None:
    """A template with tags in header, footer, a table-row loop, a cell-count change, document
    properties and a paragraph loop: every part docxtpl renders."""
    doc = Document()
    doc.sections[0].page_width = Mm(210)
    doc.sections[0].header.paragraphs[0].text = "ヘッダー {{ client.name }}"
    doc.sections[0].footer.paragraphs[
        0
    ].text = "フッター {{ office.name }} {{ dates.notice|wareki }}"
    doc.core_properties.title = "{{ client.name }} への通知"
    doc.add_paragraph("宛先 {{ client.name }} 御中")
    doc.add_paragraph("{%p for d in data_items %}")
    doc.add_paragraph("・{{ d }}")
    doc.add_paragraph("{%p endfor %}")
    table = doc.add_table(rows=3, cols=2)
    table.rows[0].cells[0].text = "{%tr for r in report_items %}"
    table.rows[1].cells[0].text = "{{ r.label }}"
    table.rows[1].cells[1].text = "{{ r.value }}"
    table.rows[2].cells[0].text = "{%tr endfor %}"
    # A row whose cells come from a {%tc %} loop: docxtpl widens the table grid afterwards.
    wide = doc.add_table(rows=1, cols=3)
    wide.rows[0].cells[0].text = "{%tc for d in data_items %}"
    wide.rows[0].cells[1].text = "{{ d }}"
    wide.rows[0].cells[2].text = "{%tc endfor %}"
    doc.add_paragraph("改行を含む値: {{ item.overview }}")
    doc.save(str(path))


def test_custom_template_with_every_rendered_part_equals_docxtpl(tmp_path: Path) -> None:
    path = tmp_path / "custom.docx"
    custom_template(path)
    prepared = PreparedTemplate(path, make_environment())
    incident = sample_incident()
    incident.items["overview"] = "一行目\n二行目\tタブ & <記号>"
    for each in CLIENTS:
        context = build_context(each, sample_office(), incident)
        ours = prepared.render(context)
        assert_same_parts(ours, docxtpl_render(path, context))
        parts = zip_parts(ours)
        assert (
            each.name.split()[0].replace("&", "&amp;").replace("<", "&lt;").encode()
            in (parts["word/header1.xml"])
        )
        assert b"<w:br/>" in parts["word/document.xml"]  # the newline became a line break
        # the {%tc %} loop made 13 cells: the grid was widened (docxtpl's fix_tables path)
        grid_columns = parts["word/document.xml"].count(b"<w:gridCol ")
        assert grid_columns == 2 + len(incident.data_items)


def test_output_is_reproducible_and_opens_in_python_docx() -> None:
    prepared = PreparedTemplate(template_path("report"), make_environment())
    context = build_context(CLIENTS[0], sample_office(), sample_incident())
    first = prepared.render(context)
    assert prepared.render(context) == first
    text = "\n".join(p.text for p in Document(io.BytesIO(first)).paragraphs)
    assert "A&B商事 <有限会社>" in text
