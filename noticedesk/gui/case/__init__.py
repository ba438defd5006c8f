"""The case as a whole: which one is open, with which key, and its office and incident.

- ``opener``: ``CaseOpener``: the case opened at start-up or from Case → Open, with its key from
  the credential store, a passphrase, or (offered) the recovery code;
- ``commands``: the Case menu (new case, open, recovery code, audit log) and a new case's
  recovery code, shown once;
- ``details``: the office profile and incident dialogs opened, and what they give saved;
- ``watcher``: ``CaseWatcher``: the case read again when another window or the command line
  changed it.
"""
