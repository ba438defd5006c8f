"""The Word documents, the regulator's client list and the export engine (no Qt).

Call ``check_inputs`` to list what stops an export, ``render_document`` for one document (the
preview) and ``export_case`` to write everything (``print_files=True``: also one merged file per
kind for printing, see ``print_files``); both render through the same prepared
templates, so a preview and the exported file are the same bytes.
"""

from __future__ import annotations

from noticedesk.core.documents.context import build_context
from noticedesk.core.documents.docx_merge import MergeError, merge_documents
from noticedesk.core.documents.export import ExportResult, export_case
from noticedesk.core.documents.export_plan import PlannedClient, plan_export
from noticedesk.core.documents.export_problems import ExportProblem
from noticedesk.core.documents.kinds import DOCUMENT_KINDS, KINDS, DocumentKind
from noticedesk.core.documents.ppc_list import PPC_LIST_NAME, write_ppc_list
from noticedesk.core.documents.print_files import PRINT_FOLDER, print_file_name
from noticedesk.core.documents.problems import InputProblem
from noticedesk.core.documents.rendering import (
    check_inputs,
    find_input_problems,
    render_document,
    template_path,
)

__all__ = [
    "DOCUMENT_KINDS",
    "KINDS",
    "PPC_LIST_NAME",
    "PRINT_FOLDER",
    "DocumentKind",
    "ExportProblem",
    "ExportResult",
    "InputProblem",
    "MergeError",
    "PlannedClient",
    "build_context",
    "check_inputs",
    "export_case",
    "find_input_problems",
    "merge_documents",
    "plan_export",
    "print_file_name",
    "render_document",
    "template_path",
    "write_ppc_list",
]
