"""The command line and the window give the same answer on the same input, rule by rule.

Each rule lives once in the core; these tests drive both faces over one data folder and check
that what each says (or records) is the same: a wrong 法人番号 in the office profile, what the
incident still lacks, an export stopped part-way, and which case opens with which key.
The command line speaks Japanese, so the window is compared in Japanese too.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from PySide6.QtWidgets import QDialogButtonBox

from noticedesk.cli import case_access
from noticedesk.cli.main import main
from noticedesk.core.bundled import sample_dir
from noticedesk.core.case import PassphraseKeySource, recorded_export
from noticedesk.core.case.index import case_to_open
from noticedesk.core.documents import DOCUMENT_KINDS
from noticedesk.core.documents.kinds import default_kinds
from noticedesk.core.incident import load_incident
from noticedesk.core.office_store import profile_path
from noticedesk.gui.common.i18n import Translation
from tests.helpers.windows import WindowFactory, open_session

SAMPLE = sample_dir()
WRONG_NUMBER = "1234567890123"  # 13 digits whose check digit does not fit


@pytest.fixture
def japanese(translation: Translation) -> None:
    """The window in Japanese, as the office sees it (and as the command line speaks)."""
    assert translation.switch("ja")


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """Run ``noticedesk ARGV``; its exit code and what it wrote to stderr."""
    capsys.readouterr()
    code = main(list(argv))
    return code, capsys.readouterr().err


def new_case(capsys: pytest.CaptureFixture[str], name: str, *, incident: Path | None) -> None:
    """A case as the command line makes it: the sample roster, and ``incident`` if given."""
    assert cli(capsys, "case", "new", name)[0] == 0
    assert cli(capsys, "case", "import", str(SAMPLE / "roster.csv"))[0] == 0
    if incident is not None:
        assert cli(capsys, "case", "incident", str(incident))[0] in (0, 1)  # 1: stored, lacking


def listed(text: str) -> list[str]:
    """The items of a window message, one per "・" line."""
    return [line[1:] for line in text.splitlines() if line.startswith("・")]


def both_refuse_to_export(
    capsys: pytest.CaptureFixture[str], make_window: WindowFactory, data_dir: Path, out: Path
) -> tuple[str, list[str]]:
    """``noticedesk export --out`` and File → Export on the case opened last, both refused:
    what the command line said, and the items the window's message lists."""
    code, said = cli(capsys, "export", "--out", str(out / "cli"))
    assert code == 2
    last = case_to_open(data_dir)
    assert last is not None
    window = make_window(open_session(data_dir, last.name), language="ja")
    window.export_flow.start()
    box = window.last_message
    assert box is not None and window.export_flow.dialog is None  # nothing asked, nothing run
    return said, listed(box.text())


# --- the office profile -----------------------------------------------------------------------


def test_a_wrong_corporate_number_is_refused_with_the_same_sentence(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    japanese: None,
    make_window: WindowFactory,
) -> None:
    assert cli(capsys, "office", "import", str(SAMPLE / "office.toml"))[0] == 0
    new_case(capsys, "法人番号", incident=SAMPLE / "incident.toml")
    code, said = cli(capsys, "office", "set", "corporate_number", WRONG_NUMBER)
    assert code == 2

    window = make_window(open_session(data_dir, "法人番号"), language="ja")
    window.case_details.edit_office()
    dialog = window.case_details.office_dialog
    assert dialog is not None
    dialog.field("corporate_number").setText(WRONG_NUMBER)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible()  # refused: not saved
    shown = dialog.errors.text()
    assert WRONG_NUMBER in shown and shown in said


def test_a_stored_wrong_corporate_number_stops_both_exports_for_the_same_reason(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    tmp_path: Path,
    make_window: WindowFactory,
) -> None:
    # A profile written before the rule (or by hand): loaded as it is, refused by the export.
    text = (SAMPLE / "office.toml").read_text(encoding="utf-8")
    text = re.sub(r'corporate_number = "\d+"', f'corporate_number = "{WRONG_NUMBER}"', text)
    profile_path(data_dir).parent.mkdir(parents=True, exist_ok=True)
    profile_path(data_dir).write_text(text, encoding="utf-8")
    new_case(capsys, "古い事務所情報", incident=SAMPLE / "incident.toml")
    said, items = both_refuse_to_export(capsys, make_window, data_dir, tmp_path)
    assert len(items) == 1 and WRONG_NUMBER in items[0]
    assert items == [line for line in said.splitlines() if WRONG_NUMBER in line]
    assert not (tmp_path / "cli").exists()


# --- the incident -------------------------------------------------------------------------------


def test_the_window_names_what_the_incident_lacks_as_the_command_line_does(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    tmp_path: Path,
    make_window: WindowFactory,
) -> None:
    # Day 1: the title is known, the cause is not; the sample has clients reporting
    # individually, so the day of the first notice to the clients is needed as well.
    data = tomllib.loads((SAMPLE / "incident.toml").read_text(encoding="utf-8"))
    data["incident"]["vendor"] = ""
    del data["incident"]["clients_notified_on"]
    data["items"]["cause"] = ""
    half_done = tmp_path / "incident.toml"
    half_done.write_text(tomli_w.dumps(data), encoding="utf-8")
    assert cli(capsys, "office", "import", str(SAMPLE / "office.toml"))[0] == 0
    new_case(capsys, "初日", incident=half_done)
    said, items = both_refuse_to_export(capsys, make_window, data_dir, tmp_path)
    assert len(items) == 3  # the vendor, the cause, the first notice to the clients
    assert items == [line for line in said.splitlines() if line in items]
    assert [line for line in said.splitlines() if line.strip()] == items


# --- an export stopped part-way -------------------------------------------------------------------


def stops_after(documents: int) -> Callable[..., Any]:
    """The engine, cancelled once ``documents`` documents are written (one worker, in order)."""
    real = recorded_export.export_case

    def export_case(*args: Any, **kwargs: Any) -> Any:
        asked = {"n": 0}

        def cancelled() -> bool:
            asked["n"] += 1
            return asked["n"] > documents

        return real(*args, **{**kwargs, "cancelled": cancelled, "workers": 1})

    return export_case


def recorded(data_dir: Path, name: str, out: Path) -> tuple[dict[tuple[str, str], str], Any]:
    """The case's statuses by (client code, kind), and its export log entry with the files
    named relative to the export folder."""
    session = open_session(data_dir, name)
    try:
        statuses = {
            (cc.client.code, kind): str(getattr(entry, "status", entry))
            for cc in session.store.clients()
            for kind, entry in cc.statuses.items()
        }
        [entry] = [e for e in session.store.audit_entries() if e.action == "export"]
    finally:
        session.close()
    details = dict(entry.details)
    details["files"] = {
        client: sorted(str(Path(f).relative_to(out)) for f in files)
        for client, files in details["files"].items()
    }
    if details["ppc_list"]:
        details["ppc_list"] = str(Path(details["ppc_list"]).relative_to(out))
    return statuses, details


def test_an_export_stopped_part_way_is_recorded_alike_by_both(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    tmp_path: Path,
    make_window: WindowFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert cli(capsys, "office", "import", str(SAMPLE / "office.toml"))[0] == 0
    new_case(capsys, "窓", incident=SAMPLE / "incident.toml")
    new_case(capsys, "コマンド", incident=SAMPLE / "incident.toml")
    monkeypatch.setattr(recorded_export, "export_case", stops_after(5))

    by_cli = tmp_path / "cli"
    code, said = cli(capsys, "export", "--out", str(by_cli))
    assert code == 2 and said

    by_window = tmp_path / "window"
    window = make_window(open_session(data_dir, "窓"), language="ja")
    # What both export unless told otherwise (the sample's reply-by date adds the slip).
    kinds = default_kinds(load_incident(SAMPLE / "incident.toml"))
    window.export_flow.run(by_window, list(kinds))
    assert window.last_message is not None and not window.state.exporting
    window.close()

    cli_statuses, cli_log = recorded(data_dir, "コマンド", by_cli)
    window_statuses, window_log = recorded(data_dir, "窓", by_window)
    assert sum(s == "exported" for s in cli_statuses.values()) == 5
    assert cli_statuses == window_statuses
    assert cli_log == window_log
    # The window's table says what the case says, for the documents it has columns for (the
    # reply slip's column is the answer itself).
    shown = {
        (row.client.code, kind): status
        for row in window.model.rows()
        for kind, status in row.statuses.items()
    }
    assert {k for k, s in shown.items() if s == "exported"} == {
        k for k, s in window_statuses.items() if s == "exported" and k[1] in DOCUMENT_KINDS
    }


# --- which case, and which key ------------------------------------------------------------------


def test_both_open_the_same_case_and_ask_for_a_passphrase_for_the_same_cases(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    make_window: WindowFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(case_access.ENV_PASSPHRASE, "さくら台2023")
    assert cli(capsys, "case", "new", "合言葉", "--passphrase")[0] == 0
    monkeypatch.delenv(case_access.ENV_PASSPHRASE)
    assert cli(capsys, "case", "new", "鍵")[0] == 0
    asked: list[str] = []

    def ask_passphrase(*, confirm: bool = False) -> PassphraseKeySource:
        asked.append("yes")
        return PassphraseKeySource("さくら台2023")

    monkeypatch.setattr(case_access, "ask_passphrase", ask_passphrase)
    window = make_window(None, language="ja")
    opener = window.case_commands.opener
    for name, needs_one in (("合言葉", True), ("鍵", False)):
        asked.clear()
        assert cli(capsys, "case", "open", name)[0] == 0
        opener.open_named(name)
        dialog = opener.dialog
        assert bool(asked) is needs_one
        assert (dialog is not None) is needs_one
        if dialog is not None:
            dialog.passphrase.setText("さくら台2023")
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        assert window.state.session is not None and window.state.session.name == name

    # The case opened last is the one both open next.
    assert cli(capsys, "case", "open", "合言葉")[0] == 0
    window.state.set_session(None)
    opener.use_passphrase("さくら台2023")
    opener.open_last(lambda: None)
    assert window.state.session is not None and window.state.session.name == "合言葉"
    capsys.readouterr()
    assert main(["case", "status"]) == 0
    assert "合言葉" in capsys.readouterr().out
