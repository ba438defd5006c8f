"""An unexpected error inside the window: a report is written and a box says so."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from noticedesk.gui.common.crash_handler import install_crash_handler


def test_unexpected_error_writes_a_report_and_shows_a_box(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    parent = QWidget()
    qtbot.addWidget(parent)
    install_crash_handler(tmp_path, lambda: parent)
    try:
        raise RuntimeError("株式会社秘密の名前")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)

    boxes = [w for w in parent.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1
    reports = list((tmp_path / "logs").glob("crash-*.txt"))
    assert len(reports) == 1
    assert str(reports[0]) in boxes[0].text()
    assert "秘密" not in reports[0].read_text(encoding="utf-8")
    boxes[0].close()
