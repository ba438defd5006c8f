"""Reading envelopes and label sheets back: the grid's cells as text, the sample's worst case,
and (with LibreOffice and pdftotext) where each word lands on the printed page."""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from noticedesk.core.clients import Client
from noticedesk.core.documents.pdf import LibreOfficeConverter
from noticedesk.core.roster.importer import import_roster
from tests.helpers.converters import require_soffice
from tests.helpers.documents import client as make_client
from tests.helpers.paths import SAMPLE
from tests.helpers.programs import require_tool

PT_PER_MM = 72 / 25.4


def grid_cells(data: bytes) -> list[list[str]]:
    """Per table row of the document's one table, each cell's text (paragraphs joined)."""
    import docx

    document = docx.Document(io.BytesIO(data))
    (table,) = document.tables
    return [["".join(p.text for p in cell.paragraphs) for cell in row.cells] for row in table.rows]


def sample_clients() -> list[Client]:
    return import_roster(SAMPLE / "roster.csv").clients


def worst_sample_client() -> Client:
    """The sample's longest address, longest name and longest contact person, on one client:
    what every label and envelope must hold."""
    clients = sample_clients()
    longest_address = max(clients, key=lambda c: len(c.address))
    longest_name = max(clients, key=lambda c: len(c.printed_name))
    longest_person = max(clients, key=lambda c: len(c.contact_person))
    return replace(
        longest_name,
        address=longest_address.address,
        postal_code=longest_address.postal_code,
        contact_person=longest_person.contact_person,
    )


# Far longer than anything in the sample: a building and an office on the address line, a
# department and a title before the person's name.
FAR_TOO_LONG = make_client(
    "特定非営利活動法人　日本全国社会保険労務管理情報システム利用事業者連絡協議会",
    row=9,
    postal_code="100-0005",
    address="東京都千代田区丸の内一丁目9番1号　丸の内グラントウキョウノースタワー38階 "
    "社会保険労務管理情報システム利用事業者連絡協議会事務局",
    contact_person="総務部人事労務課課長代理 長谷川 美智子",
)


@dataclass(frozen=True, slots=True)
class Word:
    page: int  # from 0
    text: str
    left: float  # points from the page's top-left corner
    top: float
    right: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Printed:
    words: list[Word]
    pages: list[tuple[float, float]]  # each page's width and height (pt)

    def on_page(self, page: int) -> list[Word]:
        return [word for word in self.words if word.page == page]

    def page_text(self, page: int) -> str:
        return "".join(word.text for word in self.on_page(page))


def printed_words(documents: list[bytes]) -> list[Printed]:
    """Every word LibreOffice prints for each of ``documents`` (one call), with its box."""
    pdftotext = require_tool("pdftotext", why="reads where the words landed on the page")
    pdfs = LibreOfficeConverter(require_soffice()).convert(documents)
    return [_words(pdf, pdftotext) for pdf in pdfs]


def _words(pdf: bytes, pdftotext: str) -> Printed:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sheet.pdf"
        path.write_bytes(pdf)
        html = subprocess.run(
            [pdftotext, "-bbox", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    words: list[Word] = []
    sizes: list[tuple[float, float]] = []
    for number, page in enumerate(re.split(r"<page ", html)[1:]):
        size = re.match(r'width="([\d.]+)" height="([\d.]+)"', page)
        assert size is not None
        sizes.append((float(size[1]), float(size[2])))
        for match in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            page,
        ):
            x0, y0, x1, y1 = (float(match[i]) for i in range(1, 5))
            words.append(Word(number, match[5], x0, y0, x1, y1))
    return Printed(words, sizes)


__all__ = [
    "FAR_TOO_LONG",
    "PT_PER_MM",
    "Printed",
    "Word",
    "grid_cells",
    "printed_words",
    "sample_clients",
    "worst_sample_client",
]
