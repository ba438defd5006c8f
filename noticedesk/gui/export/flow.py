"""File → Export: from checking the inputs to the folder opened on the finished documents.

The steps, each answered through a non-blocking dialog:

1. nothing blocks the export (a case with clients and no roster errors), else say why;
2. the office profile and the incident are complete, else say what is missing and offer to
   open the dialog that fills it in;
3. the folder, the clients (all, the selected rows, the rows the search shows; only the
   documents not yet exported), the documents, the file format (Word, Word and PDF, PDF
   only; remembered) and whether to make the print files too
   (``ExportDialog``, which names the template folder in use and counts what the choice
   writes with the core's own rule, ``export_selection``; the print-files choice is
   remembered);
   the office's own templates, if chosen, are checked for the ticked documents, and a problem
   is shown with the template's file name before anything is written;
4. ``export_and_record`` on the worker runner, the one path the command line takes too: it
   exports the chosen clients with the case's ticks (the regulator's list always for the whole
   case) and records in the case what reached the disk, whether the export finished, failed
   part-way or was cancelled. Its
   ``progress(done, total)`` is posted back by signal to a progress dialog whose Cancel button
   sets a flag the engine reads between documents;
5. files already there: the engine wrote nothing and lists them; ask "overwrite?" with their
   number, and on yes export again with ``force`` (so a client whose data was fixed is
   exported again by selecting its row: its files and the regulator's list are replaced);
6. on the GUI thread only what the window shows: the status columns turn to exported for what
   was recorded, and a closing message with a button that opens the folder (or what failed,
   or how much a cancelled export wrote).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, QUrl, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from noticedesk.core.case import CaseClient
from noticedesk.core.case.export_rule import export_blockers
from noticedesk.core.case.export_selection import (
    ExportSelection,
    chosen_documents,
    count_documents,
)
from noticedesk.core.case.recorded_export import ExportNotRecorded, export_and_record
from noticedesk.core.documents import ExportProblem, ExportResult
from noticedesk.core.documents.address_files import AddressOptions, split_kinds
from noticedesk.core.documents.export_pdf import PdfRequest
from noticedesk.core.documents.filenames import safe_name
from noticedesk.core.documents.kinds import default_kinds
from noticedesk.core.documents.pdf import find_converter
from noticedesk.core.incident import Incident
from noticedesk.core.user_error import error_text
from noticedesk.gui.case.details import CaseDetails
from noticedesk.gui.common.file_chooser import FileChooser, OpenUrl
from noticedesk.gui.export.address_choices import office_layouts
from noticedesk.gui.export.dialog import (
    PDF_ONLY,
    WORD,
    WORD_AND_PDF,
    CountDocuments,
    ExportDialog,
)
from noticedesk.gui.export.print_choices import PrintChoices
from noticedesk.gui.shared.host import WindowHost
from noticedesk.gui.shared.session import CaseSession
from noticedesk.gui.shared.state import WindowState
from noticedesk.gui.templates.folder import TemplateFolder


def default_export_folder(session: CaseSession | None) -> Path | None:
    """Where a first export goes: Documents/NoticeDesk/<case name>, so it is easy to find."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if not documents or session is None:
        return None
    return Path(documents) / "NoticeDesk" / safe_name(str(session.name))


def missing_for_export(
    session: CaseSession, individual_clients: bool, language: str
) -> tuple[list[str], list[str]]:
    """What the office profile and the incident still lack for the documents, in ``language``:
    the core's rules, as the command line applies them. Raises if the profile cannot be read."""
    office_missing = [problem.text(language) for problem in session.office().problems()]
    incident_missing = _incident_missing(
        session.incident, language, individual_clients=individual_clients
    )
    return office_missing, incident_missing


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """One export as chosen: asked again unchanged, with ``force``, after "Overwrite?"."""

    out_dir: Path
    kinds: tuple[str, ...]
    print_files: bool = False
    clients: tuple[str, ...] | None = None  # keys; None: every client
    pending_only: bool = False
    force: bool = False
    file_format: str = WORD
    addresses: AddressOptions | None = None  # envelope size, label sheet, first label

    @property
    def whole(self) -> bool:
        return self.clients is None and not self.pending_only


def counter(entries: Sequence[CaseClient]) -> CountDocuments:
    """(clients, documents) an export of ``entries`` would write for a choice: the core's rule."""

    def count(
        keys: Sequence[str] | None, pending_only: bool, kinds: Sequence[str]
    ) -> tuple[int, int]:
        chosen = chosen_documents(entries, kinds, ExportSelection.of(keys, pending_only))
        return len(chosen), count_documents(chosen)

    return count


class ExportFlow(QObject):
    progressed = Signal(int, int)  # emitted from the worker; delivered on the GUI thread
    exported = Signal(object)  # the ExportResult, once recorded in the case

    def __init__(
        self,
        state: WindowState,
        host: WindowHost,
        templates: TemplateFolder,
        details: CaseDetails,
        chooser: FileChooser,
        open_url: OpenUrl,
    ) -> None:
        super().__init__(state)
        self.state = state
        self.host = host
        self.templates = templates
        self.details = details
        self.chooser = chooser
        self.open_url = open_url
        self.dialog: ExportDialog | None = None
        self.progress_dialog: QProgressDialog | None = None
        self._converter_notes: list[str] = []  # Word failed, LibreOffice took over
        self.cancel_button: QPushButton | None = None
        # Set on the GUI thread by Cancel, read by the engine on the worker: an Event is safe
        # across threads. A new one for every run, so an old cancel never stops the next.
        self._stop = threading.Event()
        self.running = False
        self.progressed.connect(self._show_progress)

    # -- 1 and 2: what stops an export -------------------------------------------------
    def blocked_reason(self) -> str:
        """Why File → Export cannot run now ("" when it can)."""
        state = self.state
        if state.session is None:
            return QCoreApplication.translate("MainWindow", "No case is open.")
        if state.busy:
            return state.why_busy()
        if self.host.model.rowCount() == 0:
            return QCoreApplication.translate(
                "MainWindow", "The case has no clients yet: open a client list first."
            )
        # The core's rule, as noticedesk export --out applies it: a list kept with errors.
        blockers = export_blockers(state.session.store)
        if blockers:
            return "\n".join(problem.text(state.language) for problem in blockers)
        return ""

    def start(self, kinds: Sequence[str] | None = None) -> None:
        if self.running:
            return
        reason = self.blocked_reason()
        session = self.state.session
        if reason or session is None:
            self.host.show_message(QMessageBox.Icon.Warning, self.tr("Cannot export yet"), reason)
            return
        try:
            office_missing, incident_missing = missing_for_export(
                session, self.host.model.count_individual() > 0, self.state.language
            )
        except Exception as exc:
            self.host.show_error(self.tr("The office profile could not be read"), exc)
            return
        if office_missing or incident_missing:
            self._offer_to_complete(office_missing, incident_missing)
            return
        self._choose(list(kinds) if kinds else list(default_kinds(session.incident)))

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
            button, action = self.tr("Open the office profile…"), self.details.edit_office
        else:
            button, action = self.tr("Open the incident…"), self.details.edit_incident
        self.host.ask(
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
        settings = self.state.settings
        session = self.state.session
        choices = PrintChoices(settings)
        model = self.host.model
        shown_rows = model.shown_rows()
        layouts, layout_problem = office_layouts(self.state.data_dir, self.state.language)
        dialog = ExportDialog(
            settings.last_folder("export") or default_export_folder(session),
            self.chooser,
            kinds=kinds,
            clients=model.rowCount(),
            selected=[model.row_at(row).key for row in self.host.selected_source_rows()],
            shown=None if shown_rows is None else [model.row_at(row).key for row in shown_rows],
            count=counter(session.store.clients()) if session is not None else None,
            templates_dir=self.templates.folder(),
            print_files=choices.print_files(),
            file_format=choices.file_format(),
            pdf_available=find_converter() is not None,
            label_layouts=layouts,
            layout_problem=layout_problem,
            parent=self.host.window(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog

        def chosen() -> None:
            self.dialog = None
            settings.set_last_folder("export", dialog.out_dir())
            if dialog.whole():  # kept while a partial export cannot make them
                choices.set_print_files(dialog.print_files())
            choices.set_file_format(dialog.file_format())
            if self._templates_usable(split_kinds(dialog.kinds())[0]):
                self.run(
                    dialog.out_dir(),
                    dialog.kinds(),
                    print_files=dialog.print_files(),
                    clients=dialog.client_keys(),
                    pending_only=dialog.pending_only(),
                    file_format=dialog.file_format(),
                    addresses=dialog.addresses(),
                )

        dialog.accepted.connect(chosen)
        dialog.rejected.connect(lambda: setattr(self, "dialog", None))
        dialog.open()

    def _templates_usable(self, kinds: list[str]) -> bool:
        """True when the office's own templates (if any) can make ``kinds``; else say why."""
        folder = self.templates.folder()
        problems = self.templates.problem_texts(kinds) if folder is not None else []
        if not problems:
            return True
        self.host.ask(
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
            self.templates.edit,
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
        clients: Sequence[str] | None = None,
        pending_only: bool = False,
        file_format: str = WORD,
        addresses: AddressOptions | None = None,
    ) -> None:
        """Export the open case to ``out_dir`` on the runner (no questions asked first):
        ``clients`` (keys) or every client, only what is not yet exported or everything;
        ``file_format`` (``export.dialog``) Word files, with PDFs, or PDFs only."""
        self._run(
            ExportRequest(
                Path(out_dir),
                tuple(kinds),
                print_files,
                None if clients is None else tuple(clients),
                pending_only,
                force,
                file_format,
                addresses,
            )
        )

    def _run(self, request: ExportRequest) -> None:
        session = self.state.session
        if session is None or self.running:
            return
        store, office, incident = session.store, session.office(), session.incident
        assert incident is not None  # checked by start(); run() alone is for tests
        templates_dir = self.templates.folder()
        self.running = True
        self.state.set_exporting(True)
        stop = self._stop = threading.Event()
        self._open_progress()
        report = self.progressed.emit
        notes: list[str] = []
        self._converter_notes = notes
        language = self.state.language

        def work() -> ExportResult:
            pdf = None
            if request.file_format in (WORD_AND_PDF, PDF_ONLY):
                # Found here, on the worker: Word's registration is looked up on Windows. The
                # note (Word failed, LibreOffice took over) is shown with the result.
                def noted(ja: str, en: str) -> None:
                    notes.append(ja if language == "ja" else en)

                converter = find_converter(notify=noted)
                pdf = PdfRequest(converter, only=request.file_format == PDF_ONLY)
            return export_and_record(
                store,
                office,
                incident,
                request.out_dir,
                request.kinds,
                clients=request.clients,
                pending_only=request.pending_only,
                templates_dir=templates_dir,
                force=request.force,
                print_files=request.print_files,
                progress=report,
                cancelled=stop.is_set,
                pdf=pdf,
                addresses=request.addresses,
            )

        self.state.runner.run(work, partial(self._done, request), partial(self._failed, request))

    def _open_progress(self) -> None:
        # The dialog's own Cancel button, only renamed: setCancelButton() would leave the first
        # button's Esc shortcut behind beside the new one's, and two Esc shortcuts in one window
        # cancel each other out (Qt calls them ambiguous and runs neither): Esc did nothing.
        progress = QProgressDialog(
            self.tr("Writing the documents…"), self.tr("Cancel"), 0, 0, self.host.window()
        )
        progress.setWindowTitle(self.tr("Export"))
        self.cancel_button = progress.findChild(QPushButton)
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
        progress = self.progress_dialog
        if progress is None:
            return
        progress.setMaximum(max(total, 1))
        progress.setLabelText(
            self._stopping_text()
            if self._stop.is_set()
            else self.tr("Writing the documents… %1 of %2")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )
        # Last: on a modal dialog setValue() processes events, and the queued "done" may run
        # inside it and close the dialog.
        progress.setValue(done)

    def _finish_running(self) -> None:
        self.running = False
        self.state.set_exporting(False)
        self.cancel_button = None
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    # -- 5: files in the way, or other problems ------------------------------------------
    def _failed(self, request: ExportRequest, exc: BaseException) -> None:
        self._finish_running()
        if isinstance(exc, ExportProblem) and exc.conflicts and not request.force:
            self._ask_to_overwrite(exc.conflicts, request)
            return
        if isinstance(exc, ExportProblem):
            # What reached the disk before it stopped is in the case already.
            self._show_exported(exc.written)
            if exc.cancelled:
                self._say_cancelled(exc, request.out_dir)
                return
            text = "\n".join([*exc.messages(self.state.language), *self._converter_notes])
        elif isinstance(exc, ExportNotRecorded):
            self._say_not_recorded(exc)
            return
        else:
            text = error_text(exc, self.state.language)
        self.host.show_message(QMessageBox.Icon.Warning, self.tr("The export failed"), text)

    def _ask_to_overwrite(self, conflicts: list[Path], request: ExportRequest) -> None:
        out_dir = request.out_dir
        shown = "\n".join(f"・{_relative(p, out_dir)}" for p in conflicts[:10])
        more = len(conflicts) - 10
        if more > 0:
            shown += "\n" + self.tr("… and %1 more").replace("%1", str(more))
        box = self.host.ask(
            QMessageBox.Icon.Question,
            self.tr("Overwrite?"),
            self.tr(
                "%1 file(s) to be written already exist in %2. Nothing has been written. "
                "Overwrite them?"
            )
            .replace("%1", str(len(conflicts)))
            .replace("%2", str(out_dir)),
            self.tr("Overwrite"),
            partial(self._run, replace(request, force=True)),
        )
        box.setDetailedText(shown)

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
                "same folder again with “Only documents not yet exported”."
            ).replace("%1", str(out_dir))
        self.host.show_message(QMessageBox.Icon.Information, self.tr("Export cancelled"), text)

    def _say_not_recorded(self, exc: ExportNotRecorded) -> None:
        cause = exc.__cause__ if exc.__cause__ is not None else exc
        self.host.show_message(
            QMessageBox.Icon.Critical,
            self.tr("The export could not be recorded"),
            self.tr(
                "The documents were written to %1, but the case file could not record it. "
                "Mark them by hand once the case can be written."
            ).replace("%1", str(exc.result.out_dir))
            + "\n\n"
            + error_text(cause, self.state.language),
        )

    # -- 6: show what was recorded, and say where it is ---------------------------------------
    def _show_exported(self, written: dict[str, list[tuple[str, Path]]]) -> None:
        """Turn the status columns of what reached the disk (and the case) to exported."""
        groups: dict[tuple[str, ...], list[str]] = {}
        for key, documents in written.items():
            groups.setdefault(tuple(kind for kind, _ in documents), []).append(key)
        for kinds, keys in groups.items():
            self.host.model.set_statuses(keys, kinds, "exported")

    def _done(self, request: ExportRequest, result: ExportResult) -> None:
        self._finish_running()
        self._show_exported(result.documents_by_client())
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
        if not request.whole:
            text += "\n" + self.tr(
                "Only the chosen documents were written; the list for the regulator is always "
                "written for the whole case."
            )
        if result.print_files or result.print_pdfs:
            folder = next(iter({**result.print_files, **result.print_pdfs}.values())).parent
            text += "\n" + self.tr(
                "For printing, each document with every client is in one file in %1."
            ).replace("%1", str(folder))
        if result.pdfs:
            text += "\n" + self.tr("A PDF was made beside each Word file.")
        elif request.file_format == PDF_ONLY:
            text += "\n" + self.tr("The documents were written as PDF only.")
        text += "".join("\n" + note for note in self._converter_notes)
        for path in result.address_files.values():
            text += "\n" + self.tr("For printing: %1").replace("%1", str(path))
        self.host.ask(
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
