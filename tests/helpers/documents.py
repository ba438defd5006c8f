"""Shared inputs for the document and export tests: the sample office and incident, clients
built directly, and hazardous client names as real data."""

from __future__ import annotations

import io
import zipfile

from noticedesk.core.clients import Client
from noticedesk.core.incident import Incident, load_incident
from noticedesk.core.office import OfficeProfile, load_office
from tests.helpers.paths import SAMPLE


def sample_office() -> OfficeProfile:
    return load_office(SAMPLE / "office.toml")


def sample_incident() -> Incident:
    return load_incident(SAMPLE / "incident.toml")


def client(name: str, **values: object) -> Client:
    defaults: dict[str, object] = {
        "row": 4,
        "address": "東京都中野区中野3丁目5番13号",
        "postal_code": "164-0001",
        "phone": "03-6363-9779",
        "contact_person": "鈴木 一郎",
    }
    defaults.update(values)
    return Client(name=name, **defaults)  # type: ignore[arg-type]


HAZARD_NAMES: tuple[str, ...] = (
    "A&B商事",
    "<有限会社>",
    "{{ 7*7 }}",
    "{% for %}",
    "株式会社\x07ベル\x0b商会\x1f",
    "CON",
    "a/b:c*?",
    "株式会社ドット.",
    "長" * 300,
)


def zip_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def document_xml(data: bytes) -> str:
    return zip_parts(data)["word/document.xml"].decode("utf-8")


def document_text(data: bytes) -> str:
    """A rendered .docx as a reader sees it: header, body paragraphs and table cells, footer.

    Paragraphs end with a new line; table rows are joined with " | ".
    """
    import docx  # local: most users of these fixtures never read a document back

    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for section in document.sections:
        lines.extend(p.text for p in section.header.paragraphs)
    body = document.element.body
    for child in body.iterchildren():
        if child.tag.endswith("}p"):
            lines.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif child.tag.endswith("}tbl"):
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = [
                        "".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t"))
                        for cell in row
                        if cell.tag.endswith("}tc")
                    ]
                    lines.append(" | ".join(cells))
    for section in document.sections:
        lines.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(lines)
