"""Case → Office profile… and Case → Incident and deadlines…: open the dialog, save what it gives.

Both dialogs are opened with ``open()`` (never ``exec()``) and kept here as ``office_dialog`` /
``incident_dialog`` while shown. A save goes through the ``WindowState``, which announces it:
the deadlines and the preview follow from its signals. The texts keep the translation context
"MainWindow".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt

from noticedesk.core.incident import Incident
from noticedesk.core.office import OfficeProfile
from noticedesk.gui.dialogs.incident import IncidentDialog
from noticedesk.gui.dialogs.office import OfficeDialog
from noticedesk.gui.shared.host import WindowHost
from noticedesk.gui.shared.state import WindowState


class CaseDetails(QObject):
    def __init__(self, state: WindowState, host: WindowHost) -> None:
        super().__init__(state)
        self.state = state
        self.host = host
        self.office_dialog: OfficeDialog | None = None
        self.incident_dialog: IncidentDialog | None = None

    def edit_office(self) -> None:
        session = self.state.session
        if session is None:
            return
        try:
            profile = session.office()
        except Exception as exc:
            self.host.show_error(
                QCoreApplication.translate("MainWindow", "The office profile could not be read"),
                exc,
            )
            return
        dialog = OfficeDialog(profile, self.host.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.save_office(dialog.profile()))
        self.office_dialog = dialog
        dialog.open()

    def save_office(self, profile: OfficeProfile) -> None:
        try:
            self.state.save_office(profile)
        except Exception as exc:
            self.host.show_error(
                QCoreApplication.translate("MainWindow", "The office profile could not be saved"),
                exc,
            )
            return
        self.host.show_status(
            QCoreApplication.translate("MainWindow", "Office profile saved."), 5000
        )

    def edit_incident(self) -> None:
        session = self.state.session
        if session is None:
            return
        dialog = IncidentDialog(
            session.incident, self.state.today(), self.state.language, self.host.window()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.save_incident(dialog.incident()))
        self.incident_dialog = dialog
        dialog.open()

    def save_incident(self, incident: Incident) -> None:
        try:
            self.state.set_incident(incident)
        except Exception as exc:
            self.host.show_error(
                QCoreApplication.translate("MainWindow", "The incident could not be saved"), exc
            )
            return
        self.host.show_status(QCoreApplication.translate("MainWindow", "Incident saved."), 5000)
