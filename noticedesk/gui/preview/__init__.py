"""The document preview and printing from it.

- ``panel``: ``PreviewPanel``, one client's documents as the pages that will be printed;
- ``jobs``: the converter, its cache and the preview's jobs (one at a time, the newest wins);
- ``newest``: ``NewestRequest``, the "newest request wins" rule the panel and ``print_selection``
  share;
- ``requests``: what the preview asks for and the job that makes it (no widgets);
- ``pages``: the pages on screen, in a scroll area that fits them to its width;
- ``dock``: the dock, File → Print preview… and what the panel follows;
- ``print_preview``: printing PDF pages through Qt's print preview dialog;
- ``print_selection``: the print preview of several selected clients;
- ``address_print``: File → Print envelopes and labels…, the export's own pages in the print
  preview.
"""
