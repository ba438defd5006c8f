"""Settings → Template folder…: the office's own Word templates, in the preview and the export.

The custom templates are real .docx files: the standard template opened with python-docx, a
paragraph of the office's own added, saved into a folder the test makes.
"""

from __future__ import annotations

import functools
import io
import shutil
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from noticedesk.core.bundled import templates_dir as standard_templates_dir
from noticedesk.core.documents import render_document
from noticedesk.core.documents.pages import page_text
from noticedesk.gui.common.i18n import Translation
from noticedesk.gui.common.settings import WindowSettings
from noticedesk.gui.shared.session import CaseSession
from noticedesk.gui.templates.dialog import TemplatesDialog
from noticedesk.gui.templates.files import own_kinds, template_problems
from noticedesk.gui.window.main_window import MainWindow
from tests.helpers.converters import FakeConverter, marker
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
OWN_WORDING = "当事務所より謹んでお知らせ申し上げます（独自文面）"


def own_template(folder: Path, kind: str, paragraph: str) -> Path:
    """The standard template with one paragraph of the office's own at the top, as staff
    would make it in Word."""
    folder.mkdir(parents=True, exist_ok=True)
    document = docx.Document(str(standard_templates_dir() / f"{kind}.docx"))
    document.paragraphs[0].insert_paragraph_before(paragraph)
    path = folder / f"{kind}.docx"
    document.save(str(path))
    return path


def docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def ready_session(data_dir: Path, tmp_path: Path) -> CaseSession:
    return prepared_session(data_dir, write_roster(tmp_path / "顧問先一覧.csv", ROWS))


@pytest.fixture
def make_window(make_window: WindowFactory, opened: OpenedUrls) -> WindowFactory:
    """Windows with a one-page converter, the preview panel shown, the URLs they open recorded."""
    return functools.partial(
        make_window, converter=FakeConverter(pages=1), open_url=opened, preview=True
    )


def previewed_cover(qtbot: QtBot, window: MainWindow) -> bytes:
    """The cover letter's bytes once the preview has caught up, checked against its page."""
    panel = window.preview
    qtbot.waitUntil(lambda: not panel.is_busy())
    assert panel.result is not None
    cover = panel.result.document("cover")
    assert cover is not None and cover.pdf is not None
    assert page_text(cover.pdf, 0).split(" ")[0] == marker(cover.docx)  # the page shown
    return cover.docx


def open_templates_dialog(window: MainWindow) -> TemplatesDialog:
    window.menus.templates_action.trigger()  # Settings → Template folder…
    dialog = window.templates.dialog
    assert isinstance(dialog, TemplatesDialog) and dialog.isVisible()
    return dialog


def choose_folder(window: MainWindow, dialog: TemplatesDialog, folder: Path) -> None:
    """Press "Choose folder…" and pick ``folder`` in Qt's own file dialog."""
    dialog.choose_button.click()
    chooser = window.chooser.dialog
    assert isinstance(chooser, QFileDialog)
    assert chooser.fileMode() == QFileDialog.FileMode.Directory
    chooser.setDirectory(str(folder.parent))
    chooser.selectFile(str(folder))
    chooser.accept()


def export_through_dialog(window: MainWindow, out: Path) -> None:
    window.menus.export_action.trigger()  # File → Export documents…
    dialog = window.export_flow.dialog
    assert dialog is not None
    dialog.folder.setText(str(out))
    box = dialog.findChild(QDialogButtonBox)
    box.button(QDialogButtonBox.StandardButton.Ok).click()


def exported_cover(out: Path, name: str) -> Path:
    [path] = [p for p in out.rglob("01_*.docx") if name in p.parent.name]
    return path


def test_an_own_cover_letter_changes_the_preview_and_the_exported_file(
    qtbot: QtBot, tmp_path: Path, make_window: WindowFactory, data_dir: Path
) -> None:
    window = make_window(ready_session(data_dir, tmp_path))
    select_client(window, JOINT)
    wait_previewed(qtbot, window, JOINT)
    standard = previewed_cover(qtbot, window)
    assert OWN_WORDING not in docx_text(standard)
    assert window.status_area.templates_label.isHidden()

    folder = tmp_path / "事務所テンプレート"
    own_template(folder, "cover", OWN_WORDING)
    dialog = open_templates_dialog(window)
    assert "Standard templates" in dialog.folder_label.text()
    choose_folder(window, dialog, folder)

    # Taken at once: the setting, the dialog, the status bar and the preview.
    assert window.state.settings.templates_dir() == folder
    assert dialog.folder_label.text() == str(folder)
    assert dialog.source_labels["cover"].text() == "cover.docx in your folder"
    assert dialog.source_labels["report"].text() == "Standard template"
    assert "no problems" in dialog.problems_text()
    label = window.status_area.templates_label
    assert not label.isHidden() and folder.name in label.text()
    own = previewed_cover(qtbot, window)
    assert own != standard
    assert OWN_WORDING in docx_text(own)
    dialog.close()

    # The export names the folder and writes exactly the bytes the preview showed.
    out = tmp_path / "書き出し"
    window.menus.export_action.trigger()
    assert window.export_flow.dialog is not None
    assert window.export_flow.dialog.templates.text() == str(folder)
    window.export_flow.dialog.close()
    with qtbot.waitSignal(window.export_flow.exported):
        export_through_dialog(window, out)
    cover = exported_cover(out, "髙橋製作所")
    assert cover.read_bytes() == own
    # The other documents still come from the standard templates.
    [report] = [p for p in cover.parent.glob("03_*.docx")]
    assert OWN_WORDING not in docx_text(report.read_bytes())

    # Kept for the next start.
    assert WindowSettings(data_dir).templates_dir() == folder


def test_a_bad_template_blocks_the_export_and_names_its_file(
    qtbot: QtBot, tmp_path: Path, make_window: WindowFactory, data_dir: Path
) -> None:
    window = make_window(ready_session(data_dir, tmp_path))
    folder = tmp_path / "テンプレート"
    own_template(folder, "cover", "FAX: {{ client.fax }}")  # the context has no fax number
    dialog = open_templates_dialog(window)
    choose_folder(window, dialog, folder)
    # Checked when chosen: the problem, with the template's file name, in the dialog.
    assert "cover.docx" in dialog.problems_text()
    assert "client.fax" in dialog.problems_text()
    assert window.state.settings.templates_dir() == folder  # kept, to be fixed in Word
    dialog.close()

    out = tmp_path / "書き出し"
    export_through_dialog(window, out)
    box = window.last_message
    assert box is not None
    assert box.windowTitle() == "The templates cannot be used"
    assert "cover.docx" in box.text() and "client.fax" in box.text()
    assert not out.exists() or not any(out.iterdir())  # nothing written

    # The box leads to the templates dialog; fixed in Word and checked again, it exports.
    box.button(QMessageBox.StandardButton.Yes).click()
    dialog = window.templates.dialog
    assert isinstance(dialog, TemplatesDialog)
    own_template(folder, "cover", OWN_WORDING)
    dialog.check_button.click()
    assert "no problems" in dialog.problems_text()
    dialog.close()
    with qtbot.waitSignal(window.export_flow.exported):
        export_through_dialog(window, out)
    assert OWN_WORDING in docx_text(exported_cover(out, "髙橋製作所").read_bytes())


def test_using_the_standard_templates_again_returns_to_the_bundled_ones(
    qtbot: QtBot,
    tmp_path: Path,
    make_window: WindowFactory,
    data_dir: Path,
    opened: OpenedUrls,
) -> None:
    window = make_window(ready_session(data_dir, tmp_path))
    select_client(window, JOINT)
    wait_previewed(qtbot, window, JOINT)
    standard = previewed_cover(qtbot, window)
    folder = tmp_path / "テンプレート"
    own_template(folder, "cover", OWN_WORDING)
    dialog = open_templates_dialog(window)
    choose_folder(window, dialog, folder)
    assert previewed_cover(qtbot, window) != standard

    dialog.standard_button.click()
    assert window.state.settings.templates_dir() is None
    assert "Standard templates" in dialog.folder_label.text()
    assert not dialog.standard_button.isEnabled()
    assert window.status_area.templates_label.isHidden()
    back = previewed_cover(qtbot, window)
    assert back == standard
    session = window.state.session
    assert session is not None
    client = next(c for c in session.clients() if c.key == JOINT)
    assert back == render_document("cover", client, session.office(), session.incident)

    # "Open the standard templates folder" opens them, to be copied.
    dialog.open_standard_button.click()
    assert opened.urls[-1] == QUrl.fromLocalFile(str(standard_templates_dir()))
    dialog.close()
    out = tmp_path / "書き出し"
    with qtbot.waitSignal(window.export_flow.exported):
        export_through_dialog(window, out)
    assert exported_cover(out, "髙橋製作所").read_bytes() == standard


def test_a_folder_without_templates_is_refused_and_a_vanished_one_is_not_replaced(
    qtbot: QtBot, tmp_path: Path, make_window: WindowFactory, data_dir: Path
) -> None:
    window = make_window(ready_session(data_dir, tmp_path))
    empty = tmp_path / "空のフォルダ"
    empty.mkdir()
    (empty / "メモ.txt").write_text("テンプレートではない", encoding="utf-8")
    dialog = open_templates_dialog(window)
    choose_folder(window, dialog, empty)
    assert window.state.settings.templates_dir() is None  # nothing changed
    assert "holds none of the template files" in dialog.problems_text()
    assert "cover.docx" in dialog.problems_text()

    folder = tmp_path / "USB" / "テンプレート"
    own_template(folder, "cover", OWN_WORDING)
    choose_folder(window, dialog, folder)
    dialog.close()
    select_client(window, JOINT)
    wait_previewed(qtbot, window, JOINT)
    shutil.rmtree(folder.parent)  # the USB stick was pulled out

    # The preview does not quietly show the standard letter instead.
    window.preview.refresh()
    assert "template folder" in window.preview.message_text()
    assert str(folder) in window.preview.message_text()
    out = tmp_path / "書き出し"
    export_through_dialog(window, out)
    box = window.last_message
    assert box is not None and box.windowTitle() == "The templates cannot be used"
    assert str(folder) in box.text()
    assert not out.exists() or not any(out.iterdir())


def test_an_edited_template_is_previewed_again_after_check_again(
    qtbot: QtBot, tmp_path: Path, make_window: WindowFactory, data_dir: Path
) -> None:
    window = make_window(ready_session(data_dir, tmp_path))
    folder = tmp_path / "テンプレート"
    own_template(folder, "cover", "第一稿")
    dialog = open_templates_dialog(window)
    choose_folder(window, dialog, folder)
    select_client(window, JOINT)
    wait_previewed(qtbot, window, JOINT)
    assert "第一稿" in docx_text(previewed_cover(qtbot, window))

    own_template(folder, "cover", "第二稿：文面を改めました")  # saved again in Word
    dialog.check_button.click()
    qtbot.waitUntil(lambda: "第二稿" in docx_text(previewed_cover(qtbot, window)))


def test_the_checks_work_without_a_window(tmp_path: Path) -> None:
    folder = tmp_path / "テンプレート"
    assert own_kinds(None) == [] and template_problems(None, None, None) == []
    own_template(folder, "report", OWN_WORDING)
    assert own_kinds(folder) == ["report"]
    # No case details yet: checked with the sample office and incident.
    assert template_problems(folder, None, None) == []
    own_template(folder, "internal", "{% if %}")  # a broken tag
    [problem] = template_problems(folder, None, None)
    assert "internal.docx" in problem.text("en") and "internal.docx" in problem.text("ja")


def test_the_template_commands_read_in_japanese(
    make_window: WindowFactory, translation: Translation
) -> None:
    assert translation.switch("ja")
    window = make_window(None, language="ja", translation=translation, show=False, preview=False)
    assert window.menus.templates_action.text() == "テンプレートのフォルダ(&T)…"
    assert window.menus.templates_action in window.menus.settings_menu.actions()
    dialog = TemplatesDialog(window.templates, window.chooser, window)
    assert dialog.windowTitle() == "テンプレートのフォルダ"
    assert dialog.folder_label.text() == "標準のテンプレート（NoticeDesk に付属）"
