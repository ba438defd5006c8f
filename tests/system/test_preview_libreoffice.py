"""The real converter: LibreOffice turns the exported bytes into A4 pages in the right faces.

One soffice call converts a client's whole envelope (start-up dominates its cost).
"""

from __future__ import annotations

import ctypes
import os
import re
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest

from noticedesk.core.documents.pages import page_sizes, page_text, rasterise
from noticedesk.core.documents.pdf import LibreOfficeConverter, PdfConversionError, fontconfig_file
from noticedesk.core.documents.preview import PreviewCache, client_documents
from noticedesk.core.roster import import_roster
from tests.helpers.converters import require_soffice
from tests.helpers.documents import sample_incident, sample_office
from tests.helpers.paths import SAMPLE
from tests.helpers.programs import require_tool, unavailable

pytestmark = [pytest.mark.libreoffice]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def font_names(pdf: bytes) -> set[str]:
    """The base font names of every text object on every page."""
    names: set[str] = set()
    document = pdfium.PdfDocument(pdf)
    try:
        for page in document:
            for obj in page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_TEXT]):
                font = pdfium_raw.FPDFTextObj_GetFont(obj.raw)
                buffer = ctypes.create_string_buffer(256)
                pdfium_raw.FPDFFont_GetBaseFontName(font, buffer, 256)
                names.add(buffer.value.decode("latin-1"))
            page.close()
    finally:
        document.close()
    return names


@pytest.fixture(scope="module")
def envelope() -> tuple[str, list[tuple[str, bytes, bytes]]]:
    """An individually reporting client's four documents, converted in one call."""
    binary = require_soffice()
    roster = import_roster(SAMPLE / "roster.csv")
    chosen = next(c for c in roster.clients if c.individual)
    documents = client_documents(chosen, sample_office(), sample_incident())
    cache = PreviewCache(LibreOfficeConverter(binary))
    converted = cache.convert(documents)
    assert cache.conversions == 1
    return chosen.name, [(d.kind, d.docx, d.pdf or b"") for d in converted]


def test_each_document_becomes_a4_pages_that_name_the_client(
    envelope: tuple[str, list[tuple[str, bytes, bytes]]],
) -> None:
    name, documents = envelope
    assert [kind for kind, _docx, _pdf in documents] == [
        "cover",
        "internal",
        "report",
        "individual",  # and no reply slip: its choice is known
    ]
    office = sample_office()
    texts = set()
    for kind, _docx, pdf in documents:
        sizes = page_sizes(pdf)
        assert 1 <= len(sizes) <= 4, kind
        for size in sizes:
            assert round(size.width_mm) == 210 and round(size.height_mm) == 297, kind
        text = squeeze("".join(page_text(pdf, i) for i in range(len(sizes))))
        assert squeeze(name) in text, kind
        assert squeeze(office.name) in text, kind
        texts.add(text)
    assert len(texts) == 4  # four different documents, not one converted four times


def test_pages_are_drawn_at_screen_and_print_resolutions(
    envelope: tuple[str, list[tuple[str, bytes, bytes]]],
) -> None:
    _name, documents = envelope
    _kind, _docx, pdf = documents[2]  # the report-format notice
    screen = rasterise(pdf, 96)
    assert len(screen) == len(page_sizes(pdf))
    assert (screen[0].width, screen[0].height) == (794, 1123)
    inked = sum(1 for i in range(0, len(screen[0].pixels), 4) if screen[0].pixels[i] < 160)
    assert inked > 2000  # a page of text, not a blank sheet
    (printed,) = rasterise(pdf, 300, [0])
    assert (printed.width, printed.height) == (2481, 3508)


def test_mincho_text_is_set_in_a_mincho_face_on_linux(
    envelope: tuple[str, list[tuple[str, bytes, bytes]]],
) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("the fontconfig aliases are for Linux")
    _name, documents = envelope
    names = set().union(*(font_names(pdf) for _k, _d, pdf in documents))
    # Body text (ＭＳ 明朝) in Noto Serif CJK, headings (ＭＳ ゴシック) in Noto Sans CJK.
    assert any("NotoSerifCJK" in n for n in names), names
    assert any("NotoSansCJK" in n for n in names), names


def test_a_damaged_document_gives_a_clear_error(tmp_path: Path) -> None:
    converter = LibreOfficeConverter(require_soffice(), profile_dir=tmp_path / "profile")
    with pytest.raises(PdfConversionError) as caught:
        converter.convert([b"PK\x03\x04 not a whole Word file"])
    assert "LibreOffice で PDF に変換できませんでした（1 件中 0 件を作成" in caught.value.text("ja")
    assert "javaldx" not in caught.value.text("ja")


def test_the_font_aliases_do_the_work_without_the_systems_own_rules(tmp_path: Path) -> None:
    """Debian's own rules happen to map MS Mincho to a serif face; many systems have none.
    With only the font folders (no rules), our aliases alone must pick the Noto faces."""
    fc_match = require_tool("fc-match", why="fontconfig picks the faces")
    noto = Path("/usr/share/fonts/opentype/noto")
    if not noto.is_dir():
        unavailable(f"fonts-noto-cjk is not installed (no {noto})")
    bare = tmp_path / "bare.conf"
    bare.write_text(
        '<?xml version="1.0"?><fontconfig>'
        f"<dir>{noto}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    ours = tmp_path / "ours.conf"
    ours.write_text(
        fontconfig_file().read_text(encoding="utf-8").replace("/etc/fonts/fonts.conf", str(bare)),
        encoding="utf-8",
    )

    def match(conf: Path, family: str) -> str:
        env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
        return subprocess.run(
            [fc_match, "-f", "%{family[0]}", family],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    assert match(ours, "ＭＳ 明朝") == "Noto Serif CJK JP"
    assert match(ours, "MS Mincho") == "Noto Serif CJK JP"
    assert match(ours, "ＭＳ ゴシック") == "Noto Sans CJK JP"
    assert match(ours, "MS Gothic") == "Noto Sans CJK JP"
    assert match(bare, "ＭＳ 明朝") != "Noto Serif CJK JP"  # the aliases made the difference
