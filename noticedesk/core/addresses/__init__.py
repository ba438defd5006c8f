"""Envelopes and address labels: who a letter is addressed to, and where it is printed.

Everything here is Qt-free and writes no file: ``render_envelopes`` and ``render_labels``
return .docx bytes; the export (``documents.address_files``) writes them, and the window's
print preview converts the same bytes.
"""

from noticedesk.core.addresses.address_block import Addressee, addressee
from noticedesk.core.addresses.blocks import AddressesUnprintable
from noticedesk.core.addresses.envelopes import (
    DEFAULT_ENVELOPE,
    ENVELOPE_SIZES,
    EnvelopeSize,
    envelope_size,
    render_envelopes,
)
from noticedesk.core.addresses.label_layouts import (
    DEFAULT_LAYOUT,
    LabelLayout,
    LabelLayoutError,
    find_layout,
    load_layouts,
)
from noticedesk.core.addresses.labels import render_labels

__all__ = [
    "DEFAULT_ENVELOPE",
    "DEFAULT_LAYOUT",
    "ENVELOPE_SIZES",
    "Addressee",
    "AddressesUnprintable",
    "EnvelopeSize",
    "LabelLayout",
    "LabelLayoutError",
    "addressee",
    "envelope_size",
    "find_layout",
    "load_layouts",
    "render_envelopes",
    "render_labels",
]
