"""Small pieces of the data-entry dialogs: a grey hint under a field, a red line for what stops
the dialog, its buttons, a text box sized in lines, and a page that scrolls instead of pushing its
dialog past the screen.

Decisions:
- A text box's height is counted in lines of Japanese text in the current font, so it holds the
  same text at any Windows scaling and with any fallback font.
- A hint is a wrapped grey label: it explains a field, it is not an error (errors are red,
  ``ERROR_STYLE``).
"""

from __future__ import annotations

import math

from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

HINT_STYLE = "color: #5f5f5f;"
ERROR_STYLE = "color: #b00020;"


def hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    # As tall as its lines, no taller: spare room in a form goes below it, not into it.
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    return label


def error_label(parent: QWidget, text: str = "") -> QLabel:
    """Where a dialog says what stops it: red, wrapped, hidden while there is nothing to say."""
    label = QLabel(text, parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setVisible(bool(text))
    return label


def dialog_buttons(
    dialog: QDialog,
    accept: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok,
    accept_text: str = "",
) -> QDialogButtonBox:
    """``accept`` (OK, Save…) and Cancel, wired to the dialog's ``accept()`` and ``reject()``;
    ``accept_text`` names what the button does ("&Export") instead of the standard word."""
    buttons = QDialogButtonBox(accept | QDialogButtonBox.StandardButton.Cancel, dialog)
    if accept_text:
        buttons.button(accept).setText(accept_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def text_box(text: str, lines: int, parent: QWidget) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setPlainText(text)
    box.setTabChangesFocus(True)
    box.setFixedHeight(height_for_lines(box, lines))
    return box


def scrolling(page: QWidget) -> QScrollArea:
    """``page`` in a frameless scroll area: the tab shrinks with the screen instead of the
    dialog growing past it."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(page)
    return scroll


def height_for_lines(edit: QPlainTextEdit, lines: int) -> int:
    """The height that shows ``lines`` lines of Japanese text in ``edit``.

    Measured on a Japanese line rather than from the font's metrics: where the interface font
    has no kanji, they come from a fallback font with taller lines.
    """
    layout = QTextLayout("漢字かなAg", edit.font())
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    line_height = max(math.ceil(line.height()), edit.fontMetrics().lineSpacing())
    margins = edit.contentsMargins()  # the frame
    document_margin = math.ceil(edit.document().documentMargin())
    # The margin above and below the text, and one more: with less, QPlainTextEdit counts
    # the last line as cut off and shows a scroll bar.
    return line_height * lines + 3 * document_margin + margins.top() + margins.bottom()
