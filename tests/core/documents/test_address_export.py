"""Envelopes and labels in an export: written into the print folder for the clients exported,
refused before anything is written when an address cannot be printed, never over a file
without force."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticedesk.core.addresses import envelope_size, find_layout
from noticedesk.core.case import CaseStore, KeyringKeySource
from noticedesk.core.case.recorded_export import export_and_record
from noticedesk.core.documents import ExportProblem, export_case
from noticedesk.core.documents.address_files import AddressOptions
from noticedesk.core.documents.print_files import PRINT_FOLDER
from tests.helpers.address_sheets import grid_cells, sample_clients
from tests.helpers.cases import roster
from tests.helpers.documents import client, sample_incident, sample_office


def test_envelopes_and_labels_are_written_for_every_client(tmp_path: Path) -> None:
    clients = sample_clients()[:5]
    options = AddressOptions(envelope_size("kaku2"), find_layout("a4-24"), start=4)
    result = export_case(
        clients,
        sample_office(),
        sample_incident(),
        tmp_path,
        ["cover", "envelope", "labels"],
        addresses=options,
    )
    assert result.address_files == {
        "envelope": tmp_path / PRINT_FOLDER / "封筒_角形2号.docx",
        "labels": tmp_path / PRINT_FOLDER / "宛名ラベル_a4-24.docx",
    }
    assert result.count == 5  # the cover letters; the address files are not client documents
    envelopes = grid_cells(result.address_files["envelope"].read_bytes())
    assert len(envelopes) == 2 * len(clients)
    for one, (front,) in zip(clients, envelopes[::2], strict=True):
        assert one.printed_name in front
    labels = [
        cell for row in grid_cells(result.address_files["labels"].read_bytes()) for cell in row
    ]
    assert labels[:3] == ["", "", ""] and clients[0].printed_name in labels[3]


def test_an_address_that_cannot_be_printed_stops_the_export_before_anything_is_written(
    tmp_path: Path,
) -> None:
    clients = [*sample_clients()[:3], client("住所のない商店", row=12, address="")]
    with pytest.raises(ExportProblem) as caught:
        export_case(
            clients, sample_office(), sample_incident(), tmp_path / "out", ["cover", "labels"]
        )
    assert "12行目" in caught.value.problems[0].message
    assert not (tmp_path / "out").exists()


def test_existing_address_files_are_replaced_only_with_force(tmp_path: Path) -> None:
    clients = sample_clients()[:2]
    args = (clients, sample_office(), sample_incident(), tmp_path, ["envelope"])
    first = export_case(*args).address_files["envelope"]
    first.write_bytes(b"staff's own edits")
    with pytest.raises(ExportProblem) as caught:
        export_case(*args)
    assert "上書き" in caught.value.problems[0].message
    assert first.read_bytes() == b"staff's own edits"
    export_case(*args, force=True)
    assert first.read_bytes().startswith(b"PK")


def test_a_link_where_the_labels_go_is_never_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.docx"
    outside.write_bytes(b"not ours")
    out = tmp_path / "out"
    (out / PRINT_FOLDER).mkdir(parents=True)
    (out / PRINT_FOLDER / "宛名ラベル_a4-12.docx").symlink_to(outside)
    with pytest.raises(ExportProblem):
        export_case(
            sample_clients()[:2], sample_office(), sample_incident(), out, ["labels"], force=True
        )
    assert outside.read_bytes() == b"not ours"


def test_a_case_export_of_selected_rows_addresses_only_those(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    store, _code = CaseStore.create(isolated_data_dir, "宛名テスト", KeyringKeySource())
    try:
        store.import_roster(roster(sample_clients()[:6]))
        keys = [entry.key for entry in store.clients()][2:4]
        result = export_and_record(
            store,
            sample_office(),
            sample_incident(),
            tmp_path / "out",
            ["envelope"],  # envelopes only: no document is chosen, and that is not nothing
            clients=keys,
        )
        rows = grid_cells(result.address_files["envelope"].read_bytes())
        names = [entry.client.printed_name for entry in store.clients()]
        assert len(rows) == 4
        assert names[2] in rows[0][0] and names[3] in rows[2][0]
        assert result.count == 0
        last = store.audit_entries()[-1]
        assert last.action == "export"
        assert str(result.address_files["envelope"]) in last.summary()  # the office's record
    finally:
        store.close()
