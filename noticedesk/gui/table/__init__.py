"""The clients' table: Qt model/view over the open case's clients.

- ``model``: ``RosterTableModel`` with named columns, a sort role, a row role and the column and
  document titles;
- ``filter``: the search box's filter (full-width = half-width, every word must appear) and
  the 回答待ち filter;
- ``answer_words``: how the table and the answer dialog word an answer to the reply slip;
- ``view``: the table view (ticking by click and Space, sampled column widths, the empty hint);
- ``check_delegate``: the tick drawn centred in its cell;
- ``tick_history``: the undo command of a tick.
"""
