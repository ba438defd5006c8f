"""Small things every room uses; none of them knows the window.

- ``tasks``: slow work off the GUI thread, its outcome back by signal (``ImmediateRunner`` for
  tests);
- ``message_boxes``: non-blocking message boxes and questions;
- ``file_chooser``: choosing a folder or a file to write, without blocking;
- ``settings``: the window's settings file, with a version and upgrade steps;
- ``i18n``: choosing and loading the interface language;
- ``crash_handler``: an unforeseen error: a report on disk and one clear box;
- ``deadline_text``: how a PPC deadline and its rule read in the window;
- ``key_storage_text``: how the place a case's key is kept is named on each system;
- ``form_parts``: hints, text boxes sized in lines, scrolling pages for the dialogs;
- ``app_icon``: the program's icon in every size, for every window;
- ``single_instance``: the local channel a second start hands its file over.
"""
