"""Tests of ``noticedesk.gui.export``."""
