"""The merged print file opens in LibreOffice and prints as the clients' own files do, in turn.

One soffice call converts the merged file and each client's own file (start-up dominates).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from noticedesk.core.documents import export_case
from noticedesk.core.documents.pages import page_count, page_text
from noticedesk.core.documents.pdf import LibreOfficeConverter
from noticedesk.core.legal_forms import expand_abbreviations
from tests.helpers.converters import require_soffice
from tests.helpers.documents import client, sample_incident, sample_office

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

NAMES = ["㈱髙橋製作所", "A&B商事", "<有限会社>山﨑", "合同会社ミナト①"]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_merged_cover_letters_print_client_after_client(tmp_path: Path) -> None:
    converter = LibreOfficeConverter(require_soffice(), profile_dir=tmp_path / "profile")
    clients = [client(name, row=4 + i, code=f"C{i:04d}") for i, name in enumerate(NAMES)]
    result = export_case(
        clients,
        sample_office(),
        sample_incident(),
        tmp_path / "out",
        kinds=["cover"],
        workers=1,
        print_files=True,
    )
    own_files = [path for plan in result.clients for _kind, path in plan.documents]
    merged_pdf, *own_pdfs = converter.convert(
        [result.print_files["cover"].read_bytes(), *(p.read_bytes() for p in own_files)]
    )

    own_counts = [page_count(pdf) for pdf in own_pdfs]
    assert page_count(merged_pdf) == sum(own_counts)  # each client starts on a new page
    pages = [squeeze(page_text(merged_pdf, i)) for i in range(page_count(merged_pdf))]
    first = 0
    office = squeeze(sample_office().name)
    printed = [expand_abbreviations(n) for n in NAMES]  # ㈱ written out, as letters print it
    for name, count in zip(printed, own_counts, strict=True):
        for offset in range(count):
            page = pages[first + offset]
            assert squeeze(name) in page  # its own header on every page
            assert not any(squeeze(n) in page for n in printed if n != name)
            assert f"{office}－{offset + 1}－" in page  # numbered from 1 for each client
        assert pages[first] == squeeze(page_text(own_pdfs[printed.index(name)], 0))
        first += count
