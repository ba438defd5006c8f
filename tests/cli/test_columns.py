"""`--columns` and `--columns-file` on `validate`, `export ROSTER` and `case import`, and a
mapping the window remembered, on the office's own list (顧問先No, 会社名, 〒, …, 個別報告する)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from noticedesk.cli.main import main
from noticedesk.core.case import CaseStore, KeyringKeySource
from noticedesk.core.column_mappings import remember_mapping
from noticedesk.core.roster import ColumnMapping, read_table
from tests.core.roster.test_mapping import CHOSEN, OFFICE_HEADER, OFFICE_ROWS
from tests.helpers.paths import SAMPLE
from tests.helpers.rosters import write_csv


@pytest.fixture
def office_list(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "顧問先.csv", OFFICE_ROWS, header=OFFICE_HEADER)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_validate_lists_the_columns_not_used_and_the_option_that_would_read_them(
    capsys: pytest.CaptureFixture[str], office_list: Path
) -> None:
    code, out, _ = run(capsys, "validate", str(office_list))
    assert code == 1  # the look-alike columns are warnings
    unused = out.split("使っていない列（顧問先ごとに残しますが、標準の文書には載りません）\n")[1]
    assert unused.splitlines()[0] == "  顧問先No、住所1、住所2、個別報告する、備考"
    assert "「個別報告する」の列は読み込んでいません" in out
    assert out.rstrip().endswith(f"列を指定して読み直すには: --columns {CHOSEN}")


def test_validate_reads_the_columns_given_and_says_so(
    capsys: pytest.CaptureFixture[str], office_list: Path
) -> None:
    code, out, _ = run(capsys, "validate", str(office_list), "--columns", CHOSEN)
    assert code == 0
    assert "  列の対応: --columns の指定どおり" in out
    assert "個別報告を希望した顧問先（1 件）" in out and "有限会社山﨑商店" in out
    assert "住所2、備考" in out and "読み直すには" not in out
    code, out, _ = run(capsys, "validate", str(office_list), "--columns", CHOSEN, "--json")
    result = json.loads(out)
    assert result["column_mapping"] == "given"
    assert result["columns"]["individual"] == "個別報告する"
    assert result["unused_columns"] == ["住所2", "備考"]
    assert result["individual"] == ["有限会社山﨑商店"]


def test_a_mapping_file_is_read_and_the_option_wins_over_it(
    capsys: pytest.CaptureFixture[str], office_list: Path, tmp_path: Path
) -> None:
    mapping = tmp_path / "列の対応.toml"
    mapping.write_text(
        '[columns]\ncode = "顧問先No"\naddress = "住所2"\nindividual = "個別報告する"\n',
        encoding="utf-8",
    )
    code, out, _ = run(
        capsys, "validate", str(office_list), "--columns-file", str(mapping), "--json"
    )
    assert code == 1 and json.loads(out)["columns"]["address"] == "住所2"  # two blank 住所2
    code, out, _ = run(
        capsys,
        "validate",
        str(office_list),
        "--columns-file",
        str(mapping),
        "--columns",
        "address=住所1",
        "--json",
    )
    result = json.loads(out)
    assert code == 0 and result["columns"]["address"] == "住所1"
    assert result["columns"]["code"] == "顧問先No"


@pytest.mark.parametrize(
    ("columns", "sentence"),
    [
        ("kode=顧問先No", "「kode」という項目はありません。使える項目: name（事業所名）"),
        (
            "code=顧客番号",
            "見出し「顧客番号」が見つかりません。見出しの行（3 行目）にあるのは: 顧問先No",
        ),
        ("顧問先No", "「項目=見出し」の形で書いてください"),
    ],
)
def test_a_mapping_that_cannot_be_used_is_one_sentence_and_exit_2(
    capsys: pytest.CaptureFixture[str], office_list: Path, columns: str, sentence: str
) -> None:
    code, out, err = run(capsys, "validate", str(office_list), "--columns", columns)
    assert code == 2 and out == ""
    assert err.startswith("読み込めません: ") and sentence in err
    code, out, _ = run(capsys, "validate", str(office_list), "--columns", columns, "--json")
    assert code == 2 and sentence in json.loads(out)["error"]["message"]


def test_a_mapping_the_window_remembered_is_used_and_said(
    capsys: pytest.CaptureFixture[str], office_list: Path, isolated_data_dir: Path
) -> None:
    key = read_table(office_list).layout.key
    remember_mapping(isolated_data_dir, key, ColumnMapping.parse("name=会社名," + CHOSEN))
    code, out, _ = run(capsys, "validate", str(office_list))
    assert code == 0
    assert "列の対応: この見出しの一覧で前に選んだ対応を使いました（column_mappings.toml）。" in out
    code, out, _ = run(capsys, "validate", str(office_list), "--json", "--lang", "en")
    assert json.loads(out)["column_mapping"] == "remembered"
    # --columns still wins over what was remembered.
    code, out, _ = run(capsys, "validate", str(office_list), "--columns", "address=住所2", "--json")
    result = json.loads(out)
    assert result["column_mapping"] == "given" and result["columns"]["address"] == "住所2"
    assert "code" not in result["columns"]


def test_a_sure_list_needs_no_mapping_and_says_nothing_of_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "validate", str(SAMPLE / "roster.csv"), "--json")
    result = json.loads(out)
    assert code == 0
    assert result["column_mapping"] == "automatic" and result["unused_columns"] == ["備考"]


def test_export_reads_the_roster_with_the_columns_given(
    capsys: pytest.CaptureFixture[str], office_list: Path, tmp_path: Path
) -> None:
    office = ["--office", str(SAMPLE / "office.toml"), "--incident", str(SAMPLE / "incident.toml")]
    out_dir = tmp_path / "出力"
    code, out, _ = run(
        capsys, "export", str(office_list), *office, "--out", str(out_dir), "--columns", CHOSEN,
        "--kinds", "cover", "--json",
    )  # fmt: skip
    result = json.loads(out)
    assert code == 0 and result["ok"] is True
    assert result["ppc_count"] == 2  # 有限会社山﨑商店 reports itself
    assert [c["code"] for c in result["clients"]] == ["101", "102", "103"]
    code, _out, err = run(
        capsys, "export", str(office_list), *office, "--out", str(tmp_path / "o"),
        "--columns", "individual=個別報告",
    )  # fmt: skip
    assert code == 2 and "見出し「個別報告」が見つかりません" in err


def test_case_import_takes_the_columns_and_ticks_from_them(
    capsys: pytest.CaptureFixture[str], office_list: Path, isolated_data_dir: Path
) -> None:
    assert run(capsys, "case", "new", "2023年7月 システム障害")[0] == 0
    code, _out, err = run(capsys, "case", "import", str(office_list), "--columns", CHOSEN)
    assert code == 0
    assert "使っていない列 (標準の文書には載りません): 住所2、備考" in err
    store = CaseStore.open(isolated_data_dir, None, KeyringKeySource())
    try:
        ticked = {c.client.code: c.client.individual for c in store.clients()}
    finally:
        store.close()
    assert ticked == {"101": False, "102": True, "103": False}
    code, _out, err = run(capsys, "case", "import", str(office_list), "--columns", "kode=x")
    assert code == 2 and "「kode」という項目はありません" in err


def test_case_import_says_when_a_remembered_mapping_is_used(
    capsys: pytest.CaptureFixture[str], office_list: Path, isolated_data_dir: Path
) -> None:
    assert run(capsys, "case", "new", "2023年7月 システム障害")[0] == 0
    key = read_table(office_list).layout.key
    remember_mapping(isolated_data_dir, key, ColumnMapping.parse(CHOSEN))
    code, _out, err = run(capsys, "case", "import", str(office_list))
    assert code == 0
    assert "列の対応: この見出しの一覧で前に選んだ対応を使いました" in err
