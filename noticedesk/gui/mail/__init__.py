"""File → Send by e-mail.

- ``flow``: checks what the messages need (the case, the office, the mail settings and
  password), then opens the dialog;
- ``send_dialog``: the plan, one message read as it will be sent, the run on the worker with
  progress, stop and the failures listed;
- ``plan_model``: the dialog's table, one row per client, who gets what or why not.
"""
