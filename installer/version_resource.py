"""The Windows version resource of NoticeDesk.exe and noticedesk-cli.exe, made from the package.

Explorer's Properties → Details, Task Manager and endpoint-security consoles read a program's
name, publisher and version from this resource; an .exe without one looks like anything.
build.spec calls ``write_version_files`` at build time, so the version is always
``noticedesk.__version__`` and never typed twice. PyInstaller reads the written text files
(its ``VSVersionInfo`` format) only on Windows; elsewhere it ignores them.

Only the standard library: build.spec loads this file by path, before anything is installed
that the program itself needs.
"""

from __future__ import annotations

import re
from pathlib import Path

PRODUCT = "NoticeDesk"
# The publisher shown in Properties and in the installer. Keep it equal to the name in the
# code-signing certificate's subject once there is one.
COMPANY = "NoticeDesk"
COPYRIGHT = "© NoticeDesk"

# Japanese (0x0411), Unicode (1200): the string table's language and code page.
LANGUAGE, CODEPAGE = 0x0411, 1200

PROGRAMS: dict[str, str] = {
    "NoticeDesk": "NoticeDesk — 個人情報漏えい等の通知文書作成",
    "noticedesk-cli": "NoticeDesk コマンドライン",
}


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """The four numbers Windows keeps: "0.1.0" → (0, 1, 0, 0); "1.2.0rc1" → (1, 2, 0, 0)."""
    parts = [int(p) for p in re.findall(r"\d+", version.split("+")[0])[:3]]
    if not parts or not re.match(r"\d", version):
        raise ValueError(f"not a version number: {version!r}")
    while len(parts) < 4:
        parts.append(0)
    if any(p > 0xFFFF for p in parts):
        raise ValueError(f"a Windows version number is at most 65535 per part: {version!r}")
    return (parts[0], parts[1], parts[2], parts[3])


def version_file_text(version: str, program: str) -> str:
    """PyInstaller's version file for ``program`` (a key of PROGRAMS) at ``version``."""
    numbers = numeric_version(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": PROGRAMS[program],
        "FileVersion": version,
        "InternalName": program,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": f"{program}.exe",
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# -*- coding: utf-8 -*-
# Written by installer/version_resource.py at build time; not edited by hand.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '{LANGUAGE:04X}{CODEPAGE:04X}',
        [
{table}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [{LANGUAGE}, {CODEPAGE}])])
  ]
)
"""


def write_version_files(folder: Path, version: str) -> dict[str, Path]:
    """One version file per program in ``folder``; their paths by program name."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for program in PROGRAMS:
        path = folder / f"version-{program}.txt"
        path.write_text(version_file_text(version, program), encoding="utf-8")
        written[program] = path
    return written
