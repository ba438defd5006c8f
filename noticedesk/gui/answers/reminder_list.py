"""The reminder list: the clients still silent after the reply-by date, one click from a letter.

Lists the clients ``case.answers.overdue`` names (no answer, the incident's reply-by date past;
the date itself still counts as in time), with how to reach them and whether a reminder was
already written. **催促状を書き出す…** asks for a folder and exports the reminder (with the
reply slip again) for exactly these clients, through the window's one export path;
**表で選択** selects them in the table (to record an answer that came meanwhile, or to print).
Without a reply-by date, or before it has passed, the list is empty and says why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from noticedesk.core.case.records import CaseClient
from noticedesk.core.dates import seireki
from noticedesk.gui.table.model import status_text


class ReminderListDialog(QDialog):
    def __init__(
        self,
        overdue: Sequence[CaseClient],
        awaiting: int,
        reply_by: dt.date | None,
        export: Callable[[list[str]], None],
        select: Callable[[list[str]], None],
        parent: QWidget | None = None,
        language: str = "ja",
    ) -> None:
        """``overdue``: the clients to remind; ``awaiting``: how many have not answered at
        all; ``export`` / ``select``: what the two buttons do with the clients' keys."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Clients to remind"))
        self.resize(640, 420)
        self.keys = [entry.key for entry in overdue]
        self._export, self._select = export, select
        self._language = language

        self.note = QLabel(self._note_text(len(overdue), awaiting, reply_by), self)
        self.note.setWordWrap(True)
        self.clients = QTreeWidget(self)
        self.clients.setRootIsDecorated(False)
        self.clients.setHeaderLabels(
            [self.tr("Code"), self.tr("Client"), self.tr("Phone"), self.tr("Reminder")]
        )
        for entry in overdue:
            client = entry.client
            reminder = status_text(entry.status("reminder").status.value)
            self.clients.addTopLevelItem(
                QTreeWidgetItem([client.code, client.name, client.phone, reminder])
            )
        self.clients.resizeColumnToContents(0)
        self.clients.setColumnWidth(1, 280)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = QPushButton(self.tr("&Export reminders…"), self)
        self.select_button = QPushButton(self.tr("&Select in the table"), self)
        for button in (self.export_button, self.select_button):
            button.setEnabled(bool(self.keys))
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setDefault(bool(self.keys))
        self.export_button.clicked.connect(self._export_clicked)
        self.select_button.clicked.connect(self._select_clicked)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.clients, 1)
        layout.addWidget(buttons)

    def _note_text(self, overdue: int, awaiting: int, reply_by: dt.date | None) -> str:
        if reply_by is None:
            return self.tr(
                "No reply-by date is entered (Case → Incident and deadlines…). %1 client(s) "
                "have not answered yet."
            ).replace("%1", str(awaiting))
        day = seireki(reply_by) if self._language == "ja" else reply_by.isoformat()
        if not overdue:
            return (
                self.tr(
                    "No client is past the reply-by date %1. %2 client(s) have not answered yet."
                )
                .replace("%1", day)
                .replace("%2", str(awaiting))
            )
        return (
            self.tr(
                "%1 client(s) have not answered by the reply-by date %2. The reminder asks again "
                "and encloses the reply slip."
            )
            .replace("%1", str(overdue))
            .replace("%2", day)
        )

    def _export_clicked(self) -> None:
        self.accept()
        self._export(list(self.keys))

    def _select_clicked(self) -> None:
        self.accept()
        self._select(list(self.keys))
