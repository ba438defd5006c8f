"""The window: a thin Qt face over ``noticedesk.core``, in rooms by concern.

- ``window``: the main window that puts the rooms together, its menus, its status bar;
- ``clients``: what staff do to the client list: ticking (and undo), reading a list in
  (File → Open, a drop, recent files, the re-import report), the problems beside the table,
  marking documents printed or sent;
- ``table``: the clients' table itself: model, search filter, view, tick delegate;
- ``case``: the Case menu, opening a case with its key (start-up too), the office profile and
  incident dialogs opened and saved;
- ``export``: File → Export, its dialog, the print-files choice;
- ``preview``: the preview dock and panel, its jobs (the newest request wins), print previews;
- ``templates``: the office's own Word templates, their check and their dialog;
- ``dialogs``: the data-entry dialogs and their widgets (office, incident, cases, passphrase);
- ``shared``: what the rooms share: the open case (``CaseSession``), the ``WindowState`` with
  its signals, and ``WindowHost``, what a part may ask of the window;
- ``common``: small things every room uses: the task runner, message boxes, file chooser,
  settings, language, crash handler, deadline wording, form pieces.

``app`` starts it all (``noticedesk`` without a command), after ``second_start`` has handed
a second start's file to a window already open. Rooms import downward only: ``common``
and ``table`` need no other room, ``shared`` only those, and ``window`` sits on top; no module
imports another in a circle (``tests/gui/test_import_layout.py``).
"""
