"""The document preview beside the table, driven as staff use it.

Most tests inject ``FakeConverter`` (real PDFs made with PDFium whose pages name the .docx
bytes they were made from), so they run without LibreOffice; the real one is tested in
tests/system/test_preview_window_libreoffice.py.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import stat
import threading
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from noticedesk.core.documents import ExportResult
from noticedesk.core.documents.kinds import default_kinds
from noticedesk.core.documents.pages import page_text
from noticedesk.gui.common.i18n import Translation
from noticedesk.gui.common.tasks import ThreadPoolRunner
from noticedesk.gui.preview.panel import PreviewPanel
from noticedesk.gui.preview.print_preview import PrintFailed, paint_pages, prepare_printer
from noticedesk.gui.shared.session import CaseSession
from tests.helpers.converters import FailingConverter, FakeConverter, marker
from tests.helpers.windows import (
    ROWS,
    OpenedUrls,
    WindowFactory,
    prepared_session,
    select_client,
    wait_previewed,
    write_roster,
)

JOINT = "code:C0001"  # ㈱髙橋製作所, in the joint report
JOINT_2 = "code:C0002"  # 有限会社山﨑商店
INDIVIDUAL = "code:C0003"  # 株式会社さくら運輸, reports individually (○)


def ready_session(data_dir: Path, tmp_path: Path, *, incident: bool = True) -> CaseSession:
    roster = write_roster(tmp_path / "顧問先一覧.csv", ROWS)
    return prepared_session(data_dir, roster, incident=incident)


@pytest.fixture
def make_window(make_window: WindowFactory, opened: OpenedUrls) -> WindowFactory:
    """Windows with the preview panel shown and the URLs they open recorded."""
    return functools.partial(make_window, preview=True, open_url=opened)


def shown_marker(panel: PreviewPanel) -> str:
    """What the page on screen says about the bytes it was made from."""
    result = panel.result
    assert result is not None
    document = result.document(panel.shown_kind)
    assert document is not None and document.pdf is not None
    return page_text(document.pdf, 0).split(" ")[0]


# --- what the panel shows ------------------------------------------------------------------


def test_selecting_a_client_shows_the_pages_of_each_of_its_documents(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    fake = FakeConverter(pages=2)
    window = make_window(ready_session(data_dir, tmp_path), converter=fake)
    panel = window.preview
    assert "Select a client" in panel.message_text()

    select_client(window, JOINT_2)
    wait_previewed(qtbot, window, JOINT_2)
    assert panel.title.text() == "有限会社山﨑商店"
    # The reply slip too: the sample incident asks for it back by a date.
    assert panel.kinds() == ["cover", "internal", "report", "reply"]
    assert [panel.tabs.tabText(i) for i in range(panel.tabs.count())] == [
        "Cover letter",
        "Employee notice",
        "Notice to client",
        "Reply slip",
    ]
    assert len(panel.strip.labels) == 2
    assert all(not p.isNull() for p in panel.strip.pixmaps())
    assert len(fake.batches) == 1 and len(fake.batches[0]) == 4  # the envelope in one call

    # Another tab: the other document's own pages, without another conversion.
    with qtbot.waitSignal(panel.pages_shown) as shown:
        panel.show_kind("report")
    assert shown.args == [JOINT_2, "report", 2]
    report = panel.result.document("report")  # type: ignore[union-attr]
    assert report is not None and shown_marker(panel) == marker(report.docx)

    # A client reporting individually also gets the guide to reporting; the tab stays.
    select_client(window, INDIVIDUAL)
    wait_previewed(qtbot, window, INDIVIDUAL)
    assert panel.kinds() == ["cover", "internal", "report", "individual"]  # no reply slip
    assert panel.shown_kind == "report"
    assert panel.title.text() == "株式会社さくら運輸"
    assert len(fake.batches) == 2

    # Back to the first client: from the cache, no conversion.
    select_client(window, JOINT_2)
    wait_previewed(qtbot, window, JOINT_2)
    assert len(fake.batches) == 2


def test_the_preview_converts_the_very_bytes_the_export_writes(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    fake = FakeConverter()
    window = make_window(ready_session(data_dir, tmp_path), converter=fake)
    panel = window.preview
    previewed: dict[str, dict[str, bytes]] = {}
    for key in (JOINT, INDIVIDUAL):
        select_client(window, key)
        wait_previewed(qtbot, window, key)
        assert panel.result is not None
        previewed[key] = {d.kind: d.docx for d in panel.result.documents}

    with qtbot.waitSignal(window.export_flow.exported) as done:
        # What the export writes unless told otherwise, as the preview shows it.
        incident = window.state.session.incident  # type: ignore[union-attr]
        window.export_flow.run(tmp_path / "out", list(default_kinds(incident)))
    result: ExportResult = done.args[0]
    written = result.documents_by_client()
    for key in (JOINT, INDIVIDUAL):
        files = dict(written[key])
        assert set(files) == set(previewed[key])
        for kind, path in files.items():
            assert path.read_bytes() == previewed[key][kind], path.name
            assert path.read_bytes() in fake.converted  # what was converted is what was written


def test_the_newest_selection_wins_over_a_slow_older_one(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    gate = threading.Event()
    fake = FakeConverter(gate=gate)
    pool = QThreadPool()
    window = make_window(
        ready_session(data_dir, tmp_path), converter=fake, runner=ThreadPoolRunner(pool)
    )
    panel = window.preview
    seen: list[str] = []
    panel.pages_shown.connect(lambda key, _kind, _pages: seen.append(key))
    try:
        select_client(window, JOINT)
        assert fake.started.wait(10)  # the first client is with the (slow) converter …
        assert panel.busy.isVisible()
        select_client(window, JOINT_2)  # … when the user moves on
        assert panel.title.text() == "有限会社山﨑商店"
        gate.set()
        wait_previewed(qtbot, window, JOINT_2)
    finally:
        gate.set()
        pool.waitForDone(10_000)
    qtbot.wait(50)  # nothing else is on its way
    assert seen and set(seen) == {JOINT_2}  # the older result was never put on screen
    assert [len(b) for b in fake.batches] == [4, 4]
    assert not panel.busy.isVisible()
    # The dropped result was kept: going back to the first client converts nothing.
    select_client(window, JOINT)
    wait_previewed(qtbot, window, JOINT)
    assert len(fake.batches) == 2


def test_a_tick_or_a_new_office_profile_never_leaves_a_stale_page(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    fake = FakeConverter()
    window = make_window(ready_session(data_dir, tmp_path), converter=fake)
    panel = window.preview
    select_client(window, JOINT)
    wait_previewed(qtbot, window, JOINT)
    before = {d.kind: d.docx for d in panel.result.documents}  # type: ignore[union-attr]

    window.ticking.apply({JOINT: True})  # the client now reports individually
    qtbot.waitUntil(lambda: panel.kinds() == ["cover", "internal", "report", "individual"])
    panel.show_kind("report")
    ticked = panel.result.document("report")  # type: ignore[union-attr]
    assert ticked is not None and ticked.docx != before["report"]
    assert shown_marker(panel) == marker(ticked.docx)

    office = window.state.session.office()  # type: ignore[union-attr]
    window.case_details.save_office(dataclasses.replace(office, phone="03-9999-0000"))
    qtbot.waitUntil(lambda: panel.result.document("report").docx != ticked.docx)  # type: ignore[union-attr]
    moved = panel.result.document("report")  # type: ignore[union-attr]
    assert moved is not None and shown_marker(panel) == marker(moved.docx)
    assert len(fake.batches) == 3


# --- print preview ----------------------------------------------------------------------------


# The test's broken printer (a PDF into a missing folder) makes Qt say its painter did not start.
@pytest.mark.qt_log_ignore(r"^QPainter::begin\(\): Returned false$")
def test_print_preview_paints_every_page_of_the_envelope(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    window = make_window(ready_session(data_dir, tmp_path), converter=FakeConverter(pages=2))
    panel = window.preview
    select_client(window, INDIVIDUAL)
    wait_previewed(qtbot, window, INDIVIDUAL)
    pdfs = [d.pdf for d in panel.result.documents if d.pdf]  # type: ignore[union-attr]
    assert len(pdfs) == 4

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    prepare_printer(printer, pdfs, "test")
    assert paint_pages(printer, pdfs) == 8
    printed = pdfium.PdfDocument(str(tmp_path / "printed.pdf"))
    try:
        assert len(printed) == 8
        width, height = printed.get_page_size(7)
        assert abs(width - 595.3) < 1.5 and abs(height - 841.9) < 1.5  # A4, as the document
    finally:
        printed.close()

    # The dialog itself, opened from the panel: it paints the same eight pages.
    panel.print_action.trigger()
    dialog = panel.print_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == 8)
    assert "株式会社さくら運輸" in dialog.windowTitle()
    # Its own paint handler, given a printer that writes a PDF (as "Print" would a printer).
    again = QPrinter(QPrinter.PrinterMode.HighResolution)
    again.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    again.setOutputFileName(str(tmp_path / "from-dialog.pdf"))
    dialog.paintRequested.emit(again)
    from_dialog = pdfium.PdfDocument(str(tmp_path / "from-dialog.pdf"))
    try:
        assert len(from_dialog) == 8
    finally:
        from_dialog.close()
    # A printer that cannot start (here: a PDF into a missing folder) is said, not raised.
    broken = QPrinter(QPrinter.PrinterMode.HighResolution)
    broken.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    broken.setOutputFileName(str(tmp_path / "missing" / "x.pdf"))
    with pytest.raises(PrintFailed):
        paint_pages(broken, pdfs)
    dialog.paintRequested.emit(broken)
    box = dialog.findChild(QMessageBox)
    assert box is not None and "The pages could not be printed." in box.text()
    box.close()
    dialog.close()


def test_print_preview_from_the_file_menu_opens_the_preview_first(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    window = make_window(
        ready_session(data_dir, tmp_path), converter=FakeConverter(pages=1), preview=False
    )
    panel = window.preview
    select_client(window, JOINT)
    assert panel.result is None  # a hidden preview does no work
    assert window.preview.menu_print_action in window.menus.file_menu.actions()
    assert window.preview.menu_print_action.shortcut().toString() == "Ctrl+P"
    window.preview.menu_print_action.trigger()
    qtbot.waitUntil(lambda: panel.print_dialog is not None and panel.print_dialog.isVisible())
    assert panel.dock.isVisible()  # type: ignore[union-attr]
    preview = panel.print_dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == 4)  # one page each, the reply slip too
    panel.print_dialog.close()


# --- without a converter, or when it fails ------------------------------------------------------


def test_without_a_converter_the_panel_names_the_program_and_opens_in_word(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window, opened: OpenedUrls
) -> None:
    window = make_window(ready_session(data_dir, tmp_path))
    panel = window.preview
    panel.set_converter(None)
    select_client(window, INDIVIDUAL)
    qtbot.waitUntil(lambda: "LibreOffice" in panel.message_text())
    text = panel.message_text()
    assert "Microsoft Word" in text and "Open in Word" in text
    assert panel.retry_button.isVisible()
    assert panel.open_action.isEnabled()
    panel.print_action.trigger()  # nothing to print from: the message stays, no dialog
    assert panel.print_dialog is None
    assert "Microsoft Word" in panel.message_text()
    panel.show_kind("internal")

    panel.open_action.trigger()
    assert len(opened.urls) == 1
    path = Path(opened.urls[0].toLocalFile())
    assert path.name == "02_従業員向け通知（社内掲示用）_株式会社さくら運輸.docx"
    assert not os.access(path, os.W_OK) or not (path.stat().st_mode & stat.S_IWUSR)
    # The copy is the export's document for that client and kind.
    session = window.state.session
    assert session is not None
    with qtbot.waitSignal(window.export_flow.exported) as done:
        # What the export writes unless told otherwise, as the preview shows it.
        incident = window.state.session.incident  # type: ignore[union-attr]
        window.export_flow.run(tmp_path / "out", list(default_kinds(incident)))
    exported = dict(done.args[0].documents_by_client()[INDIVIDUAL])
    assert path.read_bytes() == exported["internal"].read_bytes()

    # Installing a converter and pressing "Check again" brings the pages.
    panel.jobs.find = lambda: FakeConverter()  # type: ignore[method-assign]
    panel.retry_button.click()
    wait_previewed(qtbot, window, INDIVIDUAL)
    assert panel.message_text() == ""
    assert panel.print_dialog is None  # the earlier print request did not linger


def test_a_failing_converter_says_what_went_wrong(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    window = make_window(ready_session(data_dir, tmp_path), converter=FailingConverter())
    panel = window.preview
    with qtbot.waitSignal(panel.failed) as failed:
        select_client(window, JOINT)
    assert failed.args == ["BrokenOffice could not convert the document to PDF (test)"]
    assert "The preview could not be made." in panel.message_text()
    assert "BrokenOffice" in panel.message_text()
    assert not panel.busy.isVisible()


def test_what_is_missing_is_said_instead_of_a_page(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    window = make_window(None, converter=FakeConverter())
    assert window.preview.message_text() == "No case is open."
    session = ready_session(data_dir, tmp_path, incident=False)
    window.state.set_session(session)
    window.reload_rows()
    select_client(window, JOINT)
    qtbot.waitUntil(lambda: "Enter the incident" in window.preview.message_text())
    assert window.preview.result is None


# --- zoom, remembered state, Japanese -----------------------------------------------------------


def test_zoom_and_the_open_preview_are_remembered(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    session = ready_session(data_dir, tmp_path)
    window = make_window(session, converter=FakeConverter(pages=1))
    panel = window.preview
    select_client(window, JOINT)
    wait_previewed(qtbot, window, JOINT)

    def fitted_share() -> float:
        pixmap = panel.strip.pixmaps()[0]
        return pixmap.width() / pixmap.devicePixelRatio() / panel.pages.viewport().width()

    # The dock widens when first shown; the page follows the width once it has settled.
    qtbot.waitUntil(lambda: 0.8 < fitted_share() <= 1.0)
    assert len(panel.strip.labels) == 1

    with qtbot.waitSignal(panel.pages_shown):
        panel.actual_action.trigger()
    actual = panel.strip.pixmaps()[0]
    dpi = panel.logicalDpiX()
    assert abs(actual.width() / actual.devicePixelRatio() - 210 / 25.4 * dpi) <= 2  # 100 %
    assert window.state.settings.preview_zoom() == "actual"

    window.save_settings()
    again = make_window(session, converter=FakeConverter(pages=1), preview=False)
    assert again.preview.dock.isVisible()  # type: ignore[union-attr]
    assert again.preview.actual_action.isChecked()


def test_the_preview_speaks_japanese(
    qtbot: QtBot,
    data_dir: Path,
    tmp_path: Path,
    make_window: WindowFactory,
    translation: Translation,
) -> None:
    assert translation.switch("ja")
    window = make_window(
        ready_session(data_dir, tmp_path),
        language="ja",
        translation=translation,
        converter=None,
    )
    panel = window.preview
    assert panel.dock.windowTitle() == "文書のプレビュー"  # type: ignore[union-attr]
    assert panel.menu_print_action.text() == "印刷プレビュー(&P)…"  # type: ignore[union-attr]
    assert panel.print_action.text() == "印刷プレビュー…"
    assert panel.open_action.text() == "Word で開く"
    assert panel.fit_action.text() == "幅に合わせる"
    assert QCoreApplication.translate(
        "PreviewPanel", "Select a client in the table to see its documents."
    ) == ("表で顧問先を選ぶと、その文書がここに表示されます。")
    select_client(window, JOINT)
    qtbot.waitUntil(lambda: "Microsoft Word" in panel.message_text())
    assert "LibreOffice" in panel.message_text() and "必要です" in panel.message_text()


def test_when_word_fails_the_panel_says_why_once_and_libreoffice_draws(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, make_window
) -> None:
    from noticedesk.core.documents.pdf_word import FallbackConverter

    fallback = FakeConverter(pages=1)
    converter = FallbackConverter(FailingConverter(), fallback)
    window = make_window(ready_session(data_dir, tmp_path), converter=converter)
    panel = window.preview
    select_client(window, JOINT)
    wait_previewed(qtbot, window, JOINT)
    note = panel.converter_note
    assert note.isVisible()
    assert note.text() == (
        "BrokenOffice could not make the PDFs, so FakeOffice makes them "
        "(BrokenOffice could not convert the document to PDF (test))."
    )
    assert len(panel.strip.labels) == 1  # the fallback's pages
    select_client(window, JOINT_2)
    wait_previewed(qtbot, window, JOINT_2)
    assert note.text().count("BrokenOffice could not make") == 1
    assert len(fallback.batches) == 2
