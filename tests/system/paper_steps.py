"""The paper day (``paper``): answers to the reply slip, reminders, envelopes, labels and PDFs.

A fresh data folder: a new case, the office's client list opened, the incident's facts from
the sample, and the reply-by date entered in the incident dialog (the date it proposes, two
weeks after the 2023 letter: long past). Then, as an office meets them once the
first letters are out: a client's answer recorded through Edit → Record answer… (Ctrl+R), the
tick following it, undone with Ctrl+Z and recorded again; the 回答待ち filter narrowing the
table; the reminder list, whose 催促状を書き出す… writes the reminders through the window's
export with its modal progress and the real thread pool (the event loop held up meanwhile, as
in the first day's export); the envelopes of three selected clients in the print preview; and
those three exported as Word files with a PDF beside each, with their envelopes and labels.

The steps use ``WorkingDay``'s helpers (menus, typing, selecting rows, screenshots).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QThreadPool
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QWidget,
)

from noticedesk.core.bundled import sample_dir
from noticedesk.core.case.answers import AnswerChoice, AnswerVia
from noticedesk.core.documents.address_files import address_file_name
from noticedesk.core.documents.kinds import DOCUMENT_KINDS, KINDS
from noticedesk.core.documents.print_files import PRINT_FOLDER
from noticedesk.core.incident import load_incident
from noticedesk.gui.answers.answer_dialog import AnswerDialog
from noticedesk.gui.export.dialog import WORD_AND_PDF
from noticedesk.gui.table.model import COL_NAME
from tests.system.driving import (
    Step,
    StepFailed,
    Wait,
    active,
    click,
    gone,
    hold_event_loop,
    key,
    opened,
    shown,
)

if TYPE_CHECKING:
    from tests.system.day_steps import WorkingDay

PICKED = 3  # the clients whose envelopes are previewed and whose documents go out as PDFs


def _ancestors(widget: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None:
        found.append(parent)
        parent = parent.parentWidget()
    return found


def _square(widget: QWidget) -> QRect:
    """A check box's or radio button's own mark, not the empty end of its row."""
    return QRect(0, 0, widget.height(), widget.height())


class PaperDay:
    def __init__(self, day: WorkingDay) -> None:
        self.day = day
        self.reminder_dir = day.work / "催促状"

    def steps(self) -> list[tuple[str, Callable[[], Step]]]:
        day = self.day
        return [
            ("start", day.start),
            ("new-case", day.new_case),
            ("open-roster", day.open_roster),
            ("reply-by", self.reply_by),
            ("answer-and-undo", self.answer_and_undo),
            ("awaiting-filter", self.awaiting_filter),
            ("reminders", self.reminders),
            ("envelope-preview", self.envelope_preview),
            ("export-pdf-and-addresses", self.export_pdf_and_addresses),
            ("quit", day.quit),
        ]

    # -- answers -------------------------------------------------------------------------
    def reply_by(self) -> Step:
        """The reply-by date entered in the incident dialog: the notice's date and two weeks,
        which it proposes (long past: the sample's letter went out in 2023)."""
        day = self.day
        window = day.window
        session = window.state.session
        if session is None:
            raise StepFailed("no case is open")
        # The incident's other facts, entered on the first day through the same dialog; here
        # from the sample, without its reply-by date, which the office enters now.
        sample = load_incident(sample_dir() / "incident.toml")
        session.set_incident(replace(sample, reply_by=None))
        details = window.case_details
        yield from day.choose(window.menus.case_menu, window.menus.incident_action)
        yield shown(lambda: details.incident_dialog, "the incident dialog")
        dialog = details.incident_dialog
        assert dialog is not None
        yield from opened(dialog)
        box = dialog.reply_by.checkbox
        scroller = next(w for w in _ancestors(box) if isinstance(w, QScrollArea))
        scroller.ensureWidgetVisible(box)  # as the user scrolls down to it
        yield from click(box, _square(box))
        yield Wait("the reply-by date is ticked", box.isChecked)
        wanted = sample.notice_date + dt.timedelta(days=14)
        if dialog.reply_by.value() != wanted:
            raise StepFailed(f"the proposed reply-by date is {dialog.reply_by.value()}")
        yield from day.shot("reply-by")
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        yield from click(buttons.button(QDialogButtonBox.StandardButton.Save))
        yield gone(dialog, "the incident dialog")
        incident = session.incident
        if incident is None or incident.reply_by != wanted:
            raise StepFailed(f"the reply-by date saved is {incident and incident.reply_by}")

    def answer_and_undo(self) -> Step:
        day = self.day
        window = day.window
        session = window.state.session
        if session is None:
            raise StepFailed("no case is open")
        yield from day.select_row(0)
        client = day.row_key(0)
        ticked = day.store_ticks()[client]
        # The answer that changes the tick, so the table visibly follows it.
        choice = AnswerChoice.JOINT if ticked else AnswerChoice.INDIVIDUAL
        yield from self.record_answer(client, choice, AnswerVia.FAX)
        yield from day.shot("answer-recorded")
        yield from key("ctrl+z")
        yield Wait(
            "Ctrl+Z took the answer and its tick back, in the case and in the table",
            lambda: (
                client not in session.store.answers()
                and day.store_ticks()[client] == ticked
                and window.model.individual_of([client])[client] == ticked
                and window.model.answer_of([client])[client] is None
            ),
        )
        # The slip was only misread: the answer came by phone after all.
        yield from self.record_answer(client, choice, AnswerVia.PHONE)
        day.expected.update(
            case=session.name, answered=client, choice=choice.value, via=AnswerVia.PHONE.value
        )

    def record_answer(self, client: str, choice: AnswerChoice, via: AnswerVia) -> Step:
        day = self.day
        window = day.window
        answers = window.answers
        yield active(window)
        yield from key("ctrl+r")
        yield shown(lambda: answers.dialog, "the answer dialog")
        dialog = answers.dialog
        assert isinstance(dialog, AnswerDialog)
        yield from opened(dialog)
        button = dialog.choice_buttons[choice]
        yield from click(button, _square(button))
        yield Wait(f"{button.text()} is marked", button.isChecked)
        wanted = dialog.via.findData(via.value)
        if dialog.via.currentIndex() != wanted:
            yield from click(dialog.via)
            yield shown(lambda: dialog.via.view(), "the list of ways")
            steps = wanted - dialog.via.currentIndex()
            yield from key(*(["Down"] * steps if steps > 0 else ["Up"] * -steps), "Return")
            yield Wait(f"{via.value} is chosen", lambda: dialog.via.currentData() == via.value)
            yield gone(dialog.via.view(), "the list of ways")
        boxes = dialog.findChild(QDialogButtonBox)
        assert boxes is not None
        yield from click(boxes.button(QDialogButtonBox.StandardButton.Save))
        yield gone(dialog, "the answer dialog")
        session = window.state.session
        assert session is not None

        def saved() -> bool:
            answer = session.store.answers().get(client)
            return (
                answer is not None
                and answer.choice is choice
                and answer.via is via
                and day.store_ticks()[client] == choice.individual
                and window.model.individual_of([client])[client] == choice.individual
            )

        yield Wait("the answer is saved and the tick follows it", saved)

    def awaiting_filter(self) -> Step:
        window = self.day.window
        rows = window.model.rowCount()
        button = window.awaiting_button
        yield from click(button)
        yield Wait(
            "the table shows only the clients awaiting an answer",
            lambda: window.proxy.rowCount() == rows - 1,
        )
        yield from self.day.shot("awaiting-only")
        yield from click(button)
        yield Wait("every client is shown again", lambda: window.proxy.rowCount() == rows)

    # -- the reminders ---------------------------------------------------------------------
    def reminders(self) -> Step:
        day = self.day
        window = day.window
        answers = window.answers
        yield from day.choose(window.menus.edit_menu, answers.reminders_action)
        yield shown(lambda: answers.reminders, "the reminder list")
        dialog = answers.reminders
        assert dialog is not None
        yield from opened(dialog)
        late = list(dialog.keys)
        answered = str(day.expected["answered"])
        # Every client in the joint report without an answer; the clients reporting
        # individually have told the office already and get no reminder.
        silent = sum(1 for row in window.model.rows() if not row.individual and not row.answer)
        if answered in late or len(late) != silent:
            raise StepFailed(f"the reminder list names {len(late)} clients: {late[:5]}")
        if dialog.clients.topLevelItemCount() != len(late):
            raise StepFailed("the reminder list shows other clients than it would remind")
        yield from day.shot("reminder-list")
        yield from click(dialog.export_button)
        yield gone(dialog, "the reminder list")
        self.reminder_dir.mkdir()
        yield from self.choose_folder(self.reminder_dir)
        yield from self.wait_for_export(timeout=60)
        yield from key("Escape")
        yield gone(window.last_message, "the export's closing message")
        prefix = KINDS["reminder"].file_prefix
        folders = [p for p in self.reminder_dir.iterdir() if p.is_dir()]
        written = [p for folder in folders for p in folder.glob(f"{prefix}*.docx")]
        if len(written) != len(late):
            raise StepFailed(f"{len(written)} reminders written for {len(late)} clients")
        # The table shows the four documents' statuses; the reminder's is the case's (the
        # reminder list shows it).
        session = window.state.session
        assert session is not None
        reminded = {
            entry.key
            for entry in session.store.clients()
            if entry.status("reminder").status.value == "exported"
        }
        if reminded != set(late):
            raise StepFailed(f"marked as reminded: {sorted(reminded ^ set(late))[:5]} differ")
        day.expected["reminded"] = len(late)

    def choose_folder(self, folder: Path) -> Step:
        """Qt's own folder dialog: the path typed, Return."""
        chooser = self.day.window.chooser
        yield shown(lambda: chooser.dialog, "the folder dialog")
        dialog = chooser.dialog
        assert isinstance(dialog, QFileDialog)
        name_field = dialog.findChild(QLineEdit, "fileNameEdit")
        if name_field is None:
            raise StepFailed("the folder dialog is not Qt's own (no file name field)")
        yield from opened(dialog)
        yield from self.day.type_into(name_field, str(folder), replace=True)
        yield from key("Return")
        yield gone(dialog, "the folder dialog")

    def wait_for_export(self, timeout: float) -> Step:
        """The export started; the window held up while the workers run (see the first day's
        export: the progress and the end then arrive together); its closing message."""
        window = self.day.window
        flow = window.export_flow
        yield Wait(
            "the export has started",
            lambda: flow.running or window.last_message is not None,
            timeout=20,
        )
        if not flow.running:
            raise StepFailed("the export ended before the window could be held up during it")
        pool = QThreadPool.globalInstance()
        hold_event_loop(lambda: pool.activeThreadCount() == 0, timeout)
        yield Wait(
            "the export has finished and says so",
            lambda: (
                not flow.running
                and window.last_message is not None
                and window.last_message.isVisible()
            ),
            timeout=timeout,
        )
        if flow.progress_dialog is not None:
            raise StepFailed("the progress dialog is still there")
        message = window.last_message
        assert message is not None
        if "書き出しました" not in message.text() and "written" not in message.text():
            raise StepFailed(f"the closing message is not the export's: {message.text()!r}")
        yield from opened(message)
        yield from self.day.shot("export-finished")

    # -- envelopes, labels and PDFs --------------------------------------------------------
    def select_picked(self) -> Step:
        window = self.day.window
        yield from self.day.select_row(0)
        last = window.proxy.index(PICKED - 1, COL_NAME)
        yield from key("shift+Down", "shift+Down")
        yield Wait(
            f"the first {PICKED} rows are selected",
            lambda: len(window.selected_source_rows()) == PICKED,
        )
        window.table.scrollTo(last)

    def envelope_preview(self) -> Step:
        day = self.day
        window = day.window
        printing = window.address_print
        yield from self.select_picked()
        yield from day.choose(window.menus.file_menu, printing.action)
        yield shown(lambda: printing.dialog, "the envelopes and labels dialog")
        dialog = printing.dialog
        assert dialog is not None
        yield from opened(dialog)
        if not (dialog.selected_button.isChecked() and dialog.kind() == "envelope"):
            raise StepFailed("the dialog does not start on the selected rows' envelopes")
        yield from click(dialog.ok_button)
        yield gone(dialog, "the envelopes and labels dialog")
        yield shown(lambda: printing.print_dialog, "the envelopes' print preview", timeout=60)
        preview = printing.print_dialog
        assert preview is not None
        yield from opened(preview)
        pages = preview.findChild(QPrintPreviewWidget)
        assert pages is not None
        yield Wait("the preview shows an envelope per client", lambda: pages.pageCount() == PICKED)
        yield from day.shot("envelope-pages")
        yield from key("Escape")
        yield gone(preview, "the envelopes' print preview")

    def export_pdf_and_addresses(self) -> Step:
        day = self.day
        window = day.window
        flow = window.export_flow
        yield active(window)
        yield from key("ctrl+e")
        yield shown(lambda: flow.dialog, "the export dialog")
        dialog = flow.dialog
        assert dialog is not None
        yield from opened(dialog)
        out_dir = dialog.out_dir()
        ticks = [
            dialog.selected_button,
            dialog.address_choices.envelope_box,
            dialog.address_choices.labels_box,
            next(b for b in dialog.format_buttons.buttons() if b.objectName() == WORD_AND_PDF),
        ]
        for box in ticks:
            if not isinstance(box, QRadioButton) or not box.isChecked():
                yield from click(box, _square(box))
            yield Wait(f"{box.text()} is chosen", box.isChecked)
        if dialog.file_format() != WORD_AND_PDF:
            raise StepFailed(f"the file format chosen is {dialog.file_format()!r}")
        options = dialog.addresses()
        assert options is not None
        address_files = [address_file_name(kind, options) for kind in ("envelope", "labels")]
        yield from day.shot("export-choices")
        yield from key("Return")
        yield from self.wait_for_export(timeout=120)
        yield from key("Escape")
        yield gone(window.last_message, "the export's closing message")
        folders = [p for p in out_dir.iterdir() if p.is_dir() and p.name != PRINT_FOLDER]
        if len(folders) != PICKED:
            raise StepFailed(f"{len(folders)} client folders for {PICKED} selected clients")
        words = [p for folder in folders for p in folder.glob("*.docx")]
        without = [p.name for p in words if not p.with_suffix(".pdf").is_file()]
        if not words or without:
            raise StepFailed(f"no PDF beside {without[:5]} ({len(words)} Word files)")
        missing = [n for n in address_files if not (out_dir / PRINT_FOLDER / n).is_file()]
        if missing:
            made = sorted(p.name for p in (out_dir / PRINT_FOLDER).iterdir())
            raise StepFailed(f"not in {PRINT_FOLDER}: {missing} (it holds {made})")
        day.expected.update(
            pdf_clients=PICKED,
            pdf_documents=len(words),
            kinds=[k for k in DOCUMENT_KINDS if any(KINDS[k].file_prefix in w.name for w in words)],
        )
