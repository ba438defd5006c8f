"""The Help menu's dialogs: version information, the day-by-day guide, the licences.

- ``AboutDialog`` (バージョン情報): NoticeDesk's version, the Qt, PySide6 and Python it runs on,
  and the data folder with a button that opens it, so an office can tell its support who and
  where it is;
- ``GuideDialog`` (使い方): the README's "A day's work in the window", read from the README
  shipped with the program (``core.bundled.readme_file``), so the guide and the README never
  differ;
- ``LicencesDialog`` (ライセンス): each main dependency's name, version and licence, read from
  the installed distributions at run time (``importlib.metadata``: NoticeDesk's own requirements,
  without the test extras). The full licence texts ship with the installer; the dialog says so.

Like the other dialogs they only show; opening a folder is the caller's ``open_url``.
"""

from __future__ import annotations

import platform
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

import noticedesk
from noticedesk.gui.common.file_chooser import OpenUrl
from noticedesk.gui.common.form_parts import hint

GUIDE_HEADING = "## A day's work in the window"
# Used where the installation carries no metadata of its own (a frozen build without it).
MAIN_DEPENDENCIES = (
    "PySide6-Essentials",
    "pandas",
    "docxtpl",
    "python-docx",
    "Jinja2",
    "lxml",
    "keyring",
    "python-calamine",
    "openpyxl",
    "odfpy",
    "xlrd",
    "charset-normalizer",
    "cryptography",
    "platformdirs",
    "tomli-w",
    "pypdfium2",
    "jpholiday",
)


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


@dataclass(frozen=True, slots=True)
class Licence:
    name: str
    version: str  # "" when the distribution is not found
    licence: str  # "" when its metadata does not say


def _requirement_name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[(]", requirement.strip(), maxsplit=1)[0]


def main_dependencies() -> list[str]:
    """NoticeDesk's own requirements (not the test extras), by their distribution names."""
    try:
        required = metadata.requires("noticedesk") or []
    except metadata.PackageNotFoundError:
        return list(MAIN_DEPENDENCIES)
    names = [_requirement_name(r) for r in required if "extra ==" not in r]
    return names or list(MAIN_DEPENDENCIES)


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    """A metadata field's first value, "" when absent (``meta[name]`` warns or raises then)."""
    values = meta.get_all(name) or []
    return str(values[0]).strip() if values else ""


def licence_field(meta: metadata.PackageMetadata) -> str:
    """The licence a distribution states: its SPDX expression, a short License field, or the
    licence classifiers; "" when none says."""
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    text = _field(meta, "License")
    if text and "\n" not in text and len(text) <= 80:
        return text
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    if classifiers:
        return ", ".join(classifiers)
    return text.splitlines()[0][:80] if text else ""


def installed_licences(
    names: list[str] | None = None,
    read: Callable[[str], metadata.PackageMetadata] = metadata.metadata,
) -> list[Licence]:
    """Name, version and licence of each distribution, as installed; sorted by name."""
    found = []
    for name in names if names is not None else main_dependencies():
        try:
            meta = read(name)
        except metadata.PackageNotFoundError:
            found.append(Licence(name, "", ""))
            continue
        found.append(
            Licence(_field(meta, "Name") or name, _field(meta, "Version"), licence_field(meta))
        )
    return sorted(found, key=lambda entry: entry.name.casefold())


class LicencesDialog(QDialog):
    """ライセンス: the main libraries NoticeDesk is built on, with their licences."""

    def __init__(self, licences: list[Licence], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Licences"))
        self.resize(640, 480)
        intro = QLabel(
            self.tr(
                "NoticeDesk is built on these libraries, each under its own licence (as "
                "installed on this computer). The full licence texts ship with the installer."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Library"), self.tr("Version"), self.tr("Licence")])
        for entry in licences:
            item = QTreeWidgetItem(
                [
                    entry.name,
                    entry.version or self.tr("not installed"),
                    entry.licence or self.tr("not stated"),
                ]
            )
            item.setToolTip(2, entry.licence)  # a long one is cut in the column
            self.list.addTopLevelItem(item)
        header = self.list.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(_close_buttons(self))
