"""Clients' answers to the reply slip (回答書), beside the table.

- ``recording``: Edit → Record answer… / Withdraw answer, the 回答待ち filter's action and the
  reminder list's, saved through the case and undoable;
- ``answer_dialog``: the small dialog: the answer, the day it came, how, who took it;
- ``answer_history``: the undo command of an answer, on the window's one undo stack;
- ``reminder_list``: the clients past the reply-by date without an answer, and the action that
  exports the reminder for them.
"""
