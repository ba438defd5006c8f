"""The main window's actions, shortcuts and menus, and their texts in the current language.

The actions stay attributes of the window (``window.export_action``, ``window.file_menu``…),
parented to it so their shortcuts work wherever the focus is in the window. The texts keep the
translation context "MainWindow" (the shipped Japanese is filed under it).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from noticedesk.gui.tick_history import retranslate_ticks

LANGUAGES = (("ja", "日本語"), ("en", "English"))  # each named in itself, never translated


def build_actions(window: Any) -> None:
    """Make the window's actions and connect them to what they do."""
    window.open_action = _action(window, window.choose_roster, QKeySequence.StandardKey.Open)
    window.export_action = _action(
        window, lambda: window.export_flow.start(), QKeySequence("Ctrl+E")
    )
    window.quit_action = _action(window, window.close, QKeySequence.StandardKey.Quit)
    # Not the stack's createUndoAction(): that fixes the "Undo %1" wording in the language of
    # the moment it was made, and a switch of language left the last tick described in the
    # previous one.
    stack = window.undo_stack
    window.undo_action = StackAction(window, _undo_text)
    window.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
    window.undo_action.triggered.connect(stack.undo)
    window.undo_action.setEnabled(stack.canUndo())
    stack.canUndoChanged.connect(window.undo_action.setEnabled)
    stack.undoTextChanged.connect(window.undo_action.describe)
    window.redo_action = StackAction(window, _redo_text)
    window.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    window.redo_action.triggered.connect(stack.redo)
    window.redo_action.setEnabled(stack.canRedo())
    stack.canRedoChanged.connect(window.redo_action.setEnabled)
    stack.redoTextChanged.connect(window.redo_action.describe)
    window.find_action = _action(window, window.focus_search, QKeySequence.StandardKey.Find)
    window.tick_action = _action(window, window.toggle_selection)
    window.office_action = _action(window, window.edit_office)
    window.incident_action = _action(window, window.edit_incident)
    window.templates_action = _action(window, window.edit_templates)

    window.language_group = QActionGroup(window)
    window.language_actions = {}
    for code, label in LANGUAGES:
        action = QAction(label, window, checkable=True)
        action.setChecked(code == window.language)
        action.triggered.connect(partial(window.set_language, code))
        window.language_group.addAction(action)
        window.language_actions[code] = action


def _action(window: Any, slot: Any, shortcut: Any = None) -> QAction:
    action = QAction(window)
    if shortcut is not None:
        action.setShortcut(shortcut)
    action.triggered.connect(slot)
    return action


def build_menus(window: Any) -> None:
    """The menu bar: File, Edit, Case, Settings, View (the preview adds its own entries)."""
    bar = window.menuBar()
    window.file_menu = bar.addMenu("")
    window.file_menu.addAction(window.open_action)
    window.recent_menu = QMenu(window)
    window.file_menu.addMenu(window.recent_menu)
    window.file_menu.addSeparator()
    window.file_menu.addAction(window.export_action)
    window.file_menu.addSeparator()
    window.file_menu.addAction(window.quit_action)

    window.edit_menu = bar.addMenu("")
    window.edit_menu.addAction(window.undo_action)
    window.edit_menu.addAction(window.redo_action)
    window.edit_menu.addSeparator()
    window.edit_menu.addAction(window.tick_action)
    window.status_marking.add_menus(window.edit_menu)
    window.edit_menu.addSeparator()
    window.edit_menu.addAction(window.find_action)

    window.case_menu = bar.addMenu("")
    window.case_commands.add_to(window.case_menu)
    window.case_menu.addSeparator()
    window.case_menu.addAction(window.office_action)
    window.case_menu.addAction(window.incident_action)

    window.settings_menu = bar.addMenu("")
    window.language_menu = window.settings_menu.addMenu("")
    for action in window.language_actions.values():
        window.language_menu.addAction(action)
    window.settings_menu.addAction(window.templates_action)

    window.view_menu = bar.addMenu("")
    window.view_menu.addAction(window.problems_dock.toggleViewAction())


def retranslate_menus(window: Any) -> None:
    window.file_menu.setTitle(QCoreApplication.translate("MainWindow", "&File"))
    window.open_action.setText(QCoreApplication.translate("MainWindow", "&Open client list…"))
    window.recent_menu.setTitle(QCoreApplication.translate("MainWindow", "Open &recent"))
    window.export_action.setText(QCoreApplication.translate("MainWindow", "&Export documents…"))
    window.quit_action.setText(QCoreApplication.translate("MainWindow", "&Quit"))
    window.edit_menu.setTitle(QCoreApplication.translate("MainWindow", "&Edit"))
    retranslate_ticks(window.undo_stack)  # the ticks already made, described anew
    window.undo_action.describe(window.undo_stack.undoText())
    window.redo_action.describe(window.undo_stack.redoText())
    # After a tab, menus show the text where shortcuts go: Space is not the action's shortcut
    # (it would steal the space bar from the search box), the table handles it.
    window.tick_action.setText(
        QCoreApplication.translate("MainWindow", "Tick / untick &individual report")
        + "\t"
        + QKeySequence(Qt.Key.Key_Space).toString(QKeySequence.SequenceFormat.NativeText)
    )
    window.find_action.setText(QCoreApplication.translate("MainWindow", "&Find"))
    window.case_menu.setTitle(QCoreApplication.translate("MainWindow", "&Case"))
    window.office_action.setText(QCoreApplication.translate("MainWindow", "&Office profile…"))
    window.incident_action.setText(
        QCoreApplication.translate("MainWindow", "&Incident and deadlines…")
    )
    window.settings_menu.setTitle(QCoreApplication.translate("MainWindow", "&Settings"))
    window.language_menu.setTitle(QCoreApplication.translate("MainWindow", "&Language"))
    window.templates_action.setText(QCoreApplication.translate("MainWindow", "&Template folder…"))
    window.view_menu.setTitle(QCoreApplication.translate("MainWindow", "&View"))


class StackAction(QAction):
    """Undo or Redo, naming the tick it would change (``text(description)``: its words)."""

    def __init__(self, parent: QObject, text: Callable[[str], str]) -> None:
        super().__init__(parent)
        self._text = text
        self._description = ""
        self.setText(text(""))

    @Slot(str)
    def describe(self, description: str) -> None:
        """The stack's description of the next undo (or redo); "" when there is none."""
        self._description = description
        self.setText(self._text(description))


def _undo_text(description: str) -> str:
    if not description:
        return QCoreApplication.translate("MainWindow", "&Undo")
    return QCoreApplication.translate("MainWindow", "&Undo: %1").replace("%1", description)


def _redo_text(description: str) -> str:
    if not description:
        return QCoreApplication.translate("MainWindow", "&Redo")
    return QCoreApplication.translate("MainWindow", "&Redo: %1").replace("%1", description)
