"""The export dialog's envelopes and labels: which, the envelope's size, the label sheet and
the first label still free on it (a half-used sheet goes back into the printer).

The sheets are the core's (``label_layouts``: the bundled ones and the office's own file in
the data folder). A broken office file does not hide the dialog: the labels choice is offered
greyed, with the file's own sentence as its tooltip and under the choices.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QWidget,
)

from noticedesk.core.addresses import (
    DEFAULT_ENVELOPE,
    DEFAULT_LAYOUT,
    ENVELOPE_SIZES,
    LabelLayout,
    LabelLayoutError,
    load_layouts,
)
from noticedesk.core.documents.address_files import AddressOptions


def office_layouts(data_dir: Path | None, language: str) -> tuple[dict[str, LabelLayout], str]:
    """The label sheets to offer, and the sentence saying why the office's own file could not
    be read ("" when it could): then only the bundled ones are offered."""
    try:
        return load_layouts(data_dir), ""
    except LabelLayoutError as exc:
        return load_layouts(None), exc.text(language)


class AddressChoices(QGroupBox):
    """Envelopes and labels, for the clients the export writes."""

    def __init__(
        self,
        layouts: Mapping[str, LabelLayout],
        problem: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Envelopes and address labels"))
        self._layouts = dict(layouts)
        self.envelope_box = QCheckBox(self.tr("&Envelopes, one page per client"), self)
        self.envelope_box.setObjectName("envelope")
        self.envelope_size = QComboBox(self)
        self.envelope_size.setObjectName("envelope_size")
        for size in ENVELOPE_SIZES.values():
            self.envelope_size.addItem(
                self.tr("%1 (%2×%3 mm)")
                .replace("%1", size.title)
                .replace("%2", f"{size.width:g}")
                .replace("%3", f"{size.height:g}"),
                size.key,
            )
        self.envelope_size.setCurrentIndex(self.envelope_size.findData(DEFAULT_ENVELOPE))
        self.labels_box = QCheckBox(self.tr("Address &labels on A4 sheets"), self)
        self.labels_box.setObjectName("labels")
        self.layout_choice = QComboBox(self)
        self.layout_choice.setObjectName("label_layout")
        # The sheet's measures are in its title: show it whole.
        self.layout_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for name, layout in self._layouts.items():
            self.layout_choice.addItem(layout.title, name)
        self.layout_choice.setCurrentIndex(max(self.layout_choice.findData(DEFAULT_LAYOUT), 0))
        self.start = QSpinBox(self)
        self.start.setObjectName("label_start")
        self.start.setMinimum(1)
        self.start.setToolTip(
            self.tr(
                "The first label still free on the first sheet, counted across from the top "
                "left: a half-used sheet can go back into the printer."
            )
        )
        start_label = QLabel(self.tr("&First label"), self)
        start_label.setBuddy(self.start)
        self.note = QLabel(self.tr("Made for the chosen clients, into the print folder."), self)
        self.note.setWordWrap(True)
        self.problem = QLabel(problem, self)
        self.problem.setObjectName("layout_problem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(bool(problem))
        if problem:
            self.labels_box.setToolTip(problem)

        grid = QGridLayout(self)
        grid.addWidget(self.envelope_box, 0, 0)
        grid.addWidget(self.envelope_size, 0, 1, 1, 3)
        grid.addWidget(self.labels_box, 1, 0)
        grid.addWidget(self.layout_choice, 1, 1)
        grid.addWidget(start_label, 1, 2)
        grid.addWidget(self.start, 1, 3)
        grid.addWidget(self.note, 2, 0, 1, 4)
        grid.addWidget(self.problem, 3, 0, 1, 4)
        grid.setColumnStretch(1, 1)

        self.envelope_box.toggled.connect(self._update)
        self.labels_box.toggled.connect(self._update)
        self.layout_choice.currentIndexChanged.connect(self._update)
        self._update()

    def label_layout(self) -> LabelLayout:
        """The label sheet chosen."""
        return self._layouts[str(self.layout_choice.currentData())]

    def _update(self, *_: object) -> None:
        self.envelope_size.setEnabled(self.envelope_box.isChecked())
        for widget in (self.layout_choice, self.start):
            widget.setEnabled(self.labels_box.isChecked())
        if self._layouts:
            self.start.setMaximum(self.label_layout().per_sheet)

    def kinds(self) -> list[str]:
        """``envelope`` and ``labels``, as ticked."""
        return [
            kind
            for kind, box in (("envelope", self.envelope_box), ("labels", self.labels_box))
            if box.isChecked()
        ]

    def options(self) -> AddressOptions | None:
        """The size, sheet and first label; None when neither is ticked."""
        if not self.kinds():
            return None
        return AddressOptions(
            ENVELOPE_SIZES[str(self.envelope_size.currentData())],
            self.label_layout(),
            self.start.value(),
        )


__all__ = ["AddressChoices", "office_layouts"]
