"""The preview in the main window: a dock beside the table, its menu entries, its inputs.

The window needs a few lines for it (``install_preview`` once, ``preview.refresh()`` after the
office profile or the incident is saved); everything else is wired here, from the window's
public parts: its table, model, proxy, menus, runner, settings and open case.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget

from noticedesk.core.documents.pdf import find_converter
from noticedesk.core.user_error import error_text
from noticedesk.gui.preview_panel import FindConverter, PreviewPanel
from noticedesk.gui.preview_requests import PreviewInputs, TemplateChoice
from noticedesk.gui.print_selection import SelectionPrint
from noticedesk.gui.template_folder import folder_stamp

FIRST_WIDTH = 560  # the dock's width when first shown: an A4 page readable at fit width


def window_inputs(window: Any) -> PreviewInputs:
    """The current row's client (with its tick as the table shows it), office and incident."""
    session = window.session
    if session is None:
        return PreviewInputs(note=QCoreApplication.translate("PreviewPanel", "No case is open."))
    current = window.table.currentIndex()
    if not current.isValid():
        return PreviewInputs(
            note=QCoreApplication.translate(
                "PreviewPanel", "Select a client in the table to see its documents."
            )
        )
    row = window.model.row_at(window.proxy.mapToSource(current).row())
    client = replace(row.client, individual=row.individual)
    incident = session.incident
    if incident is None:
        return PreviewInputs(
            client,
            note=QCoreApplication.translate(
                "PreviewPanel",
                "Enter the incident (Case → Incident and deadlines…) to see the documents.",
            ),
        )
    try:
        office = session.office()
    except Exception as exc:  # an unreadable profile file: say so in the panel
        return PreviewInputs(client, note=error_text(exc, window.language))
    folder = window.templates_dir()
    if folder is not None and not folder.is_dir():
        # Not the standard templates in its place: the export would refuse this folder too.
        return PreviewInputs(
            client,
            note=QCoreApplication.translate(
                "PreviewPanel",
                "The template folder %1 is not found (Settings → Template folder…).",
            ).replace("%1", str(folder)),
        )
    return PreviewInputs(
        client, office, incident, templates=TemplateChoice(folder, folder_stamp(folder))
    )


def install_preview(window: Any, *, find: FindConverter = find_converter) -> PreviewPanel:
    """Add the preview dock and its actions to the main window, and follow its selection.

    The dock is tabbed with the problems list on the right and starts hidden; View → Document
    preview shows it and File → Print preview… (Ctrl+P) prints the current client's documents,
    or, with several rows selected, the chosen documents of all of them (``print_selection``).
    """
    panel = PreviewPanel(
        window.runner,
        window.settings,
        partial(window_inputs, window),
        find=find,
        open_url=window.export_flow.open_url,
        language=lambda: str(window.language),
    )
    dock = QDockWidget(window)
    dock.setObjectName("previewDock")
    dock.setWidget(panel)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.tabifyDockWidget(window.problems_dock, dock)
    dock.hide()
    panel.dock = dock

    toggle = dock.toggleViewAction()
    widened = {"done": False}

    def shown(visible: bool) -> None:
        if visible and not widened["done"]:
            widened["done"] = True
            if dock.width() < FIRST_WIDTH * 3 // 4:  # too narrow to read a page
                window.resizeDocks([dock], [FIRST_WIDTH], Qt.Orientation.Horizontal)
        if visible:
            panel.refresh()

    dock.visibilityChanged.connect(shown)
    toggle.triggered.connect(lambda checked: dock.raise_() if checked else None)

    panel.selection_print = SelectionPrint(window, panel)

    def print_from_menu() -> None:
        if panel.selection_print.has_several():
            panel.selection_print.start()
            return
        dock.show()
        dock.raise_()
        panel.print_preview()

    menu_action = QAction(window)
    menu_action.setShortcut(QKeySequence.StandardKey.Print)
    menu_action.triggered.connect(print_from_menu)
    panel.menu_print_action = menu_action
    actions = window.file_menu.actions()
    after_export = actions[actions.index(window.export_action) + 1]
    window.file_menu.insertAction(after_export, menu_action)
    window.view_menu.addAction(toggle)
    panel.retranslate()

    selection = window.table.selectionModel()
    selection.currentRowChanged.connect(lambda *_: panel.refresh())
    window.model.dataChanged.connect(lambda *_: panel.refresh())
    window.model.modelReset.connect(panel.refresh)
    window.templates.changed.connect(lambda *_: panel.refresh())
    return panel
