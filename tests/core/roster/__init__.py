"""Tests of ``noticedesk.core.roster``: reading, rules and limits of the client list."""
