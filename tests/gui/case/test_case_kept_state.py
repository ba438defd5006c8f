"""The window shows what the case keeps: its list's problems after a restart, the export rule
the command line applies, and changes made to the case elsewhere."""

from __future__ import annotations

from pathlib import Path

from noticedesk.core.case import CaseStore, KeyringKeySource
from noticedesk.core.case.export_rule import export_blockers
from tests.helpers.windows import (
    ROWS,
    WindowFactory,
    open_session,
    prepared_session,
    write_roster,
)


def test_a_list_with_errors_stays_blocked_and_listed_after_a_restart(
    make_window: WindowFactory, data_dir: Path, tmp_path: Path
) -> None:
    rows = [
        *ROWS[:4],
        "C0005,株式会社青葉ソフト,330-0854,埼玉県さいたま市,048-612-9974,,はい(確認中)",
    ]
    session = prepared_session(data_dir, write_roster(tmp_path / "一覧.csv", rows))
    session.close()
    # A restart: a new window on the case as it is on disk.
    window = make_window(open_session(data_dir))
    assert window.problems_dock.isVisible()
    assert any("はい(確認中)" in i.message for i in window.problems.model.issues())
    reason = window.export_flow.blocked_reason()
    store = window.state.session.store  # type: ignore[union-attr]
    # The same sentence noticedesk export --out gives.
    assert reason == export_blockers(store)[0].text("en")
    assert not window.menus.export_action.isEnabled()


def test_a_tick_made_elsewhere_is_shown_and_an_untick_here_is_kept(
    make_window: WindowFactory, data_dir: Path, tmp_path: Path
) -> None:
    session = prepared_session(data_dir, write_roster(tmp_path / "一覧.csv", ROWS))
    window = make_window(session)
    other = CaseStore.open(data_dir, "テスト事案", KeyringKeySource())  # the command line
    try:
        first = window.model.row_at(0).client
        assert not first.individual
        other.set_individual([first.key], True)
        assert window.case_watcher.check()
        assert window.model.row_at(0).individual
        # Unticking here is applied to what the file holds, and logged.
        window.ticking.apply({first.key: False})
        reread = CaseStore.open(data_dir, "テスト事案", KeyringKeySource())
        try:
            assert not next(c for c in reread.clients() if c.key == first.key).individual
            assert reread.audit_entries()[-1].action == "untick"
        finally:
            reread.close()
        assert not window.case_watcher.check()  # its own change is not news
    finally:
        other.close()
