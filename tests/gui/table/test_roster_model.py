"""The table model and its search/sort proxy, without any widget."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from noticedesk.core.clients import Client
from noticedesk.core.documents.kinds import DOCUMENT_KINDS
from noticedesk.gui.table.filter import RosterFilterModel
from noticedesk.gui.table.model import (
    COL_CODE,
    COL_FIRST_STATUS,
    COL_INDIVIDUAL,
    COL_NAME,
    COL_PHONE,
    RosterTableModel,
    RowRole,
    SortRole,
    TableRow,
)


def _rows() -> list[TableRow]:
    clients = [
        Client(
            row=4,
            code="C0003",
            name="株式会社さくら運輸",
            address="福岡県福岡市",
            phone="092-845-2013",
        ),
        Client(
            row=5, code="C0001", name="㈱髙橋製作所", address="東京都中野区", phone="03-6363-9779"
        ),
        Client(
            row=6,
            code="C0002",
            name="ＡＢＣ商事株式会社",
            address="東京都新宿区",
            phone="03-1111-2222",
        ),
    ]
    return [
        TableRow(c, individual=(i == 0), statuses={"cover": "exported"})
        for i, c in enumerate(clients)
    ]


def _model(qtbot: QtBot) -> RosterTableModel:
    model = RosterTableModel()
    model.set_rows(_rows())
    return model


def test_cells_show_the_client_and_the_tick(qtbot: QtBot) -> None:
    model = _model(qtbot)
    assert model.rowCount() == 3
    assert model.data(model.index(1, COL_NAME)) == "㈱髙橋製作所"
    assert model.data(model.index(1, COL_PHONE)) == "03-6363-9779"
    assert model.data(model.index(0, COL_INDIVIDUAL), Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )
    assert model.data(model.index(1, COL_INDIVIDUAL), Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Unchecked
    )
    assert model.flags(model.index(0, COL_INDIVIDUAL)) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.flags(model.index(0, COL_NAME)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.count_individual() == 1


def test_document_status_columns_show_words_not_codes(qtbot: QtBot) -> None:
    model = _model(qtbot)
    statuses = [model.data(model.index(1, c)) for c in range(COL_FIRST_STATUS, model.columnCount())]
    assert "Exported" in statuses  # the cover letter
    assert "Not made" in statuses
    assert "exported" not in statuses


def test_only_changed_tick_cells_are_announced(qtbot: QtBot) -> None:
    model = _model(qtbot)
    changes: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda tl, br, roles: changes.append((tl.row(), tl.column(), br.row(), br.column()))
    )
    keys = [r.key for r in model.rows()]
    model.set_individual({keys[0]: True, keys[1]: True, keys[2]: True})  # row 0 already ticked
    # The tick cells, and the own-report guide's status cells ("—" without a tick).
    guide = COL_FIRST_STATUS + DOCUMENT_KINDS.index("individual")
    assert changes == [(1, COL_INDIVIDUAL, 2, COL_INDIVIDUAL), (1, guide, 2, guide)]
    assert model.count_individual() == 3


def test_a_click_asks_the_window_instead_of_changing_the_row(qtbot: QtBot) -> None:
    model = _model(qtbot)
    asked: list[tuple[int, bool]] = []
    model.tick_requested = lambda row, value: asked.append((row, value))
    assert model.setData(
        model.index(2, COL_INDIVIDUAL), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    assert asked == [(2, True)]
    assert model.row_at(2).individual is False  # unchanged until the window saves it


def test_search_narrows_rows_with_full_width_and_case_ignored(qtbot: QtBot) -> None:
    model = _model(qtbot)
    proxy = RosterFilterModel()
    proxy.setSourceModel(model)
    proxy.set_search_text("abc")  # the name is written ＡＢＣ
    assert proxy.rowCount() == 1
    assert proxy.data(proxy.index(0, COL_NAME)) == "ＡＢＣ商事株式会社"
    proxy.set_search_text("東京都　03")  # full-width space separates words; both must match
    names = {proxy.data(proxy.index(r, COL_NAME)) for r in range(proxy.rowCount())}
    assert names == {"㈱髙橋製作所", "ＡＢＣ商事株式会社"}
    proxy.set_search_text("存在しない")
    assert proxy.rowCount() == 0
    proxy.set_search_text("")
    assert proxy.rowCount() == 3


def test_search_survives_a_new_roster(qtbot: QtBot) -> None:
    model = _model(qtbot)
    proxy = RosterFilterModel()
    proxy.setSourceModel(model)
    proxy.set_search_text("福岡")
    assert proxy.rowCount() == 1
    model.set_rows(_rows() + _rows()[:1])  # the re-imported list has another Fukuoka row
    assert proxy.rowCount() == 2


def test_sorting_uses_raw_values_and_rows_keep_their_record(qtbot: QtBot) -> None:
    model = _model(qtbot)
    proxy = RosterFilterModel()
    proxy.setSourceModel(model)
    proxy.sort(COL_INDIVIDUAL, Qt.SortOrder.DescendingOrder)
    assert proxy.data(proxy.index(0, COL_INDIVIDUAL), SortRole) == 1
    assert proxy.data(proxy.index(0, COL_NAME), RowRole).client.code == "C0003"
    proxy.sort(COL_CODE, Qt.SortOrder.AscendingOrder)
    assert [proxy.data(proxy.index(r, COL_CODE)) for r in range(3)] == ["C0001", "C0002", "C0003"]
    for r in range(3):  # the record behind each visible row is that row's client
        record = proxy.data(proxy.index(r, COL_NAME), RowRole)
        assert record.client.name == proxy.data(proxy.index(r, COL_NAME))


def test_sorting_keeps_the_search_and_goes_back_to_file_order(qtbot: QtBot) -> None:
    model = _model(qtbot)
    proxy = RosterFilterModel()
    proxy.setSourceModel(model)
    proxy.set_search_text("東京都")
    proxy.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    names = [proxy.data(proxy.index(r, COL_NAME)) for r in range(proxy.rowCount())]
    assert sorted(names, reverse=True) == names
    assert set(names) == {"㈱髙橋製作所", "ＡＢＣ商事株式会社"}
    proxy.set_search_text("")
    proxy.sort(-1)
    assert [proxy.data(proxy.index(r, COL_CODE)) for r in range(3)] == ["C0003", "C0001", "C0002"]


def test_pending_documents_follow_ticks_and_statuses(qtbot: QtBot) -> None:
    model = RosterTableModel()
    done = {"internal": "sent", "report": "sent", "cover": "printed"}
    client = Client(row=4, code="C1", name="株式会社済")
    model.set_rows([TableRow(client, individual=False, statuses=dict(done))])
    assert model.count_documents_pending() == 0  # the own-report guide is not needed
    model.set_individual({client.key: True})
    assert model.count_documents_pending() == 1  # now it is, and not made
    model.set_status(client.key, "individual", "exported")
    assert model.count_documents_pending() == 0
    assert model.count_individual() == 1
