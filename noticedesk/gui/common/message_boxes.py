"""Non-blocking message boxes and the user's sentence for an error.

Every box is shown with ``open()`` and answered through ``finished``, never ``exec()``, so no
box blocks the event loop or a test (the manner of qutebrowser's ``msgbox``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def open_message(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A box with an OK button, deleted once closed."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def open_question(
    parent: QWidget,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    accept_text: str,
    on_accept: Callable[[], Any],
    *,
    close_text: str | None = None,
) -> QMessageBox:
    """``on_accept`` runs if the Yes button (``accept_text``) is pressed; the other button
    (Cancel, or ``close_text``) does nothing."""
    box = QMessageBox(
        icon,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.button(QMessageBox.StandardButton.Yes).setText(accept_text)
    if close_text:
        box.button(QMessageBox.StandardButton.Cancel).setText(close_text)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(_result: int) -> None:
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
            on_accept()

    box.finished.connect(answered)
    box.open()
    return box
