"""What staff do to the case's client list, beside the table.

- ``ticking``: "reports individually" by click or Space, saved at once, undoable;
- ``loading``: File → Open, a dropped file, recent files; the read and import off the GUI thread;
- ``column_step``: which column holds which field, decided on the worker, asked when unsure;
- ``new_case``: the case a list goes into when none is open, named by the office;
- ``drop``: which dropped files are client lists (no widgets: tested with a bare QMimeData);
- ``import_report``: what a re-import changed, as the message words it;
- ``problems_panel``: the problems the importer found, by Excel row and column, with the
  decisions each error offers;
- ``problem_decisions``: a decision asked for in that list, written through the case and shown;
- ``status_marking``: marking documents printed or sent for the selected clients.
"""
