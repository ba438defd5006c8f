"""Every exported document of the demo case opens in LibreOffice and names its client and office.

All documents are converted in one soffice call (start-up dominates the cost) with a private
profile, so the test does not collide with another soffice running on the machine.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from noticedesk.core.documents import export_case
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
        [pdftotext, "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def test_demo_case_documents_open_in_libreoffice(tmp_path: Path) -> None:
    binary = str(require_soffice())
    roster = import_roster(SAMPLE / "roster.csv")
    office = sample_office()
    result = export_case(roster.clients, office, sample_incident(), tmp_path / "out")
    documents = [(plan.client, path) for plan in result.clients for _k, path in plan.documents]
    assert len(documents) == result.count == 3 * 40 + 6

    pdf_dir = tmp_path / "pdf"
    profile = (tmp_path / "lo-profile").as_uri()
    completed = subprocess.run(
        [
            binary,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(pdf_dir),
            *(str(p) for _c, p in documents),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    for each, path in documents:
        pdf = pdf_dir / (path.stem + ".pdf")
        assert pdf.is_file(), f"LibreOffice could not open {path}"
        text = squeeze(pdf_text(pdf))
        # Letters write legal forms out (㈱ → 株式会社); the roster's spelling stays in the case.
        assert squeeze(each.printed_name) in text, f"{each.name} missing from {path.name}"
        assert squeeze(office.name) in text, f"office name missing from {path.name}"

    sheet = load_workbook(result.ppc_list).active
    assert sheet is not None
    listed = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert listed == [c.printed_name for c in roster.clients if not c.individual]
    assert len(listed) == 34
