"""Choosing the preview's converter and the interpreter that drives LibreOffice kept running
(the real LibreOffice is in tests/system/test_preview_resident_libreoffice.py)."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from noticedesk.core.documents.pdf import LibreOfficeConverter
from noticedesk.core.documents.pdf_resident import (
    BRIDGE_SCRIPT,
    ResidentConverter,
    find_preview_converter,
    find_uno_python,
    uno_python_candidates,
)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="stand-in shell scripts")


def executable(path: Path, text: str = "#!/bin/sh\nexit 0\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_libreoffices_own_python_is_tried_first_on_each_platform(tmp_path: Path) -> None:
    program = tmp_path / "LibreOffice" / "program"
    assert uno_python_candidates(program / "soffice.exe", "win32") == [
        (program / "python.exe").resolve()
    ]
    macos = tmp_path / "LibreOffice.app" / "Contents"
    assert uno_python_candidates(macos / "MacOS" / "soffice", "darwin") == [
        (macos / "Resources" / "python").resolve()
    ]
    linux = uno_python_candidates(program / "soffice", "linux")
    assert linux == [(program / "python").resolve(), Path("/usr/bin/python3")]


@posix_only
def test_the_first_interpreter_that_exists_is_used(tmp_path: Path) -> None:
    present = executable(tmp_path / "python3")
    not_runnable = tmp_path / "python"
    not_runnable.write_text("", encoding="utf-8")
    assert find_uno_python([tmp_path / "missing", not_runnable, present]) == present
    assert find_uno_python([tmp_path / "missing"]) is None


@posix_only
def test_the_preview_keeps_libreoffice_running_and_the_export_does_not(tmp_path: Path) -> None:
    soffice = executable(tmp_path / "bin" / "soffice")
    preview = find_preview_converter(str(tmp_path / "bin"), candidates=[])
    assert isinstance(preview, ResidentConverter)
    assert preview.binary == soffice and preview.name == "LibreOffice"
    assert isinstance(preview.fallback, LibreOfficeConverter)  # the one-shot call, if needed
    assert preview.soffice_pid is None  # nothing starts before the first document
    empty = tmp_path / "empty"
    empty.mkdir()
    assert find_preview_converter(str(empty), candidates=[]) is None


def test_the_bridge_ships_beside_the_converter_and_imports_no_noticedesk_code() -> None:
    text = BRIDGE_SCRIPT.read_text(encoding="utf-8")
    imports = [
        line.split()[1]
        for line in text.splitlines()
        if line.lstrip().startswith(("import ", "from "))
    ]
    # Another interpreter runs it, without NoticeDesk's packages: the standard library and uno.
    assert imports and not [name for name in imports if name.startswith("noticedesk")]
    assert "uno" in imports
    assert "writer_pdf_Export" in text and "ExportBookmarksToPDFDestination" in text
