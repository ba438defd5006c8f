"""The Help menu's dialogs: version information, the day-by-day guide, the licences.

- ``AboutDialog`` (バージョン情報): NoticeDesk's version, the Qt, PySide6 and Python it runs on,
  and the data folder with a button that opens it, so an office can tell its support who and
  where it is;
- ``GuideDialog`` (使い方): the README's "A day's work in the window", read from the README
  shipped with the program (``core.bundled.readme_file``), so the guide and the README never
  differ;
- ``LicencesDialog`` (ライセンス): the third-party notices (``core.notices``): each library's
  name, version and licence, then every licence text; the built program's own
  THIRD_PARTY_NOTICES.txt, or in a source checkout the same text made from what is installed.

Like the other dialogs they only show; opening a folder is the caller's ``open_url``.
"""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import noticedesk
from noticedesk.gui.common.file_chooser import OpenUrl
from noticedesk.gui.common.form_parts import hint

GUIDE_HEADING = "## A day's work in the window"


def _close_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    return buttons


class AboutDialog(QDialog):
    """バージョン情報: what runs, and where its data is."""

    def __init__(self, data_dir: Path, open_url: OpenUrl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About NoticeDesk"))
        self.setMinimumWidth(520)
        self._data_dir = Path(data_dir)
        self._open_url = open_url
        title = QLabel(f"<b>NoticeDesk {noticedesk.__version__}</b>", self)
        title.setObjectName("title")
        purpose = QLabel(
            self.tr(
                "Breach notices for the clients of a labour and social-insurance consulting "
                "office: the list for the PPC's joint report and each client's documents."
            ),
            self,
        )
        purpose.setWordWrap(True)
        self.versions = QLabel(runtime_versions(), self)
        self.versions.setObjectName("versions")
        self.folder = QLabel(str(self._data_dir), self)
        self.folder.setObjectName("dataFolder")
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder = QPushButton(self.tr("&Open the data folder"), self)
        self.open_folder.clicked.connect(self.open_data_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.open_folder)
        form = QFormLayout()
        form.addRow(self.tr("Runs on"), self.versions)
        form.addRow(self.tr("Data folder"), folder_row)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(purpose)
        layout.addLayout(form)
        layout.addWidget(
            hint(
                self.tr(
                    "The cases, the office profile and the settings are kept in the data "
                    "folder. Give this window's details when you ask for support."
                ),
                self,
            )
        )
        layout.addStretch(1)
        layout.addWidget(_close_buttons(self))

    def open_data_folder(self) -> None:
        self._open_url(QUrl.fromLocalFile(str(self._data_dir)))


def runtime_versions() -> str:
    """Qt, PySide6 and Python, as a support desk asks for them."""
    return (
        f"Qt {qVersion()}　PySide6 {PySide6.__version__}　"
        f"Python {platform.python_version()}　{platform.system()} {platform.release()}"
    )


# -- the guide --------------------------------------------------------------------------------


def guide_text(readme: str, heading: str = GUIDE_HEADING) -> str:
    """The README's section under ``heading`` (Markdown, without its pictures): "" if absent."""
    lines = readme.splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == heading)
    except StopIteration:
        return ""
    body: list[str] = []
    for line in lines[start:]:
        if body and line.startswith("## "):
            break
        if line.lstrip().startswith("!["):  # a picture beside the README, not shipped
            continue
        body.append(line)
    body[0] = body[0][1:]  # "## …" → "# …": the section's own title is the page's
    return "\n".join(body).strip() + "\n"


class GuideDialog(QDialog):
    """使い方: the README's day-by-day guide, as Markdown in a browser pane."""

    def __init__(self, readme: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("How to use NoticeDesk"))
        self.resize(720, 560)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        try:
            text = guide_text(readme.read_text(encoding="utf-8"))
        except OSError:
            text = ""
        if text:
            self.browser.setMarkdown(text)
        else:
            self.browser.setPlainText(
                self.tr(
                    "The guide is not included in this installation. It is the section "
                    "“A day's work in the window” of NoticeDesk's README."
                )
            )
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(_close_buttons(self))


# -- the licences -------------------------------------------------------------------------------


class LicencesDialog(QDialog):
    """ライセンス: the libraries NoticeDesk includes, their licences and the licence texts."""

    def __init__(self, notices: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Licences"))
        self.resize(760, 560)
        intro = QLabel(
            self.tr(
                "NoticeDesk includes these libraries, each under its own licence: the list "
                "first, then every licence text. The program's folder holds the same text as "
                "THIRD_PARTY_NOTICES.txt."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.browser = QTextBrowser(self)
        self.browser.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.browser.setLineWrapMode(QTextBrowser.LineWrapMode.NoWrap)
        self.browser.setPlainText(notices)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.browser, 1)
        layout.addWidget(_close_buttons(self))
