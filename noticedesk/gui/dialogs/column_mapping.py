"""The column step: which column of the office's list holds which NoticeDesk field.

Shown when a list's headers are not NoticeDesk's own (no client-name column it knows, a field
found only by a guess such as 個別報告する or 顧問先No, two columns for one field). Each field has
a choice of the list's columns, starting at the automatic proposal, a guess marked as one; the
first rows of the list show under its headers, each header saying what it is read as, and the
columns no field takes are named: they stay with each client but no standard document prints
them. OK gives ``mapping()``; the caller imports with it and remembers it for lists with the
same header row.

Decisions:
- One column holds one field: choosing a column for a field takes it away from the field that
  had it (that one falls back to none), so the choice is never contradictory.
- The client name is the one field that must have a column; a missing address or phone column
  is the importer's warning, not a reason to stop here.
- The fields come in the order an office checks them: name, code, postal code, address, phone,
  the individual-report answer, then the rest.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from noticedesk.core.roster import Certainty, ColumnLayout, ColumnMapping
from noticedesk.gui.common.form_parts import dialog_buttons, error_label, hint
from noticedesk.gui.dialogs.column_preview import ColumnPreviewModel, field_label

FIELD_ORDER = (
    "name",
    "code",
    "postal_code",
    "address",
    "phone",
    "individual",
    "contact_person",
    "email",
    "corporate_number",
    "representative",
    "self_reference",
    "association",
    "employees",
    "people",
)
NONE = -1  # the combo's data for "no column"


class ColumnMappingDialog(QDialog):
    def __init__(self, layout: ColumnLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_read = layout
        self.setWindowTitle(self.tr("Which column is which: %1").replace("%1", layout.file_name))
        self.resize(900, 660)
        intro = QLabel(self._intro(), self)
        intro.setWordWrap(True)
        self.combos: dict[str, QComboBox] = {}
        self.guess_marks: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        half = (len(FIELD_ORDER) + 1) // 2
        for position, field in enumerate(FIELD_ORDER):
            row, side = position % half, position // half
            combo = self._combo(field)
            label = QLabel(self._label(field), self)
            label.setBuddy(combo)
            mark = QLabel(self.tr("guessed"), self)
            mark.setStyleSheet("color: #8a5a00;")
            match = layout.matches.get(field)
            mark.setVisible(match is not None and match.certainty is Certainty.GUESS)
            grid.addWidget(label, row, side * 3)
            grid.addWidget(combo, row, side * 3 + 1)
            grid.addWidget(mark, row, side * 3 + 2)
            self.combos[field] = combo
            self.guess_marks[field] = mark
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(4, 1)
        self.preview_model = ColumnPreviewModel(layout, self)
        self.preview = QTableView(self)
        self.preview.setModel(self.preview_model)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.preview.setWordWrap(False)
        self.preview.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        preview_title = QLabel(
            self.tr("The first rows of the list (row numbers as in Excel):"), self
        )
        self.unused_label = QLabel(self)
        self.unused_label.setWordWrap(True)
        remember = hint(
            self.tr(
                "NoticeDesk remembers this choice: a list with the same header row is read the "
                "same way next time, without asking."
            ),
            self,
        )
        self.errors = error_label(self)
        layout_box = QVBoxLayout(self)
        layout_box.addWidget(intro)
        layout_box.addLayout(grid)
        layout_box.addWidget(preview_title)
        layout_box.addWidget(self.preview, 1)
        layout_box.addWidget(self.unused_label)
        layout_box.addWidget(remember)
        layout_box.addWidget(self.errors)
        layout_box.addWidget(
            dialog_buttons(self, accept_text=self.tr("&Import with these columns"))
        )
        self._follow_choice()

    # -- building ----------------------------------------------------------------------------
    def _intro(self) -> str:
        layout = self.layout_read
        where = (
            self.tr("the sheet “%1”, header on row %2").replace("%1", layout.sheet)
            if layout.sheet
            else self.tr("header on row %2")
        ).replace("%2", str(layout.header_row))
        lines = [
            self.tr(
                "NoticeDesk could not tell for sure which column of “%1” (%2) holds what. "
                "Check each field below; the first rows show how the list will be read."
            )
            .replace("%1", layout.file_name)
            .replace("%2", where)
        ]
        if not layout.name_found:
            lines.append(self.tr("No column is headed with a client name NoticeDesk knows."))
        if layout.guessed:
            names = self._joined(field_label(f) for f in layout.guessed)
            lines.append(self.tr("Guessed from the headers: %1.").replace("%1", names))
        if layout.doubled:
            names = self._joined(field_label(f) for f in layout.doubled)
            lines.append(self.tr("More than one column could be: %1.").replace("%1", names))
        return "\n".join(lines)

    def _joined(self, names: Iterable[str]) -> str:
        """A list in a sentence: 「A、B」 in Japanese, "A, B" in English."""
        return self.tr(", ").join(names)

    def _label(self, field: str) -> str:
        text = field_label(field)
        if field == "name":
            return self.tr("%1 (required)").replace("%1", text)
        return text

    def _combo(self, field: str) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(self.tr("(none)"), NONE)
        for column in self.layout_read.columns:
            combo.addItem(self.layout_read.headers[column], column)
        match = self.layout_read.matches.get(field)
        if match is not None:
            combo.setCurrentIndex(combo.findData(match.column))
        combo.currentIndexChanged.connect(lambda _i, f=field: self._chosen(f))
        return combo

    # -- the user's choice -------------------------------------------------------------------
    def column_of(self, field: str) -> int:
        """The column chosen for ``field`` (``NONE`` for none)."""
        return int(self.combos[field].currentData())

    def choose(self, field: str, header: str) -> None:
        """Choose the column headed ``header`` for ``field`` ("" for none), as a click does."""
        combo = self.combos[field]
        combo.setCurrentIndex(combo.findText(header) if header else 0)

    def _chosen(self, field: str) -> None:
        column = self.column_of(field)
        self.guess_marks[field].hide()  # the user's own choice now
        if column != NONE:
            for other, combo in self.combos.items():
                if other != field and self.column_of(other) == column:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
                    self.guess_marks[other].hide()
        self.errors.hide()
        self._follow_choice()

    def fields(self) -> dict[str, int]:
        return {f: self.column_of(f) for f in FIELD_ORDER if self.column_of(f) != NONE}

    def mapping(self) -> ColumnMapping:
        """Every field, with the header of its column ("" for none)."""
        headers = self.layout_read.headers
        columns = {f: self.column_of(f) for f in FIELD_ORDER}
        return ColumnMapping({f: headers[c] if c != NONE else "" for f, c in columns.items()})

    def unused(self) -> list[str]:
        taken = set(self.fields().values())
        return [self.layout_read.headers[c] for c in self.layout_read.columns if c not in taken]

    def _follow_choice(self) -> None:
        self.preview_model.set_fields(self.fields())
        unused = self.unused()
        self.unused_label.setText(
            self.tr(
                "Not used (kept with each client, printed by no standard document): %1"
            ).replace("%1", self._joined(unused))
            if unused
            else self.tr("Every column is used.")
        )

    def accept(self) -> None:
        if self.column_of("name") == NONE:
            self.errors.setText(self.tr("Choose the column that holds the client name."))
            self.errors.show()
            self.combos["name"].setFocus()
            return
        super().accept()
