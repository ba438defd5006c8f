"""Choosing where to export and which documents: the folder and one box per document kind.

Every kind is ticked by default; the own-report guide goes only to clients who report
individually whatever is ticked here (the engine decides per client). The dialog does not
export: the window reads ``out_dir()``, ``kinds()`` and ``print_files()`` once it is accepted.

"Also make print files" adds, per ticked document, one file with every client's copy for
printing the batch at once (``印刷用/``); the flow remembers the choice.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from noticedesk.core.documents.kinds import DOCUMENT_KINDS, KINDS
from noticedesk.core.documents.print_files import PRINT_FOLDER
from noticedesk.gui.common.file_chooser import FileChooser
from noticedesk.gui.common.form_parts import dialog_buttons, error_label
from noticedesk.gui.table.model import document_titles


class ExportDialog(QDialog):
    def __init__(
        self,
        start_dir: Path | None,
        chooser: FileChooser,
        *,
        kinds: Sequence[str] = DOCUMENT_KINDS,
        clients: int = 0,
        templates_dir: Path | None = None,
        print_files: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export documents"))
        self.setMinimumWidth(560)
        self._chooser = chooser

        intro = QLabel(
            self.tr(
                "One folder per client is made in the chosen folder, with its documents "
                "numbered in envelope order, and the list of clients for the regulator."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.folder = QLineEdit(str(start_dir) if start_dir else "", self)
        self.browse = QPushButton(self.tr("&Browse…"), self)
        self.browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        form = QFormLayout()
        folder_label = QLabel(self.tr("E&xport to"), self)
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        # Which templates the documents come from (Settings → Template folder… changes it).
        self.templates = QLabel(
            str(templates_dir)
            if templates_dir is not None
            else QCoreApplication.translate(
                "TemplatesDialog", "Standard templates (shipped with NoticeDesk)"
            ),
            self,
        )
        self.templates.setWordWrap(True)
        self.templates.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Templates"), self.templates)

        titles = document_titles()
        self.kind_boxes: dict[str, QCheckBox] = {}
        group = QGroupBox(self.tr("Documents"), self)
        group_layout = QVBoxLayout(group)
        for kind in sorted(DOCUMENT_KINDS, key=lambda k: KINDS[k].file_prefix):
            box = QCheckBox(f"{KINDS[kind].file_prefix} {titles[kind]}", group)
            box.setObjectName(kind)
            box.setChecked(kind in kinds)
            if KINDS[kind].for_individual_only:
                box.setToolTip(self.tr("Only for clients who report individually"))
            self.kind_boxes[kind] = box
            group_layout.addWidget(box)

        self.print_files_box = QCheckBox(
            self.tr("Also make print files (one file per document with every client)"), self
        )
        self.print_files_box.setObjectName("print_files")
        self.print_files_box.setChecked(print_files)
        self.print_files_box.setToolTip(
            self.tr(
                "In the folder “%1”: each ticked document for every client in one Word file, "
                "each client on a new page, to print the whole batch at once."
            ).replace("%1", PRINT_FOLDER)
        )

        count = QLabel(self.tr("Clients: %1").replace("%1", str(clients)), self)
        self.errors = error_label(self)
        buttons = dialog_buttons(self, accept_text=self.tr("&Export"))
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(group)
        layout.addWidget(self.print_files_box)
        layout.addWidget(count)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        start = Path(self.folder.text()) if self.folder.text().strip() else None
        self._chooser.choose_folder(
            self, self.tr("Folder to export to"), start, lambda p: self.folder.setText(str(p))
        )

    def out_dir(self) -> Path:
        return Path(self.folder.text().strip())

    def kinds(self) -> list[str]:
        return [kind for kind in DOCUMENT_KINDS if self.kind_boxes[kind].isChecked()]

    def print_files(self) -> bool:
        return self.print_files_box.isChecked()

    def accept(self) -> None:
        problems = []
        if not self.folder.text().strip():
            problems.append(self.tr("Choose a folder to export to."))
        elif not self.out_dir().is_absolute():
            problems.append(self.tr("Give the whole path of the folder (for example C:\\…)."))
        if not self.kinds():
            problems.append(self.tr("Tick at least one document."))
        if problems:
            self.errors.setText("\n".join(problems))
            self.errors.show()
            return
        self.errors.hide()
        super().accept()
