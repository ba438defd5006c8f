"""The paths a drag carries, without widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl

from noticedesk.gui.clients.drop import first_roster, local_paths, roster_paths


def _mime(*urls: QUrl) -> QMimeData:
    mime = QMimeData()
    mime.setUrls(list(urls))
    return mime


def test_only_local_roster_files_are_taken_from_a_drag(tmp_path: Path) -> None:
    csv = tmp_path / "顧問先一覧.CSV"
    xlsx = tmp_path / "名簿 2023.xlsx"
    mime = _mime(
        QUrl("https://example.jp/list.csv"),
        QUrl.fromLocalFile(str(tmp_path / "説明.pdf")),
        QUrl.fromLocalFile(str(csv)),
        QUrl.fromLocalFile(str(xlsx)),
    )
    assert local_paths(mime) == [tmp_path / "説明.pdf", csv, xlsx]
    assert roster_paths(mime) == [csv, xlsx]
    assert first_roster(mime) == csv
    text_only = QMimeData()
    text_only.setText(str(csv))
    assert first_roster(text_only) is None
