"""Settings → Template folder…: which Word templates the documents are made from.

Shows the folder in use (or the standard templates), which document comes from which file, and
the problems the check found, each with the template's file name. Choosing a folder, going back
to the standard templates and "Check again" take effect at once; there is nothing to confirm.

The dialog changes the setting through ``TemplateSetting``, which ``TemplateFolder`` fulfils:
the folder opens the dialog, and the dialog needs nothing of the folder's module.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from noticedesk.core.documents.kinds import DOCUMENT_KINDS, KINDS
from noticedesk.gui.common.file_chooser import FileChooser
from noticedesk.gui.table.model import document_titles
from noticedesk.gui.templates.files import own_kinds, template_file


class TemplateSetting(Protocol):
    """What the dialog changes: the window's ``TemplateFolder``."""

    def folder(self) -> Path | None: ...
    def choose(self, folder: Path) -> bool: ...
    def use_standard(self) -> None: ...
    def reload(self) -> None: ...
    def open_standard_folder(self) -> None: ...
    def problem_texts(self, kinds: Sequence[str] = ...) -> list[str]: ...


class TemplatesDialog(QDialog):
    def __init__(
        self, templates: TemplateSetting, chooser: FileChooser, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.templates = templates
        self._chooser = chooser
        self.setWindowTitle(self.tr("Template folder"))
        self.setMinimumWidth(600)

        intro = QLabel(
            self.tr(
                "The documents are made from Word templates. To use your office's own wording, "
                "copy the standard templates into a folder of your own, edit them in Word "
                "(keep the file names), and choose that folder here. A document whose template "
                "is not in the folder is made from the standard one."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.folder_label = QLabel(self)
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder_form = QFormLayout()
        folder_form.addRow(self.tr("Folder:"), self.folder_label)

        titles = document_titles()
        group = QGroupBox(self.tr("Templates used"), self)
        kinds_form = QFormLayout(group)
        self.source_labels: dict[str, QLabel] = {}
        for kind in sorted(DOCUMENT_KINDS, key=lambda k: KINDS[k].file_prefix):
            label = QLabel(group)
            self.source_labels[kind] = label
            kinds_form.addRow(f"{KINDS[kind].file_prefix} {titles[kind]}", label)

        self.problems_label = QLabel(self)
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.choose_button = QPushButton(self.tr("&Choose folder…"), self)
        self.choose_button.clicked.connect(self._browse)
        self.standard_button = QPushButton(self.tr("Use the &standard templates"), self)
        self.standard_button.clicked.connect(self.use_standard)
        self.open_standard_button = QPushButton(
            self.tr("&Open the standard templates folder"), self
        )
        self.open_standard_button.setToolTip(
            self.tr("Copy the templates from there into your own folder before editing them")
        )
        self.open_standard_button.clicked.connect(self.templates.open_standard_folder)
        choice_row = QHBoxLayout()
        for button in (self.choose_button, self.standard_button, self.open_standard_button):
            choice_row.addWidget(button)
        choice_row.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.check_button = buttons.addButton(
            self.tr("Check &again"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.check_button.clicked.connect(self.check_again)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(folder_form)
        layout.addLayout(choice_row)
        layout.addWidget(group)
        layout.addWidget(self.problems_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.refresh()

    # -- what the buttons do ----------------------------------------------------------------
    def _browse(self) -> None:
        self._chooser.choose_folder(
            self, self.tr("Folder with your templates"), self.templates.folder(), self.choose
        )

    def choose(self, folder: Path) -> None:
        """Use ``folder`` if it holds a template; else say what it should hold."""
        if not self.templates.choose(folder):
            names = ", ".join(template_file(k) for k in DOCUMENT_KINDS)
            self._show_problems(
                [
                    self.tr(
                        "%1 holds none of the template files (%2). Nothing was changed. Copy "
                        "the standard templates there first, edit them in Word, then choose "
                        "the folder again."
                    )
                    .replace("%1", str(folder))
                    .replace("%2", names)
                ]
            )
            return
        self.refresh()

    def use_standard(self) -> None:
        self.templates.use_standard()
        self.refresh()

    def check_again(self) -> None:
        self.templates.reload()
        self.refresh()

    # -- showing -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the folder in use, where each document comes from, and check the templates."""
        folder = self.templates.folder()
        self.standard_button.setEnabled(folder is not None)
        if folder is None:
            self.folder_label.setText(self.tr("Standard templates (shipped with NoticeDesk)"))
        else:
            self.folder_label.setText(str(folder))
        own = own_kinds(folder)
        for kind, label in self.source_labels.items():
            if kind in own:
                label.setText(self.tr("%1 in your folder").replace("%1", template_file(kind)))
            else:
                label.setText(self.tr("Standard template"))
        self._show_problems(self.templates.problem_texts())

    def _show_problems(self, texts: list[str]) -> None:
        if texts:
            self.problems_label.setStyleSheet("color: #b00020;")
            self.problems_label.setText(
                self.tr("These templates cannot be used yet:")
                + "\n"
                + "\n".join(f"・{t}" for t in texts)
            )
        elif self.templates.folder() is not None:
            self.problems_label.setStyleSheet("color: #1b5e20;")
            self.problems_label.setText(self.tr("The templates were checked: no problems."))
        else:
            self.problems_label.setStyleSheet("")
            self.problems_label.setText("")
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """Grow to show every problem line: an open dialog keeps its size when a label gets
        longer, and Qt then squeezes the list of templates until its lines overlap."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def problems_text(self) -> str:
        return self.problems_label.text()
