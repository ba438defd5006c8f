"""What the build leaves out (tools/lean_build.py): the lists stay true to the program.

These run without building: a Qt module the program starts to import, or a plugin or library
the lists would drop by mistake, fails here instead of in the built program.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from tests.helpers.paths import REPO
from tools.lean_build import (
    QT_MODULES_KEPT,
    QT_MODULES_USED,
    UNUSED_PACKAGES,
    keep_binary,
    keep_data,
    unused_qt_modules,
    without_unlinked_libraries,
)


def _imported_modules() -> set[str]:
    found: set[str] = set()
    for source in (REPO / "noticedesk").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_the_qt_modules_kept_are_those_the_program_imports() -> None:
    imported = {m.split(".")[1] for m in _imported_modules() if m.startswith("PySide6.Qt")}
    assert imported == set(QT_MODULES_USED)


def test_no_package_left_out_is_one_the_program_imports() -> None:
    top_level = {m.split(".")[0] for m in _imported_modules()}
    assert not top_level & set(UNUSED_PACKAGES)


def test_every_other_pyside6_module_is_left_out(tmp_path: Path) -> None:
    for name in (
        "QtCore.abi3.so",
        "QtWidgets.pyi",
        "QtDBus.pyd",
        "QtNetwork.abi3.so",
        "QtQuick.pyi",
    ):
        (tmp_path / name).touch()
    assert unused_qt_modules(tmp_path) == ["PySide6.QtQuick"]
    assert "QtDBus" in QT_MODULES_KEPT  # QtPrintSupport loads it on Linux


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-x11-integration.so", False),
    ],
)
def test_unused_qt_plugins_are_dropped_and_the_needed_ones_kept(dest: str, kept: bool) -> None:
    assert keep_binary((dest, "/src", "BINARY")) is kept


def test_qt_translations_are_kept_for_the_offered_languages_only() -> None:
    kept = [
        name
        for name in ("qtbase_ja.qm", "qtbase_en.qm", "qtbase_de.qm", "qt_zh_CN.qm")
        if keep_data((f"PySide6/Qt/translations/{name}", "/src", "DATA"))
    ]
    assert kept == ["qtbase_ja.qm", "qtbase_en.qm"]
    # NoticeDesk's own translation is not Qt's: never touched.
    assert keep_data(("noticedesk/_bundled/resources/i18n/noticedesk_ja.qm", "/src", "DATA"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prunes Linux libraries only")
def test_libraries_only_a_dropped_plugin_needed_are_dropped_with_it() -> None:
    binaries = [
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "/s/cupsplugin", "BINARY"),
        ("PySide6/QtGui.abi3.so", "/s/QtGui", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/s/libQt6Gui", "BINARY"),
        ("PySide6/Qt/lib/libQt6Qml.so.6", "/s/libQt6Qml", "BINARY"),  # for the dropped QML
        ("libcups.so.2", "/s/libcups", "BINARY"),
        ("libgnutls.so.30", "/s/libgnutls", "BINARY"),  # reached through libcups
        ("libgtk-3.so.0", "/s/libgtk", "BINARY"),  # its theme plugin was dropped
        ("libcairo.so.2", "/s/libcairo", "BINARY"),
        ("python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so", "/s/_ssl", "BINARY"),
    ]
    links = {
        "/s/cupsplugin": ["libcups.so.2", "libQt6Gui.so.6"],
        "/s/QtGui": ["libQt6Gui.so.6"],
        "/s/libcups": ["libgnutls.so.30"],
        "/s/libgtk": ["libcairo.so.2"],
    }

    def imports(path: str) -> list[tuple[str, str | None]]:
        return [(name, None) for name in links.get(path, [])]

    kept = [dest for dest, _src, _kind in without_unlinked_libraries(binaries, imports)]
    assert kept == [
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/QtGui.abi3.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "libcups.so.2",
        "libgnutls.so.30",
        "python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so",
    ]
