"""The data-entry dialogs and their widgets. They ask and check; the rooms that open them save.

- ``office``: the office profile (事務所情報), checked with ``OfficeProfile.problems()``;
- ``office_mail``: its outgoing mail settings, the password to the key storage, a test message;
- ``incident``: the incident, its nine report items and its deadlines, in four tabs;
- ``report_deadlines``: the reports to the PPC and their deadlines, inside the incident dialog;
- ``association_table``: the labour-insurance associations and their recovery status;
- ``date_fields``: dates that may be unset or unknown;
- ``case_dialogs``: new case, its recovery code, open a case, open with the recovery code;
- ``first_case``: the case a client list needs when none is open (name, protection), and
  holding a message back while a recovery code is on screen;
- ``column_mapping``: the column step, which column of a client list holds which field, with
  ``column_preview``, the list's first rows under its own headers;
- ``passphrase``: a passphrase where the key cannot be kept on this computer;
- ``about``: the Help menu's dialogs: version information, the guide, the licences.
"""
