"""Cells of the CSV files NoticeDesk writes, made so that Excel never runs them as formulas.

A client called ``=1+1`` or ``-2+3``, or a roster file called ``=HYPERLINK(…)``, reaches the
audit log's CSV as written; Excel (and LibreOffice, Google Sheets) reads a cell that begins with
``=``, ``+``, ``-`` or ``@`` as a formula, and a tab or carriage return before one of them is
skipped on the way in. ``csv_cell`` puts a single quote before such a value, as OWASP advises
(CSV injection): Excel then shows the text, with the quote, and runs nothing. The regulator's
list (``documents.ppc_list``) is a workbook whose cells are typed as text and needs none of this.

Decisions:
- Every value that begins with one of these characters is quoted, numbers included: ``-2`` and
  a phone number such as ``+81-3-1234-5678`` get the quote too. Telling a number from a formula
  is exactly what cannot be done safely (Excel computes ``+81-3-1234-5678`` to -6834 and runs
  ``-2+3``, and ``-1+cmd|…`` is a known attack), and the CSV files NoticeDesk writes hold text
  for people to read (who, when, what), never numbers for Excel to add up. A visible quote
  before a rare value is the price; a live cell is not an acceptable one.
- Numbers NoticeDesk itself puts in a cell (the log's sequence number) are ``int`` and written
  as they are: an ``int`` prints as digits with at most a leading minus, which Excel reads as
  that number and nothing else.
- Only the first character matters: the csv module quotes a value holding a comma, a quote or
  a line break, so nothing after the first character can start a new cell.
"""

from __future__ import annotations

from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def csv_cell(value: object) -> object:
    """``value`` as a CSV cell that a spreadsheet shows and never evaluates.

    ``int`` values pass unchanged; anything else becomes text, with ``'`` put before it when
    it begins with ``= + - @``, a tab or a carriage return.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    return QUOTE + text if text.startswith(FORMULA_STARTS) else text


def csv_row(values: Iterable[object]) -> list[object]:
    """Every cell of a row through ``csv_cell``."""
    return [csv_cell(value) for value in values]
