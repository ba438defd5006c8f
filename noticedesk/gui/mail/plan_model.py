"""The send dialog's table: one row per client of the plan, who gets what or why not."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from noticedesk.core.case.mail_records import SENT
from noticedesk.core.mail.plan import PlannedMail, Reason

ModelIndex = QModelIndex | Any

CODE, NAME, TO, ATTACHMENTS, STATE = range(5)
_NOT_SENT = QColor("#7a7a7a")


def _headers() -> list[str]:
    return [
        QCoreApplication.translate("MailPlanModel", "Code"),
        QCoreApplication.translate("MailPlanModel", "Client"),
        QCoreApplication.translate("MailPlanModel", "To"),
        QCoreApplication.translate("MailPlanModel", "Attachments"),
        QCoreApplication.translate("MailPlanModel", "State"),
    ]


class MailPlanModel(QAbstractTableModel):
    """Rows of ``PlannedMail``; ``state_text`` may replace a row's state after a run."""

    def __init__(
        self,
        entries: Sequence[PlannedMail],
        names: Callable[[PlannedMail], list[str]],
        language: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._entries = list(entries)
        self._names = names
        self._language = language
        self._states: dict[str, str] = {}

    def entry(self, row: int) -> PlannedMail:
        return self._entries[row]

    def set_entries(self, entries: Sequence[PlannedMail]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._states.clear()
        self.endResetModel()

    def set_state(self, key: str, text: str) -> None:
        self._states[key] = text
        for row, entry in enumerate(self._entries):
            if entry.key == key:
                index = self.index(row, STATE)
                self.dataChanged.emit(index, index)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _headers()[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ForegroundRole and not entry.will_send:
            return QBrush(_NOT_SENT)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == CODE:
            return entry.client.code
        if column == NAME:
            return entry.client.name
        if column == TO:
            text = ", ".join(entry.to)
            if entry.invalid:
                unused = ", ".join(entry.invalid)
                text += ("  " if text else "") + QCoreApplication.translate(
                    "MailPlanModel", "(not used: %1)"
                ).replace("%1", unused)
            return text
        if column == ATTACHMENTS:
            return "、".join(self._names(entry)) if entry.will_send else ""
        if entry.key in self._states:
            return self._states[entry.key]
        reason = entry.reason
        text = reason.label_en if self._language.startswith("en") else reason.label
        previous = entry.previous
        if reason is Reason.ALREADY_SENT and previous is not None and previous.state == SENT:
            # 送付済・メール with the day, as the case recorded it (the Message-ID in the tip).
            text += QCoreApplication.translate("MailPlanModel", " by e-mail %1").replace(
                "%1", previous.at[:10]
            )
            if role == Qt.ItemDataRole.ToolTipRole:
                text += f"\nMessage-ID {previous.message_id}"
        return text
