"""Choosing where to export, for which clients and which documents.

The clients: all of them, the selected rows, or the rows the search shows; and, for any of
these, only the documents not yet exported (by the status columns, per client and document).
Every kind is ticked by default; the own-report guide goes only to clients who report
individually whatever is ticked here (the core decides per client). A line under the choices
says how many documents for how many clients the export will write, as the core counts them
(``count``), and that the regulator's list is written for the whole case every time. The
dialog does not export: the flow reads ``out_dir()``, ``kinds()``, ``client_keys()``,
``pending_only()`` and ``print_files()`` once it is accepted.

"Also make print files" adds, per ticked document, one file with every client's copy for
printing the batch at once (``印刷用/``); the flow remembers the choice. It is offered only
when every client's documents are exported: the files are named for every client.

The file format: Word files (.docx), Word files and a PDF beside each, or PDF only
(``file_format()``; the print files follow it). Without Word or LibreOffice on the PC the PDF
choices are greyed and a line says why.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from noticedesk.core.addresses import LabelLayout
from noticedesk.core.documents.address_files import AddressOptions
from noticedesk.core.documents.kinds import DOCUMENT_KINDS, KINDS
from noticedesk.core.documents.print_files import PRINT_FOLDER
from noticedesk.gui.common.file_chooser import FileChooser
from noticedesk.gui.common.form_parts import dialog_buttons, error_label
from noticedesk.gui.export.address_choices import AddressChoices, office_layouts
from noticedesk.gui.table.model import document_titles

# (client keys or None for all, only the documents not yet exported, kinds) ->
# (clients, documents) the export would write.
CountDocuments = Callable[[Sequence[str] | None, bool, Sequence[str]], tuple[int, int]]

ALL, SELECTED, SHOWN = "all", "selected", "shown"
WORD, WORD_AND_PDF, PDF_ONLY = "docx", "docx+pdf", "pdf"  # the file formats
# The documents offered: every standard one, and the reply slip (unticked unless asked for).
OFFERED = (*DOCUMENT_KINDS, "reply")


class ExportDialog(QDialog):
    def __init__(
        self,
        start_dir: Path | None,
        chooser: FileChooser,
        *,
        kinds: Sequence[str] = DOCUMENT_KINDS,
        clients: int = 0,
        selected: Sequence[str] = (),
        shown: Sequence[str] | None = None,
        count: CountDocuments | None = None,
        templates_dir: Path | None = None,
        print_files: bool = False,
        file_format: str = WORD,
        pdf_available: bool = True,
        label_layouts: dict[str, LabelLayout] | None = None,
        layout_problem: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """``clients``: how many the case has; ``selected``: the keys of the selected rows;
        ``shown``: the keys of the rows the search shows (None: no search hides a row)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export documents"))
        self.setMinimumWidth(560)
        self._chooser = chooser
        self._keys: dict[str, list[str] | None] = {
            ALL: None,
            SELECTED: list(selected),
            SHOWN: list(shown) if shown is not None else [],
        }
        self._count = count

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

        who = self._clients_group(clients, len(selected), None if shown is None else len(shown))

        titles = document_titles()
        self.kind_boxes: dict[str, QCheckBox] = {}
        group = QGroupBox(self.tr("Documents"), self)
        group_layout = QVBoxLayout(group)
        for kind in sorted(OFFERED, key=lambda k: KINDS[k].file_prefix):
            box = QCheckBox(f"{KINDS[kind].file_prefix} {titles[kind]}", group)
            box.setObjectName(kind)
            box.setChecked(kind in kinds)
            if KINDS[kind].for_individual_only:
                box.setToolTip(self.tr("Only for clients who report individually"))
            elif KINDS[kind].for_joint_only:
                box.setToolTip(self.tr("Only for clients in the joint report"))
            self.kind_boxes[kind] = box
            box.toggled.connect(self._update)
            group_layout.addWidget(box)

        if label_layouts is None:
            label_layouts, layout_problem = office_layouts(None, "ja")
        self.address_choices = AddressChoices(label_layouts, layout_problem, self)
        self.address_choices.envelope_box.toggled.connect(self._update)
        self.address_choices.labels_box.toggled.connect(self._update)

        self.print_files_box = QCheckBox(
            self.tr("Also make print files (one file per document with every client)"), self
        )
        self.print_files_box.setObjectName("print_files")
        self.print_files_box.setChecked(print_files)
        self._print_files_tip = self.tr(
            "In the folder “%1”: each ticked document for every client in one Word file, "
            "each client on a new page, to print the whole batch at once."
        ).replace("%1", PRINT_FOLDER)
        self.print_files_box.setToolTip(self._print_files_tip)

        formats = self._formats_group(file_format, pdf_available)

        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.errors = error_label(self)
        buttons = dialog_buttons(self, accept_text=self.tr("&Export"))
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(who)
        layout.addWidget(group)
        layout.addWidget(self.address_choices)
        layout.addWidget(self.print_files_box)
        layout.addWidget(formats)
        layout.addWidget(self.summary)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)
        self._update()

    def _clients_group(self, clients: int, selected: int, shown: int | None) -> QGroupBox:
        """All clients, the selected rows, the rows the search shows; only what is not yet
        exported. A choice that names no row is offered greyed, with its count (0)."""
        group = QGroupBox(self.tr("Clients"), self)
        self.all_button = QRadioButton(
            self.tr("&All clients (%1)").replace("%1", str(clients)), group
        )
        self.selected_button = QRadioButton(
            self.tr("Se&lected rows (%1)").replace("%1", str(selected)), group
        )
        self.selected_button.setEnabled(selected > 0)
        self.shown_button = QRadioButton(
            self.tr("Rows the searc&h shows (%1)").replace("%1", str(shown or 0)), group
        )
        self.shown_button.setEnabled(bool(shown))
        if shown is None:
            self.shown_button.setToolTip(self.tr("Type in the search box to narrow the rows."))
        self.all_button.setChecked(True)
        self.scope_buttons = QButtonGroup(self)
        for scope, button in (
            (ALL, self.all_button),
            (SELECTED, self.selected_button),
            (SHOWN, self.shown_button),
        ):
            button.setObjectName(scope)
            self.scope_buttons.addButton(button)
            button.toggled.connect(self._update)
        self.pending_box = QCheckBox(self.tr("Only documents &not yet exported"), group)
        self.pending_box.setObjectName("pending_only")
        self.pending_box.setToolTip(
            self.tr(
                "Per client and document, by the status columns: a document already exported, "
                "printed or sent is left as it is."
            )
        )
        self.pending_box.toggled.connect(self._update)
        layout = QVBoxLayout(group)
        for widget in (self.all_button, self.selected_button, self.shown_button):
            layout.addWidget(widget)
        layout.addWidget(self.pending_box)
        return group

    def _formats_group(self, chosen: str, pdf_available: bool) -> QGroupBox:
        group = QGroupBox(self.tr("File format"), self)
        layout = QVBoxLayout(group)
        self.format_buttons = QButtonGroup(self)
        for value, text in (
            (WORD, self.tr("&Word files (.docx)")),
            (WORD_AND_PDF, self.tr("Word files and a &PDF beside each")),
            (PDF_ONLY, self.tr("PDF &only")),
        ):
            button = QRadioButton(text, group)
            button.setObjectName(value)
            button.setEnabled(value == WORD or pdf_available)
            button.setChecked(value == (chosen if pdf_available else WORD))
            self.format_buttons.addButton(button)
            layout.addWidget(button)
        if not pdf_available:
            note = QLabel(
                self.tr(
                    "PDFs need Microsoft Word or LibreOffice, and neither was found on this PC. "
                    "Word files can still be exported."
                ),
                group,
            )
            note.setObjectName("no_pdf")
            note.setWordWrap(True)
            layout.addWidget(note)
        if self.format_buttons.checkedButton() is None:
            self.format_buttons.buttons()[0].setChecked(True)
        return group

    def file_format(self) -> str:
        """``WORD``, ``WORD_AND_PDF`` or ``PDF_ONLY``."""
        checked = self.format_buttons.checkedButton()
        return checked.objectName() if checked is not None else WORD

    def scope(self) -> str:
        """``ALL``, ``SELECTED`` or ``SHOWN``."""
        checked = self.scope_buttons.checkedButton()
        return checked.objectName() if checked is not None else ALL

    def set_scope(self, scope: str) -> None:
        button = {SELECTED: self.selected_button, SHOWN: self.shown_button}.get(scope)
        (button if button is not None and button.isEnabled() else self.all_button).setChecked(True)

    def client_keys(self) -> list[str] | None:
        """The keys of the chosen clients; None for every client of the case."""
        keys = self._keys[self.scope()]
        return None if keys is None else list(keys)

    def pending_only(self) -> bool:
        return self.pending_box.isChecked()

    def whole(self) -> bool:
        """Every document of every client: the only export that makes the print files."""
        return self.scope() == ALL and not self.pending_only()

    def counted(self) -> tuple[int, int] | None:
        """(clients, documents) the export would write now; None when no count was given."""
        if self._count is None:
            return None
        return self._count(self.client_keys(), self.pending_only(), self.kinds())

    def _update(self, *_: object) -> None:
        self.print_files_box.setEnabled(self.whole())
        self.print_files_box.setToolTip(
            self._print_files_tip
            if self.whole()
            else self.tr(
                "Print files hold every client's documents: they are made only when all "
                "clients are exported. Print chosen clients with File → Print preview."
            )
        )
        counted = self.counted()
        if counted is None:
            self.summary.hide()
            return
        clients, documents = counted
        if documents == 0 and self.address_choices.kinds():
            text = self.tr("This writes the envelopes or labels of the chosen clients only.")
        elif documents == 0:
            text = self._nothing_text()
        else:
            text = (
                self.tr(
                    "This writes %1 document(s) for %2 client(s), and the list for the "
                    "regulator with every client of the case in the joint report."
                )
                .replace("%1", str(documents))
                .replace("%2", str(clients))
            )
            if self.address_choices.kinds():
                text += " " + self.tr("The envelopes or labels of the chosen clients are made too.")
        self.summary.setText(text)
        self.summary.show()

    def _nothing_text(self) -> str:
        if self.pending_only():
            return self.tr(
                "Nothing to write: every chosen document has been exported already. To write "
                "them again, untick “Only documents not yet exported”."
            )
        return self.tr("Nothing to write: tick at least one document.")

    def _browse(self) -> None:
        start = Path(self.folder.text()) if self.folder.text().strip() else None
        self._chooser.choose_folder(
            self, self.tr("Folder to export to"), start, lambda p: self.folder.setText(str(p))
        )

    def out_dir(self) -> Path:
        return Path(self.folder.text().strip())

    def kinds(self) -> list[str]:
        """The documents ticked, then ``envelope`` / ``labels`` when ticked."""
        documents = [kind for kind in OFFERED if self.kind_boxes[kind].isChecked()]
        return documents + self.address_choices.kinds()

    def addresses(self) -> AddressOptions | None:
        """The envelope size, label sheet and first label; None when neither is ticked."""
        return self.address_choices.options()

    def print_files(self) -> bool:
        """Make the print files too: ticked, and offered (every client is exported)."""
        return self.print_files_box.isChecked() and self.print_files_box.isEnabled()

    def accept(self) -> None:
        problems = []
        if not self.folder.text().strip():
            problems.append(self.tr("Choose a folder to export to."))
        elif not self.out_dir().is_absolute():
            problems.append(self.tr("Give the whole path of the folder (for example C:\\…)."))
        if not self.kinds():
            problems.append(self.tr("Tick at least one document."))
        else:
            counted = self.counted()
            if counted is not None and counted[1] == 0 and not self.address_choices.kinds():
                problems.append(self._nothing_text())
        if problems:
            self.errors.setText("\n".join(problems))
            self.errors.show()
            return
        self.errors.hide()
        super().accept()
