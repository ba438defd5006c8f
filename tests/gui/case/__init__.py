"""Tests of ``noticedesk.gui.case``."""
