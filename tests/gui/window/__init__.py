"""Tests of ``noticedesk.gui.window``."""
