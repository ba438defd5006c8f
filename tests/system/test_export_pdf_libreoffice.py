"""The export's PDFs made by the real LibreOffice: each client's PDF is exactly its pages.

The demo case (40 clients, 126 documents) is exported with a PDF beside each .docx and the
print files; every PDF is read back with ``pdftotext`` and must name its own client and no
other, with the same number of pages as the .docx converted on its own, and embedded fonts.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from noticedesk.core.documents import export_case
from noticedesk.core.documents.export_pdf import PdfRequest
from noticedesk.core.documents.pdf import LibreOfficeConverter
from noticedesk.core.documents.pdf_split import pdf_page_count
from noticedesk.core.roster import import_roster
from tests.helpers.converters import require_soffice
from tests.helpers.documents import sample_incident, sample_office
from tests.helpers.paths import SAMPLE
from tests.helpers.programs import require_tool

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(pdf: Path) -> str:
    pdftotext = require_tool("pdftotext", why="poppler-utils reads the PDFs back")
    return subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def fonts_not_embedded(pdf: Path) -> list[str]:
    pdffonts = require_tool("pdffonts", why="poppler-utils lists the PDFs' fonts")
    lines = subprocess.run(
        [pdffonts, str(pdf)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    # name type [type] encoding emb sub uni object ID: "emb" is the fifth field from the end.
    return [line for line in lines if line.split()[-5] != "yes"]


def test_each_clients_pdf_is_its_own_pages_and_only_its_name(tmp_path: Path) -> None:
    converter = LibreOfficeConverter(require_soffice(), profile_dir=tmp_path / "profile")
    roster = import_roster(SAMPLE / "roster.csv")
    result = export_case(
        roster.clients,
        sample_office(),
        sample_incident(),
        tmp_path / "out",
        print_files=True,
        pdf=PdfRequest(converter),
    )
    names = {plan.client.key: squeeze(plan.client.printed_name) for plan in result.clients}
    pairs = [
        (plan.client.key, docx, pdf)
        for plan, pdfs in zip(result.clients, result.pdfs, strict=True)
        for (_k, docx), (_kp, pdf) in zip(plan.documents, pdfs.documents, strict=True)
    ]
    assert len(pairs) == result.count == 126

    # The same .docx files converted one by one (one call, separate files): the reference.
    alone = converter.convert([docx.read_bytes() for _key, docx, _pdf in pairs])
    for (key, docx, pdf), reference in zip(pairs, alone, strict=True):
        assert pdf == docx.with_suffix(".pdf") and pdf.is_file()
        made = pdf.read_bytes()
        assert pdf_page_count(made) == pdf_page_count(reference), f"pages of {pdf.name}"
        text = squeeze(pdf_text(pdf))
        assert names[key] in text, f"{names[key]} missing from {pdf.name}"
        others = [name for other, name in names.items() if other != key and name in text]
        assert others == [], f"{pdf.name} names other clients: {others}"

    # One PDF per kind for the printer: every client's pages of that kind, in roster order.
    assert set(result.print_pdfs) == {"cover", "internal", "report", "individual"}
    for kind, path in result.print_pdfs.items():
        pages = [
            pdf_page_count(pdf.read_bytes())
            for plan in result.pdfs
            for k, pdf in plan.documents
            if k == kind
        ]
        assert pdf_page_count(path.read_bytes()) == sum(pages)
        assert path.with_suffix(".docx") == result.print_files[kind]

    checked = [pdf for _key, _docx, pdf in pairs[:3]] + list(result.print_pdfs.values())
    for pdf in checked:
        assert fonts_not_embedded(pdf) == [], f"fonts not embedded in {pdf.name}"
    leftovers = [p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_pdf_only_leaves_no_word_file(tmp_path: Path) -> None:
    converter = LibreOfficeConverter(require_soffice(), profile_dir=tmp_path / "profile")
    roster = import_roster(SAMPLE / "roster.csv")
    clients = roster.clients[:4]
    out = tmp_path / "out"
    result = export_case(
        clients,
        sample_office(),
        sample_incident(),
        out,
        ["cover", "report"],
        pdf=PdfRequest(converter, only=True),
    )
    written = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    assert [p for p in written if p.suffix == ".docx"] == []
    assert sorted(p for _c, paths in result.files.items() for p in paths) == sorted(
        out / p for p in written if p.suffix == ".pdf"
    )
    assert len([p for p in written if p.suffix == ".pdf"]) == 8
    for plan in result.clients:
        for _kind, pdf in plan.documents:
            assert squeeze(plan.client.printed_name) in squeeze(pdf_text(pdf))
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_libreoffice_keeps_the_marks_so_merged_chunks_are_split(tmp_path: Path) -> None:
    """The fast path is taken, not the one-by-one fallback: every chunk comes back whole."""
    from noticedesk.core.documents.pdf_merged import ConvertedChunk, chunks_of, convert_chunks
    from noticedesk.core.documents.preview import client_documents

    converter = LibreOfficeConverter(require_soffice(), profile_dir=tmp_path / "profile")
    roster = import_roster(SAMPLE / "roster.csv")
    documents = [
        client_documents(each, sample_office(), sample_incident(), ["cover"])[0].docx
        for each in roster.clients[:5]
    ]
    converted: list[ConvertedChunk] = []
    assert convert_chunks([converter], chunks_of("cover", documents, size=3), converted.append)
    assert [c.whole is not None for c in converted] == [True, True]
    assert [len(c.pdfs) for c in converted] == [3, 2]
    for chunk in converted:
        assert chunk.whole is not None
        assert pdf_page_count(chunk.whole) == sum(pdf_page_count(p) for p in chunk.pdfs)


def test_marks_found_as_outline_entries_split_the_pdf_too(tmp_path: Path) -> None:
    """Word carries bookmarks into the PDF's outline, not as named destinations. LibreOffice
    puts headings into the outline: two documents headed with the marks' names stand in for
    Word's PDF, and the split finds each document's first page by them."""
    import io

    import docx

    from noticedesk.core.documents.docx_merge import merge_documents
    from noticedesk.core.documents.pdf_split import mark_name, split_pdf

    converter = LibreOfficeConverter(require_soffice(), profile_dir=tmp_path / "profile")
    documents = []
    for number, pages in enumerate((2, 1)):
        document = docx.Document()
        document.add_heading(mark_name(number), level=1)
        for page in range(pages):
            document.add_paragraph(f"文書{number}の{page + 1}ページ目")
            if page < pages - 1:
                document.add_page_break()
        buffer = io.BytesIO()
        document.save(buffer)
        documents.append(buffer.getvalue())
    (merged,) = converter.convert([merge_documents(documents)])
    first, second = split_pdf(merged, [mark_name(0), mark_name(1)])
    assert (pdf_page_count(first), pdf_page_count(second)) == (2, 1)
