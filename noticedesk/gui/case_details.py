"""Case → Office profile… and Case → Incident and deadlines…: open the dialog, save what it gives.

Both dialogs are opened with ``open()`` (never ``exec()``) and kept on the window as
``office_dialog`` / ``incident_dialog`` while shown. After a save the deadlines and the preview
follow at once. The texts keep the translation context "MainWindow".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from noticedesk.core.incident import Incident
from noticedesk.core.office import OfficeProfile


class CaseDetails(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window

    def edit_office(self) -> None:
        from noticedesk.gui.office_dialog import OfficeDialog

        window = self.window
        if window.session is None:
            return
        try:
            profile = window.session.office()
        except Exception as exc:
            window.show_error(
                QCoreApplication.translate("MainWindow", "The office profile could not be read"),
                exc,
            )
            return
        dialog = OfficeDialog(profile, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.save_office(dialog.profile()))
        window.office_dialog = dialog
        dialog.open()

    def save_office(self, profile: OfficeProfile) -> None:
        window = self.window
        assert window.session is not None
        try:
            window.session.save_office(profile)
        except Exception as exc:
            window.show_error(
                QCoreApplication.translate("MainWindow", "The office profile could not be saved"),
                exc,
            )
            return
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Office profile saved."), 5000
        )
        window.preview.refresh()

    def edit_incident(self) -> None:
        from noticedesk.gui.incident_dialog import IncidentDialog

        window = self.window
        if window.session is None:
            return
        dialog = IncidentDialog(window.session.incident, window.today(), window.language, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.save_incident(dialog.incident()))
        window.incident_dialog = dialog
        dialog.open()

    def save_incident(self, incident: Incident) -> None:
        window = self.window
        assert window.session is not None
        try:
            window.session.set_incident(incident)
        except Exception as exc:
            window.show_error(
                QCoreApplication.translate("MainWindow", "The incident could not be saved"), exc
            )
            return
        window.status_area.update_deadlines()
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Incident saved."), 5000
        )
        window.preview.refresh()
