"""What the window's rooms share, below all of them.

- ``state``: ``WindowState``, the open case, the runner, the settings, the language and the busy
  and exporting flags, with a signal for each change;
- ``host``: ``WindowHost``, the ``Protocol`` of what a part may ask of the window;
- ``session``: ``CaseSession``, the window's view of an open case, and opening or creating one.
"""
