"""Bugs found in review of the core and the command line, each pinned by the test that showed it."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from noticedesk.cli.main import main
from noticedesk.core.bundled import sample_dir, templates_dir
from noticedesk.core.documents.filenames import safe_name

SAMPLE = sample_dir()
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10))}


@pytest.mark.parametrize("name", ["CON.txt", "con.co.jp", "Nul .jp", "COM1.合同会社", "AUX"])
def test_a_reserved_device_name_before_a_dot_is_not_left_for_windows(name: str) -> None:
    # Windows treats CON.txt_ (and CON.txt_.docx) as the device CON: the part before the
    # first dot must not be a device name, whatever follows it.
    safe = safe_name(name)
    assert safe.split(".", 1)[0].strip().upper() not in _RESERVED
    assert safe.replace("_", "").replace(" ", "").casefold() == name.replace(" ", "").casefold()


def _failing_cover(folder: Path, failing_code: str) -> Path:
    """The bundled cover letter plus a line that cannot be rendered for one client only."""
    document = docx.Document(str(templates_dir() / "cover.docx"))
    document.add_paragraph(
        f'{{% if client.code == "{failing_code}" %}}{{{{ "%d" % client.name }}}}{{% endif %}}'
    )
    folder.mkdir()
    document.save(str(folder / "cover.docx"))
    return folder


def test_a_case_export_stopped_part_way_still_records_what_it_wrote(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["case", "new", "review"]) == 0
    assert main(["office", "import", str(SAMPLE / "office.toml")]) == 0
    assert main(["case", "import", str(SAMPLE / "roster.csv")]) == 0
    assert main(["case", "incident", str(SAMPLE / "incident.toml")]) == 0
    templates = _failing_cover(tmp_path / "templates", "C0040")
    out = tmp_path / "out"
    capsys.readouterr()

    code = main(["export", "--out", str(out), "--templates", str(templates), "--kinds", "cover"])
    assert code == 2
    assert "有限会社吉祥寺書房" in capsys.readouterr().err
    written = sorted(out.rglob("*.docx"))
    assert len(written) == 39  # every client before the failing one has its letter on disk

    capsys.readouterr()
    assert main(["case", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["documents"]["cover"]["exported"] == 39

    log_file = tmp_path / "log.csv"
    assert main(["log", "--csv", str(log_file)]) == 0
    log = log_file.read_text("utf-8-sig")
    assert str(written[0]) in log
