"""The office's own Word templates: the folder chosen in Settings → Template folder…

One setting (``documents/templates_dir`` in the window settings) feeds both the preview and the
export, the same way ``--templates`` feeds the command line: a kind whose ``<kind>.docx`` is in
the folder uses it, the others the standard (bundled) template.

Decisions:
- a folder holding none of the four template files is refused when chosen: it is almost
  certainly the wrong folder, and choosing it would silently change nothing;
- a folder whose templates have problems is kept, and the problems are shown with the file's
  name: staff fix the template in Word and press "Check again" without choosing it anew. The
  export checks again and refuses while a problem remains;
- a chosen folder that has gone (a USB stick, a network drive) is not replaced by the standard
  templates behind the user's back: the preview says so and the export refuses.

``changed`` is sent whenever the folder is chosen, given up or checked again: the preview
renders anew and the status bar names the folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtWidgets import QWidget

from noticedesk.core.bundled import templates_dir as standard_templates_dir
from noticedesk.core.documents import DOCUMENT_KINDS, InputProblem
from noticedesk.gui.common.file_chooser import FileChooser, OpenUrl
from noticedesk.gui.shared.state import WindowState
from noticedesk.gui.templates.dialog import TemplatesDialog
from noticedesk.gui.templates.files import TemplateStamp, folder_stamp, own_kinds, template_problems


class TemplateFolder(QObject):
    """The window's template folder setting: read, chosen, checked."""

    changed = Signal(object)  # the folder now in use (None: the standard templates)

    def __init__(
        self, state: WindowState, chooser: FileChooser, open_url: OpenUrl, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.state = state
        self._chooser = chooser
        self._open_url = open_url
        self._parent = parent
        self.dialog: TemplatesDialog | None = None  # the dialog while it is open (tests answer it)

    def folder(self) -> Path | None:
        return self.state.settings.templates_dir()

    def stamp(self) -> TemplateStamp:
        return folder_stamp(self.folder())

    def problems(self, kinds: Sequence[str] = DOCUMENT_KINDS) -> list[InputProblem]:
        """The problems of the chosen folder's templates, with the open case's details."""
        session = self.state.session
        office = incident = None
        if session is not None:
            incident = session.incident
            try:
                office = session.office()
            except Exception:  # an unreadable profile: check with the sample one
                office = None
        return template_problems(self.folder(), office, incident, kinds)

    def problem_texts(self, kinds: Sequence[str] = DOCUMENT_KINDS) -> list[str]:
        return [p.text(self.state.language) for p in self.problems(kinds)]

    # -- changing it ----------------------------------------------------------------------------
    def choose(self, folder: Path) -> bool:
        """Use the templates in ``folder``; False (nothing changed) if it holds none of them."""
        if not own_kinds(folder):
            return False
        self._set(folder)
        return True

    def use_standard(self) -> None:
        self._set(None)

    def _set(self, folder: Path | None) -> None:
        self.state.settings.set_templates_dir(folder)
        self.state.settings.sync()
        self.changed.emit(folder)  # the preview and the status bar follow

    def reload(self) -> None:
        """The templates were saved again in Word: the preview renders them anew (the export
        reads the files when it runs, and prepared templates follow a file's changes)."""
        self.changed.emit(self.folder())

    def open_standard_folder(self) -> None:
        """Open the standard templates in the file manager, so staff can copy them."""
        self._open_url(QUrl.fromLocalFile(str(standard_templates_dir())))

    def edit(self) -> None:
        """Settings → Template folder…: the dialog, shown without blocking."""
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        dialog = TemplatesDialog(self, self._chooser, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
