"""Choosing a folder or a file to write, without blocking; and how a file or folder is opened.

The window asks a ``FileChooser`` instead of calling QFileDialog itself, so tests can use Qt's
own (non-native) dialog and drive it like a user, and the program uses the system's dialog.
Every dialog is shown with ``open()``; the answer arrives through a callback.

``OpenUrl`` is how the window opens a folder or a document in the system's program
(``QDesktopServices.openUrl``); tests pass a recorder instead.

Decision: overwrite questions are NoticeDesk's own (``DontConfirmOverwrite``): the window asks
in its own words and through its own non-blocking box, the same way on every platform.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QFileDialog, QWidget

Chosen = Callable[[Path], None]
OpenUrl = Callable[[QUrl], Any]  # True when a program took the URL


class FileChooser:
    def __init__(self, *, native: bool = True) -> None:
        self.native = native
        self.dialog: QFileDialog | None = None  # the dialog open now (tests answer it)

    def _dialog(self, parent: QWidget, title: str, start: Path | None) -> QFileDialog:
        dialog = QFileDialog(parent, title, str(start) if start else "")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, not self.native)
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
        return dialog

    def _show(self, dialog: QFileDialog, on_chosen: Chosen) -> None:
        self.dialog = dialog

        def done(result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            files = dialog.selectedFiles()
            dialog.deleteLater()
            if result == QFileDialog.DialogCode.Accepted and files:
                on_chosen(Path(files[0]))

        dialog.finished.connect(done)
        dialog.open()

    def choose_folder(
        self, parent: QWidget, title: str, start: Path | None, on_chosen: Chosen
    ) -> None:
        dialog = self._dialog(parent, title, start)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        self._show(dialog, on_chosen)

    def choose_save_file(
        self,
        parent: QWidget,
        title: str,
        start: Path | None,
        name_filter: str,
        on_chosen: Chosen,
    ) -> None:
        dialog = self._dialog(parent, title, start)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilters([name_filter])
        suffix = Path(start).suffix.lstrip(".") if start else ""
        if suffix:
            dialog.setDefaultSuffix(suffix)
        self._show(dialog, on_chosen)
