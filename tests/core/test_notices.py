"""THIRD_PARTY_NOTICES: libraries, licences and licence texts, from the distributions' metadata."""

from __future__ import annotations

from email.message import Message
from importlib import metadata
from pathlib import Path
from typing import cast

import pytest

from noticedesk.core import notices
from noticedesk.core.notices import (
    build_notices,
    licence_field,
    notice_of,
    notices_text,
    render_notices,
    runtime_distributions,
)


def meta(**fields: str | list[str]) -> metadata.PackageMetadata:
    message = Message()
    for name, value in fields.items():
        for one in value if isinstance(value, list) else [value]:
            message[name.replace("_", "-")] = one
    return cast(metadata.PackageMetadata, message)


def dist_info(
    root: Path, name: str, fields: dict[str, str | list[str]], files: dict[str, bytes] | None = None
) -> metadata.Distribution:
    """A distribution as installed: ``name-1.0.dist-info`` with METADATA, RECORD and ``files``."""
    folder = root / f"{name}-1.0.dist-info"
    folder.mkdir(parents=True)
    lines = [f"Metadata-Version: 2.4\nName: {name}\nVersion: 1.0"]
    lines += [
        f"{k.replace('_', '-')}: {v}"
        for k, vs in fields.items()
        for v in ([vs] if isinstance(vs, str) else vs)
    ]
    (folder / "METADATA").write_text("\n".join(lines) + "\n", encoding="utf-8")
    record = ["METADATA", "RECORD"]
    for relative, data in (files or {}).items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(data)
        record.append(relative)
    (folder / "RECORD").write_text(
        "".join(f"{folder.name}/{r},,\n" for r in record), encoding="utf-8"
    )
    return metadata.PathDistribution(folder)


def test_a_licence_is_read_from_the_expression_the_field_or_the_classifiers() -> None:
    assert licence_field(meta(License_Expression="MIT", License="whatever")) == "MIT"
    assert licence_field(meta(License="BSD-3-Clause")) == "BSD-3-Clause"
    classified = meta(
        License="Copyright (c) 2010\nAll rights reserved.\n" + "x" * 300,
        Classifier=["Programming Language :: Python", "License :: OSI Approved :: BSD License"],
    )
    assert licence_field(classified) == "BSD License"
    assert licence_field(meta()) == ""


def test_the_licence_files_a_distribution_carries_are_its_texts(tmp_path: Path) -> None:
    dist = dist_info(
        tmp_path,
        "pdfiumlike",
        {
            "License_Expression": "BSD-3-Clause",
            "License_File": ["LICENSE", "BUILD_LICENSES/freetype.txt"],
            "Project_URL": ["Source, https://example.org/src", "Homepage, https://example.org"],
        },
        {
            "licenses/LICENSE": b"BSD text",
            "licenses/BUILD_LICENSES/freetype.txt": "FreeType © 2024".encode("latin-1"),
        },
    )
    notice = notice_of(dist)
    assert (notice.name, notice.version, notice.licence) == ("pdfiumlike", "1.0", "BSD-3-Clause")
    assert notice.home == "https://example.org"
    assert [(t.name, t.text) for t in notice.texts] == [
        ("licenses/LICENSE", "BSD text"),
        ("licenses/BUILD_LICENSES/freetype.txt", "FreeType © 2024"),  # saved as Latin-1
    ]


def test_a_licence_file_beside_the_metadata_is_found_by_its_name(tmp_path: Path) -> None:
    dist = dist_info(tmp_path, "oldstyle", {"License": "MIT"}, {"LICENSE.txt": b"MIT text"})
    assert [t.text for t in notice_of(dist).texts] == ["MIT text"]


def test_an_lgpl_library_without_a_licence_file_gets_the_standard_text(tmp_path: Path) -> None:
    qt_like = dist_info(
        tmp_path, "qtlike", {"License": "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only"}
    )
    texts = notice_of(qt_like).texts
    assert [t.name for t in texts] == ["standard text: LGPL-3.0.txt", "standard text: GPL-3.0.txt"]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in texts[0].text and "Version 3" in texts[0].text
    assert "GNU GENERAL PUBLIC LICENSE" in texts[1].text
    docxtpl_like = dist_info(tmp_path, "tpl", {"License": "LGPL-2.1-only"})
    assert "Version 2.1" in notice_of(docxtpl_like).texts[0].text
    bare = dist_info(tmp_path, "bare", {"License": "MIT"})
    assert notice_of(bare).texts == ()
    assert "(The distribution carries no licence file.)" in render_notices([notice_of(bare)])


def test_the_runtime_list_follows_requirements_but_not_extras(tmp_path: Path) -> None:
    dists = {
        "app": dist_info(
            tmp_path, "app", {"Requires_Dist": ["lib-a>=1", "tests; extra == 'test'"]}
        ),
        "lib-a": dist_info(
            tmp_path, "lib_a", {"Requires_Dist": ["lib-b; sys_platform == 'win32'", "missing"]}
        ),
        "lib-b": dist_info(tmp_path, "lib_b", {}),
        "tests": dist_info(tmp_path, "tests", {}),
    }

    def find(name: str) -> metadata.Distribution:
        if name.replace("_", "-") not in dists:
            raise metadata.PackageNotFoundError(name)
        return dists[name.replace("_", "-")]

    # lib-b is installed, so it is listed whatever its marker; "missing" is not installed.
    assert [d.metadata["Name"] for d in runtime_distributions("app", find)] == ["lib_a", "lib_b"]


def test_the_notices_of_this_installation_name_the_lgpl_libraries_with_their_texts() -> None:
    text = notices_text()
    summary = text.split("=" * 78)[1]
    pyside = next(line for line in summary.splitlines() if line.lower().startswith("pyside6"))
    assert "LGPL-3.0" in pyside
    for name in ("shiboken6", "docxtpl", "pypdfium2", "pandas", "keyring"):
        assert f"\n{name} " in summary
    assert "GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 3" in text
    assert "Version 2.1, February 1999" in text  # docxtpl's
    assert "[licenses/BUILD_LICENSES/pdfium.txt]" in text  # PDFium's notices, from pypdfium2
    assert "_internal/docxtpl" in text  # where a user replaces the LGPL library


def test_a_build_lists_what_it_collected_and_the_python_it_carries() -> None:
    text = build_notices(
        ["PySide6", "docxtpl", "numpy", "noticedesk", "json"], also=["pyinstaller"]
    )
    summary = text.split("=" * 78)[1]
    names = [line.split()[0] for line in summary.strip().splitlines()[2:]]
    assert names == ["Python", "docxtpl", "numpy", "pyinstaller", "PySide6_Essentials"]
    assert "A. HISTORY OF THE SOFTWARE" in text  # Python's own LICENSE.txt


def test_a_shipped_notices_file_is_what_the_program_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = tmp_path / "THIRD_PARTY_NOTICES.txt"
    shipped.write_text("the build's notices\n", encoding="utf-8")
    monkeypatch.setattr(notices, "bundled_notices_file", lambda: shipped)
    notices_text.cache_clear()
    try:
        assert notices_text() == "the build's notices\n"
    finally:
        notices_text.cache_clear()


def test_a_checkout_never_installed_lists_the_requirements_of_its_pyproject() -> None:
    def find(name: str) -> metadata.Distribution:
        if name == "noticedesk":  # as in a checkout run with python -m noticedesk, never installed
            raise metadata.PackageNotFoundError(name)
        return metadata.distribution(name)

    names = {d.metadata["Name"].lower() for d in runtime_distributions("noticedesk", find)}
    assert {"pandas", "pyside6_essentials", "shiboken6", "docxtpl", "numpy"} <= names
    assert not names & {"pytest", "odfpy", "xlrd"}  # the test extras and what is not required
