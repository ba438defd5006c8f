"""Take a picture of every dialog and state of the window, to look at them as an office user would.

Run under a virtual X display with Japanese fonts (Debian: xvfb, fonts-noto-cjk):

    xvfb-run -a -s "-screen 0 1400x900x24" python docs/take_dialog_shots.py [--out DIR] [--lang ja|en]

The pictures go to DIR (by default a new temporary folder, printed at the end), never into the
repository: they are for looking, not for keeping. Each language (Japanese, then English unless
--lang names one) gets the whole series: the empty window a first-time user sees, the demo case,
the office profile (filled, and empty with its errors), the incident (filled, and unfiled and
overdue), the overdue banner, the Case menu's dialogs (new case, recovery code, open case list,
recovery-code entry), the passphrase dialogs, the export dialog (for every client, then for the
selected rows and only what is not yet exported) and the question before it, the
template folder dialog (standard, and a folder with a broken template), the report of a
re-import, the problems list of a roster full of problems and the decisions taken in it (a
name entered, an answer decided, a repeated row left out, one problem still offering its
choices), an unreadable file, the crash box and the menus.

The column step is taken on an office's own list (顧問先No, 会社名, 〒, 住所1, 住所2, TEL,
個別報告する, 備考), and the first-case dialog on the empty window given a list.

``--docs`` also saves the Japanese picture of the problems list with its decisions as
``docs/problem-fixing.png``, the column step as ``docs/column-mapping.png`` and the send
dialog (File → Send by e-mail) as ``docs/mail-send.png``, the ones the
README shows beside the window pictures ``take_screenshot.py`` makes.

Every dialog is shown with ``open()`` or ``show()`` (never ``exec()``) and taken with
``QWidget.grab()``. The cases live in a throwaway folder with throwaway keys.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QPoint
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from noticedesk.core.bundled import sample_dir
from noticedesk.core.case import CaseStore, EphemeralKeySource, PassphraseKeySource
from noticedesk.core.case.errors import WrongPassphrase
from noticedesk.core.incident import load_incident
from noticedesk.core.office import OfficeProfile
from noticedesk.core.secrets import _unavailable_message
from noticedesk.gui.app import build_window
from noticedesk.gui.common.crash_handler import show_crash_box
from noticedesk.gui.dialogs.case_dialogs import NewCaseDialog, RecoveryCodeDialog
from noticedesk.gui.dialogs.office import OfficeDialog
from noticedesk.gui.dialogs.passphrase import PassphraseDialog
from noticedesk.gui.window.main_window import MainWindow

WINDOW_SIZE = (1360, 820)
PROBLEM_FIXING = Path(__file__).resolve().parent / "problem-fixing.png"
COLUMN_MAPPING = Path(__file__).resolve().parent / "column-mapping.png"
MAIL_SEND = Path(__file__).resolve().parent / "mail-send.png"
SAMPLE_CODE = "7KQ2M-XW9DF-3HRTP-BN6CV-J4YAE"  # shaped like a real one; opens nothing

# A roster as an office might send it on a bad day: every kind of problem the importer reports.
PROBLEM_HEADER = (
    "顧問先コード,事業所名,郵便番号,所在地,電話番号,メールアドレス,法人番号,従業員数,"
    "労働保険事務組合,個別報告希望"
)
PROBLEM_ROWS = [
    "C0001,㈱髙橋製作所,164-0001,東京都中野区中野3丁目5番13号,03-6363-9779,"
    "soumu@takahashi.example.jp,9499836243985,3,,",
    "C0002,,166-0003,東京都杉並区高円寺南5丁目7番2号,03-4712-2144,,,,,",
    "C0003,株式会社さくら運輸,8100001,福岡県福岡市中央区天神4丁目2番27号,928452013,,,40,"
    "福岡SR経営労務センター,たぶん",
    "C0004,合同会社ミナト企画①,22-12,,,minato@example,1234567890123,十数名,○,",
    "C0005,株式会社青葉ソフト,330-0854,埼玉県さいたま市大宮区桜木町5丁目6番4号,048-612-9974,"
    ",9.49984E+12,,,はい",
    "C0006,有限会社山﨑商店,166-0003,東京都杉並区高円寺南5丁目7番2号,03-4712-2144,,,,,",
    "C0007,株式会社青葉ソフト,330-0854,埼玉県さいたま市大宮区桜木町5-6-4,048-612-9974,,,,,",
    "C0008,株式会社みどり食品,150-0002,東京都渋谷区渋谷2丁目21番1号,0120-xx-xxxx,,,,,検討中",
]


def write_problem_roster(path: Path) -> Path:
    lines = ["顧問先一覧（8月更新分）,,,,,,,,,", PROBLEM_HEADER, *PROBLEM_ROWS]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp932"))
    return path


# An office's own list, headed its own way: NoticeDesk is sure of 会社名, 〒 and TEL only.
OFFICE_LIST = [
    "顧問先No,会社名,〒,住所1,住所2,TEL,個別報告する,備考",
    "101,㈱髙橋製作所,1640001,東京都中野区中野3-5-13,髙橋ビル2F,0363639779,,",
    "102,有限会社山﨑商店,166-0003,東京都杉並区高円寺南5-7-2,,03-4712-2144,○,社長直通",
    "103,株式会社さくら運輸,810-0001,福岡県福岡市中央区天神4-2-27,天神第一ビル,092-845-2013,,",
    "104,合同会社ミナト企画①,220-0012,神奈川県横浜市西区みなとみらい1-8-2,,045-629-3363,,",
    "105,株式会社青葉ソフト,330-0854,埼玉県さいたま市大宮区桜木町5-6-4,,048-612-9974,○,",
    "106,株式会社みどり食品,150-0002,東京都渋谷区渋谷2-21-1,渋谷ヒカリエ,03-5468-5892,,",
]


def write_office_list(path: Path) -> Path:
    path.write_bytes(
        ("\r\n".join(["顧問先一覧（2023年7月）", *OFFICE_LIST]) + "\r\n").encode("cp932")
    )
    return path


def write_changed_roster(path: Path) -> Path:
    """The sample roster as a month later: two clients gone, one new, one answer changed."""
    text = (sample_dir() / "roster.csv").read_bytes().decode("cp932")
    lines = text.splitlines()
    header_at = next(i for i, line in enumerate(lines) if line.startswith("顧問先コード"))
    body = [line for line in lines[header_at + 1 :] if line.strip()]
    kept = body[2:]  # the first two clients have left
    # The client who asked to report individually now leaves it to the office.
    kept = [line[:-2] + ",," if line.endswith(",○,") else line for line in kept]
    columns = lines[header_at].count(",") + 1
    new = [
        "C9001",
        "株式会社ひまわり介護",
        "160-0023",
        "東京都新宿区西新宿1丁目1番1号",
        "03-5321-1111",
    ]
    kept.append(",".join(new + [""] * (columns - len(new))))
    out = [*lines[: header_at + 1], *kept]
    path.write_bytes(("\r\n".join(out) + "\r\n").encode("cp932"))
    return path


class Shots:
    """Saves pictures as ``NN_<language>_<name>.png`` and lets Qt settle in between."""

    def __init__(self, app: QApplication, out: Path, language: str, docs: bool = False) -> None:
        self.app = app
        self.out = out
        self.language = language
        self.docs = docs  # also keep the problem-fixing picture in docs/ (Japanese only)
        self.count = 0
        self.failures: list[str] = []

    def settle(self, seconds: float = 0.15) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.01)

    def until(self, condition: Callable[[], bool], what: str, seconds: float = 20) -> bool:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            if condition():
                return True
            time.sleep(0.02)
        self.failures.append(f"[{self.language}] timed out waiting for {what}")
        return False

    def take(self, name: str, widget: QWidget | None) -> None:
        if widget is None:
            self.failures.append(f"[{self.language}] {name}: nothing to take")
            return
        widget.show()
        self.settle()
        self.count += 1
        path = self.out / f"{self.count:02d}_{self.language}_{name}.png"
        if not widget.grab().save(str(path)):
            self.failures.append(f"could not write {path}")

    def dialog(self, name: str, dialog: QWidget, then: Callable[[], None] | None = None) -> None:
        """Open ``dialog`` (never exec), take it, optionally act and take again, close it."""
        dialog.open()  # type: ignore[attr-defined]
        self.take(name, dialog)
        if then is not None:
            then()
            self.take(name + "_errors", dialog)
        dialog.close()
        self.settle(0.05)


def message_of(window: MainWindow) -> QWidget | None:
    return window.last_message


def close_message(shots: Shots, window: MainWindow) -> None:
    if window.last_message is not None:
        window.last_message.done(0)  # as a click would: ``finished`` forgets the box
    shots.settle(0.05)


def load(shots: Shots, window: MainWindow, path: Path) -> None:
    """Read ``path`` into the case as a drop would, and wait until it is in or refused."""
    outcome: list[object] = []
    window.roster_loading.roster_loaded.connect(outcome.append)
    window.roster_loading.roster_failed.connect(outcome.append)
    window.roster_loading.load_roster(path)
    shots.until(lambda: bool(outcome), f"reading {path.name}")
    window.roster_loading.roster_loaded.disconnect(outcome.append)
    window.roster_loading.roster_failed.disconnect(outcome.append)
    shots.settle(0.2)


def shoot_empty_window(shots: Shots, work: Path) -> None:
    """What a first-time user sees: no case, no roster."""
    app = shots.app
    window = build_window(app, work / "empty-data", shots.language)
    window.resize(*WINDOW_SIZE)
    window.show()
    shots.settle(0.5)
    shots.take("empty_window", window)
    # A list opened with no case open: the case is named and protected first.
    window.roster_loading.load_roster(sample_dir() / "roster.csv")
    loading = window.roster_loading
    if shots.until(lambda: loading.new_case.dialog is not None, "the first-case dialog"):
        shots.take("first_case", loading.new_case.dialog)
        if loading.new_case.dialog is not None:
            loading.new_case.dialog.reject()  # says the list was not imported
        shots.settle(0.05)
    if window.translation is not None:
        window.translation.switch("en")  # its translators go with it
    window.close()
    window.deleteLater()
    shots.settle(0.1)


def shoot_menus(shots: Shots, window: MainWindow) -> None:
    for name, menu in (
        ("menu_file", window.menus.file_menu),
        ("menu_edit", window.menus.edit_menu),
        ("menu_case", window.menus.case_menu),
        ("menu_settings", window.menus.settings_menu),
        ("menu_view", window.menus.view_menu),
        ("menu_help", window.menus.help_menu),
    ):
        assert isinstance(menu, QMenu)
        menu.popup(window.mapToGlobal(QPoint(40, 40)))
        shots.take(name, menu)
        menu.hide()
        shots.settle(0.05)


def shoot_demo(shots: Shots, work: Path) -> MainWindow:
    app, lang = shots.app, shots.language
    data = work / "data"
    window = build_window(app, data, lang, demo=True, throwaway=True)
    window.resize(*WINDOW_SIZE)
    window.show()
    shots.until(lambda: window.model.rowCount() > 0, "the demo case")
    shots.settle(0.3)
    window.table.selectRow(2)
    shots.take("main_window", window)
    shoot_menus(shots, window)

    # Case → Office profile…: the sample office, then an office that has entered nothing.
    window.case_details.edit_office()
    shots.take("office_filled", window.case_details.office_dialog)
    window.case_details.office_dialog.close()
    empty = OfficeDialog(OfficeProfile(), window)
    shots.dialog("office_empty", empty, empty.accept)

    # Case → Incident and deadlines…: the sample (filed), then unfiled and late.
    window.case_details.edit_incident()
    shots.take("incident_filled", window.case_details.incident_dialog)
    window.case_details.incident_dialog.close()
    session = window.state.session
    assert session is not None and session.incident is not None
    unfiled = dataclasses.replace(session.incident, preliminary_filed_on=None, final_filed_on=None)
    session.set_incident(unfiled)
    window.status_area.update_deadlines()
    window.case_details.edit_incident()
    shots.take("incident_overdue", window.case_details.incident_dialog)
    window.case_details.incident_dialog.close()
    shots.take("overdue_banner", window)

    # The Case menu's dialogs.
    new_case = NewCaseDialog([session.name], window)
    shots.dialog("new_case", new_case, new_case.accept)
    recovery = RecoveryCodeDialog(SAMPLE_CODE, "2023年6月 社労夢障害", window)
    shots.dialog("recovery_code", recovery)
    for name, source in (
        ("2023年6月 社労夢障害", EphemeralKeySource()),
        ("2022年 給与明細の誤送信", PassphraseKeySource("correct horse battery", n=2**10)),
    ):
        store, _code = CaseStore.create(data, name, source)
        store.close()
    window.case_commands.choose_case()
    shots.take("open_case_list", window.case_commands.dialog)
    window.case_commands.dialog.close()
    window.case_commands.recover(session.name)
    entry = window.case_commands.dialog
    entry.code.setText("7KQ2M-XW9DF-3HRTP-BN6CV-J4YAA")
    shots.take("recovery_entry", entry)
    entry.accept()
    shots.take("recovery_entry_wrong", entry)
    entry.close()
    shots.settle(0.05)

    explanation = _unavailable_message().text(lang)
    shots.dialog("passphrase_new", PassphraseDialog(explanation, new=True, parent=window))
    asked = PassphraseDialog(
        "",
        new=False,
        error=WrongPassphrase().text(lang),
        parent=window,
    )
    shots.dialog("passphrase_wrong", asked)
    short = PassphraseDialog(explanation, new=True, parent=window)
    short.passphrase.setText("abc")
    shots.dialog("passphrase_new", short, short.accept)

    # File → Export…: the dialog, then the question when something is missing.
    window.export_flow.start()
    shots.take("export_dialog", window.export_flow.dialog)
    if window.export_flow.dialog is not None:
        window.export_flow.dialog.close()
    shoot_export_choice(shots, window)
    shoot_mail_dialog(shots, window)
    window.export_flow._offer_to_complete(
        ["「事務所名」は必須です。" if lang == "ja" else "Office name is required."],
        [],
    )
    shots.take("export_missing", message_of(window))
    close_message(shots, window)

    # Settings → Template folder…: standard, then a folder with a broken template.
    window.templates.edit()
    shots.take("templates_standard", window.templates.dialog)
    own = work / "事務所のテンプレート"
    own.mkdir()
    (own / "cover.docx").write_bytes(b"not a Word file")
    window.templates.dialog.choose(own)
    shots.take("templates_broken", window.templates.dialog)
    window.templates.dialog.use_standard()
    window.templates.dialog.close()
    shots.settle(0.05)

    shoot_column_mapping(shots, window, work)

    # Re-import: the report of what changed.
    changed = write_changed_roster(work / "顧問先一覧_8月.csv")
    load(shots, window, changed)
    shots.take("reimport_report", message_of(window))
    close_message(shots, window)

    # A roster full of problems: the list beside the table, then export refused.
    problems = write_problem_roster(work / "顧問先一覧_問題あり.csv")
    load(shots, window, problems)
    close_message(shots, window)  # what changed: taken above for the first re-import
    shots.take("problems_panel", window)
    window.export_flow.start()
    shots.take("export_blocked", message_of(window))
    close_message(shots, window)
    shoot_problem_fixing(shots, window)

    # A file that is not a client list.
    broken = work / "顧問先一覧.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not a workbook")
    load(shots, window, broken)
    shots.take("unreadable_file", message_of(window))
    close_message(shots, window)

    shots.take("crash_box", show_crash_box(window, str(work / "crash-20230728-101500.txt")))
    close_message(shots, window)
    shoot_help(shots, window)
    return window


def shoot_column_mapping(shots: Shots, window: MainWindow, work: Path) -> None:
    """The column step on an office's own list; cancelled, so the case stays as it was."""
    loading = window.roster_loading
    loading.load_roster(write_office_list(work / "顧問先一覧_事務所形式.csv"))
    if not shots.until(lambda: loading.columns.dialog is not None, "the column step"):
        return
    dialog = loading.columns.dialog
    assert dialog is not None
    shots.take("column_mapping", dialog)
    if shots.docs and shots.language == "ja" and not dialog.grab().save(str(COLUMN_MAPPING)):
        shots.failures.append(f"could not write {COLUMN_MAPPING}")
    dialog.reject()  # says nothing was imported
    shots.settle(0.05)


def shoot_export_choice(shots: Shots, window: MainWindow) -> None:
    """The export dialog for two selected rows, only what is not yet exported: the print files
    greyed, the count of what it writes."""
    window.table.clearSelection()
    for row in (1, 3):
        window.table.selectionModel().select(
            window.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    window.export_flow.start()
    dialog = window.export_flow.dialog
    if dialog is None:
        shots.failures.append(f"[{shots.language}] export_dialog_selected: no dialog")
        return
    dialog.selected_button.setChecked(True)
    dialog.pending_box.setChecked(True)
    shots.take("export_dialog_selected", dialog)
    dialog.close()
    window.table.clearSelection()
    shots.settle(0.05)


def shoot_mail_dialog(shots: Shots, window: MainWindow) -> None:
    """File → Send by e-mail on the demo case (its office given a mail server), with the first
    client's message read as it will be sent."""
    session = window.state.session
    if session is None:
        shots.failures.append(f"[{shots.language}] mail_send: no case")
        return
    office = session.office()
    session.save_office(dataclasses.replace(office, smtp_host="smtp.sakuradai-sr.example.jp"))
    window.mail_flow.start()
    dialog = window.mail_flow.dialog
    if dialog is None:
        shots.failures.append(f"[{shots.language}] mail_send: no dialog")
        session.save_office(office)
        return
    dialog.table.selectRow(0)
    shots.until(lambda: "Subject:" in dialog.message.toPlainText(), "the message", 60)
    shots.take("mail_send", dialog)
    if shots.docs and shots.language == "ja" and not dialog.grab().save(str(MAIL_SEND)):
        shots.failures.append(f"could not write {MAIL_SEND}")
    dialog.close()
    session.save_office(office)
    shots.settle(0.05)


def shoot_help(shots: Shots, window: MainWindow) -> None:
    """ヘルプ: バージョン情報, 使い方 and ライセンス."""
    help_commands = window.menus.help
    for name, action in (
        ("about", help_commands.about_action),
        ("guide", help_commands.guide_action),
        ("licences", help_commands.licences_action),
    ):
        action.trigger()
        shots.take(name, help_commands.dialog)
        if help_commands.dialog is not None:
            help_commands.dialog.close()
        shots.settle(0.05)


def show_problem(window: MainWindow, row: int) -> None:
    """Make the error of spreadsheet row ``row`` the current line of the problems list."""
    panel = window.problems
    for line, problem in enumerate(panel.model.lines()):
        if problem.issue.row == row and problem.kept.is_error:
            panel.view.setCurrentIndex(panel.model.index(line, 2))
            return


def shoot_problem_fixing(shots: Shots, window: MainWindow) -> None:
    """The problems fixed where they are seen: a name entered (its dialog taken), an answer
    decided, a repeated row left out, and the last error still offering its choices."""
    panel, decisions = window.problems, window.problem_decisions
    ja = shots.language == "ja"
    show_problem(window, 4)  # C0002 without a name
    panel.buttons[0].click()  # Enter the name…
    dialog = decisions.name_dialog
    if dialog is None:
        shots.failures.append(f"[{shots.language}] problem_name: no dialog")
        return
    dialog.setTextValue("株式会社杉並精工")
    shots.take("problem_name", dialog)
    dialog.accept()
    show_problem(window, 5)  # さくら運輸: 「たぶん」
    panel.buttons[1].click()  # Answer: reports individually
    show_problem(window, 9)  # 青葉ソフト again, as C0007
    panel.buttons[0].click()  # Leave this row out of this case
    show_problem(window, 10)  # みどり食品: 「検討中」, still to decide
    window.table.clearSelection()
    # The reports as filed again (an earlier picture made them overdue): no banner here.
    window.state.set_incident(load_incident(sample_dir() / "incident.toml"))
    window.status_area.update_deadlines()
    shots.settle(0.2)
    shots.take("problem_fixing", window)
    if shots.docs and ja and not window.grab().save(str(PROBLEM_FIXING)):
        shots.failures.append(f"could not write {PROBLEM_FIXING}")


def run(app: QApplication, out: Path, languages: list[str], docs: bool = False) -> list[str]:
    failures: list[str] = []
    for lang in languages:
        shots = Shots(app, out, lang, docs)
        with tempfile.TemporaryDirectory(prefix="noticedesk-shots-") as tmp:
            work = Path(tmp)
            try:
                shoot_empty_window(shots, work)
                window = shoot_demo(shots, work)
            except Exception as exc:  # reported below; the next language still runs
                failures.append(f"[{lang}] {exc!r}")
                continue
            finally:
                failures.extend(shots.failures)
            translation = window.translation
            window.close()
            window.deleteLater()
            shots.settle(0.1)
            if translation is not None:
                translation.switch("en")  # the next language starts from a clean slate
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder for the pictures (default: a new one)")
    parser.add_argument("--lang", choices=("ja", "en"), help="only this language")
    parser.add_argument(
        "--docs",
        action="store_true",
        help=f"also save {PROBLEM_FIXING.name} and {COLUMN_MAPPING.name} in docs/ (Japanese)",
    )
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="noticedesk-dialogs-"))
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("NoticeDesk")
    languages = [args.lang] if args.lang else ["ja", "en"]
    failures = run(app, out, languages, args.docs)
    if failures:
        print("\n".join(failures), file=sys.stderr)
        return 1
    print(f"wrote {len(list(out.glob('*.png')))} pictures to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
