"""Marking documents as printed or sent by hand, for the selected clients.

Two submenus, "Mark as printed" and "Mark as sent", each with one entry per document kind and
one for all of them; the same menus appear in the Edit menu and the table's context menu.

Decisions: marking "all documents" marks the own-report guide only for clients who report
individually (the others never get one). A mark is saved to the case at once and logged
there with the date; it is not undoable from the window, because the log would keep the
mark anyway and two entries for one slip confuse more than they help: marking the right
status again corrects it.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from noticedesk.core.case import DocumentStatus
from noticedesk.core.documents.kinds import DOCUMENT_KINDS, KINDS
from noticedesk.core.user_error import error_text
from noticedesk.gui.shared.host import WindowHost
from noticedesk.gui.shared.state import WindowState
from noticedesk.gui.table.model import document_titles

ALL_KINDS = ""  # the menu entry that marks every document kind
MARKABLE = (DocumentStatus.PRINTED, DocumentStatus.SENT)


def menu_title(status: DocumentStatus) -> str:
    if status is DocumentStatus.PRINTED:
        return QCoreApplication.translate("StatusMarking", "Mark as &printed")
    return QCoreApplication.translate("StatusMarking", "Mark as &sent")


class StatusMarking(QObject):
    def __init__(self, state: WindowState, host: WindowHost) -> None:
        super().__init__(state)
        self.state = state
        self.host = host
        # (status, kind) -> action; kind ALL_KINDS is "every document".
        self.actions: dict[tuple[DocumentStatus, str], QAction] = {}
        self.menus: list[tuple[DocumentStatus, QMenu]] = []
        for status in MARKABLE:
            for kind in (ALL_KINDS, *DOCUMENT_KINDS):
                action = QAction(self)
                action.triggered.connect(partial(self.mark_selection, status, kind))
                self.actions[(status, kind)] = action

    def add_menus(self, parent_menu: QMenu, *, keep: bool = True) -> None:
        """Add the two submenus to ``parent_menu`` (the Edit menu, or with ``keep`` False a
        short-lived context menu, which is not retranslated later)."""
        for status in MARKABLE:
            menu = QMenu(parent_menu)
            menu.setTitle(menu_title(status))
            menu.addAction(self.actions[(status, ALL_KINDS)])
            menu.addSeparator()
            for kind in sorted(DOCUMENT_KINDS, key=lambda k: KINDS[k].file_prefix):
                menu.addAction(self.actions[(status, kind)])
            parent_menu.addMenu(menu)
            if keep:
                self.menus.append((status, menu))

    def retranslate(self) -> None:
        titles = document_titles()
        for (_status, kind), action in self.actions.items():
            if kind == ALL_KINDS:
                action.setText(self.tr("&All documents"))
            else:
                action.setText(f"{KINDS[kind].file_prefix} {titles[kind]}")
        for status, menu in self.menus:
            menu.setTitle(menu_title(status))

    def set_enabled(self, enabled: bool) -> None:
        for action in self.actions.values():
            action.setEnabled(enabled)
        for _status, menu in self.menus:
            menu.setEnabled(enabled)

    def context_menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        self.add_menus(menu, keep=False)
        return menu

    def mark_selection(self, status: DocumentStatus, kind: str) -> None:
        host = self.host
        if self.state.session is None:
            return
        rows = [host.model.row_at(r) for r in host.selected_source_rows()]
        if not rows:
            host.show_status(self.tr("Select the clients first."), 5000)
            return
        kinds = list(DOCUMENT_KINDS) if kind == ALL_KINDS else [kind]
        # Per kind, the clients it applies to (the guide: only those reporting individually).
        plan: dict[str, list[str]] = {}
        for k in kinds:
            keys = [r.key for r in rows if KINDS[k].applies_to(r.individual)]
            if keys:
                plan[k] = keys
        if not plan:
            host.show_status(
                self.tr("The own-report guide is only for clients who report individually."),
                8000,
            )
            return
        done = self._save(plan, status)
        for k, keys in done.items():
            host.model.set_statuses(keys, [k], status.value)
        if len(done) == len(plan):
            count = len({key for keys in plan.values() for key in keys})
            host.show_status(self.tr("%1 client(s) marked.").replace("%1", str(count)), 5000)

    def _save(self, plan: dict[str, list[str]], status: DocumentStatus) -> dict[str, list[str]]:
        """Save kind by kind; stop at the first failure and say so. Returns what was saved."""
        session = self.state.session
        assert session is not None
        done: dict[str, list[str]] = {}
        for kind, keys in plan.items():
            try:
                session.set_status(keys, [kind], status)
            except Exception as exc:
                self.host.show_message(
                    QMessageBox.Icon.Critical,
                    self.tr("The status could not be saved"),
                    self.tr("The case file could not be written.")
                    + "\n\n"
                    + error_text(exc, self.state.language),
                )
                break
            done[kind] = keys
        return done
