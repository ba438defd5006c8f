"""The data-entry dialogs and their widgets. They ask and check; the rooms that open them save.

- ``office``: the office profile (事務所情報), checked with ``OfficeProfile.problems()``;
- ``incident``: the incident, its nine report items and its deadlines, in four tabs;
- ``report_deadlines``: the reports to the PPC and their deadlines, inside the incident dialog;
- ``association_table``: the labour-insurance associations and their recovery status;
- ``date_fields``: dates that may be unset or unknown;
- ``case_dialogs``: new case, its recovery code, open a case, open with the recovery code;
- ``passphrase``: a passphrase where the credential store cannot hold the key.
"""
