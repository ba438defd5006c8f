"""The preview's LibreOffice kept running: one soffice serves client after client, comes back
after it was killed, and makes the same PDFs as the one-shot ``soffice --convert-to``."""

from __future__ import annotations

import gc
import os
import re
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from noticedesk.core.documents.pdf import LibreOfficeConverter, PdfConversionError
from noticedesk.core.documents.pdf_resident import ResidentConverter
from noticedesk.core.documents.preview import client_documents
from noticedesk.core.roster import import_roster
from tests.helpers.converters import require_soffice, require_uno_python
from tests.helpers.documents import sample_incident, sample_office
from tests.helpers.paths import SAMPLE
from tests.helpers.programs import require_tool

pytestmark = [pytest.mark.libreoffice]


def envelopes(count: int) -> list[list[bytes]]:
    """The documents of the first ``count`` clients of the sample roster, client by client."""
    roster = import_roster(SAMPLE / "roster.csv")
    return [
        [d.docx for d in client_documents(client, sample_office(), sample_incident())]
        for client in roster.clients[:count]
    ]


def pdf_text(pdf: bytes, folder: Path) -> str:
    pdftotext = require_tool("pdftotext", why="reads the PDFs back")
    path = folder / "read.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        [pdftotext, "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return re.sub(r"\s+", "", out.stdout)


@pytest.fixture
def resident() -> Iterator[ResidentConverter]:
    binary = require_soffice()
    python = require_uno_python(binary)
    converter = ResidentConverter(binary, python_candidates=[python])
    yield converter
    converter.shut_down()


def test_one_libreoffice_serves_client_after_client(resident: ResidentConverter) -> None:
    pids = set()
    for documents in envelopes(3):
        pdfs = resident.convert(documents)
        assert len(pdfs) == len(documents)
        assert all(pdf.startswith(b"%PDF") for pdf in pdfs)
        pids.add(resident.soffice_pid)
    assert len(pids) == 1 and None not in pids
    assert resident.starts == 1
    assert resident.stays_running and resident.notice is None


def test_a_killed_libreoffice_is_started_again(resident: ResidentConverter) -> None:
    first, second = envelopes(2)
    resident.convert(first)
    pid = resident.soffice_pid
    assert pid is not None
    if sys.platform == "win32":
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(pid)], check=False)
    else:
        os.killpg(pid, signal.SIGKILL)
    pdfs = resident.convert(second)  # the staff see the next client, not an error
    assert len(pdfs) == len(second)
    assert resident.soffice_pid not in (None, pid)
    assert resident.starts == 2


def test_a_broken_document_is_an_error_and_the_next_one_converts(
    resident: ResidentConverter,
) -> None:
    (documents,) = envelopes(1)
    resident.convert(documents[:1])
    pid = resident.soffice_pid
    with pytest.raises(PdfConversionError):
        resident.convert([b"PK\x03\x04 not a document"])
    assert len(resident.convert(documents[1:2])) == 1
    assert resident.soffice_pid == pid


def test_the_pdfs_read_as_the_one_shot_converters_do(
    resident: ResidentConverter, tmp_path: Path
) -> None:
    (documents,) = envelopes(1)
    kept = resident.convert(documents)
    one_shot = LibreOfficeConverter(resident.binary, profile_dir=tmp_path / "profile").convert(
        documents
    )
    for ours, theirs in zip(kept, one_shot, strict=True):
        text = pdf_text(ours, tmp_path)
        assert text and text == pdf_text(theirs, tmp_path)


def stand_in_python(tmp_path: Path) -> Path:
    """An interpreter that cannot run the bridge (it ends at once, saying nothing)."""
    script = tmp_path / "python-without-uno"
    script.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


@pytest.mark.parametrize("interpreter", ["missing", "without uno"])
def test_without_a_uno_python_the_preview_still_converts_and_says_why(
    interpreter: str, tmp_path: Path
) -> None:
    if interpreter == "without uno" and sys.platform == "win32":
        pytest.skip("the stand-in is a shell script")
    binary = require_soffice()
    python = tmp_path / "no-such-python" if interpreter == "missing" else stand_in_python(tmp_path)
    told: list[tuple[str, str]] = []
    converter = ResidentConverter(
        binary, python_candidates=[python], notify=lambda ja, en: told.append((ja, en))
    )
    (documents,) = envelopes(1)
    pdfs = converter.convert(documents[:2])
    assert [pdf[:4] for pdf in pdfs] == [b"%PDF", b"%PDF"]
    assert not converter.stays_running and converter.soffice_pid is None
    assert converter.notice is not None and "python3-uno" in converter.notice[1]
    converter.convert(documents[2:])
    assert len(told) == 1  # said once, not on every client


@pytest.mark.skipif(sys.platform == "win32", reason="process ids are checked the POSIX way")
def test_a_converter_dropped_leaves_no_libreoffice_and_no_profile_behind() -> None:
    binary = require_soffice()
    converter = ResidentConverter(binary, python_candidates=[require_uno_python(binary)])
    (documents,) = envelopes(1)
    converter.convert(documents[:1])
    pid = converter.soffice_pid
    profile = converter._processes.profile
    assert pid is not None and profile is not None and profile.is_dir()
    del converter
    gc.collect()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert not profile.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in is a shell script")
def test_a_document_that_hangs_is_an_error_within_the_time_limit(tmp_path: Path) -> None:
    binary = require_soffice()
    hanging = tmp_path / "python-that-hangs"
    hanging.write_text("#!/bin/sh\necho '{\"ready\": true}'\nexec sleep 60\n", encoding="utf-8")
    hanging.chmod(hanging.stat().st_mode | stat.S_IXUSR)
    converter = ResidentConverter(binary, python_candidates=[hanging], document_timeout=1.0)
    (documents,) = envelopes(1)
    with pytest.raises(PdfConversionError, match="within 1 seconds"):
        converter.convert(documents[:1])
    assert converter.soffice_pid is None  # the hung pair was stopped, not left running
    assert converter.starts == 1  # and not started again for the same document
    converter.shut_down()


def test_once_closed_it_starts_no_libreoffice_that_would_outlive_the_program(
    resident: ResidentConverter,
) -> None:
    (documents,) = envelopes(1)
    resident.convert(documents[:1])
    resident.close()  # the program ends while a worker still has documents to convert
    assert resident.soffice_pid is None
    with pytest.raises(PdfConversionError, match="closing"):
        resident.convert(documents[1:2])
    assert resident.starts == 1 and resident.soffice_pid is None
