"""The main window's actions, shortcuts and menus, and their texts in the current language.

``WindowMenus`` makes the actions (parented to the window, so their shortcuts work wherever
the focus is in it) and the menu bar; the window connects each action to the part that does the
work. The parts that bring menus of their own (marking statuses, the Case menu's commands, the
preview's print action and the docks' toggles) are handed to ``build_menus``. The texts keep the
translation context "MainWindow" (the shipped Japanese is filed under it).

The Help menu is whole here (``HelpCommands``): 使い方 (the README's day-by-day guide, F1),
データフォルダを開く, ライセンス and バージョン情報, each a non-blocking dialog from
``dialogs.about``. The data folder is the open state's (``--data-dir`` included); a folder is
opened through the window's ``open_url`` (what tests record) when the window has one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from noticedesk.core.bundled import readme_file
from noticedesk.core.notices import notices_text
from noticedesk.gui.case.commands import CaseCommands
from noticedesk.gui.clients.status_marking import StatusMarking
from noticedesk.gui.common.file_chooser import OpenUrl
from noticedesk.gui.dialogs.about import (
    AboutDialog,
    GuideDialog,
    LicencesDialog,
)
from noticedesk.gui.table.tick_history import retranslate_ticks

LANGUAGES = (("ja", "日本語"), ("en", "English"))  # each named in itself, never translated


def _action(
    window: QMainWindow, shortcut: QKeySequence | QKeySequence.StandardKey | None = None
) -> QAction:
    action = QAction(window)
    if shortcut is not None:
        action.setShortcut(shortcut)
    return action


class WindowMenus(QObject):
    file_menu: QMenu
    recent_menu: QMenu
    edit_menu: QMenu
    case_menu: QMenu
    settings_menu: QMenu
    language_menu: QMenu
    view_menu: QMenu
    help_menu: QMenu
    help: HelpCommands

    def __init__(self, window: QMainWindow, undo_stack: QUndoStack, language: str) -> None:
        super().__init__(window)
        self._window = window
        self._undo_stack = undo_stack
        self.open_action = _action(window, QKeySequence.StandardKey.Open)
        self.export_action = _action(window, QKeySequence("Ctrl+E"))
        self.mail_action = _action(window)
        self.quit_action = _action(window, QKeySequence.StandardKey.Quit)
        # Not the stack's createUndoAction(): that fixes the "Undo %1" wording in the language
        # of the moment it was made, and a switch of language left the last tick described in
        # the previous one.
        self.undo_action = StackAction(window, _undo_text)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(undo_stack.undo)
        self.undo_action.setEnabled(undo_stack.canUndo())
        undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        undo_stack.undoTextChanged.connect(self.undo_action.describe)
        self.redo_action = StackAction(window, _redo_text)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.triggered.connect(undo_stack.redo)
        self.redo_action.setEnabled(undo_stack.canRedo())
        undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        undo_stack.redoTextChanged.connect(self.redo_action.describe)
        self.find_action = _action(window, QKeySequence.StandardKey.Find)
        self.tick_action = _action(window)
        self.office_action = _action(window)
        self.incident_action = _action(window)
        self.templates_action = _action(window)

        self.language_group = QActionGroup(window)
        self.language_actions: dict[str, QAction] = {}
        for code, label in LANGUAGES:
            action = QAction(label, window, checkable=True)
            action.setChecked(code == language)
            self.language_group.addAction(action)
            self.language_actions[code] = action

    def build_menus(
        self,
        *,
        recent: QMenu,
        print_action: QAction,
        status_marking: StatusMarking,
        case_commands: CaseCommands,
        views: Sequence[QAction],
        open_url: OpenUrl | None = None,
        address_print_action: QAction | None = None,
    ) -> None:
        """The menu bar: File, Edit, Case, Settings, View, Help. ``open_url`` opens the data
        folder (by default the window's own, else the system's)."""
        bar = self._window.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.open_action)
        self.recent_menu = recent
        self.file_menu.addMenu(recent)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_action)
        self.file_menu.addAction(self.mail_action)
        self.file_menu.addAction(print_action)
        if address_print_action is not None:  # envelopes and labels
            self.file_menu.addAction(address_print_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.tick_action)
        status_marking.add_menus(self.edit_menu)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)

        self.case_menu = bar.addMenu("")
        case_commands.add_to(self.case_menu)
        self.case_menu.addSeparator()
        self.case_menu.addAction(self.office_action)
        self.case_menu.addAction(self.incident_action)

        self.settings_menu = bar.addMenu("")
        self.language_menu = self.settings_menu.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.settings_menu.addAction(self.templates_action)

        self.view_menu = bar.addMenu("")
        for action in views:
            self.view_menu.addAction(action)

        state = case_commands.state
        opener: OpenUrl = (
            open_url
            if open_url is not None
            else getattr(self._window, "open_url", QDesktopServices.openUrl)
        )
        self.help = HelpCommands(self._window, lambda: state.data_dir, opener)
        self.help_menu = bar.addMenu("")
        self.help.add_to(self.help_menu)

    def check_language(self, language: str) -> None:
        for code, action in self.language_actions.items():
            action.setChecked(code == language)

    def retranslate(self) -> None:
        self.file_menu.setTitle(QCoreApplication.translate("MainWindow", "&File"))
        self.open_action.setText(QCoreApplication.translate("MainWindow", "&Open client list…"))
        self.recent_menu.setTitle(QCoreApplication.translate("MainWindow", "Open &recent"))
        self.export_action.setText(QCoreApplication.translate("MainWindow", "&Export documents…"))
        self.mail_action.setText(QCoreApplication.translate("MainWindow", "Send by e-&mail…"))
        self.quit_action.setText(QCoreApplication.translate("MainWindow", "&Quit"))
        self.edit_menu.setTitle(QCoreApplication.translate("MainWindow", "&Edit"))
        retranslate_ticks(self._undo_stack)  # the ticks already made, described anew
        self.undo_action.describe(self._undo_stack.undoText())
        self.redo_action.describe(self._undo_stack.redoText())
        # After a tab, menus show the text where shortcuts go: Space is not the action's
        # shortcut (it would steal the space bar from the search box), the table handles it.
        self.tick_action.setText(
            QCoreApplication.translate("MainWindow", "Tick / untick &individual report")
            + "\t"
            + QKeySequence(Qt.Key.Key_Space).toString(QKeySequence.SequenceFormat.NativeText)
        )
        self.find_action.setText(QCoreApplication.translate("MainWindow", "&Find"))
        self.case_menu.setTitle(QCoreApplication.translate("MainWindow", "&Case"))
        self.office_action.setText(QCoreApplication.translate("MainWindow", "&Office profile…"))
        self.incident_action.setText(
            QCoreApplication.translate("MainWindow", "&Incident and deadlines…")
        )
        self.settings_menu.setTitle(QCoreApplication.translate("MainWindow", "&Settings"))
        self.language_menu.setTitle(QCoreApplication.translate("MainWindow", "&Language"))
        self.templates_action.setText(QCoreApplication.translate("MainWindow", "&Template folder…"))
        self.view_menu.setTitle(QCoreApplication.translate("MainWindow", "&View"))
        self.help_menu.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
        self.help.retranslate()


HELP_DIALOGS = (AboutDialog, GuideDialog, LicencesDialog)


class HelpCommands(QObject):
    """The Help menu: the guide (F1), the data folder, the licences, the version."""

    def __init__(
        self, window: QMainWindow, data_dir: Callable[[], Path], open_url: OpenUrl
    ) -> None:
        super().__init__(window)
        self._window = window
        self._data_dir = data_dir
        self._open_url = open_url
        self.guide_action = _action(window, QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(self.show_guide)
        self.folder_action = _action(window)
        self.folder_action.triggered.connect(self.open_data_folder)
        self.licences_action = _action(window)
        self.licences_action.triggered.connect(self.show_licences)
        self.about_action = _action(window)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def add_to(self, menu: QMenu) -> None:
        menu.addAction(self.guide_action)
        menu.addAction(self.folder_action)
        menu.addAction(self.licences_action)
        menu.addSeparator()
        menu.addAction(self.about_action)

    def retranslate(self) -> None:
        self.guide_action.setText(QCoreApplication.translate("MainWindow", "&How to use…"))
        self.folder_action.setText(
            QCoreApplication.translate("MainWindow", "Open the &data folder")
        )
        self.licences_action.setText(QCoreApplication.translate("MainWindow", "&Licences…"))
        self.about_action.setText(QCoreApplication.translate("MainWindow", "&About NoticeDesk…"))

    @property
    def dialog(self) -> QDialog | None:
        """The Help dialog on screen now, if any (tests read it)."""
        for dialog in self._window.findChildren(QDialog):
            if isinstance(dialog, HELP_DIALOGS) and dialog.isVisible():
                return dialog
        return None

    def _show(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_guide(self) -> None:
        self._show(GuideDialog(readme_file(), self._window))

    def open_data_folder(self) -> None:
        self._open_url(QUrl.fromLocalFile(str(self._data_dir())))

    def show_licences(self) -> None:
        # The build's file is read at once; a source checkout makes it (about 0.2 s).
        self._show(LicencesDialog(notices_text(), self._window))

    def show_about(self) -> None:
        self._show(AboutDialog(self._data_dir(), self._open_url, self._window))


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
