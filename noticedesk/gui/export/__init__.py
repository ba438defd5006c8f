"""File → Export.

- ``flow``: ``ExportFlow``, from the checks to the finished message, with ``export_and_record``
  (the command line's path) on the worker and only the table's statuses and messages here;
- ``dialog``: the folder, the documents and the print-files choice;
- ``address_choices``: envelopes and labels (size, label sheet, first label), in the dialog and
  in the print preview of envelopes and labels;
- ``print_choices``: what staff chose for printing last time (print files, kinds to print).
"""
