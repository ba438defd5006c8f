"""The office's own Word templates (Settings → Template folder…).

- ``folder``: ``TemplateFolder``, the setting read, chosen, checked and announced;
- ``files``: which kinds a folder holds, its stamp, and the check (no widgets);
- ``dialog``: the dialog that shows and changes the folder.
"""
