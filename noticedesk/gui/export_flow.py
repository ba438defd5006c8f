"""File → Export: from checking the inputs to the folder opened on the finished documents.

The steps, each answered through a non-blocking dialog:

1. nothing blocks the export (a case with clients and no roster errors), else say why;
2. the office profile and the incident are complete, else say what is missing and offer to
   open the dialog that fills it in;
3. the folder, the documents and whether to make the print files too (``ExportDialog``,
   which names the template folder in use; the print-files choice is remembered);
   the office's own templates, if chosen, are checked for the ticked documents, and a problem
   is shown with the template's file name before anything is written;
4. ``export_case`` on the worker runner, its ``progress(done, total)`` posted back by signal to
   a progress dialog whose Cancel button sets a flag the engine reads between documents; a
   cancelled export is recorded like one that failed part-way, and the message says how many
   documents it wrote;
5. files already there: the engine wrote nothing and lists them; ask "overwrite?" with their
   number, and on yes export again with ``force``;
6. record what was written in the case (the status columns turn to exported, the log keeps
   every file), then a closing message with a button that opens the folder.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from noticedesk.core.documents import DOCUMENT_KINDS, ExportProblem, ExportResult, export_case
from noticedesk.core.documents.filenames import safe_name
from noticedesk.core.incident import Incident
from noticedesk.core.office import OfficeProfile
from noticedesk.gui.export_dialog import ExportDialog
from noticedesk.gui.file_chooser import FileChooser
from noticedesk.gui.print_choices import PrintChoices

OpenUrl = Callable[[QUrl], Any]


def default_export_folder(session: Any) -> Path | None:
    """Where a first export goes: Documents/NoticeDesk/<case name>, so it is easy to find."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if not documents or session is None:
        return None
    return Path(documents) / "NoticeDesk" / safe_name(str(session.name))


class ExportFlow(QObject):
    progressed = Signal(int, int)  # emitted from the worker; delivered on the GUI thread
    exported = Signal(object)  # the ExportResult, once recorded in the case

    def __init__(
        self,
        window: Any,
        chooser: FileChooser,
        open_url: OpenUrl = QDesktopServices.openUrl,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.chooser = chooser
        self.open_url = open_url
        self.dialog: ExportDialog | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.cancel_button: QPushButton | None = None
        # Set on the GUI thread by Cancel, read by the engine on the worker: an Event is safe
        # across threads. A new one for every run, so an old cancel never stops the next.
        self._stop = threading.Event()
        self.running = False
        self.progressed.connect(self._show_progress)

    # -- 1 and 2: what stops an export -------------------------------------------------
    def start(self, kinds: Sequence[str] | None = None) -> None:
        window = self.window
        if self.running:
            return
        reason = window.export_blocked_reason()
        if reason:
            window.show_message(QMessageBox.Icon.Warning, self.tr("Cannot export yet"), reason)
            return
        try:
            office = window.session.office()
        except Exception as exc:
            window.show_error(self.tr("The office profile could not be read"), exc)
            return
        incident = window.session.incident
        # The core's rules, as the command line applies them; a client that reports itself
        # needs the day the office first told the clients.
        office_missing = [problem.text(window.language) for problem in office.problems()]
        incident_missing = _incident_missing(
            incident, window.language, individual_clients=window.model.count_individual() > 0
        )
        if office_missing or incident_missing:
            self._offer_to_complete(office_missing, incident_missing)
            return
        self._choose(list(kinds) if kinds else list(DOCUMENT_KINDS))

    def _offer_to_complete(self, office_missing: list[str], incident_missing: list[str]) -> None:
        lines = []
        if office_missing:
            lines.append(self.tr("Office profile:"))
            lines.extend(f"・{m}" for m in office_missing)
        if incident_missing:
            lines.append(self.tr("Incident:"))
            lines.extend(f"・{m}" for m in incident_missing)
        # The office first: a document cannot go out without its sender.
        if office_missing:
            button, action = self.tr("Open the office profile…"), self.window.edit_office
        else:
            button, action = self.tr("Open the incident…"), self.window.edit_incident
        self.window.ask(
            QMessageBox.Icon.Warning,
            self.tr("Something is missing"),
            self.tr("The documents cannot be made until this is filled in:")
            + "\n\n"
            + "\n".join(lines),
            button,
            action,
        )

    # -- 3: where and what ---------------------------------------------------------------
    def _choose(self, kinds: list[str]) -> None:
        window = self.window
        choices = PrintChoices(window.settings)
        dialog = ExportDialog(
            window.settings.last_folder("export") or default_export_folder(window.session),
            self.chooser,
            kinds=kinds,
            clients=window.model.rowCount(),
            templates_dir=window.templates_dir(),
            print_files=choices.print_files(),
            parent=window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog

        def chosen() -> None:
            self.dialog = None
            window.settings.set_last_folder("export", dialog.out_dir())
            choices.set_print_files(dialog.print_files())
            if self._templates_usable(dialog.kinds()):
                self.run(dialog.out_dir(), dialog.kinds(), print_files=dialog.print_files())

        dialog.accepted.connect(chosen)
        dialog.rejected.connect(lambda: setattr(self, "dialog", None))
        dialog.open()

    def _templates_usable(self, kinds: list[str]) -> bool:
        """True when the office's own templates (if any) can make ``kinds``; else say why."""
        window = self.window
        folder = window.templates_dir()
        problems = window.templates.problem_texts(kinds) if folder is not None else []
        if not problems:
            return True
        window.ask(
            QMessageBox.Icon.Warning,
            self.tr("The templates cannot be used"),
            self.tr("The documents cannot be made with the templates in %1:").replace(
                "%1", str(folder)
            )
            + "\n\n"
            + "\n".join(f"・{p}" for p in problems)
            + "\n\n"
            + self.tr(
                "Nothing was written. Correct the template in Word and export again, or choose "
                "other templates (Settings → Template folder…)."
            ),
            self.tr("Template folder…"),
            window.edit_templates,
        )
        return False

    # -- 4: the export itself ----------------------------------------------------------
    def run(
        self,
        out_dir: Path,
        kinds: Sequence[str],
        *,
        force: bool = False,
        print_files: bool = False,
    ) -> None:
        """Export the open case to ``out_dir`` on the runner (no questions asked first)."""
        window = self.window
        session = window.session
        clients = session.clients()
        office: OfficeProfile = session.office()
        incident: Incident = session.incident
        templates_dir = window.templates_dir()
        kinds = list(kinds)
        self.running = True
        window.set_exporting(True)
        stop = self._stop = threading.Event()
        progress = QProgressDialog(self.tr("Writing the documents…"), "", 0, 0, window)
        progress.setWindowTitle(self.tr("Export"))
        self.cancel_button = QPushButton(self.tr("Cancel"), progress)
        progress.setCancelButton(self.cancel_button)
        # The dialog would hide itself at once on Cancel; it stays, saying it is stopping, until
        # the engine has finished the files in hand and the partial export is recorded.
        progress.canceled.disconnect(progress.cancel)
        progress.canceled.connect(self.cancel)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress_dialog = progress
        progress.open()
        report = self.progressed.emit

        def work() -> ExportResult:
            return export_case(
                clients,
                office,
                incident,
                out_dir,
                kinds,
                templates_dir=templates_dir,
                force=force,
                progress=report,
                print_files=print_files,
                cancelled=stop.is_set,
            )

        window.runner.run(
            work,
            partial(self._done, kinds),
            partial(self._failed, out_dir, kinds, force, print_files),
        )

    @Slot()
    def cancel(self) -> None:
        """Cancel pressed (or Esc): the engine stops before its next document."""
        if not self.running or self._stop.is_set():
            return
        self._stop.set()
        if self.cancel_button is not None:
            self.cancel_button.setEnabled(False)
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText(self._stopping_text())

    def _stopping_text(self) -> str:
        return self.tr("Stopping: the documents being written are finished first…")

    @Slot(int, int)
    def _show_progress(self, done: int, total: int) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.setMaximum(max(total, 1))
            self.progress_dialog.setValue(done)
            self.progress_dialog.setLabelText(
                self._stopping_text()
                if self._stop.is_set()
                else self.tr("Writing the documents… %1 of %2")
                .replace("%1", str(done))
                .replace("%2", str(total))
            )

    def _finish_running(self) -> None:
        self.running = False
        self.window.set_exporting(False)
        self.cancel_button = None
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    # -- 5: files in the way, or other problems ------------------------------------------
    def _failed(
        self,
        out_dir: Path,
        kinds: list[str],
        force: bool,
        print_files: bool,
        exc: BaseException,
    ) -> None:
        self._finish_running()
        window = self.window
        if isinstance(exc, ExportProblem) and exc.conflicts and not force:
            shown = "\n".join(f"・{_relative(p, out_dir)}" for p in exc.conflicts[:10])
            more = len(exc.conflicts) - 10
            if more > 0:
                shown += "\n" + self.tr("… and %1 more").replace("%1", str(more))
            box = window.ask(
                QMessageBox.Icon.Question,
                self.tr("Overwrite?"),
                self.tr(
                    "%1 file(s) to be written already exist in %2. Nothing has been written. "
                    "Overwrite them?"
                )
                .replace("%1", str(len(exc.conflicts)))
                .replace("%2", str(out_dir)),
                self.tr("Overwrite"),
                partial(self.run, out_dir, kinds, force=True, print_files=print_files),
            )
            box.setDetailedText(shown)
            return
        if isinstance(exc, ExportProblem) and exc.cancelled:
            self._record_partial(exc)
            self._say_cancelled(exc, out_dir)
            return
        if isinstance(exc, ExportProblem):
            text = "\n".join(exc.messages(window.language))
            self._record_partial(exc)
        else:
            text = window.error_text(exc)
        window.show_message(QMessageBox.Icon.Warning, self.tr("The export failed"), text)

    def _say_cancelled(self, exc: ExportProblem, out_dir: Path) -> None:
        count = sum(len(documents) for documents in exc.written.values())
        text = (
            self.tr("The export was cancelled. %1 document(s) for %2 client(s) had been written.")
            .replace("%1", str(count))
            .replace("%2", str(len(exc.written)))
        )
        if count or exc.ppc_list is not None:
            text += "\n" + self.tr(
                "They are kept in %1 and marked as exported. To make the rest, export to the "
                "same folder again and choose Overwrite."
            ).replace("%1", str(out_dir))
        self.window.show_message(QMessageBox.Icon.Information, self.tr("Export cancelled"), text)

    def _record_partial(self, exc: ExportProblem) -> None:
        """What reached the disk before the export stopped is recorded, as a whole run is."""
        window = self.window
        if not exc.written or window.session is None:
            return
        window.session.store.record_export(exc.written, exc.ppc_list)
        groups: dict[tuple[str, ...], list[str]] = {}
        for key, documents in exc.written.items():
            groups.setdefault(tuple(k for k, _ in documents), []).append(key)
        for written, keys in groups.items():
            window.model.set_statuses(keys, written, "exported")

    # -- 6: record, and say where it is ----------------------------------------------------
    def _done(self, kinds: list[str], result: ExportResult) -> None:
        self._finish_running()
        window = self.window
        try:
            window.session.record_export(result)
        except Exception as exc:
            window.show_message(
                QMessageBox.Icon.Critical,
                self.tr("The export could not be recorded"),
                self.tr(
                    "The documents were written to %1, but the case file could not record it. "
                    "Mark them by hand once the case can be written."
                ).replace("%1", str(result.out_dir))
                + "\n\n"
                + window.error_text(exc),
            )
            return
        groups: dict[tuple[str, ...], list[str]] = {}
        for plan in result.clients:
            groups.setdefault(tuple(k for k, _ in plan.documents), []).append(plan.client.key)
        for written, keys in groups.items():
            window.model.set_statuses(keys, written, "exported")
        text = (
            self.tr("%1 document(s) for %2 client(s) were written to %3.")
            .replace("%1", str(result.count))
            .replace("%2", str(len(result.clients)))
            .replace("%3", str(result.out_dir))
            + "\n"
            + self.tr("The list for the regulator names %1 client(s) in the joint report.").replace(
                "%1", str(result.ppc_count)
            )
        )
        if result.print_files:
            folder = next(iter(result.print_files.values())).parent
            text += "\n" + self.tr(
                "For printing, each document with every client is in one file in %1."
            ).replace("%1", str(folder))
        window.ask(
            QMessageBox.Icon.Information,
            self.tr("Export finished"),
            text,
            self.tr("Open the folder"),
            partial(self.open_url, QUrl.fromLocalFile(str(result.out_dir))),
            close_text=self.tr("Close"),
        )
        self.exported.emit(result)


def _relative(path: Path, base: Path) -> str:
    try:
        return str(Path(path).relative_to(base))
    except ValueError:
        return str(path)


def _incident_missing(
    incident: Incident | None, language: str, *, individual_clients: bool
) -> list[str]:
    if incident is None:
        return [QCoreApplication.translate("ExportFlow", "No incident has been entered.")]
    return [p.text(language) for p in incident.problems(individual_clients=individual_clients)]
