"""The program's self-test on its bundled sample case: read, export, preview (``--selftest``).

It answers "does this installation work?" for whoever installs it (an office's IT, a build
pipeline), with the files the program ships and nothing of the user's: the sample roster is
read as ``noticedesk validate`` reads it, every document and the regulator's list are exported
into a temporary folder, and one client's documents go the preview's way (the same rendered
.docx bytes, a PDF made by the converter this PC has, its pages drawn by PDFium).

Decision: a PC without LibreOffice or Word has no converter, and the window's preview says so
and still opens the files in Word. The self-test then checks what it can (the documents render,
PDFium draws a page) and names the missing converter instead of failing: the installation is
sound, the PC lacks a program.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from noticedesk.core.bundled import sample_dir
from noticedesk.core.clients import Client
from noticedesk.core.documents import export_case
from noticedesk.core.documents.kinds import default_kinds
from noticedesk.core.documents.pages import rasterise
from noticedesk.core.documents.pdf import PdfConverter, find_converter
from noticedesk.core.documents.preview import PreviewCache, client_documents
from noticedesk.core.incident import Incident, load_incident
from noticedesk.core.office import OfficeProfile, load_office
from noticedesk.core.roster import import_roster
from noticedesk.core.user_error import UserError

PREVIEW_DPI = 36.0  # enough to prove a page is drawn, cheap to draw

FindConverter = Callable[[], PdfConverter | None]


@dataclass(frozen=True, slots=True)
class SelfTestStep:
    name: str  # "validate", "export", "preview"
    ok: bool
    ja: str
    en: str


class _StepFailed(Exception):
    def __init__(self, ja: str, en: str) -> None:
        super().__init__(en)
        self.ja, self.en = ja, en


def run_selftest(
    work_dir: Path | None = None, *, find: FindConverter | None = None
) -> list[SelfTestStep]:
    """Every step, in order; a step after a failed one is not run (it would only fail too).
    ``find``: how the converter is looked for (``find_converter``, this PC's)."""
    sample = sample_dir()
    with tempfile.TemporaryDirectory(prefix="noticedesk-selftest-", dir=work_dir) as folder:
        steps: list[SelfTestStep] = []
        clients: list[Client] = []
        office_incident: tuple[OfficeProfile, Incident] | None = None

        def validate() -> tuple[str, str]:
            roster = import_roster(sample / "roster.csv")
            if roster.errors or not roster.clients:
                raise _StepFailed(
                    f"サンプルの顧問先一覧にエラーが {len(roster.errors)} 件あります",
                    f"The sample roster has {len(roster.errors)} errors",
                )
            clients.extend(roster.clients)
            count = len(roster.clients)
            return f"サンプルの顧問先 {count} 件を読み込みました", f"read {count} sample clients"

        def export() -> tuple[str, str]:
            nonlocal office_incident
            office_incident = (
                load_office(sample / "office.toml"),
                load_incident(sample / "incident.toml"),
            )
            office, incident = office_incident
            result = export_case(
                clients, office, incident, Path(folder) / "出力", default_kinds(incident)
            )
            written = [path for paths in result.files.values() for path in paths]
            empty = [p.name for p in written if p.stat().st_size == 0]
            if empty:
                raise _StepFailed(
                    f"空の文書があります: {', '.join(empty[:3])}",
                    f"Empty documents were written: {', '.join(empty[:3])}",
                )
            if not result.ppc_list.is_file():
                raise _StepFailed(
                    "報告対象一覧が書き出されていません", "The PPC list was not written"
                )
            return (
                f"文書 {result.count} 件と報告対象一覧を書き出しました",
                f"exported {result.count} documents and the PPC list",
            )

        def preview() -> tuple[str, str]:
            assert office_incident is not None
            client = clients[0]
            documents = client_documents(client, *office_incident)
            converter = (find or find_converter)()
            if converter is None:
                drawn = rasterise(_blank_pdf(), PREVIEW_DPI)
                return (
                    f"文書 {len(documents)} 件を作成し、PDFium でページを {len(drawn)} 枚描画しました"
                    "（PDF への変換ソフト LibreOffice / Word がないため、文書の変換は省きました）",
                    f"rendered {len(documents)} documents and PDFium drew {len(drawn)} page; "
                    "no converter (LibreOffice or Word) on this PC, so none was converted",
                )
            converted = PreviewCache(converter).convert(documents)
            pages = sum(len(rasterise(d.pdf or b"", PREVIEW_DPI)) for d in converted)
            return (
                f"{client.name}の文書 {len(converted)} 件を {converter.name} で PDF にし、"
                f"{pages} ページを描画しました",
                f"converted {len(converted)} documents of the first client with "
                f"{converter.name} and drew {pages} pages",
            )

        for name, step in (("validate", validate), ("export", export), ("preview", preview)):
            try:
                ja, en = step()
            except _StepFailed as exc:
                steps.append(SelfTestStep(name, False, exc.ja, exc.en))
                break
            except UserError as exc:
                steps.append(SelfTestStep(name, False, exc.text("ja"), exc.text("en")))
                break
            except Exception as exc:  # the report names the failure; the caller exits non-zero
                steps.append(SelfTestStep(name, False, repr(exc), repr(exc)))
                break
            steps.append(SelfTestStep(name, True, ja, en))
        return steps


def _blank_pdf() -> bytes:
    """One empty A4 page, made by PDFium itself: drawing it proves the library loads."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    try:
        document.new_page(595.3, 841.9)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()
    finally:
        document.close()
