"""Tests of ``noticedesk.gui.clients``."""
