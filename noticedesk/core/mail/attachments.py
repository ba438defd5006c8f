"""A client's documents as e-mail attachments: the export's own bytes, as PDF when possible.

One source of truth: each document is rendered by ``preview.client_documents`` (the same
prepared template and context the export writes and the preview shows), and the PDF is made
from those bytes by the converter of ``documents.pdf``. Converting costs a program start per
call, so ``AttachmentMaker.prepare`` converts the documents of several clients in one call.

Decision: without a converter (no Word, no LibreOffice) the .docx files are attached instead,
and every face says so before anything is sent. A conversion that fails is not silently
replaced by .docx: the clients concerned are not sent, and the failure is listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from noticedesk.core.clients import Client
from noticedesk.core.documents.export_plan import document_file_name
from noticedesk.core.documents.pdf import PdfConverter
from noticedesk.core.documents.preview import client_documents
from noticedesk.core.incident import Incident
from noticedesk.core.office import OfficeProfile

PDF = "pdf"
DOCX = "docx"
_MIME = {
    PDF: ("application", "pdf"),
    DOCX: ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
}


@dataclass(frozen=True, slots=True)
class Attachment:
    kind: str
    filename: str
    data: bytes
    maintype: str
    subtype: str


def attachment_name(kind: str, client: Client, file_format: str) -> str:
    """``01_送付状_㈱髙橋製作所.pdf``: the export's file name, with the format's extension."""
    name = document_file_name(kind, client)
    return name[: -len(".docx")] + "." + file_format


class AttachmentMaker:
    """Renders (and converts) clients' documents; PDF when ``converter`` is given."""

    def __init__(
        self,
        office: OfficeProfile,
        incident: Incident,
        kinds: Sequence[str],
        converter: PdfConverter | None,
        templates_dir: Path | None = None,
    ) -> None:
        self.office = office
        self.incident = incident
        self.kinds = list(kinds)
        self.converter = converter
        self.templates_dir = templates_dir
        self._ready: dict[str, list[Attachment]] = {}

    @property
    def file_format(self) -> str:
        return PDF if self.converter is not None else DOCX

    def names(self, client: Client, kinds: Sequence[str]) -> list[str]:
        return [attachment_name(kind, client, self.file_format) for kind in kinds]

    def prepare(self, clients: Sequence[tuple[Client, Sequence[str]]]) -> None:
        """Render these clients' documents and convert them in one call (PdfConversionError,
        TemplateProblem); ``attachments`` then hands them out."""
        rendered = [
            (
                client,
                client_documents(client, self.office, self.incident, kinds, self.templates_dir),
            )
            for client, kinds in clients
        ]
        pdfs: list[bytes] = []
        if self.converter is not None:
            pdfs = self.converter.convert([d.docx for _c, docs in rendered for d in docs])
        at = 0
        for client, docs in rendered:
            out = []
            for document in docs:
                data = document.docx
                if self.converter is not None:
                    data, at = pdfs[at], at + 1
                maintype, subtype = _MIME[self.file_format]
                name = attachment_name(document.kind, client, self.file_format)
                out.append(Attachment(document.kind, name, data, maintype, subtype))
            self._ready[client.key] = out

    def ready_keys(self) -> set[str]:
        """The clients whose attachments are made and not yet handed out."""
        return set(self._ready)

    def attachments(self, client: Client, kinds: Sequence[str]) -> list[Attachment]:
        """The client's attachments (prepared now unless ``prepare`` did already)."""
        ready = self._ready.pop(client.key, None)
        if ready is None:
            self.prepare([(client, kinds)])
            ready = self._ready.pop(client.key)
        return ready


__all__ = ["DOCX", "PDF", "Attachment", "AttachmentMaker", "attachment_name"]
