"""The preview in the main window: a dock beside the table, its actions, and what it shows.

``install_preview`` adds the dock (tabbed with the problems list, hidden at first), makes the
File → Print preview… action (Ctrl+P; with several rows selected it prints the chosen documents
of all of them, ``print_selection``) and keeps the panel following what it shows: the table's
current row (``WindowHost``, and the signal that it moved), and, through the ``WindowState``'s signals, the case, its office
profile and incident; the template folder through its own. The window puts the returned
panel's ``menu_print_action`` and the dock's toggle action into its menus.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow

from noticedesk.core.documents.pdf_resident import find_preview_converter
from noticedesk.core.user_error import error_text
from noticedesk.gui.common.file_chooser import OpenUrl
from noticedesk.gui.preview.jobs import FindConverter
from noticedesk.gui.preview.panel import PreviewPanel
from noticedesk.gui.preview.print_selection import SelectionPrint
from noticedesk.gui.preview.requests import PreviewInputs, TemplateChoice
from noticedesk.gui.shared.host import WindowHost
from noticedesk.gui.shared.state import WindowState
from noticedesk.gui.templates.files import folder_stamp
from noticedesk.gui.templates.folder import TemplateFolder

FIRST_WIDTH = 560  # the dock's width when first shown: an A4 page readable at fit width


def preview_inputs(
    state: WindowState, host: WindowHost, templates: TemplateFolder, at_row: int | None = None
) -> PreviewInputs:
    """The current row's client (or ``at_row``'s, a row of the model), with its tick as the table
    shows it, office and incident."""
    session = state.session
    if session is None:
        return PreviewInputs(note=QCoreApplication.translate("PreviewPanel", "No case is open."))
    source_row = host.current_source_row() if at_row is None else at_row
    if source_row is None:
        return PreviewInputs(
            note=QCoreApplication.translate(
                "PreviewPanel", "Select a client in the table to see its documents."
            )
        )
    row = host.model.row_at(source_row)
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
        return PreviewInputs(client, note=error_text(exc, state.language))
    folder = templates.folder()
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


def neighbour_inputs(
    state: WindowState,
    host: WindowHost,
    templates: TemplateFolder,
    neighbours: Callable[[], list[int]],
) -> list[PreviewInputs]:
    """The inputs of the rows beside the current one, to render ahead (``jobs``)."""
    return [preview_inputs(state, host, templates, row) for row in neighbours()]


def install_preview(
    window: QMainWindow,
    state: WindowState,
    host: WindowHost,
    templates: TemplateFolder,
    *,
    beside: QDockWidget,
    current_changed: SignalInstance,
    open_url: OpenUrl,
    find: FindConverter = find_preview_converter,
    neighbours: Callable[[], list[int]] | None = None,
) -> PreviewPanel:
    """Add the preview dock to ``window``, tabbed with ``beside``, and follow what it shows
    (``current_changed``: the table's current row moved; ``neighbours()``: the model rows
    beside it in the table's order, rendered ahead)."""
    panel = PreviewPanel(
        state.runner,
        state.settings,
        partial(preview_inputs, state, host, templates),
        find=find,
        ahead=(
            partial(neighbour_inputs, state, host, templates, neighbours)
            if neighbours is not None
            else None
        ),
        open_url=open_url,
        language=lambda: state.language,
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
    window.tabifyDockWidget(beside, dock)
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

    several = SelectionPrint(
        state, host, templates, panel.jobs, lambda: panel.shown_kind, parent=window
    )
    panel.selection_print = several

    def print_from_menu() -> None:
        if several.has_several():
            several.start()
            return
        dock.show()
        dock.raise_()
        panel.print_preview()

    menu_action = QAction(window)
    menu_action.setShortcut(QKeySequence.StandardKey.Print)
    menu_action.triggered.connect(print_from_menu)
    panel.menu_print_action = menu_action
    panel.retranslate()

    def refresh(*_: object) -> None:
        panel.refresh()

    current_changed.connect(refresh)
    model = host.model
    model.dataChanged.connect(refresh)
    model.modelReset.connect(refresh)
    state.office_changed.connect(refresh)
    state.incident_changed.connect(refresh)
    templates.changed.connect(refresh)
    return panel
