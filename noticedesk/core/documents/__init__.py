"""The Word documents, the regulator's client list and the export engine (no Qt).

Call ``check_inputs`` to list what stops an export, ``render_document`` for one document (the
preview) and ``export_case`` to write everything; both render through the same prepared
templates, so a preview and the exported file are the same bytes.
"""

from __future__ import annotations

from noticedesk.core.documents.context import build_context
from noticedesk.core.documents.export import (
    ExportProblem,
    ExportResult,
    PlannedClient,
    export_case,
    plan_export,
)
from noticedesk.core.documents.kinds import DOCUMENT_KINDS, KINDS, DocumentKind
from noticedesk.core.documents.ppc_list import PPC_LIST_NAME, write_ppc_list
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
    "DocumentKind",
    "ExportProblem",
    "ExportResult",
    "InputProblem",
    "PlannedClient",
    "build_context",
    "check_inputs",
    "export_case",
    "find_input_problems",
    "plan_export",
    "render_document",
    "template_path",
    "write_ppc_list",
]
