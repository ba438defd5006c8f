"""The main window and what is only its own.

- ``main_window``: ``MainWindow``, which builds the rooms, owns the table, the problems dock, the
  undo stack and the message boxes, follows the ``WindowState`` and is the one ``WindowHost``;
- ``menus``: its actions, shortcuts and menu bar (``WindowMenus``), and their texts;
- ``status_area``: counts and deadlines in the status bar, the overdue banner, the busy bar;
- ``hand_off``: a second start's file, opened in this window brought forward.
"""
