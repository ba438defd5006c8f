"""The .exe's version resource says NoticeDesk, its publisher and the package's version.

PyInstaller writes the resource only on Windows, but its reader and its serialiser are plain
Python: the files build.spec writes are read back here by PyInstaller's own code (its two
Windows-only imports replaced by stand-ins) and turned into the bytes the .exe would carry.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from noticedesk import __version__
from tests.helpers.paths import REPO


def _load(path: Path, name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def versioninfo(monkeypatch: pytest.MonkeyPatch) -> Any:
    pytest.importorskip("PyInstaller")
    import PyInstaller.compat

    monkeypatch.setitem(
        sys.modules, "pefile", sys.modules.get("pefile", types.ModuleType("pefile"))
    )
    monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)
    monkeypatch.delitem(sys.modules, "PyInstaller.utils.win32.versioninfo", raising=False)
    from PyInstaller.utils.win32 import versioninfo

    return versioninfo


def test_each_program_carries_name_publisher_and_the_package_version(
    versioninfo: Any, tmp_path: Path
) -> None:
    resource = _load(REPO / "installer" / "version_resource.py", "version_resource")
    written = resource.write_version_files(tmp_path, __version__)
    assert set(written) == {"NoticeDesk", "noticedesk-cli"}
    major, minor, patch, _ = resource.numeric_version(__version__)
    for program, path in written.items():
        info = versioninfo.load_version_info_from_text_file(str(path))
        assert (info.ffi.fileVersionMS, info.ffi.fileVersionLS) == (
            major << 16 | minor,
            patch << 16,
        )
        table = info.kids[0].kids[0]
        strings = {s.name: s.val for s in table.kids}
        assert table.name == "041104B0"  # Japanese, Unicode
        assert strings["ProductName"] == "NoticeDesk"
        assert strings["CompanyName"] == resource.COMPANY
        assert strings["ProductVersion"] == strings["FileVersion"] == __version__
        assert strings["OriginalFilename"] == f"{program}.exe"
        assert len(info.toRaw()) > 500  # serialises into the resource PyInstaller embeds


@pytest.mark.parametrize(
    ("version", "numbers"),
    [("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("2.0.1rc1", (2, 0, 1, 0)),
     ("1.0.0+local.5", (1, 0, 0, 0))],
)  # fmt: skip
def test_version_numbers_become_the_four_windows_keeps(
    version: str, numbers: tuple[int, ...]
) -> None:
    resource = _load(REPO / "installer" / "version_resource.py", "version_resource")
    assert resource.numeric_version(version) == numbers
    with pytest.raises(ValueError):
        resource.numeric_version("dev")
    with pytest.raises(ValueError):
        resource.numeric_version("1.70000")
