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

The check prepares and renders each template for a sample client: about 95 ms for four
templates the first time, 10 ms once they are prepared (benchmarks/bench_template_check.py), so
it runs on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl, Signal

from noticedesk.core.bundled import sample_dir
from noticedesk.core.bundled import templates_dir as standard_templates_dir
from noticedesk.core.documents import DOCUMENT_KINDS, InputProblem, find_input_problems
from noticedesk.core.incident import Incident, load_incident
from noticedesk.core.office import OfficeProfile, load_office

TemplateStamp = tuple[tuple[str, int, int], ...]


def template_file(kind: str) -> str:
    return f"{kind}.docx"


def own_kinds(folder: Path | None) -> list[str]:
    """The kinds ``folder`` has its own template for (the rest come from the standard ones)."""
    if folder is None:
        return []
    return [kind for kind in DOCUMENT_KINDS if (folder / template_file(kind)).is_file()]


def folder_stamp(folder: Path | None) -> TemplateStamp:
    """Name, modification time and size of each own template: it changes when one is saved
    again in Word, so the preview knows to render again."""
    stamp = []
    for kind in own_kinds(folder):
        assert folder is not None
        try:
            info = (folder / template_file(kind)).stat()
        except OSError:
            continue
        stamp.append((kind, info.st_mtime_ns, info.st_size))
    return tuple(stamp)


def template_problems(
    folder: Path | None,
    office: OfficeProfile | None,
    incident: Incident | None,
    kinds: Sequence[str] = DOCUMENT_KINDS,
) -> list[InputProblem]:
    """What stops the templates in ``folder`` from being used, each naming its file.

    The case's office profile and incident are used when they are complete; otherwise the
    bundled sample ones, so a template can be checked before the case is filled in (the check
    is about the template's tags, not about the case).
    """
    if folder is None:
        return []
    if office is None or incident is None or find_input_problems(office, incident, None, []):
        office = load_office(sample_dir() / "office.toml")
        incident = load_incident(sample_dir() / "incident.toml")
    return find_input_problems(office, incident, folder, list(kinds))


class TemplateFolder(QObject):
    """The window's template folder setting: read, chosen, checked, shown."""

    changed = Signal(object)  # the folder now in use (None: the standard templates)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: Any = None  # the templates dialog while it is open (tests answer it)

    def folder(self) -> Path | None:
        folder: Path | None = self.window.settings.templates_dir()
        return folder

    def stamp(self) -> TemplateStamp:
        return folder_stamp(self.folder())

    def problems(self, kinds: Sequence[str] = DOCUMENT_KINDS) -> list[InputProblem]:
        """The problems of the chosen folder's templates, with the open case's details."""
        session = self.window.session
        office = incident = None
        if session is not None:
            incident = session.incident
            try:
                office = session.office()
            except Exception:  # an unreadable profile: check with the sample one
                office = None
        return template_problems(self.folder(), office, incident, kinds)

    def problem_texts(self, kinds: Sequence[str] = DOCUMENT_KINDS) -> list[str]:
        return [p.text(self.window.language) for p in self.problems(kinds)]

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
        self.window.settings.set_templates_dir(folder)
        self.window.settings.sync()
        self.show_in_status_bar()
        self.changed.emit(folder)  # the preview follows

    def reload(self) -> None:
        """The templates were saved again in Word: the preview renders them anew (the export
        reads the files when it runs, and prepared templates follow a file's changes)."""
        self.changed.emit(self.folder())

    def open_standard_folder(self) -> None:
        """Open the standard templates in the file manager, so staff can copy them."""
        self.window.export_flow.open_url(QUrl.fromLocalFile(str(standard_templates_dir())))

    # -- showing it -----------------------------------------------------------------------------
    def show_in_status_bar(self) -> None:
        folder = self.folder()
        label = self.window.status_area.templates_label
        label.setVisible(folder is not None)
        if folder is None:
            return
        text = self.tr("Templates: %1").replace("%1", folder.name or str(folder))
        if not folder.is_dir():
            text += " " + self.tr("(not found)")
        label.setText(text)
        label.setToolTip(str(folder))

    def edit(self) -> None:
        """Settings → Template folder…: the dialog, shown without blocking."""
        from noticedesk.gui.templates_dialog import TemplatesDialog

        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        dialog = TemplatesDialog(self, self.window.chooser, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
