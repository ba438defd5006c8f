"""Take a picture of every dialog and state of the window, to look at them as an office user would.

Run under a virtual X display with Japanese fonts (Debian: xvfb, fonts-noto-cjk):

    xvfb-run -a -s "-screen 0 1400x900x24" python docs/take_dialog_shots.py [--out DIR] [--lang ja|en]

The pictures go to DIR (by default a new temporary folder, printed at the end), never into the
repository: they are for looking, not for keeping. Each language (Japanese, then English unless
--lang names one) gets the whole series: the empty window a first-time user sees, the demo case,
the office profile (filled, and empty with its errors), the incident (filled, and unfiled and
overdue), the overdue banner, the Case menu's dialogs (new case, recovery code, open case list,
recovery-code entry), the passphrase dialogs, the export dialog and the question before it, the
template folder dialog (standard, and a folder with a broken template), the report of a
re-import, the problems list of a roster full of problems, an unreadable file, the crash box and
the menus.

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

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from noticedesk.core.bundled import sample_dir
from noticedesk.core.case import CaseStore, EphemeralKeySource, PassphraseKeySource
from noticedesk.core.case.errors import WrongPassphrase
from noticedesk.core.office import OfficeProfile
from noticedesk.core.secrets import _unavailable_message
from noticedesk.gui.app import build_window
from noticedesk.gui.common.crash_handler import show_crash_box
from noticedesk.gui.dialogs.case_dialogs import NewCaseDialog, RecoveryCodeDialog
from noticedesk.gui.dialogs.office import OfficeDialog
from noticedesk.gui.dialogs.passphrase import PassphraseDialog
from noticedesk.gui.window.main_window import MainWindow

WINDOW_SIZE = (1360, 820)
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

    def __init__(self, app: QApplication, out: Path, language: str) -> None:
        self.app = app
        self.out = out
        self.language = language
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

    # A file that is not a client list.
    broken = work / "顧問先一覧.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not a workbook")
    load(shots, window, broken)
    shots.take("unreadable_file", message_of(window))
    close_message(shots, window)

    shots.take("crash_box", show_crash_box(window, str(work / "crash-20230728-101500.txt")))
    close_message(shots, window)
    return window


def run(app: QApplication, out: Path, languages: list[str]) -> list[str]:
    failures: list[str] = []
    for lang in languages:
        shots = Shots(app, out, lang)
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
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="noticedesk-dialogs-"))
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("NoticeDesk")
    languages = [args.lang] if args.lang else ["ja", "en"]
    failures = run(app, out, languages)
    if failures:
        print("\n".join(failures), file=sys.stderr)
        return 1
    print(f"wrote {len(list(out.glob('*.png')))} pictures to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
